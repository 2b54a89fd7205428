"""The district section and the school picker (issue 20, point 4) as a district methodist sees them:
a viewer account of every school picks a school at sign-in, switches it from the File menu, and
reads every school's figures side by side; a one-school account sees neither."""

from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import i18n
from desktop_app.domain.accounts import COMMAND_LINE, Role
from desktop_app.services import Services
from desktop_app.ui import operations
from desktop_app.ui.dialogs import school_picker
from desktop_app.ui.dialogs.school_picker import SchoolPickerDialog, choose_school, remembered_school
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.views.district import DistrictView
from tests.shared_files import SAMPLE

SHOTS = os.environ.get("DISTRICT_SHOTS")


def other_school() -> bytes:
    """The sample school under another id and name (the demo school is school-7 too)."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["school"]["id"] = "school-8"
    document["school"]["name"] = {"kk": "№ 8 мектеп-гимназия", "ru": "Школа-гимназия № 8"}
    document["school"]["short_name"] = {"kk": "№ 8 мектеп", "ru": "Школа № 8"}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


@pytest.fixture
def district(services: Services) -> Services:
    """The demo school-7 and school-8 in one database, and a viewer of every school."""
    services.exchange.import_document(COMMAND_LINE, other_school())
    services.accounts.create_user(COMMAND_LINE, "rayon", "rayon-secret1", Role.VIEWER)
    return services


def _methodist(district: Services, school: str | None = None) -> Session:
    actor = district.accounts.authenticate("rayon", "rayon-secret1")
    assert actor.school is None
    return Session(district, actor, school or district.demo_school)  # type: ignore[attr-defined]


def _answer(choose: str | None) -> None:
    """Answers the picker when it opens: the school ``choose`` (by id), or Cancel."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SchoolPickerDialog):
            QTimer.singleShot(20, answer)
            return
        if choose is None:
            dialog.reject()
            return
        for row in range(dialog.list.count()):
            if dialog.list.item(row).data(Qt.ItemDataRole.UserRole) == choose:
                dialog.list.setCurrentRow(row)
        dialog.accept()
    QTimer.singleShot(20, answer)


