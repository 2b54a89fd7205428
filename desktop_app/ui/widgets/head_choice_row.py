"""п. 29 in the association dialog: how the head came to be, on one row — elected at a meeting of
the association (the protocol and its agenda item) or appointed by an order (number and date)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from desktop_app.domain.entities import Association, HeadBasis, HeadChoice
from desktop_app.i18n import _
from desktop_app.ui.labels import short_date
from desktop_app.ui.session import Session
from desktop_app.ui.widgets.fields import date_edit, date_of
from desktop_app.ui.widgets.fitted_combo import FittedComboBox


class HeadChoiceRow(QWidget):
    """Not recorded / elected (meeting, item) / appointed (order No., date); ``choice()`` reads it."""

    def __init__(self, session: Session, association: Association | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        choice = association.head_choice if association else None
        self.basis = FittedComboBox(self)
        self.basis.setObjectName("headBasis")
        for value in ("", HeadBasis.ELECTED.value, HeadBasis.APPOINTED.value):
            self.basis.addItem("", value)
        self.meeting = QComboBox(self)
        self.meeting.setObjectName("headMeeting")
        meetings = session.services.meetings.list(session.actor, session.school, association.id) if association else []
        for meeting in sorted(meetings, key=lambda m: m.date):
            self.meeting.addItem(f"№ {meeting.number}, {short_date(meeting.date)}", meeting.id)
        self.item = QSpinBox(self)
        self.item.setRange(1, 99)
        self.order_number = QLineEdit(self)
        self.order_number.setObjectName("headOrderNumber")
        self.order_date = date_edit(choice.order_date if choice else None, self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.basis, self.meeting, self.item, self.order_number, self.order_date):
            row.addWidget(widget)
        row.addStretch(1)
        if choice is not None:
            self.basis.setCurrentIndex(self.basis.findData(choice.basis.value))
            self.meeting.setCurrentIndex(max(self.meeting.findData(choice.meeting), 0))
            self.item.setValue(choice.item or 1)
            self.order_number.setText(choice.order_number or "")
        self.basis.currentIndexChanged.connect(self._shown)
        self._shown()

    def retranslate_ui(self) -> None:
        for index, text in enumerate((_("not recorded"), _("elected at a meeting"), _("appointed by an order"))):
            self.basis.setItemText(index, text)
        self.item.setPrefix(_("item") + " ")
        self.order_number.setPlaceholderText(_("order No."))

    def _basis(self) -> HeadBasis | None:
        data = self.basis.currentData()
        return HeadBasis(data) if data else None

    def _shown(self) -> None:
        basis = self._basis()
        for widget in (self.meeting, self.item):
            widget.setVisible(basis is HeadBasis.ELECTED)
        for other in (self.order_number, self.order_date):
            other.setVisible(basis is HeadBasis.APPOINTED)

    def choice(self) -> HeadChoice | None:
        basis = self._basis()
        if basis is HeadBasis.ELECTED:
            return HeadChoice(basis, self.meeting.currentData(), self.item.value())
        if basis is HeadBasis.APPOINTED:
            return HeadChoice(basis, order_number=self.order_number.text().strip() or None,
                              order_date=date_of(self.order_date))
        return None
