"""The documents section's headings of the KTPs (storage/document_lists.py) say what the whole plans
say: the day of approval read from its stored text and the classes from their JSON, on each backend
(an SQLite file, a database on the PostgreSQL server)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.domain.entities import Approval, PlanStatus, SchoolRecords
from desktop_app.storage.database import Database
from desktop_app.storage.document_lists import PlanHeading, plan_headings


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
