"""Start-up: process start to the first window painted, and sign-in accepted to the main window.

Run: ``python bench/startup_bench.py [--rounds 5]``. Every round runs with
QT_QPA_PLATFORM=offscreen on a demo database:

- the baseline: a bare PySide6 process that shows an empty QWidget and reports its first paint;
- the program with METODSOVET_STARTUP_PROBE=1: it reports the first paint of the sign-in dialog
  (the first window) and whether SQLAlchemy, Alembic, ReportLab or openpyxl were loaded by then;
- the program with METODSOVET_SIGN_IN_PROBE=1: it signs in as the demo administrator as soon as the
  database is open and reports the time from sign-in accepted to the main window painted with the
  data of its first section.

Both probes print the wall-clock time of the first paint (the bench subtracts the moment it
started the process) and the processor time used until then (the probes are in
desktop_app/ui/probes.py); a plain PySide6 sign-in form (PLAIN_FORM) is a second reference.
Targets (issue 4): first window under 1.5× the bare window (issue 15: 1.25×); sign-in to the
window with its data under 300 ms.
``--bundle PATH`` times another bundle's executable.

Measured 2026-11-27 on the build machine (Debian 12, Python 3.11, PySide6 6.11, a busy machine:
the bare window took 0.10-0.16 s from run to run), first window painted, median:
the source checkout 0.16-0.25 s (1.4-1.55× the bare window); the bundle 0.20-0.25 s. The 132 MB
bundle against the former 158 MB one, 12 interleaved rounds each: 0.204 s against 0.264 s (no
pkg_resources runtime hook, fewer libraries to map).

Issue 15 (2026-12-07, a machine shared by six, load average 2.5-3.3; medians): processor time until
the first paint, bare window 113-114 ms, plain sign-in form 123-125 ms (1.07-1.10×), the program
141-147 ms (1.25-1.29×; before: 193-201 ms, 1.53-1.76×); wall time 1.24-1.42× (the plain form
alone 1.18-1.25×: wall time on a busy machine moves by ±50 ms). Moved to just after the first
paint: PySide6's Qt namespace (~90 enum types, ~16 ms; QDialogButtonBox(parent) alone built them
through its overload check), logging.handlers (~12 ms), the operations layer, hashlib, datetime, the
domain's errors; the catalog is kept as marshal data. What is left over the plain form (~20 ms):
our modules and what they import (i18n with platformdirs and dataclasses ~10 ms, sign_in ~5 ms,
cli/app/preferences ~5 ms), the catalog (~1.5 ms), the dialog's extra widgets and style sheets.

Issue 15, second round (2026-12-07; the machine's load 3-6, so counted in instructions as well:
valgrind --tool=callgrind up to the first paint, the same script for each, deterministic to ±0.5 M):
bare window 582 M, plain form 633 M (1.09×), the program 715 M (1.23×) before, 701 M (1.20×) after.
Gone before the first paint: ``dataclasses`` (i18n's ``Text`` and the server choice are named
tuples now: its import and the code each dataclass compiles) and ``QMessageBox`` (its type and
enums; imported where a message is shown). Measured and left: platformdirs (~8 M; the user folders
are needed before the paint and its rules are platformdirs' own), the application's style sheet
(~5 M), shiboken's import hook (~15 M: PySide6 reads the source of every module imported after it,
which our Qt modules cannot avoid; a frozen bundle has no sources), the catalog (~8 M). Loading
Qt-free modules before PySide6 gained nothing measurable. Wall and processor time moved within
the noise of that load (processor until the paint 1.18-1.26× the bare window).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from machine import Probe  # noqa: E402

from desktop_app.ui.probes import SIGN_IN_PROBE, STARTUP_PROBE  # noqa: E402  (the program's clocks)

#: The baseline: the least a PySide6 program does before its first window is painted.
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
            watched.removeEventFilter(self)
        return False

def done():
    print(f"first-window-painted {time.time():.6f}", flush=True)
    print(f"first-window-processor {time.process_time():.6f}", flush=True)
    window.close()

app = QApplication(sys.argv)
window = QWidget()
window.resize(380, 200)
probe = FirstPaint(window)
window.installEventFilter(probe)
window.show()
app.exec()
"""

