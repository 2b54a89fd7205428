"""Meetings of one body (an association or the council) in the selected year, its annual work plan
beside them; record, finalize, correct by a new version, print; search over all protocols."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import Association, Meeting, MeetingStatus
from desktop_app.domain.errors import UserError
from desktop_app.i18n import N_, Message, Text, _
from desktop_app.ui import operations
from desktop_app.ui.dialogs.meeting import MeetingDialog
from desktop_app.ui.dialogs.meeting.version_view import MeetingVersionDialog
from desktop_app.ui.labels import LANGUAGE_NAMES, MEETING_STATUS_LABELS, label, local_time
from desktop_app.ui.models.meetings import meeting_columns
from desktop_app.ui.models.table import RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
from desktop_app.ui.views.meeting_documents import MeetingDocumentsView
from desktop_app.ui.widgets.message_label import MessageLabel
from desktop_app.ui.widgets.protocol_search import ProtocolSearchPanel
from desktop_app.ui.widgets.view import fit_columns, make_table
from desktop_app.ui.widgets.work_plan_box import WorkPlanBox


class MeetingsView(MeetingDocumentsView):
    """The section's window: the body's meetings, its work plan, the versions of a protocol and the
    search; the steps on a protocol. Its documents are printed by ``MeetingDocumentsView``."""

    def _build_ui(self) -> None:
        self.bodies: list[Association] = []
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.body_label = QLabel(self)
        self.body_combo = QComboBox(self)
        self.body_combo.setMinimumWidth(320)
        self.status_label = QLabel(self)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem("", "")
        for status in MeetingStatus:
            self.status_filter.addItem("", status.value)
        self.new_button, self.open_button, self.finalize_button, self.version_button = (
            QPushButton(self) for _ in range(4))
        self.print_button, self.extract_button, self.register_button = (QPushButton(self) for _ in range(3))
        self.language_label = QLabel(self)
        self.doc_language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.doc_language.addItem(name, code.value)
        top = QHBoxLayout()  # two rows, so that both languages fit 1366 px
        for widget in (self.body_label, self.body_combo, self.status_label, self.status_filter):
            top.addWidget(widget, 1 if widget is self.body_combo else 0)  # long names read whole
        top.addWidget(self.language_label)
        top.addWidget(self.doc_language)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.finalize_button, self.version_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.print_button, self.extract_button, self.register_button):
            actions.addWidget(button)
        self.model: RecordTableModel[Meeting] = RecordTableModel(meeting_columns(), self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.work_plan_box = WorkPlanBox(self)
        self.work_plan = self.work_plan_box.items
        self.versions_box = QGroupBox(self)
        self.versions = QListWidget(self.versions_box)
        self.versions.setWordWrap(True)
        self.view_version_button = QPushButton(self.versions_box)
        versions_layout = QVBoxLayout(self.versions_box)
        versions_layout.addWidget(self.versions)
        versions_layout.addWidget(self.view_version_button, 0, Qt.AlignmentFlag.AlignRight)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.work_plan_box, 2)
        side_layout.addWidget(self.versions_box, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.message = MessageLabel(self)
        protocols = QWidget(self)
        layout = QVBoxLayout(protocols)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.search_panel = ProtocolSearchPanel(self.session, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(protocols, "")
        self.tabs.addTab(self.search_panel, "")
        outer = QVBoxLayout(self)
        outer.addWidget(self.title_label)
        outer.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.body_combo.currentIndexChanged.connect(lambda _i: self.load_meetings())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.load_meetings())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selection_changed())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.new_button.clicked.connect(self.new_meeting)
        self.open_button.clicked.connect(self.open_selected)
        self.finalize_button.clicked.connect(self.finalize_selected)
        self.version_button.clicked.connect(self.ask_new_version)
        self.print_button.clicked.connect(self.ask_print_protocol)
        self.extract_button.clicked.connect(self.ask_print_extract)
        self.register_button.clicked.connect(self.ask_print_register)
        self.search_panel.open_meeting.connect(self.open_meeting)
        self.versions.itemDoubleClicked.connect(lambda _item: self.open_version())
        self.versions.currentRowChanged.connect(
            lambda row: self.view_version_button.setEnabled(row >= 0))
        self.view_version_button.clicked.connect(lambda: self.open_version())

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Meetings"))
        self.body_label.setText(_("Body:"))
        self.status_label.setText(_("Status:"))
        self.status_filter.setItemText(0, _("all"))
        for index, status in enumerate(MeetingStatus, start=1):
            self.status_filter.setItemText(index, label(MEETING_STATUS_LABELS, status))
        self.new_button.setText(_("New meeting"))
        self.open_button.setText(_("Open"))
        self.finalize_button.setText(_("Finalize…"))
        self.version_button.setText(_("New version…"))
        self.language_label.setText(_("Document language:"))
        self.print_button.setText(_("Protocol PDF…"))
        self.extract_button.setText(_("Extract PDF…"))
        self.register_button.setText(_("Register PDF…"))
        self.versions_box.setTitle(_("Previous versions (read only)"))
        self.view_version_button.setText(_("View the version…"))
        self.tabs.setTabText(0, _("Protocols"))
        self.tabs.setTabText(1, _("Search in all protocols"))
        self.model.retranslate()

    # Loading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        current = self.body_combo.currentData()
        self.bodies = (s.services.associations.list(s.actor, s.school, self.year.id)
                       if self.year is not None else [])
        self.bodies.sort(key=lambda b: (b.kind == "council", local(b.name)))
        self.body_combo.blockSignals(True)
        self.body_combo.clear()
        for body in self.bodies:
            self.body_combo.addItem(local(body.name), body.id)
        loaded: list[Meeting] | None = None
        if current is None:  # first time: a body that has meetings, the user's own first
            for body in [b for b in self.bodies if b.head == s.actor.teacher] + self.bodies:
                loaded = s.services.meetings.list(s.actor, s.school, body.id)
                if loaded:
                    current = body.id
                    break
        self.body_combo.setCurrentIndex(max(self.body_combo.findData(current), 0))
        self.body_combo.blockSignals(False)
        self.search_panel.bodies = {}  # every year's names: read again at the next search (run)
        self.load_meetings(loaded if current is not None and self.body_combo.currentData() == current else None)

    def load_meetings(self, loaded: list[Meeting] | None = None) -> None:
        """The chosen body's meetings (``loaded``: read already, for the first body)."""
        body = self.body()
        s = self.session
        meetings = loaded if loaded else s.services.meetings.list(s.actor, s.school, body.id) if body else []
        wanted = self.status_filter.currentData()
        self.model.set_records([m for m in meetings if not wanted or m.status.value == wanted])
        fit_columns(self.table, 420)
        self.work_plan_box.show_plan(body)
        self._selection_changed()

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)

    def select_record(self, record: str) -> None:
        """An Overview line names a meeting: show its body's meetings, unfiltered, with it selected."""
        s = self.session
        meeting = s.services.meetings.get(s.actor, s.school, record)
        self.status_filter.setCurrentIndex(0)
        self.body_combo.setCurrentIndex(max(self.body_combo.findData(meeting.body), 0))
        self.select(record)

    def select(self, meeting_id: str) -> None:
        self.proxy.select_id(self.table, meeting_id)

    def _selection_changed(self) -> None:
        meeting = self.selected()
        finalized = meeting is not None and meeting.status is MeetingStatus.FINALIZED
        for button in (self.open_button, self.print_button):
            button.setEnabled(meeting is not None)
        # «Выписка верна» certifies a finalized protocol: no extract from a draft (the service refuses too).
        self.extract_button.setEnabled(finalized)
        self.extract_button.setToolTip("" if finalized or meeting is None
                                       else _("An extract is issued only from a finalized protocol."))
        self.finalize_button.setEnabled(meeting is not None and not finalized)
        self.version_button.setEnabled(finalized)
        self.new_button.setEnabled(self.body() is not None)
        self.register_button.setEnabled(self.body() is not None)
        self.versions.clear()
        if meeting is not None:
            s = self.session
            versions = s.services.meetings.versions(s.actor, s.school, meeting.id)
            people = s.services.accounts.people(s.actor, s.school) if versions else {}
            for version in versions:
                self.versions.addItem(_("Version {version}, {at}, {who}: {reason}").format(
                    version=version.version, at=local_time(version.at),
                    who=people.get(version.actor, version.actor), reason=version.reason))
                self.versions.item(self.versions.count() - 1).setData(Qt.ItemDataRole.UserRole, version.version)
        self.view_version_button.setEnabled(self.versions.currentRow() >= 0)

    # Actions -----------------------------------------------------------------------------------
    def editor(self, meeting: Meeting | None = None, body: Association | None = None) -> MeetingDialog | None:
        """The editor for a new meeting of the selected body, or for ``meeting``."""
        body = body or self.body()
        if body is None:
            return None
        dialog = MeetingDialog(self.session, body, meeting, self)
        dialog.meeting_saved.connect(lambda meeting_id: self._saved(meeting_id))
        return dialog

    def _saved(self, meeting_id: str) -> None:
        """The other sections learn of the change from the operation (ui/operations.py)."""
        self.load_meetings()
        self.select(meeting_id)

    def new_meeting(self) -> None:
        dialog = self.editor()
        if dialog is not None:
            dialog.exec()

    def open_selected(self) -> None:
        meeting = self.selected()
        if meeting is not None:
            self.open_meeting(meeting.id)

    def open_meeting(self, meeting_id: str) -> None:
        s = self.session
        try:
            meeting = s.services.meetings.get(s.actor, s.school, meeting_id)
            body = s.services.associations.get(s.actor, s.school, meeting.body)
        except UserError as error:
            self.show_message(error)
            return
        dialog = self.editor(meeting, body)
        if dialog is not None:
            dialog.exec()

    def version_dialog(self) -> MeetingVersionDialog | None:
        """The chosen previous version of the selected protocol, to read (not shown yet)."""
        meeting, entry = self.selected(), self.versions.currentItem()
        if meeting is None or entry is None:
            return None
        s = self.session
        try:
            kept, old = s.services.meetings.version(s.actor, s.school, meeting.id,
                                                    int(entry.data(Qt.ItemDataRole.UserRole)))
        except UserError as error:
            self.show_message(error)
            return None
        body = self.body()
        return MeetingVersionDialog(s, kept, old, local(body.name) if body else old.body, self)

    def open_version(self) -> None:
        dialog = self.version_dialog()
        if dialog is not None:
            dialog.exec()

    def finalize_selected(self) -> bool:
        meeting = self.selected()
        if meeting is None or not self.confirm(_(
                "A finalized protocol is locked; it can be corrected only through a new version. Finalize?")):
            return False
        return self._run(lambda s: s.services.meetings.finalize(s.actor, s.school, meeting.id),
                         Text(N_("The protocol is finalized.")))

    def ask_new_version(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(self, _("New version"), _("Why is the protocol corrected?"))
        if ok:
            self.new_version(reason)

    def new_version(self, reason: str) -> bool:
        meeting = self.selected()
        if meeting is None:
            return False
        return self._run(lambda s: s.services.meetings.new_version(s.actor, s.school, meeting.id, reason),
                         Text(N_("A new version is open for correction; the previous one is kept.")))

    def _run(self, action: Callable[[Session], object], done: Message) -> bool:
        """``action`` as an operation; a refusal is shown under the table. True when started."""
        meeting, session = self.selected(), self.session

        def finished(_result: object) -> None:
            self.show_message(done, ok=True)
            self.load_meetings()
            if meeting is not None:
                self.select(meeting.id)

        return operations.run(lambda: action(session), changes={Change.MEETINGS}, parent=self,
                              on_success=finished, refused=self.show_message, initiator=self) is not None

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, _("Confirm"), text)
        return answer == QMessageBox.StandardButton.Yes

    def meetings_shown(self) -> Sequence[Meeting]:
        return [self.model.record(self.proxy.source_row(r)) for r in range(self.proxy.rowCount())]
