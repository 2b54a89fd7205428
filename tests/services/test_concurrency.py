"""Many people at once, nothing lost (issue 17, point 2), on both backends.

Two copies of one record opened by two people: the first save goes in, the second is refused with a
ConflictError naming who saved meanwhile and when, and nothing of it is written. Two heads creating
meetings of one body at the same moment (two threads, each with its own connection, as two PCs)
get distinct numbers without a gap, and the audit chain stays one chain.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from desktop_app import i18n
from desktop_app.domain.entities import LocalizedText, PlanRow
from desktop_app.domain.errors import ConflictError, Rule
from desktop_app.services import Services
from desktop_app.storage.database import Database
from tests.services.conftest import SCHOOL, Env, meeting, mentorship, plan, visit, work_plan


def _teacher(env: Env) -> tuple[Callable[[], Any], Callable[[Any, str], Any], str]:
    s, admin = env.s, env.actor("admin")
    return (lambda: s.teachers.get(admin, SCHOOL, "t-05"),
            lambda t, who: s.teachers.save(env.actor(who), SCHOOL, replace(t, patronymic=who)), "teacher")


def _association(env: Env) -> tuple[Callable[[], Any], Callable[[Any, str], Any], str]:
    s = env.s
    return (lambda: s.associations.get(env.actor("admin"), SCHOOL, "mo-math-26"),
            lambda a, who: s.associations.save(env.actor(who), SCHOOL,
                                               replace(a, name=LocalizedText(f"ӘБ {who}", f"МО {who}"))),
            "association")


def _work_plan(env: Env) -> tuple[Callable[[], Any], Callable[[Any, str], Any], str]:
    s = env.s
    return (lambda: s.associations.get(env.actor("admin"), SCHOOL, "mo-kaz-26"),
            lambda a, who: s.associations.save_work_plan(env.actor(who), SCHOOL, a.id, work_plan(),
                                                         revision=a.revision),
            "association")


def _meeting(env: Env) -> tuple[Callable[[], Any], Callable[[Any, str], Any], str]:
    s = env.s
    made = s.meetings.save(env.actor("head"), SCHOOL, meeting())
    return (lambda: s.meetings.get(env.actor("head"), SCHOOL, made.id),
            lambda m, who: s.meetings.save(env.actor(who), SCHOOL, replace(m, place=f"каб. {who}")), "meeting")


def _plan(env: Env) -> tuple[Callable[[], Any], Callable[[Any, str], Any], str]:
    s = env.s
    made = s.plans.save(env.actor("teacher"), SCHOOL, plan())
    return (lambda: s.plans.get(env.actor("teacher"), SCHOOL, made.id),
            lambda p, who: s.plans.save(env.actor(who), SCHOOL, replace(
                p, rows=[replace(r, topic=f"{r.topic} {who}") if isinstance(r, PlanRow) else r for r in p.rows])),
            "plan")


def _mentorship(env: Env) -> tuple[Callable[[], Any], Callable[[Any, str], Any], str]:
    s = env.s
    made = s.mentoring.save(env.actor("admin"), SCHOOL, mentorship())
    return (lambda: s.mentoring.get(env.actor("admin"), SCHOOL, made.id),
            lambda m, who: s.mentoring.save(env.actor(who), SCHOOL, replace(m, goals=[f"Мақсат {who}"])),
            "mentorship")


def _visit(env: Env) -> tuple[Callable[[], Any], Callable[[Any, str], Any], str]:
    s = env.s
    made = s.visits.save(env.actor("head"), SCHOOL, visit())
    return (lambda: s.visits.get(env.actor("head"), SCHOOL, made.id),
            lambda v, who: s.visits.save(env.actor(who), SCHOOL, replace(v, topic=f"Бөлшектер {who}")),
            "lesson visit")


KINDS = {"teacher": _teacher, "association": _association, "work plan": _work_plan, "meeting": _meeting,
         "plan": _plan, "mentorship": _mentorship, "lesson visit": _visit}
#: Who edits each kind in the test: (the first to save, the one refused).
EDITORS = {"teacher": ("admin", "admin"), "association": ("admin", "admin"), "work plan": ("head2", "admin"),
           "meeting": ("head", "admin"), "plan": ("teacher", "admin"), "mentorship": ("admin", "admin"),
           "lesson visit": ("head", "admin")}


@pytest.mark.parametrize("case", list(KINDS))
def test_a_save_over_a_copy_someone_saved_meanwhile_is_refused_and_names_them(env: Env, case: str) -> None:
    read, save, kind = KINDS[case](env)
    first, second = EDITORS[case]
    mine, theirs = read(), read()
    assert mine.revision == theirs.revision >= 1
    env.clock.advance(minutes=7)
    saved = save(theirs, first)
    assert saved.revision == mine.revision + 1  # the saved copy carries its new revision ...
    error = env.refused(lambda: save(mine, second), Rule.CONFLICT, record=mine.id, check_field=False)
    assert isinstance(error, ConflictError)
    assert error.kind == kind
    assert error.by == env.actor(first).login
    assert error.at == env.clock.now.astimezone().strftime("%d.%m.%Y %H:%M")
    assert error.current == saved.revision
    again = save(saved, first)  # ... so that saving it again is no conflict
    assert again.revision == saved.revision + 1
    reloaded = read()
    assert reloaded.revision == again.revision
    save(reloaded, second)  # the refused person reloads and saves: accepted


def test_the_refusal_reads_in_kazakh_and_russian(env: Env) -> None:
    read, save, _ = _meeting(env)
    mine, theirs = read(), read()
    save(theirs, "head")
    with pytest.raises(ConflictError) as caught:
        save(mine, "admin")
    kk = caught.value.render(i18n.gettext_for("kk"))
    ru = caught.value.render(i18n.gettext_for("ru"))
    for text in (kk, ru):
        assert mine.id in text and "abenova" in text and caught.value.at in text
    assert "отырыс" in kk.lower() and "заседание" in ru.lower()
    assert "changed" not in kk and "changed" not in ru
    assert kk != ru


def test_a_record_deleted_meanwhile_is_not_made_again(env: Env) -> None:
    read, save, _ = _meeting(env)
    mine = read()
    env.s.meetings.delete(env.actor("head"), SCHOOL, mine.id)
    error = env.refused(lambda: save(mine, "head"), Rule.CONFLICT, record=mine.id, check_field=False)
    assert isinstance(error, ConflictError) and error.current == 0 and error.by == "abenova"


def test_a_record_made_in_code_is_saved_without_a_revision_check(env: Env) -> None:
    teacher = env.s.teachers.get(env.actor("admin"), SCHOOL, "t-05")
    stored = env.s.teachers.save(env.actor("admin"), SCHOOL, replace(teacher)).revision
    blind = replace(teacher, revision=0, patronymic="Ивановна")  # an import, a command: no revision read
    saved = env.s.teachers.save(env.actor("admin"), SCHOOL, blind)
    assert env.s.teachers.get(env.actor("admin"), SCHOOL, "t-05").patronymic == "Ивановна"
    assert saved.revision == stored + 1 == teacher.revision + 2


def _at_once(count: int, work: Callable[[int], Any]) -> list[Any]:
    """``work(i)`` in ``count`` threads released together; their results (or errors) in order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as error:  # the test looks at every outcome
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_heads_creating_meetings_at_once_get_distinct_numbers_and_one_audit_chain(env: Env) -> None:
    """Four PCs (four Database objects, four connections) record a meeting of one body at the
    same moment, each with the number proposed when its editor opened."""
    head = env.actor("head")
    proposed = env.s.meetings.proposed_number(head, SCHOOL, "mo-math-26")
    before = [m.number for m in env.s.meetings.list(head, SCHOOL, "mo-math-26")]
    pcs = [Services.over(Database.open(env.path), clock=env.clock) for _ in range(4)]
    try:
        results = _at_once(4, lambda i: pcs[i].meetings.save(head, SCHOOL, meeting(number=proposed)))
    finally:
        for pc in pcs:
            pc.close()
    assert all(not isinstance(r, BaseException) for r in results), results
    numbers = sorted(r.number for r in results)
    assert numbers == list(range(proposed, proposed + 4))
    after = [m.number for m in env.s.meetings.list(head, SCHOOL, "mo-math-26")]
    assert after == sorted(before + numbers) == list(range(1, len(after) + 1))
    report = env.s.checks.check(env.actor("admin"))
    assert report.audit_breaks == []


def test_concurrent_edits_of_one_record_lose_nothing(env: Env) -> None:
    """Six PCs save the same teacher at once from the same revision: exactly one save goes in, the
    other five are refused; the stored record is the one confirmed."""
    admin = env.actor("admin")
    opened = env.s.teachers.get(admin, SCHOOL, "t-05")
    pcs = [Services.over(Database.open(env.path), clock=env.clock) for _ in range(6)]
    try:
        results = _at_once(6, lambda i: pcs[i].teachers.save(admin, SCHOOL, replace(opened, patronymic=f"№{i}")))
    finally:
        for pc in pcs:
            pc.close()
    saved = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, ConflictError)]
    assert len(saved) == 1 and len(refused) == 5, results
    stored = env.s.teachers.get(admin, SCHOOL, "t-05")
    assert stored.patronymic == saved[0].patronymic and stored.revision == opened.revision + 1
    assert env.s.checks.check(admin).audit_breaks == []
