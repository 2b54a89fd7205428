"""One agenda item of the meeting editor: HEARD, SPOKE, RESOLVED, the vote and the plans considered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entities import AgendaItem, CalendarPlan, ReviewOutcome, Speech, SpeechSpeaker, Vote
from desktop_app.domain.errors import rule_label
from desktop_app.domain.event_records import Event
from desktop_app.domain.labels import EVENT_FORM_LABELS
from desktop_app.domain.meetings import vote_errors
from desktop_app.i18n import _, current_language
from desktop_app.services.meetings import PlanReview
from desktop_app.ui.dialogs.meeting.choices import PlanChoice, VisitChoice
from desktop_app.ui.dialogs.meeting.material_reviews import MaterialChoice, MaterialsConsidered
from desktop_app.ui.dialogs.meeting.plan_reviews import PlansConsidered
from desktop_app.ui.dialogs.meeting.speeches import (
    SpeakerCombo,
    SpeakerKey,
    SpokeRow,
    recorded_name,
    speaker_key,
    text_edit,
)
from desktop_app.ui.widgets.fields import ERROR_STYLE, error_label


class AgendaItemEditor(QWidget):
    """``changed`` fires on every edit (the dialog re-checks the rules and marks the draft dirty)."""

    changed = Signal()

    def __init__(self, item: AgendaItem, plans: list[PlanChoice], present: Callable[[], int],
                 speakers: list[tuple[SpeakerKey, str]], parent: QWidget | None = None,
                 visits: list[VisitChoice] | None = None,
                 absent: dict[SpeakerKey, str] | None = None,
                 materials: list[MaterialChoice] | None = None, events: list[Event] | None = None) -> None:
        super().__init__(parent)
        #: Its number in the agenda (the dialog renumbers after a move), named by the vote check.
        self.number = item.number
        self._present = present
        self._plans = list(plans)
        self._visits = list(visits or [])
        # Visits the item lists but the picker does not offer (another body, another year) stay.
        offered = {v.visit for v in self._visits}
        self._kept_visits = [v for v in item.lesson_visits if v not in offered]
        self._materials = list(materials or [])
        self._events = list(events or [])  # events of п. 20 that list this item (read only here)
        self._speakers = speakers
        self._absent = dict(absent or {})
        self._spoke: list[SpokeRow] = []
        self._heard_more: list[SpokeRow] = []  # HEARD reports after the first (co-reporters)
        self._build_ui(item)
        self._connect()
        self.retranslate_ui()
        self.update_vote_check()

    def _build_ui(self, item: AgendaItem) -> None:
        self.title = QLineEdit(item.title, self)
        self.heard_speaker = SpeakerCombo(self)
        self.heard_speaker.set_speakers(self._speakers, self._absent)
        self.heard_text = text_edit(self)
        if item.heard:
            self.heard_speaker.select(speaker_key(item.heard[0].speaker), recorded_name(item.heard[0].speaker))
            self.heard_text.setPlainText(item.heard[0].text)
        self.heard_more_box = QVBoxLayout()
        self.add_heard_button = QPushButton(self)
        for speech in item.heard[1:]:
            self.add_heard(speech)
        self.spoke_box = QVBoxLayout()
        self.add_spoke_button = QPushButton(self)
        for speech in item.spoke:
            self.add_spoke(speech)
        self.decisions = text_edit(self, 70)
        self.decisions.setPlainText("\n".join(item.decisions))
        self.vote_on = QCheckBox(self)
        self.votes = [QSpinBox(self) for _ in range(3)]
        for spin in self.votes:
            spin.setRange(0, 999)
        if item.vote is not None:
            self.vote_on.setChecked(True)
            for spin, value in zip(self.votes, (item.vote.in_favour, item.vote.against,
                                                item.vote.abstained), strict=True):
                spin.setValue(value)
        self.vote_labels = [QLabel(self) for _ in range(3)]
        self.vote_total = QLabel(self)
        self.vote_error = error_label(self)
        self.plans_box = PlansConsidered(self._plans, item.plans, self)
        self.materials_box = MaterialsConsidered(self._materials, item.materials, self)
        self._kept_materials = [m for m in item.materials if m not in self.materials_box.offered()]

        self.heard_box = QGroupBox(self)
        heard = QFormLayout(self.heard_box)
        self.heard_speaker_label = QLabel(self)
        heard.addRow(self.heard_speaker_label, self.heard_speaker)
        heard.addRow(self.heard_text)
        heard.addRow(self.heard_more_box)
        heard.addRow(self.add_heard_button)
        self.spoke_group = QGroupBox(self)
        spoke = QVBoxLayout(self.spoke_group)
        spoke.addLayout(self.spoke_box)
        spoke.addWidget(self.add_spoke_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.resolved_box = QGroupBox(self)
        resolved = QVBoxLayout(self.resolved_box)
        self.decisions_hint = QLabel(self)
        self.decisions_hint.setObjectName("viewNote")
        resolved.addWidget(self.decisions_hint)
        resolved.addWidget(self.decisions)
        self.decisions_error = error_label(self)
        resolved.addWidget(self.decisions_error)
        vote_row = QHBoxLayout()
        vote_row.addWidget(self.vote_on)
        for caption, spin in zip(self.vote_labels, self.votes, strict=True):
            vote_row.addWidget(caption)
            vote_row.addWidget(spin)
        vote_row.addWidget(self.vote_total)
        vote_row.addStretch(1)
        resolved.addLayout(vote_row)
        resolved.addWidget(self.vote_error)
        self.visits_box = QGroupBox(self)
        self.visit_list = QListWidget(self.visits_box)
        self.visit_list.setMaximumHeight(90)
        for visit_choice in self._visits:
            entry = QListWidgetItem(visit_choice.caption, self.visit_list)
            entry.setData(Qt.ItemDataRole.UserRole, visit_choice.visit)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = visit_choice.visit in item.lesson_visits
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        QVBoxLayout(self.visits_box).addWidget(self.visit_list)
        self.visits_box.setVisible(bool(self._visits))
        self.title_label = QLabel(self)
        self.events_label = QLabel(self)
        self.events_label.setWordWrap(True)
        self.events_label.setVisible(bool(self._events))
        self.title_error = error_label(self)
        self.speaker_error = error_label(self)  # rule 4: a member who speaks is present
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()
        top.addRow(self.title_label, self.title)
        layout.addLayout(top)
        layout.addWidget(self.title_error)
        layout.addWidget(self.events_label)
        layout.addWidget(self.heard_box)
        layout.addWidget(self.spoke_group)
        layout.addWidget(self.speaker_error)
        layout.addWidget(self.resolved_box)
        layout.addWidget(self.plans_box)
        layout.addWidget(self.materials_box)
        layout.addWidget(self.visits_box)

    def _connect(self) -> None:
        self.add_spoke_button.clicked.connect(lambda: self.add_spoke(None))
        self.add_heard_button.clicked.connect(lambda: self.add_heard(None))
        self.title.textChanged.connect(self.changed)
        self.heard_text.textChanged.connect(self.changed)
        self.heard_speaker.currentIndexChanged.connect(self.changed)
        self.decisions.textChanged.connect(self.changed)
        self.vote_on.toggled.connect(self.update_vote_check)
        for spin in self.votes:
            spin.valueChanged.connect(self.update_vote_check)
        self.plans_box.changed.connect(self.changed)
        self.materials_box.changed.connect(self.changed)

    def retranslate_ui(self) -> None:
        self.title_label.setText(_("Agenda item"))
        self.heard_box.setTitle(_("HEARD"))
        self.heard_speaker_label.setText(_("Speaker"))
        self.spoke_group.setTitle(_("SPOKE"))
        self.add_spoke_button.setText(_("Add a speaker"))
        self.add_heard_button.setText(_("Add a co-reporter"))
        self.resolved_box.setTitle(_("RESOLVED"))
        self.decisions_hint.setText(_("One decision per line; they are numbered in the protocol."))
        self.vote_on.setText(_("Voted:"))
        for caption, text in zip(self.vote_labels, (_("for"), _("against"), _("abstained")), strict=True):
            caption.setText(text)
        self.plans_box.retranslate_ui()
        self.materials_box.retranslate_ui()
        self.visits_box.setTitle(_("Open lessons and visits discussed"))
        language = current_language()
        self.events_label.setText(_("Events of methodical work on this item: {events}").format(events="; ".join(
            _("No. {number} {form} «{topic}» of {date}").format(
                number=e.number, form=_(EVENT_FORM_LABELS[e.form]), topic=e.topic.get(language),
                date=e.start.strftime("%d.%m.%Y")) for e in self._events)))
        self.update_vote_check()

    # Editing -----------------------------------------------------------------------------------
    def add_spoke(self, speech: Speech | None) -> SpokeRow:
        return self._add_row(self._spoke, self.spoke_box, speech, multiline=False)

    def add_heard(self, speech: Speech | None) -> SpokeRow:
        """A further report heard under the item (the first one has the big field above)."""
        return self._add_row(self._heard_more, self.heard_more_box, speech, multiline=True)

    def _add_row(self, rows: list[SpokeRow], box: QVBoxLayout, speech: Speech | None,
                 multiline: bool) -> SpokeRow:
        row = SpokeRow(self, multiline)
        row.speaker.set_speakers(self._speakers, self._absent)
        if speech is not None:
            row.speaker.select(speaker_key(speech.speaker), recorded_name(speech.speaker))
            row.set_value(speech.text)
        row.remove.clicked.connect(lambda: self._remove_row(rows, row))
        row.text.textChanged.connect(self.changed)
        row.speaker.currentIndexChanged.connect(self.changed)
        rows.append(row)
        box.addWidget(row)
        self.changed.emit()
        return row

    def _remove_row(self, rows: list[SpokeRow], row: SpokeRow) -> None:
        rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def spoke_rows(self) -> list[SpokeRow]:
        return list(self._spoke)

    def heard_rows(self) -> list[SpokeRow]:
        return list(self._heard_more)

    def set_speakers(self, speakers: list[tuple[SpeakerKey, str]],
                     absent: dict[SpeakerKey, str] | None = None) -> None:
        """The choices follow the attendance: see :class:`SpeakerCombo`."""
        self._speakers = speakers
        self._absent = dict(absent or {})
        for combo in [self.heard_speaker, *(r.speaker for r in self._heard_more + self._spoke)]:
            combo.blockSignals(True)
            combo.set_speakers(speakers, self._absent)
            combo.blockSignals(False)

    def show_speaker_errors(self, texts: list[str]) -> None:
        """Rule 4 refusals of this item's speakers, shown as soon as the attendance makes them."""
        self.speaker_error.setText("\n".join(texts))
        self.speaker_error.setVisible(bool(texts))

    def update_vote_check(self) -> None:
        """Rule 4 as the user types: the vote counts no more people than are present."""
        for spin in self.votes:
            spin.setEnabled(self.vote_on.isChecked())
        total = sum(spin.value() for spin in self.votes)
        present = self._present()
        self.vote_total.setText(_("total {total} of {present} present").format(total=total, present=present))
        vote = Vote(*(spin.value() for spin in self.votes)) if self.vote_on.isChecked() else None
        errors = vote_errors(AgendaItem(self.number, "", vote=vote), present)  # the rule and message of the save
        self.vote_total.setStyleSheet(ERROR_STYLE if errors else "")
        self.vote_error.setText("\n".join(f"{rule_label(e.rule, _)}: {e.render(_)}" for e in errors))
        self.vote_error.setVisible(bool(errors))
        self.changed.emit()

    # Reading -----------------------------------------------------------------------------------
    def item(self, number: int, speaker_of: Callable[[SpeakerKey | None], SpeechSpeaker | None]) -> AgendaItem:
        heard_speaker = speaker_of(self.heard_speaker.currentData())
        heard_text = self.heard_text.toPlainText().strip()
        heard = [Speech(heard_speaker, heard_text)] if heard_speaker is not None and heard_text else []
        heard += self._speeches(self._heard_more, speaker_of)
        spoke = self._speeches(self._spoke, speaker_of)
        decisions = [line.strip() for line in self.decisions.toPlainText().splitlines() if line.strip()]
        vote = Vote(*(spin.value() for spin in self.votes)) if self.vote_on.isChecked() else None
        plans = self.plans_box.checked()
        return AgendaItem(number, self.title.text().strip(), decisions, heard, spoke, vote, plans,
                          self._kept_visits + self.checked_visits(),
                          self._kept_materials + self.materials_box.checked())

    @staticmethod
    def _speeches(rows: list[SpokeRow],
                  speaker_of: Callable[[SpeakerKey | None], SpeechSpeaker | None]) -> list[Speech]:
        """Rows with both a speaker and a text; a half-filled row is not a speech yet."""
        speeches = []
        for row in rows:
            speaker = speaker_of(row.speaker.currentData())
            if speaker is not None and row.value():
                speeches.append(Speech(speaker, row.value()))
        return speeches

    def checked_visits(self) -> list[str]:
        rows = (self.visit_list.item(row) for row in range(self.visit_list.count()))
        return [str(entry.data(Qt.ItemDataRole.UserRole)) for entry in rows
                if entry is not None and entry.checkState() == Qt.CheckState.Checked]

    def reviews(self, number: int) -> list[PlanReview]:
        """Outcomes chosen for submitted plans, to be recorded under item ``number``."""
        return self.plans_box.reviews(number)

    def set_plan_outcome(self, plan: str, outcome: ReviewOutcome | None, remarks: str = "") -> None:
        self.plans_box.set_plan_outcome(plan, outcome, remarks)

    def update_plan(self, plan: CalendarPlan) -> None:
        self.plans_box.update_plan(plan)
