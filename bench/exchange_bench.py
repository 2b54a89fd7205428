"""Import, export and check of a large school at the command line: wall time and peak memory.

The school of issue 15 (120 teachers, 10 years, ~30 000 KTP rows a year: ~9 600 plans, ~325 000
rows, ~70 MB) is generated once and cached in the temporary folder. Each step runs as
``metodsovet`` does, in a process of its own, so that its peak memory is its own:

    python bench/exchange_bench.py [--teachers 120 --years 10 --rows 30000] [--keep]
    python bench/exchange_bench.py --district 40    # 40 one-year schools into one database
    python bench/exchange_bench.py --repeat 3 --compare /tmp/old   # before/after, taking turns

(``/tmp/old`` holding an older commit: ``git archive COMMIT | tar -x -C /tmp/old``.)

Figures of 7 December 2026 (processor s, user + sys; the machine shared, load average 5.4-6.7 on
2 cores), before (8887ddf) → after, taking turns in one run: import 9.98 / 11.35 → 7.60 / 8.01
(peak 269 → 270 MB), export 4.61 / 4.48 → 3.24 / 3.53, check 4.97 / 5.32 → 3.58 / 3.30. At load
1.4 the same morning, before: import 7.63, export 3.53, check 3.89. What changed: the cycle
collector paused over the bulk work (storage/collector.py), KTP rows fetched as the driver's
tuples, the fast schema check's oneOf and formats, column-wise insert parameters, row-level
reading and writing in one expression per row. District (40 one-year schools, load 6.5, tests
running beside): each import 1.6-2.2 s processor, ≤ 97 MB; ``import-folder`` of all 40 in one
process 30.6 s processor (0.76 s a school), 98 MB; ``check`` of the 40-school database 10.7 s.

Targets on a 2-core machine: import ≤ 12 s and ≤ 400 MB; export and check ≤ 5 s each. A loaded
machine is slower: each step prints wall and processor time (user + sys of the child) and the load
average; the targets are judged on processor time. Each time is also given as a ratio to a
baseline measured in this process (``json.loads`` of the same file).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import VERSION, district_school, large_school

from tests.canonical import canonical

TARGETS = {"import": (12.0, 400), "export": (5.0, None), "check": (5.0, None)}

#: Runs the command line in a child process and reports its own peak memory: VmHWM of Linux
#: (ru_maxrss would count the parent's memory at the fork); no figure elsewhere.
_RUNNER = """
import sys
from desktop_app.cli import main
code = main(sys.argv[1:])
try:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = [line.split()[1] for line in status if line.startswith("VmHWM:")]
    print("PEAK_KB", peak[0], file=sys.stderr)
except (OSError, IndexError):
    pass
sys.exit(code)
"""


def school_file(teachers: int, years: int, rows: int) -> Path:
    """The generated school, cached in the temporary folder."""
    path = Path(tempfile.gettempdir()) / f"metodsovet-bench-school-g{VERSION}-{teachers}-{years}-{rows}.json"
    if not path.exists():
        document = large_school(teachers, years, rows)
        partial = path.with_suffix(".part")
        partial.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    return path


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load() -> str:
    """The load average (1, 5, 15 min): the machine is shared, so every figure is quoted with it."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


REPO = Path(__file__).resolve().parent.parent


