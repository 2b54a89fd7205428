"""Start-up to the first window (the sign-in dialog), from the source checkout and from the bundle.

Run: ``python bench/startup_bench.py [--rounds 5]``. Each round starts the program on a demo
database with QT_QPA_PLATFORM=offscreen and METODSOVET_STARTUP_PROBE=1 (the first window closes as
soon as it is shown) and takes the wall time; a bare ``import PySide6.QtWidgets`` process is timed
the same way as the baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(command: list[str], env: dict[str, str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METODSOVET_STARTUP_PROBE="1",
                   METODSOVET_HOME=str(Path(folder) / "home"))
        database = str(Path(folder) / "demo.sqlite3")
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", database, "demo"], env=env, cwd=ROOT,
                       check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", database], env=env, cwd=ROOT,
                       check=True, capture_output=True)  # the first start takes the day's backup
        baseline = _timed([sys.executable, "-c", "import PySide6.QtWidgets"], env, args.rounds)
        source = _timed([sys.executable, "-m", "desktop_app", "--db", database], env, args.rounds)
        print(f"baseline (import PySide6.QtWidgets): median {statistics.median(baseline):.2f} s")
        print(f"source checkout to first window:     median {statistics.median(source):.2f} s "
              f"({statistics.median(source) / statistics.median(baseline):.1f}× baseline)")
        bundle = ROOT / "dist" / "metodsovet" / "metodsovet"
        if bundle.exists():
            frozen = _timed([str(bundle), "--db", database], env, args.rounds)
            print(f"bundle to first window:              median {statistics.median(frozen):.2f} s")
        else:
            print("bundle: not built (bash installer/build.sh)")


if __name__ == "__main__":
    main()
