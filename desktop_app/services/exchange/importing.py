"""Import of a document record by record, so that memory stays flat for a school of any size.

The document's top level is read in file order (:mod:`streaming`). Everything but the plans is
small and kept; when the plans begin, the records they refer to are checked and written, and
then each plan in turn is checked against the schema and the rules (:class:`SchoolCheck`) and
written in batches. The rest is checked and written at the end. All of it happens in the caller's
transaction: a refusal anywhere raises, and the transaction is rolled back.

A document this reader cannot take record by record — not valid against the schema, not strict
JSON, plans before the records they refer to — raises :class:`Unusual`; the service then reads it
whole (:func:`reading.parse_document`), which names every problem exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.domain.entities import CalendarPlan, SchoolRecords
from desktop_app.domain.errors import N_, Rule
from desktop_app.domain.validation import COLLECTIONS, Finding, SchoolCheck
from desktop_app.services.exchange.problems import ExchangeError, Problem
from desktop_app.services.exchange.reading import RECORD_OF, needs_nfc, nfc, school_of
from desktop_app.services.exchange.schema import is_schema_valid, record_check
from desktop_app.services.exchange.streaming import ARRAY_START, Unusual, members
from desktop_app.storage.bulk import BulkWriter
from desktop_app.storage.collector import collector_paused
from desktop_app.storage.store import Store

#: What a plan refers to: read (and written) before the plans.
BEFORE_PLANS = ("school", "academic_years", "subjects", "teachers", "associations", "meetings")
#: What refers to plans or may come after them: read, checked and written at the end.
_LATER = tuple(name for name in COLLECTIONS[1:] if name not in (*BEFORE_PLANS, "plans"))


@dataclass
class Imported:
    school: str
    replaced: bool
    counts: dict[str, int] = field(default_factory=dict)
    #: The optional version-2 collections kept apart from SchoolRecords (``events``), as read.
    extra: dict[str, list[Any]] = field(default_factory=dict)


#: Optional top-level collections of version 2 that the service writes itself after the records.
EXTRA_COLLECTIONS = ("events", "attestations", "courses", "analyses")


def already_held(school: str) -> ExchangeError:
    return ExchangeError([Problem(
        path="school.id", record=school, rule=Rule.UNIQUE_ID,
        message=N_("The database already holds the school {id}; import with --replace to replace it"),
        params={"id": school},
    )])


def counts_of(records: SchoolRecords, plans: int, plan_rows: int) -> dict[str, int]:
    return {
        "academic_years": len(records.academic_years), "subjects": len(records.subjects),
        "teachers": len(records.teachers), "associations": len(records.associations),
        "meetings": len(records.meetings), "plans": plans, "plan_rows": plan_rows,
        "mentorships": len(records.mentorships), "lesson_visits": len(records.lesson_visits),
        "materials": len(records.materials),
        "olympiad_results": len(records.olympiad_results),
    }


class _Import:
    def __init__(self, store: Store, text: str, replace: bool, admit: Callable[[str], None]) -> None:
        self.store, self.text, self.replace, self.admit = store, text, replace, admit
        self.normalize = needs_nfc(text)
        self.head: dict[str, Any] = {}
        self.check: SchoolCheck | None = None
        self.writer: BulkWriter | None = None
        self.school = ""
        self.exists = False
        self.plan_ids: list[str] = []
        self.plan_rows = 0
        self.findings: list[Finding] = []

    def run(self) -> Imported:
        for member in members(self.text):
            if member.key == "plans":
                if member.value is ARRAY_START:
                    self._begin_plans()
                elif member.index is None:
                    raise Unusual("plans is not a list")
                else:
                    self._plan(member.index, member.value)
            elif member.key in BEFORE_PLANS and self.check is not None:
                raise Unusual(f"{member.key} after the plans")
            elif member.value is ARRAY_START:
                self.head[member.key] = []
            elif member.index is not None:
                self.head[member.key].append(member.value)
            else:
                self.head[member.key] = member.value
        if self.check is None:  # a document without plans
            self._begin_plans()
        return self._finish()

    def _records(self, keys: tuple[str, ...]) -> dict[str, list[Any]]:
        """The records of the kept collections ``keys``, each item checked against the schema."""
        found: dict[str, list[Any]] = {}
        for key in keys:
            items = self.head.get(key, [])
            check = record_check(key)
            if not isinstance(items, list) or check is None or not all(check(item) for item in items):
                raise Unusual(key)
            found[key] = [self._convert(RECORD_OF[key], item) for item in items]
        return found

    def _convert(self, convert: Callable[[Any], Any], value: Any) -> Any:
        try:
            return convert(nfc(value) if self.normalize else value)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # the schema rules these out
            raise Unusual(str(exc)[:200]) from None

    def _begin_plans(self) -> None:
        if self.check is not None or any(key not in self.head for key in BEFORE_PLANS if key != "meetings"):
            raise Unusual("plans before what they refer to")
        check_school = record_check("school")
        if check_school is None or not check_school(self.head["school"]):
            raise Unusual("school")
        school = self._convert(school_of, self.head["school"])
        records = SchoolRecords(school, **self._records(BEFORE_PLANS[1:]))
        self.check = SchoolCheck(records)
        self.school = school.id
        self.admit(school.id)
        self.exists = self.store.get_school(school.id) is not None
        if self.exists and not self.replace:
            return  # refused at the end, after the rules (as a whole read does)
        if self.exists:
            self.store.delete_school(school.id)
        self.writer = self.store.bulk_writer(school.id)
        self.writer.add_school(school)
        self.writer.complete(BEFORE_PLANS[0])
        for collection in BEFORE_PLANS[1:]:  # each complete once added: what refers to it is written in batches
            for seq, record in enumerate(getattr(records, collection), start=1):
                self.writer.add_record(collection, seq, record)
            self.writer.complete(collection)

    def _plan(self, index: int, value: Any) -> None:
        assert self.check is not None
        check = record_check("plans")
        if check is None or not check(value):
            raise Unusual("plans")
        plan: CalendarPlan = self._convert(RECORD_OF["plans"], value)
        self.findings += self.check.plan(index, plan)
        self.plan_ids.append(plan.id)
        self.plan_rows += len(plan.rows)
        if self.writer is not None and not self.findings:
            self.writer.add_record("plans", index + 1, plan)

    def _finish(self) -> Imported:
        skeleton = {**self.head, "plans": []}
        if not is_schema_valid(skeleton):
            raise Unusual("document")
        assert self.check is not None
        later: dict[str, Any] = self._records(_LATER)
        records = replace(self.check.records, **later)
        findings = SchoolCheck(records).finish(self.plan_ids, self.findings)
        if findings:
            raise ExchangeError([Problem.from_finding(f) for f in findings])
        if self.exists and not self.replace:
            raise already_held(self.school)
        assert self.writer is not None
        self.writer.complete("plans")
        for collection in _LATER:
            for seq, record in enumerate(later[collection], start=1):
                self.writer.add_record(collection, seq, record)
        self.writer.complete(*_LATER)
        self.writer.flush(everything=True)
        extra = {key: list(self.head.get(key) or []) for key in EXTRA_COLLECTIONS}
        return Imported(self.school, self.exists, counts_of(records, len(self.plan_ids), self.plan_rows), extra)


def import_text(store: Store, text: str, replace: bool, admit: Callable[[str], None]) -> Imported:
    """Check and write the document ``text`` in ``store``'s transaction; ``admit`` refuses a
    school the actor may not import. :class:`ExchangeError` for a refused document,
    :class:`Unusual` for one to read whole."""
    with collector_paused():  # millions of JSON values and rows, no cycle among them
        return _Import(store, text, replace, admit).run()
