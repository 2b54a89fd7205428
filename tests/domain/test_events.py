"""Rules of events (п. 20): numbering without gaps, dates in the year, holding, certificates, organisers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.entities import AcademicYear, Association, AssociationKind, LocalizedText, Membership
from desktop_app.domain.errors import DomainError, Rule
from desktop_app.domain.event_records import FORMS_OF_PARAGRAPH_20, Event, EventForm, EventStatus, Guest
from desktop_app.domain.events import (
    certificate_holders,
    ensure_deletable,
    ensure_holdable,
    event_errors,
    next_number,
    numbering_errors,
    organisers,
)
from desktop_app.domain.labels import EVENT_FORM_LABELS as FORM_LABELS

YEAR = AcademicYear("2026-2027", date(2026, 9, 1), date(2027, 5, 25))


def event(number: int = 1, **changes: object) -> Event:
    values: dict[str, object] = dict(id=f"e-{number}", academic_year=YEAR.id, number=number,
                                     form=EventForm.SEMINAR, topic=LocalizedText("Тақырып", None),
                                     start=date(2026, 11, 18), participants=["t-1"])
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def test_the_forms_of_paragraph_20_are_all_there_in_its_order() -> None:
    assert [f.value for f in FORMS_OF_PARAGRAPH_20] == [
        "best_practice_school", "master_class", "experimental_site", "case", "creative_laboratory",
        "instructional_meeting", "seminar", "conference", "creative_session", "methodical_landing",
        "methodical_consilium", "methodical_internship"]
    assert set(FORM_LABELS) == set(EventForm)


@given(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=12, unique=True))
def test_numbers_are_accepted_exactly_when_they_run_one_to_n(numbers: list[int]) -> None:
    events = [event(n) for n in numbers]
    errors = numbering_errors(events)
    assert (errors == []) == (sorted(numbers) == list(range(1, len(numbers) + 1)))
    assert next_number(events) == max(numbers) + 1
    assert all(e.rule is Rule.EVENT and e.field == "number" for e in errors)


def test_a_repeated_number_is_named() -> None:
    errors = numbering_errors([event(1), event(1, id="e-9")])
    assert errors and "repeated" in errors[0].message


@pytest.mark.parametrize(("changes", "field"), [
    ({"start": date(2026, 7, 31)}, "start"),
    ({"end": date(2027, 8, 1)}, "end"),
    ({"end": date(2026, 11, 1)}, "end"),
    ({"topic": LocalizedText(" ", None)}, "topic"),
    ({"guests": [Guest("Серікова", "")]}, "guests"),
    ({"participants": ["t-1", "t-1"]}, "participants"),
    ({"status": EventStatus.HELD, "participants": []}, "participants"),
])
def test_a_broken_event_names_its_field_and_paragraph_20(changes: dict[str, object], field: str) -> None:
    errors = event_errors(event(**changes), YEAR)
    assert [e.field for e in errors] == [field]
    assert errors[0].rule.paragraph == "п. 20"


def test_the_whole_window_of_the_year_is_allowed() -> None:
    assert event_errors(event(start=date(2026, 8, 1), end=date(2027, 7, 31)), YEAR) == []


def test_holding_needs_a_participant_a_guest_is_one() -> None:
    ensure_holdable(event(participants=[], guests=[Guest("Серікова", "№ 12 мектеп")]))
    with pytest.raises(DomainError):
        ensure_holdable(event(participants=[]))
    with pytest.raises(DomainError):
        ensure_holdable(event(status=EventStatus.CANCELLED))


def test_certificates_only_for_participants_of_a_held_event() -> None:
    held = event(3, status=EventStatus.HELD, participants=["t-1", "t-2"], guests=[Guest("Серікова", "№ 12")])
    holders = certificate_holders(held, {"t-1": "Әбенова Гүлнар"})
    assert [(h.number, h.name, h.school) for h in holders] == [
        ("3-1", "Әбенова Гүлнар", None), ("3-2", "t-2", None), ("3-3", "Серікова", "№ 12")]
    assert [h.number for h in certificate_holders(held, {}, ["Серікова"])] == ["3-3"]
    with pytest.raises(DomainError):
        certificate_holders(held, {}, ["t-9"])
    with pytest.raises(DomainError):
        certificate_holders(event(), {})


def test_only_the_last_planned_event_is_deleted() -> None:
    year = [event(1), event(2)]
    ensure_deletable(year[1], year)
    with pytest.raises(DomainError):
        ensure_deletable(year[0], year)
    with pytest.raises(DomainError):
        ensure_deletable(event(2, status=EventStatus.HELD), year)


def test_council_members_and_the_organising_head_may_organise() -> None:
    council = Association("c", AssociationKind.COUNCIL, LocalizedText("Кеңес"), YEAR.id, "t-1",
                          members=[Membership("t-1"), Membership("t-2")])
    body = Association("mo", AssociationKind.SUBJECT, LocalizedText("ӘБ"), YEAR.id, "t-5",
                       members=[Membership("t-5"), Membership("t-6")])
    other = Association("mo2", AssociationKind.SUBJECT, LocalizedText("ӘБ 2"), YEAR.id, "t-8")
    assert organisers(event(organiser="mo"), [council, body, other]) == {"t-1", "t-2", "t-5"}
    assert organisers(event(organiser=None), [council, body, other]) == {"t-1", "t-2"}
