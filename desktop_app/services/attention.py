"""What needs attention this week (issue 4): plans on their way to approval, protocols not yet
finalized, attestations due and mentorships without a session this month."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from desktop_app.domain.accounts import Action, Actor, Role
from desktop_app.domain.annual_analysis import AnalysisStatus
from desktop_app.domain.associations import short_today
from desktop_app.domain.entities import (
    Association,
    LocalizedText,
    MentorshipStatus,
    PlanStatus,
    Teacher,
)
from desktop_app.domain.errors import N_
from desktop_app.domain.staff_records import add_years
from desktop_app.domain.work_plan_marks import month_of
from desktop_app.services.base import Service, found
from desktop_app.services.teachers import attestation_due
from desktop_app.storage import staff
from desktop_app.storage.analyses import school_analysis_status
from desktop_app.storage.store import Store

#: How far ahead an attestation deadline is announced.
ATTESTATION_NOTICE = timedelta(days=90)


class AttentionKind(StrEnum):
    PLAN_SUBMITTED = "plan_submitted"
    PLAN_RECOMMENDED = "plan_recommended"
    PLAN_AGREED = "plan_agreed"
    MEETING_OPEN = "meeting_open"
    ATTESTATION_DUE = "attestation_due"
    MENTORSHIP_IDLE = "mentorship_idle"
    ASSOCIATION_SHORT = "association_short"
    MATERIAL_CONSIDERED = "material_considered"
    WORK_PLAN_UNAPPROVED = "work_plan_unapproved"
    WORK_PLAN_UNMARKED = "work_plan_unmarked"
    ATTESTATION_OPEN = "attestation_open"
    COURSES_OVERDUE = "courses_overdue"
    ANALYSIS_UNAPPROVED = "analysis_unapproved"


#: Headings of the groups, in the order shown.
ATTENTION_KIND_LABELS = {
    AttentionKind.PLAN_SUBMITTED: N_("Plans awaiting the association's review"),
    AttentionKind.PLAN_RECOMMENDED: N_("Plans awaiting the deputy director's agreement"),
    AttentionKind.PLAN_AGREED: N_("Plans awaiting the director's approval"),
    AttentionKind.MEETING_OPEN: N_("Meetings held without a finalized protocol"),
    AttentionKind.ATTESTATION_DUE: N_("Attestations due"),
    AttentionKind.MENTORSHIP_IDLE: N_("Mentorships without a session this month"),
    AttentionKind.ASSOCIATION_SHORT: N_("Associations left with fewer than 3 teachers (п. 23 is a "
                                        "condition of creating one)"),
    AttentionKind.MATERIAL_CONSIDERED: N_("Methodical materials awaiting the director's approval"),
    AttentionKind.WORK_PLAN_UNAPPROVED: N_("Work plans not yet approved (п. 28)"),
    AttentionKind.WORK_PLAN_UNMARKED: N_("Work plan items whose month has passed without a mark"),
    AttentionKind.ATTESTATION_OPEN: N_("Attestations heard without a result (п. 10.7)"),
    AttentionKind.COURSES_OVERDUE: N_("Professional development overdue"),
    AttentionKind.ANALYSIS_UNAPPROVED: N_("The school's annual analysis not yet approved"),
}

#: From this month of the year's last calendar year, the school's annual analysis is asked for (written in May).
ANALYSIS_MONTH = 5

_PLAN_KINDS = {
    PlanStatus.SUBMITTED: AttentionKind.PLAN_SUBMITTED,
    PlanStatus.RECOMMENDED: AttentionKind.PLAN_RECOMMENDED,
    PlanStatus.AGREED: AttentionKind.PLAN_AGREED,
}

#: A parameter of a line: text, a number, a date or a kk/ru reference value shown in the window's language.
Param = str | int | date | LocalizedText


@dataclass(frozen=True)
class AttentionItem:
    kind: AttentionKind
    record: str
    title: str  # msgid, formatted with ``params``
    params: dict[str, Param] = field(default_factory=dict)
    #: Since when it waits (plans, meetings) or by when it is due (attestation).
    day: date | None = None


@dataclass(frozen=True)
class FirstSteps:
    """What a new school still lacks in a year; while anything does, the overview says what to do next."""

    #: Active teachers besides the director and the deputy director (whom the first start adds).
    teachers: int
    #: Methodical associations of the year.
    associations: int

    @property
    def done(self) -> bool:
        return self.teachers > 0 and self.associations > 0


@dataclass
class YearFigures:
    """The Overview's tiles: how many of each record the year holds (what the user may see)."""

    associations: int = 0
    #: Associations short of the minimum of rule 1 (п. 23) today.
    associations_short: int = 0
    meetings: int = 0
    meetings_finalized: int = 0
    plans: Counter[PlanStatus] = field(default_factory=Counter)
    mentorships: int = 0
    visits: int = 0


