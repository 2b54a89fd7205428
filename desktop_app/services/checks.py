"""The `check` command: database integrity, rule findings, calendar findings, the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.validation import CalendarWarnings, Finding, SchoolCheck
from desktop_app.services.base import Service, chain_hash
from desktop_app.storage.collector import collector_paused
from desktop_app.storage.store import Store


@dataclass
class SchoolReport:
    school: str
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


@dataclass
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    audit_breaks: list[str] = field(default_factory=list)
    schools: list[SchoolReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.audit_breaks and not any(s.errors for s in self.schools)


class CheckService(Service):
    def check(self, actor: Actor, school: str | None = None, file_checked: bool = False) -> CheckReport:
        """``file_checked``: the SQLite file's integrity was just checked (the command line does
        that before it opens the file); only the search index is checked again."""
        actor.require(Action.READ_ALL)
        report = CheckReport(integrity=self._db.integrity_problems(file_checked))
        with self._db.transaction() as store:
            schools = [school] if school else store.school_ids()
            for school_id in schools:
                actor.require_school(school_id)
                report.schools.append(self._school(store, school_id))
            previous = ""
            for event in store.audit_events():
                if event.previous_hash != previous or chain_hash(previous, event) != event.hash:
                    report.audit_breaks.append(f"{event.at.isoformat()} {event.action} {event.record_id}")
                previous = event.hash
        return report

    @staticmethod
    def _school(store: Store, school_id: str) -> SchoolReport:
        """The findings of one school, its plans read a few hundred at a time (memory stays flat
        for a school of any size)."""
        records = store.load_records(school_id, plans=False)
        check = SchoolCheck(records)
        warnings = CalendarWarnings(records.academic_years, check.calendars)
        report = SchoolReport(school_id)
        errors: list[Finding] = []
        plan_ids: list[str] = []
        with collector_paused():  # every plan's rows read and checked: no cycle among them
            for batch in store.plan_batches(school_id):
                for plan in batch:
                    errors += check.plan(len(plan_ids), plan)
                    report.warnings += warnings.plan(len(plan_ids), plan)
                    plan_ids.append(plan.id)
        report.errors = check.finish(plan_ids, errors)
        return report
