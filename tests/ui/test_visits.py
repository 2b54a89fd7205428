"""The Lesson visits section: plan an open lesson, two observers record observations, the visit
matrix updates; term picker, refusals by the field, printing and the .xlsx register."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate

from desktop_app.domain.entities import VisitKind
from desktop_app.ui.views.visits import VisitsView
from tests.ui.conftest import finish

from .conftest import type_text


def _view(qtbot, sign_in, role: str = "administrator") -> VisitsView:  # type: ignore[no-untyped-def]
    session = sign_in(role)
    view = VisitsView(session)
    qtbot.addWidget(view)
    years = session.services.schools.list_years(session.actor, session.school)
    view.set_year(next(y for y in years if y.id == "2026-2027"))
    view.resize(1200, 700)
    view.show()
    return view


def _matrix_count(view: VisitsView, observer: str, teacher: str) -> str:
    matrix = view.matrix_model.matrix
    assert matrix is not None
    index = view.matrix_model.index(matrix.observers.index(observer), matrix.teachers.index(teacher))
    return str(view.matrix_model.data(index))


def test_plan_an_open_lesson_observe_twice_and_see_the_matrix(qtbot, sign_in, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    view.term.setCurrentIndex(view.term.findData(2))
    view.body.setCurrentIndex(view.body.findData("mo-math-26"))
    assert "t-03" in view.matrix_model.matrix.unvisited
    assert "Иванова" in view.unvisited_label.text()
    before = view.model.rowCount()

    dialog = view.make_visit_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(VisitKind.OPEN_LESSON.value))
    dialog.teacher.setCurrentIndex(dialog.teacher.findData("t-03"))
    assert dialog.subject.currentData() == "math"
    type_text(dialog.class_name, "6Ә")
    dialog.date.setDate(QDate(2026, 12, 9))
    type_text(dialog.topic, "Пропорция")
    dialog.association.setCurrentIndex(dialog.association.findData("mo-math-26"))
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is not None and not dialog.isVisible(), dialog.general_error.text()
    view.saved(dialog.saved)
    assert view.model.rowCount() == before + 1
    assert view.selected().id == dialog.saved.id

    for observer, strengths in (("t-01", "Мақсат анық"), ("t-02", "Топтық жұмыс")):
        observe = view.make_observation_dialog(observer)
        qtbot.addWidget(observe)
        observe.show()
        observe.strengths.setPlainText(strengths)
        observe.recommendations.setPlainText("Кері байланыс")
        observe.accept()
        finish(qtbot)
        assert observe.saved is not None and not observe.isVisible(), observe.general_error.text()
        view.saved(observe.saved)
    assert view.observations.rowCount() == 2
    assert _matrix_count(view, "t-01", "t-03") == "1"
    assert _matrix_count(view, "t-02", "t-03") == "1"
    assert "t-03" not in view.matrix_model.matrix.unvisited
    assert "Иванова" not in view.unvisited_label.text()

    assert view.write_sheet(tmp_path / "sheet.pdf")
    finish(qtbot)
    assert view.write_schedule(tmp_path / "schedule.pdf")
    finish(qtbot)
    assert (tmp_path / "schedule.pdf").read_bytes().startswith(b"%PDF")
    assert view.write_register(tmp_path / "visits.xlsx")
    finish(qtbot)
    topics = [row[6].value for row in load_workbook(tmp_path / "visits.xlsx").worksheets[0].iter_rows(min_row=2)]
    assert "Пропорция" in topics


def test_the_term_picker_filters_the_schedule(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    assert view.term.count() == 5  # the whole year and four terms
    view.term.setCurrentIndex(view.term.findData(1))
    assert view.model.rowCount() == 0  # the demo's visits are in November (term 2)
    assert view.print_schedule_button.isEnabled()
    view.term.setCurrentIndex(view.term.findData(2))
    assert view.model.rowCount() >= 2
    view.term.setCurrentIndex(view.term.findData(0))
    assert not view.print_schedule_button.isEnabled()  # a schedule is printed for one term


def test_refusals_are_shown_by_the_field(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    dialog = view.make_visit_dialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    finish(qtbot)
    assert dialog.saved is None and dialog.isVisible() and not dialog.errors["topic"].isHidden()
    view.table.selectRow(0)
    chosen = view.selected()
    observe = view.make_observation_dialog(chosen.teacher)
    qtbot.addWidget(observe)
    observe.show()
    observe.strengths.setPlainText("Өз сабағы")
    observe.accept()
    finish(qtbot)
    assert observe.saved is None and observe.isVisible() and not observe.errors["observer"].isHidden()
    assert observe.strengths.toPlainText() == "Өз сабағы"


def test_models(qtmodeltester, qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, sign_in)
    view.term.setCurrentIndex(view.term.findData(2))
    view.table.selectRow(0)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.observations)
    qtmodeltester.check(view.matrix_model)
