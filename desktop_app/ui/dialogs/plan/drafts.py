"""The KTP editor's automatic draft save and save-on-close, off the GUI thread (issue 15).

Each save is one operation (``ui.operations``): the form is read on the GUI thread, the service
saves it on the worker, the outcome comes back here. Nothing typed is lost: a save that is
refused or fails leaves the form as it is (still marked changed, the note says why), and a change
typed while a save runs keeps the form marked changed, so the next save takes it. Closing waits
for its save: the dialog goes only once what can be saved is saved, or once the user answered
"Close without saving the changes?" for what cannot be.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_app.domain.entities import CalendarPlan
from desktop_app.domain.errors import UserError
from desktop_app.i18n import _
from desktop_app.ui import operations
from desktop_app.ui.models.plan_rows import PlanRowsModel
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.plan_rows_view import PlanRowsView


class DraftSaving(QDialog):
    """Mixed into ``PlanEditorDialog``, which gives the form (``current_plan``, ``_not_ready``,
    ``_note``, ``_kept`` …); see its docstring for when a draft is saved."""

    session: Session
    model: PlanRowsModel
    table: PlanRowsView
    autosave: QTimer
    dirty: bool
    saved_plan: CalendarPlan | None
    _asking: bool
    #: Changes made so far: one made while a save runs keeps the form dirty.
    _edits: int = 0
    #: Closed already (a second Escape while the first close was saving closes nothing twice).
    _closed: bool = False

    # Given by the editor.
    def current_plan(self) -> CalendarPlan:
        raise NotImplementedError

    def _not_ready(self, plan: CalendarPlan) -> Callable[[], str] | None:
        raise NotImplementedError

    def _note(self, text: Callable[[], str]) -> None:
        raise NotImplementedError

    def _kept(self, saved: CalendarPlan, edits: int | None = None) -> CalendarPlan:
        raise NotImplementedError

    # Saving a draft ---------------------------------------------------------------------------
    def autosave_draft(self, then: Callable[[], None] | None = None,
                       otherwise: Callable[[], None] | None = None) -> bool:
        """Start saving an editable plan with changes as a draft; True when the save was started
        (``then`` runs once it is saved, ``otherwise`` once it is refused).

        Never a message box and never a lost keystroke: a plan that cannot be saved yet keeps
        everything typed, and the label says why. The cell being typed is left open (its text is
        saved the next time). While another operation runs nothing is started (the timer tries
        again later)."""
        if self.model.read_only or not self.dirty:
            return False
        plan = self.current_plan()
        reason = self._not_ready(plan)
        if reason is not None:
            self._note(self._not_saved(reason))
            return False
        edits, s = self._edits, self.session

        def saved(result: CalendarPlan) -> None:
            self._kept(result, edits)
            time = datetime.now().strftime("%H:%M")
            self._note(lambda: _("Draft saved automatically at {time}.").format(time=time))
            if then is not None:
                then()

        def refused(error: UserError) -> None:
            self._note(self._not_saved(lambda: error.render(_)))
            if otherwise is not None:
                otherwise()

        started = operations.run(lambda: s.services.plans.save(s.actor, s.school, plan), label=operations.SAVING,
                                 changes={Change.PLANS}, parent=self, on_success=saved, refused=refused,
                                 initiator=self)
        return started is not None

    @staticmethod
    def _not_saved(reason: Callable[[], str]) -> Callable[[], str]:
        return lambda: _("Not saved automatically yet: {reason}.").format(reason=reason().rstrip("."))

    def _when_idle(self, retry: Callable[[], None]) -> bool:
        """True while another operation runs (an automatic save of this plan, most often); then
        ``retry`` runs once it has ended, so a click on Save or Close is never dropped."""
        runner = operations.runner()
        if not runner.running:
            return False

        def again() -> None:
            runner.idle.disconnect(again)
            if shiboken6.isValid(self):
                retry()

        runner.idle.connect(again)
        return True

    # Closing ----------------------------------------------------------------------------------
    def reject(self) -> None:
        """Every way of closing but Save ends here (Close, Escape, the title bar, Alt+F4): what
        can be saved is saved first, and the dialog closes once it is."""
        asking = self._asking
        if not self._when_idle(lambda: self._close(asking)):
            self._close(asking)

    def _close(self, asking: bool) -> None:
        if self._closed:
            return
        if self.model.read_only:
            self._close_now()
            return
        self.table.finish_editing()
        if not self.dirty:
            self._close_now()
        elif not self.autosave_draft(then=lambda: self._close(asking), otherwise=lambda: self._close_unsaved(asking)):
            self._close_unsaved(asking)
        # else: closes (or saves what was typed meanwhile) once the save is done

    def _close_unsaved(self, asking: bool) -> None:
        """Changes that cannot be saved: asked, unless the close came from code."""
        if asking and QMessageBox.question(self, _("Calendar-thematic plan"), _(
                "Close without saving the changes?")) is not QMessageBox.StandardButton.Yes:
            return
        self._close_now()

    def _close_now(self) -> None:
        self._closed = True
        self.autosave.stop()
        self.done(QDialog.DialogCode.Accepted if self.saved_plan is not None else QDialog.DialogCode.Rejected)
