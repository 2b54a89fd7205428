"""A folder of 120 generated KTP files (kk and ru, .docx and .xlsx, a year of lessons each, named by
teacher, subject and grade) imported in one command, `metodsovet import-plans`, with its report.

Run: ``python bench/plan_folder_bench.py [--files 120 --lessons 68]``. Prints the wall time of the
command; the target is under 60 s on this 2-core machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.cli import main as cli  # noqa: E402
from tests.corpus.ktp import year_plan  # noqa: E402
from tests.shared_files import SAMPLE  # noqa: E402

#: (last name as the file names them, subject as written, language Kazakh?) of the sample's teachers.
TEACHERS = [("Оспанов", "математика", True), ("Әбенова", "алгебра", True), ("Қасымов", "математика", True),
            ("Иванова", "математика", False), ("Серікбай", "математика", True), ("Ким", "информатика", False),
            ("Нұрланова", "қазақ тілі", True), ("Төлеуов", "қазақ әдебиеті", True), ("Үсенова", "қазақ тілі", True)]


def make_folder(folder: Path, files: int, lessons: int) -> None:
    for index in range(files):
        last_name, subject, kazakh = TEACHERS[index % len(TEACHERS)]
        grade = 5 + index % 7
        suffix = ".docx" if index % 2 else ".xlsx"
        letter = "АБВГДЕЖ"[index // len(TEACHERS) % 7]
        name = f"{last_name} {subject} {grade}{letter} {'сынып' if kazakh else 'класс'} {index}{suffix}"
        (folder / name).write_bytes(year_plan(name, suffix, kazakh, lessons).data())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=120)
    parser.add_argument("--lessons", type=int, default=68)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        folder = root / "KTP"
        folder.mkdir()
        started = time.perf_counter()
        make_folder(folder, args.files, args.lessons)
        print(f"{args.files} KTP files of {args.lessons} lessons made in {time.perf_counter() - started:.1f} s")
        db = root / "bench.sqlite3"
        if cli(["--db", str(db), "import", str(SAMPLE)]) != 0:
            raise SystemExit("the sample school was not imported")
        command = [sys.executable, "-m", "desktop_app", "--db", str(db), "--lang", "ru", "import-plans",
                   str(folder), "--year", "2026-2027"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              env={"METODSOVET_HOME": str(root / "home"), "PATH": "/usr/bin:/bin"})
        elapsed = time.perf_counter() - started
        lines = done.stdout.splitlines()
        print("\n".join([*lines[:3], "…", *lines[-2:]]))
        if done.stderr:
            print(done.stderr[:2000], file=sys.stderr)
        print(f"import-plans of {args.files} files: {elapsed:.1f} s, exit {done.returncode}   target <= 60 s: "
              f"{'ok' if elapsed <= 60 and done.returncode == 0 else 'MISSED'}")
        started = time.perf_counter()
        again = subprocess.run(command, capture_output=True, text=True, check=False,
                               env={"METODSOVET_HOME": str(root / "home"), "PATH": "/usr/bin:/bin"})
        print(f"rerun (every file skipped as unchanged): {time.perf_counter() - started:.1f} s, "
              f"{again.stdout.splitlines()[-1] if again.stdout else again.stderr[:300]}")


if __name__ == "__main__":
    main()
