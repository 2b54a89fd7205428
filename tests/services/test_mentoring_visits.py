"""Mentor suggestions, rule 8 and role refusals, the session-to-visit link, the visit matrix,
the term schedule and the .xlsx registers."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.entities import MentorshipSession, MentorshipStatus, Observation, SessionKind
from desktop_app.domain.errors import Rule
from desktop_app.services.registers_export import safe_cell
from tests.services.conftest import SCHOOL, Env, d, mentorship, session, visit

YEAR = "2026-2027"


def test_mentees_needing_a_mentor_are_young_or_without_category_and_not_mentored(env: Env) -> None:
    suggested = {s.teacher.id: s for s in env.s.mentoring.suggest_mentees(env.actor("admin"), SCHOOL, YEAR)}
    teachers = {t.id: t for t in env.s.teachers.list_teachers(CLI, SCHOOL)}
    for teacher_id, suggestion in suggested.items():
        assert suggestion.young_specialist or suggestion.no_category
        assert teachers[teacher_id].active
    active = {m.mentee for m in env.s.mentoring.list(CLI, SCHOOL) if m.status is MentorshipStatus.ACTIVE}
    assert not active & set(suggested)
    assert "t-11" in suggested
    env.s.mentoring.save(env.actor("admin"), SCHOOL, mentorship("t-09", "t-11"))
    again = {s.teacher.id for s in env.s.mentoring.suggest_mentees(env.actor("admin"), SCHOOL, YEAR)}
    assert "t-11" not in again


def test_mentors_are_expert_or_higher_of_the_subject_fewest_mentees_first(env: Env) -> None:
    mentee = env.s.teachers.get(CLI, SCHOOL, "t-11")
    mentors = env.s.mentoring.suggest_mentors(env.actor("admin"), SCHOOL, "t-11", YEAR)
    assert mentors
    for suggestion in mentors:
        assert suggestion.teacher.category.rank >= 3
        assert set(suggestion.common_subjects) <= set(mentee.subjects) and suggestion.common_subjects
        assert suggestion.teacher.id != "t-11"
    loads = [s.mentees for s in mentors]
    assert loads == sorted(loads)
    first = mentors[0].teacher.id
    env.s.mentoring.save(CLI, SCHOOL, mentorship(first, "t-11"))
    after = {s.teacher.id: s.mentees for s in env.s.mentoring.suggest_mentors(CLI, SCHOOL, "t-11", YEAR)}
    assert after[first] == 1


def test_suggestions_need_the_right_to_see_everyone(env: Env) -> None:
    env.denied(lambda: env.s.mentoring.suggest_mentees(env.actor("teacher"), SCHOOL, YEAR))
    env.denied(lambda: env.s.mentoring.suggest_mentors(env.actor("head"), SCHOOL, "t-11", YEAR))


def test_rule_8_refusals_name_the_field(env: Env) -> None:
    admin = env.actor("admin")
    error = env.refused(lambda: env.s.mentoring.save(admin, SCHOOL, mentorship("t-01", "t-01")),
                        Rule.MENTORSHIP, field="mentee")
    assert "t-01" in error.render()
    env.refused(lambda: env.s.mentoring.save(admin, SCHOOL, mentorship(start="2026-07-20")),
                Rule.MENTORSHIP, field="start")
    env.refused(lambda: env.s.mentoring.save(admin, SCHOOL, mentorship(end="2027-08-02")),
                Rule.MENTORSHIP, field="end")


@pytest.mark.parametrize("key", ["teacher", "head", "director", "viewer"])
def test_only_the_deputy_assigns_and_closes(env: Env, key: str) -> None:
    env.denied(lambda: env.s.mentoring.save(env.actor(key), SCHOOL, mentorship("t-01", "t-11")))
    record = env.s.mentoring.save(CLI, SCHOOL, mentorship("t-01", "t-11"))
    env.denied(lambda: env.s.mentoring.close(env.actor(key), SCHOOL, record.id, "Готова"))


def test_another_teacher_may_not_log_the_mentors_sessions(env: Env) -> None:
    record = env.s.mentoring.save(CLI, SCHOOL, mentorship("t-01", "t-11"))
    env.denied(lambda: env.s.mentoring.log_session(env.actor("teacher"), SCHOOL, record.id, session()))
    logged = env.s.mentoring.log_session(env.actor("head"), SCHOOL, record.id, session())  # t-01 mentors
    assert len(logged.sessions) == 1


def test_a_visit_session_becomes_a_lesson_visit(env: Env) -> None:
    record = env.s.mentoring.save(CLI, SCHOOL, mentorship("t-01", "t-04"))
    kind = SessionKind.MENTOR_VISITS_LESSON
    logged = env.s.mentoring.log_visit_session(
        env.actor("head"), SCHOOL, record.id,
        MentorshipSession(d("2026-12-03"), kind, "Дроби", "Больше парной работы"), "math", "6А")
    link = logged.sessions[0].lesson_visit
    assert link is not None
    created = env.s.visits.get(CLI, SCHOOL, link)
    assert (created.teacher, created.observations[0].observer) == ("t-04", "t-01")
    assert created.observations[0].recommendations == "Больше парной работы"
    assert created.association == "mo-math-26"
    env.refused(lambda: env.s.mentoring.log_visit_session(
        CLI, SCHOOL, record.id, MentorshipSession(d("2026-12-03"), SessionKind.CONSULTATION, "x"), "math"),
        Rule.VALUE, field="kind")
    env.refused(lambda: env.s.mentoring.log_visit_session(
        CLI, SCHOOL, record.id, MentorshipSession(d("2027-06-20"), kind, "x"), "math"),
        Rule.MENTORSHIP, field="date")


def test_closing_needs_a_conclusion_and_locks(env: Env) -> None:
    record = env.s.mentoring.save(CLI, SCHOOL, mentorship("t-01", "t-11"))
    env.refused(lambda: env.s.mentoring.close(CLI, SCHOOL, record.id, "  "), Rule.MENTORSHIP, field="conclusion")
    env.s.mentoring.close(CLI, SCHOOL, record.id, "Программа выполнена")
    env.refused(lambda: env.s.mentoring.log_session(CLI, SCHOOL, record.id, session()), Rule.LOCKED_RECORD,
                check_field=False)


def test_visit_matrix_counts_observers_and_marks_the_unvisited(env: Env) -> None:
    before = env.s.visits.matrix(env.actor("head"), SCHOOL, "mo-math-26", YEAR)
    assert before.teachers == ["t-01", "t-02", "t-03", "t-04", "t-05"]
    planned = env.s.visits.save(CLI, SCHOOL, visit("t-03"))
    assert "t-03" in before.unvisited
    env.s.visits.observe(CLI, SCHOOL, planned.id, Observation("t-01", "Темп", "Рефлексия"))
    env.s.visits.observe(CLI, SCHOOL, planned.id, Observation("t-02", "Наглядность", None))
    after = env.s.visits.matrix(CLI, SCHOOL, "mo-math-26", YEAR)
    assert after.count("t-01", "t-03") == before.count("t-01", "t-03") + 1
    assert after.count("t-02", "t-03") == before.count("t-02", "t-03") + 1
    assert "t-03" not in after.unvisited
    assert after.visited("t-03") == 2
    env.denied(lambda: env.s.visits.matrix(env.actor("head2"), SCHOOL, "mo-math-26", YEAR))


def test_term_schedule_lists_the_terms_visits_and_prints(env: Env) -> None:
    env.s.visits.save(CLI, SCHOOL, visit("t-03"))  # 2026-12-02: term 2
    in_term = env.s.visits.between(CLI, SCHOOL, d("2026-11-02"), d("2026-12-27"))
    assert all(d("2026-11-02") <= v.date <= d("2026-12-27") for v in in_term)
    assert any(v.teacher == "t-03" for v in in_term)
    printed = env.s.documents.visit_schedule(CLI, SCHOOL, YEAR, 2, "kk")
    assert printed.data.startswith(b"%PDF")
    env.refused(lambda: env.s.documents.visit_schedule(CLI, SCHOOL, YEAR, 7), Rule.VALUE, field="term")


def test_a_printed_term_schedule_is_verified_until_its_visits_change(env: Env) -> None:
    env.s.visits.save(CLI, SCHOOL, visit("t-03"))
    code = env.s.documents.visit_schedule(CLI, SCHOOL, YEAR, 2, "ru").check.code
    [match] = env.s.documents.verify(CLI, code)
    assert (match.check.kind, match.check.record) == ("schedule", f"{YEAR}#2")
    env.s.visits.save(CLI, SCHOOL, visit("t-02"))  # another visit in the same term
    assert env.s.documents.verify(CLI, code) == []


@pytest.mark.parametrize("text", ["=1+1", "+7 777", "-минус", "@sum(A1)"])
def test_formula_like_text_is_escaped(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert safe_cell("Дроби") == "Дроби"
    assert safe_cell(3) == 3


def test_registers_export_reads_back_with_escaped_text(env: Env) -> None:
    record = env.s.mentoring.save(CLI, SCHOOL, mentorship("t-01", "t-11"))
    env.s.mentoring.log_session(CLI, SCHOOL, record.id, MentorshipSession(
        d("2026-11-25"), SessionKind.CONSULTATION, "=HYPERLINK(\"x\")", "@notes"))
    env.s.visits.save(CLI, SCHOOL, visit("t-03"))
    book = load_workbook(BytesIO(env.s.registers.mentoring_xlsx(env.actor("viewer"), SCHOOL, YEAR, "ru")))
    assert book.sheetnames == ["Наставничество", "Журнал встреч"] or len(book.sheetnames) == 2
    log = book.worksheets[1]
    values = [c.value for row in log.iter_rows(min_row=2) for c in row]
    assert "'=HYPERLINK(\"x\")" in values and "'@notes" in values
    assert all(c.data_type != "f" for row in log.iter_rows() for c in row)
    mentors = [row[0].value for row in book.worksheets[0].iter_rows(min_row=2)]
    assert "Әбенова" in " ".join(str(m) for m in mentors)
    visits = load_workbook(BytesIO(env.s.registers.visits_xlsx(CLI, SCHOOL, YEAR, "kk")))
    topics = [row[6].value for row in visits.worksheets[0].iter_rows(min_row=2)]
    assert "Дроби" in topics
    env.denied(lambda: env.s.registers.visits_xlsx(env.actor("teacher"), SCHOOL, YEAR))
