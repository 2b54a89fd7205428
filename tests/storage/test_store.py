"""Round trips, save/replace/delete and filters of the Store on a real SQLite file."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from typing import Any

import pytest

from desktop_app.domain.entities import (
    Approval,
    Holiday,
    ItemLink,
    ItemMark,
    ItemState,
    LessonVisit,
    LocalizedText,
    OlympiadKind,
    OlympiadLevel,
    OlympiadOutcome,
    OlympiadResult,
    Person,
    PlanRow,
    SchoolRecords,
    Speech,
    Subject,
    Teacher,
    VisitKind,
)
from desktop_app.domain.errors import NotFoundError
from desktop_app.storage.database import Database
from desktop_app.storage.errors import ConstraintError, DuplicateError
from desktop_app.storage.mapping import KINDS
from tests.materials_sample import add_materials

COLLECTIONS = [kind.collection for kind in KINDS]
SINGULAR = {
    "academic_years": "academic_year",
    "subjects": "subject",
    "teachers": "teacher",
    "associations": "association",
    "meetings": "meeting",
    "plans": "plan",
    "mentorships": "mentorship",
    "lesson_visits": "lesson_visit",
    "materials": "material",
    "olympiad_results": "olympiad_result",
}


@pytest.fixture
def rich(sample: SchoolRecords) -> SchoolRecords:
    """The sample school with every optional field and list filled somewhere."""
    records = copy.deepcopy(sample)
    records.school.address = LocalizedText("Абай даңғылы, 1", None)
    year = records.academic_years[0]
    year.extra_school_days = [date(2026, 1, 3), date(2026, 3, 7)]
    year.study_weeks = 33
    year.grade1_holidays = [
        Holiday(date(2026, 2, 9), date(2026, 2, 15), LocalizedText(None, "Доп. каникулы")),
        Holiday(date(2026, 2, 16), date(2026, 2, 16)),
    ]
    records.teachers[-1].organization = LocalizedText("№ 12 мектеп", "Школа № 12")
    records.teachers[-1].active = False
    records.teachers[-1].position = None
    item = records.meetings[0].agenda[0]
    item.heard.append(Speech(Person("Сидорова А.", None), "Гость рассказала о новом"))
    item.lesson_visits = ["v-2", "v-1"]
    item.vote = None
    records.mentorships[0].sessions[0].lesson_visit = "v-1"
    records.mentorships[0].conclusion = "Жақсы"
    records.plans[0].rows[0].objectives = []
    records.plans[0].version = 3
    records.meetings[0].version = 2
    association = records.associations[0]
    assert association.work_plan is not None
    association.work_plan.approved = None
    records.associations[1].work_plan = None
    # issue 18 points 8, 9: a plan's theme, goal and tasks, item marks, an olympiad result
    association.work_plan.theme = LocalizedText("Функционалдық сауаттылық", "Функциональная грамотность")
    association.work_plan.goal = LocalizedText(None, "Повысить качество уроков")
    items = association.work_plan.items
    items[0].mark = ItemMark(ItemState.HELD, date(2025, 9, 20), ItemLink("meeting", records.meetings[0].id))
    items[-1].mark = ItemMark(ItemState.MOVED, date(2025, 10, 1), month="2026-04", reason="Курстар")
    year_id, teacher = records.academic_years[0].id, records.teachers[0].id
    records.olympiad_results = [
        OlympiadResult("ol-1", year_id, "Әлібекова Айгүл", "9А", records.subjects[0].id, teacher,
                       OlympiadLevel.DISTRICT, OlympiadKind.OLYMPIAD, OlympiadOutcome.PRIZE, 2, "II этап",
                       "Пәндік олимпиада", date(2025, 12, 5)),
        OlympiadResult("ol-2", year_id, "Иванов Пётр", "11 Ә", records.subjects[0].id, teacher,
                       OlympiadLevel.SCHOOL, OlympiadKind.PROJECTS, OlympiadOutcome.PARTICIPANT),
    ]
    return add_materials(records)


def test_round_trip_of_every_entity(db: Database, rich: SchoolRecords) -> None:
    with db.transaction(write=True) as store:
        store.insert_records(rich)
    with db.transaction() as store:
        loaded = store.load_records(rich.school.id)
        assert store.school_ids() == [rich.school.id]
        for collection in COLLECTIONS:
            assert getattr(loaded, collection) == getattr(rich, collection), collection
            listed = getattr(store, f"list_{collection}")(rich.school.id)
            assert listed == getattr(rich, collection)
            for record in getattr(rich, collection):
                assert getattr(store, f"get_{SINGULAR[collection]}")(rich.school.id, record.id) == record
    assert loaded == rich


def test_records_saved_one_by_one_equal_bulk_insert(db: Database, rich: SchoolRecords) -> None:
    with db.transaction(write=True) as store:
        store.save_school(rich.school)
        # Meetings reference plans under their agenda and plans reference meetings by review.
        reviews = {p.id: p.review for p in rich.plans}
        for collection in ["academic_years", "subjects", "teachers", "associations", "lesson_visits"]:
            for record in getattr(rich, collection):
                getattr(store, f"save_{SINGULAR[collection]}")(rich.school.id, record)
        for plan in rich.plans:
            store.save_plan(rich.school.id, dataclasses.replace(plan, review=None))
        for material in rich.materials:  # materials and meetings refer to each other the same way
            store.save_material(rich.school.id, dataclasses.replace(material, review=None))
        for collection in ["meetings", "mentorships", "olympiad_results"]:
            for record in getattr(rich, collection):
                getattr(store, f"save_{SINGULAR[collection]}")(rich.school.id, record)
        for plan in rich.plans:
            store.save_plan(rich.school.id, dataclasses.replace(plan, review=reviews[plan.id]))
        for material in rich.materials:
            store.save_material(rich.school.id, material)
    with db.transaction() as store:
        assert store.load_records(rich.school.id) == rich


def test_replace_keeps_position_and_replaces_children(db: Database, rich: SchoolRecords) -> None:
    school = rich.school.id
    with db.transaction(write=True) as store:
        store.insert_records(rich)
    plan = copy.deepcopy(rich.plans[0])
    plan.rows = [*plan.rows[5:], PlanRow(99, "Жаңа тақырып", 2.0, 4, None, ["x"], None, "ескерту")]
    plan.agreed = Approval("t-dep", date(2026, 9, 1))
    meeting = copy.deepcopy(rich.meetings[0])
    meeting.agenda = meeting.agenda[1:]
    meeting.guests = []
    meeting.attendance.reverse()
    teacher = dataclasses.replace(rich.teachers[2], subjects=["informatics", "math"], patronymic=None)
    association = copy.deepcopy(rich.associations[0])
    association.members = association.members[::-1]
    assert association.work_plan is not None
    association.work_plan.items[0].responsible = ["t-02", "t-03", "t-01"]
    year = dataclasses.replace(
        rich.academic_years[0], holidays=[], grade1_holidays=rich.academic_years[0].holidays
    )
    with db.transaction(write=True) as store:
        store.save_plan(school, plan)
        store.save_meeting(school, meeting)
        store.save_teacher(school, teacher)
        store.save_association(school, association)
        store.save_academic_year(school, year)
    with db.transaction() as store:
        assert store.get_plan(school, plan.id) == plan
        assert store.list_plans(school)[0] == plan
        assert store.get_meeting(school, meeting.id) == meeting
        assert store.list_teachers(school)[2] == teacher
        assert store.get_association(school, association.id) == association
        assert store.get_academic_year(school, year.id) == year
        assert len(store.list_teachers(school)) == len(rich.teachers)


def test_new_records_are_appended_and_deleted(db: Database, rich: SchoolRecords) -> None:
    school = rich.school.id
    with db.transaction(write=True) as store:
        store.insert_records(rich)
        store.save_subject(school, Subject("chem", LocalizedText("Химия", "Химия")))
        store.save_teacher(school, Teacher("t-new", "Жаңа", "Мұғалім", subjects=["chem"]))
        store.save_lesson_visit(
            school,
            LessonVisit("v-new", VisitKind.MUTUAL_VISIT, "t-new", "chem", date(2026, 10, 1), "Тақырып"),
        )
    with db.transaction() as store:
        assert [t.id for t in store.list_teachers(school)][-1] == "t-new"
        assert store.list_subjects(school)[-1].id == "chem"
    with pytest.raises(ConstraintError), db.transaction(write=True) as store:
        store.delete_teacher(school, "t-new")  # a lesson visit still refers to the teacher
    with db.transaction(write=True) as store:
        store.delete_lesson_visit(school, "v-new")
        store.delete_teacher(school, "t-new")
        store.delete_subject(school, "chem")
    with db.transaction() as store:
        assert store.get_teacher(school, "t-new") is None
        assert store.get_lesson_visit(school, "v-new") is None
        assert store.load_records(school) == rich


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_delete_each_kind(db: Database, rich: SchoolRecords, collection: str) -> None:
    """Deleting a record takes its children; what refers to it must go first (no cascade)."""
    school = rich.school.id
    with db.transaction(write=True) as store:
        store.insert_records(rich)
    # Remove referring records, then the record itself, in dependency order.
    order = [
        "olympiad_results",
        "mentorships",
        "meetings",
        "materials",
        "plans",
        "lesson_visits",
        "associations",
        "teachers",
        "subjects",
        "academic_years",
    ]
    upto = order[: order.index(collection) + 1]
    plans = rich.plans
    if "meetings" in upto:
        # A plan's review names the meeting whose agenda lists the plan: unlink it first.
        plans = [dataclasses.replace(p, review=None) for p in rich.plans]
    materials = [dataclasses.replace(m, review=None) if "meetings" in upto else m for m in rich.materials]
    with db.transaction(write=True) as store:
        for plan in plans:
            store.save_plan(school, plan)
        for material in materials:
            store.save_material(school, material)
        for name in upto:
            for record in getattr(rich, name):
                getattr(store, f"delete_{SINGULAR[name]}")(school, record.id)
    with db.transaction() as store:
        assert getattr(store, f"list_{collection}")(school) == []
        loaded = store.load_records(school)
        for name in order:
            expected: list[Any] = ([] if name in upto else plans if name == "plans"
                                   else materials if name == "materials" else getattr(rich, name))
            assert getattr(loaded, name) == expected


def test_two_schools_with_the_same_ids(db: Database, rich: SchoolRecords) -> None:
    other = copy.deepcopy(rich)
    other.school = dataclasses.replace(rich.school, id="school-8", name=LocalizedText("№ 8 мектеп", None))
    other.teachers[0].last_name = "Басқа"
    with db.transaction(write=True) as store:
        store.insert_records(rich)
        store.insert_records(other)
    with db.transaction() as store:
        assert store.school_ids() == sorted([rich.school.id, "school-8"])
        assert store.load_records(rich.school.id) == rich
        assert store.load_records("school-8") == other
        assert store.get_teacher("school-8", other.teachers[0].id) == other.teachers[0]
    with db.transaction(write=True) as store:
        store.delete_school(rich.school.id)
    with db.transaction() as store:
        assert store.school_ids() == ["school-8"]
        assert store.get_school(rich.school.id) is None
        assert store.load_records("school-8") == other
        with pytest.raises(NotFoundError):
            store.load_records(rich.school.id)


def test_insert_of_a_present_school_is_refused(db: Database, rich: SchoolRecords) -> None:
    with db.transaction(write=True) as store:
        store.insert_records(rich)
    with pytest.raises(DuplicateError), db.transaction(write=True) as store:
        store.insert_records(rich)


def test_failed_transaction_rolls_back(db: Database, rich: SchoolRecords) -> None:
    with pytest.raises(RuntimeError), db.transaction(write=True) as store:
        store.insert_records(rich)
        raise RuntimeError("boom")
    with db.transaction() as store:
        assert store.school_ids() == []


def test_save_school_updates(db: Database, rich: SchoolRecords) -> None:
    with db.transaction(write=True) as store:
        store.save_school(rich.school)
        changed = dataclasses.replace(rich.school, short_name=None, director="t-01")
        store.save_school(changed)
    with db.transaction() as store:
        assert store.get_school(rich.school.id) == changed


def test_filters_and_next_id(db: Database, rich: SchoolRecords) -> None:
    school = rich.school.id
    with db.transaction(write=True) as store:
        store.insert_records(rich)
    with db.transaction() as store:
        assert store.meetings_of(school, "mo-math-26") == sorted(
            [m for m in rich.meetings if m.body == "mo-math-26"], key=lambda m: (m.date, m.number)
        )
        assert store.meetings_of(school, "council-26") == [m for m in rich.meetings if m.body == "council-26"]
        assert store.plans_of(school, academic_year="2026-2027") == rich.plans
        assert store.plans_of(school, teacher="t-05") == [p for p in rich.plans if p.teacher == "t-05"]
        assert store.plans_of(school, academic_year="2025-2026", teacher="t-05") == []
        assert store.associations_of(school, "2025-2026") == [
            a for a in rich.associations if a.academic_year == "2025-2026"
        ]
        assert store.associations_of(school) == rich.associations
        assert store.next_id(school, "teachers", "t") == "t-12"
        assert store.next_id(school, "meetings", "m") == "m-1"
        assert store.next_id("elsewhere", "teachers", "t") == "t-1"
