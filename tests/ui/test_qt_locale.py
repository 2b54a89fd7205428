"""Qt's own texts and formats follow the language: its file dialog, a date edit, a spin box.

Offscreen Qt has no native file dialog, so the tests open Qt's own one (the program never forces
it: Windows users get the native dialog, in Windows' language)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QToolButton,
    QTreeView,
)

from desktop_app import i18n
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.widgets.fields import date_edit

ROOT = Path(__file__).resolve().parents[2]
#: What Qt's file dialog says when its translations are not loaded.
ENGLISH = ("Look in", "Files of type", "File name", "Save", "Open", "Cancel", "Back", "Forward",
           "Parent Directory", "Create New Folder", "List View", "Detail View", "Name", "Size",
           "Date Modified", "Kind", "Type", "Folder", "File")
MONTH_12 = {"ru": "декабрь", "kk": "желтоқсан"}


def dialog_texts(dialog: QFileDialog) -> list[str]:
    """Every text a user reads in the dialog: labels, buttons and their tooltips, the column heads."""
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    for button in dialog.findChildren(QAbstractButton):
        texts += [button.text(), button.toolTip()]
    view = file_view(dialog)
    model = view.model()
    texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    texts += [str(model.index(0, c, view.rootIndex()).data()) for c in (2,)]  # the kind of the file
    return [t.replace("&", "") for t in texts if t]


def file_view(dialog: QFileDialog) -> QTreeView:
    return next(v for v in dialog.findChildren(QTreeView) if v.isVisible())


def open_file_dialog(qtbot, folder: Path) -> QFileDialog:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "", str(folder), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # offscreen has no native one
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = file_view(dialog)
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) > 0)  # the folder is read in a thread
    return dialog


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_qt_file_dialog_speaks_the_language(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            language: str) -> None:
    (tmp_path / "protocol.pdf").write_bytes(b"%PDF-1.4\n")
    other = "kk" if language == "ru" else "ru"
    window.set_language(other)  # a live switch, then back: the translator is replaced each time
    window.set_language(language)
    dialog = open_file_dialog(qtbot, tmp_path)
    texts = dialog_texts(dialog)
    assert len(texts) > 10
    for text in texts:
        for english in ENGLISH:
            assert not re.search(rf"\b{english}\b", text), f"{english!r} in {text!r} ({language})"
    assert all(re.search("[а-яёәғқңөұүһі]", t, re.I) for t in texts), texts
    look_in = {"ru": "Перейти к", "kk": "Қайда қарау"}[language]
    assert any(look_in in t for t in texts), texts
    dialog.grab().save(f"/tmp/e_file_dialog_{language}.png")
    dialog.close()
    assert not dialog.isVisible()


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_date_edit_and_numbers_follow_the_locale(qtbot, window: MainWindow, language: str) -> None:  # type: ignore[no-untyped-def]
    window.set_language(language)
    assert QLocale().name() == i18n.LOCALES[language]
    edit = date_edit(date(2026, 12, 6))
    qtbot.addWidget(edit)
    edit.show()
    assert edit.text() == i18n.format_short_date(date(2026, 12, 6), language) == "06.12.2026"
    calendar = edit.calendarWidget()
    calendar.show()
    months = [b.text() for b in calendar.findChildren(QToolButton)]
    assert MONTH_12[language] in [m.lower() for m in months], months
    spin = QDoubleSpinBox()
    qtbot.addWidget(spin)
    spin.setDecimals(2)
    spin.setValue(0.38)
    assert spin.text() == "0,38"


def test_live_switch_replaces_the_qt_locale(window: MainWindow) -> None:
    window.set_language("kk")
    assert QLocale().name() == "kk_KZ"
    window.set_language("ru")
    assert QLocale().name() == "ru_KZ"


def test_nothing_forces_qt_own_file_dialog() -> None:
    """Windows users get the native dialog: no source file asks for Qt's own one."""
    sources = [p for p in (ROOT / "desktop_app").rglob("*.py") if "DontUseNativeDialog" in p.read_text("utf-8")]
    assert sources == []


FILE_DATES = """
import sys
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication
from desktop_app.ui.language import system_locale_for_dates
with system_locale_for_dates(sys.argv[1]):
    app = QApplication([])
import locale, os
system = QLocale.system()
print(system.toString(QDate(2026, 12, 6), QLocale.FormatType.ShortFormat), "|", system.formattedDataSize(380_000),
      "|", os.environ.get("LC_TIME"), "|", locale.setlocale(locale.LC_NUMERIC))
"""


@pytest.mark.parametrize(("language", "shown"), [("ru", "06.12.2026 | 371,09 KiB"), ("kk", "06.12.26 | 371,09 KiБ")])
def test_file_dates_in_qt_dialog_use_the_language(language: str, shown: str) -> None:
    """Qt's file dialog writes file dates and sizes in the system locale, read once when the
    application starts; a C environment (the test machine, many Linux PCs) gave «6 12 2026» and
    «371.09 KiB». The environment and the C library's number format are left as they were."""
    env = {"QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-c", FILE_DATES, language], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120, check=True)
    assert run.stdout.strip() == f"{shown} | None | C"


def test_bundle_keeps_qt_translations_of_both_languages() -> None:
    """The PyInstaller spec drops Qt's translations except qtbase_kk.qm and qtbase_ru.qm."""
    tree = ast.parse((ROOT / "installer" / "metodsovet.spec").read_text("utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "UNWANTED" for t in n.targets))
    unwanted = eval(compile(ast.Expression(node.value), "metodsovet.spec", "eval"), {"re": re})
    folder = "PySide6/Qt/translations/"
    assert not unwanted.search(folder + "qtbase_kk.qm")
    assert not unwanted.search(folder + "qtbase_ru.qm")
    assert unwanted.search(folder + "qtbase_de.qm") and unwanted.search(folder + "qt_help_ru.qm")

