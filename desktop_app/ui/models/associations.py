"""Associations with their rule-1 standing, and the members of one association."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop_app.domain.associations import Composition
from desktop_app.domain.entities import Association, Membership, Teacher
from desktop_app.i18n import N_, _
from desktop_app.ui.labels import KIND_LABELS, label, short_date
from desktop_app.ui.models.table import Column, RecordTableModel
from desktop_app.ui.session import local

SHORT = QColor("#f8d0d0")


@dataclass(frozen=True)
class AssociationListEntry:
    """An association as the list shows it: the head's name, the member count, rule 1's composition
    (not the storage's table row of an association)."""

    association: Association
    head: str
    members: int
    composition: Composition
    subject: str  # the subject rule 1 counts, in the window's language


def composition_text(row: AssociationListEntry) -> str:
    """Rule 1 (п. 23) as a live count: "2 of 3 required teachers of one subject"."""
    c = row.composition
    if c.required == 0:
        return _("no minimum (п. 21, 24, 31)")
    text = _("{count} of {required} required teachers of one subject").format(
        count=c.count, required=c.required)
    return f"{text} ({row.subject})" if row.subject else text


class AssociationTableModel(RecordTableModel[AssociationListEntry]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(N_("Kind"), lambda r: label(KIND_LABELS, r.association.kind)),
            Column(N_("Name"), lambda r: local(r.association.name)),
            Column(N_("Association head"), lambda r: r.head),
            Column(N_("Members"), lambda r: str(r.members), sort_key=lambda r: r.members,
                   align_center=True),
            Column(N_("Composition (rule 1, п. 23)"), composition_text,
                   sort_key=lambda r: r.composition.count - r.composition.required,
                   background=lambda r: None if r.composition.satisfied else SHORT),
        ], parent)


@dataclass(frozen=True)
class MemberRow:
    membership: Membership
    teacher: Teacher | None
    office: str  # msgid: head, secretary or ""
    subjects: str


def _name(row: MemberRow) -> str:
    return row.teacher.full_name if row.teacher else row.membership.teacher


def _period(row: MemberRow) -> str:
    since = short_date(row.membership.since) if row.membership.since else ""
    until = short_date(row.membership.until) if row.membership.until else ""
    return f"{since} – {until}" if until else since


class MemberTableModel(RecordTableModel[MemberRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column(N_("Full name"), _name),
            Column(N_("Role in the association"), lambda r: _(r.office) if r.office else ""),
            Column(N_("Subjects"), lambda r: r.subjects),
            Column(N_("Membership period"), _period,
                   sort_key=lambda r: r.membership.since.isoformat() if r.membership.since else ""),
        ], parent, dimmed=lambda r: r.membership.until is not None)


OFFICE_HEAD = N_("head")
OFFICE_SECRETARY = N_("secretary")
