"""Who speaks under an agenda item: the speaker choices (present members, invited guests) and
one row of a further speech."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from desktop_app.domain.entities import GuestSpeaker, Person, SpeechSpeaker
from desktop_app.i18n import _
from desktop_app.ui.widgets.fitted_combo import FittedComboBox

#: A speaker choice: "member:<teacher id>", "guest:<name>" or, for a member from another school,
#: "other:<school id>\t<teacher id>" (a string, so combo data compares).
SpeakerKey = str


def text_edit(parent: QWidget, height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setUndoRedoEnabled(True)  # Ctrl+Z takes back the last edits
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class SpeakerCombo(FittedComboBox):
    """The people who may speak: present members (those from other schools too) and invited guests.
    A member marked absent is
    not offered (rule 4); if she was already chosen she stays, marked absent, so nothing typed is
    lost and the item shows the refusal at once. The box grows with its longest choice, also one
    added after it was first shown («Name (School) (marked absent)»), and its tooltip repeats the
    choice whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._absent: dict[SpeakerKey, str] = {}
        self._recorded: dict[SpeakerKey, str] = {}
        self.currentTextChanged.connect(self.setToolTip)  # the user's choice (the lists are made again unheard)

    def set_speakers(self, speakers: list[tuple[SpeakerKey, str]],
                     absent: dict[SpeakerKey, str] | None = None) -> None:
        current = self.currentData()
        self._absent = dict(absent or {})
        self.clear()
        self.addItem("—", None)
        for key, name in speakers:
            self.addItem(name, key)
        self.select(current, self._recorded.get(current, "") if current is not None else "")

    def select(self, key: SpeakerKey | None, recorded: str = "") -> None:
        """``recorded``: the name the protocol keeps for a speaker no longer offered (a member from
        another school whose membership no longer covers the date): kept, so the speech is not lost
        and the service's refusal says why."""
        if key is not None and self.findData(key) < 0 and key in self._absent:
            self.addItem(_("{name} (marked absent)").format(name=self._absent[key]), key)
        elif key is not None and self.findData(key) < 0 and recorded:
            self._recorded[key] = recorded
            self.addItem(recorded, key)
        self.setCurrentIndex(max(self.findData(key), 0))
        self.setToolTip(self.currentText())


def speaker_key(speaker: SpeechSpeaker) -> SpeakerKey:
    if isinstance(speaker, GuestSpeaker):
        return other_key(speaker.school, speaker.teacher)
    return f"guest:{speaker.name}" if isinstance(speaker, Person) else f"member:{speaker}"


def other_key(school: str, teacher: str) -> SpeakerKey:
    """The choice of a member from another school (п. 21)."""
    return f"other:{school}\t{teacher}"


class SpokeRow(QWidget):
    """One more speech: a speaker and a line of text (SPOKE), or a paragraph (a further HEARD report)."""

    def __init__(self, parent: QWidget, multiline: bool = False) -> None:
        super().__init__(parent)
        self.speaker = SpeakerCombo(self)
        self.text: QLineEdit | QPlainTextEdit = text_edit(self, 48) if multiline else QLineEdit(self)
        self.remove = QPushButton("×", self)
        self.remove.setFixedWidth(28)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.speaker, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)

    def value(self) -> str:
        return (self.text.toPlainText() if isinstance(self.text, QPlainTextEdit) else self.text.text()).strip()

    def set_value(self, text: str) -> None:
        if isinstance(self.text, QPlainTextEdit):
            self.text.setPlainText(text)
        else:
            self.text.setText(text)


def recorded_name(speaker: SpeechSpeaker) -> str:
    """The name a speech keeps for a member from another school (empty for anyone else)."""
    return (speaker.name or speaker.teacher) if isinstance(speaker, GuestSpeaker) else ""
