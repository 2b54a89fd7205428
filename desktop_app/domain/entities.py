"""The records of one school, as plain dataclasses.

References between records are exchange ids (strings), unique per collection within a school,
exactly as in the exchange format; the storage keys every record by (school, id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Language(StrEnum):
    KK = "kk"
    RU = "ru"


class Category(StrEnum):
    """Qualification category of a teacher, lowest first."""

    NONE = "none"
    PEDAGOG = "pedagog"
    MODERATOR = "moderator"
    EXPERT = "expert"
    RESEARCHER = "researcher"
    MASTER = "master"

    @property
    def rank(self) -> int:
        return list(Category).index(self)


class AssociationKind(StrEnum):
    SUBJECT = "subject"
    PRIMARY = "primary"
    CLASS_TEACHERS = "class_teachers"
    PRESCHOOL = "preschool"
    BOARDING = "boarding"
    INTER_SCHOOL = "inter_school"
    DIRECTION = "direction"
    COUNCIL = "council"


class WorkPlanForm(StrEnum):
    MEETING = "meeting"
    SEMINAR = "seminar"
    MASTER_CLASS = "master_class"
    OPEN_LESSON = "open_lesson"
    ROUND_TABLE = "round_table"
    CONFERENCE = "conference"
    WORKSHOP = "workshop"
    OTHER = "other"


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


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    RECOMMENDED = "recommended"
    AGREED = "agreed"
    APPROVED = "approved"


class ReviewOutcome(StrEnum):
    RECOMMENDED = "recommended"
    RETURNED = "returned"


class MentorshipStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class SessionKind(StrEnum):
    CONSULTATION = "consultation"
    MENTOR_VISITS_LESSON = "mentor_visits_lesson"
    MENTEE_VISITS_LESSON = "mentee_visits_lesson"
    JOINT_PLANNING = "joint_planning"
    OTHER = "other"


class VisitKind(StrEnum):
    OPEN_LESSON = "open_lesson"
    MASTER_CLASS = "master_class"
    LESSON_STUDY = "lesson_study"
    MUTUAL_VISIT = "mutual_visit"


@dataclass
class LocalizedText:
    """A reference value known in Kazakh, Russian or both."""

    kk: str | None = None
    ru: str | None = None

    def get(self, language: str) -> str:
        """The value in ``language``, else in the other language (documents.md)."""
        first, second = (self.kk, self.ru) if language == Language.KK else (self.ru, self.kk)
        return first or second or ""


@dataclass
class School:
    id: str
    name: LocalizedText
    short_name: LocalizedText | None = None
    city: LocalizedText | None = None
    address: LocalizedText | None = None
    director: str | None = None
    deputy_director: str | None = None
    #: School practice, not the Rules: the deputy director agrees (СОГЛАСОВАНО / КЕЛІСІЛДІ) a
    #: considered KTP before the director approves it. Off: the director approves it directly.
    deputy_agreement: bool = True
    #: Years between a teacher's courses (a school setting, issue 20; staff_records.COURSE_PERIOD_RANGE).
    course_period_years: int = 3


@dataclass
class Term:
    number: int
    start: date
    end: date


@dataclass
class Holiday:
    start: date
    end: date
    name: LocalizedText | None = None


@dataclass
class AcademicYear:
    id: str
    start: date
    end: date
    terms: list[Term] = field(default_factory=list)
    holidays: list[Holiday] = field(default_factory=list)
    extra_school_days: list[date] = field(default_factory=list)
    study_weeks: int | None = None
    grade1_holidays: list[Holiday] = field(default_factory=list)

    @property
    def window(self) -> tuple[date, date]:
        """1 August of the starting year to 31 July of the next (rules 3 and 8)."""
        first = self.start.year if self.start.month >= 8 else self.start.year - 1
        return date(first, 8, 1), date(first + 1, 7, 31)

    def term_of(self, day: date) -> int | None:
        for term in self.terms:
            if term.start <= day <= term.end:
                return term.number
        return None


@dataclass
class Subject:
    id: str
    name: LocalizedText


@dataclass
class Teacher:
    id: str
    last_name: str
    first_name: str
    patronymic: str | None = None
    position: LocalizedText | None = None
    subjects: list[str] = field(default_factory=list)
    category: Category = Category.NONE
    category_awarded: date | None = None
    career_start: date | None = None
    organization: LocalizedText | None = None
    active: bool = True
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def short_name(self) -> str:
        """Surname and initials, as protocols write them: «Әбенова Г. С.»."""
        initials = " ".join(f"{p[0]}." for p in (self.first_name, self.patronymic) if p)
        return f"{self.last_name} {initials}".strip()


@dataclass
class Membership:
    teacher: str
    since: date | None = None
    until: date | None = None

    def active_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)

    def overlaps(self, start: date, end: date) -> bool:
        return (self.since is None or self.since <= end) and (self.until is None or start <= self.until)


@dataclass
class Approval:
    """Who signed and when; ``acting`` when ``by`` signed in the official's stead (и.о. / м.а.)."""

    by: str
    on: date
    acting: bool = False


