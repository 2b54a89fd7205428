"""The district cabinet's figures (issue 20, point 4) on two schools built here row by row, whose
right answers are counted by hand; the viewer of every school reads, a school's account is refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from desktop_app.domain.accounts import COMMAND_LINE, Actor, Role
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.services import Services
from desktop_app.storage import models as m
from desktop_app.storage.database import Database
from tests.services.conftest import SAMPLE_BYTES, FixedClock

Y = 2025  # the district year 2025–2026


def _school(store: Any, sid: str, name: str, period: int, start: date, end: date) -> None:
    s = _Flushing(store.session)
    s.add(m.SchoolRow(id=sid, name_ru=name, name_kk=name + " (kk)", course_period_years=period))
    s.add(m.AcademicYearRow(school_id=sid, id=f"{start.year}-{end.year}", seq=1, start_date=start, end_date=end))
    s.add(m.AcademicYearRow(school_id=sid, id="old", seq=0, start_date=date(2024, 9, 1), end_date=date(2025, 5, 25)))
    s.add(m.SubjectRow(school_id=sid, id="math", seq=1, name_ru="Математика", name_kk="Математика"))
    s.flush()


def _teacher(store: Any, sid: str, tid: str, category: str, *, due: date | None = None,
             career: date | None = None, active: bool = True) -> None:
    store.session.add(m.TeacherRow(school_id=sid, id=tid, seq=int(tid[1:]), last_name=tid, first_name="A",
                                   category=category, attestation_due=due, career_start=career, active=active))
    store.session.flush()


class _Flushing:
    """Each row written as it is added: the models have no relationships to order the inserts by."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def add(self, row: Any) -> None:
        self.session.add(row)
        self.session.flush()

    def flush(self) -> None:
        self.session.flush()


