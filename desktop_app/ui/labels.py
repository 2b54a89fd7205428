"""Display names of the domain's enumerations (glossary terms, translated where shown)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import TypeVar

from desktop_app.domain.accounts import ROLE_LABELS, Role
from desktop_app.domain.entities import Language
from desktop_app.domain.labels import (  # the window's labels are the domain's
    CATEGORY_LABELS,
    KIND_LABELS,
    MEETING_STATUS_LABELS,
    MENTORSHIP_STATUS_LABELS,
    PLAN_STATUS_LABELS,
    REVIEW_OUTCOME_LABELS,
    VISIT_KIND_LABELS,
    WORK_PLAN_FORM_LABELS,
)
from desktop_app.i18n import N_, _, format_moment, format_short_date

__all__ = [
    "CATEGORY_LABELS",
    "KIND_LABELS",
    "LANGUAGE_NAMES",
    "MEETING_STATUS_LABELS",
    "MENTORSHIP_STATUS_LABELS",
    "PLAN_EVENT_LABELS",
    "PLAN_STATUS_LABELS",
    "REVIEW_OUTCOME_LABELS",
    "VISIT_KIND_LABELS",
    "WORK_PLAN_FORM_LABELS",
    "event_label",
    "label",
    "local_time",
    "role_label",
    "short_date",
]

E = TypeVar("E", bound=Enum)

#: The program's languages, each named in itself and never translated: the language menu, the
#: first-run choice, a plan's or a protocol's language, the language a document is printed in.
#: ``Language`` is a string enumeration, so a code ("kk") finds its name too.
LANGUAGE_NAMES: dict[Language, str] = {Language.KK: "Қазақша", Language.RU: "Русский"}

#: Steps in the history of a KTP (``PlanEvent.action``), as the history dialog names them.
PLAN_EVENT_LABELS = {
    "save": N_("saved"),
    "import": N_("imported from a file"),
    "submit": N_("submitted for review"),
    "consider.recommended": N_("considered at the meeting: recommended"),
    "consider.returned": N_("considered at the meeting: returned for revision"),
    "revise": N_("taken back for revision"),
    "agree": N_("agreed by the deputy director"),
    "approve": N_("approved by the director"),
    "new_version": N_("new version after approval"),
}


def event_label(action: str) -> str:
    """The translated name of a plan history step; an unknown step shows as itself."""
    return _(PLAN_EVENT_LABELS[action]) if action in PLAN_EVENT_LABELS else action


def label(labels: Mapping[E, str], value: E) -> str:
    """The translated label of an enum value; an unknown value shows as itself."""
    return _(labels.get(value, str(value)))


def role_label(role: Role) -> str:
    return _(ROLE_LABELS[role])


def local_time(moment: datetime) -> str:
    """A stored (UTC) moment as the school's clock shows it: 27.11.2026 14:05."""
    return format_moment(moment)


def short_date(day: date) -> str:
    """27.11.2026: the numeric form both languages use in paperwork (i18n.format_short_date)."""
    return format_short_date(day)
