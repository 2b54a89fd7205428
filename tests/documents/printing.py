"""Every document kind of a school, built with the same checks the service computes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from desktop_app.documents.common import DocumentContext
from desktop_app.documents.events import build_certificates, build_event_register
from desktop_app.documents.extract import build_extract
from desktop_app.documents.ktp import build_plan
from desktop_app.documents.materials import build_register as build_material_register
from desktop_app.documents.materials import build_title_page
from desktop_app.documents.mentorship import build_mentorship
from desktop_app.documents.observation import build_observation
from desktop_app.documents.olympiads import build_olympiad_register
from desktop_app.documents.protocol import build_protocol
from desktop_app.documents.register import build_register
from desktop_app.documents.schedule import build_schedule
from desktop_app.documents.verification import verification
from desktop_app.documents.workplan import build_work_plan
from desktop_app.domain.entities import SchoolRecords
from desktop_app.domain.event_records import Event, EventStatus
from desktop_app.domain.events import certificate_holders
from desktop_app.services import material_prints
from desktop_app.services.documents import (
    extract_check,
    meeting_check,
    olympiad_check,
    register_check,
    schedule_check,
)
from desktop_app.services.exchange import dump_plan


def documents(records: SchoolRecords, language: str,
              only: Callable[[str], bool] = lambda _: True) -> Iterator[tuple[str, bytes]]:
    """(name, PDF) of every meeting, extract, plan, body, mentorship, visit and term schedule."""
    ctx = DocumentContext.from_records(records)
    for meeting in records.meetings:
        if only(meeting.id):
            yield f"protocol-{meeting.id}", build_protocol(meeting, ctx, language, meeting_check(meeting))
            item = meeting.agenda[-1].number
            yield (f"extract-{meeting.id}",
                   build_extract(meeting, item, ctx, language, extract_check(meeting, item), date(2026, 11, 27)))
    for plan in records.plans:
        if only(plan.id):
            check = verification("ktp", plan.id, plan.version, dump_plan(plan))
            yield f"ktp-{plan.id}", build_plan(plan, ctx, language, check)
    for body in records.associations:
        if only(body.id):
            yield f"workplan-{body.id}", build_work_plan(body, ctx, language, verification("workplan", body.id, 1, {}))
            meetings = sorted((m for m in records.meetings if m.body == body.id), key=lambda m: m.number)
            yield f"register-{body.id}", build_register(body, meetings, ctx, language, register_check(records, body))
    for mentorship in records.mentorships:
        if only(mentorship.id):
            check = verification("mentorship", mentorship.id, 1, {})
            yield f"mentorship-{mentorship.id}", build_mentorship(mentorship, ctx, language, check)
    for visit in records.lesson_visits:
        if only(visit.id):
            check = verification("observation", visit.id, 1, {})
            yield f"observation-{visit.id}", build_observation(visit, ctx, language, check)
    for year in records.academic_years:
        for term in year.terms:
            visits = [v for v in records.lesson_visits if term.start <= v.date <= term.end]
            if visits and only(f"{year.id}#{term.number}"):
                check = schedule_check(records, year, term.number, visits)
                yield (f"schedule-{year.id}-{term.number}",
                       build_schedule(year, term.number, visits, ctx, language, check))


def new_documents(records: SchoolRecords, events: list[Event], language: str,
                  only: Callable[[str], bool] = lambda _: True) -> Iterator[tuple[str, bytes]]:
    """(name, PDF) of the papers of issue 18: each material's title page and the year's register of
    materials, the year's register of events and each held event's certificates, the register of
    olympiads, the work plan with its column of what was done."""
    ctx = DocumentContext.from_records(records)
    ctx.events = {e.id: e for e in events}
    names = {t.id: t.full_name for t in records.teachers}
    for material in records.materials:
        if only(material.id):
            check = material_prints.material_check(records, material)
            yield f"material-{material.id}", build_title_page(material, ctx, language, check)
    for year in records.academic_years:
        if not only(year.id):
            continue
        materials = [m for m in records.materials if m.academic_year == year.id]
        if materials:
            check = material_prints.register_check(records, year.id)
            yield f"materials-{year.id}", build_material_register(materials, year.id, ctx, language, check)
        held = [e for e in events if e.academic_year == year.id]
        if held:
            check = verification("event_register", year.id, 1, {})
            yield f"events-{year.id}", build_event_register(year.id, held, ctx, language, check)
        results = [r for r in records.olympiad_results if r.academic_year == year.id]
        if results:
            check = olympiad_check(records, year.id, results)
            yield f"olympiads-{year.id}", build_olympiad_register(results, year.id, ctx, language, check)
    for event in events:
        if event.status is EventStatus.HELD and only(event.id):
            check = verification("certificate", event.id, 1, {})
            holders = certificate_holders(event, names)
            yield f"certificates-{event.id}", build_certificates(event, holders, ctx, language, check)
    for body in records.associations:
        if body.work_plan and body.work_plan.items and only(body.id):
            check = verification("workplan", body.id, 1, {})
            yield f"workplan-done-{body.id}", build_work_plan(body, ctx, language, check, done=True)
