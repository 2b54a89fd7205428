"""Plans → Import a folder…: each file's guessed teacher, subject, grade and classes shown to confirm,
the unrecognised corrected in the table, then a report per file; Close hides the dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from desktop_app.i18n import _, ngettext
from desktop_app.ui.dialogs.plan.folder_import import CLASSES, GRADE, STATE, SUBJECT, TEACHER, PlanFolderImportDialog
from desktop_app.ui.session import Session
from tests.corpus.ktp import layouts
from tests.ui.conftest import finish

LAYOUTS = {layout.name: layout for layout in layouts()}


def _plans(session: Session) -> list[tuple[str, str, int, list[str], int]]:
    s = session
    return sorted((p.teacher, p.subject, p.grade, p.classes, len(p.rows))
                  for p in s.services.plans.list(s.actor, s.school))


def test_the_deputy_imports_a_folder_after_naming_the_teacher_of_one_file(  # type: ignore[no-untyped-def]
        qtbot, sign_in, tmp_path: Path) -> None:
    session = sign_in("administrator")
    before = _plans(session)
    folder = tmp_path / "КТП"
    folder.mkdir()
    (folder / "Ким информатика 7А.docx").write_bytes(LAYOUTS["generator-ru"].data())
    (folder / "Ким 7А 7Б.xlsx").write_bytes(LAYOUTS["class-columns-ru"].data())
    (folder / "без имени.xlsx").write_bytes(LAYOUTS["numbered-ru"].data())
    (folder / "сломанный.docx").write_bytes(b"PK\x03\x04 broken")
    year = session.services.schools.get_year(session.actor, session.school, "2026-2027")
    dialog = PlanFolderImportDialog(session, year, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    finish(qtbot)  # the files are read off the GUI thread
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names == ["Ким 7А 7Б.xlsx", "Ким информатика 7А.docx", "без имени.xlsx", "сломанный.docx"]

    def cell(row: int, column: int) -> QComboBox | QSpinBox:
        widget = dialog.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox | QSpinBox)
        return widget

    assert cell(1, TEACHER).currentData() == "t-05" and cell(1, SUBJECT).currentData() == "informatics"
    assert cell(1, GRADE).value() == 7
    assert "7А, 7Б" in dialog.table.item(0, STATE).text()  # one plan per class
    assert not dialog.table.cellWidget(0, CLASSES).isEnabled()
    assert cell(2, TEACHER).currentData() is None  # nobody's name in "без имени"
    assert dialog.table.item(2, STATE).text().startswith(
        _("The teacher is not recognised from the file name, its folder or its title rows; choose the teacher"))
    assert dialog.import_button.text() == ngettext("Import {count} file", "Import {count} files", 2).format(count=2)
    teacher = cell(2, TEACHER)
    assert isinstance(teacher, QComboBox)
    teacher.setCurrentIndex(teacher.findData("t-03"))
    subject = cell(2, SUBJECT)
    assert isinstance(subject, QComboBox)
    subject.setCurrentIndex(subject.findData("math"))
    grade = cell(2, GRADE)
    assert isinstance(grade, QSpinBox)
    grade.setValue(9)
    assert dialog.table.item(2, STATE).text() == _("Ready")
    assert dialog.import_button.text() == ngettext("Import {count} file", "Import {count} files", 3).format(count=3)
    dialog.table.grab().save(str(tmp_path / "folder.png"))

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    states = [dialog.table.item(r, STATE).text() for r in range(4)]
    assert states[0].count("ktp-") == 2 and "ktp-" in states[1] and "ktp-" in states[2]
    assert states[3] and "ktp-" not in states[3]
    assert not dialog.import_button.isEnabled() and len(dialog.saved) == 4
    added = sorted(set(map(repr, _plans(session))) - set(map(repr, before)))
    assert len(added) == 4 and any("'t-03', 'math', 9" in a for a in added)

    dialog.buttons.rejected.emit()
    assert not dialog.isVisible()

    again = PlanFolderImportDialog(session, year, folder)  # a rerun: the imported files are skipped
    qtbot.addWidget(again)
    finish(qtbot)
    assert [again.drafts[r].imported_as is not None for r in range(4)] == [True, True, True, False]
    again.close()
