"""Screenshots of the first-start wizard, academic years, staff import, association and work plan
dialogs in both languages at 1366×768 (run by hand, not a test; tests/ui/screenshots.py takes the
sections).

    QT_QPA_PLATFORM=offscreen python tests/ui/screenshots_setup.py [output folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["METODSOVET_HOME"] = tempfile.mkdtemp(prefix="metodsovet-shots-")

from PySide6.QtWidgets import QApplication, QWidget, QWizard

from desktop_app.services import Services
from desktop_app.services.demo import load_demo
from desktop_app.ui.dialogs.first_run import FirstRunWizard
from desktop_app.ui.dialogs.staff_import import StaffImportDialog, read_staff
from desktop_app.ui.dialogs.work_plan import WorkPlanDialog
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session import Session
from desktop_app.ui.style import STYLE
from desktop_app.ui.views.associations import AssociationsView
from desktop_app.ui.views.settings import SettingsView
from tests.services.test_staff_import import KK_HEADER, xlsx


def shot(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    app.processEvents()
    widget.grab().save(str(path))


def shoot_wizard(app: QApplication, home: Path, out: Path, language: str) -> None:
    services = Services.open(str(home / f"empty-{language}.sqlite3"))
    wizard = FirstRunWizard(services)
    wizard.choice_page.language.setCurrentIndex(wizard.choice_page.language.findData(language))
    shot(app, wizard, out / f"{language}-wizard-1-choice.png")
    wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.school_page.edits["name_kk"].setText("Қарағанды қаласының № 12 мектеп-гимназиясы")
    wizard.school_page.edits["name_ru"].setText("Школа-гимназия № 12 города Караганды")
    shot(app, wizard, out / f"{language}-wizard-2-school.png")
    wizard.button(QWizard.WizardButton.NextButton).click()
    shot(app, wizard, out / f"{language}-wizard-3-people.png")
    wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.year_page.combo.setCurrentIndex(wizard.year_page.combo.findData("2026-2027"))
    shot(app, wizard, out / f"{language}-wizard-4-year.png")
    wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.admin_page.login.setText("zavuch")
    wizard.admin_page.password.setText("short")
    wizard.admin_page.repeat.setText("short")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    shot(app, wizard, out / f"{language}-wizard-5-admin.png")
    wizard.close()
    services.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    home = Path(os.environ["METODSOVET_HOME"])
    from desktop_app.ui.qt_environment import prepare_qt

    prepare_qt()  # as the program does before its application object
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyleSheet(STYLE)
    install_language_hook()
    services = Services.open(str(home / "demo.sqlite3"))
    load_demo(services)
    actor = services.accounts.authenticate("zavuch", "zavuch-demo")
    assert actor.school is not None
    session = Session(services, actor, actor.school)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()
    staff = home / "штат.xlsx"
    staff.write_bytes(xlsx([KK_HEADER,
                            ["Сәрсенова", "Ұлбосын", "Маратқызы", "Математика пәнінің мұғалімі", "Математика",
                             "педагог-модератор", "12.04.2023", "01.09.2019"],
                            ["Жұмабаев", "Ерлан", None, "Мұғалім", "Химия", "профессор", "31.02.2020", None],
                            ["", "Әлия", None, "Мұғалім", "Қазақ тілі", None, None, "2024-09-01"]]))
    for language in ("kk", "ru"):
        window.set_language(language)
        shoot_wizard(app, home, out, language)
        window.show_section("settings")
        settings = window.views["settings"]
        assert isinstance(settings, SettingsView)
        settings.select_year("2026-2027")
        app.processEvents()
        window.grab().save(str(out / f"{language}-settings-years.png"))
        year = settings.make_dialog(settings.selected())  # type: ignore[arg-type]
        shot(app, year, out / f"{language}-year-dialog.png")
        year.close()
        parsed = read_staff(session, staff)
        assert parsed is not None
        preview = StaffImportDialog(session, parsed, staff.name)
        preview.resize(1366, 600)
        shot(app, preview, out / f"{language}-staff-import.png")
        preview.close()
        window.show_section("associations")
        associations = window.views["associations"]
        assert isinstance(associations, AssociationsView)
        associations.select_association("mo-kaz-26")
        app.processEvents()
        window.grab().save(str(out / f"{language}-associations-buttons.png"))
        body = associations.selected()
        assert body is not None
        editor = associations.make_dialog(body)
        assert editor is not None
        editor.select_member(body.members[-1].teacher)
        editor.end_membership()
        shot(app, editor, out / f"{language}-association-dialog.png")
        editor.close()
        associations.select_association("mo-math-26")
        plan = WorkPlanDialog(session, associations.selected())  # type: ignore[arg-type]
        shot(app, plan, out / f"{language}-work-plan.png")
        plan.close()
    window.close()
    services.close()
    print(f"saved to {out}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/metodsovet-shots-setup"))
