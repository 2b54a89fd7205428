"""The documents section's headings of the KTPs, the protocols and the lesson visits
(storage/document_lists.py) say what the whole plans, meetings and visits say: the day of approval
read from its stored text and the classes from their JSON, on each backend (an SQLite file, a
database on the PostgreSQL server)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.entities import Approval, MeetingStatus, Observation, PlanStatus, SchoolRecords
from desktop_app.storage.database import Database
from desktop_app.storage.document_lists import (
    MeetingHeading,
    PlanHeading,
    VisitHeading,
    meeting_headings,
    plan_headings,
    visit_headings,
)


def test_the_headings_are_the_plans_own(db: Database, sample: SchoolRecords) -> None:
    plans = list(sample.plans)
    first = plans[0]
    approver = first.approved.by if first.approved else sample.teachers[0].id
    # Three more: approved on a day of another year, two classes, none at all.
    plans += [replace(first, id="ktp-approved", status=PlanStatus.APPROVED, classes=["9А", "9Ә"],
                      approved=Approval(approver, date(2027, 5, 31))),
              replace(first, id="ktp-no-classes", classes=[], status=PlanStatus.DRAFT, review=None,
                      agreed=None, approved=None)]
    records = replace(sample, plans=plans)
    with db.transaction(write=True) as store:
        store.insert_records(records)
    school = sample.school.id
    with db.transaction() as store:
        whole = store.plans_of(school)
        years = {plan.academic_year for plan in whole}
        for year in [None, *years]:
            expected = [PlanHeading(p.id, p.teacher, p.subject, p.academic_year, p.grade, p.language,
                                    tuple(p.classes), p.approved.on if p.approved else None)
                        for p in whole if year is None or p.academic_year == year]
            assert plan_headings(store.session, school, year, None) == expected
        assert any(h.approved_on == date(2027, 5, 31) for h in plan_headings(store.session, school, None, None))
        teacher = first.teacher
        assert plan_headings(store.session, school, None, {teacher}) == [
            h for h in plan_headings(store.session, school, None, None) if h.teacher == teacher]


def test_the_protocols_headings_are_the_meetings_own(db: Database, sample: SchoolRecords) -> None:
    """Number, date, language, status and each item's number and title, as the whole meeting has
    them, for the year's meetings only (another year's and one without items besides)."""
    first = sample.meetings[0]
    other_year = next(a for a in sample.associations if a.academic_year != _year_of(sample, first.body))
    meetings = [*sample.meetings,
                replace(first, id="m-draft", number=first.number + 10, status=MeetingStatus.DRAFT, agenda=[]),
                replace(first, id="m-other-year", body=other_year.id, number=1)]
    records = replace(sample, meetings=meetings)
    with db.transaction(write=True) as store:
        store.insert_records(records)
    school = sample.school.id
    with db.transaction() as store:
        for year in sample.academic_years:
            whole = [m for m in store.list_meetings(school) if _year_of(sample, m.body) == year.id]
            headings = meeting_headings(store.session, school, year.id)
            assert headings == [MeetingHeading.of(m) for m in whole]
            assert all(isinstance(h.number, int) and isinstance(h.date, date) for h in headings)
        listed = {h.id for y in sample.academic_years for h in meeting_headings(store.session, school, y.id)}
        assert {"m-draft", "m-other-year"} <= listed
        assert next(h for h in meeting_headings(store.session, school, _year_of(sample, first.body))
                    if h.id == "m-draft").items == ()


def test_the_visits_headings_are_the_visits_own(db: Database, sample: SchoolRecords) -> None:
    """The lesson, its day and its observers in their order, for the visits dated in the window
    only (its first and last days included), as the whole visits have them."""
    first = sample.lesson_visits[0]
    teachers = [t.id for t in sample.teachers if t.id != first.teacher]
    visits = [*sample.lesson_visits,
              replace(first, id="v-nobody", observations=[], class_name=None, association=None),
              replace(first, id="v-two", observations=[Observation(teachers[1], "Сабақ жақсы", None),
                                                       Observation(teachers[0])]),
              replace(first, id="v-first-day", date=date(2026, 9, 1)),
              replace(first, id="v-last-day", date=date(2027, 5, 25)),
              replace(first, id="v-before", date=date(2026, 8, 31)),
              replace(first, id="v-after", date=date(2027, 5, 26))]
    with db.transaction(write=True) as store:
        store.insert_records(replace(sample, lesson_visits=visits))
    school = sample.school.id
    window = (date(2026, 9, 1), date(2027, 5, 25))
    with db.transaction() as store:
        whole = store.list_lesson_visits(school, *window)
        headings = visit_headings(store.session, school, *window)
        assert headings == [VisitHeading.of(v) for v in whole]
        assert all(isinstance(h.date, date) for h in headings)
    shown = {h.id: h for h in headings}
    assert {"v-first-day", "v-last-day", "v-1", "v-2"} <= set(shown) and not {"v-before", "v-after"} & set(shown)
    assert shown["v-two"].observers == (teachers[1], teachers[0])
    assert shown["v-nobody"].observers == () and shown["v-nobody"].association is None


def _year_of(records: SchoolRecords, body: str) -> str:
    return next(a.academic_year for a in records.associations if a.id == body)
