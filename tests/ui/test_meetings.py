"""The Meetings section as a user works with it: record, refuse, review plans, finalize, correct,
print, search (real SQLite in tmp_path, demo school)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app import i18n
from desktop_app.domain.entities import MeetingStatus, PlanStatus, ReviewOutcome
from desktop_app.domain.errors import DomainError, Rule, rule_label
from desktop_app.i18n import _
from desktop_app.services import Services
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.session import Session
from desktop_app.ui.views.meetings import MeetingsView
from desktop_app.ui.widgets.protocol_search import HIGHLIGHT_COLOR, TEXT_COLUMN, HitDelegate
from tests.ui.conftest import finish, submit_on, type_text

BODY = "mo-math-26"
DAY = date(2026, 11, 20)


@pytest.fixture
def session(sign_in) -> Session:  # type: ignore[no-untyped-def]
    return sign_in("administrator")  # type: ignore[no-any-return]


@pytest.fixture
def view(qtbot, session: Session) -> MeetingsView:  # type: ignore[no-untyped-def]
    meetings = MeetingsView(session)
    qtbot.addWidget(meetings)
    year = next(y for y in session.services.schools.list_years(session.actor, session.school)
                if y.id == "2026-2027")
    meetings.set_year(year)
    meetings.body_combo.setCurrentIndex(meetings.body_combo.findData(BODY))
    meetings.resize(1280, 700)
    meetings.show()
    return meetings


def submitted_plans(services: Services, session: Session) -> list[str]:
    """Two KTPs of members of the body, submitted for review."""
    base = services.plans.get(session.actor, session.school, "ktp-alg8-26")
    ids = []
    for teacher, grade in (("t-03", 7), ("t-04", 9)):
        plan = services.plans.save(session.actor, session.school,
                                   replace(base, id="", teacher=teacher, grade=grade, review=None))
        ids.append(submit_on(services, session, plan.id).id)
    return ids


def fill_header(qtbot, dialog: MeetingDialog) -> None:  # type: ignore[no-untyped-def]
    header = dialog.header
    header.date.setDate(QDate(DAY))
    type_text(header.place, "Мұғалімдер бөлмесі")
    header.start_time.setFocus()
    type_text(header.start_time, "1430")
    header.select(header.chair, "t-01")
    header.select(header.secretary, "t-05")


def test_record_a_meeting_from_an_empty_form_to_a_finalized_protocol(
        qtbot, view: MeetingsView, session: Session, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    services = session.services
    plans = submitted_plans(services, session)
    dialog = view.editor()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.header.number.value() == 3  # proposed: next after meetings 1 and 2
    fill_header(qtbot, dialog)
    assert dialog.header.start_time.text() == "14:30"
    assert [a.teacher for a in dialog.attendance.attendance()] == ["t-01", "t-02", "t-03", "t-04", "t-05"]

    # The secretary marked absent: the rule is named at once, and the service refuses on save.
    dialog.attendance.set_present("t-05", False, "ауырып қалды")
    assert dialog.header.errors["secretary"].isVisible()
    assert rule_label(Rule.MEETING_ATTENDANCE, _) in dialog.header.errors["secretary"].text()
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    editor = dialog.editors[0]
    type_text(editor.title, "Әдістемелік апталық туралы")
    type_text(editor.decisions, "Апталықты желтоқсанда өткізу")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert dialog.general_error.isVisible()
    assert dialog.header.errors["secretary"].isVisible()
    assert dialog.header.place.text() == "Мұғалімдер бөлмесі"  # nothing typed is lost
    dialog.tabs.setCurrentIndex(0)
    assert editor.title.text() == "Әдістемелік апталық туралы"
    assert dialog.saved is None
    dialog.attendance.set_present("t-05", True)
    assert not dialog.header.errors["secretary"].isVisible()
    dialog.attendance.set_present("t-04", False, "іссапарда")
    dialog.tabs.setCurrentIndex(1)

    # HEARD, SPOKE, a vote checked live against the four present.
    editor.heard_speaker.select("member:t-02")
    type_text(editor.heard_text, "Апталықтың жоспарын таныстырды.")
    qtbot.mouseClick(editor.add_spoke_button, Qt.MouseButton.LeftButton)
    spoke = editor.spoke_rows()[0]
    spoke.speaker.select("member:t-03")
    type_text(spoke.text, "Ашық сабақтар қосуды ұсынды.")
    editor.vote_on.setChecked(True)
    editor.votes[0].setValue(5)
    assert editor.vote_error.isVisible() and "4" in editor.vote_error.text()
    editor.votes[0].setValue(4)
    assert not editor.vote_error.isVisible()

    # A second item, moved to the top: the numbers follow the order.
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    second = dialog.editors[1]
    type_text(second.title, "КТЖ қарау")
    type_text(second.decisions, "Бірінші жоспарды ұсыну\nЕкіншісін пысықтауға қайтару")
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert dialog.items.item(0).text() == "1. КТЖ қарау"
    assert dialog.items.item(1).text().startswith("2. Әдістемелік")
    second.set_plan_outcome(plans[0], ReviewOutcome.RECOMMENDED)
    second.set_plan_outcome(plans[1], ReviewOutcome.RETURNED, "Сағат саны сәйкес емес")
    dialog.header.status.setCurrentIndex(dialog.header.status.findData("held"))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finish(qtbot)
    assert not dialog.general_error.isVisible(), dialog.general_error.text()
    saved = dialog.saved
    assert saved is not None and saved.number == 3 and saved.status is MeetingStatus.HELD
    assert [i.title for i in saved.agenda] == ["КТЖ қарау", "Әдістемелік апталық туралы"]
    assert saved.agenda[1].vote is not None and saved.agenda[1].vote.in_favour == 4
    assert saved.agenda[0].plans == plans
    first, other = (services.plans.get(session.actor, session.school, p) for p in plans)
    assert first.status is PlanStatus.RECOMMENDED
    assert other.status is PlanStatus.DRAFT or other.status is PlanStatus.RETURNED
    assert other.review is not None and other.review.remarks == "Сағат саны сәйкес емес"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.finalize()
    finish(qtbot)
    assert dialog.saved is not None and dialog.saved.status is MeetingStatus.FINALIZED
    assert not dialog.save_button.isEnabled()
    dialog.close()
    assert not dialog.isVisible()  # a finalized protocol closes (issue 13: it could not)
    locked = services.meetings.get(session.actor, session.school, saved.id)
    with pytest.raises(DomainError) as refused:  # the service refuses, not only the button
        services.meetings.save(session.actor, session.school, replace(locked, place="Басқа"))
    assert refused.value.rule.number == 5

    # The list shows it; print it in both languages.
    view.select(saved.id)
    assert view.selected() is not None and view.selected().id == saved.id  # type: ignore[union-attr]
    assert view.version_button.isEnabled()
    for language, title in (("kk", "ХАТТАМА"), ("ru", "ПРОТОКОЛ")):
        path = tmp_path / f"protocol-{language}.pdf"
        assert view.write_protocol(path, language)
        finish(qtbot)
        text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
        assert title in text.upper() and "3" in text
    assert view.write_extract(tmp_path / "extract.pdf", 1, "kk")
    finish(qtbot)
    assert (tmp_path / "extract.pdf").stat().st_size > 1000
    assert view.write_register(tmp_path / "register.pdf", "ru")
    finish(qtbot)
    assert (tmp_path / "register.pdf").stat().st_size > 1000

    # Corrected through a new version with a reason; the previous one is listed.
    view.new_version("  ")
    finish(qtbot)
    assert view.message.text()  # refused: a new version needs a reason
    assert services.meetings.get(session.actor, session.school, saved.id).version == 1
    assert view.new_version("Хатшының тегі қате жазылған")
    finish(qtbot)
    current = services.meetings.get(session.actor, session.school, saved.id)
    assert current.version == 2 and current.status is MeetingStatus.HELD
    assert view.versions.count() == 1 and "Хатшының" in view.versions.item(0).text()

    # Found again by a Kazakh word of its decisions typed in capitals (the index follows every save).
    view.tabs.setCurrentIndex(1)
    type_text(view.search_panel.query, "АПТАЛЫҚТЫ ЖЕЛТОҚСАНДА")
    qtbot.mouseClick(view.search_panel.find_button, Qt.MouseButton.LeftButton)
    hits = [view.search_panel.model.record(r) for r in range(view.search_panel.model.rowCount())]
    assert [h.meeting for h in hits] == [saved.id]
    assert hits[0].text[hits[0].start:hits[0].end] == "Апталықты желтоқсанда"


def test_search_finds_a_kazakh_word_in_another_case_and_highlights_it(
        qtbot, view: MeetingsView) -> None:  # type: ignore[no-untyped-def]
    panel = view.search_panel
    view.tabs.setCurrentIndex(1)
    type_text(panel.query, "ОҚУ ЖЫЛЫНА")
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() >= 1
    hit = panel.model.record(0)
    assert hit.text[hit.start:hit.end].casefold() == "оқу жылына"
    assert "#ffe066" in panel.preview.toHtml()
    assert "оқу жылына" in panel.preview.toPlainText()
    for word in ("Ә", "Қ", "Ү", "І"):
        assert word.casefold() != word  # the folded forms exist for Kazakh letters
    panel.query.clear()
    type_text(panel.query, "жоқ-сөз-мұнда")
    panel.run()
    assert panel.model.rowCount() == 0


def test_a_hit_names_its_association_in_the_language_shown(qtbot, view: MeetingsView,  # type: ignore[no-untyped-def]
                                                          session: Session) -> None:
    """The names of every year's associations are read when a hit is first shown, not when the
    section opens (a school of ten years has ~150), and again after a reload in another language."""
    panel = view.search_panel
    assert panel.bodies == {}  # the section is open: nothing read for the search yet
    view.tabs.setCurrentIndex(1)
    type_text(panel.query, "ТӘЛІМГЕР")
    panel.run()
    assert panel.model.rowCount() >= 1
    bodies = {b.id: b for b in session.services.associations.list(session.actor, session.school)}
    body_column = 1
    for language in ("kk", "ru"):
        i18n.set_language(language)
        view.refresh()
        for row in range(panel.model.rowCount()):
            hit = panel.model.record(row)
            assert panel.model.index(row, body_column).data() == bodies[hit.body].name.get(language)
    i18n.set_language("kk")


def test_the_hit_is_highlighted_in_the_table_cell(qtbot, view: MeetingsView) -> None:  # type: ignore[no-untyped-def]
    """The delegate of the Text column finds the word typed in another case (Kazakh letters) in
    the cell's text and paints it on the highlight colour, also when it lies beyond the cell's width."""
    panel = view.search_panel
    view.tabs.setCurrentIndex(1)
    type_text(panel.query, "ТӘЛІМГЕР")
    panel.run()
    delegate = panel.table.itemDelegateForColumn(TEXT_COLUMN)
    assert isinstance(delegate, HitDelegate) and delegate.query == "ТӘЛІМГЕР"
    for row in range(panel.model.rowCount()):
        text = panel.model.index(row, TEXT_COLUMN).data()
        start, end = delegate.span(text) or (0, 0)
        assert text[start:end].casefold() == "тәлімгер", text
    assert delegate.span("Жас маманға тәлімгер бекітілді") == (12, 20)
    assert delegate.span("Мүлдем басқа мәтін") is None

    far = "Бұл ұзын мәтіннің соңында ғана " * 6 + "ТӘЛІМГЕР туралы"
    metrics = panel.table.fontMetrics()
    shown, start, end = delegate.visible(far, delegate.span(far) or (0, 0), 300, metrics)
    assert shown.startswith("…") and shown[start:end] == "ТӘЛІМГЕР"
    assert metrics.horizontalAdvance(shown) <= 300

    panel.table.setColumnWidth(TEXT_COLUMN, 400)
    panel.table.clearSelection()
    image = panel.table.viewport().grab().toImage()
    rect = panel.table.visualRect(panel.model.index(0, TEXT_COLUMN))
    colours = {image.pixelColor(x, rect.center().y()).name() for x in range(rect.left(), rect.right())}
    assert HIGHLIGHT_COLOR in colours


def test_a_draft_is_saved_automatically_and_on_close(qtbot, view: MeetingsView,  # type: ignore[no-untyped-def]
                                                      session: Session) -> None:
    dialog = view.editor()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.autosave.setInterval(50)
    fill_header(qtbot, dialog)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    type_text(dialog.editors[0].title, "Жоба")
    type_text(dialog.editors[0].decisions, "Қабылдансын")
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=3000)
    assert dialog.saved is not None and dialog.saved.status is MeetingStatus.DRAFT
    meetings = session.services.meetings.list(session.actor, session.school, BODY)
    assert [m.number for m in meetings] == [1, 2, 3]
    type_text(dialog.header.place, " №2")
    dialog.autosave.stop()
    dialog.close()  # saved on close
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = session.services.meetings.get(session.actor, session.school, dialog.saved.id)
    assert stored.place == "Мұғалімдер бөлмесі №2"


def test_undo_takes_back_the_last_edit_of_a_text(qtbot, view: MeetingsView) -> None:  # type: ignore[no-untyped-def]
    dialog = view.editor()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.autosave.stop()
    editor = dialog.add_item()
    assert editor.heard_text.isUndoRedoEnabled() and editor.decisions.isUndoRedoEnabled()
    type_text(editor.heard_text, "Бірінші")
    editor.heard_text.selectAll()
    type_text(editor.heard_text, "Екінші")
    editor.heard_text.undo()
    assert editor.heard_text.toPlainText() != "Екінші"


def test_filters_work_plan_and_models(qtbot, qtmodeltester, view: MeetingsView) -> None:  # type: ignore[no-untyped-def]
    assert view.model.rowCount() == 2
    assert view.work_plan.count() >= 1
    view.status_filter.setCurrentIndex(view.status_filter.findData("finalized"))
    assert [m.number for m in view.meetings_shown()] == [1]
    qtmodeltester.check(view.model)
    view.search_panel.query.setText("жыл")
    view.search_panel.run()
    qtmodeltester.check(view.search_panel.model)
    i18n.set_language("ru")
    view.retranslate_ui()
    assert view.tabs.tabText(0) != ""


def test_an_open_lesson_is_picked_in_an_agenda_item_and_kept(qtbot, view: MeetingsView,  # type: ignore[no-untyped-def]
                                                             session: Session) -> None:
    """Issue 7's link: the open lesson discussed at a meeting is picked in the agenda item; the
    item's visits survive editing the protocol."""
    dialog = view.editor()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.autosave.stop()
    fill_header(qtbot, dialog)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    item = dialog.editors[0]
    type_text(item.title, "Ашық сабақты талқылау")
    type_text(item.decisions, "Тәжірибе таратылсын")
    offered = [item.visit_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(item.visit_list.count())]
    assert offered == ["v-1", "v-2"]
    item.visit_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.save(MeetingStatus.DRAFT)
    finish(qtbot)
    assert dialog.saved is not None
    stored = session.services.meetings.get(session.actor, session.school, dialog.saved.id)
    assert stored.agenda[0].lesson_visits == ["v-1"]
    again = view.editor(stored)
    assert again is not None
    qtbot.addWidget(again)
    again.autosave.stop()
    assert again.editors[0].checked_visits() == ["v-1"]
    assert again.save(MeetingStatus.DRAFT)
    finish(qtbot)
    assert session.services.meetings.get(session.actor, session.school, stored.id).agenda[0].lesson_visits == ["v-1"]
    again.close()
    dialog.close()
