"""Events of collective methodical work (п. 20, п. 10.5): the records, as plain dataclasses.

An event is the school's, not an association's sitting: it has its own register and numbering
per academic year; an association's meeting may list it on its agenda.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop_app.domain.entities import LocalizedText


class EventForm(StrEnum):
    """The forms of collective methodical work named in п. 20 (the association itself aside),
    then forms schools hold under п. 10.5 that п. 20 does not name."""

    BEST_PRACTICE_SCHOOL = "best_practice_school"
    MASTER_CLASS = "master_class"
    EXPERIMENTAL_SITE = "experimental_site"
    CASE = "case"
    CREATIVE_LABORATORY = "creative_laboratory"
    INSTRUCTIONAL_MEETING = "instructional_meeting"
    SEMINAR = "seminar"
    CONFERENCE = "conference"
    CREATIVE_SESSION = "creative_session"
    METHODICAL_LANDING = "methodical_landing"
    METHODICAL_CONSILIUM = "methodical_consilium"
    METHODICAL_INTERNSHIP = "methodical_internship"
    # School practice under п. 10.5, not named in п. 20.
    ROUND_TABLE = "round_table"
    YOUNG_TEACHER_SCHOOL = "young_teacher_school"
    SUBJECT_WEEK = "subject_week"
    OTHER = "other"


#: The forms п. 20 names, in its order.
FORMS_OF_PARAGRAPH_20 = tuple(EventForm)[:12]


class EventStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


@dataclass
class Guest:
    """A participant from another school or organisation, named as they sign."""

    name: str
    school: str
    position: str | None = None


@dataclass
class ProgrammeItem:
    """One line of the programme: when, what, who."""

    time: str
    topic: str
    speaker: str = ""


@dataclass
class Attachment:
    """A file kept with the event's materials (presentation, handout), with its SHA-256."""

    name: str
    data: bytes


@dataclass
class AgendaReference:
    """The agenda item of an association's (or the council's) meeting that lists the event."""

    meeting: str
    item: int


@dataclass
class Event:
    id: str
    academic_year: str
    number: int
    form: EventForm
    topic: LocalizedText
    start: date
    end: date | None = None
    place: str = ""
    #: None: organised by the deputy director; else the association (or the council) that does.
    organiser: str | None = None
    responsible: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    guests: list[Guest] = field(default_factory=list)
    programme: list[ProgrammeItem] = field(default_factory=list)
    materials: str = ""
    attachment: Attachment | None = None
    outcome: str = ""
    status: EventStatus = EventStatus.PLANNED
    #: The day the certificates of participation were issued (None: not yet).
    certificates_issued: date | None = None
    agenda: list[AgendaReference] = field(default_factory=list)

    @property
    def last_day(self) -> date:
        return self.end or self.start

    @property
    def participant_count(self) -> int:
        return len(self.participants) + len(self.guests)

