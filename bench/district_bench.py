"""The district cabinet on 40 large schools (issue 20, point 5): each district table opens in ≤ 1 s.

Run: ``QT_QPA_PLATFORM=offscreen python bench/district_bench.py [--repeat 3] [--explain]``.

The database: 40 one-year large schools (``generate.district_school``: 120 teachers, ~30 000 KTP
rows each). Importing them through the exchange format takes minutes (383 s under load), so the
bench reuses scale_bench's cached district database (``~/.cache/metodsovet-bench/district-g3-s40-…``,
any schema version: opening it migrates it) and, when there is none, builds one that way once. The
registers the large school lacks (attestations, courses, lesson visits, mentorships, work-plan
items, teachers' attestation and career dates) are then written straight into the copy with bulk
inserts (one executemany per table), and the result is cached too.

Timed, median of ``--repeat`` runs: the service's figures for the year (every school, every
figure), the section opened in the window (table and chart), a change of chart, the .xlsx.
``--explain`` prints SQLite's query plan of every statement the figures run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["METODSOVET_HOME"] = tempfile.mkdtemp(prefix="metodsovet-district-home-")

import sqlalchemy as sa
from generate import VERSION, district_school

from desktop_app.domain.accounts import COMMAND_LINE, Actor, Role
from desktop_app.services import Services
from desktop_app.storage import models as m
from desktop_app.storage.database import HEAD_REVISION

SCHOOLS, TEACHERS, ROWS = 40, 120, 30_000
YEAR = 2025
CACHE = Path(os.environ.get("METODSOVET_BENCH_CACHE", Path.home() / ".cache" / "metodsovet-bench"))
TARGET_MS = 1000.0
VIEWER = Actor("bench-district", Role.VIEWER)


def _base() -> Path:
    """A district database of the 40 schools: scale_bench's cache, or built through imports once."""
    found = sorted(CACHE.glob(f"district-g{VERSION}-s{SCHOOLS}-t{TEACHERS}-r{ROWS}-schema*.sqlite3"))
    if found:
        return found[-1]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"district-g{VERSION}-s{SCHOOLS}-t{TEACHERS}-r{ROWS}-schema{HEAD_REVISION[:4]}.sqlite3"
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    services = Services.open(str(partial))
    try:
        for number in range(1, SCHOOLS + 1):
            data = json.dumps(district_school(number, TEACHERS, ROWS), ensure_ascii=False).encode("utf-8")
            services.exchange.import_document(COMMAND_LINE, data)
    finally:
        services.close()
    partial.rename(path)
    print(f"imported {SCHOOLS} schools in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _extras(connection: sa.Connection) -> None:
    """The registers the generated schools lack, a plausible year's worth per school, in bulk."""
    teachers = m.TeacherRow.__table__
    schools = [r[0] for r in connection.execute(sa.select(m.SchoolRow.id))]
    year_of = dict(connection.execute(sa.select(m.AcademicYearRow.school_id, m.AcademicYearRow.id)).all())
    staff = connection.execute(sa.select(teachers.c.school_id, teachers.c.id, teachers.c.seq)
                               .order_by(teachers.c.school_id, teachers.c.seq)).all()
    categories = ["none", "pedagog", "moderator", "expert", "researcher", "master"]
    updates, courses, attestations, visits, mentorships = [], [], [], [], []
    start = date(YEAR, 9, 1)
    for school, teacher, seq in staff:
        year = year_of[school]
        updates.append({"s": school, "t": teacher, "category": categories[seq % 6],
                        "due": date(YEAR + seq % 5, 1 + seq % 12, 1),
                        "career": date(YEAR - seq % 12, 9, 1)})
        for k in range(2):
            ends = date(YEAR - 1 - (seq + k) % 5, 3, 1 + k)
            courses.append({"school_id": school, "id": f"c-{teacher}-{k}", "seq": seq * 2 + k, "academic_year_id": year,
                            "teacher_id": teacher, "kind": "course", "title": "Курс", "provider": "Өрлеу",
                            "hours": 72, "starts_on": ends - timedelta(days=10), "ends_on": ends})
        if seq % 6 == 0:
            attestations.append({"school_id": school, "id": f"a-{teacher}", "seq": seq, "academic_year_id": year,
                                 "teacher_id": teacher, "current_category": "moderator", "sought_category": "expert",
                                 "portfolio": "[]", "result": "awarded" if seq % 12 == 0 else None})
        subject = ("math", "kazlang", "physics")[seq % 3]
        for k in range(2):
            visits.append({"school_id": school, "id": f"v-{teacher}-{k}", "seq": seq * 2 + k,
                           "kind": ("open_lesson", "mutual_visit")[k], "teacher_id": teacher, "subject_id": subject,
                           "date": start + timedelta(days=(seq * 3 + k * 40) % 250), "topic": "Сабақ"})
    by_school: dict[str, list[str]] = {}
    for school, teacher, _ in staff:
        by_school.setdefault(school, []).append(teacher)
    for school, members in by_school.items():
        for k in range(10):
            mentorships.append({"school_id": school, "id": f"mt-{k}", "seq": k, "mentor_id": members[k + 20],
                                "mentee_id": members[k], "academic_year_id": year_of[school], "start_date": start,
                                "end_date": date(YEAR + 1, 5, 25), "status": "active"})
    bodies = connection.execute(sa.select(m.AssociationRow.school_id, m.AssociationRow.id)).all()
    items = [{"school_id": s, "association_id": a, "position": k, "month": "october", "topic": "Отырыс",
              "form": ("meeting", "seminar", "open_lesson", "meeting")[k % 4]} for s, a in bodies for k in range(12)]
    connection.execute(sa.update(teachers).where(teachers.c.school_id == sa.bindparam("s"),
                                                 teachers.c.id == sa.bindparam("t"))
                       .values(category=sa.bindparam("category"), attestation_due=sa.bindparam("due"),
                               career_start=sa.bindparam("career")), updates)
    for model, rows in ((m.CourseRow, courses), (m.AttestationRow, attestations), (m.LessonVisitRow, visits),
                        (m.MentorshipRow, mentorships), (m.WorkPlanItemRow, items)):
        connection.execute(sa.insert(model.__table__), rows)
    print(f"added to {len(schools)} schools: {len(courses)} courses, {len(attestations)} attestations, "
          f"{len(visits)} visits, {len(mentorships)} mentorships, {len(items)} work-plan items", flush=True)


def district_database() -> str:
    """The 40 schools with their registers, at the current schema (cached)."""
    path = CACHE / f"district-extras-g{VERSION}-s{SCHOOLS}-t{TEACHERS}-r{ROWS}-{HEAD_REVISION}.sqlite3"
    if path.exists():
        return str(path)
    partial = path.with_suffix(".partial")
    shutil.copyfile(_base(), partial)
    started = time.perf_counter()
    Services.open(str(partial), backup_dir=Path(tempfile.mkdtemp())).close()  # migrated to the head
    engine = sa.create_engine(f"sqlite:///{partial}")
    with engine.begin() as connection:
        _extras(connection)
    engine.dispose()
    partial.rename(path)
    print(f"prepared {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return str(path)


def _median(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def explain(services: Services) -> None:
    """SQLite's plan of every statement ``district_figures`` runs."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    engine = services.db.engine
    sa.event.listen(engine, "before_cursor_execute", keep)
    services.district.figures(VIEWER, YEAR)
    sa.event.remove(engine, "before_cursor_execute", keep)
    with engine.connect() as connection:
        for statement, parameters in statements:
            if "academic_years" in statement and "bounds" not in statement:
                continue
            print("\n" + " ".join(statement.split())[:160] + " …")
            for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters):
                if row[-1] not in ("UNION ALL", "SCAN CONSTANT ROW"):  # the bounds' 40 literal rows
                    print("   ", row[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    path = district_database()
    services = Services.open(path)
    try:
        if args.explain:
            explain(services)
        return _time(services, args.repeat)
    finally:
        services.close()


def _time(services: Services, repeat: int) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.language import install_language_hook
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.qt_environment import prepare_qt
    from desktop_app.ui.session import Session
    from desktop_app.ui.settings import settings
    from desktop_app.ui.views.district import DistrictView

    prepare_qt()  # as the program does before its application object
    app = QApplication.instance() or QApplication(sys.argv)
    install_language_hook()
    results: list[tuple[str, float]] = []
    ms, figures = _median(lambda: services.district.figures(VIEWER, YEAR), repeat)
    assert len(figures) == SCHOOLS and all(f.plans and f.teachers for f in figures), "the schools are not all there"
    results.append(("figures of 40 schools (service)", ms))
    results.append(("district years (service)", _median(lambda: services.district.years(VIEWER), repeat)[0]))
    first = services.schools.list_schools(VIEWER)[0].id
    times: dict[str, list[float]] = {}
    for _ in range(repeat):
        store = settings()  # the window opens on the Overview, not on the section last shown
        store.clear()
        store.setValue("window/section", "overview")
        store.sync()
        window = MainWindow(Session(services, VIEWER, first))
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.show_section("district")
        app.processEvents()
        times.setdefault("District section opened (table and chart)", []).append((time.perf_counter() - started) * 1000)
        view = window.views["district"]
        assert isinstance(view, DistrictView) and view.proxy.rowCount() == SCHOOLS
        for index in range(1, view.chart_combo.count()):
            started = time.perf_counter()
            view.chart_combo.setCurrentIndex(index)
            app.processEvents()
            times.setdefault("another chart", []).append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        view.table.sortByColumn(5, view.table.horizontalHeader().sortIndicatorOrder())
        app.processEvents()
        times.setdefault("sort by a figure (table and chart)", []).append((time.perf_counter() - started) * 1000)
        window.close()
        window.deleteLater()  # deleted now, as the program's event loop would (not so outside ``exec``)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    results += [(step, statistics.median(values)) for step, values in times.items()]
    xlsx = _median(lambda: services.district.figures_xlsx(VIEWER, YEAR, "ru"), repeat)[0]
    results.append((".xlsx of the table", xlsx))
    print(f"\n{'step':<48}{'median ms':>10}  target ≤ {TARGET_MS:.0f} ms")
    failed = False
    for step, value in results:
        ok = value <= TARGET_MS
        failed |= not ok
        print(f"{step:<48}{value:>10.0f}  {'ok' if ok else 'SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
