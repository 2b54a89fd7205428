"""The Plans section's selection and its steps on the path to approval (rules 6, 10): submit, revise,
agree, approve, a new version. Which step is offered is the domain's rule (``allowed_steps``); the
service decides, and its refusal is shown in the user's language with the list reloaded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from desktop_app.domain.entities import Association, CalendarPlan, PlanStatus, Signer
from desktop_app.domain.errors import UserError
from desktop_app.domain.plans import Step, allowed_steps, reviewers_of
from desktop_app.i18n import N_, Message, Text, _
from desktop_app.services.plans import PlanQuery
from desktop_app.ui import operations
from desktop_app.ui.dialogs.signer import ask_signer
from desktop_app.ui.labels import PLAN_STATUS_LABELS, label
from desktop_app.ui.models.paged import PagedTableModel
from desktop_app.ui.models.plan_list import PlanListEntry
from desktop_app.ui.operations import Change
from desktop_app.ui.widgets.message_label import MessageLabel
from desktop_app.ui.widgets.plan_filters import PlanFilterBar
from desktop_app.ui.widgets.records_view import RecordsView


class PlanStepsView(RecordsView):
    """The list of plans (read a page at a time), its counts and what may be done to the selected
    ones; ``PlansView`` builds the rest."""

    bodies: list[Association]
    message: MessageLabel
    pages: PagedTableModel[PlanListEntry]
    filter_bar: PlanFilterBar
    counts_label: QLabel
    _current: PlanQuery | None  # the query the list was read with
    _counts: dict[PlanStatus, int]
    _keeps_agreement: bool | None = None

    # Selection ---------------------------------------------------------------------------------
    def selected_rows(self) -> list[PlanListEntry]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        pages = self.pages  # the table shows the pages (no proxy)
        if rows:
            pages.fetch_through(rows[-1])  # lines not read yet (all chosen with Ctrl+A): in one read
        return [pages.record(row) for row in rows if pages.has_line(row)]

    def selected_plans(self) -> list[CalendarPlan]:
        return [row.plan for row in self.selected_rows()]

    def selected(self) -> PlanListEntry | None:
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def select_plans(self, ids: Sequence[str]) -> None:
        if not ids:  # nothing to look for among a large school's ~1000 plans of a year
            self.table.selectionModel().clearSelection()
            return
        self.fetch_plans(ids)
        wanted = set(ids)
        selection = QItemSelection()
        pages, last = self.pages, self.pages.columnCount() - 1
        for row in range(pages.lines_read()):  # ``fetch_plans`` read the lines of ``ids``
            if pages.record(row).plan.id in wanted:
                selection.select(pages.index(row, 0), pages.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            self.table.selectionModel().setCurrentIndex(selection.indexes()[0],
                                                        QItemSelectionModel.SelectionFlag.NoUpdate)

    def fetch_plans(self, ids: Sequence[str]) -> None:
        """Read the list through the lines of ``ids`` that are not read yet (to select them)."""
        fetched = {r.plan.id for r in self.pages.records()}
        missing = [i for i in ids if i not in fetched]
        if missing and self._current is not None and self.pages.lines_read() < self.pages.record_count():
            s = self.session
            places = s.services.plans.positions(s.actor, s.school, self._current, missing)
            if places:
                self.pages.fetch_through(max(places.values()))

    def counts(self) -> dict[PlanStatus, int]:
        """Plans per status among those the filters other than the status one let through."""
        return dict(self._counts)

    def _update_counts(self) -> None:
        counts = self.counts()
        parts = [f"{label(PLAN_STATUS_LABELS, status)}: {count}" for status, count in counts.items()]
        self.counts_label.setText(_("Plans: {count}").format(count=sum(counts.values())) + " — "
                                  + " · ".join(parts))

    def _update_empty(self) -> None:
        status = self.filter_bar.status_value()
        unsearched = self._counts.get(status, 0) if status is not None else sum(self._counts.values())
        if self.year is None:
            text = _("Choose an academic year.")
        elif unsearched == 0:
            text = _("No records for this academic year.")
        elif self.model.record_count() == 0:
            text = _("Nothing matches the search.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def select_plan(self, plan_id: str) -> None:
        self.select_plans([plan_id])

    def allowed(self, plan: CalendarPlan) -> set[Step]:
        """The steps this user may take on ``plan`` now (the rule is the domain's; the service checks
        again), along the school's path: with or without the deputy director's agreement."""
        return allowed_steps(self.session.actor, plan, reviewers_of(plan, self.bodies), self.keeps_agreement)

    @property
    def keeps_agreement(self) -> bool:
        """The school setting (issue 18): read once per refresh of the list."""
        keeps = self._keeps_agreement
        if keeps is None:
            s = self.session
            keeps = self._keeps_agreement = s.services.schools.get_school(s.actor, s.school).deputy_agreement
        return keeps

    # Steps -------------------------------------------------------------------------------------
    def show_message(self, message: Message, ok: bool = False) -> None:
        """Under the details and in the status bar; a ``Text`` or a refusal follows a language switch."""
        self.message.show_message(message, ok)
        self.status_message.emit(message)

    def _run(self, action: Callable[[], Any], done: Message, keep: Sequence[str]) -> bool:
        """The service call as an operation (off the GUI thread, one transaction); its refusal is
        shown in the user's language with the list reloaded (it may have been stale), the list
        reloads on success. True when started (False: nothing chosen, or another action runs)."""
        def finished(_result: object) -> None:
            self.refresh()
            self.select_plans(keep)
            self.show_message(done, ok=True)

        def refused(error: UserError) -> None:
            self.refresh()  # the list may have been stale: show where the plans stand now
            self.select_plans(keep)
            self.show_message(error)

        return operations.run(action, changes={Change.PLANS}, parent=self, on_success=finished,
                              refused=refused, initiator=self) is not None

    def _one(self) -> CalendarPlan | None:
        chosen = self.selected()
        return chosen.plan if chosen is not None else None

    def submit(self) -> bool:
        plan = self._one()
        if plan is None:
            return False
        s = self.session
        return self._run(lambda: s.services.plans.submit(s.actor, s.school, plan.id),
                         Text(N_("The plan is submitted for review by the association.")), [plan.id])

    def revise(self) -> bool:
        plan = self._one()
        if plan is None:
            return False
        s = self.session
        return self._run(lambda: s.services.plans.revise(s.actor, s.school, plan.id),
                         Text(N_("The plan is back in draft: work on the remarks and submit it again.")),
                         [plan.id])

    def ask_agree(self) -> None:
        """Where the school keeps the deputy director's agreement: who signs it, then agree."""
        count = len(self.selected_plans())
        if not count:
            return
        signer = self.choose_agreement_signer(_("Agree the selected plans ({count})?").format(count=count))
        if signer is not None:
            self.agree(signer)

    def choose_agreement_signer(self, question: str) -> Signer | None:
        """Who signs the agreement (the deputy director by default, or an acting one); None when cancelled."""
        return ask_signer(self.session, "deputy_director", question, self)

    def agree(self, signer: Signer | None = None) -> bool:
        ids = [p.id for p in self.selected_plans()]
        if not ids:
            return False
        s = self.session
        return self._run(lambda: s.services.plans.agree_many(s.actor, s.school, ids, signer=signer),
                         Text(N_("Agreed: {count}."), {"count": len(ids)}), ids)

    def ask_approve(self) -> None:
        count = len(self.selected_plans())
        if not count:
            return
        signer = self.choose_signer(_("An approved plan is locked; a change needs a new version. "
                                      "Approve the selected plans ({count})?").format(count=count))
        if signer is not None:
            self.approve(signer)

    def choose_signer(self, question: str) -> Signer | None:
        """Who signs (the director by default, or an acting one); None when cancelled."""
        return ask_signer(self.session, "director", question, self)

    def approve(self, signer: Signer | None = None) -> bool:
        ids = [p.id for p in self.selected_plans()]
        if not ids:
            return False
        s = self.session
        return self._run(lambda: s.services.plans.approve_many(s.actor, s.school, ids, signer=signer),
                         Text(N_("Approved: {count}."), {"count": len(ids)}), ids)

    def ask_new_version(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(self, _("New version"),
                                                   _("Why is the approved plan changed?"))
        if ok:
            self.new_version(reason)

    def new_version(self, reason: str) -> bool:
        plan = self._one()
        if plan is None:
            return False
        s = self.session
        return self._run(lambda: s.services.plans.new_version(s.actor, s.school, plan.id, reason),
                         Text(N_("A new version is open as a draft; it runs the path to approval again.")),
                         [plan.id])

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, _("Confirm"), text)
        return answer == QMessageBox.StandardButton.Yes
