"""The main window: sections, academic year, search, live language switching, remembered state."""

from __future__ import annotations

import gettext

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app import i18n
from desktop_app.i18n import _
from desktop_app.ui.main_window import SECTIONS, MainWindow
from desktop_app.ui.settings import settings
from desktop_app.ui.style import STYLE
from desktop_app.ui.views.associations import AssociationsView
from desktop_app.ui.views.teachers import TeachersView

from .conftest import type_text


class _Marked(gettext.NullTranslations):
    """A stand-in catalog until the real ones exist: every text comes back marked."""

    def __init__(self, mark: str) -> None:
        super().__init__()
        self.mark = mark

    def gettext(self, message: str) -> str:
        return f"{self.mark}{message}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"{self.mark}{singular if n == 1 else plural}"


@pytest.fixture
def marked_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    catalogs = {"kk": _Marked("[kk] "), "ru": _Marked("[ru] ")}
    monkeypatch.setattr(i18n, "translations", lambda language: catalogs[language])


def _nav_texts(window: MainWindow) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def test_the_window_shows_every_section_and_who_is_signed_in(window: MainWindow) -> None:
    assert _nav_texts(window) == [i18n._(s.title) for s in SECTIONS]
    assert len(SECTIONS) == 15  # with Attestation and courses, the annual analysis and the district (issue 20)
    assert window.stack.count() == 15
    hidden = [s.key for row, s in enumerate(SECTIONS) if window.navigation.item(row).isHidden()]
    assert hidden == ["district"]  # an account of one school has no district section
    assert "zavuch" in window.user_label.text()
    assert _("administrator") in window.user_label.text()
    assert window.year_combo.count() == 2


def test_sections_switch_the_stack(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.section_changed) as blocker:
        window.show_section("teachers")
    assert blocker.args == ["teachers"]
    assert isinstance(window.current_view(), TeachersView)
    window.show_section("associations")
    view = window.current_view()
    assert isinstance(view, AssociationsView)
    assert view.model.rowCount() > 0


def test_every_section_fills_for_the_demo_year(window: MainWindow) -> None:
    window.select_year("2026-2027")
    for row, section in enumerate(SECTIONS):
        if window.navigation.item(row).isHidden():
            continue
        window.show_section(section.key)
        model = getattr(window.current_view(), "model", None)
        if model is not None:
            assert model.rowCount() > 0, section.key


def test_changing_the_year_reloads_the_view(window: MainWindow) -> None:
    window.show_section("associations")
    view = window.current_view()
    assert isinstance(view, AssociationsView)
    years = {}
    for index in range(window.year_combo.count()):
        window.year_combo.setCurrentIndex(index)
        years[window.year_combo.itemData(index)] = {
            view.model.record(r).association.id for r in range(view.model.rowCount())}
    assert len(years) == 2
    first, second = years.values()
    assert first.isdisjoint(second)


def test_the_search_field_filters_the_current_view(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_section("teachers")
    view = window.current_view()
    assert isinstance(view, TeachersView)
    type_text(window.search, "ӘБЕН")
    assert view.proxy.rowCount() == 1
    assert view.model.record(view.proxy.source_row(0)).last_name == "Әбенова"
    window.search.clear()
    assert view.proxy.rowCount() == view.model.rowCount()


def test_language_switch_retranslates_live(qtbot, window: MainWindow, marked_catalogs: None) -> None:  # type: ignore[no-untyped-def]
    window.show_section("teachers")
    view = window.current_view()
    assert isinstance(view, TeachersView)
    before = window.retranslate_count
    with qtbot.waitSignal(view.model.headerDataChanged, timeout=1000):
        window.set_language("kk")
    assert window.retranslate_count > before
    assert all(text.startswith("[kk] ") for text in _nav_texts(window))
    header = view.model.headerData(0, Qt.Orientation.Horizontal)
    assert header.startswith("[kk] ")
    assert view.title_label.text().startswith("[kk] ")
    assert window.language_actions["kk"].isChecked()

    associations = window.views["associations"]
    assert isinstance(associations, AssociationsView)
    with qtbot.waitSignal(associations.model.headerDataChanged, timeout=1000):
        window.set_language("ru")
    assert all(text.startswith("[ru] ") for text in _nav_texts(window))
    assert associations.model.headerData(1, Qt.Orientation.Horizontal).startswith("[ru] ")
    assert window.language_actions["ru"].isChecked()
    assert settings().value("language") == "ru"


def test_the_window_remembers_the_section(qtbot, window: MainWindow, sign_in) -> None:  # type: ignore[no-untyped-def]
    window.show_section("mentoring")
    window.close()
    again = MainWindow(sign_in("administrator"))
    qtbot.addWidget(again)
    assert again.navigation.currentRow() == [s.key for s in SECTIONS].index("mentoring")


def test_the_window_fits_1366_by_768(window: MainWindow) -> None:
    window.resize(1366, 768)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366
    assert hint.height() <= 768


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_section_name_fits_the_navigation_with_the_window_style(qtbot, sign_in, language: str) -> None:  # type: ignore[no-untyped-def]
    """Measured with the style sheet's font (11pt), as the window starts: nothing is cut off."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(STYLE)
    try:
        i18n.set_language(language)
        main = MainWindow(sign_in("administrator"))
        qtbot.addWidget(main)
        main.show()
        nav = main.navigation
        widest = max(nav.fontMetrics().horizontalAdvance(nav.item(r).text()) for r in range(nav.count()))
        assert nav.width() >= widest + 20 + 2 * nav.frameWidth(), (nav.width(), widest)  # padding 2 × 10 px
    finally:
        app.setStyleSheet(before)
