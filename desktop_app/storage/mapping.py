"""Row ↔ domain conversion: one function per direction per entity.

``dump_*`` turns a record into rows for every table it occupies (keyed by table name, the parent
row first); ``build_*`` turns a parent row and its grouped child rows back into the record.
Both the single-record and the bulk paths of the Store use these and nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Table

from desktop_app.domain.accounts import AuditEvent, MeetingVersion, PlanEvent, Role, User
from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Approval,
    Association,
    AssociationKind,
    Attendance,
    CalendarPlan,
    Category,
    Holiday,
    Language,
    LessonVisit,
    LocalizedText,
    Meeting,
    MeetingForm,
    MeetingStatus,
    Membership,
    MentorOrder,
    Mentorship,
    MentorshipActivity,
    MentorshipSession,
    MentorshipStatus,
    Observation,
    Person,
    PlanRow,
    PlanStatus,
    Review,
    ReviewOutcome,
    School,
    SessionKind,
    Speech,
    Subject,
    Teacher,
    Term,
    VisitKind,
    Vote,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.storage import models as m

Row = Mapping[str, Any]
Rows = dict[str, list[dict[str, Any]]]
T = TypeVar("T")


class Children:
    """The child rows of one owner, per child table, in list order."""

    __slots__ = ("_groups", "_owner")

    def __init__(self, groups: Mapping[str, Mapping[str, list[Row]]], owner_id: str) -> None:
        self._groups = groups
        self._owner = owner_id

    def __call__(self, table: str) -> list[Row]:
        return self._groups[table].get(self._owner, [])

    def by_item(self, table: str) -> dict[int, list[Row]]:
        """Rows of a grandchild table grouped by the position of their parent list item."""
        grouped: dict[int, list[Row]] = defaultdict(list)
        for row in self(table):
            grouped[row["item_position"]].append(row)
        return grouped


@dataclass(frozen=True)
class Kind(Generic[T]):
    """A collection of top-level records: its table, its child tables and its two mappings."""

    collection: str
    table: Table
    children: tuple[tuple[Table, str], ...]  # (child table, owner column), parents first
    dump: Callable[[str, T], Rows]
    build: Callable[[Row, Children], T]
    key: Callable[[T], str]


def table_of(model: type[m.Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _text(name: str, value: LocalizedText | None) -> dict[str, str | None]:
    return {f"{name}_kk": value.kk if value else None, f"{name}_ru": value.ru if value else None}


def _required_text(row: Row, name: str) -> LocalizedText:
    return LocalizedText(row[f"{name}_kk"], row[f"{name}_ru"])


def _optional_text(row: Row, name: str) -> LocalizedText | None:
    kk, ru = row[f"{name}_kk"], row[f"{name}_ru"]
    return None if kk is None and ru is None else LocalizedText(kk, ru)


def _items(values: Iterable[dict[str, Any]], **fixed: Any) -> list[dict[str, Any]]:
    return [{**fixed, "position": position, **value} for position, value in enumerate(values)]


# --- school -----------------------------------------------------------------------------------


def dump_school(school: School) -> dict[str, Any]:
    return {
        "id": school.id,
        **_text("name", school.name),
        **_text("short_name", school.short_name),
        **_text("city", school.city),
        **_text("address", school.address),
        "director": school.director,
        "deputy_director": school.deputy_director,
    }


def build_school(row: Row) -> School:
    return School(
        id=row["id"],
        name=_required_text(row, "name"),
        short_name=_optional_text(row, "short_name"),
        city=_optional_text(row, "city"),
        address=_optional_text(row, "address"),
        director=row["director"],
        deputy_director=row["deputy_director"],
    )


# --- academic years ---------------------------------------------------------------------------


def dump_academic_year(school_id: str, year: AcademicYear) -> Rows:
    owner = {"school_id": school_id, "year_id": year.id}
    holidays = [(h, False) for h in year.holidays] + [(h, True) for h in year.grade1_holidays]
    return {
        "academic_years": [{
            "school_id": school_id, "id": year.id, "start_date": year.start, "end_date": year.end,
            "study_weeks": year.study_weeks,
        }],
        "academic_year_terms": _items(
            ({"number": t.number, "start_date": t.start, "end_date": t.end} for t in year.terms), **owner),
        "academic_year_holidays": _items(
            ({"start_date": h.start, "end_date": h.end, **_text("name", h.name), "grade1": grade1}
             for h, grade1 in holidays), **owner),
        "academic_year_extra_days": _items(({"day": d} for d in year.extra_school_days), **owner),
    }


def _holiday(row: Row) -> Holiday:
    return Holiday(row["start_date"], row["end_date"], _optional_text(row, "name"))


def build_academic_year(row: Row, children: Children) -> AcademicYear:
    holidays = children("academic_year_holidays")
    return AcademicYear(
        id=row["id"],
        start=row["start_date"],
        end=row["end_date"],
        terms=[Term(t["number"], t["start_date"], t["end_date"]) for t in children("academic_year_terms")],
        holidays=[_holiday(h) for h in holidays if not h["grade1"]],
        extra_school_days=[d["day"] for d in children("academic_year_extra_days")],
        study_weeks=row["study_weeks"],
        grade1_holidays=[_holiday(h) for h in holidays if h["grade1"]],
    )


# --- subjects and teachers --------------------------------------------------------------------


def dump_subject(school_id: str, subject: Subject) -> Rows:
    return {"subjects": [{"school_id": school_id, "id": subject.id, **_text("name", subject.name)}]}


def build_subject(row: Row, children: Children) -> Subject:
    return Subject(row["id"], _required_text(row, "name"))


def dump_teacher(school_id: str, teacher: Teacher) -> Rows:
    return {
        "teachers": [{
            "school_id": school_id, "id": teacher.id, "last_name": teacher.last_name,
            "first_name": teacher.first_name, "patronymic": teacher.patronymic,
            **_text("position", teacher.position), "category": str(teacher.category),
            "category_awarded": teacher.category_awarded, "career_start": teacher.career_start,
            **_text("organization", teacher.organization), "active": teacher.active,
        }],
        "teacher_subjects": _items(({"subject_id": s} for s in teacher.subjects),
                                   school_id=school_id, teacher_id=teacher.id),
    }


def build_teacher(row: Row, children: Children) -> Teacher:
    return Teacher(
        id=row["id"],
        last_name=row["last_name"],
        first_name=row["first_name"],
        patronymic=row["patronymic"],
        position=_optional_text(row, "position"),
        subjects=[s["subject_id"] for s in children("teacher_subjects")],
        category=Category(row["category"]),
        category_awarded=row["category_awarded"],
        career_start=row["career_start"],
        organization=_optional_text(row, "organization"),
        active=bool(row["active"]),
    )


# --- associations -----------------------------------------------------------------------------


def dump_association(school_id: str, association: Association) -> Rows:
    owner = {"school_id": school_id, "association_id": association.id}
    plan = association.work_plan
    approved = plan.approved if plan else None
    items = plan.items if plan else []
    return {
        "associations": [{
            "school_id": school_id, "id": association.id, "kind": str(association.kind),
            **_text("name", association.name), "academic_year_id": association.academic_year,
            "head_id": association.head, "secretary_id": association.secretary,
            "has_work_plan": plan is not None,
            "work_plan_approved_by": approved.by if approved else None,
            "work_plan_approved_on": approved.on if approved else None,
        }],
        "association_subjects": _items(({"subject_id": s} for s in association.subjects), **owner),
        "memberships": _items(
            ({"teacher_id": x.teacher, "since": x.since, "until": x.until} for x in association.members),
            **owner),
        "work_plan_items": _items(
            ({"month": i.month, "topic": i.topic, "form": str(i.form)} for i in items), **owner),
        "work_plan_responsible": [
            {**owner, "item_position": item_position, "position": position, "teacher_id": teacher}
            for item_position, item in enumerate(items)
            for position, teacher in enumerate(item.responsible)
        ],
    }


def build_association(row: Row, children: Children) -> Association:
    work_plan = None
    if row["has_work_plan"]:
        responsible = children.by_item("work_plan_responsible")
        approved = (Approval(row["work_plan_approved_by"], row["work_plan_approved_on"])
                    if row["work_plan_approved_by"] is not None else None)
        work_plan = WorkPlan(
            items=[
                WorkPlanItem(i["month"], i["topic"], WorkPlanForm(i["form"]),
                             [r["teacher_id"] for r in responsible.get(i["position"], [])])
                for i in children("work_plan_items")
            ],
            approved=approved,
        )
    return Association(
        id=row["id"],
        kind=AssociationKind(row["kind"]),
        name=_required_text(row, "name"),
        academic_year=row["academic_year_id"],
        head=row["head_id"],
        subjects=[s["subject_id"] for s in children("association_subjects")],
        secretary=row["secretary_id"],
        members=[Membership(x["teacher_id"], x["since"], x["until"]) for x in children("memberships")],
        work_plan=work_plan,
    )


# --- meetings ---------------------------------------------------------------------------------


def _speaker(speaker: str | Person) -> dict[str, Any]:
    if isinstance(speaker, Person):
        return {"speaker_teacher_id": None, "speaker_name": speaker.name,
                "speaker_position": speaker.position}
    return {"speaker_teacher_id": speaker, "speaker_name": None, "speaker_position": None}


def _speech(row: Row) -> Speech:
    teacher = row["speaker_teacher_id"]
    speaker = teacher if teacher is not None else Person(row["speaker_name"], row["speaker_position"])
    return Speech(speaker, row["text"])


def dump_meeting(school_id: str, meeting: Meeting) -> Rows:
    owner = {"school_id": school_id, "meeting_id": meeting.id}
    speeches: list[dict[str, Any]] = []
    decisions: list[dict[str, Any]] = []
    plans: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    for item_position, item in enumerate(meeting.agenda):
        at = {**owner, "item_position": item_position}
        said = [("heard", s) for s in item.heard] + [("spoke", s) for s in item.spoke]
        speeches += _items(({"kind": k, **_speaker(s.speaker), "text": s.text} for k, s in said), **at)
        decisions += _items(({"text": d} for d in item.decisions), **at)
        plans += _items(({"plan_id": p} for p in item.plans), **at)
        visits += _items(({"lesson_visit_id": v} for v in item.lesson_visits), **at)
    return {
        "meetings": [{
            "school_id": school_id, "id": meeting.id, "body_id": meeting.body, "number": meeting.number,
            "date": meeting.date, "language": str(meeting.language), "chair_id": meeting.chair,
            "secretary_id": meeting.secretary, "status": str(meeting.status),
            "start_time": meeting.start_time, "place": meeting.place, "form": str(meeting.form),
            "version": meeting.version,
        }],
        "meeting_attendance": _items(
            ({"teacher_id": a.teacher, "present": a.present, "reason": a.reason} for a in meeting.attendance),
            **owner),
        "meeting_guests": _items(
            ({"name": g.name, "job_title": g.position} for g in meeting.guests), **owner),
        "agenda_items": _items(
            ({"number": i.number, "title": i.title,
              "vote_in_favour": i.vote.in_favour if i.vote else None,
              "vote_against": i.vote.against if i.vote else None,
              "vote_abstained": i.vote.abstained if i.vote else None} for i in meeting.agenda),
            **owner),
        "agenda_speeches": speeches,
        "agenda_decisions": decisions,
        "agenda_plans": plans,
        "agenda_lesson_visits": visits,
    }


def build_meeting(row: Row, children: Children) -> Meeting:
    speeches = children.by_item("agenda_speeches")
    decisions = children.by_item("agenda_decisions")
    plans = children.by_item("agenda_plans")
    visits = children.by_item("agenda_lesson_visits")
    agenda = []
    for item in children("agenda_items"):
        at = item["position"]
        said = speeches.get(at, [])
        vote = (Vote(item["vote_in_favour"], item["vote_against"], item["vote_abstained"])
                if item["vote_in_favour"] is not None else None)
        agenda.append(AgendaItem(
            number=item["number"],
            title=item["title"],
            decisions=[d["text"] for d in decisions.get(at, [])],
            heard=[_speech(s) for s in said if s["kind"] == "heard"],
            spoke=[_speech(s) for s in said if s["kind"] == "spoke"],
            vote=vote,
            plans=[p["plan_id"] for p in plans.get(at, [])],
            lesson_visits=[v["lesson_visit_id"] for v in visits.get(at, [])],
        ))
    return Meeting(
        id=row["id"],
        body=row["body_id"],
        number=row["number"],
        date=row["date"],
        language=Language(row["language"]),
        chair=row["chair_id"],
        secretary=row["secretary_id"],
        attendance=[Attendance(a["teacher_id"], bool(a["present"]), a["reason"])
                    for a in children("meeting_attendance")],
        agenda=agenda,
        status=MeetingStatus(row["status"]),
        start_time=row["start_time"],
        place=row["place"],
        guests=[Person(g["name"], g["job_title"]) for g in children("meeting_guests")],
        form=MeetingForm(row["form"]),
        version=row["version"],
    )


def meeting_texts(meeting: Meeting) -> Iterator[tuple[int | None, str, str]]:
    """What a protocol search looks through, in the protocol's order: ``(item number or None,
    field, text)`` with field one of place, title, heard, spoke, decision."""
    if meeting.place:
        yield None, "place", meeting.place
    for item in meeting.agenda:
        if item.title:
            yield item.number, "title", item.title
        for field, speeches in (("heard", item.heard), ("spoke", item.spoke)):
            yield from ((item.number, field, s.text) for s in speeches if s.text)
        yield from ((item.number, "decision", d) for d in item.decisions if d)


def dump_protocol_texts(school_id: str, meeting: Meeting) -> list[dict[str, Any]]:
    """Rows of ``protocol_texts`` for the meeting (ids are left to the database, in this order)."""
    return [{"school_id": school_id, "meeting_id": meeting.id, "item": item, "field": field, "text": text}
            for item, field, text in meeting_texts(meeting)]


# --- calendar-thematic plans ------------------------------------------------------------------


def dump_plan(school_id: str, plan: CalendarPlan) -> Rows:
    review, agreed, approved = plan.review, plan.agreed, plan.approved
    return {
        "plans": [{
            "school_id": school_id, "id": plan.id, "teacher_id": plan.teacher, "subject_id": plan.subject,
            "academic_year_id": plan.academic_year, "grade": plan.grade, "language": str(plan.language),
            "hours_per_week": plan.hours_per_week, "status": str(plan.status), "classes": list(plan.classes),
            "review_meeting_id": review.meeting if review else None,
            "review_item": review.item if review else None,
            "review_outcome": str(review.outcome) if review else None,
            "review_remarks": review.remarks if review else None,
            "agreed_by": agreed.by if agreed else None, "agreed_on": agreed.on if agreed else None,
            "approved_by": approved.by if approved else None,
            "approved_on": approved.on if approved else None,
            "version": plan.version,
        }],
        "plan_rows": [
            {"school_id": school_id, "plan_id": plan.id, "position": position, "number": r.number,
             "topic": r.topic, "hours": r.hours, "term": r.term, "section": r.section,
             "objectives": list(r.objectives), "date": r.date, "note": r.note}
            for position, r in enumerate(plan.rows)
        ],
    }


def build_plan(row: Row, children: Children) -> CalendarPlan:
    review = None
    if row["review_meeting_id"] is not None:
        review = Review(row["review_meeting_id"], row["review_item"], ReviewOutcome(row["review_outcome"]),
                        row["review_remarks"])
    return CalendarPlan(
        id=row["id"],
        teacher=row["teacher_id"],
        subject=row["subject_id"],
        academic_year=row["academic_year_id"],
        grade=row["grade"],
        language=Language(row["language"]),
        hours_per_week=row["hours_per_week"],
        rows=[
            PlanRow(r["number"], r["topic"], r["hours"], r["term"], r["section"], list(r["objectives"]),
                    r["date"], r["note"])
            for r in children("plan_rows")
        ],
        status=PlanStatus(row["status"]),
        classes=list(row["classes"]),
        review=review,
        agreed=Approval(row["agreed_by"], row["agreed_on"]) if row["agreed_by"] is not None else None,
        approved=Approval(row["approved_by"], row["approved_on"]) if row["approved_by"] is not None else None,
        version=row["version"],
    )


# --- mentorships ------------------------------------------------------------------------------


def dump_mentorship(school_id: str, mentorship: Mentorship) -> Rows:
    owner = {"school_id": school_id, "mentorship_id": mentorship.id}
    order = mentorship.order
    return {
        "mentorships": [{
            "school_id": school_id, "id": mentorship.id, "mentor_id": mentorship.mentor,
            "mentee_id": mentorship.mentee, "academic_year_id": mentorship.academic_year,
            "start_date": mentorship.start, "end_date": mentorship.end, "status": str(mentorship.status),
            "order_number": order.number if order else None, "order_date": order.date if order else None,
            "conclusion": mentorship.conclusion,
        }],
        "mentorship_goals": _items(({"text": g} for g in mentorship.goals), **owner),
        "mentorship_activities": _items(
            ({"due": a.due, "activity": a.activity, "done": a.done} for a in mentorship.plan), **owner),
        "mentorship_sessions": _items(
            ({"date": s.date, "kind": str(s.kind), "topic": s.topic, "notes": s.notes,
              "lesson_visit_id": s.lesson_visit} for s in mentorship.sessions), **owner),
    }


def build_mentorship(row: Row, children: Children) -> Mentorship:
    order = MentorOrder(row["order_number"], row["order_date"]) if row["order_number"] is not None else None
    return Mentorship(
        id=row["id"],
        mentor=row["mentor_id"],
        mentee=row["mentee_id"],
        academic_year=row["academic_year_id"],
        start=row["start_date"],
        end=row["end_date"],
        status=MentorshipStatus(row["status"]),
        order=order,
        goals=[g["text"] for g in children("mentorship_goals")],
        plan=[MentorshipActivity(a["due"], a["activity"], bool(a["done"]))
              for a in children("mentorship_activities")],
        sessions=[MentorshipSession(s["date"], SessionKind(s["kind"]), s["topic"], s["notes"],
                                    s["lesson_visit_id"]) for s in children("mentorship_sessions")],
        conclusion=row["conclusion"],
    )


# --- lesson visits ----------------------------------------------------------------------------


def dump_lesson_visit(school_id: str, visit: LessonVisit) -> Rows:
    return {
        "lesson_visits": [{
            "school_id": school_id, "id": visit.id, "kind": str(visit.kind), "teacher_id": visit.teacher,
            "subject_id": visit.subject, "date": visit.date, "topic": visit.topic,
            "class_name": visit.class_name, "association_id": visit.association,
        }],
        "lesson_visit_observations": _items(
            ({"observer_id": o.observer, "strengths": o.strengths, "recommendations": o.recommendations}
             for o in visit.observations),
            school_id=school_id, lesson_visit_id=visit.id),
    }


def build_lesson_visit(row: Row, children: Children) -> LessonVisit:
    return LessonVisit(
        id=row["id"],
        kind=VisitKind(row["kind"]),
        teacher=row["teacher_id"],
        subject=row["subject_id"],
        date=row["date"],
        topic=row["topic"],
        class_name=row["class_name"],
        association=row["association_id"],
        observations=[Observation(o["observer_id"], o["strengths"], o["recommendations"])
                      for o in children("lesson_visit_observations")],
    )


# --- the collections --------------------------------------------------------------------------


def _children(owner_column: str, *models: type[m.Base]) -> tuple[tuple[Table, str], ...]:
    return tuple((table_of(model), owner_column) for model in models)


def _id(record: Any) -> str:
    return str(record.id)


ACADEMIC_YEARS: Kind[AcademicYear] = Kind(
    "academic_years", table_of(m.AcademicYearRow),
    _children("year_id", m.TermRow, m.HolidayRow, m.ExtraSchoolDayRow),
    dump_academic_year, build_academic_year, _id)
SUBJECTS: Kind[Subject] = Kind("subjects", table_of(m.SubjectRow), (), dump_subject, build_subject, _id)
TEACHERS: Kind[Teacher] = Kind(
    "teachers", table_of(m.TeacherRow), _children("teacher_id", m.TeacherSubjectRow),
    dump_teacher, build_teacher, _id)
ASSOCIATIONS: Kind[Association] = Kind(
    "associations", table_of(m.AssociationRow),
    _children("association_id", m.AssociationSubjectRow, m.MembershipRow, m.WorkPlanItemRow,
              m.WorkPlanResponsibleRow),
    dump_association, build_association, _id)
MEETINGS: Kind[Meeting] = Kind(
    "meetings", table_of(m.MeetingRow),
    _children("meeting_id", m.AttendanceRow, m.GuestRow, m.AgendaItemRow, m.SpeechRow, m.DecisionRow,
              m.AgendaPlanRow, m.AgendaLessonVisitRow),
    dump_meeting, build_meeting, _id)
PLANS: Kind[CalendarPlan] = Kind(
    "plans", table_of(m.PlanRecordRow), _children("plan_id", m.PlanRowRow), dump_plan, build_plan, _id)
MENTORSHIPS: Kind[Mentorship] = Kind(
    "mentorships", table_of(m.MentorshipRow),
    _children("mentorship_id", m.MentorshipGoalRow, m.MentorshipActivityRow, m.MentorshipSessionRow),
    dump_mentorship, build_mentorship, _id)
LESSON_VISITS: Kind[LessonVisit] = Kind(
    "lesson_visits", table_of(m.LessonVisitRow), _children("lesson_visit_id", m.ObservationRow),
    dump_lesson_visit, build_lesson_visit, _id)

#: Every collection, in the order of SchoolRecords' fields.
KINDS: tuple[Kind[Any], ...] = (
    ACADEMIC_YEARS, SUBJECTS, TEACHERS, ASSOCIATIONS, MEETINGS, PLANS, MENTORSHIPS, LESSON_VISITS,
)
KINDS_BY_COLLECTION: dict[str, Kind[Any]] = {kind.collection: kind for kind in KINDS}


# --- accounts and history ---------------------------------------------------------------------


def dump_user(user: User) -> dict[str, Any]:
    return {
        "login": user.login, "role": str(user.role), "password_hash": user.password_hash,
        "school_id": user.school, "teacher_id": user.teacher, "active": user.active,
        "failed_attempts": user.failed_attempts, "locked_until": user.locked_until,
        "last_sign_in": user.last_sign_in,
    }


def build_user(row: Row) -> User:
    return User(
        login=row["login"], role=Role(row["role"]), password_hash=row["password_hash"],
        school=row["school_id"], teacher=row["teacher_id"], active=bool(row["active"]),
        failed_attempts=row["failed_attempts"], locked_until=row["locked_until"],
        last_sign_in=row["last_sign_in"],
    )


def dump_audit(event: AuditEvent) -> dict[str, Any]:
    return {
        "at": event.at, "actor": event.actor, "action": event.action, "school_id": event.school,
        "record_kind": event.record_kind, "record_id": event.record_id, "summary": event.summary,
        "previous_hash": event.previous_hash, "hash": event.hash,
    }


def build_audit(row: Row) -> AuditEvent:
    return AuditEvent(
        at=row["at"], actor=row["actor"], action=row["action"], school=row["school_id"],
        record_kind=row["record_kind"], record_id=row["record_id"], summary=row["summary"],
        previous_hash=row["previous_hash"], hash=row["hash"],
    )


def dump_plan_event(school_id: str, event: PlanEvent) -> dict[str, Any]:
    return {
        "school_id": school_id, "plan_id": event.plan, "at": event.at, "actor": event.actor,
        "action": event.action, "from_status": event.from_status, "to_status": event.to_status,
        "note": event.note,
    }


def build_plan_event(row: Row) -> PlanEvent:
    return PlanEvent(
        plan=row["plan_id"], at=row["at"], actor=row["actor"], action=row["action"],
        from_status=row["from_status"], to_status=row["to_status"], note=row["note"],
    )


def dump_meeting_version(school_id: str, version: MeetingVersion) -> dict[str, Any]:
    return {
        "school_id": school_id, "meeting_id": version.meeting, "version": version.version,
        "snapshot": version.snapshot, "reason": version.reason, "actor": version.actor, "at": version.at,
    }


def build_meeting_version(row: Row) -> MeetingVersion:
    return MeetingVersion(
        meeting=row["meeting_id"], version=row["version"], snapshot=row["snapshot"],
        reason=row["reason"], actor=row["actor"], at=row["at"],
    )
