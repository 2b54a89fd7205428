"""Plan or edit an event of collective methodical work (п. 20): its form, topic, dates, organiser,
people, guests from other schools, programme, materials and outcome. Refusals go under their
field (or their tab's table); nothing typed is lost."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import AcademicYear, Association, LocalizedText
from desktop_app.domain.event_records import AgendaReference, Attachment, Event, EventForm, Guest, ProgrammeItem
from desktop_app.domain.labels import EVENT_FORM_LABELS as FORM_LABELS
from desktop_app.i18n import _
from desktop_app.ui.labels import short_date
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session, local
from desktop_app.ui.widgets.fields import date_edit, date_of, error_label
from desktop_app.ui.widgets.form_dialog import FormDialog
from desktop_app.ui.widgets.people_picker import PeoplePicker

#: Attachments larger than this are refused in the window (the database keeps them whole).
MAX_ATTACHMENT = 20 * 1024 * 1024


def local_body(bodies: list[Association], body: str) -> str:
    return next((local(b.name) for b in bodies if b.id == body), body)


def _table(columns: int, parent: QWidget, widths: tuple[int, ...] = (220, 260)) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    for values in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))


def _rows(table: QTableWidget) -> list[list[str]]:
    """The rows with something typed, each cell stripped."""
    found = []
    for row in range(table.rowCount()):
        items = [table.item(row, c) for c in range(table.columnCount())]
        cells = [(item.text() if item is not None else "").strip() for item in items]
        if any(cells):
            found.append(cells)
    return found


class EventDialog(FormDialog):
    """Saves through services.events.save on OK; ``saved`` holds the stored event."""

    FIELDS = ("form", "topic_kk", "topic_ru", "start", "end", "place", "organiser", "responsible", "agenda")

    def __init__(self, session: Session, year: AcademicYear, event: Event | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year
        self.original = event
        self.saved: Event | None = None
        self.attachment = event.attachment if event else None
        s = session
        self._bodies = s.services.associations.list(s.actor, s.school, year.id)
        self._people = [(t.id, t.full_name) for t in
                        s.services.teachers.list_teachers(s.actor, s.school)]
        self._meetings = [m for body in self._bodies for m in s.services.meetings.list(s.actor, s.school, body.id)]
        self._build_ui(event)
        self.retranslate_ui()

    def _build_ui(self, e: Event | None) -> None:
        self.form_box = QComboBox(self)
        for form in EventForm:
            self.form_box.addItem("", form.value)
        if e is not None:
            self.form_box.setCurrentIndex(list(EventForm).index(e.form))
        self.topic_kk = QLineEdit(e.topic.kk or "" if e else "", self)
        self.topic_ru = QLineEdit(e.topic.ru or "" if e else "", self)
        today = self.session.services.events.today()
        first = e.start if e else min(max(today, self.year.start), self.year.end)
        self.start = date_edit(first, self)
        self.end = date_edit(e.last_day if e else first, self)
        self.place = QLineEdit(e.place if e else "", self)
        self.organiser = QComboBox(self)
        self.organiser.addItem("", None)
        for body in self._bodies:
            self.organiser.addItem(local(body.name), body.id)
        if e is not None and e.organiser and self.organiser.findData(e.organiser) >= 0:
            self.organiser.setCurrentIndex(self.organiser.findData(e.organiser))
        self.responsible = PeoplePicker(self._people, e.responsible if e else [], self)
        self.agenda = QComboBox(self)
        self.agenda.addItem("", None)
        for meeting in self._meetings:
            for item in meeting.agenda:
                self.agenda.addItem(f"{local_body(self._bodies, meeting.body)}, № {meeting.number} "
                                    f"({short_date(meeting.date)}), {item.number}. {item.title}",
                                    f"{meeting.id}#{item.number}")
        if e is not None and e.agenda:
            self.agenda.setCurrentIndex(max(self.agenda.findData(f"{e.agenda[0].meeting}#{e.agenda[0].item}"), 0))
        self.build_form(self.FIELDS, 760)
        for key in self.FIELDS:
            self.add_field(key, self.form_box if key == "form" else getattr(self, key))
        self.errors["topic"] = self.errors["topic_kk"]
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._people_tab(e), "")
        self.tabs.addTab(self._programme_tab(e), "")
        self.tabs.addTab(self._materials_tab(e), "")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.general_error), self.tabs, 1)

    def _people_tab(self, e: Event | None) -> QWidget:
        page = QWidget(self)
        self.participants_label = QLabel(page)
        self.participants = PeoplePicker(self._people, e.participants if e else [], page)
        self.errors["participants"] = error_label(page)
        self.guests_label = QLabel(page)
        self.guests = _table(3, page)
        _fill(self.guests, [(g.name, g.school, g.position or "") for g in (e.guests if e else [])])
        self.errors["guests"] = error_label(page)
        self.add_guest = QPushButton(page)
        self.add_guest.clicked.connect(lambda: self.guests.insertRow(self.guests.rowCount()))
        self.remove_guest = QPushButton(page)
        self.remove_guest.clicked.connect(lambda: self._remove_row(self.guests))
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.participants_label)
        row.addWidget(self.participants, 1)
        layout.addLayout(row)
        layout.addWidget(self.errors["participants"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.guests_label, 1)
        buttons.addWidget(self.add_guest)
        buttons.addWidget(self.remove_guest)
        layout.addLayout(buttons)
        layout.addWidget(self.guests, 1)
        layout.addWidget(self.errors["guests"])
        return page

    def _programme_tab(self, e: Event | None) -> QWidget:
        page = QWidget(self)
        self.programme = _table(3, page, (90, 380))
        _fill(self.programme, [(p.time, p.topic, p.speaker) for p in (e.programme if e else [])])
        self.errors["programme"] = error_label(page)
        self.add_item = QPushButton(page)
        self.add_item.clicked.connect(lambda: self.programme.insertRow(self.programme.rowCount()))
        self.remove_item = QPushButton(page)
        self.remove_item.clicked.connect(lambda: self._remove_row(self.programme))
        layout = QVBoxLayout(page)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_item)
        buttons.addWidget(self.remove_item)
        layout.addLayout(buttons)
        layout.addWidget(self.programme, 1)
        layout.addWidget(self.errors["programme"])
        return page

    def _materials_tab(self, e: Event | None) -> QWidget:
        page = QWidget(self)
        self.materials_label = QLabel(page)
        self.materials = QPlainTextEdit(e.materials if e else "", page)
        self.file_label = QLabel(page)
        self.attach_button = QPushButton(page)
        self.attach_button.clicked.connect(self.ask_attachment)
        self.errors["attachment"] = error_label(page)
        self.outcome_label = QLabel(page)
        self.outcome = QPlainTextEdit(e.outcome if e else "", page)
        self.errors["outcome"] = error_label(page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.materials_label)
        layout.addWidget(self.materials, 1)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(self.attach_button)
        layout.addLayout(row)
        layout.addWidget(self.errors["attachment"])
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.outcome, 1)
        layout.addWidget(self.errors["outcome"])
        return page

    @staticmethod
    def _widen(picker: PeoplePicker) -> None:
        """A picker as wide as the field, never narrower than its text (— none — in either language)."""
        picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        picker.setMinimumWidth(picker.fontMetrics().horizontalAdvance(_("— none —")) + 48)

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        table.removeRow(row if row >= 0 else table.rowCount() - 1)
        self.typed = True

    def retranslate_ui(self) -> None:
        number = f" № {self.original.number}" if self.original else ""
        self.setWindowTitle((_("Edit event") + number) if self.original else _("Plan an event"))
        self.set_captions({"form": _("Form (п. 20)"), "topic_kk": _("Topic in Kazakh"),
                           "topic_ru": _("Topic in Russian"), "start": _("Start"), "end": _("End"),
                           "place": _("Place"), "organiser": _("Organiser"), "responsible": _("Responsible"),
                           "agenda": _("On the agenda of")})
        self.agenda.setItemText(0, _("— not on an agenda —"))
        for index, form in enumerate(EventForm):
            self.form_box.setItemText(index, _(FORM_LABELS[form]))
        self.organiser.setItemText(0, _("deputy director for academic work"))
        for index, body in enumerate(self._bodies, start=1):
            self.organiser.setItemText(index, local(body.name))
        self.tabs.setTabText(0, _("Participants"))
        self.tabs.setTabText(1, _("Programme"))
        self.tabs.setTabText(2, _("Materials and outcome"))
        self.participants_label.setText(_("Staff of the school:"))
        self.guests_label.setText(_("Guests from other schools:"))
        self.guests.setHorizontalHeaderLabels([_("Full name"), _("School"), _("Position")])
        self.programme.setHorizontalHeaderLabels([_("Time"), _("Topic"), _("Speaker")])
        for button, text in ((self.add_guest, _("Add a guest")), (self.remove_guest, _("Remove the guest")),
                             (self.add_item, _("Add an item")), (self.remove_item, _("Remove the item")),
                             (self.attach_button, _("Attach a file…"))):
            button.setText(text)
        self.materials_label.setText(_("Materials"))
        self.outcome_label.setText(_("Outcome or decision"))
        self.file_label.setText(_("File: {name}").format(name=self.attachment.name) if self.attachment
                                else _("No file attached"))
        self.responsible.retranslate()
        self.participants.retranslate()
        for picker in (self.responsible, self.participants):
            self._widen(picker)

    def ask_attachment(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Attach a file…"))
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> None:
        data = path.read_bytes()
        if len(data) > MAX_ATTACHMENT:
            self.errors["attachment"].setText(_("The file is larger than 20 MB."))
            self.errors["attachment"].setVisible(True)
            return
        self.attachment = Attachment(path.name, data)
        self.typed = True
        self.retranslate_ui()

    def record(self) -> Event:
        base = self.original or Event(id="", academic_year=self.year.id, number=0, form=EventForm.SEMINAR,
                                      topic=LocalizedText(), start=self.year.start)
        start, end = date_of(self.start), date_of(self.end)
        guests = [Guest(r[0], r[1], r[2] or None) for r in _rows(self.guests)]
        programme = [ProgrammeItem(r[0], r[1], r[2]) for r in _rows(self.programme)]
        return replace(
            base, form=EventForm(self.form_box.currentData()),
            topic=LocalizedText(self.topic_kk.text().strip() or None, self.topic_ru.text().strip() or None),
            start=start, end=None if end == start else end, place=self.place.text().strip(),
            organiser=self.organiser.currentData(), responsible=self.responsible.selected(),
            participants=self.participants.selected(), guests=guests, programme=programme,
            materials=self.materials.toPlainText().strip(), attachment=self.attachment, agenda=self._agenda(base),
            outcome=self.outcome.toPlainText().strip())

    def _agenda(self, base: Event) -> list[AgendaReference]:
        """The chosen agenda item first; further references made elsewhere (an import) are kept."""
        chosen = self.agenda.currentData()
        rest = base.agenda[1:]
        if not chosen:
            return rest
        meeting, item = str(chosen).rsplit("#", 1)
        return [AgendaReference(meeting, int(item)), *rest]

    def accept(self) -> None:
        s, record = self.session, self.record()
        self.submit(lambda: s.services.events.save(s.actor, s.school, record), changes={Change.EVENTS})
