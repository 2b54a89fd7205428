"""The window on a big school: ten years of a large gymnasium against the demo school (issue 15).

Run: ``QT_QPA_PLATFORM=offscreen python bench/scale_bench.py [--repeat 3] [--district]``.

The large school (``generate.large_school(teachers=120, years=10, rows_per_year=30000)``) is
imported once and kept in ``~/.cache/metodsovet-bench/`` under a name made of the generator's
parameters and the schema version, so later runs start at once. Each step is timed in a fresh
window on the large school and on the demo school in the same process, ``--repeat`` times; the
table shows the median of each in ms and their ratio, the same in processor time, and the ratio
of the best runs (the least disturbed). Under the table, ``machine.Probe`` says how steady the
machine was during the runs: when it was not, run again later. Targets: every step ≤ 100 ms and ≤ 1.5× the
demo's; sign-in → window with data ≤ 300 ms. ``--district`` adds a database of 40 schools of one
year each and times the viewer's lists there (the same steps, the same targets). A second table
sets the large school against its last year alone (the same generator, one year): no target, it
shows what ten years of records add to each step (``--no-one-year`` leaves it out).

``--profile STEP`` prints the cProfile of one step on the large school (e.g. ``--profile plans``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["METODSOVET_HOME"] = tempfile.mkdtemp(prefix="metodsovet-scale-home-")

from generate import VERSION, district_school, large_school
from machine import Probe
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.accounts import COMMAND_LINE, Actor, Role
from desktop_app.services import Services
from desktop_app.services.demo import DEMO_ACCOUNTS, load_demo
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.settings import settings

LARGE = {"teachers": 120, "years": 10, "rows_per_year": 30_000}
DISTRICT = {"schools": 40, "teachers": 120, "rows_per_year": 30_000}
CACHE = Path(os.environ.get("METODSOVET_BENCH_CACHE", Path.home() / ".cache" / "metodsovet-bench"))
ADMIN = ("bench-admin", "bench-admin-password")
VIEWER = ("bench-viewer", "bench-viewer-password")
STEP_TARGET_MS, SIGN_IN_TARGET_MS, RATIO_TARGET = 100.0, 300.0, 1.5


def _schema_head() -> str:
    versions = Path(__file__).resolve().parent.parent / "desktop_app" / "storage" / "migrations" / "versions"
    return max(p.stem.split("_")[0] for p in versions.glob("0*.py"))


def _cached(name: str, build: Callable[[Services], None]) -> str:
    """The cached database called ``name``, built by ``build`` the first time (atomically)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}-schema{_schema_head()}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        started = time.perf_counter()
        services = Services.open(str(partial))
        try:
            build(services)
        finally:
            services.close()
        partial.rename(path)
        print(f"built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return str(path)


def large_database() -> str:
    def build(services: Services) -> None:
        data = json.dumps(large_school(**LARGE), ensure_ascii=False).encode("utf-8")
        school = services.exchange.import_document(COMMAND_LINE, data).school
        admin = services.accounts.create_user(None, *ADMIN, Role.ADMINISTRATOR, school, "t-dep")
        services.accounts.create_user(admin.actor(), *VIEWER, Role.VIEWER, school)

    name = "large-g{version}-t{teachers}-y{years}-r{rows_per_year}".format(version=VERSION, **LARGE)
    return _cached(name, build)


def district_database() -> str:
    """40 schools of one year each in one database; the viewer belongs to the first one."""
    def build(services: Services) -> None:
        admin: Actor | None = None
        for number in range(DISTRICT["schools"]):
            document = district_school(number + 1, DISTRICT["teachers"], DISTRICT["rows_per_year"])
            data = json.dumps(document, ensure_ascii=False).encode("utf-8")
            school = services.exchange.import_document(COMMAND_LINE, data).school
            if admin is None:
                admin = services.accounts.create_user(None, *ADMIN, Role.ADMINISTRATOR, school, "t-dep").actor()
                services.accounts.create_user(admin, *VIEWER, Role.VIEWER, school)

    name = "district-g{version}-s{schools}-t{teachers}-r{rows_per_year}".format(version=VERSION, **DISTRICT)
    return _cached(name, build)


def one_year_database() -> str:
    """The large school's last year alone (120 teachers, the same generator): the baseline of what
    ten years of records add to each step."""
    def build(services: Services) -> None:
        document = district_school(1, LARGE["teachers"], LARGE["rows_per_year"])
        data = json.dumps(document, ensure_ascii=False).encode("utf-8")
        school = services.exchange.import_document(COMMAND_LINE, data).school
        services.accounts.create_user(None, *ADMIN, Role.ADMINISTRATOR, school, "t-dep")

    name = "one-year-g{version}-t{teachers}-r{rows_per_year}".format(version=VERSION, **LARGE)
    return _cached(name, build)


def demo_database(folder: Path) -> str:
    path = str(folder / "demo.sqlite3")
    services = Services.open(path)
    try:
        load_demo(services)
    finally:
        services.close()
    return path


@dataclass
class School:
    label: str
    services: Services
    login: tuple[str, str]
    #: The year the window opens on, and the one a switch goes to.
    year: str
    other_year: str
    times: dict[str, list[float]] = field(default_factory=dict)
    #: The same steps in processor time of this process (steadier than wall time on a shared machine).
    cpu: dict[str, list[float]] = field(default_factory=dict)


def _settle() -> None:
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    app.processEvents()


def _dispose(widget: QWidget) -> None:
    """Delete a closed window now, as the program's event loop would: ``processEvents`` outside
    ``exec`` leaves ``deleteLater`` undone, and every earlier run's windows would stay in memory
    (the collector's full passes walking more of them at each run, the large school's most)."""
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _settle()


@contextmanager
def _timed(school: School, step: str, profile: str | None = None) -> Iterator[None]:
    wanted = profile.split(",") if profile else []
    profiler = cProfile.Profile() if step in wanted and school.label != "demo" else None
    started, used = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    yield
    _settle()
    if profiler:
        profiler.disable()
    school.times.setdefault(step, []).append((time.perf_counter() - started) * 1000)
    school.cpu.setdefault(step, []).append((time.process_time() - used) * 1000)
    if profiler:
        print(f"--- profile of {step!r} on {school.label}")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def run_window(school: School, profile: str | None) -> None:
    """Every step once, in a fresh window."""
    store = settings()
    store.clear()
    store.setValue("window/year", school.year)
    store.setValue("window/section", "overview")
    store.sync()
    actor = school.services.accounts.authenticate(*school.login)
    assert actor.school is not None
    with _timed(school, "sign-in → window with data", profile):
        window = MainWindow(Session(school.services, actor, actor.school))
        window.resize(1366, 768)
        window.show()
    try:
        for section in SECTIONS[1:]:
            with _timed(school, section.key, profile):
                window.show_section(section.key)
        _open_plan(window, school, profile)
        _open_protocol(window, school, profile)
        window.show_section("plans")
        _settle()
        with _timed(school, "filter keystroke (KTPs)", profile):
            window.search.setText("а")
        window.search.setText("")
        _settle()
        if school.other_year != school.year:  # the district's schools have one year each
            with _timed(school, "year switch (KTPs)", profile):
                window.select_year(school.other_year)
    finally:
        window.close()
        _dispose(window)


def _open_plan(window: MainWindow, school: School, profile: str | None) -> None:
    view: Any = window.views["plans"]
    for row in range(view.pages.lines_read()):  # among the lines on screen
        record = view.pages.record(row)
        if record.plan.status.value == "approved" or row == view.pages.lines_read() - 1:
            view.select_plan(record.plan.id)
            break
    _settle()
    with _timed(school, "open a KTP", profile):
        chosen = view.selected()
        dialog = view.make_editor_dialog(chosen.plan if chosen else None)
        dialog.show()
    dialog.hide()
    _dispose(dialog)


def _open_protocol(window: MainWindow, school: School, profile: str | None) -> None:
    window.show_section("meetings")
    view: Any = window.views["meetings"]
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    _settle()
    meeting_id = view.selected().id
    with _timed(school, "open a protocol", profile):
        s = view.session
        meeting = s.services.meetings.get(s.actor, s.school, meeting_id)
        body = s.services.associations.get(s.actor, s.school, meeting.body)
        dialog = view.editor(meeting, body)
        dialog.show()
    dialog.hide()
    _dispose(dialog)


def _target(step: str, ms: float, ratio: float | None) -> str:
    limit = SIGN_IN_TARGET_MS if step.startswith("sign-in") else STEP_TARGET_MS
    ok = ms <= limit and (ratio is None or ratio <= RATIO_TARGET)
    return "ok" if ok else "MISSED"


def report(title: str, base: School, big: School, probe: Probe, targets: bool = True) -> None:
    print(f"\n{title}: median of {len(next(iter(big.times.values())))} runs, ms (wall clock; then processor;"
          " then the ratio of the best runs)")
    print(f"{'step':32} {base.label:>9} {big.label:>9} {'ratio':>7}  {'target':6}  {'cpu':>6} {'cpu':>6} {'ratio':>6}"
          f"  {'best':>6}")
    for step, runs in big.times.items():
        small = statistics.median(base.times[step]) if step in base.times else None
        ms = statistics.median(runs)
        ratio = ms / small if small else None
        ratio_text = f"{ratio:6.2f}×" if ratio is not None else "      –"
        small_text = f"{small:9.1f}" if small is not None else "        –"
        cpu_small = statistics.median(base.cpu[step]) if step in base.cpu else None
        cpu = statistics.median(big.cpu[step])
        cpu_text = (f"{cpu_small:6.1f} {cpu:6.1f} {cpu / cpu_small:5.2f}×" if cpu_small
                    else f"{'–':>6} {cpu:6.1f} {'–':>6}")
        best = f"{min(runs) / min(base.times[step]):5.2f}×" if step in base.times else f"{'–':>6}"
        verdict = _target(step, ms, ratio) if targets else "–"
        print(f"{step:32} {small_text} {ms:9.1f} {ratio_text}  {verdict:6}  {cpu_text}  {best}")
    for step in [step for step in base.times if step not in big.times]:
        print(f"{step:32} {statistics.median(base.times[step]):9.1f} {'–':>9}  (not a step here: one year)")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(probe.result())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--district", action="store_true", help="also the district of 40 schools")
    parser.add_argument("--only-district", action="store_true")
    parser.add_argument("--profile", help="a step to profile on the large school")
    parser.add_argument("--no-one-year", action="store_true",
                        help="without the large school's one-year copy (its own table: what ten years add)")
    parser.add_argument("--server", action="store_true",
                        help="instead: the same school in SQLite and on a PostgreSQL server on localhost "
                             "(a throw-away cluster; issue 17's target: every section within 1.5×)")
    parser.add_argument("--server-large", action="store_true", help="with --server: the large school, not the demo")
    args = parser.parse_args()
    if args.server:
        server_main(args.repeat, args.server_large)
        return

    from desktop_app.ui.qt_environment import prepare_qt

    prepare_qt()  # as the program does before its application object
    app = QApplication.instance() or QApplication(sys.argv)
    install_language_hook()
    with tempfile.TemporaryDirectory() as folder:
        demo_services = Services.open(demo_database(Path(folder)))
        admin = next(a for a in DEMO_ACCOUNTS if a.role is Role.ADMINISTRATOR)
        viewer = next(a for a in DEMO_ACCOUNTS if a.role is Role.VIEWER)
        demo_year = _demo_years(demo_services, admin.login, admin.password)
        # Each group's schools take turns, ``--repeat`` times; then each report compares two of them.
        groups: list[tuple[list[School], list[tuple[str, School, School]]]] = []
        if not args.only_district:
            large = Services.open(large_database())
            demo = School("demo", demo_services, (admin.login, admin.password), *demo_year)
            big = School("large", large, ADMIN, "2025-2026", "2024-2025")
            schools, reports = [demo, big], [("Large school (administrator)", demo, big)]
            if not args.no_one_year:
                one = School("one year", Services.open(one_year_database()), ADMIN, "2025-2026", "2025-2026")
                schools.insert(1, one)
                reports.append(("Ten years against one year of the same school (administrator; no target: "
                                "what the years add)", one, big))
            groups.append((schools, reports))
        if args.district or args.only_district:
            district = Services.open(district_database())
            demo = School("demo", demo_services, (viewer.login, viewer.password), *demo_year)
            big = School("district", district, VIEWER, "2025-2026", "2025-2026")
            groups.append(([demo, big], [("District of 40 schools (viewer)", demo, big)]))
        probes = [Probe() for _ in groups]
        for (schools, _reports), probe in zip(groups, probes, strict=True):
            for _ in range(args.repeat):
                probe.sample()
                for school in schools:
                    run_window(school, args.profile if school is schools[-1] else None)
        for (_schools, reports), probe in zip(groups, probes, strict=True):
            for title, base, big in reports:
                report(title, base, big, probe, targets=base.label == "demo")
        for schools, _reports in groups:
            for school in schools:
                if school.services is not demo_services:
                    school.services.close()
        demo_services.close()
    del app


def server_main(repeat: int, large: bool) -> None:
    """The window's steps on one school twice: its SQLite file, and a copy moved onto a throw-away
    PostgreSQL cluster on this machine (``metodsovet move``'s code), in the same process."""
    from desktop_app.services.server import move_database
    from desktop_app.ui.qt_environment import prepare_qt
    from tests import server

    prepare_qt()  # as the program does before its application object
    app = QApplication.instance() or QApplication(sys.argv)
    install_language_hook()
    cluster = server.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            if large:
                source, login, years = large_database(), ADMIN, ("2025-2026", "2024-2025")
            else:
                source = demo_database(Path(folder))
                admin = next(a for a in DEMO_ACCOUNTS if a.role is Role.ADMINISTRATOR)
                login = (admin.login, admin.password)
                probe = Services.open(source)
                years = _demo_years(probe, *login)
                probe.close()
            url = cluster.url(cluster.create_database(), server.OWNER)
            started = time.perf_counter()
            move_database(source, url)
            print(f"moved onto the server in {time.perf_counter() - started:.1f} s")
            local, remote = Services.open(source), Services.open(url)
            base = School("sqlite", local, login, *years)
            big = School("server", remote, login, *years)
            probe = Probe()
            for _ in range(repeat):
                probe.sample()
                run_window(base, None)
                run_window(big, None)
            report(("Large school" if large else "Demo school") + ": SQLite file against PostgreSQL on localhost",
                   base, big, probe)
            local.close()
            remote.close()
    finally:
        cluster.stop()
    del app


def _demo_years(services: Services, login: str, password: str) -> tuple[str, str]:
    """The year the demo opens on (the one running today) and the year before it."""
    actor = services.accounts.authenticate(login, password)
    assert actor.school is not None
    ids = sorted(y.id for y in services.schools.list_years(actor, actor.school))
    today = services.schools.today()
    current = next((i for i in ids if int(i[:4]) == (today.year if today.month >= 8 else today.year - 1)), ids[-1])
    other = ids[ids.index(current) - 1] if ids.index(current) > 0 else ids[-1]
    return current, other


if __name__ == "__main__":
    main()
