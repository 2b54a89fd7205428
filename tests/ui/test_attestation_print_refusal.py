"""The Attestation tab's print menu greys the list and the schedule as the Documents section does,
with the same reason (one rule, asked of the service); a print asked for anyway says why."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.i18n import _
from desktop_app.services.document_catalog import DocumentKind
from desktop_app.ui.views.documents import DocumentsView
from desktop_app.ui.views.staff_records import StaffRecordsView

KINDS = {"attestations": DocumentKind.ATTESTATIONS, "attestation_schedule": DocumentKind.HEARINGS}


@pytest.mark.parametrize("year", ["2025-2026", "2026-2027"])
def test_the_tab_greys_a_paper_as_the_documents_section_does(  # type: ignore[no-untyped-def]
        qtbot, sign_in, year: str, monkeypatch: pytest.MonkeyPatch) -> None:
    session = sign_in("administrator")
    chosen = next(y for y in session.services.schools.list_years(session.actor, session.school) if y.id == year)
    view = StaffRecordsView(session)
    qtbot.addWidget(view)
    view.set_year(chosen)
    view.resize(1366, 768)
    view.show()
    documents = DocumentsView(session)
    qtbot.addWidget(documents)
    documents.set_year(chosen)
    entries = {e.ref.kind: e for e in documents.shown() if e.ref.record == year}
    tab = view.attestation
    asked: list[str] = []
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append("x"), ("", ""))[1])
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    for kind, action in (("attestations", tab.list_action), ("attestation_schedule", tab.schedule_action)):
        entry = entries[KINDS[kind]]
        assert action.isEnabled() == entry.printable, (kind, entry)
        if entry.printable:
            continue
        reason = entry.refusal.render(_) if entry.refusal else ""
        assert reason and action.toolTip() == reason and action.statusTip() == reason
        tab.ask_print(kind)  # a stale menu or a shortcut: the reason, no file asked for
        assert warned[-1] == reason and not asked
    if year == "2025-2026":
        assert not tab.list_action.isEnabled() and "пока нет ни одного аттестуемого педагога" in warned[0]
    else:
        assert tab.list_action.isEnabled()
