"""The annual analysis (issue 20 point 3) on a school whose right answers are known
(tests/analysis_school.py): every figure, the texts' draft → approved path, refusals and roles."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from desktop_app.domain.accounts import Actor, Role
from desktop_app.domain.annual_analysis import AnalysisStatus
from desktop_app.domain.errors import ConflictError, DomainError, PermissionDenied
from desktop_app.services import Services
from desktop_app.services.annual_analysis import AnnualAnalysisService
from desktop_app.storage.database import Database
from tests.analysis_school import SCHOOL, YEAR, build

ADMIN = Actor("zavuch", Role.ADMINISTRATOR, SCHOOL, "dep")
DIRECTOR = Actor("director", Role.DIRECTOR, SCHOOL, "dir")
HEAD = Actor("abenova", Role.HEAD, SCHOOL, "t1")  # heads «math»
TEACHER = Actor("kim", Role.TEACHER, SCHOOL, "t6")
VIEWER = Actor("raiono", Role.VIEWER, SCHOOL)


@pytest.fixture
def analysis(new_database: Callable[..., str]) -> Iterator[AnnualAnalysisService]:
    db = Database.open(new_database())
    build(db)
    try:
        yield Services(db, clock=lambda: datetime(2027, 5, 25, 9, tzinfo=UTC)).analysis
    finally:
        db.close()


def test_the_school_s_figures(analysis: AnnualAnalysisService) -> None:
    f = analysis.paper(ADMIN, SCHOOL, YEAR).figures
    assert f.associations == ["math", "lang", "primary"]
    assert len(f.teachers) == 11
    assert [(b.association, b.planned, b.held, b.finalized, b.on_time) for b in f.meetings] == [
        ("math", 3, 3, 2, 1), ("lang", 2, 1, 1, 1), ("primary", 0, 0, 0, 0)]
    p = f.plans
    assert (p.total, p.submitted, p.returned, p.agreed, p.approved, p.on_time, p.late) == (6, 5, 2, 3, 3, 2, 1)
    assert p.deadline == date(2026, 9, 1)
    assert p.approvals_by_month == {date(2026, 8, 1): 2, date(2026, 9, 1): 1}
    v = f.visits
    assert (v.open_lessons, v.mutual_visits) == (3, 2)
    assert v.by_association == {"math": (2, 1), "lang": (1, 0), "primary": (0, 1)}
    per_teacher = {t.teacher: (t.open_lessons, t.received, t.given) for t in v.teachers}
    assert per_teacher["t2"] == (1, 3, 0)
    assert per_teacher["t1"] == (1, 0, 1)
    assert per_teacher["t9"] == (0, 0, 1)
    assert sorted(v.never_visited) == sorted(["t1", "t3", "t4", "t6", "t7", "t9", "dir", "dep"])
    assert (v.recommendations, v.followed_up) == (2, 1)
    mt = f.mentoring
    assert (mt.pairs, mt.completed, mt.conclusions) == (2, 1, 1)
    assert mt.sessions_by_month == {date(2026, 9, 1): 2, date(2026, 10, 1): 2}
    s = f.staff
    assert s.now == {"master": 1, "researcher": 2, "expert": 3, "moderator": 2, "pedagog": 1, "none": 2}
    assert s.last == {"master": 1, "researcher": 2, "expert": 2, "moderator": 1, "pedagog": 2, "none": 3}
    assert (round(s.share(s.now), 3), round(s.share(s.last), 3)) == (round(9 / 11, 3), round(8 / 11, 3))
    assert (s.attestations_due, s.attestations_done, s.awarded) == (2, 2, 2)
    assert (s.course_period_years, s.covered, s.courses, s.hours) == (3, 3, 2, 108)
    assert [(i.association, i.items, i.held, i.moved, i.cancelled) for i in f.work_plan] == [
        ("math", 4, 2, 0, 1), ("lang", 2, 1, 1, 0), ("primary", 0, 0, 0, 0)]
    assert f.events == {"seminar": (1, 1), "master_class": (1, 0), "conference": (1, 1)}
    assert f.materials == {"recommendations": (1, 1), "manual": (1, 0), "assessment": (1, 1)}
    assert f.olympiads == {"district": (1, 1), "school": (1, 0), "regional": (1, 1)}


def test_an_association_s_figures(analysis: AnnualAnalysisService) -> None:
    f = analysis.paper(HEAD, SCHOOL, YEAR, "math").figures
    assert (f.associations, f.teachers) == (["math"], ["t1", "t2", "t3", "t4"])
    assert [(b.planned, b.held, b.finalized, b.on_time) for b in f.meetings] == [(3, 3, 2, 1)]
    p = f.plans
    assert (p.total, p.submitted, p.returned, p.agreed, p.approved, p.on_time, p.late) == (3, 3, 1, 2, 2, 1, 1)
    assert (f.visits.open_lessons, f.visits.mutual_visits) == (2, 1)
    assert f.visits.never_visited == ["t1", "t3", "t4"]
    assert (f.visits.recommendations, f.visits.followed_up) == (1, 1)
    assert (f.mentoring.pairs, f.mentoring.completed) == (1, 0)
    assert f.staff.now == {"master": 1, "expert": 2, "moderator": 1}
    assert f.staff.last == {"master": 1, "expert": 1, "moderator": 1, "pedagog": 1}
    assert (f.staff.covered, f.staff.courses, f.staff.hours) == (2, 1, 72)
    assert f.events == {"seminar": (1, 1)}
    assert f.materials == {"recommendations": (1, 1), "manual": (1, 0)}
    assert f.olympiads == {"district": (1, 1), "school": (1, 0)}


def _written(analysis: AnnualAnalysisService, actor: Actor = ADMIN, association: str | None = None):
    paper = analysis.paper(actor, SCHOOL, YEAR, association)
    return analysis.save(actor, SCHOOL, replace(paper.analysis, conclusions="Жұмыс қанағаттанарлық.",
                                                tasks="1. Ашық сабақтарды көбейту."))


def test_draft_then_approved_once_then_locked(analysis: AnnualAnalysisService) -> None:
    saved = _written(analysis)
    assert (saved.status, saved.revision) == (AnalysisStatus.DRAFT, 1)
    again = analysis.paper(DIRECTOR, SCHOOL, YEAR).analysis
    assert again.conclusions == "Жұмыс қанағаттанарлық."
    approved = analysis.approve(DIRECTOR, SCHOOL, YEAR)
    assert (approved.status, approved.approved_by, approved.approved_on) == (AnalysisStatus.APPROVED, "dir",
                                                                             date(2027, 5, 25))
    with pytest.raises(DomainError, match="already approved"):
        analysis.approve(DIRECTOR, SCHOOL, YEAR)
    current = analysis.paper(ADMIN, SCHOOL, YEAR).analysis
    with pytest.raises(DomainError, match="is approved") as refused:
        analysis.save(ADMIN, SCHOOL, replace(current, tasks="другое"))
    assert (refused.value.record, refused.value.field) == (current.id, "status")
    assert analysis.paper(ADMIN, SCHOOL, YEAR).analysis.tasks == "1. Ашық сабақтарды көбейту."


def test_approval_refusals(analysis: AnnualAnalysisService) -> None:
    with pytest.raises(DomainError, match="before it is approved"):
        analysis.approve(DIRECTOR, SCHOOL, YEAR)  # nothing written yet
    _written(analysis)
    with pytest.raises(PermissionDenied):
        analysis.approve(TEACHER, SCHOOL, YEAR)
    with pytest.raises(PermissionDenied):
        analysis.approve(HEAD, SCHOOL, YEAR)
    with pytest.raises(PermissionDenied):
        analysis.approve(ADMIN, SCHOOL, YEAR)  # the deputy director signs only as acting
    with pytest.raises(DomainError, match="not the director"):
        analysis.approve(DIRECTOR, SCHOOL, YEAR, signed_by="t3")
    acting = analysis.approve(ADMIN, SCHOOL, YEAR, signed_by="dep", acting=True)
    assert (acting.approved_by, acting.acting) == ("dep", True)


def test_a_save_over_someone_else_s_is_a_conflict(analysis: AnnualAnalysisService) -> None:
    first = _written(analysis)
    stale = replace(first, revision=first.revision)
    analysis.save(ADMIN, SCHOOL, replace(first, tasks="екінші"))
    with pytest.raises(ConflictError):
        analysis.save(ADMIN, SCHOOL, replace(stale, tasks="үшінші"))


def test_roles(analysis: AnnualAnalysisService) -> None:
    assert analysis.paper(VIEWER, SCHOOL, YEAR).figures.plans.total == 6  # reads
    with pytest.raises(PermissionDenied):
        _written(analysis, VIEWER)
    with pytest.raises(PermissionDenied):
        analysis.paper(TEACHER, SCHOOL, YEAR)
    with pytest.raises(PermissionDenied):
        analysis.paper(HEAD, SCHOOL, YEAR)  # the school's analysis is the deputy director's
    with pytest.raises(PermissionDenied):
        analysis.paper(HEAD, SCHOOL, YEAR, "lang")  # not the head's association
    assert _written(analysis, HEAD, "math").association == "math"
    with pytest.raises(PermissionDenied):
        _written(analysis, Actor("usenova", Role.HEAD, SCHOOL, "t8"), "math")


def test_the_workbook_holds_every_table(analysis: AnnualAnalysisService) -> None:
    _written(analysis)
    book = load_workbook(io.BytesIO(analysis.xlsx(ADMIN, SCHOOL, YEAR, language="ru")))
    assert len(book.sheetnames) == 14
    meetings = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    assert meetings[0][:2] == ["Методическое объединение", "Запланировано в плане работы"]
    assert meetings[1:5] == [["МО математики", 3, 3, 2, 1], ["МО языков", 2, 1, 1, 1],
                             ["МО начальных классов", 0, 0, 0, 0], ["Итого", 5, 4, 3, 2]]
    staff = next(s for s in book.worksheets if "Качественный" in s.title)
    rows = {row[0].value: [c.value for c in row[1:]] for row in staff.iter_rows(min_row=2) if row[0].value}
    assert rows["педагог-эксперт"] == [2, "18%", 3, "27%"]
    assert rows["С категорией"] == [8, "73%", 9, "82%"]
    texts = book.worksheets[-1]
    assert texts["A2"].value == "Жұмыс қанағаттанарлық."


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_never_visited_sentence_ends_once(analysis: AnnualAnalysisService, language: str) -> None:
    """The teachers never visited are named by short name («Ержанова М.»): the last one's full stop
    ends the sentence, with no second one after it."""
    from desktop_app.documents.analysis_tables import analysis_tables

    paper = analysis.paper(ADMIN, SCHOOL, YEAR, None)
    assert paper.figures.visits.never_visited
    note = next(t.note for t in analysis_tables(paper.figures, paper.names(language), language) if t.key == "teachers")
    assert "." in note.split(":")[1] and ".." not in note, note
