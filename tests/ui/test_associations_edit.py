"""Associations: create with three members, rule 1 live and enforced, copy to the next year, work plan."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.domain.associations import MINIMUM_TEACHERS
from desktop_app.domain.entities import WorkPlanForm
from desktop_app.i18n import _
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.work_plan import WorkPlanDialog
from desktop_app.ui.views.associations import AssociationsView
from desktop_app.ui.widgets.fields import ERROR_STYLE, OK_STYLE
from tests.ui.conftest import finish

from .conftest import type_text


def _view(qtbot, session, year: str = "2026-2027") -> AssociationsView:  # type: ignore[no-untyped-def]
    view = AssociationsView(session)
    qtbot.addWidget(view)
    view.set_year(next(y for y in session.services.schools.list_years(session.actor, session.school)
                       if y.id == year))
    view.show()
    return view


def _ok(dialog: AssociationDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _add(dialog: AssociationDialog, teacher: str, since: QDate) -> None:
    dialog.teacher_choice.setCurrentIndex(dialog.teacher_choice.findData(teacher))
    dialog.since.setDate(since)
    dialog.add_member_button.click()


def _informatics_teachers(session) -> list[str]:  # type: ignore[no-untyped-def]
    teachers = session.services.teachers.list_teachers(session.actor, session.school)
    return [t.id for t in teachers if "informatics" in t.subjects]


def test_create_with_three_members_then_end_one_is_warned_of(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    s = session.services
    # Three informatics teachers: the demo has fewer, so the administrator adds them first.
    for teacher in s.teachers.list_teachers(session.actor, session.school)[:3]:
        if "informatics" not in teacher.subjects:
            teacher.subjects.append("informatics")
            s.teachers.save(session.actor, session.school, teacher)
    members = _informatics_teachers(session)[:3]
    assert len(members) == MINIMUM_TEACHERS
    view = _view(qtbot, session)
    count = view.model.rowCount()
    dialog = view.make_dialog(None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name_kk, "Информатика ӘБ")
    type_text(dialog.name_ru, "МО информатики")
    for index in range(dialog.subjects.count()):
        if dialog.subjects.item(index).data(Qt.ItemDataRole.UserRole) == "informatics":
            dialog.subjects.item(index).setCheckState(Qt.CheckState.Checked)
    _add(dialog, members[0], QDate(2026, 9, 1))
    _add(dialog, members[1], QDate(2026, 9, 1))
    assert "2" in dialog.composition.text() and dialog.composition.styleSheet() == ERROR_STYLE
    _ok(dialog)  # two of three: the service refuses, the dialog stays
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.errors["members"].isVisible()
    _add(dialog, members[2], QDate(2026, 9, 1))
    assert dialog.composition.styleSheet() == OK_STYLE
    assert _("{count} of {required} required teachers of one subject").format(count=3, required=3) in \
        dialog.composition.text()
    dialog.head.setCurrentIndex(dialog.head.findData(members[0]))
    dialog.secretary.setCurrentIndex(dialog.secretary.findData(members[1]))
    _ok(dialog)
    finish(qtbot)
    assert dialog.saved is not None and not dialog.isVisible()
    view.refresh()
    assert view.model.rowCount() == count + 1
    saved = s.associations.get(session.actor, session.school, dialog.saved.id)
    assert (saved.head, saved.secretary, len(saved.members)) == (members[0], members[1], 3)

    editor = view.make_dialog(saved)
    assert editor is not None
    qtbot.addWidget(editor)
    editor.show()
    editor.select_member(members[2])
    editor.until.setDate(QDate(2026, 12, 31))
    editor.end_member_button.click()
    assert editor.composition.styleSheet() == ERROR_STYLE  # live: 2 of 3 from 1 January
    assert "01.01.2027" in editor.composition.text()
    # п. 23 is a condition of creation: the leaving is recorded, with a warning instead of a refusal
    assert _("A member has left: the association was created with enough teachers and is kept; "
             "consider adding a teacher or merging it next year.") in editor.composition.text()
    _ok(editor)
    finish(qtbot)
    assert editor.saved is not None and not editor.isVisible()
    assert s.associations.get(session.actor, session.school, saved.id).members[2].until == date(2026, 12, 31)


def test_copy_to_the_next_year_says_what_was_copied_and_skipped(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    session = sign_in()
    view = _view(qtbot, session, "2025-2026")
    assert view.copy_button.isEnabled()
    assert view.copy_to_next_year()
    finish(qtbot)
    created, skipped = view.copied
    assert len(created) + len(skipped) == view.model.rowCount()
    assert shown and "2026-2027" in shown[0]
    assert all(c.academic_year == "2026-2027" for c in created)


def test_the_work_plan_is_approved_by_the_director_and_then_locked(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    admin = sign_in()
    view = _view(qtbot, admin)
    view.select_association("mo-kaz-26")
    body = view.selected()
    assert body is not None and body.work_plan is None
    plan = WorkPlanDialog(admin, body)
    qtbot.addWidget(plan)
    plan.show()
    assert plan.save_button.isVisible() and not plan.approve_button.isVisible()
    row = plan.add_item(None)
    plan._combo(row, 0).setCurrentIndex(plan._combo(row, 0).findData("2026-10"))
    plan.table.item(row, 1).setText("Жаңартылған бағдарлама бойынша семинар")
    plan._combo(row, 2).setCurrentIndex(list(WorkPlanForm).index(WorkPlanForm.SEMINAR))
    members = body.member_ids()
    plan.responsible(row).set_selected(members[:2])  # a seminar led by two teachers
    assert plan.save()
    finish(qtbot)
    stored = admin.services.associations.get(admin.actor, admin.school, "mo-kaz-26").work_plan
    assert stored is not None and stored.items[0].month == "2026-10"
    assert stored.items[0].form is WorkPlanForm.SEMINAR and stored.items[0].responsible == members[:2]
    # Opened again and saved, the plan keeps both responsible teachers.
    again = WorkPlanDialog(admin, admin.services.associations.get(admin.actor, admin.school, "mo-kaz-26"))
    qtbot.addWidget(again)
    assert again.responsible(0).selected() == members[:2]
    assert ", " in again.responsible(0).text()
    assert again.save()
    finish(qtbot)
    stored = admin.services.associations.get(admin.actor, admin.school, "mo-kaz-26").work_plan
    assert stored is not None and stored.items[0].responsible == members[:2]

    director = sign_in("director")
    body = director.services.associations.get(director.actor, director.school, "mo-kaz-26")
    approving = WorkPlanDialog(director, body)
    qtbot.addWidget(approving)
    approving.show()
    assert not approving.save_button.isVisible()  # the director approves, not edits
    assert approving.approve_button.isVisible() and approving.approve_button.isEnabled()
    assert approving.approve()
    finish(qtbot)
    assert not approving.approve_button.isVisible()
    school = director.services.schools.get_school(director.actor, director.school)
    approved = director.services.associations.get(director.actor, director.school, "mo-kaz-26").work_plan
    assert approved is not None and approved.approved is not None
    assert approved.approved.by == school.director and approved.approved.on == director.services.associations.today()
    assert approving.status.text().startswith(_("Approved by {name} on {date}; the plan can no longer be changed.")
                                              .split("{")[0])

    locked = WorkPlanDialog(admin, admin.services.associations.get(admin.actor, admin.school, "mo-kaz-26"))
    qtbot.addWidget(locked)
    locked.show()
    assert not locked.save_button.isVisible() and not locked.add_button.isVisible()
    assert not locked._combo(0, 0).isEnabled()


def test_the_approved_work_plan_prints_in_both_languages(qtbot, sign_in, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """п. 28: the plan prints with the director's approval block, in Kazakh and in Russian."""
    from pypdf import PdfReader

    admin = sign_in()
    body = admin.services.associations.get(admin.actor, admin.school, "mo-math-26")
    dialog = WorkPlanDialog(admin, body)
    qtbot.addWidget(dialog)
    texts = {}
    for language in ("kk", "ru"):
        target = tmp_path / f"plan-{language}.pdf"
        assert dialog.print_plan(language, target)
        finish(qtbot)
        texts[language] = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "БЕКІТЕМІН" in texts["kk"] and "УТВЕРЖДАЮ" in texts["ru"]
    assert "Оспанов" in texts["kk"]  # the approving director, from the record


def test_a_member_added_by_mistake_is_removed_but_not_one_in_a_protocol(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    s = session.services
    view = _view(qtbot, session)
    view.select_association("mo-math-26")
    body = view.selected()
    assert body is not None
    meeting = max(s.meetings.list(session.actor, session.school, body.id), key=lambda m: m.date)
    recorded = next(a.teacher for a in meeting.attendance if a.teacher not in (body.head, body.secretary))
    dialog = view.make_dialog(body)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_member(recorded)
    assert dialog.remove_member_button.isEnabled()
    dialog.remove_member_button.click()
    assert recorded not in [m.teacher for m in dialog.members]
    _ok(dialog)  # the protocol records the teacher: refused, with the protocol named
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.errors["members"].isVisible()
    assert str(meeting.number) in dialog.errors["members"].text()
    assert s.associations.get(session.actor, session.school, body.id).is_member(recorded)
