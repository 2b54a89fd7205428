"""Methodical materials (п. 27, п. 10.8): the year's register, filtered by kind and status; add and
edit, attach and open the file, approve, print the title page and the register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QVBoxLayout

from desktop_app.domain.accounts import Role
from desktop_app.domain.entities import Material, MaterialKind, MaterialStatus
from desktop_app.domain.errors import UserError
from desktop_app.domain.labels import MATERIAL_KIND_LABELS, MATERIAL_STATUS_LABELS
from desktop_app.domain.materials import may_approve
from desktop_app.i18n import N_, Text, _, current_language
from desktop_app.ui import operations
from desktop_app.ui.dialogs.material import ApproveMaterialDialog, MaterialDialog
from desktop_app.ui.labels import label, short_date
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Change, Operation
from desktop_app.ui.session import local
from desktop_app.ui.widgets.saving import ask_path, open_for_printing, write_in_background
from desktop_app.ui.widgets.view import View, fit_columns, make_table


class MaterialsView(View):
    def _build_ui(self) -> None:
        self.names: dict[str, str] = {}
        self.bodies: dict[str, str] = {}
        #: The number and date of the protocols the materials' reviews name.
        self.meetings: dict[str, tuple[int, date]] = {}
        self.materials: list[Material] = []
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.note = QLabel(self)
        self.note.setObjectName("viewNote")
        self.note.setWordWrap(True)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem("", None)
        for kind in MaterialKind:
            self.kind_filter.addItem("", kind.value)
        self.status_filter = QComboBox(self)
        for combo in (self.kind_filter, self.status_filter):  # narrow: the bar fits 1366 px in both languages
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.status_filter.addItem("", None)
        for status in MaterialStatus:
            self.status_filter.addItem("", status.value)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.approve_button = QPushButton(self)
        self.output_button = QPushButton(self)
        self.output_menu = QMenu(self)
        self.output_button.setMenu(self.output_menu)
        self.print_title = self.output_menu.addAction("")
        self.print_register = self.output_menu.addAction("")
        self.save_file = self.output_menu.addAction("")
        self.delete_action = self.output_menu.addAction("")
        actor = self.session.actor
        self.add_button.setVisible(actor.role is not Role.VIEWER)
        self.approve_button.setVisible(may_approve(actor))
        bar = QHBoxLayout()
        for widget in (self.kind_filter, self.status_filter, self.add_button, self.edit_button,
                       self.open_button, self.approve_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.output_button)
        self.model: RecordTableModel[Material] = RecordTableModel([
            Column(N_("Title"), lambda m: local(m.title)),
            Column(N_("Kind"), lambda m: label(MATERIAL_KIND_LABELS, m.kind)),
            Column(N_("Authors"), self._authors),
            Column(N_("Association"), lambda m: self.bodies.get(m.association, m.association)),
            Column(N_("Status"), lambda m: label(MATERIAL_STATUS_LABELS, m.status)),
            Column(N_("Considered"), self._considered),
            Column(N_("Approved"), lambda m: short_date(m.approved.on) if m.approved else ""),
            Column(N_("File"), lambda m: Path(m.file.name).suffix.lstrip(".").upper() if m.file else "",
                   align_center=True),
        ], self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.remarks = QLabel(self)
        self.remarks.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remarks)
        self._update_buttons()

    def _connect(self) -> None:
        self.kind_filter.currentIndexChanged.connect(self._show)
        self.status_filter.currentIndexChanged.connect(self._show)
        self.add_button.clicked.connect(lambda: self._run(self.make_dialog(None)))
        self.edit_button.clicked.connect(self.edit_selected)
        self.open_button.clicked.connect(self.open_file)
        self.approve_button.clicked.connect(lambda: self._run(self.make_approve_dialog()))
        self.print_title.triggered.connect(self.ask_print_title)
        self.print_register.triggered.connect(self.ask_print_register)
        self.save_file.triggered.connect(self.ask_save_file)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Methodical materials"))
        self.note.setText(_("Programmes, recommendations, manuals, assessment tasks and collections of best "
                            "practice are discussed at a meeting of their association or of the methodical "
                            "council and, after a positive conclusion, approved by the director (п. 27)."))
        self.kind_filter.setItemText(0, _("All kinds"))
        for index, kind in enumerate(MaterialKind, start=1):
            self.kind_filter.setItemText(index, label(MATERIAL_KIND_LABELS, kind))
        self.status_filter.setItemText(0, _("Any status"))
        for index, status in enumerate(MaterialStatus, start=1):
            self.status_filter.setItemText(index, label(MATERIAL_STATUS_LABELS, status))
        self.add_button.setText(_("Add…"))
        self.edit_button.setText(_("Edit…"))
        self.open_button.setText(_("Open the file"))
        self.approve_button.setText(_("Approve…"))
        self.output_button.setText(_("Print and file"))
        self.print_title.setText(_("Print the title page…"))
        self.print_register.setText(_("Print the register of the year…"))
        self.save_file.setText(_("Save the file as…"))
        self.delete_action.setText(_("Delete the draft"))
        self.model.retranslate()
        self._update_buttons()

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        self.names = s.teacher_names()
        bodies = s.services.associations.list(s.actor, s.school, self.year.id) if self.year else []
        self.bodies = {b.id: local(b.name) for b in bodies}
        self.materials = s.services.materials.list(s.actor, s.school, self.year.id) if self.year else []
        reviewed = {m.review.meeting for m in self.materials if m.review}  # only the meetings the list names
        self.meetings = s.services.meetings.numbers(s.actor, s.school, reviewed)
        self._show()

    def _show(self) -> None:
        chosen = self.selected()
        kind, status = self.kind_filter.currentData(), self.status_filter.currentData()
        self.model.set_records([m for m in self.materials if (kind is None or m.kind.value == kind)
                                and (status is None or m.status.value == status)])
        fit_columns(self.table, 320)
        if chosen is not None:
            self.select_record(chosen.id)
        self._update_buttons()

    def _authors(self, material: Material) -> str:
        return ", ".join(a if not isinstance(a, str) else self.names.get(a, a)
                         for a in (a if isinstance(a, str) else a.name for a in material.authors))

    def _considered(self, material: Material) -> str:
        meeting = self.meetings.get(material.review.meeting) if material.review else None
        if meeting is None:
            return ""
        return _("protocol No. {number} of {date}").format(number=meeting[0], date=short_date(meeting[1]))

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)

    def selected(self) -> Material | None:
        chosen: Material | None = self.proxy.selected_record(self.table)
        return chosen

    def select_record(self, record: str) -> None:
        self.proxy.select_id(self.table, record)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        actor = self.session.actor
        self.add_button.setEnabled(self.year is not None)
        self.edit_button.setEnabled(chosen is not None)
        self.open_button.setEnabled(chosen is not None and chosen.file is not None)
        self.save_file.setEnabled(chosen is not None and chosen.file is not None)
        self.approve_button.setEnabled(chosen is not None and chosen.status is MaterialStatus.CONSIDERED)
        self.print_title.setEnabled(chosen is not None)
        self.print_register.setEnabled(self.year is not None)
        self.delete_action.setEnabled(chosen is not None and chosen.status is MaterialStatus.DRAFT
                                      and actor.role is not Role.VIEWER)
        review = chosen.review if chosen else None
        self.remarks.setText(_("Remarks of the meeting: {remarks}").format(remarks=review.remarks)
                             if review and review.remarks else "")

    # Actions (make_* return the dialogs so tests drive them without exec) ---------------------
    def make_dialog(self, material: Material | None) -> MaterialDialog | None:
        return MaterialDialog(self.session, self.year, material, self) if self.year else None

    def make_approve_dialog(self) -> ApproveMaterialDialog | None:
        chosen = self.selected()
        return ApproveMaterialDialog(self.session, chosen, self) if chosen else None

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and self.session.actor.role is not Role.VIEWER:
            self._run(self.make_dialog(chosen))

    def _run(self, dialog: MaterialDialog | ApproveMaterialDialog | None) -> None:
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.saved(dialog.saved)

    def saved(self, material: Material) -> None:
        self.refresh()
        self.select_record(material.id)
        self.records_changed.emit()

    def _content(self) -> Operation | None:
        chosen = self.selected()
        if chosen is None:
            return None
        s = self.session
        return operations.run(lambda: s.services.materials.content(s.actor, s.school, chosen.id),
                              label=Text(N_("Reading the file…")), parent=self,
                              on_success=lambda found: open_for_printing(found[0].name, found[1]),
                              refused=lambda error: QMessageBox.warning(self, _("Not done"), error.render(_)))

    def open_file(self) -> Operation | None:
        """Take the file out of the database into a temporary folder and open it."""
        return self._content()

    def ask_save_file(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.file is None:
            return
        path = ask_path(self, chosen.file.name, pdf=chosen.file.name.lower().endswith(".pdf"))
        if path is not None:
            self.write_file(path)

    def write_file(self, path: Path) -> Operation | None:
        chosen = self.selected()
        assert chosen is not None
        s = self.session
        return write_in_background(self, path, lambda: s.services.materials.content(s.actor, s.school, chosen.id)[1])

    def ask_print_title(self) -> None:
        chosen = self.selected()
        path = ask_path(self, f"{chosen.id}-{current_language()}.pdf") if chosen else None
        if path is not None:
            self.write_title(path)

    def write_title(self, path: Path) -> Operation | None:
        chosen = self.selected()
        assert chosen is not None
        s, language = self.session, current_language()
        return write_in_background(self, path, lambda: s.services.material_prints.title_page(
            s.actor, s.school, chosen.id, language)[0])

    def ask_print_register(self) -> None:
        path = ask_path(self, f"materials-{self.year.id}-{current_language()}.pdf") if self.year else None
        if path is not None:
            self.write_register(path)

    def write_register(self, path: Path) -> Operation | None:
        assert self.year is not None
        s, year, language = self.session, self.year.id, current_language()
        return write_in_background(self, path, lambda: s.services.material_prints.register(
            s.actor, s.school, year, language)[0])

    def delete_selected(self) -> Operation | None:
        chosen = self.selected()
        if chosen is None or QMessageBox.question(
                self, _("Delete the draft"), _("Delete the draft «{title}»?").format(title=local(chosen.title))) \
                is not QMessageBox.StandardButton.Yes:
            return None
        s = self.session
        return operations.run(lambda: s.services.materials.delete(s.actor, s.school, chosen.id),
                              changes={Change.MATERIALS}, parent=self, on_success=lambda _r: self.refresh(),
                              refused=lambda error: self._refused(error))

    def _refused(self, error: UserError) -> None:
        QMessageBox.warning(self, _("Not done"), error.render(_))