def run(step: str, *args: str, code: Path = REPO) -> tuple[float, float, int | None]:
    """Wall time (s), processor time (user + sys, s) and peak memory (MB) of one command, run
    with the program found in the folder ``code`` (another checkout with ``--compare``)."""
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-c", _RUNNER, *args], capture_output=True, text=True,
                          cwd=tempfile.gettempdir(), env={**os.environ, "PYTHONPATH": str(code)})
    elapsed, processor = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"{step} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    peak = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("PEAK_KB")]
    return elapsed, processor, int(peak[-1]) // 1024 if peak else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teachers", type=int, default=120)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=1, help="run import, export and check N times")
    parser.add_argument("--keep", action="store_true", help="keep the database and the exported file")
    parser.add_argument("--compare", type=Path, metavar="FOLDER",
                        help="also run each step with the program in FOLDER (e.g. `git archive` of an "
                             "older commit), alternately with this one: a before/after under the same load")
    parser.add_argument("--district", type=int, metavar="N",
                        help="instead: import N one-year schools (a district) into one database")
    args = parser.parse_args()
    if args.district:
        district(args.district, args.teachers, args.rows)
        return

    source = school_file(args.teachers, args.years, args.rows)
    started = time.perf_counter()
    document = json.loads(source.read_bytes())
    baseline = time.perf_counter() - started
    rows = sum(len(p["rows"]) for p in document["plans"])
    print(f"school: {len(document['plans'])} plans, {rows} KTP rows, {source.stat().st_size / 1e6:.1f} MB "
          f"({source})")
    print(f"baseline, json.loads of the file in this process: {baseline:.2f} s")

    folder = Path(tempfile.mkdtemp(prefix="metodsovet-exchange-bench-"))
    exported = folder / "this.json"
    versions = {"this": REPO, **({"compared": args.compare.resolve()} if args.compare else {})}
    missed = []
    for number in range(args.repeat):
        for database in folder.glob("*.sqlite3"):
            database.unlink()
        print(f"round {number + 1}, load average before: {load()}")
        for step in TARGETS:
            # The versions take turns going first, so that neither always meets the same load.
            for name in sorted(versions, reverse=number % 2 == 1):
                database = folder / f"{name}.sqlite3"
                command = {"import": ("import", str(source)), "export": ("export", str(folder / f"{name}.json")),
                           "check": ("check",)}[step]
                elapsed, processor, peak = run(step, "--db", str(database), *command, code=versions[name])
                limit, memory_limit = TARGETS[step]
                ok = processor <= limit and (memory_limit is None or peak is None or peak <= memory_limit)
                missed += [] if ok or name != "this" else [step]
                memory = "" if peak is None else f"  peak {peak:4d} MB"
                target = f"≤ {limit:.0f} s" + ("" if memory_limit is None else f", ≤ {memory_limit} MB")
                label = f"{step} ({name})" if args.compare else step
                print(f"{label:18s} wall {elapsed:6.2f} s  processor {processor:6.2f} s "
                      f"({processor / limit:4.0%} of target){memory}  ({elapsed / baseline:4.1f}× baseline)  "
                      f"target {target}: {'ok' if ok else 'MISSED'}  [load {load()}]", flush=True)

    equal = canonical(json.loads(exported.read_bytes())) == canonical(document)
    print(f"round trip equal: {equal}")
    if args.keep:
        print(f"kept in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    if missed or not equal:
        print("missed: " + ", ".join(missed + ([] if equal else ["round trip"])))


def district(schools: int, teachers: int, rows: int) -> None:
    """A district's files (``schools`` one-year schools, cached in the temporary folder) imported
    one after another into one database: the time of each import and of all, and the peak memory."""
    folder = Path(tempfile.gettempdir()) / f"metodsovet-bench-district-g{VERSION}-{teachers}-{rows}"
    folder.mkdir(exist_ok=True)
    files = []
    for number in range(1, schools + 1):
        path = folder / f"school-{number:02d}.json"
        if not path.exists():
            partial = path.with_suffix(".part")
            partial.write_text(json.dumps(district_school(number, teachers, rows), ensure_ascii=False),
                               encoding="utf-8")
            partial.replace(path)
        files.append(path)
    size = sum(f.stat().st_size for f in files) / 1e6
    work = Path(tempfile.mkdtemp(prefix="metodsovet-district-bench-"))
    database = work / "district.sqlite3"
    times, processors, peaks = [], [], []
    print(f"load average before: {load()}")
    for path in files:
        elapsed, processor, peak = run("import", "--db", str(database), "import", str(path))
        times.append(elapsed)
        processors.append(processor)
        peaks.append(peak or 0)
    print(f"district: {schools} schools, {size:.0f} MB of files, database {database.stat().st_size / 1e6:.0f} MB")
    print(f"import of all: wall {sum(times):.1f} s, processor {sum(processors):.1f} s; one school (processor): "
          f"first {processors[0]:.2f} s, last {processors[-1]:.2f} s, slowest {max(processors):.2f} s "
          f"(wall: slowest {max(times):.2f} s); peak memory of one import ≤ {max(peaks)} MB")
    elapsed, processor, _peak = run("check", "--db", str(database), "check")
    print(f"check of the district database: wall {elapsed:.2f} s, processor {processor:.2f} s")
    # The same files by `import-folder`: one process, each file in its own transaction.
    together, chosen = work / "folder.sqlite3", work / "files"
    chosen.mkdir()
    for path in files:
        (chosen / path.name).symlink_to(path)
    elapsed, processor, peak = run("import-folder", "--db", str(together), "import-folder", str(chosen))
    print(f"import-folder of the {schools} files in one process: wall {elapsed:.1f} s, processor {processor:.1f} s "
          f"({processor / schools:.2f} s a school), peak memory {peak} MB")
    print(f"load average after: {load()}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