class AttentionService(Service):
    def first_steps(self, actor: Actor, school: str, academic_year: str | None) -> FirstSteps:
        """How far the school has come from an empty database: its staff list and the year's associations."""
        with self._read(actor, school) as store:
            record = store.get_school(school)
            leaders = {record.director, record.deputy_director} if record else set()
            teachers = sum(1 for t in store.list_teachers(school) if t.active and t.id not in leaders)
            associations = len(store.associations_of(school, academic_year)) if academic_year else 0
        return FirstSteps(teachers, associations)

    def figures(self, actor: Actor, school: str, academic_year: str) -> YearFigures:
        """The year's counts, computed in SQL where they are counts (the Overview's tiles)."""
        with self._read(actor, school) as store:
            year = found(store.get_academic_year(school, academic_year), "academic year", academic_year)
            bodies = store.associations_of(school, academic_year)
            teachers = {t.id: t for t in store.list_teachers(school)} if bodies else {}
            meetings = store.meeting_counts(school, academic_year)
            visible = self._visible_teachers(actor, store.list_associations(school)
                                             if actor.role is Role.HEAD else bodies)
            plans = store.plan_status_counts(school, academic_year, visible)
            first, last = year.window
            if actor.may(Action.READ_ALL):
                mentorships = store.mentorship_count(school, academic_year)
                visits = store.visit_count(school, first, last)
            elif actor.teacher is not None:
                mentorships = store.mentorship_count(school, academic_year, actor.teacher)
                visits = store.visit_count(school, first, last, actor.teacher)
            else:
                mentorships = visits = 0
        today = self.today()
        short = sum(1 for body in bodies if short_today(body, teachers, year.window, today) is not None)
        return YearFigures(len(bodies), short, meetings.meetings, meetings.finalized,
                           Counter({PlanStatus(k): v for k, v in plans.items()}), mentorships, visits)

    def items(self, actor: Actor, school: str, academic_year: str, today: date) -> list[AttentionItem]:
        """Everything of the year that waits on someone, limited to what ``actor`` may see."""
        with self._read(actor, school) as store:
            bodies = store.associations_of(school, academic_year)
            teachers = {t.id: t for t in store.list_teachers(school)}
            # A head sees the plans of the members of every body they head (``PlanService.list``).
            visible = self._visible_teachers(actor, store.list_associations(school)
                                             if actor.role is Role.HEAD else bodies)
            keeps = record.deputy_agreement if (record := store.get_school(school)) else True
            items = self._plans(store, school, academic_year, teachers, visible, keeps)
            year = store.get_academic_year(school, academic_year)
            if year is not None and actor.may(Action.READ_ALL):
                items += self._short(bodies, teachers, year.window, today)
            items += self._meetings(store, actor, school, academic_year, bodies, today)
            items += self._attestations(teachers, visible, today)
            own = None if visible is None else ({actor.teacher} if actor.teacher else set())
            items += self._mentorships(store, school, academic_year, teachers, own, today)
            if actor.may(Action.READ_ALL):  # п. 27: the director approves after a positive conclusion
                items += [AttentionItem(AttentionKind.MATERIAL_CONSIDERED, material, N_("«{title}»"),
                                        {"title": title}, since)
                          for material, title, since in store.materials_awaiting_approval(school, academic_year)]
            items += self._work_plans(store, actor, school, academic_year, bodies, today)
            if actor.may(Action.READ_ALL):
                items += self._staff_records(store, school, academic_year, today)
            if actor.role in (Role.ADMINISTRATOR, Role.DIRECTOR) and year is not None:
                items += self._analysis(store, school, year.id, year.end, today)
        order = list(AttentionKind)
        return sorted(items, key=lambda i: (order.index(i.kind), i.day or date.min, i.record))

    @staticmethod
    def _visible_teachers(actor: Actor, bodies: list[Association]) -> set[str] | None:
        """None for those who see everything; else the actor (and, for a head, their members)."""
        if actor.may(Action.READ_ALL):
            return None
        visible = {actor.teacher} if actor.teacher else set()
        if actor.role is Role.HEAD and actor.teacher:
            for body in bodies:
                if body.head == actor.teacher:
                    visible.update(body.member_ids())
        return visible

    @staticmethod
    def _short(bodies: list[Association], teachers: dict[str, Teacher], window: tuple[date, date],
               today: date) -> list[AttentionItem]:
        """п. 23 is a condition of creation: an association a member has left since is listed, not refused."""
        items = []
        for body in bodies:
            found = short_today(body, teachers, window, today)
            if found is not None:
                items.append(AttentionItem(
                    AttentionKind.ASSOCIATION_SHORT, body.id, N_("{association}: {count} of {required}"),
                    {"association": body.name, "count": found.count, "required": found.required}))
        return items

    @staticmethod
    def _plans(store: Store, school: str, academic_year: str, teachers: dict[str, Teacher],
               visible: set[str] | None, keeps_agreement: bool = True) -> list[AttentionItem]:
        subjects = {s.id: s.name for s in store.list_subjects(school)}
        waiting = [line.plan for line in store.plan_summaries(
            school, academic_year, visible, statuses=[status.value for status in _PLAN_KINDS])]
        last_events = store.last_plan_events(school, [plan.id for plan in waiting])
        items = []
        for plan in waiting:
            kind = _PLAN_KINDS[plan.status]
            if kind is AttentionKind.PLAN_RECOMMENDED and not keeps_agreement:
                kind = AttentionKind.PLAN_AGREED  # the director approves a recommended plan directly
            since = last_events.get(plan.id)
            teacher = teachers.get(plan.teacher)
            items.append(AttentionItem(
                kind, plan.id, N_("{teacher}: {subject}, grade {grade}"),
                {"teacher": teacher.short_name if teacher else plan.teacher,
                 "subject": subjects.get(plan.subject, LocalizedText(plan.subject, plan.subject)),
                 "grade": plan.grade},
                since))
        return items

    @staticmethod
    def _meetings(store: Store, actor: Actor, school: str, academic_year: str,
                  bodies: list[Association], today: date) -> list[AttentionItem]:
        items = []
        of_year = {body.id: body for body in bodies if body.academic_year == academic_year}
        for meeting in store.open_meetings(school, of_year, today):  # not their agendas
            body = of_year[meeting.body]
            if not (actor.may(Action.READ_ALL)
                    or actor.teacher in (body.head, meeting.chair, meeting.secretary)):
                continue
            items.append(AttentionItem(
                AttentionKind.MEETING_OPEN, meeting.id, N_("{association}: meeting No. {number} of {date}"),
                {"association": body.name, "number": meeting.number, "date": meeting.date},
                meeting.date))
        return items

    @staticmethod
    def _attestations(teachers: dict[str, Teacher], visible: set[str] | None,
                      today: date) -> list[AttentionItem]:
        items = []
        for teacher in teachers.values():
            if not teacher.active or (visible is not None and teacher.id not in visible):
                continue
            due = attestation_due(teacher, today)
            if due is None or due > today + ATTESTATION_NOTICE:
                continue
            title = (N_("{teacher}: attestation overdue since {date}") if due < today
                     else N_("{teacher}: attestation due by {date}"))
            items.append(AttentionItem(AttentionKind.ATTESTATION_DUE, teacher.id, title,
                                       {"teacher": teacher.short_name, "date": due}, due))
        return items

    @staticmethod
    def _staff_records(store: Store, school: str, academic_year: str, today: date) -> list[AttentionItem]:
        """Two counts (SQL aggregates): attestations heard before today still without a result, and
        active teachers whose latest course is older than the school's period."""
        items = []
        heard = staff.open_after_hearing(store, school, academic_year, today)
        if heard:
            items.append(AttentionItem(AttentionKind.ATTESTATION_OPEN, "",
                                       N_("Heard at the association, no result recorded: {count}"),
                                       {"count": heard}))
        period = staff.course_period(store, school)
        overdue = staff.overdue_courses(store, school, add_years(today, -period))
        if overdue:
            items.append(AttentionItem(AttentionKind.COURSES_OVERDUE, "",
                                       N_("Teachers whose latest course is more than {years} years old: {count}"),
                                       {"count": overdue, "years": period}))
        return items

    @staticmethod
    def _analysis(store: Store, school: str, academic_year: str, end: date, today: date) -> list[AttentionItem]:
        """From May of the year's end (the analysis is written then), the school's analysis of the
        year until the director approves it (one SQL aggregate)."""
        if today < date(end.year, ANALYSIS_MONTH, 1):
            return []
        status = school_analysis_status(store.session, school, academic_year)
        if status is AnalysisStatus.APPROVED:
            return []
        title = (N_("The analysis of {year} is not written yet") if status is None
                 else N_("The analysis of {year} is a draft awaiting the director's approval"))
        return [AttentionItem(AttentionKind.ANALYSIS_UNAPPROVED, "", title, {"year": academic_year})]

    @staticmethod
    def _work_plans(store: Store, actor: Actor, school: str, academic_year: str, bodies: list[Association],
                    today: date) -> list[AttentionItem]:
        """п. 28: from September of the current year every plan is approved; an approved plan's items
        whose month is over carry a mark (counted in SQL)."""
        year = store.get_academic_year(school, academic_year)
        if year is None:
            return []
        september = date(year.window[0].year, 9, 1)
        mine = None if actor.may(Action.READ_ALL) else {b.id for b in bodies if b.head == actor.teacher}
        names = {b.id: b.name for b in bodies}
        items = []
        for line in store.plan_following(school, academic_year, month_of(today), mine):
            name = names.get(line.association, LocalizedText(line.association, line.association))
            if not line.approved and september <= today <= year.window[1]:
                items.append(AttentionItem(AttentionKind.WORK_PLAN_UNAPPROVED, line.association,
                                           N_("{association}: the work plan is not approved"),
                                           {"association": name}))
            if line.unmarked:
                items.append(AttentionItem(
                    AttentionKind.WORK_PLAN_UNMARKED, line.association,
                    N_("{association}: {count} items without a mark, the first planned for {date}"),
                    {"association": name, "count": line.unmarked, "date": _month_start(line.first_unmarked)}))
        return items

    @staticmethod
    def _mentorships(store: Store, school: str, academic_year: str, teachers: dict[str, Teacher],
                     visible: set[str] | None, today: date) -> list[AttentionItem]:
        month = (today.year, today.month)
        items = []
        for mentorship in store.list_mentorships(school, academic_year, MentorshipStatus.ACTIVE):
            if visible is not None and not visible & {mentorship.mentor, mentorship.mentee}:
                continue
            if not mentorship.start <= today <= mentorship.end:
                continue
            if any((s.date.year, s.date.month) == month for s in mentorship.sessions):
                continue
            last = max((s.date for s in mentorship.sessions), default=None)
            mentor, mentee = teachers.get(mentorship.mentor), teachers.get(mentorship.mentee)
            items.append(AttentionItem(
                AttentionKind.MENTORSHIP_IDLE, mentorship.id, N_("mentor {mentor}, mentee {mentee}"),
                {"mentor": mentor.short_name if mentor else mentorship.mentor,
                 "mentee": mentee.short_name if mentee else mentorship.mentee},
                last))
        return items


def _month_start(month: str | None) -> date:
    """«2026-11» as 1 November 2026 (a line's date is shown the window's way)."""
    year, number = (int(part) for part in (month or "1-1").split("-")[:2])
    return date(year, number, 1)
