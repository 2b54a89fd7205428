"""A KTP goes from draft to approved through the Plans section with four signed-in users, each in
their own session and view; the wrong role or a skipped step is refused by a disabled button and by
the service; bulk agreement is all or nothing; the history and the PDF show the steps
(real SQLite in tmp_path, demo school)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import i18n
from desktop_app.domain.entities import CalendarPlan, PlanStatus, ReviewOutcome, Signer
from desktop_app.domain.errors import UserError
from desktop_app.services import Services
from desktop_app.ui.dialogs.plan.consider import PlanConsiderDialog
from desktop_app.ui.session import Session
from desktop_app.ui.views.plans import PlansView
from tests.ui.conftest import finish, plans_clock, submit_on

YEAR = "2026-2027"
MEETING = "m-math-26-2"  # held on 06.11.2026, protocol still open
BASE = "ktp-inf7-26"  # the demo's approved informatics plan: its rows are dated on school days


def plans_view(qtbot, session: Session) -> PlansView:  # type: ignore[no-untyped-def]
    view = PlansView(session)
    qtbot.addWidget(view)
    year = next(y for y in session.services.schools.list_years(session.actor, session.school) if y.id == YEAR)
    view.set_year(year)
    view.resize(1366, 700)
    view.show()
    return view


def new_draft(session: Session, teacher: str, grade: int, classes: list[str]) -> CalendarPlan:
    """A draft like the demo informatics plan, written by ``session`` for ``teacher``."""
    s = session
    base = s.services.plans.get(s.actor, s.school, BASE)
    return s.services.plans.save(s.actor, s.school, replace(
        base, id="", teacher=teacher, grade=grade, classes=classes, review=None, agreed=None, approved=None))


def status_of(services: Services, session: Session, plan: str) -> PlanStatus:
    return services.plans.get(session.actor, session.school, plan).status


def refused(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError) as caught:
        call()
    return caught.value.render(i18n._)


def test_draft_to_approved_through_the_window_with_four_users(
        qtbot, sign_in, services: Services, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("ru")
    teacher, head, deputy, director = (sign_in(r) for r in ("teacher", "head", "administrator", "director"))
    plan = new_draft(teacher, "t-05", 8, ["8А"]).id

    # Teacher: sees only their own plans; the steps of others are hidden and disabled.
    mine = plans_view(qtbot, teacher)
    assert {r.plan.teacher for r in mine.model.records()} == {"t-05"}
    mine.select_plan(plan)
    assert mine.submit_button.isEnabled()
    for button in (mine.consider_button, mine.agree_button, mine.approve_button):
        assert not button.isEnabled() and button.isHidden()
    assert "согласовывать КТП" in refused(lambda: services.plans.agree(teacher.actor, teacher.school, plan))
    refused(lambda: services.plans.consider(teacher.actor, teacher.school, plan, MEETING, 1,
                                            ReviewOutcome.RECOMMENDED))
    with plans_clock(services):  # submitted in early November, before meeting No. 2 of 06.11
        qtbot.mouseClick(mine.submit_button, Qt.MouseButton.LeftButton)
        finish(qtbot)
    assert status_of(services, deputy, plan) is PlanStatus.SUBMITTED
    assert "представлен" in mine.message.text()
    assert not mine.submit_button.isEnabled()

    # Deputy director and director cannot skip the association's review.
    early = plans_view(qtbot, deputy)
    early.select_plan(plan)
    assert not early.agree_button.isEnabled()
    assert "рекомендовано" in refused(lambda: services.plans.agree(deputy.actor, deputy.school, plan))
    boss = plans_view(qtbot, director)
    boss.select_plan(plan)
    assert not boss.approve_button.isEnabled()
    assert "согласовано" in refused(lambda: services.plans.approve(director.actor, director.school, plan))

    # Association head: considers it at a meeting that has taken place, through the dialog.
    chair = plans_view(qtbot, head)
    chair.select_plan(plan)
    assert chair.consider_button.isEnabled() and not chair.agree_button.isEnabled()
    assert chair.agree_button.isHidden() and chair.approve_button.isHidden()
    assert refused(lambda: services.plans.approve(head.actor, head.school, plan))

    def fill_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PlanConsiderDialog)
        assert [c.meeting.id for c in dialog.choices] == [MEETING]  # the finalized August protocol is closed
        dialog.choose(MEETING, 1, ReviewOutcome.RETURNED, "")
        dialog.accept()  # returned without remarks: refused, the dialog stays open
        finish(qtbot)
        assert dialog.isVisible() and "замечани" in dialog.errors["remarks"].text()
        dialog.choose(MEETING, 1, ReviewOutcome.RECOMMENDED, "Соответствует программе.")
        dialog.accept()
        finish(qtbot)
        assert not dialog.isVisible()

    QTimer.singleShot(0, fill_and_accept)
    qtbot.mouseClick(chair.consider_button, Qt.MouseButton.LeftButton)
    recommended = services.plans.get(deputy.actor, deputy.school, plan)
    assert recommended.status is PlanStatus.RECOMMENDED
    assert recommended.review is not None and recommended.review.meeting == MEETING
    assert plan in services.meetings.get(deputy.actor, deputy.school, MEETING).item(1).plans  # type: ignore[union-attr]
    assert "№ 2" in chair.details.text()

    # Director still cannot approve before the agreement; the deputy agrees.
    boss.refresh()
    boss.select_plan(plan)
    assert not boss.approve_button.isEnabled()
    assert refused(lambda: services.plans.agree(director.actor, director.school, plan))
    agreeing = plans_view(qtbot, deputy)
    agreeing.select_plan(plan)
    assert agreeing.agree_button.isEnabled() and agreeing.approve_button.isHidden()
    assert not agreeing.approve_button.isEnabled()
    assert refused(lambda: services.plans.approve(deputy.actor, deputy.school, plan))
    monkeypatch.setattr(agreeing, "choose_agreement_signer", lambda text: Signer("t-dep"))
    qtbot.mouseClick(agreeing.agree_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert status_of(services, deputy, plan) is PlanStatus.AGREED

    # Director approves (after a confirmation); the plan is locked.
    boss.refresh()
    boss.select_plan(plan)
    assert boss.approve_button.isEnabled()
    monkeypatch.setattr(boss, "choose_signer", lambda text: Signer("t-dir"))
    qtbot.mouseClick(boss.approve_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    approved = services.plans.get(deputy.actor, deputy.school, plan)
    assert approved.status is PlanStatus.APPROVED
    assert approved.agreed is not None and approved.agreed.by == "t-dep"
    assert approved.approved is not None and approved.approved.by == "t-dir"
    assert "Утверждено" in boss.details.text() or "утвержд" in boss.details.text().lower()

    # History: every step, who took it, with the remarks.
    mine.refresh()
    mine.select_plan(plan)
    history = mine.make_history_dialog()
    assert history is not None
    qtbot.addWidget(history)
    rows = history.rows()
    steps = [(row[1], row[2]) for row in rows]
    people = services.accounts.people(director.actor, director.school)  # names, not logins
    assert all(people[login] != login for login in ("kim", "abenova", "zavuch", "director"))
    assert steps == [(people["kim"], "сохранён"), (people["kim"], "представлен на рассмотрение"),
                     (people["abenova"], "рассмотрен на заседании: рекомендовано"),
                     (people["zavuch"], "согласован заместителем директора"),
                     (people["director"], "утверждён директором")]
    assert people["zavuch"] in {t.full_name for t in services.teachers.list_teachers(
        director.actor, director.school)}
    assert rows[2][3] == "Соответствует программе."

    # The PDF's title page carries the agreement and the approval, in either language.
    for language, agreed_word in (("kk", "КЕЛІСІЛДІ"), ("ru", "СОГЛАСОВАНО")):
        target = tmp_path / f"ktp-{language}.pdf"
        assert mine.write_plan(target, language)
        finish(qtbot)
        text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
        assert agreed_word in text and "Жұмабекова" in text and "Оспанов" in text
        assert "№ 2" in text

    # A change after approval is a new version that needs a reason and runs the path again.
    assert mine.version_button.isEnabled() and not mine.submit_button.isEnabled()
    mine.new_version("   ")
    finish(qtbot)
    assert "причин" in mine.message.text()
    assert mine.new_version("Перенос уроков из-за карантина")
    finish(qtbot)
    again = services.plans.get(teacher.actor, teacher.school, plan)
    assert again.status is PlanStatus.DRAFT and again.version == 2 and again.approved is None
    assert mine.submit_button.isEnabled()


def test_returned_plan_goes_back_to_the_teacher_with_the_remarks(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("kk")
    teacher, head = sign_in("teacher"), sign_in("head")
    plan = new_draft(teacher, "t-05", 9, ["9А"]).id
    submit_on(services, teacher, plan)
    chair = plans_view(qtbot, head)
    chair.select_plan(plan)
    dialog = chair.make_consider_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(MEETING, 1, ReviewOutcome.RETURNED, "БЖБ мерзімдерін көрсетіңіз.")
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is not None and dialog.saved.status is PlanStatus.RETURNED
    assert not dialog.isVisible()

    mine = plans_view(qtbot, teacher)
    mine.select_plan(plan)
    assert "БЖБ мерзімдерін көрсетіңіз." in mine.details.text()
    assert mine.revise_button.isEnabled() and mine.submit_button.isEnabled()
    qtbot.mouseClick(mine.revise_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert status_of(services, teacher, plan) is PlanStatus.DRAFT
    assert not mine.revise_button.isEnabled()
    qtbot.mouseClick(mine.submit_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert status_of(services, teacher, plan) is PlanStatus.SUBMITTED
    assert "Бұрын қаралған" in mine.details.text()  # the review that returned it is an earlier one now


def test_submission_with_a_lesson_on_a_day_off_is_refused_naming_the_row_and_date(
        qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    teacher = sign_in("teacher")
    draft = new_draft(teacher, "t-05", 8, ["8Б"])
    rows = sorted(draft.rows, key=lambda r: r.number)
    rows[2] = replace(rows[2], date=date(2026, 9, 6))  # a Sunday
    services.plans.save(teacher.actor, teacher.school, replace(draft, rows=rows))
    mine = plans_view(qtbot, teacher)
    mine.select_plan(draft.id)
    for language, words in (("kk", "демалыс"), ("ru", "выходной")):
        i18n.set_language(language)
        mine.submit()
        finish(qtbot)
        text = mine.message.text()
        assert str(rows[2].number) in text and "06.09.2026" in text and words in text
    assert status_of(services, teacher, draft.id) is PlanStatus.DRAFT


def recommended_plans(services: Services, deputy: Session, count: int) -> list[str]:
    """Plans of members of the mathematics association, recommended at the November meeting."""
    ids = []
    for teacher, grade in (("t-03", 7), ("t-04", 9), ("t-02", 7))[:count]:
        plan = new_draft(deputy, teacher, grade, [f"{grade}А"]).id
        submit_on(services, deputy, plan)
        services.plans.consider(deputy.actor, deputy.school, plan, MEETING, 1, ReviewOutcome.RECOMMENDED)
        ids.append(plan)
    return ids


def test_bulk_agree_and_approve_all_or_nothing(qtbot, sign_in, services: Services,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("ru")
    deputy, director = sign_in("administrator"), sign_in("director")
    first, second, third = recommended_plans(services, deputy, 3)
    submitted = new_draft(deputy, "t-01", 10, ["10А"]).id
    services.plans.submit(deputy.actor, deputy.school, submitted)

    view = plans_view(qtbot, deputy)
    view.select_plans([first, submitted])
    assert len(view.selected_plans()) == 2
    assert not view.agree_button.isEnabled()  # one of them is not recommended
    view.select_plans([first, second, third])
    assert view.agree_button.isEnabled()
    monkeypatch.setattr(view, "choose_agreement_signer", lambda text: None)  # cancelled: nothing is agreed
    qtbot.mouseClick(view.agree_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert {status_of(services, deputy, p) for p in (first, second, third)} == {PlanStatus.RECOMMENDED}
    monkeypatch.setattr(view, "choose_agreement_signer", lambda text: Signer("t-dep"))
    # Meanwhile the third is agreed in another window (the list is stale): the service refuses all three.
    services.plans.agree(deputy.actor, deputy.school, third)
    qtbot.mouseClick(view.agree_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert third in view.message.text() and "рекомендовано" in view.message.text()
    assert {status_of(services, deputy, p) for p in (first, second)} == {PlanStatus.RECOMMENDED}

    view.select_plans([first, second])
    qtbot.mouseClick(view.agree_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert {status_of(services, deputy, p) for p in (first, second)} == {PlanStatus.AGREED}
    assert "Согласовано: 2." in view.message.text()
    assert {p.id for p in view.selected_plans()} == {first, second}  # still selected after the reload

    boss = plans_view(qtbot, director)
    monkeypatch.setattr(boss, "choose_signer", lambda text: Signer("t-dir"))
    boss.select_plans([first, second, submitted])
    assert not boss.approve_button.isEnabled()
    boss.select_plans([first, second, third])
    assert boss.approve_button.isEnabled() and boss.agree_button.isHidden()
    qtbot.mouseClick(boss.approve_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert {status_of(services, deputy, p) for p in (first, second, third)} == {PlanStatus.APPROVED}
    assert "Утверждено: 3." in boss.message.text()


def test_a_refused_bulk_agreement_names_the_plan_in_the_users_language(
        qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    deputy = sign_in("administrator")
    (first,) = recommended_plans(services, deputy, 1)
    view = plans_view(qtbot, deputy)
    view.select_plans([first, "ktp-alg8-26"])  # returned for revision
    assert not view.agree_button.isEnabled()
    for language, status in (("kk", "пысықтауға қайтарылды"), ("ru", "возвращено на доработку")):
        i18n.set_language(language)
        view.agree()  # as a stale list would ask the service
        finish(qtbot)
        assert "ktp-alg8-26" in view.message.text() and status in view.message.text()
    assert status_of(services, deputy, first) is PlanStatus.RECOMMENDED


def test_a_refused_bulk_approval_approves_nothing(qtbot, sign_in, services: Services) -> None:  # type: ignore[no-untyped-def]
    deputy, director = sign_in("administrator"), sign_in("director")
    first, second = recommended_plans(services, deputy, 2)
    services.plans.agree(deputy.actor, deputy.school, first)
    view = plans_view(qtbot, director)
    view.select_plans([first, second])  # the second is only recommended
    view.approve()
    finish(qtbot)
    assert second in view.message.text()
    assert status_of(services, deputy, first) is PlanStatus.AGREED
