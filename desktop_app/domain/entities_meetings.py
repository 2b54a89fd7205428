"""Meetings and their protocols: attendance, agenda items, speeches and votes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desktop_app.domain.entities_school import Language


class MeetingForm(StrEnum):
    MEETING = "meeting"
    SEMINAR = "seminar"
    ROUND_TABLE = "round_table"
    MASTER_CLASS = "master_class"
    CONFERENCE = "conference"
    WORKSHOP = "workshop"
    OTHER = "other"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    HELD = "held"
    FINALIZED = "finalized"


@dataclass
class Person:
    """Someone who is not a member: an invited guest or a speaker from outside."""

    name: str
    position: str | None = None


Speaker = str | Person


@dataclass(frozen=True)
class GuestSpeaker:
    """A member of an inter-school association from another school (п. 21) who speaks: that school
    and its teacher, referred to as the mark of their attendance is; ``name`` as it was when the
    speech was recorded, printed should that teacher be gone from the database."""

    school: str
    teacher: str
    name: str = ""


#: Who speaks under an agenda item: a teacher of the school, someone from outside, or a member
#: from another school.
SpeechSpeaker = Speaker | GuestSpeaker


@dataclass
class Speech:
    speaker: SpeechSpeaker
    text: str


@dataclass
class Vote:
    in_favour: int
    against: int
    abstained: int

    @property
    def total(self) -> int:
        return self.in_favour + self.against + self.abstained


@dataclass
class Attendance:
    teacher: str
    present: bool
    reason: str | None = None


@dataclass
class GuestAttendance:
    """A mark for a member of an inter-school association from another school (п. 21): that school
    and its teacher, as the association's guest member is referred to, never copied; ``name`` as it
    was when the mark was made, printed should that teacher be gone from the database. The name is
    not compared: it is the database's to fill (at each save), so a mark is the same mark whatever
    name it was last saved with."""

    school: str
    teacher: str
    present: bool
    reason: str | None = None
    name: str = field(default="", compare=False)


@dataclass
class AgendaItem:
    number: int
    title: str
    decisions: list[str] = field(default_factory=list)
    heard: list[Speech] = field(default_factory=list)
    spoke: list[Speech] = field(default_factory=list)
    vote: Vote | None = None
    plans: list[str] = field(default_factory=list)
    lesson_visits: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)


@dataclass
class Meeting:
    id: str
    body: str
    number: int
    date: date
    language: Language
    chair: str
    secretary: str
    attendance: list[Attendance] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    status: MeetingStatus = MeetingStatus.DRAFT
    start_time: str | None = None
    place: str | None = None
    guests: list[Person] = field(default_factory=list)
    form: MeetingForm = MeetingForm.MEETING
    #: Members from other schools present or absent (п. 21); in the exchange format as version 2's
    #: optional key ``guest_attendance`` (the votes count them), by the other school's ids.
    guest_attendance: list[GuestAttendance] = field(default_factory=list)
    #: Rule 5: a finalized protocol is corrected by a new version; not part of the exchange format.
    version: int = 1
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    @property
    def present_count(self) -> int:
        """Members present, those from other schools (п. 21) included: all of them vote."""
        return sum(1 for a in self.attendance if a.present) + sum(1 for g in self.guest_attendance if g.present)

    def item(self, number: int) -> AgendaItem | None:
        return next((i for i in self.agenda if i.number == number), None)
