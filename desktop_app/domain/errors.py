"""Errors and the rule catalogue: every refusal names the rule it applies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, unique
from typing import Any

from desktop_app.domain.rules_253 import cite


def N_(message: str) -> str:
    """Mark a message for extraction without translating it (translation happens at display)."""
    return message


class Msg(str):
    """A parameter of a message that is itself a msgid, translated when the message is shown."""


#: Names of record kinds, used as ``{kind}`` in messages such as "{kind} {id} does not exist".
RECORD_KINDS = (
    N_("school"), N_("academic year"), N_("subject"), N_("teacher"), N_("association"),
    N_("meeting"), N_("plan"), N_("mentorship"), N_("lesson visit"), N_("user"),
    N_("methodical material"),
    N_("event"), N_("olympiad result"), N_("attestation"), N_("course"), N_("annual analysis"),
)


@unique
class Rule(Enum):
    """The rules of design/domain.md, with the paragraph of the Rules (Order No. 253) they apply."""

    ASSOCIATION_COMPOSITION = (1, cite("23"))
    # The program's own rule: п. 29 says only that the head is elected or appointed.
    HEAD_AND_SECRETARY_ARE_MEMBERS = (2, "")
    MEETING_NUMBERING = (3, "")
    MEETING_ATTENDANCE = (4, "")
    LOCKED_RECORD = (5, "")
    # п. 26; the deputy director's agreement is school practice and is credited to no paragraph.
    PLAN_WORKFLOW = (6, cite("26"))
    PLAN_CALENDAR = (7, "")
    MENTORSHIP = (8, "")
    WORK_PLAN_APPROVAL = (9, cite("28"))
    PLAN_RECORD = (10, cite("26"))
    # The deputy director's agreement of a KTP: school practice (a school setting), no paragraph.
    AGREEMENT = (6, "", "agreement")
    MATERIAL = (11, cite("27"))  # methodical materials: discussed, concluded, approved
    #: Events of collective methodical work (п. 20): no rule number of their own in design/domain.md.
    EVENT = (0, cite("20"), "event")
    #: The attestation register (п. 10.7) and professional development outside the school.
    ATTESTATION = (0, cite("10.7"), "attestation")
    COURSE = (0, "", "course")
    # Not rules of the Rules, but refusals all the same. The third item keeps the values distinct:
    # members with equal values would be aliases of one another (Rule.VALUE is Rule.REFERENCE).
    REFERENCE = (0, "", "reference")
    UNIQUE_ID = (0, "", "unique_id")
    VALUE = (0, "", "value")
    PERMISSION = (0, "", "permission")
    SCHEMA = (0, "", "schema")
    CONFLICT = (0, "", "conflict")

    @property
    def number(self) -> int:
        return int(self.value[0])

    @property
    def paragraph(self) -> str:
        return str(self.value[1])

    @property
    def label(self) -> str:
        """Short, untranslated label such as 'rule 1, п. 23' used in messages."""
        parts = []
        if self.number:
            parts.append(f"rule {self.number}")
        if self.paragraph:
            parts.append(self.paragraph)
        return ", ".join(parts)


Translate = Callable[[str], str]

_PLAIN_LABELS = {
    Rule.REFERENCE: N_("reference"),
    Rule.UNIQUE_ID: N_("unique id"),
    Rule.VALUE: N_("value"),
    Rule.PERMISSION: N_("permission"),
    Rule.SCHEMA: N_("schema"),
    Rule.CONFLICT: N_("changed meanwhile"),
    Rule.COURSE: N_("professional development"),
}


def rule_label(rule: Rule, translate: Translate | None = None) -> str:
    """The rule as a message names it: its paragraph (``п. 23``), else ``rule 3``, else its kind."""
    tr: Translate = translate or (lambda text: text)
    if rule.paragraph:
        return rule.paragraph
    if rule.number:
        return tr(N_("rule {number}")).format(number=rule.number)
    return tr(_PLAIN_LABELS.get(rule, rule.name.lower()))


class UserError(Exception):
    """Base of every failure the user can act on (a broken rule, a full disk ...): the window shows
    ``render()`` next to ``field`` or in a message box and keeps what was typed; anything else
    is a bug for the crash handler."""

    record: str | None = None
    field: str | None = None

    def render(self, translate: Any = None) -> str:
        raise NotImplementedError


def render_params(params: dict[str, Any], translate: Any = None) -> dict[str, Any]:
    """Message parameters as people read them: a ``Msg`` translated, a date as 27.11.2026 (the numeric
    form both languages use in school paperwork), a float as 0,5. A translate function of
    desktop_app.i18n formats dates and numbers the language's way (its ``date`` and ``number``);
    without one a float is written as Python writes it (the log, an exception's text)."""
    number = getattr(translate, "number", None)
    day = getattr(translate, "date", None)
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if translate and isinstance(value, Msg):
            value = translate(value)
        elif isinstance(value, date):
            value = day(value) if day else value.strftime("%d.%m.%Y")
        elif isinstance(value, float):
            value = number(value) if number else f"{value:g}"
        shown[key] = value
    return shown


@dataclass
class DomainError(UserError):
    """A refusal the user can act on.

    ``message`` is an untranslated msgid with ``{name}`` placeholders filled from ``params`` after
    translation; ``record`` and ``field`` say where the problem is (exchange id and field name).
    """

    rule: Rule
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    record: str | None = None
    field: str | None = None
    kind: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def render(self, translate: Any = None) -> str:
        """The message in the user's language (``translate`` is a gettext function)."""
        template = translate(self.message) if translate else self.message
        try:
            return str(template).format(**render_params(self.params, translate))
        except (KeyError, IndexError, ValueError):
            return str(template)

    def __str__(self) -> str:
        return self.render()


class NotFoundError(DomainError):
    """A record named by id does not exist (in this school)."""

    def __init__(self, kind: str, record: str) -> None:
        super().__init__(
            Rule.REFERENCE,
            N_("Not found: {kind} {id}"),
            {"kind": Msg(kind), "id": record},
            record=record,
            kind=kind,
        )


class PermissionDenied(DomainError):
    """The acting user's role does not allow the action."""

    def __init__(self, action: str, role: str, record: str | None = None) -> None:
        super().__init__(
            Rule.PERMISSION,
            N_("The role {role} may not {action}"),
            {"role": Msg(role), "action": Msg(action)},
            record=record,
        )


class ConflictError(DomainError):
    """A save over a record that someone else saved after it was opened (optimistic locking):
    refused, never written over. ``by`` and ``at`` say who saved it and when (local time, as text),
    ``current`` is the revision now stored (0 when the record was deleted meanwhile), ``db_login``
    the database login that saved it on a school server (the audit trail's, None in a file)."""

    def __init__(self, kind: str, record: str, by: str, at: str, current: int = 0,
                 db_login: str | None = None) -> None:
        message = (N_("The record {kind} {id} was changed by {who} at {when} after you opened it; your "
                      "changes are not saved. Compare the two copies or reload the record") if current else
                   N_("The record {kind} {id} was deleted by {who} at {when} after you opened it; your "
                      "changes are not saved"))
        super().__init__(Rule.CONFLICT, message, {"kind": Msg(kind), "id": record, "who": by, "when": at},
                         record=record, kind=kind)
        self.by = by
        self.at = at
        self.current = current
        self.db_login = db_login
