"""The `check` command: database integrity, rule findings, calendar findings, the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.accounts import Action, Actor
from desktop_app.domain.validation import Finding, calendar_warnings, validate_records
from desktop_app.services.base import Service, chain_hash


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
    def check(self, actor: Actor, school: str | None = None) -> CheckReport:
        actor.require(Action.READ_ALL)
        report = CheckReport(integrity=self._db.integrity_problems())
        with self._db.transaction() as store:
            schools = [school] if school else store.school_ids()
            for school_id in schools:
                actor.require_school(school_id)
                records = store.load_records(school_id)
                report.schools.append(SchoolReport(school_id, validate_records(records),
                                                   calendar_warnings(records)))
            previous = ""
            for event in store.audit_events():
                if event.previous_hash != previous or chain_hash(previous, event) != event.hash:
                    report.audit_breaks.append(f"{event.at.isoformat()} {event.action} {event.record_id}")
                previous = event.hash
        return report
