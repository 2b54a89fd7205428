"""The status bar and a section's message line speak the new language after a live switch: they
keep the message (a lazy text or a refusal), not the text it had in the old language."""

from __future__ import annotations

import pytest

from desktop_app import i18n
from desktop_app.domain.errors import UserError
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.views.plans import PlansView
from desktop_app.ui.views.settings import SettingsView
from tests.ui.conftest import finish

APPROVED = "ktp-inf7-26"  # the demo's approved informatics plan


def test_backup_message_follows_a_language_switch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_language("ru")
    window.show_section("settings")
    view = window.views["settings"]
    assert isinstance(view, SettingsView) and view.backups is not None
    view.backups.back_up_now()
    finish(qtbot)
    path = view.backups.made
    assert path is not None
    bar = window.statusBar()
    russian = i18n.gettext_for("ru")("Backup made: {path}").format(path=path)
    assert bar.currentMessage() == russian
    window.set_language("kk")
    kazakh = i18n.gettext_for("kk")("Backup made: {path}").format(path=path)
    assert kazakh != russian
    assert bar.currentMessage() == kazakh
    window.grab().save("/tmp/e_status_kk.png")
    window.set_language("ru")
    assert bar.currentMessage() == russian
    window.grab().save("/tmp/e_status_ru.png")


def test_refusal_in_status_bar_and_message_line_follows_a_switch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_language("kk")
    window.show_section("plans")
    view = window.views["plans"]
    assert isinstance(view, PlansView)
    view.select_plan(APPROVED)
    s = window.session
    with pytest.raises(UserError) as caught:
        s.services.plans.revise(s.actor, s.school, APPROVED)
    view.revise()
    finish(qtbot)
    bar = window.statusBar()
    assert bar.currentMessage() == view.message.text() == caught.value.render(i18n.gettext_for("kk"))
    window.set_language("ru")
    russian = caught.value.render(i18n.gettext_for("ru"))
    assert russian != caught.value.render(i18n.gettext_for("kk"))
    assert bar.currentMessage() == view.message.text() == russian


def test_a_plural_message_takes_the_new_language_plural(window: MainWindow) -> None:
    window.set_language("ru")
    window.views["teachers"].status_message.emit(
        i18n.lazy_ngettext("{count} teacher imported", "{count} teachers imported", 5))
    assert window.statusBar().currentMessage() == i18n.ngettext(
        "{count} teacher imported", "{count} teachers imported", 5, "ru").format(count=5)
    window.set_language("kk")
    assert window.statusBar().currentMessage() == i18n.ngettext(
        "{count} teacher imported", "{count} teachers imported", 5, "kk").format(count=5)


def test_a_message_replaced_meanwhile_is_not_brought_back(window: MainWindow) -> None:
    """A menu's tip or a cleared bar is what the user sees now; a switch does not bring back the old line."""
    window.set_language("ru")
    window.show_status(i18n.Text("Backup made: {path}", {"path": "x"}))
    window.statusBar().clearMessage()
    window.set_language("kk")
    assert window.statusBar().currentMessage() == ""
