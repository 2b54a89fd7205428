"""Associations of the academic year with rule 1's live count, and the members of the selected one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.domain.accounts import Action
from desktop_app.domain.entities import AcademicYear, Association, Teacher
from desktop_app.i18n import _
from desktop_app.ui import operations
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.work_plan import WorkPlanDialog
from desktop_app.ui.models.associations import (
    OFFICE_HEAD,
    OFFICE_SECRETARY,
    AssociationListEntry,
    AssociationTableModel,
    MemberRow,
    MemberTableModel,
)
from desktop_app.ui.models.table import RecordFilterProxy
from desktop_app.ui.operations import Change
from desktop_app.ui.session import local
from desktop_app.ui.widgets.view import View, fit_columns, make_table


class AssociationsView(View):
    def _build_ui(self) -> None:
        #: What the last copy to the next year created and skipped.
        self.copied: tuple[list[Association], list[Association]] | None = None
        #: While the list refreshes: the teachers, subject names and years it read, for the members
        #: and the buttons too (one read each on a server, not one per use).
        self._read: tuple[dict[str, Teacher], dict[str, str], list[AcademicYear]] | None = None
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.new_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.plan_button, self.copy_button = QPushButton(self), QPushButton(self)
        self.new_button.setVisible(self.session.may(Action.MANAGE_ASSOCIATIONS))
        self.copy_button.setVisible(self.session.may(Action.MANAGE_ASSOCIATIONS))
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.plan_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        self.model = AssociationTableModel(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.members_title = QLabel(self)
        self.members_title.setObjectName("viewSubtitle")
        self.members_model = MemberTableModel(self)
        self.members_proxy = RecordFilterProxy(self)
        self.members_proxy.setSourceModel(self.members_model)
        self.members_table = make_table(self)
        self.members_table.setModel(self.members_proxy)
        self.members_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("viewNote")
        self._shown: Association | None = None

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.members_title)
        lower_layout.addWidget(self.members_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty_label)

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(self._on_double_click)
        self.new_button.clicked.connect(self.new_association)
        self.edit_button.clicked.connect(self.edit_association)
        self.plan_button.clicked.connect(self.open_work_plan)
        self.copy_button.clicked.connect(self.copy_to_next_year)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Associations"))
        self.new_button.setText(_("New association…"))
        self.edit_button.setText(_("Edit…"))
        self.plan_button.setText(_("Annual work plan…"))
        self.copy_button.setText(_("Copy to the next academic year…"))
        self.model.retranslate()
        self.members_model.retranslate()
        self._update_members_title()
        self._update_empty()

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        selected = self.selected()
        rows: list[AssociationListEntry] = []
        if self.year is not None:
            teachers = s.teachers_by_id()
            subjects = s.subject_names()
            first, last = self.year.window
            today = max(first, min(s.services.associations.today(), last))  # п. 23: shown as it is today
            bodies = s.services.associations.list(s.actor, s.school, self.year.id)
            self._read = (teachers, subjects, s.services.schools.list_years(s.actor, s.school))
            for body, composition in zip(bodies, s.services.associations.compositions(
                    s.actor, s.school, bodies, on=today), strict=True):
                head = teachers[body.head].short_name if body.head in teachers else body.head
                members = len({m.teacher for m in body.members if m.overlaps(first, last)})
                rows.append(AssociationListEntry(body, head, members, composition,
                                           subjects.get(composition.subject or "", "")))
        self.model.set_records(rows)
        fit_columns(self.table, maximum=300)
        if selected is not None:
            self.select_association(selected.id)
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        chosen = self.selected()
        if chosen is None or self._shown is not chosen:  # selecting its row has shown its members already
            self._show_members(chosen)
        self._update_empty()
        self._update_buttons()
        self._read = None

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)
        self._update_empty()

    def selected(self) -> Association | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row()).association

    def select_association(self, association_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.model.record(self.proxy.source_row(row)).association.id == association_id:
                self.table.selectRow(row)
                return

    def select_record(self, record: str) -> None:
        """An Overview line about a work plan opens its association (п. 28)."""
        self.select_association(record)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_members(self.selected())
        self._update_buttons()

    def _update_buttons(self) -> None:
        body = self.selected()
        self.edit_button.setVisible(body is not None and self.session.actor.may(Action.EDIT_ASSOCIATION, {body.head}))
        self.plan_button.setEnabled(body is not None)
        self.new_button.setEnabled(self.year is not None)
        self.copy_button.setEnabled(self.next_year() is not None and self.model.rowCount() > 0)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid() and self.edit_button.isVisible():
            self.edit_association()

    # Actions ---------------------------------------------------------------------------------
    def make_dialog(self, body: Association | None) -> AssociationDialog | None:
        """The editor (None: a new association); tests drive it without exec()."""
        return AssociationDialog(self.session, self.year, body, self) if self.year is not None else None

    def _open(self, body: Association | None) -> None:
        dialog = self.make_dialog(body)
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.refresh()
            self.select_association(dialog.saved.id)

    def new_association(self) -> None:
        self._open(None)

    def edit_association(self) -> None:
        body = self.selected()
        if body is not None:
            self._open(body)

    def make_plan_dialog(self, body: Association) -> WorkPlanDialog:
        return WorkPlanDialog(self.session, body, self)

    def open_work_plan(self) -> None:
        body = self.selected()
        if body is None:
            return
        dialog = self.make_plan_dialog(body)
        dialog.exec()
        if dialog.changed:
            self.refresh()
            self.records_changed.emit()

    def next_year(self) -> AcademicYear | None:
        if self.year is None:
            return None
        s = self.session
        years = self._read[2] if self._read else s.services.schools.list_years(s.actor, s.school)
        later = [y for y in years if y.start > self.year.start]
        return later[0] if later else None

    def copy_to_next_year(self) -> bool:
        """Copy off the GUI thread (one service call, one transaction), then say what was copied and
        what was skipped (and why it may have been); ``copied`` holds both. True when started."""
        target = self.next_year()
        if self.year is None or target is None:
            return False
        s, year = self.session, self.year.id

        def work() -> tuple[list[Association], list[Association]]:
            sources = s.services.associations.list(s.actor, s.school, year)  # to tell what was skipped
            return sources, s.services.associations.copy_to_year(s.actor, s.school, year, target.id)

        return operations.run(work, changes={Change.ASSOCIATIONS}, parent=self,
                              on_success=lambda result: self._copied(target, *result),
                              refused=lambda error: QMessageBox.warning(self, _("Associations"), error.render(_)),
                              initiator=self) is not None

    def _copied(self, target: AcademicYear, sources: list[Association], created: list[Association]) -> None:
        copied = [a for a in sources if any(c.id.startswith(f"{a.id}-{target.start.year}") for c in created)]
        skipped = [a for a in sources if a not in copied]
        lines = [_("Copied to {year}: {count}").format(year=target.id, count=len(created))]
        lines += [f"  • {local(a.name)}" for a in copied]
        if skipped:
            lines.append(_("Not copied (the head left, or fewer than three teachers of one subject stayed, "
                           "п. 23): {count}. Set them up by hand.").format(count=len(skipped)))
            lines += [f"  • {local(a.name)}" for a in skipped]
        self.copied = (created, skipped)
        QMessageBox.information(self, _("Copy to the next academic year"), "\n".join(lines))

    def _show_members(self, body: Association | None) -> None:
        rows: list[MemberRow] = []
        if body is not None:
            teachers, subjects = ((self._read[0], self._read[1]) if self._read else
                                  (self.session.teachers_by_id(), self.session.subject_names()))
            for membership in body.members:
                teacher = teachers.get(membership.teacher)
                office = OFFICE_HEAD if membership.teacher == body.head else (
                    OFFICE_SECRETARY if membership.teacher == body.secretary else "")
                names = ", ".join(subjects.get(x, x) for x in teacher.subjects) if teacher else ""
                rows.append(MemberRow(membership, teacher, office, names))
        self.members_model.set_records(rows)
        fit_columns(self.members_table)
        self._shown = body
        self._update_members_title()

    def _update_members_title(self) -> None:
        body = self._shown
        if body is None:
            self.members_title.setText(_("Members"))
        else:
            self.members_title.setText(_("Members: {association}").format(association=local(body.name)))

    def _update_empty(self) -> None:
        if self.year is None:
            text = _("Choose an academic year.")
        elif self.model.rowCount() == 0:
            text = _("No associations in this academic year.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
