"""The Teachers section: Kazakh alphabet sort, search, add and edit through the dialog, roles."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app import i18n
from desktop_app.domain.entities import Category
from desktop_app.i18n import _
from desktop_app.ui.dialogs.teacher import TeacherDialog
from desktop_app.ui.models.sorting import kazakh_key
from desktop_app.ui.views.teachers import TeachersView
from tests.ui.conftest import finish

from .conftest import type_text


def _view(qtbot, session) -> TeachersView:  # type: ignore[no-untyped-def]
    view = TeachersView(session)
    qtbot.addWidget(view)
    view.refresh()
    view.show()
    return view


def _names(view: TeachersView) -> list[str]:
    return [view.model.record(view.proxy.source_row(r)).last_name for r in range(view.proxy.rowCount())]


def _ok(dialog: TeacherDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_kazakh_alphabet_key() -> None:
    names = ["Ясин", "ыбырай", "Іргебаев", "Өмір", "оспан", "Әбенова", "Абаев", "Ғали", "Гүл", "Ұлан",
             "Үмбет", "Уәли", "Һади", "Хасен", "Ёлкин", "Ерлан", "Жан", "Қасым", "Кен", "Ңаа", "Нұр"]
    assert sorted(names, key=kazakh_key) == [
        "Абаев", "Әбенова", "Гүл", "Ғали", "Ерлан", "Ёлкин", "Жан", "Кен", "Қасым", "Нұр", "Ңаа",
        "оспан", "Өмір", "Уәли", "Ұлан", "Үмбет", "Хасен", "Һади", "ыбырай", "Іргебаев", "Ясин"]


def test_columns_sort_in_kazakh_order(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in())
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ascending = _names(view)
    assert ascending == sorted(ascending, key=kazakh_key)
    assert ascending.index("Әбенова") < ascending.index("Бекова")  # Ә right after А, not after Я
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(view) == list(reversed(ascending))


def test_filter_is_case_insensitive_for_kazakh_letters(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in())
    view.set_search("ӘБЕН")
    assert _names(view) == ["Әбенова"]
    view.set_search("әбен")
    assert _names(view) == ["Әбенова"]
    view.set_search("")
    assert len(_names(view)) == view.model.rowCount()


def test_adding_a_teacher_through_the_dialog_persists(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    view = _view(qtbot, session)
    count = view.model.rowCount()
    dialog = view.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.last_name, "Сәрсенова")
    type_text(dialog.first_name, "Ұлбосын")
    type_text(dialog.position_kk, "Мұғалім")
    dialog.subjects.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.category.setCurrentIndex(list(Category).index(Category.MODERATOR))
    dialog.category_awarded.check.setChecked(True)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.saved is not None
    assert not dialog.isVisible()
    stored = session.services.teachers.search(session.actor, session.school, "сәрсен")
    assert [t.full_name for t in stored] == ["Сәрсенова Ұлбосын"]
    assert stored[0].category is Category.MODERATOR
    assert stored[0].subjects == [dialog.subjects.item(0).data(Qt.ItemDataRole.UserRole)]
    view.refresh()
    assert view.model.rowCount() == count + 1


def test_a_refusal_keeps_the_dialog_open_with_the_input(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    view = _view(qtbot, session)
    dialog = view.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.first_name, "Ұлбосын")
    type_text(dialog.patronymic, "Маратқызы")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.isVisible()
    assert dialog.saved is None
    assert dialog.errors["last_name"].isVisible()
    assert dialog.errors["last_name"].text() == _("A teacher needs a last name and a first name")
    assert dialog.first_name.text() == "Ұлбосын"
    assert dialog.patronymic.text() == "Маратқызы"

    type_text(dialog.last_name, "Сәрсенова")
    dialog.category.setCurrentIndex(0)  # no category ...
    dialog.category_awarded.check.setChecked(True)  # ... but an award date
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.isVisible()
    assert not dialog.errors["last_name"].isVisible()
    assert dialog.errors["category_awarded"].isVisible()


def test_editing_keeps_the_id_and_archive_restores(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    view = _view(qtbot, session)
    view.set_search("Әбенова")
    view.table.selectRow(0)
    teacher = view.selected()
    assert teacher is not None
    dialog = view.make_dialog(teacher)
    qtbot.addWidget(dialog)
    dialog.patronymic.setText("Серікқызы-edited")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert session.services.teachers.get(session.actor, session.school, teacher.id).patronymic == \
        "Серікқызы-edited"

    view.toggle_archived()
    finish(qtbot)
    assert not session.services.teachers.get(session.actor, session.school, teacher.id).active
    assert view.proxy.rowCount() == 0  # archived teachers are hidden by default
    view.show_archived.setChecked(True)
    view.table.selectRow(0)
    assert view.archive_button.text() == _("Restore")
    view.toggle_archived()
    finish(qtbot)
    assert session.services.teachers.get(session.actor, session.school, teacher.id).active


def test_the_viewer_sees_no_add_button(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in("viewer"))
    assert view.model.rowCount() > 0
    assert view.add_button.isHidden()
    assert view.edit_button.isHidden()
    assert view.archive_button.isHidden()


def test_the_administrator_sees_the_add_button(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in())
    assert view.add_button.isVisible()



@pytest.mark.parametrize(("language", "characters"), [("kk", "таңба"), ("ru", "символов")])
def test_a_name_too_long_for_its_field_is_refused_under_it(qtbot, sign_in, language: str,  # type: ignore[no-untyped-def]
                                                           characters: str) -> None:
    i18n.set_language(language)
    session = sign_in()
    view = _view(qtbot, session)
    dialog = view.make_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    long_name = "Сәрсенбаева-" * 9  # 108 characters; the field takes 100
    dialog.last_name.setText(long_name)
    type_text(dialog.first_name, "Ұлбосын")
    type_text(dialog.position_kk, "Мұғалім")
    dialog.subjects.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.isVisible() and dialog.saved is None
    shown = dialog.errors["last_name"]
    assert shown.isVisible()
    text = shown.text()
    assert "108" in text and "100" in text and characters in text
    assert "«Сәрсенбаева-Сәрсенбаева-Сәрсенбаева-Сәрс…»" in text and text[0].isupper()
    assert dialog.last_name.text() == long_name  # what was typed stays, to be shortened
    if shots := os.environ.get("LENGTH_SHOTS"):
        dialog.grab().save(f"{shots}/{language}-teacher-too-long.png")
    assert session.services.teachers.search(session.actor, session.school, "сәрсенбаева") == []
