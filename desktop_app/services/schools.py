"""Schools and their academic years (terms, holidays, moved days; presets of the ministry's orders)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from desktop_app.config.paths import resources_dir
from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.entities import AcademicYear, Holiday, LocalizedText, PlanStatus, School, Term
from desktop_app.domain.errors import N_, DomainError, Msg, Rule
from desktop_app.services.base import Service, found

PRESETS_FILE = "academic-years.json"


@dataclass(frozen=True)
class YearPreset:
    """A calendar preset; ``official`` False means a draft to be checked against the order."""

    year: AcademicYear
    official: bool
    status: str
    source: str


def load_presets() -> list[YearPreset]:
    """The presets shipped in resources/ (a copy of the ministry's calendars)."""
    data = json.loads((resources_dir() / PRESETS_FILE).read_text(encoding="utf-8"))
    presets = []
    for raw in data["years"]:
        def holidays(key: str, raw: dict[str, object] = raw) -> list[Holiday]:
            items = raw.get(key) or []
            assert isinstance(items, list)
            return [
                Holiday(date.fromisoformat(h["start"]), date.fromisoformat(h["end"]),
                        LocalizedText(**h["name"]) if h.get("name") else None)
                for h in items
            ]

        year = AcademicYear(
            id=raw["id"], start=date.fromisoformat(raw["start"]), end=date.fromisoformat(raw["end"]),
            terms=[Term(t["number"], date.fromisoformat(t["start"]), date.fromisoformat(t["end"]))
                   for t in raw["terms"]],
            holidays=holidays("holidays"),
            extra_school_days=[date.fromisoformat(d) for d in raw.get("extra_school_days") or []],
            study_weeks=raw.get("study_weeks"),
            grade1_holidays=holidays("grade_1_extra_holidays"),
        )
        presets.append(YearPreset(year, raw.get("status") == "official", raw.get("status", ""),
                                  raw.get("source", "")))
    return presets


def year_errors(year: AcademicYear) -> list[DomainError]:
    """Terms and holidays lie inside the year and run forward."""
    errors = []

    def refuse(message: str, field: str, **params: object) -> None:
        errors.append(DomainError(Rule.VALUE, message, {"id": year.id, **params},
                                  record=year.id, field=field))

    if year.end < year.start:
        refuse(N_("The academic year {id} ends before it starts"), "end")
    numbers = [t.number for t in year.terms]
    if len(set(numbers)) != len(numbers):
        refuse(N_("Term numbers repeat in {id}"), "terms")
    for term in year.terms:
        if term.end < term.start:
            refuse(N_("Term {term} ends before it starts"), "terms", term=term.number)
        if term.start < year.start or term.end > year.end:
            refuse(N_("Term {term} lies outside the academic year"), "terms", term=term.number)
    for holiday in year.holidays + year.grade1_holidays:
        if holiday.end < holiday.start:
            refuse(N_("A holiday from {date} ends before it starts"), "holidays",
                   date=holiday.start)
    return errors


class SchoolService(Service):
    def list_schools(self, actor: Actor) -> list[School]:
        with self._db.transaction() as store:
            schools = [store.get_school(s) for s in store.school_ids()]
        return [s for s in schools if s is not None and actor.school in (None, s.id)]

    def get_school(self, actor: Actor, school: str) -> School:
        with self._read(actor, school) as store:
            return found(store.get_school(school), "school", school)

    def create_school(self, actor: Actor, school: School) -> School:
        actor.require(Action.MANAGE_SCHOOL)
        if actor.school is not None:
            actor.require_school(school.id)
        with self._write(actor, None) as store:
            if store.get_school(school.id) is not None:
                raise DomainError(Rule.UNIQUE_ID, N_("The school {id} exists already"),
                                  {"id": school.id}, record=school.id, field="id")
            if not (school.name.kk or school.name.ru):
                raise DomainError(Rule.VALUE, N_("The school needs a name"), record=school.id,
                                  field="name")
            store.save_school(school)
            self._audit(store, actor, "school.create", school.id, "school", school.id,
                        school.name.get("ru"))
        return school

    def update_school(self, actor: Actor, school: School) -> School:
        actor.require(Action.MANAGE_SCHOOL)
        with self._write(actor, school.id) as store:
            for field, teacher in (("director", school.director),
                                   ("deputy_director", school.deputy_director)):
                if teacher is not None and store.get_teacher(school.id, teacher) is None:
                    raise DomainError(Rule.REFERENCE, N_("Not found: {kind} {id}"),
                                      {"kind": Msg("teacher"), "id": teacher}, record=school.id, field=field)
            store.save_school(school)
            self._audit(store, actor, "school.update", school.id, "school", school.id, "")
        return school

    def set_deputy_agreement(self, actor: Actor, school: str, on: bool) -> School:
        """The deputy director's agreement of KTPs (school practice, not the Rules): on, plans go
        recommended → agreed → approved; off, the director approves a recommended plan directly.
        Turned back on, it is refused while an approved plan lacks the agreement (the records
        would no longer match the school's own path, rule 10)."""
        actor.require(Action.MANAGE_SCHOOL)
        with self._write(actor, school) as store:
            record = found(store.get_school(school), "school", school)
            if on and not record.deputy_agreement:
                for plan in store.list_plans(school):
                    if plan.status is PlanStatus.APPROVED and plan.agreed is None:
                        raise DomainError(
                            Rule.AGREEMENT,
                            N_("The plan {id} was approved without the deputy director's agreement; "
                               "the step cannot be required again while such plans stand"),
                            {"id": plan.id}, record=plan.id, field="deputy_agreement")
            record.deputy_agreement = on
            store.save_school(record)
            self._audit(store, actor, "school.deputy_agreement", school, "school", school, str(on))
        return record

    # Academic years ---------------------------------------------------------------------------
    def last_change(self, actor: Actor, school: str) -> int:
        """A number that grows whenever anyone saves anything (every save is in the audit trail):
        the window of another PC polls it to know when to reload (issue 17, point 2)."""
        with self._read(actor, school) as store:
            return store.last_audit_id()

    def list_years(self, actor: Actor, school: str) -> list[AcademicYear]:
        with self._read(actor, school) as store:
            return sorted(store.list_academic_years(school), key=lambda y: y.start)

    def get_year(self, actor: Actor, school: str, year: str) -> AcademicYear:
        with self._read(actor, school) as store:
            return found(store.get_academic_year(school, year), "academic year", year)

    def save_year(self, actor: Actor, school: str, year: AcademicYear) -> AcademicYear:
        actor.require(Action.MANAGE_SCHOOL)
        errors = year_errors(year)
        if errors:
            raise errors[0]
        with self._write(actor, school) as store:
            store.save_academic_year(school, year)
            self._audit(store, actor, "year.save", school, "academic_year", year.id,
                        f"{year.start}..{year.end}")
        return year

    def create_year_from_preset(self, actor: Actor, school: str, preset_id: str) -> AcademicYear:
        preset = next((p for p in load_presets() if p.year.id == preset_id), None)
        if preset is None:
            raise DomainError(Rule.REFERENCE, N_("There is no calendar preset {id}"),
                              {"id": preset_id}, record=preset_id)
        with self._read(actor, school) as store:
            if store.get_academic_year(school, preset_id) is not None:
                raise DomainError(Rule.UNIQUE_ID, N_("The academic year {id} exists already"),
                                  {"id": preset_id}, record=preset_id)
        return self.save_year(actor, school, replace(preset.year))