@dataclass(frozen=True)
class Signer:
    """Who signs an approval, chosen when approving: the official, or a teacher acting for them."""

    teacher: str
    acting: bool = False


class HeadBasis(StrEnum):
    """п. 29: how the head came to be."""

    ELECTED = "elected"
    APPOINTED = "appointed"


@dataclass
class HeadChoice:
    """п. 29: elected at a meeting (its protocol's agenda item) or appointed by an order."""

    basis: HeadBasis
    meeting: str | None = None
    item: int | None = None
    order_number: str | None = None
    order_date: date | None = None


@dataclass
class WorkPlanItem:
    month: str
    topic: str
    form: WorkPlanForm
    responsible: list[str] = field(default_factory=list)
    mark: ItemMark | None = None  # how the item was followed (п. 28); None: not yet marked


@dataclass
class WorkPlan:
    items: list[WorkPlanItem] = field(default_factory=list)
    approved: Approval | None = None
    #: The association's methodical theme, the year's goal and tasks, printed above the items.
    theme: LocalizedText | None = None
    goal: LocalizedText | None = None
    tasks: LocalizedText | None = None


@dataclass
class Association:
    id: str
    kind: AssociationKind
    name: LocalizedText
    academic_year: str
    head: str
    subjects: list[str] = field(default_factory=list)
    secretary: str | None = None
    members: list[Membership] = field(default_factory=list)
    work_plan: WorkPlan | None = None
    head_choice: HeadChoice | None = None
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    def member_ids(self) -> list[str]:
        return list(dict.fromkeys(m.teacher for m in self.members))

    def is_member(self, teacher: str, on: date | None = None) -> bool:
        return any(m.teacher == teacher and (on is None or m.active_on(on)) for m in self.members)


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
    and its teacher, as the association's guest member is referred to, never copied."""

    school: str
    teacher: str
    present: bool
    reason: str | None = None


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
    #: Members from other schools present or absent (п. 21); not part of the exchange format (the
    #: file names no other school's teachers).
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


@dataclass
class PlanRow:
    number: int
    topic: str
    hours: float
    term: int | None = None
    section: str | None = None
    objectives: list[str] = field(default_factory=list)
    date: date | None = None
    note: str | None = None


@dataclass
class Review:
    meeting: str
    item: int
    outcome: ReviewOutcome
    remarks: str | None = None


@dataclass
class CalendarPlan:
    """A calendar-thematic plan (KTP / КТЖ)."""

    id: str
    teacher: str
    subject: str
    academic_year: str
    grade: int
    language: Language
    hours_per_week: float
    rows: list[PlanRow] = field(default_factory=list)
    status: PlanStatus = PlanStatus.DRAFT
    classes: list[str] = field(default_factory=list)
    review: Review | None = None
    agreed: Approval | None = None
    approved: Approval | None = None
    #: A change after approval is a new version that runs the path again (not exchanged).
    version: int = 1
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)

    @property
    def total_hours(self) -> float:
        return sum(r.hours for r in self.rows)


@dataclass
class MentorOrder:
    number: str
    date: date


@dataclass
class MentorshipActivity:
    due: date
    activity: str
    done: bool = False


@dataclass
class MentorshipSession:
    date: date
    kind: SessionKind
    topic: str
    notes: str | None = None
    lesson_visit: str | None = None


@dataclass
class Mentorship:
    id: str
    mentor: str
    mentee: str
    academic_year: str
    start: date
    end: date
    status: MentorshipStatus = MentorshipStatus.ACTIVE
    order: MentorOrder | None = None
    goals: list[str] = field(default_factory=list)
    plan: list[MentorshipActivity] = field(default_factory=list)
    sessions: list[MentorshipSession] = field(default_factory=list)
    conclusion: str | None = None
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)


