"""Teachers → import from a file: the preview shows bad cells, nothing is written before Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.i18n import _
from desktop_app.ui.models.staff_import import BAD
from desktop_app.ui.views.teachers import TeachersView
from tests.services.test_staff_import import KK_HEADER, RU_HEADER, xlsx
from tests.ui.conftest import finish


def _view(qtbot, session) -> TeachersView:  # type: ignore[no-untyped-def]
    view = TeachersView(session)
    qtbot.addWidget(view)
    view.refresh()
    view.show()
    return view


def test_a_staff_file_imported_through_the_preview(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = sign_in()
    view = _view(qtbot, session)
    before = view.model.rowCount()
    path = tmp_path / "штат.xlsx"
    path.write_bytes(xlsx([KK_HEADER,
                           ["Сәрсенова", "Ұлбосын", "Маратқызы", "Мұғалім", "Математика", "педагог-модератор",
                            "12.04.2023", "01.09.2019"],
                           ["Жұмабаев", "Ерлан", None, "Мұғалім", "Қазақ тілі", None, None, "2024-09-01"]]))
    dialog = view.make_import_dialog(path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 2
    assert dialog.import_button.isEnabled()
    assert not dialog.problems.isVisible()
    assert view.model.rowCount() == before  # nothing written by the preview
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.isVisible()
    assert len(dialog.saved) == 2
    view.imported(dialog.saved)
    assert view.model.rowCount() == before + 2
    stored = session.services.teachers.search(session.actor, session.school, "сәрсенова")
    assert stored[0].full_name == "Сәрсенова Ұлбосын Маратқызы"


def test_bad_cells_are_highlighted_and_block_the_import(qtbot, sign_in, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        qtmodeltester) -> None:
    session = sign_in()
    view = _view(qtbot, session)
    before = view.model.rowCount()
    path = tmp_path / "staff.csv"
    rows = [";".join(RU_HEADER), "Ким;Анна;;Учитель;Химия;;;", ";Ерлан;;;;профессор;31.02.2020;"]
    path.write_text("\n".join(rows), encoding="utf-8-sig")
    dialog = view.make_import_dialog(path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.isVisible() and dialog.problems.count() == 4
    subjects = dialog.model.index(0, 5)
    assert dialog.model.data(subjects, Qt.ItemDataRole.BackgroundRole).color() == BAD
    tip = dialog.model.data(subjects, Qt.ItemDataRole.ToolTipRole)
    assert "Химия" in tip
    assert dialog.model.data(dialog.model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None
    dialog.accept()
    finish(qtbot)
    assert dialog.isVisible()
    assert view.model.rowCount() == before
    assert _("Problems") == dialog.problems_title.text()


def test_a_text_file_named_xlsx_is_a_message(qtbot, sign_in, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    view = _view(qtbot, sign_in())
    path = tmp_path / "list.xlsx"
    path.write_text("Фамилия;Имя\nКим;Анна\n", encoding="utf-8")
    assert view.make_import_dialog(path) is None
    assert shown and "xlsx" in shown[0]


def test_the_viewer_has_no_import(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in("viewer"))
    assert view.import_button.isHidden()