#: A second reference (not the target's baseline): the least a sign-in form costs in PySide6 — the
#: same kinds of widgets as the program's sign-in dialog (labels, two line edits, a button box) with
#: their texts, and nothing else. Text needs the font database, which the bare window never loads.
PLAIN_FORM = BARE_WINDOW.replace("""window = QWidget()
window.resize(380, 200)""", """from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit
from PySide6.QtWidgets import QPushButton, QVBoxLayout
window = QDialog()
window.setWindowTitle("Методсовет — вход")
form = QFormLayout()
form.addRow(QLabel("&Логин"), QLineEdit())
password = QLineEdit()
password.setEchoMode(QLineEdit.EchoMode.Password)
form.addRow(QLabel("&Пароль"), password)
layout = QVBoxLayout(window)
layout.addWidget(QLabel("Вход"))
layout.addLayout(form)
buttons = QDialogButtonBox()
buttons.addButton(QPushButton("Войти"), QDialogButtonBox.ButtonRole.AcceptRole)
buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
layout.addWidget(buttons)""")


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, dict[str, str]]:
    """Starts ``command``; returns when it began (wall clock), the processor time it used, and the
    probe's ``key value`` lines."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    done = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, text=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = (line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    return started, cpu, {key: value for key, value in lines}


def first_windows(commands: list[list[str]], envs: list[dict[str, str]], rounds: int, machine: Probe | None = None
                  ) -> tuple[list[list[float]], list[list[float]], list[list[float]], set[str]]:
    """Each command ``rounds`` times, interleaved (a busy machine slows them alike), per command:
    the seconds to the first paint, the processor seconds of the whole run (the work after the
    first paint and the exit included) and the processor seconds until the first paint (the
    process's own clock: what a busy machine changes least)."""
    times: list[list[float]] = [[] for _ in commands]
    cpu: list[list[float]] = [[] for _ in commands]
    to_paint: list[list[float]] = [[] for _ in commands]
    heavy = set()
    for _ in range(rounds):
        if machine:  # how steady the machine is, sampled between the rounds
            machine.sample()
        for index, (command, env) in enumerate(zip(commands, envs, strict=True)):
            started, used, probe = _run(command, env)
            times[index].append(float(probe["first-window-painted"]) - started)
            cpu[index].append(used)
            to_paint[index].append(float(probe.get("first-window-processor", used)))
            heavy.add(probe.get("heavy-modules", "none"))
            if "early-modules" in probe:
                heavy.add("early: " + probe["early-modules"])
    return times, cpu, to_paint, heavy


def sign_in_to_window(command: list[str], env: dict[str, str], rounds: int) -> list[float]:
    return [float(_run(command, env)[2]["sign-in-to-window-ms"]) for _ in range(rounds)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "metodsovet" / "metodsovet",
                        help="the bundle's executable (default: dist/metodsovet/metodsovet)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # As installed: byte code cached (in a temporary folder, whatever PYTHONDONTWRITEBYTECODE says).
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METODSOVET_HOME=str(Path(folder) / "home"),
                   PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        database = str(Path(folder) / "demo.sqlite3")
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", database, "demo"], env=env, cwd=ROOT,
                       check=True, capture_output=True)
        first_env = {**env, STARTUP_PROBE: "1"}
        sign_in_env = {**env, SIGN_IN_PROBE: "1"}
        program = [sys.executable, "-m", "desktop_app", "--db", database]
        bare_window = [sys.executable, "-c", BARE_WINDOW]
        plain_form = [sys.executable, "-c", PLAIN_FORM]
        subprocess.run(program, env=sign_in_env, cwd=ROOT, check=True,
                       capture_output=True)  # the first start takes the day's backup and caches byte code

        probe = Probe()
        (bare, source, plain), (bare_cpu, source_cpu, _), (bare_paint, source_paint, plain_paint), heavy = \
            first_windows([bare_window, program, plain_form], [env, first_env, env], args.rounds, probe)
        to_window = sign_in_to_window(program, sign_in_env, args.rounds)
        ratio = statistics.median(source) / statistics.median(bare)
        cpu_ratio = statistics.median(source_cpu) / statistics.median(bare_cpu)
        print(f"bare PySide6 window painted:              median {statistics.median(bare):.3f} s, "
              f"processor {statistics.median(bare_cpu):.3f} s")
        print(f"source checkout, first window painted:    median {statistics.median(source):.3f} s "
              f"({ratio:.2f}× the bare window; target ≤ 1.25×), processor {statistics.median(source_cpu):.3f} s "
              f"({cpu_ratio:.2f}×)")
        print(f"processor until the first paint:          bare {statistics.median(bare_paint):.3f} s, source "
              f"{statistics.median(source_paint):.3f} s "
              f"({statistics.median(source_paint) / statistics.median(bare_paint):.2f}×)")
        print(f"plain PySide6 sign-in form (reference):   median {statistics.median(plain):.3f} s "
              f"({statistics.median(plain) / statistics.median(bare):.2f}×), processor until painted "
              f"{statistics.median(plain_paint):.3f} s "
              f"({statistics.median(plain_paint) / statistics.median(bare_paint):.2f}×)")
        print(f"load average (1, 5, 15 min):              {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(probe.result())
        print(f"heavy modules loaded at the first window: {', '.join(sorted(heavy))}")
        print(f"sign-in accepted to main window painted:  median {statistics.median(to_window):.0f} ms "
              f"(target under 300 ms)")
        bundle = args.bundle
        if bundle.exists():
            try:
                (frozen,), _, _, _ = first_windows([[str(bundle), "--db", database]], [first_env], args.rounds)
            except KeyError:
                print("bundle: built before the probe reported times; rebuild it (bash installer/build.sh)")
                return
            print(f"bundle, first window painted:             median {statistics.median(frozen):.3f} s "
                  f"({statistics.median(frozen) / statistics.median(bare):.2f}× the bare window)")
        else:
            print("bundle: not built (bash installer/build.sh)")


if __name__ == "__main__":
    main()
