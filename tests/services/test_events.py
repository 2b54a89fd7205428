"""Events of collective methodical work (п. 20): the register's numbering, who may organise,
holding, certificates, the agenda reference; refusals name the record, the field and п. 20."""

from __future__ import annotations

import pytest

from desktop_app.domain.accounts import COMMAND_LINE as CLI
from desktop_app.domain.entities import LocalizedText
from desktop_app.domain.errors import DomainError, PermissionDenied, Rule
from desktop_app.domain.event_records import (
    AgendaReference,
    Attachment,
    Event,
    EventForm,
    EventStatus,
    Guest,
    ProgrammeItem,
)
from tests.services.conftest import SCHOOL, Env, d

YEAR = "2026-2027"


def seminar(**changes: object) -> Event:
    values: dict[str, object] = dict(
        id="", academic_year=YEAR, number=0, form=EventForm.SEMINAR,
        topic=LocalizedText("Функционалдық сауаттылық", "Функциональная грамотность"),
        start=d("2026-11-18"), place="каб. 21", organiser="mo-math-26", responsible=["t-01"],
        participants=["t-02", "t-06"], guests=[Guest("Серікова Д. Н.", "№ 12 мектеп-гимназия")],
        programme=[ProgrammeItem("14:00", "Кіріспе", "Әбенова Г. С.")])
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def test_events_are_numbered_per_year_without_taking_protocol_numbers(env: Env) -> None:
    first = env.s.events.save(env.actor("admin"), SCHOOL, seminar())
    second = env.s.events.save(env.actor("admin"), SCHOOL, seminar(form=EventForm.METHODICAL_LANDING,
                                                                    organiser=None))
    assert (first.number, second.number) == (1, 2)
    assert first.id != second.id
    meetings = [m.number for m in env.s.meetings.list(CLI, SCHOOL, "mo-math-26")]
    assert meetings == [1, 2]  # the association's protocol numbers are untouched
    again = env.s.events.get(CLI, SCHOOL, first.id)
    assert again == first
    assert [e.number for e in env.s.events.list(CLI, SCHOOL, YEAR)] == [1, 2]
    assert [e.id for e in env.s.events.list(CLI, SCHOOL, YEAR, organiser="")] == [second.id]
    assert [e.id for e in env.s.events.list(CLI, SCHOOL, YEAR, form=EventForm.SEMINAR)] == [first.id]


def test_the_number_stays_when_an_event_is_edited(env: Env) -> None:
    first = env.s.events.save(CLI, SCHOOL, seminar())
    env.s.events.save(CLI, SCHOOL, seminar())
    edited = env.s.events.save(CLI, SCHOOL, seminar(id=first.id, number=7, place="акт залы"))
    assert (edited.number, env.s.events.get(CLI, SCHOOL, first.id).place) == (1, "акт залы")


def test_a_date_outside_the_academic_year_is_refused_naming_the_field(env: Env) -> None:
    with pytest.raises(DomainError) as caught:
        env.s.events.save(CLI, SCHOOL, seminar(start=d("2027-08-02")))
    assert (caught.value.rule, caught.value.field) == (Rule.EVENT, "start")
    assert caught.value.rule.paragraph == "п. 20"
    assert env.s.events.list(CLI, SCHOOL, YEAR) == []


def test_council_members_and_the_administrator_organise_a_teacher_does_not(env: Env) -> None:
    env.s.events.save(env.actor("head2"), SCHOOL, seminar(organiser="council-26"))  # t-08 is on the council
    with pytest.raises(PermissionDenied) as caught:
        env.s.events.save(env.actor("teacher"), SCHOOL, seminar())
    assert caught.value.rule is Rule.PERMISSION
    with pytest.raises(PermissionDenied):
        env.s.events.save(env.actor("viewer"), SCHOOL, seminar())
    assert len(env.s.events.list(env.actor("teacher"), SCHOOL, YEAR)) == 1


def test_holding_needs_a_participant_and_certificates_need_a_held_event(env: Env) -> None:
    empty = env.s.events.save(CLI, SCHOOL, seminar(participants=[], guests=[]))
    with pytest.raises(DomainError) as caught:
        env.s.events.hold(CLI, SCHOOL, empty.id)
    assert (caught.value.record, caught.value.field) == (empty.id, "participants")
    event = env.s.events.save(CLI, SCHOOL, seminar())
    with pytest.raises(DomainError) as not_held:
        env.s.events.certificates(CLI, SCHOOL, event.id)
    assert not_held.value.field == "status"
    env.s.events.hold(CLI, SCHOOL, event.id, "Тәжірибе жинақталсын")
    held, holders = env.s.events.certificates(CLI, SCHOOL, event.id)
    assert [h.number for h in holders] == ["2-1", "2-2", "2-3"]
    assert holders[-1].school == "№ 12 мектеп-гимназия"
    assert held.certificates_issued == env.clock.now.date()
    assert held.outcome == "Тәжірибе жинақталсын"
    with pytest.raises(DomainError) as outsider:
        env.s.events.certificates(CLI, SCHOOL, event.id, ("t-05",))
    assert outsider.value.field == "participants"


def test_only_the_last_event_is_deleted_a_held_one_is_never(env: Env) -> None:
    first = env.s.events.save(CLI, SCHOOL, seminar())
    second = env.s.events.save(CLI, SCHOOL, seminar())
    with pytest.raises(DomainError) as caught:
        env.s.events.delete(CLI, SCHOOL, first.id)
    assert caught.value.field == "number"
    env.s.events.cancel(CLI, SCHOOL, first.id)
    with pytest.raises(DomainError):
        env.s.events.hold(CLI, SCHOOL, first.id)
    env.s.events.delete(CLI, SCHOOL, second.id)
    assert [e.number for e in env.s.events.list(CLI, SCHOOL, YEAR)] == [1]
    assert env.s.events.save(CLI, SCHOOL, seminar()).number == 2


def test_an_agenda_item_lists_an_event_and_a_missing_item_is_refused(env: Env) -> None:
    event = env.s.events.save(CLI, SCHOOL, seminar(agenda=[AgendaReference("m-math-26-2", 1)]))
    assert [e.id for e in env.s.events.for_meeting(CLI, SCHOOL, "m-math-26-2")] == [event.id]
    with pytest.raises(DomainError) as caught:
        env.s.events.save(CLI, SCHOOL, seminar(agenda=[AgendaReference("m-math-26-2", 9)]))
    assert caught.value.field == "agenda"


def test_an_attachment_and_a_status_read_back(env: Env) -> None:
    data = bytes(range(256)) * 4
    event = env.s.events.save(CLI, SCHOOL, seminar(attachment=Attachment("слайдтар.pdf", data),
                                                   materials="Презентация"))
    again = env.s.events.get(CLI, SCHOOL, event.id)
    assert again.attachment == Attachment("слайдтар.pdf", data)
    assert again.status is EventStatus.PLANNED
    digest = env.sql("SELECT attachment_sha256 FROM events WHERE id = :id", id=event.id)[0][0]
    assert len(digest) == 64
