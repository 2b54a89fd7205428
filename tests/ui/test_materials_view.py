"""The "Methodical materials" section (п. 27): the year's register of the demo, the filter, the form
(add with a file, a file too large refused under its field, hidden after Close/Escape), opening the
file again, the director's approval; screenshots in both languages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app import i18n
from desktop_app.domain.entities import MaterialKind, MaterialStatus, ReviewOutcome
from desktop_app.domain.materials import MAX_FILE_BYTES
from desktop_app.ui.dialogs.meeting.editor import MeetingDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.views.materials import MaterialsView
from tests.ui.conftest import finish, type_text

PDF = b"%PDF-1.4\n% demo material\n" + b"x" * 4000


def section(window: MainWindow) -> MaterialsView:
    window.select_year("2026-2027")
    window.show_section("materials")
    view = window.current_view()
    assert isinstance(view, MaterialsView)
    return view


def shown_titles(view: MaterialsView) -> list[str]:
    return sorted(view.model.record(view.proxy.source_row(r)).id for r in range(view.proxy.rowCount()))


def test_the_register_of_the_year_and_its_filter(window: MainWindow) -> None:
    view = section(window)
    assert shown_titles(view) == ["mat-1", "mat-2"]
    view.kind_filter.setCurrentIndex(view.kind_filter.findData(MaterialKind.ASSESSMENT.value))
    assert shown_titles(view) == ["mat-2"]
    view.kind_filter.setCurrentIndex(0)
    view.status_filter.setCurrentIndex(view.status_filter.findData(MaterialStatus.CONSIDERED.value))
    assert shown_titles(view) == ["mat-1"]
    view.select_record("mat-1")
    row = view.table.selectionModel().selectedRows()[0].row()
    considered = view.proxy.index(row, 5).data()
    assert "2" in considered and "06.11.2026" in considered  # protocol No. 2 of 06.11.2026
    # The administrator signs only as acting director: the approval dialog says so and asks who signs.
    assert view.approve_button.isVisible() and view.approve_button.isEnabled()
    dialog = view.make_approve_dialog()
    assert dialog is not None and dialog.acting.isChecked() and dialog.by.isEnabled()
    assert dialog.by.currentData() == "t-dep"
    dialog.close()
    view.status_filter.setCurrentIndex(0)
    view.select_record("mat-2")  # nobody approves a draft
    assert not view.approve_button.isEnabled()


def test_add_a_material_with_its_file_and_open_it_again(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    view = section(window)
    dialog = view.make_dialog(None)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    dialog.choose_file(big)
    assert dialog.errors["file"].isVisible() and "20" in dialog.errors["file"].text()
    assert dialog.chosen_file is None
    source = tmp_path / "recommendations.pdf"
    source.write_bytes(PDF)
    dialog.choose_file(source)
    assert not dialog.errors["file"].isVisible() and "recommendations.pdf" in dialog.file_label.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData(MaterialKind.RECOMMENDATIONS.value))
    type_text(dialog.title_ru, "Рекомендации по функциональной грамотности")
    type_text(dialog.invited, "Сидорова А. П.")
    QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.isVisible() and dialog.saved is not None
    saved = dialog.saved
    view.saved(saved)  # what the section does once the dialog's exec() returns accepted
    assert saved.file is not None and saved.file.sha256 == hashlib.sha256(PDF).hexdigest()
    assert len(view.materials) == 3 and view.selected() is not None and view.selected().id == saved.id
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert view.open_button.isEnabled()
    view.open_file()
    finish(qtbot)
    assert len(opened) == 1 and Path(opened[0]).read_bytes() == PDF


@pytest.mark.parametrize("way", ["button", "escape"])
def test_the_form_is_hidden_after_close_or_escape(qtbot, window: MainWindow, way: str) -> None:  # type: ignore[no-untyped-def]
    view = section(window)
    view.select_record("mat-2")
    dialog = view.make_dialog(view.selected())
    assert dialog is not None and dialog.title_ru.text() == "Задания СОР по алгебре, 8 класс"
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    if way == "button":
        QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    else:
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not dialog.isVisible()


def test_the_director_approves_a_considered_material(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(sign_in("director"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    view = section(window)
    view.select_record("mat-1")
    assert view.approve_button.isVisible() and view.approve_button.isEnabled()
    dialog = view.make_approve_dialog()
    assert dialog is not None and not dialog.acting.isChecked()
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.isVisible() and dialog.saved is not None
    assert dialog.saved.status is MaterialStatus.APPROVED and dialog.saved.approved.by == "t-dir"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_screenshots(qtbot, window: MainWindow, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.set_language(language)
    view = section(window)
    view.select_record("mat-1")
    QApplication.processEvents()
    window.grab().save(str(tmp_path / f"materials-{language}.png"))
    window.grab().save(f"/tmp/mat/materials-{language}.png") if Path("/tmp/mat").is_dir() else None
    dialog = view.make_dialog(view.selected())
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    if Path("/tmp/mat").is_dir():
        dialog.grab().save(f"/tmp/mat/material-dialog-{language}.png")
    assert dialog.windowTitle() == i18n._("Edit methodical material")
    dialog.close()


def test_the_protocol_editor_discusses_materials(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    """The agenda item of the held meeting No. 2 lists mat-1 (concluded) and offers the draft
    mat-2: returned without remarks is refused and nothing is saved; with remarks it is recorded."""
    session = sign_in("administrator")
    services = session.services
    body = services.associations.get(session.actor, session.school, "mo-math-26")
    meeting = services.meetings.get(session.actor, session.school, "m-math-26-2")
    dialog = MeetingDialog(session, body, meeting)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.autosave.stop()
    box = dialog.editors[0].materials_box
    assert not box.isHidden() and box.checked() == ["mat-1"]
    assert not box.outcomes[0].isEnabled()  # mat-1 has its positive conclusion already
    box.set_conclusion("mat-2", ReviewOutcome.RETURNED, "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.general_error.isVisible() and "mat-2" in dialog.general_error.text()
    assert services.materials.get(session.actor, session.school, "mat-2").status is MaterialStatus.DRAFT
    assert "mat-2" not in services.meetings.get(session.actor, session.school, "m-math-26-2").agenda[0].materials
    box.set_conclusion("mat-2", ReviewOutcome.RETURNED, "Критерии оценивания добавить")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.general_error.isVisible()
    assert dialog.saved is not None and "mat-2" in dialog.saved.agenda[0].materials
    returned = services.materials.get(session.actor, session.school, "mat-2")
    assert returned.status is MaterialStatus.RETURNED and returned.review is not None
    assert returned.review.remarks == "Критерии оценивания добавить"
    assert not box.outcomes[1].isEnabled()
    if Path("/tmp/mat").is_dir():
        dialog.tabs.setCurrentIndex(1)
        QApplication.processEvents()
        dialog.grab().save("/tmp/mat/protocol-materials.png")
    dialog.close()
