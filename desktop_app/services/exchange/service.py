"""Import and export of exchange documents (exchange-v1.md): validated whole, written all at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.errors import N_, Rule
from desktop_app.services.base import Service, found
from desktop_app.services.exchange import ExchangeError, Problem, dump_document, parse_document


@dataclass
class ImportSummary:
    school: str
    replaced: bool
    counts: dict[str, int] = field(default_factory=dict)


class ExchangeService(Service):
    def import_document(self, actor: Actor, data: bytes | str, replace: bool = False) -> ImportSummary:
        """Everything is checked before anything is written; a refusal leaves the database as it was."""
        actor.require(Action.IMPORT)
        records = parse_document(data)
        school = records.school.id
        actor.require_school(school)
        with self._db.transaction(write=True) as store:
            exists = store.get_school(school) is not None
            if exists and not replace:
                raise ExchangeError([Problem(
                    path="school.id", record=school, rule=Rule.UNIQUE_ID,
                    message=N_("The database already holds the school {id}; import with --replace "
                               "to replace it"), params={"id": school},
                )])
            if exists:
                store.delete_school(school)
            store.insert_records(records)
            counts = {
                "academic_years": len(records.academic_years), "subjects": len(records.subjects),
                "teachers": len(records.teachers), "associations": len(records.associations),
                "meetings": len(records.meetings), "plans": len(records.plans),
                "plan_rows": sum(len(p.rows) for p in records.plans),
                "mentorships": len(records.mentorships), "lesson_visits": len(records.lesson_visits),
            }
            self._audit(store, actor, "school.replace" if exists else "school.import", school, "school",
                        school, ", ".join(f"{k}={v}" for k, v in counts.items()))
        return ImportSummary(school, exists, counts)

    def export_document(self, actor: Actor, school: str) -> dict[str, Any]:
        actor.require(Action.EXPORT)
        actor.require_school(school)
        with self._db.transaction() as store:
            found(store.get_school(school), "school", school)
            records = store.load_records(school)
        return dump_document(records, exported_at=self._clock())