def test_the_picker_asks_an_account_of_several_schools_and_remembers(district: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    actor = district.accounts.authenticate("rayon", "rayon-secret1")
    _answer("school-8")
    assert choose_school(district, actor) == "school-8"
    assert remembered_school("rayon") == "school-8"
    _answer(None)  # cancelled: nothing opens
    assert choose_school(district, actor) is None
    dialog = SchoolPickerDialog(district.schools.list_schools(actor), remembered_school("rayon"))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "school-8"  # the remembered school is preselected
    dialog.filter.setText("7")  # narrowing the list by a part of the name chooses what is left
    assert dialog.chosen() == district.demo_school  # type: ignore[attr-defined]
    dialog.filter.setText("no such school")
    assert dialog.chosen() is None
    admin = district.accounts.authenticate("zavuch", "zavuch-demo")  # one school: never asked
    assert choose_school(district, admin) == admin.school


def test_switching_school_opens_it_in_a_new_window(district: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    install_language_hook()
    window = MainWindow(_methodist(district))
    qtbot.addWidget(window)
    window.show()
    assert window.school_action.isVisible()
    _answer("school-8")
    opened = school_picker.switch_school(window)
    assert opened is not None
    qtbot.addWidget(opened)
    assert opened.session.school == "school-8" and opened.isVisible() and not window.isVisible()
    assert "8" in opened.user_label.text()


def test_one_school_account_sees_no_picker_nor_district(window: MainWindow) -> None:
    assert not window.school_action.isVisible()
    row = [s.key for s in SECTIONS].index("district")
    assert window.navigation.item(row).isHidden()


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_district_section_lists_every_school_sorts_charts_and_exports(
        district: Services, qtbot, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    install_language_hook()
    i18n.set_language(language)
    window = MainWindow(_methodist(district))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    row = [s.key for s in SECTIONS].index("district")
    assert not window.navigation.item(row).isHidden()
    window.show_section("district")
    view = window.views["district"]
    assert isinstance(view, DistrictView)
    assert view.year_combo.count() >= 1
    view.year_combo.setCurrentIndex(view.year_combo.findData(2026))
    assert view.proxy.rowCount() == 2  # both schools
    teachers = [f.teachers for f in view.figures]
    assert sorted(teachers) == sorted(district.district.figures(
        district.accounts.authenticate("rayon", "rayon-secret1"), 2026)[i].teachers for i in range(2))
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    shown = [view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())]
    assert shown == [str(n) for n in sorted(teachers, reverse=True)]
    for index in range(view.chart_combo.count()):
        view.chart_combo.setCurrentIndex(index)
        assert view.chart.chart_.series() and view.chart.sets
    view.chart_combo.setCurrentIndex(0)
    assert view.chart.chart_.title() and view.chart.chart_.title() != "Staff by qualification category"
    assert not view.import_button.isVisible()  # a viewer reads only
    if SHOTS:
        qtbot.wait(100)
        window.grab().save(f"{SHOTS}/district-{language}.png")
    path = tmp_path / "district.xlsx"
    operation = view.write_xlsx(path)
    assert operation is not None
    qtbot.waitUntil(lambda: operation.done, timeout=10_000)
    rows = list(load_workbook(BytesIO(path.read_bytes())).active.iter_rows(values_only=True))
    assert len(rows) == 3 and rows[0][0] == ("Мектеп" if language == "kk" else "Школа")


def test_the_district_administrator_imports_a_folder_with_a_report(services: Services, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_language_hook()
    services.accounts.create_user(COMMAND_LINE, "rono-admin", "rono-secret", Role.ADMINISTRATOR)
    actor = services.accounts.authenticate("rono-admin", "rono-secret")
    window = MainWindow(Session(services, actor, services.demo_school))  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    window.show_section("district")
    view = window.views["district"]
    assert isinstance(view, DistrictView) and view.import_button.isVisible()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "school-8.json").write_bytes(other_school())
    (folder / "broken.json").write_text("{", encoding="utf-8")
    operation = view.import_folder(folder)
    assert operation is not None
    qtbot.waitUntil(lambda: operation.done, timeout=30_000)
    report = view.report
    assert isinstance(report, QMessageBox) and report.isVisible()
    assert "school-8.json" in report.text() and "broken.json" in report.text()
    if SHOTS:
        report.grab().save(f"{SHOTS}/district-report.png")
    report.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not report.isVisible())
    assert "school-8" in {s.id for s in services.schools.list_schools(actor)}
    assert view.proxy.rowCount() == 2
    operations.runner().wait()


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_district_administrator_adds_a_member_from_another_school(
        district: Services, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.domain.entities import Association, AssociationKind, LocalizedText, Membership
    from desktop_app.ui.dialogs.association import AssociationDialog
    from desktop_app.ui.dialogs.guest_members import GuestMembersDialog

    install_language_hook()
    i18n.set_language(language)
    admin = district.accounts.authenticate("zavuch", "zavuch-demo")
    school = admin.school
    assert school is not None
    year = district.schools.list_years(admin, school)[-1]
    inter = district.associations.save(admin, school, Association(
        "", AssociationKind.INTER_SCHOOL, LocalizedText("Мектепаралық ӘБ", "Межшкольное МО"), year.id, "t-01",
        members=[Membership("t-01", year.window[0], None)]))
    school_admin = AssociationDialog(Session(district, admin, school), year, inter)
    qtbot.addWidget(school_admin)
    assert not school_admin.guests_button.isVisible() and school_admin.guests_button.isHidden()
    district.accounts.create_user(COMMAND_LINE, "rono", "rono-secret1", Role.ADMINISTRATOR)
    rono = district.accounts.authenticate("rono", "rono-secret1")
    session = Session(district, rono, school)
    dialog = AssociationDialog(session, year, inter)
    qtbot.addWidget(dialog)
    assert not dialog.guests_button.isHidden()
    guests = GuestMembersDialog(session, inter, dialog)
    qtbot.addWidget(guests)
    guests.resize(700, 440)
    guests.show()
    assert guests.choice.count() > 0 and all("8" in guests.choice.itemText(i) for i in range(guests.choice.count()))
    guests.choice.setCurrentIndex(1)
    guests.add_button.click()
    assert guests.table.rowCount() == 1 and "8" in guests.table.item(0, 1).text()
    guests.add_button.click()  # the same teacher again: refused, said in the dialog, nothing lost
    assert guests.error.isVisible() and guests.error.text() and guests.table.rowCount() == 1
    if SHOTS:
        guests.grab().save(f"{SHOTS}/guests-{language}.png")
    guests.table.selectRow(0)
    guests.remove_button.click()
    assert guests.table.rowCount() == 0 and not guests.error.isVisible()
    guests.buttons.button(guests.buttons.StandardButton.Close).click()
    assert not guests.isVisible()