def _build(services: Services) -> None:
    """School A (year 2025-09-01 … 2026-05-25, courses every 3 years), school B (2025-09-02 …,
    every 5 years) and school C without a year of 2025."""
    with services.db.transaction(write=True) as store:
        s = _Flushing(store.session)
        _school(s, "a", "Школа А", 3, date(2025, 9, 1), date(2026, 5, 25))
        _school(s, "b", "Школа Б", 5, date(2025, 9, 2), date(2026, 5, 29))
        s.add(m.SchoolRow(id="c", name_ru="Школа В", short_name_ru="Шк. В", course_period_years=3))
        s.flush()
        year_a, year_b = "2025-2026", "2025-2026"
        # A: five active teachers (2 none, 1 moderator, 2 expert) and one who left
        _teacher(s, "a", "t1", "none", career=date(2024, 9, 1))  # new, mentored
        _teacher(s, "a", "t2", "none", career=date(2023, 1, 10))  # new (since 2022-09-01), no mentor
        _teacher(s, "a", "t3", "moderator", due=date(2026, 3, 1))  # due in the year
        _teacher(s, "a", "t4", "expert", due=date(2027, 3, 1), career=date(2010, 9, 1))  # not new
        _teacher(s, "a", "t5", "expert", due=date(2024, 3, 1))  # overdue: due
        _teacher(s, "a", "t9", "master", due=date(2025, 12, 1), active=False)  # left: not counted
        # B: two teachers, one with a category
        _teacher(s, "b", "t1", "pedagog", career=date(2025, 9, 2))  # new, mentorship cancelled
        _teacher(s, "b", "t2", "none")
        # courses: A's cutoff is 2023-05-25 (3 years before the end); B's is 2021-05-29
        for sid, tid, ends in (("a", "t1", date(2024, 1, 10)), ("a", "t2", date(2023, 5, 1)),
                               ("a", "t2", date(2022, 1, 1)), ("a", "t3", date(2023, 5, 25)),
                               ("b", "t1", date(2021, 6, 1))):
            year = "old" if ends.year >= 2024 else "2025-2026"
            s.add(m.CourseRow(school_id=sid, id=f"c-{tid}-{ends}", seq=1, academic_year_id=year, teacher_id=tid,
                              kind="course", title="K", provider="P", starts_on=ends, ends_on=ends))
        # courses due: A — t2 (last 2023-05-01 ≤ cutoff), t3 (2023-05-25 = cutoff), t4, t5 (none): 4;
        # B — t2 (none): 1 (t1's 2021-06-01 is after the cutoff 2021-05-29)
        s.add(m.AttestationRow(school_id="a", id="at1", seq=1, academic_year_id=year_a, teacher_id="t3",
                               current_category="moderator", sought_category="expert", result="awarded"))
        s.add(m.AttestationRow(school_id="a", id="at2", seq=2, academic_year_id=year_a, teacher_id="t5",
                               current_category="expert", sought_category="expert", result=None))
        s.add(m.AttestationRow(school_id="a", id="at3", seq=3, academic_year_id="old", teacher_id="t4",
                               current_category="moderator", sought_category="expert", result="awarded"))
        # plans: A — 4 of the year (approved 2025-08-28 on time, 2025-09-01 late, one agreed, one
        # draft) and one of the old year; B — 1 approved on time
        for sid, pid, year, status, approved in (
                ("a", "p1", year_a, "approved", date(2025, 8, 28)), ("a", "p2", year_a, "approved", date(2025, 9, 1)),
                ("a", "p3", year_a, "agreed", None), ("a", "p4", year_a, "draft", None),
                ("a", "p5", "old", "approved", date(2024, 8, 1)), ("b", "p1", year_b, "approved", date(2025, 8, 30))):
            s.add(m.PlanRecordRow(school_id=sid, id=pid, seq=int(pid[1:]), teacher_id="t1", subject_id="math",
                                  academic_year_id=year, grade=5, language="ru", hours_per_week=1.0, status=status,
                                  classes=["5A"], approved_on=approved, version=1))
        # associations: A has one of the year (3 meeting items, 1 seminar item) and one of the old year
        for sid, aid, year in (("a", "mo", year_a), ("a", "mo-old", "old"), ("b", "mo", year_b)):
            s.add(m.AssociationRow(school_id=sid, id=aid, seq=1, kind="subject", name_ru="МО",
                                   academic_year_id=year, head_id="t1", has_work_plan=True))
        s.flush()
        for position, form in enumerate(("meeting", "meeting", "seminar", "meeting")):
            s.add(m.WorkPlanItemRow(school_id="a", association_id="mo", position=position, month="october",
                                    topic="T", form=form))
        s.add(m.WorkPlanItemRow(school_id="a", association_id="mo-old", position=0, month="october",
                                topic="T", form="meeting"))
        # meetings: A — held, finalized, draft of the year; one finalized of the old year
        for sid, mid, body, status in (("a", "m1", "mo", "held"), ("a", "m2", "mo", "finalized"),
                                       ("a", "m3", "mo", "draft"), ("a", "m4", "mo-old", "finalized")):
            s.add(m.MeetingRow(school_id=sid, id=mid, seq=int(mid[1:]), body_id=body, number=int(mid[1:]),
                               date=date(2025, 10, 1), language="ru", chair_id="t1", secretary_id="t2",
                               status=status, form="meeting", version=1))
        # visits: A — two open lessons and a mutual visit in the year, one open lesson before it
        for vid, kind, day in (("v1", "open_lesson", date(2025, 10, 1)), ("v2", "master_class", date(2026, 5, 25)),
                               ("v3", "mutual_visit", date(2025, 11, 1)), ("v4", "open_lesson", date(2025, 5, 1))):
            s.add(m.LessonVisitRow(school_id="a", id=vid, seq=int(vid[1:]), kind=kind, teacher_id="t1",
                                   subject_id="math", date=day, topic="T"))
        s.add(m.MentorshipRow(school_id="a", id="mt1", seq=1, mentor_id="t4", mentee_id="t1", academic_year_id=year_a,
                              start_date=date(2025, 9, 1), end_date=date(2026, 5, 25), status="active"))
        s.add(m.MentorshipRow(school_id="b", id="mt1", seq=1, mentor_id="t2", mentee_id="t1", academic_year_id=year_b,
                              start_date=date(2025, 9, 2), end_date=date(2026, 5, 29), status="cancelled"))


@pytest.fixture
def district(new_database: Callable[..., str], clock: FixedClock) -> Iterator[Services]:
    services = Services.over(Database.open(new_database("district.sqlite3")), clock=clock)
    try:
        _build(services)
        yield services
    finally:
        services.close()


