"""How an item of the approved work plan was followed (п. 28): held (by which meeting or lesson
visit), moved (to which month, why) or cancelled (why); the head or the administrator marks it."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop_app import i18n
from desktop_app.domain.entities import Association, ItemLink, ItemMark, ItemState
from desktop_app.i18n import N_, _
from desktop_app.services.work_plans import LinkChoice
from desktop_app.ui.labels import short_date
from desktop_app.ui.operations import Change
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.form_dialog import FormDialog

STATE_LABELS = {
    None: N_("not marked"),
    ItemState.HELD: N_("held"),
    ItemState.MOVED: N_("moved"),
    ItemState.CANCELLED: N_("cancelled"),
}
LINK_LABELS = {"meeting": N_("Meeting {label} of {date}"), "lesson_visit": N_("Lesson visit of {date}: {label}"),
               "event": N_("Event {label} of {date}")}


def month_text(month: str) -> str:
    locale = i18n.LOCALES[i18n.current_language()]
    return format_date(date.fromisoformat(month + "-01"), "LLLL yyyy", locale=locale)


def choice_text(choice: LinkChoice) -> str:
    return _(LINK_LABELS.get(choice.kind, "{label}")).format(label=choice.label, date=short_date(choice.day))


def mark_text(mark: ItemMark | None, choices: dict[tuple[str, str], LinkChoice]) -> str:
    """The mark as the plan's table shows it."""
    if mark is None:
        return ""
    state = _(STATE_LABELS[mark.state])
    if mark.state is ItemState.HELD and mark.link is not None:
        choice = choices.get((mark.link.kind, mark.link.id))
        return f"{state}: {choice_text(choice) if choice else mark.link.id}"
    if mark.state is ItemState.MOVED and mark.month:
        return f"{state} → {month_text(mark.month)}: {mark.reason or ''}"
    return f"{state}: {mark.reason or ''}"


class ItemMarkDialog(FormDialog):
    """Item ``item`` (from 1) of ``association``'s approved plan; ``saved`` is the association after OK."""

    FIELDS = ("state", "link", "month", "reason")

    def __init__(self, session: Session, association: Association, item: int, months: list[str],
                 choices: list[LinkChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.association, self.item = session, association, item
        self.saved: Association | None = None
        assert association.work_plan is not None
        planned = association.work_plan.items[item - 1]
        self.topic = QLabel(self)
        self.topic.setWordWrap(True)
        self.state, self.link, self.month = QComboBox(self), QComboBox(self), QComboBox(self)
        for state in STATE_LABELS:
            self.state.addItem("", state.value if state else "")  # Qt keeps the text, not the enum
        for choice in choices:
            self.link.addItem("", f"{choice.kind}:{choice.id}")
        self.choices = choices
        for month in months:
            self.month.addItem("", month)
        self.months = months
        self.reason = QLineEdit(self)
        self.build_form(self.FIELDS, 560, self.topic)
        for name, widget in (("state", self.state), ("link", self.link), ("month", self.month),
                             ("reason", self.reason)):
            self.add_field(name, widget)
        mark = planned.mark
        if mark is not None:
            self.state.setCurrentIndex(self.state.findData(mark.state.value))
            if mark.link is not None:
                self.link.setCurrentIndex(max(0, self.link.findData(f"{mark.link.kind}:{mark.link.id}")))
            if mark.month:
                self.month.setCurrentIndex(max(0, self.month.findData(mark.month)))
            self.reason.setText(mark.reason or "")
        else:
            self.state.setCurrentIndex(self.state.findData(ItemState.HELD.value))
        self._planned = planned
        self.state.currentIndexChanged.connect(self._update_fields)
        self.retranslate_ui()
        self._update_fields()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Mark of completion: item {item}").format(item=self.item))
        self.topic.setText(_("Planned for {month}: {topic}").format(month=month_text(self._planned.month),
                                                        topic=self._planned.topic))
        self.set_captions({"state": _("The item was"), "link": _("Held at"), "month": _("Moved to"),
                           "reason": _("Reason")})
        for index in range(self.state.count()):
            self.state.setItemText(index, _(STATE_LABELS[ItemState(self.state.itemData(index) or "held")
                                                         if self.state.itemData(index) else None]))
        for index, choice in enumerate(self.choices):
            self.link.setItemText(index, choice_text(choice))
        for index, month in enumerate(self.months):
            self.month.setItemText(index, month_text(month))

    def chosen_state(self) -> ItemState | None:
        value = self.state.currentData()
        return ItemState(value) if value else None

    def _update_fields(self) -> None:
        state = self.chosen_state()
        self.link.setEnabled(state is ItemState.HELD)
        self.month.setEnabled(state is ItemState.MOVED)
        self.reason.setEnabled(state in (ItemState.MOVED, ItemState.CANCELLED))

    def mark(self) -> ItemMark | None:
        state = self.chosen_state()
        if state is None:
            return None
        today = self.session.services.work_plans.today()
        if state is ItemState.HELD:
            link = str(self.link.currentData() or "")
            return ItemMark(state, today, ItemLink(*link.split(":", 1)) if link else None)
        reason = self.reason.text().strip() or None
        return ItemMark(state, today, month=self.month.currentData() if state is ItemState.MOVED else None,
                        reason=reason)

    def save(self) -> bool:
        s, body, item, mark = self.session, self.association.id, self.item, self.mark()
        return self.submit(lambda: s.services.work_plans.mark_item(s.actor, s.school, body, item, mark),
                           [Change.ASSOCIATIONS])
