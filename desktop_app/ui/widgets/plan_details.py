"""Where a selected KTP stands, in words: its status and version, the review at the association's
meeting with the remarks, the deputy's agreement and the director's approval (shown under the list)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.domain.entities import CalendarPlan, PlanStatus
from desktop_app.i18n import _
from desktop_app.ui.labels import PLAN_STATUS_LABELS, REVIEW_OUTCOME_LABELS, label, short_date


def plan_details_text(plan: CalendarPlan, caption: str, names: Mapping[str, str],
                      meeting_text: Callable[[str], str]) -> str:
    """The lines of the panel in the window's language; ``names`` are teachers' short names by id."""
    lines = [caption + " — " + label(PLAN_STATUS_LABELS, plan.status)
             + (" " + _("(version {version})").format(version=plan.version) if plan.version > 1 else "")]
    if plan.review is not None:
        # A draft or a plan submitted again still carries the review that returned it: say it is an earlier one.
        earlier = plan.status in (PlanStatus.DRAFT, PlanStatus.SUBMITTED)
        template = (_("Earlier considered at {meeting}, agenda item {item}: {outcome}") if earlier
                    else _("Considered at {meeting}, agenda item {item}: {outcome}"))
        lines.append(template.format(meeting=meeting_text(plan.review.meeting), item=plan.review.item,
                                     outcome=label(REVIEW_OUTCOME_LABELS, plan.review.outcome)))
        if plan.review.remarks:
            lines.append(_("Remarks: {remarks}").format(remarks=plan.review.remarks))
    if plan.agreed is not None:
        lines.append(_("Agreed: {name}, {date}").format(
            name=names.get(plan.agreed.by, plan.agreed.by), date=short_date(plan.agreed.on)))
    if plan.approved is not None:
        lines.append(_("Approved: {name}, {date}").format(
            name=names.get(plan.approved.by, plan.approved.by), date=short_date(plan.approved.on)))
    return "\n".join(lines)


class PlanDetails(QLabel):
    """Hidden while no single plan is chosen; the text can be selected and copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_text(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))