@dataclass
class Observation:
    observer: str
    strengths: str | None = None
    recommendations: str | None = None


@dataclass
class LessonVisit:
    id: str
    kind: VisitKind
    teacher: str
    subject: str
    date: date
    topic: str
    class_name: str | None = None
    association: str | None = None
    observations: list[Observation] = field(default_factory=list)
    #: Saves so far (optimistic locking): a save carries the revision it read, and one over a
    #: revision someone else saved meanwhile is refused; 0 = not read from the database (unchecked).
    revision: int = field(default=0, compare=False, repr=False)


# --- methodical materials (п. 27, п. 10.8) ---------------------------------------------------


class MaterialKind(StrEnum):
    ELECTIVE_PROGRAMME = "elective_programme"
    AUTHOR_PROGRAMME = "author_programme"
    RECOMMENDATIONS = "recommendations"
    MANUAL = "manual"
    ASSESSMENT = "assessment"
    BEST_PRACTICE = "best_practice"
    OTHER = "other"


class MaterialStatus(StrEnum):
    DRAFT = "draft"
    RETURNED = "returned"
    CONSIDERED = "considered"
    APPROVED = "approved"


@dataclass
class MaterialFile:
    """The attached file as the record knows it; its bytes are kept apart in the database."""

    name: str
    sha256: str
    size: int


@dataclass
class Material:
    """A methodical material other than a KTP (п. 27): discussed at a meeting of an association
    or of the methodical council, then approved by the director (or one acting for her)."""

    id: str
    kind: MaterialKind
    title: LocalizedText
    association: str
    academic_year: str
    authors: list[Speaker] = field(default_factory=list)
    status: MaterialStatus = MaterialStatus.DRAFT
    review: Review | None = None
    approved: Approval | None = None  # ``by``: the person who actually signed
    acting: bool = False  # signed by one acting for the director («м.а.» / «и.о.»)
    file: MaterialFile | None = None


@dataclass
class SchoolRecords:
    """Everything one school keeps: what an exchange document holds."""

    school: School
    academic_years: list[AcademicYear] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    teachers: list[Teacher] = field(default_factory=list)
    associations: list[Association] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    plans: list[CalendarPlan] = field(default_factory=list)
    mentorships: list[Mentorship] = field(default_factory=list)
    lesson_visits: list[LessonVisit] = field(default_factory=list)
    materials: list[Material] = field(default_factory=list)
    olympiad_results: list[OlympiadResult] = field(default_factory=list)


# --- work plan followed and olympiads (issue 18, points 8 and 9) -----------------------------


class ItemState(StrEnum):
    """How a work plan item was followed."""

    HELD = "held"
    MOVED = "moved"
    CANCELLED = "cancelled"


@dataclass
class ItemLink:
    """The record that did an item: a kind (``meeting``, ``lesson_visit``; later parts add more)
    and its id. Kept generic so that a new kind needs no new column."""

    kind: str
    id: str


@dataclass
class ItemMark:
    """The mark on a work plan item: held (with ``link``), moved (to ``month``, ``reason``) or
    cancelled (``reason``), recorded on ``on``."""

    state: ItemState
    on: date
    link: ItemLink | None = None
    month: str | None = None
    reason: str | None = None


class OlympiadLevel(StrEnum):
    SCHOOL = "school"
    DISTRICT = "district"
    CITY = "city"
    REGIONAL = "regional"
    REPUBLICAN = "republican"
    INTERNATIONAL = "international"


class OlympiadKind(StrEnum):
    OLYMPIAD = "olympiad"
    CONTEST = "contest"
    PROJECTS = "projects"


class OlympiadOutcome(StrEnum):
    PARTICIPANT = "participant"
    PRIZE = "prize"  # a prize place, 1 to 3 (``place``)
    WINNER = "winner"
    CERTIFICATE = "certificate"


@dataclass
class OlympiadResult:
    """One pupil's participation in an olympiad or contest (п. 10.5), in the register of a year."""

    id: str
    academic_year: str
    pupil: str
    class_name: str
    subject: str
    teacher: str
    level: OlympiadLevel
    kind: OlympiadKind
    outcome: OlympiadOutcome
    place: int | None = None
    stage: str | None = None
    title: str | None = None
    on: date | None = None  # the day of the stage, when known
