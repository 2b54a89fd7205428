"""Kill the save path with SIGKILL at random moments and check that nothing confirmed is lost.

Used by tests/reliability (CI: 50 kills) and bench/reliability_bench.py (500 and more).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

SAVER = Path(__file__).with_name("saver.py")
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class KillReport:
    kills: int = 0
    confirmed: int = 0
    lost: list[str] = field(default_factory=list)
    integrity_failures: list[str] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"kills {self.kills}, confirmed saves {self.confirmed}, lost saves {len(self.lost)}, "
                f"integrity failures {len(self.integrity_failures)}, mixed imports {len(self.mixed)}")


def _start(args: list[str]) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, str(SAVER), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)


def _kill_after(child: subprocess.Popen[str], rng: random.Random, longest: float) -> list[str]:
    """Wait until the child is ready, let it save for a random time, SIGKILL it, return its lines."""
    assert child.stdout is not None
    with child, child.stdout:
        if child.stdout.readline().strip() != "ready":
            child.kill()
            raise RuntimeError("the saver did not start")
        time.sleep(rng.uniform(0.0, longest))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        return child.stdout.read().splitlines()


def _integrity(database: Path) -> str:
    with sqlite3.connect(database) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def kill_saves(database: Path, kills: int, seed: int = 253, longest: float = 0.4) -> KillReport:
    """Teachers saved one by one; after every kill each confirmed teacher must be in the file."""
    rng = random.Random(seed)
    report = KillReport()
    confirmed: list[str] = []
    number = 0
    for _round in range(kills):
        lines = _kill_after(_start([str(database), "teachers", str(number)]), rng, longest)
        saved = [line.split()[1] for line in lines if line.startswith("saved ")]
        confirmed += saved
        number += len(saved) + 1  # the save in flight may or may not have landed: skip its number
        report.kills += 1
        result = _integrity(database)
        if result != "ok":
            report.integrity_failures.append(result)
        with sqlite3.connect(database) as db:
            present = {row[0] for row in db.execute("SELECT id FROM teachers WHERE id LIKE 'r-%'")}
        report.lost += [record for record in saved if record not in present]
    report.confirmed = len(confirmed)
    return report


def kill_imports(database: Path, documents: tuple[Path, Path], markers: tuple[str, str], kills: int,
                 seed: int = 26, longest: float = 1.5) -> KillReport:
    """Imports with --replace killed midway: the school is always one document or the other, whole."""
    rng = random.Random(seed)
    report = KillReport()
    for _round in range(kills):
        lines = _kill_after(_start([str(database), "replace", *map(str, documents)]), rng, longest)
        report.kills += 1
        report.confirmed += sum(1 for line in lines if line.startswith("imported "))
        result = _integrity(database)
        if result != "ok":
            report.integrity_failures.append(result)
        with sqlite3.connect(database) as db:
            names = {row[0] for row in db.execute("SELECT last_name FROM teachers")}
            count = db.execute("SELECT count(*) FROM teachers").fetchone()[0]
        holds = [m for m in markers if m in names]
        if len(holds) != 1 or count == 0:
            report.mixed.append(f"round {_round}: markers {holds}, {count} teachers")
    return report
