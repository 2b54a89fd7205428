"""The Plans section's dialogs and printing: considering a plan, its history, the KTP editor, a file
or a folder of files imported, and the KTP's PDF. Each ``make_*`` returns its dialog so that tests
drive it without ``exec``; ``PlansView`` builds the list and the buttons that open them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog

from desktop_app.domain.entities import CalendarPlan
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Message, Text, _, ngettext
from desktop_app.services.document_catalog import DocumentKind, DocumentRef
from desktop_app.ui.dialogs.plan.consider import PlanConsiderDialog
from desktop_app.ui.dialogs.plan.editor import PlanEditorDialog
from desktop_app.ui.dialogs.plan.file_import import PlanImportDialog
from desktop_app.ui.dialogs.plan.folder_import import PlanFolderImportDialog
from desktop_app.ui.dialogs.plan.history import PlanHistoryDialog
from desktop_app.ui.models.plan_list import caption
from desktop_app.ui.views.plans.steps import PlanStepsView
from desktop_app.ui.widgets.saving import ask_document_path, write_in_background


class PlanDialogsView(PlanStepsView):
    """What the selected plan opens and prints; the list itself is ``PlansView``'s."""

    doc_language: QComboBox

    # Dialogs ---------------------------------------------------------------------------------------
    def make_consider_dialog(self) -> PlanConsiderDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return PlanConsiderDialog(self.session, chosen.plan, caption(chosen), self.bodies, self)

    def consider(self) -> None:
        dialog = self.make_consider_dialog()
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.after_dialog(dialog.saved, Text(N_("The association's outcome is recorded.")))

    def after_dialog(self, plan: CalendarPlan, done: Message) -> None:
        """A dialog saved ``plan``: reload, keep it selected, tell the other sections."""
        self.refresh()
        self.select_plan(plan.id)
        self.show_message(done, ok=True)
        self.records_changed.emit()

    def make_history_dialog(self) -> PlanHistoryDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        try:
            return PlanHistoryDialog(self.session, chosen.plan, caption(chosen), self)
        except UserError as error:
            self.show_message(error)
            return None

    def show_history(self) -> None:
        dialog = self.make_history_dialog()
        if dialog is not None:
            dialog.exec()

    def make_editor_dialog(self, plan: CalendarPlan | None) -> PlanEditorDialog | None:
        """The KTP editor for a new plan of the selected year, or for ``plan``."""
        if self.year is None:
            return None
        if plan is not None and plan.id and not plan.rows:  # a line of the list: open the whole plan
            s = self.session
            plan = s.services.plans.get(s.actor, s.school, plan.id)
        return PlanEditorDialog(self.session, self.year, plan, self)

    def new_plan(self) -> None:
        self._edit(self.make_editor_dialog(None))

    def open_selected(self) -> None:
        plan = self._one()
        if plan is not None:
            self._edit(self.make_editor_dialog(plan))

    def _edit(self, dialog: PlanEditorDialog | None) -> None:
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_plan is not None:
            self.after_dialog(dialog.saved_plan, Text(N_("The plan is saved.")))

    def make_import_dialog(self, path: Path | None) -> PlanImportDialog | None:
        if self.year is None:
            return None
        return PlanImportDialog(self.session, self.year, path, self)

    def import_from_file(self) -> None:
        """Choose a .xlsx, .xls, .docx, .doc or .csv file, then preview and import it as a new draft."""
        if self.year is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a calendar-thematic plan"), "",
            _("Calendar-thematic plans (*.xlsx *.xls *.docx *.doc *.csv)"))
        if not name:
            return
        dialog = self.make_import_dialog(Path(name))
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_plan is not None:
            self.after_dialog(dialog.saved_plan, Text(N_("The plan is imported as a draft.")))

    def make_folder_dialog(self, folder: Path | None) -> PlanFolderImportDialog | None:
        return PlanFolderImportDialog(self.session, self.year, folder, self) if self.year is not None else None

    def import_folder(self) -> None:
        """Every KTP file of a folder, each confirmed in a table, imported as drafts with a report."""
        dialog = self.make_folder_dialog(None)
        if dialog is None:
            return
        dialog.choose_folder()
        dialog.exec()
        if dialog.saved:
            self.after_dialog(dialog.saved[-1], ngettext("{count} plan imported as a draft.",
                                                         "{count} plans imported as drafts.",
                                                         len(dialog.saved)).format(count=len(dialog.saved)))

    # Printing ----------------------------------------------------------------------------------
    def language(self) -> str:
        return str(self.doc_language.currentData())

    def ask_print(self) -> None:
        plan = self._one()
        path = ask_document_path(self, self.session, DocumentRef(DocumentKind.KTP, plan.id),
                                 self.language(), plan.academic_year) if plan else None
        if path is not None:
            self.write_plan(path)

    def write_plan(self, path: Path, language: str | None = None) -> bool:
        """Build the KTP's PDF and write it off the GUI thread; True when started."""
        plan = self._one()
        assert plan is not None
        s, lang = self.session, language or self.language()
        return write_in_background(
            self, path, lambda: s.services.documents.plan(s.actor, s.school, plan.id, lang).data,
            lambda written: self.show_message(Text(N_("Saved: {path}"), {"path": str(written)}), ok=True)) is not None
