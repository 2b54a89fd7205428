"""Events of collective methodical work (п. 20): the year's register filtered by form and
organiser, the editor, marking an event held or cancelled, the register and certificates printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout

from desktop_app.domain.accounts import Action, Role
from desktop_app.domain.entities import AssociationKind
from desktop_app.domain.event_records import Event, EventForm, EventStatus
from desktop_app.domain.labels import EVENT_FORM_LABELS as FORM_LABELS
from desktop_app.domain.labels import EVENT_STATUS_LABELS as STATUS_LABELS
from desktop_app.i18n import N_, _, current_language
from desktop_app.ui import operations
from desktop_app.ui.dialogs.event import EventDialog
from desktop_app.ui.labels import short_date
from desktop_app.ui.models.table import Column, RecordFilterProxy, RecordTableModel
from desktop_app.ui.operations import Change, Operation
from desktop_app.ui.session import local
from desktop_app.ui.widgets.fitted_combo import FittedComboBox
from desktop_app.ui.widgets.saving import ask_path, write_in_background
from desktop_app.ui.widgets.view import View, fit_columns, make_table


def _dates(event: Event) -> str:
    if event.end is None:
        return short_date(event.start)
    return f"{short_date(event.start)} – {short_date(event.end)}"


class EventsView(View):
    def _build_ui(self) -> None:
        self.bodies: dict[str, str] = {}
        self.organisers: set[str] = set()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("viewTitle")
        self.note = QLabel(self)
        self.note.setObjectName("viewNote")
        self.note.setWordWrap(True)
        self.form_label = QLabel(self)
        self.form_filter = QComboBox(self)
        self.form_filter.addItem("", None)
        for form in EventForm:
            self.form_filter.addItem("", form.value)
        self.organiser_label = QLabel(self)
        self.organiser_filter = FittedComboBox(self)
        self.plan_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.hold_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.print_menu = QMenu(self)
        self.print_button.setMenu(self.print_menu)
        self.print_register_action = self.print_menu.addAction("")
        self.print_certificates_action = self.print_menu.addAction("")
        filters = QHBoxLayout()
        for widget in (self.form_label, self.form_filter, self.organiser_label, self.organiser_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        bar = QHBoxLayout()
        for button in (self.plan_button, self.edit_button, self.hold_button, self.cancel_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        self.model: RecordTableModel[Event] = RecordTableModel([
            Column(N_("No."), lambda e: str(e.number), sort_key=lambda e: e.number, align_center=True),
            Column(N_("Date"), _dates, sort_key=lambda e: e.start.isoformat()),
            Column(N_("Form"), lambda e: _(FORM_LABELS[e.form])),
            Column(N_("Topic"), lambda e: local(e.topic)),
            Column(N_("Organiser"), self._organiser),
            Column(N_("Participants"), lambda e: str(e.participant_count), sort_key=lambda e: e.participant_count,
                   align_center=True),
            Column(N_("Status"), lambda e: _(STATUS_LABELS[e.status])),
        ], self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        self._update_buttons()

    def _connect(self) -> None:
        self.form_filter.currentIndexChanged.connect(self._load)
        self.organiser_filter.currentIndexChanged.connect(self._load)
        self.plan_button.clicked.connect(lambda: self._run(self.make_dialog(None)))
        self.edit_button.clicked.connect(self.edit_selected)
        self.hold_button.clicked.connect(self.hold_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.print_register_action.triggered.connect(self.ask_print_register)
        self.print_certificates_action.triggered.connect(self.ask_print_certificates)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Events of methodical work"))
        self.note.setText(_("Seminars, master classes, conferences, methodical landings and the other collective "
                            "forms of п. 20: their own register and numbering for the year; an association's "
                            "meeting may list an event on its agenda."))
        self.form_label.setText(_("Form:"))
        self.organiser_label.setText(_("Organiser:"))
        self.form_filter.setItemText(0, _("All forms"))
        for index, form in enumerate(EventForm, start=1):
            self.form_filter.setItemText(index, _(FORM_LABELS[form]))
        self.plan_button.setText(_("Plan an event…"))
        self.edit_button.setText(_("Edit…"))
        self.hold_button.setText(_("Mark held"))
        self.cancel_button.setText(_("Cancel the event"))
        self.print_button.setText(_("Print"))
        self.print_register_action.setText(_("Print the register of events…"))
        self.print_certificates_action.setText(_("Print certificates of participation…"))
        self.model.retranslate()
        self._fill_organisers()
        self._update_buttons()

    def _organiser(self, event: Event) -> str:
        if event.organiser is None:
            return _("deputy director for academic work")
        return self.bodies.get(event.organiser, event.organiser)

    def _fill_organisers(self) -> None:
        current = self.organiser_filter.currentData()
        self.organiser_filter.blockSignals(True)
        self.organiser_filter.clear()
        self.organiser_filter.addItem(_("All organisers"), None)
        self.organiser_filter.addItem(_("deputy director for academic work"), "")
        for body_id, name in self.bodies.items():
            self.organiser_filter.addItem(name, body_id)
        index = self.organiser_filter.findData(current) if current is not None else 0
        self.organiser_filter.setCurrentIndex(max(index, 0))
        self.organiser_filter.blockSignals(False)

    # Data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        bodies = s.services.associations.list(s.actor, s.school, self.year.id) if self.year else []
        self.bodies = {b.id: local(b.name) for b in bodies}
        council = {t for b in bodies if b.kind is AssociationKind.COUNCIL for t in b.member_ids()}
        self.organisers = council | {b.head for b in bodies}
        self._fill_organisers()
        self._load()

    def _load(self) -> None:
        s, chosen = self.session, self.selected()
        form = self.form_filter.currentData()
        events = s.services.events.list(s.actor, s.school, self.year.id, EventForm(form) if form else None,
                                        self.organiser_filter.currentData()) if self.year else []
        self.model.set_records(events)
        fit_columns(self.table, 420)
        if chosen is not None:
            self.select(chosen.id)
        self._update_buttons()

    def set_search(self, text: str) -> None:
        super().set_search(text)
        self.proxy.set_search(text)

    def selected(self) -> Event | None:
        chosen: Event | None = self.proxy.selected_record(self.table)
        return chosen

    def select(self, event: str) -> None:
        self.proxy.select_id(self.table, event)

    def _may_plan(self) -> bool:
        actor = self.session.actor
        return actor.may(Action.EDIT_EVENT) or (actor.role is not Role.VIEWER and actor.teacher in self.organisers)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        planner = self._may_plan()
        for button in (self.plan_button, self.edit_button, self.hold_button, self.cancel_button):
            button.setVisible(planner)
        self.plan_button.setEnabled(self.year is not None)
        self.edit_button.setEnabled(chosen is not None)
        self.hold_button.setEnabled(chosen is not None and chosen.status is EventStatus.PLANNED)
        self.cancel_button.setEnabled(chosen is not None and chosen.status is EventStatus.PLANNED)
        self.print_register_action.setEnabled(self.year is not None)
        self.print_certificates_action.setEnabled(chosen is not None and chosen.status is EventStatus.HELD)
        self.details.setText(self._details(chosen) if chosen else "")

    def _details(self, event: Event) -> str:
        names = self.session.teacher_names()
        people = [names.get(t, t) for t in event.participants] + [f"{g.name} ({g.school})" for g in event.guests]
        lines = [_("Participants: {names}").format(names=", ".join(people) or "—")]
        if event.outcome:
            lines.append(_("Outcome: {text}").format(text=event.outcome))
        return "\n".join(lines)

    # Actions (make_* return the dialogs so tests drive them without exec) ---------------------
    def make_dialog(self, event: Event | None) -> EventDialog | None:
        return EventDialog(self.session, self.year, event, self) if self.year else None

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and self._may_plan():
            self._run(self.make_dialog(chosen))

    def _run(self, dialog: EventDialog | None) -> None:
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self._load()
            self.select(dialog.saved.id)

    def hold_selected(self) -> Operation | None:
        chosen = self.selected()
        if chosen is None:
            return None
        s, event = self.session, chosen.id
        return operations.run(lambda: s.services.events.hold(s.actor, s.school, event), changes={Change.EVENTS},
                              parent=self, on_success=lambda saved: self._reload(saved.id),
                              refused=lambda error: operations.show_refusal(self, error))

    def cancel_selected(self) -> Operation | None:
        chosen = self.selected()
        if chosen is None:
            return None
        s, event = self.session, chosen.id
        return operations.run(lambda: s.services.events.cancel(s.actor, s.school, event), changes={Change.EVENTS},
                              parent=self, on_success=lambda saved: self._reload(saved.id),
                              refused=lambda error: operations.show_refusal(self, error))

    def _reload(self, event: str) -> None:
        self._load()
        self.select(event)

    def ask_print_register(self) -> None:
        path = ask_path(self, _("Register of events {year}.pdf").format(year=self.year.id)) if self.year else None
        if path is not None:
            self.write_register(path)

    def write_register(self, path: Path) -> Operation | None:
        assert self.year is not None
        s, year, language = self.session, self.year.id, current_language()
        return write_in_background(self, path, lambda: s.services.events.register_pdf(
            s.actor, s.school, year, language).data)

    def ask_print_certificates(self) -> None:
        chosen = self.selected()
        name = _("Certificates, event No. {number}.pdf").format(number=chosen.number) if chosen else ""
        path = ask_path(self, name) if chosen else None
        if path is not None:
            self.write_certificates(path)

    def write_certificates(self, path: Path) -> Operation | None:
        chosen = self.selected()
        assert chosen is not None
        s, event, language = self.session, chosen.id, current_language()
        return write_in_background(self, path, lambda: s.services.events.certificates_pdf(
            s.actor, s.school, event, None, language).data)
