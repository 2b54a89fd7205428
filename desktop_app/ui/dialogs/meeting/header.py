"""The header of a protocol: number, date, time, place, language, chair, secretary, form, status."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop_app.domain.entities import Language, Meeting, MeetingForm, MeetingStatus
from desktop_app.domain.labels import MEETING_FORM_LABELS
from desktop_app.i18n import _
from desktop_app.ui.labels import LANGUAGE_NAMES, MEETING_STATUS_LABELS, label
from desktop_app.ui.widgets.fields import add_field_row, date_edit, date_of, error_label

FIELDS = ("number", "date", "start_time", "place", "language", "chair", "secretary", "form", "status")


class HeaderForm(QWidget):
    changed = Signal()

    def __init__(self, meeting: Meeting, members: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(meeting, members)
        self._connect()
        self.retranslate_ui()

    def _build_ui(self, m: Meeting, members: list[tuple[str, str]]) -> None:
        self.number = QSpinBox(self)
        self.number.setRange(1, 999)
        self.number.setValue(m.number)
        self.date = date_edit(m.date, self)
        self.start_time = QLineEdit(m.start_time or "", self)
        self.start_time.setInputMask("99:99;_")
        self.place = QLineEdit(m.place or "", self)
        self.language = QComboBox(self)
        for language, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, language.value)
        self.language.setCurrentIndex(self.language.findData(m.language.value))
        self.chair = QComboBox(self)
        self.secretary = QComboBox(self)
        for combo, chosen in ((self.chair, m.chair), (self.secretary, m.secretary)):
            combo.addItem("—", "")
            for teacher, name in members:
                combo.addItem(name, teacher)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
        self.form = QComboBox(self)
        for form in MeetingForm:
            self.form.addItem("", form.value)
        self.form.setCurrentIndex(self.form.findData(m.form.value))
        self.status = QComboBox(self)
        for status in MeetingStatus:
            self.status.addItem("", status.value)
        model = self.status.model()
        if isinstance(model, QStandardItemModel):  # finalized only through "Finalize" (a confirmation)
            finalized = model.item(self.status.findData(MeetingStatus.FINALIZED.value))
            if finalized is not None:
                finalized.setEnabled(False)
        self.status.setCurrentIndex(max(self.status.findData(m.status.value), 0))
        self.errors = {name: error_label(self) for name in FIELDS}
        self.captions: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        widgets = {"number": self.number, "date": self.date, "start_time": self.start_time,
                   "place": self.place, "language": self.language, "chair": self.chair,
                   "secretary": self.secretary, "form": self.form, "status": self.status}
        for name in FIELDS:
            caption = QLabel(self)
            self.captions[name] = caption
            add_field_row(layout, caption, widgets[name], self.errors[name])

    def _connect(self) -> None:
        for signal in (self.number.valueChanged, self.date.dateChanged, self.start_time.textChanged,
                       self.place.textChanged, self.language.currentIndexChanged,
                       self.chair.currentIndexChanged, self.secretary.currentIndexChanged,
                       self.form.currentIndexChanged, self.status.currentIndexChanged):
            signal.connect(self.changed)

    def retranslate_ui(self) -> None:
        captions = {"number": _("Number"), "date": _("Date"), "start_time": _("Time"), "place": _("Place"),
                    "language": _("Protocol language"), "chair": _("Chair"), "secretary": _("Secretary"),
                    "form": _("Form"), "status": _("Status")}
        for name, text in captions.items():
            self.captions[name].setText(text)
        for index, value in enumerate(MeetingForm):
            self.form.setItemText(index, _(MEETING_FORM_LABELS[value]))
        for index, status in enumerate(MeetingStatus):
            self.status.setItemText(index, label(MEETING_STATUS_LABELS, status))

    def apply_to(self, meeting: Meeting) -> None:
        time = self.start_time.text()
        meeting.number = self.number.value()
        meeting.date = date_of(self.date)
        meeting.start_time = time if len(time) == 5 and time.replace(":", "").isdigit() else None
        meeting.place = self.place.text().strip() or None
        meeting.language = Language(self.language.currentData())
        meeting.chair = str(self.chair.currentData() or "")
        meeting.secretary = str(self.secretary.currentData() or "")
        meeting.form = MeetingForm(self.form.currentData())
        meeting.status = MeetingStatus(self.status.currentData())

    def select(self, combo: QComboBox, teacher: str) -> None:
        combo.setCurrentIndex(max(combo.findData(teacher), 0))
