"""The «Annual analysis» section on the school whose figures are known (tests/analysis_school.py): the
tables and the QtCharts charts hold the figures, the texts are written and approved, the signer
dialog closes, a viewer only reads; screenshots at 1366×768 in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QChartView, QLineSeries
from PySide6.QtCore import Qt

from desktop_app import i18n
from desktop_app.domain.accounts import Actor, Role
from desktop_app.services import Services
from desktop_app.ui import operations
from desktop_app.ui.language import install_language_hook
from desktop_app.ui.session import Session
from desktop_app.ui.views.analysis import AnalysisView
from desktop_app.ui.widgets.analysis_charts import bar_values
from tests.analysis_school import SCHOOL, YEAR, build
from tests.ui.conftest import finish, type_text

SHOTS = Path("/tmp/analysis-shots")


@pytest.fixture
def school(tmp_path: Path) -> Iterator[Services]:
    services = Services.open(str(tmp_path / "analysis.sqlite3"), clock=lambda: datetime(2027, 5, 25, 9, tzinfo=UTC))
    build(services.db)
    yield services
    operations.runner().wait()
    services.close()


def _view(qtbot, services: Services, actor: Actor) -> AnalysisView:  # type: ignore[no-untyped-def]
    install_language_hook()
    session = Session(services, actor, SCHOOL)
    view = AnalysisView(session)
    qtbot.addWidget(view)
    view.resize(1166, 700)  # the window's 1366 less the navigation
    view.show()
    view.set_year(services.schools.get_year(actor, SCHOOL, YEAR))
    return view


def _table(view: AnalysisView, key: str) -> list[list[str]]:
    view.table_list.setCurrentRow([t.key for t in view.shown].index(key))
    table = view.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_figures_and_charts_of_the_school(qtbot, school: Services) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("ru")
    view = _view(qtbot, school, Actor("zavuch", Role.ADMINISTRATOR, SCHOOL, "dep"))
    assert view.scope.currentText() == "Вся школа"
    assert _table(view, "meetings")[-1] == ["Итого", "5", "4", "3", "2"]
    assert _table(view, "plans") == [["6", "5", "2", "3", "3", "2", "1"]]
    charts = {c.objectName(): c for c in view.charts.findChildren(QChartView)}
    assert set(charts) == {"chart-categories", "chart-approvals", "chart-visits"}
    assert bar_values(charts["chart-categories"]) == [("Прошлый год", [1, 2, 2, 1, 2, 3]),
                                                      ("Этот год", [1, 2, 3, 2, 1, 2])]
    assert bar_values(charts["chart-visits"]) == [("Открытые уроки", [2, 1, 0]), ("Взаимопосещения", [1, 0, 1])]
    approvals = charts["chart-approvals"]
    assert bar_values(approvals) == [("Утверждено", [2, 1])]
    marker = next(s for s in approvals.chart().series() if isinstance(s, QLineSeries))
    assert marker.name() == "1 сентября" and marker.at(0).x() == 0.5  # between August and September
    view.scope.setCurrentIndex(view.scope.findData("math"))
    assert _table(view, "meetings") == [["МО математики", "3", "3", "2", "1"]]
    assert bar_values(view.charts.findChild(QChartView, "chart-visits")) == [
        ("Открытые уроки", [2]), ("Взаимопосещения", [1])]


def test_write_approve_and_the_signer_dialog_closes(qtbot, school: Services,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path) -> None:
    i18n.set_language("kk")
    view = _view(qtbot, school, Actor("zavuch", Role.ADMINISTRATOR, SCHOOL, "dep"))
    view.tabs.setCurrentIndex(2)
    type_text(view.conclusions, "Жоспар орындалды.")
    type_text(view.tasks, "Ашық сабақтар.")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert school.analysis.paper(Actor("d", Role.DIRECTOR, SCHOOL, "dir"), SCHOOL, YEAR).analysis.tasks == \
        "Ашық сабақтар."
    dialog = view.make_signer_dialog()
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    director = _view(qtbot, school, Actor("director", Role.DIRECTOR, SCHOOL, "dir"))
    assert director.approve_button.isVisible() and not director.save_button.isVisible()
    director.approve(director.make_signer_dialog().signer())
    finish(qtbot)
    assert "Бекітілді" in director.state.text() or "бекітілді" in director.state.text().lower()
    assert director.conclusions.isReadOnly() and not director.approve_button.isVisible()
    out = tmp_path / "analysis.xlsx"
    director.write_xlsx(out)
    finish(qtbot)
    assert load_workbook(out).worksheets[-1]["A2"].value == "Жоспар орындалды."


def test_typed_texts_are_kept_when_another_analysis_is_shown(qtbot, school: Services) -> None:  # type: ignore[no-untyped-def]
    admin = Actor("zavuch", Role.ADMINISTRATOR, SCHOOL, "dep")
    view = _view(qtbot, school, admin)
    type_text(view.conclusions, "Тіл ӘБ жақсы жұмыс істеді.")
    view.scope.setCurrentIndex(view.scope.findData("lang"))
    assert view.conclusions.toPlainText() == ""
    assert school.analysis.paper(admin, SCHOOL, YEAR).analysis.conclusions == "Тіл ӘБ жақсы жұмыс істеді."
    view.scope.setCurrentIndex(view.scope.findData(""))
    assert view.conclusions.toPlainText() == "Тіл ӘБ жақсы жұмыс істеді."


def test_a_viewer_reads_only_and_a_teacher_sees_nothing(qtbot, school: Services) -> None:  # type: ignore[no-untyped-def]
    viewer = _view(qtbot, school, Actor("raiono", Role.VIEWER, SCHOOL))
    assert viewer.paper is not None and viewer.conclusions.isReadOnly()
    assert not viewer.save_button.isVisible() and not viewer.approve_button.isVisible()
    assert viewer.output_button.isEnabled()
    head = _view(qtbot, school, Actor("usenova", Role.HEAD, SCHOOL, "t8"))
    assert [head.scope.itemData(i) for i in range(head.scope.count())] == ["primary"]
    assert not head.conclusions.isReadOnly() and head.save_button.isVisible()
    teacher = _view(qtbot, school, Actor("kim", Role.TEACHER, SCHOOL, "t6"))
    assert teacher.paper is None and teacher.scope.count() == 0 and teacher.state.text()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_screenshots(qtbot, school: Services, language: str) -> None:  # type: ignore[no-untyped-def]
    """Each tab at the window's size, kept in /tmp/analysis-shots when that folder exists."""
    i18n.set_language(language)
    view = _view(qtbot, school, Actor("zavuch", Role.ADMINISTRATOR, SCHOOL, "dep"))
    for tab in range(3):
        view.tabs.setCurrentIndex(tab)
        for chart in range(view.charts.count() if tab == 1 else 1):
            view.charts.setCurrentIndex(chart)
            qtbot.wait(10)
            image = view.grab()
            assert image.width() == 1166
            if SHOTS.is_dir():
                image.save(str(SHOTS / f"{language}-{tab}-{chart}.png"))