VIEWER = Actor("raiono", Role.VIEWER)


def test_figures_per_school_are_the_counted_ones(district: Services) -> None:
    assert district.district.years(VIEWER) == [2025, 2024]
    figures = {f.school: f for f in district.district.figures(VIEWER, Y)}
    a, b, c = figures["a"], figures["b"], figures["c"]
    assert (a.year, a.teachers, a.by_category) == ("2025-2026", 5, {"none": 2, "moderator": 1, "expert": 2})
    assert a.with_category == 3
    assert (a.attestations_due, a.attested, a.courses_due) == (2, 1, 4)
    assert (a.plans, a.approved, a.approved_on_time, a.approved_late) == (4, 2, 1, 1)
    assert (a.meetings_planned, a.meetings_held) == (3, 2)
    assert (a.open_lessons, a.visits) == (2, 3)
    assert (a.new_teachers, a.mentored) == (2, 1)
    assert (b.teachers, b.with_category, b.courses_due, b.plans, b.approved_on_time) == (2, 1, 1, 1, 1)
    assert (b.new_teachers, b.mentored, b.meetings_planned, b.visits) == (1, 0, 0, 0)
    assert c.year is None and c.teachers == 0  # a school without that year is listed, empty
    old = {f.school: f for f in district.district.figures(VIEWER, 2024)}["a"]
    assert (old.year, old.plans, old.approved_on_time, old.meetings_planned, old.meetings_held, old.attested) == \
        ("old", 1, 1, 1, 1, 1)


def test_xlsx_has_a_line_per_school_in_the_language_asked(district: Services) -> None:
    for language, heading, name in (("ru", "Школа", "Школа А"), ("kk", "Мектеп", "Школа А (kk)")):
        book = load_workbook(BytesIO(district.district.figures_xlsx(VIEWER, Y, language)))
        rows = list(book.active.iter_rows(values_only=True))
        assert rows[0][0] == heading
        # the short name where the school has one (C's Russian one stands in for the Kazakh)
        assert [r[0] for r in rows[1:]] == [name, "Школа Б" + (" (kk)" if language == "kk" else ""), "Шк. В"]
        assert rows[1][1] == 5  # teachers of A, a number in the sheet


def test_a_school_account_is_refused_the_district(district: Services) -> None:
    for actor in (Actor("zavuch", Role.ADMINISTRATOR, "a"), Actor("raiono-a", Role.VIEWER, "a"),
                  Actor("kim", Role.TEACHER, None, "t1")):
        with pytest.raises(DomainError) as caught:
            district.district.figures(actor, Y)
        assert caught.value.rule is Rule.PERMISSION


def test_folder_import_imports_each_file_whole_and_reports_refusals(district: Services, tmp_path: Path) -> None:
    folder = tmp_path / "schools"
    folder.mkdir()
    (folder / "1-sample.json").write_bytes(SAMPLE_BYTES)
    (folder / "2-broken.json").write_text('{"version": 1, "school": ', encoding="utf-8")
    (folder / "3-again.json").write_bytes(SAMPLE_BYTES)  # the school is held by then: refused
    (folder / "notes.txt").write_text("not an exchange file", encoding="utf-8")
    results = district.district.import_folder(COMMAND_LINE, folder)
    assert [(r.file, r.imported) for r in results] == [("1-sample.json", True), ("2-broken.json", False),
                                                       ("3-again.json", False)]
    assert results[0].school == "school-7"
    assert results[2].refusal is not None and "school-7" in results[2].refusal.render()
    assert {s.id for s in district.schools.list_schools(VIEWER)} == {"a", "b", "c", "school-7"}
    with pytest.raises(DomainError) as caught:
        district.district.import_folder(VIEWER, folder)
    assert caught.value.rule is Rule.PERMISSION
    with pytest.raises(DomainError):
        district.district.import_folder(Actor("zavuch", Role.ADMINISTRATOR, "a"), folder)
    with pytest.raises(DomainError) as caught:  # not a folder: a refusal naming it, not a crash
        district.district.import_folder(COMMAND_LINE, folder / "notes.txt")
    assert caught.value.record == str(folder / "notes.txt")
