"""The plans considered under an agenda item: a model and a view, edited with the mouse."""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QScrollArea

from desktop_app import i18n
from desktop_app.domain.entities import PlanStatus, ReviewOutcome
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.dialogs.meeting.plan_review_model import OUTCOME, PLAN, REMARKS, STATUS, outcome_text
from desktop_app.ui.dialogs.meeting.plan_reviews import PLAN_WIDTH
from desktop_app.ui.session import Session
from tests.ui.conftest import finish, type_text
from tests.ui.test_meetings import BODY, fill_header, submitted_plans


def _click(qtbot, table, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_outcome_chosen_in_the_cell_and_shown_whole(qtbot, sign_in, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    session: Session = sign_in("administrator")
    first, second = submitted_plans(session.services, session)
    body = session.services.associations.get(session.actor, session.school, BODY)
    dialog = MeetingDialog(session, body)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 740)
    dialog.show()
    dialog.autosave.stop()
    fill_header(qtbot, dialog)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    type_text(editor.title, "КТЖ қарау")
    box = editor.plans_box
    dialog.tabs.setCurrentIndex(1)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(box)
    qtbot.waitUntil(box.plan_table.isVisible)
    table, model = box.plan_table, box.model
    rows = {line.choice.plan.id: r for r, line in enumerate(model.lines)}
    assert {first, second} <= rows.keys()

    table.scrollTo(model.index(rows[first], PLAN))
    check = table.visualRect(model.index(rows[first], PLAN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(check.left() + 10, check.center().y()))
    assert first in box.checked()
    _click(qtbot, table, rows[first], OUTCOME)
    combo = table.indexWidget(model.index(rows[first], OUTCOME)) or table.viewport().findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(ReviewOutcome.RECOMMENDED.value))
    combo.activated.emit(combo.currentIndex())
    assert [(r.plan, r.outcome) for r in box.reviews(1)] == [(first, ReviewOutcome.RECOMMENDED)]
    box.set_plan_outcome(second, ReviewOutcome.RETURNED, "Сағат саны сәйкес емес")
    assert model.index(rows[second], REMARKS).data() == "Сағат саны сәйкес емес"
    assert model.flags(model.index(rows[second], OUTCOME)) & Qt.ItemFlag.ItemIsEditable
    # Once considered, the plan shows its new state and takes no other outcome.
    plan = model.lines[rows[second]].choice.plan
    box.update_plan(replace(plan, status=PlanStatus.RETURNED))
    assert not model.flags(model.index(rows[second], OUTCOME)) & Qt.ItemFlag.ItemIsEditable
    assert [r.plan for r in box.reviews(1)] == [first]

    for language in ("kk", "ru"):
        i18n.set_language(language)
        dialog.retranslate_ui()
        width = table.horizontalHeader().sectionSize(OUTCOME)
        for value in ReviewOutcome:
            assert table.fontMetrics().horizontalAdvance(outcome_text(value)) + 12 <= width
        if os.environ.get("METODSOVET_SCREENSHOTS"):
            table.scrollTo(model.index(rows[second], PLAN))
            scroll.ensureWidgetVisible(box)
            dialog.grab().save(f"{os.environ['METODSOVET_SCREENSHOTS']}/plan-reviews-{language}.png")
    i18n.set_language("kk")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.reject()  # the draft is saved first, then the dialog closes
    finish(qtbot)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _new_protocol(qtbot, sign_in) -> MeetingDialog:  # type: ignore[no-untyped-def]
    """A new protocol of the body whose members submitted plans, shown, with no automatic save."""
    session: Session = sign_in("administrator")
    submitted_plans(session.services, session)
    body = session.services.associations.get(session.actor, session.school, BODY)
    dialog = MeetingDialog(session, body)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.autosave.stop()
    return dialog


def test_the_plan_and_status_columns_are_as_wide_as_qt_would_fit_them(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    """Sized from the longest text of each column (not by asking every row): the same width as
    Qt's own fit gives, so «утверждено» / «бекітуге ұсынылды» are never cut; the plan column at
    most ``PLAN_WIDTH``."""
    dialog = _new_protocol(qtbot, sign_in)
    dialog.tabs.setCurrentWidget(dialog.agenda)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    for language in ("kk", "ru"):
        i18n.set_language(language)
        dialog.editors[0].retranslate_ui()
        table = dialog.editors[0].plans_box.plan_table
        header = table.horizontalHeader()
        assert table.model().rowCount() >= 2
        for column, most in ((PLAN, PLAN_WIDTH), (STATUS, None)):
            fitted = header.sectionSize(column)
            table.resizeColumnToContents(column)  # Qt asks every row
            wanted = header.sectionSize(column)
            assert fitted == (min(wanted, most) if most else wanted), (language, column)


def test_an_items_plans_are_fitted_when_the_item_is_first_seen(qtbot, sign_in) -> None:  # type: ignore[no-untyped-def]
    """A protocol opens on its first tab: the tables of its items are not measured then, but each
    is fitted as Qt would fit it when the agenda and that item are shown."""
    dialog = _new_protocol(qtbot, sign_in)
    for _item in range(2):
        qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    tables = [editor.plans_box.plan_table for editor in dialog.editors]
    default = tables[0].horizontalHeader().defaultSectionSize()
    assert all(t.horizontalHeader().sectionSize(PLAN) == default for t in tables)  # not measured unseen
    dialog.tabs.setCurrentWidget(dialog.agenda)
    for row, table in enumerate(tables):
        dialog.items.setCurrentRow(row)
        qtbot.waitUntil(table.isVisible)
        header = table.horizontalHeader()
        fitted = header.sectionSize(STATUS)
        assert fitted != default
        table.resizeColumnToContents(STATUS)  # Qt asks every row
        assert header.sectionSize(STATUS) == fitted, row
