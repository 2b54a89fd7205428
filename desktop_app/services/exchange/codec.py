"""Reading and writing exchange documents (spec/exchange-v1.md).

``parse_document`` is all or nothing: the bytes are decoded, checked against the JSON Schema,
turned into the dataclasses of :mod:`desktop_app.domain.entities` and checked against every rule
(:func:`desktop_app.domain.validation.validate_records`). Any problem raises :class:`ExchangeError`
with every problem found, each naming its JSON path, the id of its record and its rule.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from desktop_app.domain.entities import (
    AcademicYear,
    AgendaItem,
    Approval,
    Association,
    AssociationKind,
    Attendance,
    CalendarPlan,
    Category,
    Holiday,
    Language,
    LessonVisit,
    LocalizedText,
    Meeting,
    MeetingForm,
    MeetingStatus,
    Membership,
    MentorOrder,
    Mentorship,
    MentorshipActivity,
    MentorshipSession,
    MentorshipStatus,
    Observation,
    Person,
    PlanRow,
    PlanStatus,
    Review,
    ReviewOutcome,
    School,
    SchoolRecords,
    SessionKind,
    Speaker,
    Speech,
    Subject,
    Teacher,
    Term,
    VisitKind,
    Vote,
    WorkPlan,
    WorkPlanForm,
    WorkPlanItem,
)
from desktop_app.domain.errors import N_, DomainError, Rule
from desktop_app.domain.numbering import strip_leading_number
from desktop_app.domain.validation import COLLECTIONS, Finding, validate_records
from desktop_app.services.exchange.fastcheck import Check, Unsupported, compile_schema

if TYPE_CHECKING:  # jsonschema is loaded when a document is validated, not to print one record
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError

FORMAT = "metodsovet-exchange"
VERSION = 1
#: Documents larger than this are refused before they are parsed.
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024

Translate = Callable[[str], str]
JSON = dict[str, Any]

# ---------------------------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------------------------

_PLAIN_LABELS = {
    Rule.REFERENCE: N_("reference"),
    Rule.UNIQUE_ID: N_("unique id"),
    Rule.VALUE: N_("value"),
    Rule.PERMISSION: N_("permission"),
    Rule.SCHEMA: N_("schema"),
}


def rule_label(rule: Rule, translate: Translate | None = None) -> str:
    """The rule as a message names it: its paragraph (``п. 23``), else ``rule 3``, else its kind."""
    tr: Translate = translate or (lambda text: text)
    if rule.paragraph:
        return rule.paragraph
    if rule.number:
        return tr(N_("rule {number}")).format(number=rule.number)
    return tr(_PLAIN_LABELS.get(rule, rule.name.lower()))


@dataclass(frozen=True)
class Problem:
    """One reason why a document is refused."""

    #: JSON path: ``associations[4].members[2].teacher``; ``$`` for the whole document.
    path: str
    #: Id of the enclosing top-level record (or of the school), when known.
    record: str | None
    rule: Rule
    #: Untranslated msgid with ``{name}`` placeholders.
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def render_message(self, translate: Translate | None = None) -> str:
        return DomainError(self.rule, self.message, dict(self.params)).render(translate)

    def render(self, translate: Translate | None = None) -> str:
        """One line in the style of spec/cli.md: ``path (id): п. 23 — message``."""
        where = self.path if self.record is None else f"{self.path} ({self.record})"
        return f"{where}: {rule_label(self.rule, translate)} — {self.render_message(translate)}"

    def __str__(self) -> str:
        return self.render()

    @classmethod
    def from_finding(cls, finding: Finding) -> Problem:
        error = finding.error
        return cls(finding.full_path, finding.record, error.rule, error.message, dict(error.params))


class ExchangeError(Exception):
    """A document that is refused, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self, translate: Translate | None = None) -> str:
        return "\n".join(p.render(translate) for p in self.problems)

    def lines(self, translate: Translate | None = None) -> list[str]:
        return [p.render(translate) for p in self.problems]


def _root_problem(message: str, **params: Any) -> ExchangeError:
    return ExchangeError([Problem("$", None, Rule.SCHEMA, message, params)])


# ---------------------------------------------------------------------------------------------
# Paths
# ---------------------------------------------------------------------------------------------

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts: Iterable[str | int]) -> str:
    """``["associations", 4, "members"]`` → ``associations[4].members``; ``[]`` → ``$``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            text += f".{part}" if text else part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text or "$"


def _record_of(document: Any, parts: Sequence[str | int]) -> str | None:
    """The id of the top-level record (or the school) that ``parts`` points into."""
    if not isinstance(document, dict) or not parts:
        return None
    head = document.get(parts[0]) if isinstance(parts[0], str) else None
    record: Any = None
    if parts[0] == "school":
        record = head
    elif parts[0] in COLLECTIONS and len(parts) >= 2 and isinstance(parts[1], int) and isinstance(head, list):
        record = head[parts[1]] if 0 <= parts[1] < len(head) else None
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        return cast(str, record["id"])
    return None


_TOP_ORDER = {name: i for i, name in enumerate(("format", "version", "exported_at", *COLLECTIONS))}


def _document_order(parts: Sequence[str | int]) -> tuple[int, int]:
    if not parts:
        return (-1, -1)
    top = _TOP_ORDER.get(str(parts[0]), len(_TOP_ORDER))
    index = parts[1] if len(parts) >= 2 and isinstance(parts[1], int) else -1
    return (top, index)


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


class _Constant(ValueError):
    pass


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def load_json(data: bytes | str) -> Any:
    """The JSON value of ``data``: UTF-8 (a BOM is tolerated), no duplicate keys, no NaN."""
    if isinstance(data, str):
        if len(data) > MAX_DOCUMENT_BYTES or len(data.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES:
            raise _root_problem(N_("The document is larger than {limit} MB"), limit=MAX_DOCUMENT_BYTES >> 20)
        text = data.removeprefix("\ufeff")
    else:
        if len(data) > MAX_DOCUMENT_BYTES:
            raise _root_problem(N_("The document is larger than {limit} MB"), limit=MAX_DOCUMENT_BYTES >> 20)
        raw = bytes(data).removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, column = _line_column(raw, exc.start)
            raise _root_problem(
                N_("The document is not UTF-8 text: line {line}, column {column}"), line=line, column=column
            ) from None

    duplicates: list[tuple[dict[str, Any], list[str]]] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        repeated: list[str] = []
        for key, value in pairs:
            if key in obj and key not in repeated:
                repeated.append(key)
            obj[key] = value
        if repeated:
            duplicates.append((obj, repeated))
        return obj

    def reject_constant(name: str) -> Any:
        raise _Constant(name)

    try:
        document = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        raise _root_problem(
            N_("The document is not valid JSON: {detail} at line {line}, column {column}"),
            detail=exc.msg, line=exc.lineno, column=exc.colno,
        ) from None
    except _Constant as exc:
        raise _root_problem(
            N_("The document is not valid JSON: {detail}"), detail=f"{exc} is not a number"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise _root_problem(N_("The document is not valid JSON: {detail}"), detail=str(exc)[:200]) from None

    if duplicates:
        where = {id(obj): keys for obj, keys in duplicates}
        problems: list[Problem] = []
        for parts, value in _walk(document, []):
            keys = where.get(id(value)) if isinstance(value, dict) else None
            for key in keys or []:
                problems.append(Problem(
                    json_path(parts), _record_of(document, parts), Rule.SCHEMA,
                    N_("The key {key} appears more than once in one object"), {"key": key},
                ))
        raise ExchangeError(problems)
    return document


def _walk(value: Any, parts: list[str | int]) -> Iterable[tuple[list[str | int], Any]]:
    stack: list[tuple[list[str | int], Any]] = [(parts, value)]
    while stack:
        here, item = stack.pop()
        yield here, item
        if isinstance(item, dict):
            stack.extend(([*here, k], v) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend(([*here, i], v) for i, v in reversed(list(enumerate(item))))


# ---------------------------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------------------------


@cache
def load_schema() -> dict[str, Any]:
    """The JSON Schema of the format, shipped with the program."""
    text = resources.files(__package__ or "desktop_app.services.exchange").joinpath("schema.json").read_text(
        encoding="utf-8"
    )
    return cast(dict[str, Any], json.loads(text))


_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker()

    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _DATE_TIME.match(value):
            return False
        text = value.upper().replace("Z", "+00:00")
        datetime.fromisoformat(text)  # ValueError for 2026-02-30T..., 25:00 and the like
        return True

    checker.checks("date-time", raises=ValueError)(is_date_time)
    return checker


@cache
def _formats() -> FormatChecker:
    return _format_checker()


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(), format_checker=_formats())


@cache
def _fast_check() -> Check | None:
    try:
        return compile_schema(load_schema(), _formats())
    except Unsupported:  # pragma: no cover - a schema with keywords the fast check does not know
        return None


def is_schema_valid(document: Any) -> bool:
    """Whether ``document`` is valid against the schema (the fast check when available)."""
    fast = _fast_check()
    return fast(document) if fast is not None else _validator().is_valid(document)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _pick(error: ValidationError) -> list[ValidationError]:
    """For a failed oneOf/anyOf, the errors of the branch that matches the value's type."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    relevant = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
    if not relevant:
        return [error.context[0]]
    chosen: list[ValidationError] = []
    for sub in relevant:
        chosen.extend(_pick(sub))
    return chosen


_LIMIT_MESSAGES = {
    "minLength": N_("{value} is shorter than {limit} characters"),
    "maxLength": N_("The text is longer than {limit} characters"),
    "minItems": N_("The list needs at least {limit} items"),
    "maxItems": N_("The list has more than {limit} items"),
    "minimum": N_("{value} is less than {limit}"),
    "exclusiveMinimum": N_("{value} must be more than {limit}"),
    "maximum": N_("{value} is more than {limit}"),
    "exclusiveMaximum": N_("{value} must be less than {limit}"),
    "minProperties": N_("The object needs at least {limit} keys"),
}


def _explain(error: ValidationError) -> list[tuple[list[str | int], str, dict[str, Any]]]:
    parts: list[str | int] = list(error.absolute_path)
    keyword = str(error.validator)
    instance = error.instance
    if keyword == "required" and isinstance(instance, dict):
        return [([*parts, key], N_("The required key {key} is missing"), {"key": key})
                for key in error.validator_value if key not in instance]
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        return [([*parts, key], N_("{key} is not a key of this object"), {"key": key})
                for key in instance if key not in known]
    if keyword == "enum":
        return [(parts, N_("{value} is not one of: {allowed}"),
                 {"value": _show(instance), "allowed": ", ".join(str(v) for v in error.validator_value)})]
    if keyword == "const":
        return [(parts, N_("{value} must be {expected}"),
                 {"value": _show(instance), "expected": _show(error.validator_value)})]
    if keyword == "format":
        return [(parts, N_("{value} is not a valid {format}"),
                 {"value": _show(instance), "format": str(error.validator_value)})]
    if keyword == "type":
        wanted = error.validator_value
        types = " or ".join(wanted) if isinstance(wanted, list) else str(wanted)
        return [(parts, N_("{value} is not of type {type}"), {"value": _show(instance), "type": types})]
    if keyword == "pattern":
        return [(parts, N_("{value} does not match the pattern {pattern}"),
                 {"value": _show(instance), "pattern": str(error.validator_value)})]
    if keyword in _LIMIT_MESSAGES:
        return [(parts, _LIMIT_MESSAGES[keyword], {"value": _show(instance), "limit": error.validator_value})]
    return [(parts, N_("{detail}"), {"detail": error.message[:300]})]


def schema_problems(document: Any) -> list[Problem]:
    """Every way in which ``document`` breaks the JSON Schema, in document order."""
    fast = _fast_check()
    if fast is not None and fast(document):
        return []
    seen: set[tuple[str, str, str]] = set()
    keyed: list[tuple[tuple[int, int], int, Problem]] = []
    for error in _validator().iter_errors(document):
        for chosen in _pick(error):
            for parts, message, params in _explain(chosen):
                problem = Problem(json_path(parts), _record_of(document, parts), Rule.SCHEMA, message, params)
                key = (problem.path, problem.message, repr(sorted(params.items())))
                if key in seen:
                    continue
                seen.add(key)
                keyed.append((_document_order(parts), len(keyed), problem))
    return [problem for _, _, problem in sorted(keyed, key=lambda k: (k[0], k[1]))]


# ---------------------------------------------------------------------------------------------
# JSON → records
# ---------------------------------------------------------------------------------------------


def _needs_nfc(data: bytes | str) -> bool:
    """Whether any string of the document may change under NFC: not when the whole text is NFC
    and carries no ``\\u`` escapes (which could spell a decomposed letter)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return "\\u" in text or not unicodedata.is_normalized("NFC", text)


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    return value


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _opt_day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _text(obj: JSON | None) -> LocalizedText | None:
    return None if obj is None else LocalizedText(kk=obj.get("kk"), ru=obj.get("ru"))


def _approval(obj: JSON | None) -> Approval | None:
    return None if obj is None else Approval(obj["by"], _day(obj["on"]))


def _speaker(value: str | JSON) -> Speaker:
    return value if isinstance(value, str) else _person(value)


def _person(obj: JSON) -> Person:
    return Person(obj["name"], obj.get("position"))


def _school(obj: JSON) -> School:
    return School(
        id=obj["id"], name=LocalizedText(obj["name"].get("kk"), obj["name"].get("ru")),
        short_name=_text(obj.get("short_name")), city=_text(obj.get("city")),
        address=_text(obj.get("address")),
        director=obj.get("director"), deputy_director=obj.get("deputy_director"),
    )


def _holiday(obj: JSON) -> Holiday:
    return Holiday(_day(obj["start"]), _day(obj["end"]), _text(obj.get("name")))


def _year(obj: JSON) -> AcademicYear:
    return AcademicYear(
        id=obj["id"], start=_day(obj["start"]), end=_day(obj["end"]),
        terms=[Term(t["number"], _day(t["start"]), _day(t["end"])) for t in obj["terms"]],
        holidays=[_holiday(h) for h in obj.get("holidays", [])],
        extra_school_days=[_day(d) for d in obj.get("extra_school_days", [])],
        study_weeks=obj.get("study_weeks"),
    )


def _teacher(obj: JSON) -> Teacher:
    return Teacher(
        id=obj["id"], last_name=obj["last_name"], first_name=obj["first_name"],
        patronymic=obj.get("patronymic"), position=_text(obj.get("position")),
        subjects=list(obj.get("subjects", [])), category=Category(obj.get("category", "none")),
        category_awarded=_opt_day(obj.get("category_awarded")),
        career_start=_opt_day(obj.get("career_start")),
        organization=_text(obj.get("organization")), active=bool(obj.get("active", True)),
    )


def _association(obj: JSON) -> Association:
    plan = obj.get("work_plan")
    return Association(
        id=obj["id"], kind=AssociationKind(obj["kind"]), name=cast(LocalizedText, _text(obj["name"])),
        academic_year=obj["academic_year"], head=obj["head"], subjects=list(obj.get("subjects", [])),
        secretary=obj.get("secretary"),
        members=[Membership(m["teacher"], _opt_day(m.get("since")), _opt_day(m.get("until")))
                 for m in obj["members"]],
        work_plan=None if plan is None else WorkPlan(
            items=[
                WorkPlanItem(i["month"], i["topic"], WorkPlanForm(i["form"]), list(i.get("responsible", [])))
                for i in plan["items"]
            ],
            approved=_approval(plan.get("approved")),
        ),
    )


def _agenda_item(obj: JSON) -> AgendaItem:
    vote = obj.get("vote")
    return AgendaItem(
        number=obj["number"], title=obj["title"],
        decisions=[strip_leading_number(d) for d in obj["decisions"]],  # the protocol numbers them
        heard=[Speech(_speaker(s["speaker"]), s["text"]) for s in obj.get("heard", [])],
        spoke=[Speech(_speaker(s["speaker"]), s["text"]) for s in obj.get("spoke", [])],
        vote=None if vote is None else Vote(vote["for"], vote["against"], vote["abstained"]),
        plans=list(obj.get("plans", [])), lesson_visits=list(obj.get("lesson_visits", [])),
    )


def _meeting(obj: JSON) -> Meeting:
    return Meeting(
        id=obj["id"], body=obj["body"], number=obj["number"], date=_day(obj["date"]),
        language=Language(obj["language"]), chair=obj["chair"], secretary=obj["secretary"],
        attendance=[Attendance(a["teacher"], a["present"], a.get("reason")) for a in obj["attendance"]],
        agenda=[_agenda_item(i) for i in obj["agenda"]], status=MeetingStatus(obj["status"]),
        start_time=obj.get("start_time"), place=obj.get("place"),
        guests=[_person(g) for g in obj.get("guests", [])], form=MeetingForm(obj.get("form", "meeting")),
    )


def _plan(obj: JSON) -> CalendarPlan:
    review = obj.get("review")
    return CalendarPlan(
        id=obj["id"], teacher=obj["teacher"], subject=obj["subject"], academic_year=obj["academic_year"],
        grade=obj["grade"], language=Language(obj["language"]), hours_per_week=obj["hours_per_week"],
        rows=[PlanRow(number=r["number"], topic=r["topic"], hours=r["hours"], term=r.get("term"),
                      section=r.get("section"), objectives=list(r.get("objectives", [])),
                      date=_opt_day(r.get("date")), note=r.get("note"))
              for r in obj["rows"]],
        status=PlanStatus(obj["status"]), classes=list(obj.get("classes", [])),
        review=None if review is None else Review(
            review["meeting"], review["item"], ReviewOutcome(review["outcome"]), review.get("remarks")),
        agreed=_approval(obj.get("agreed")), approved=_approval(obj.get("approved")),
    )


def _mentorship(obj: JSON) -> Mentorship:
    order = obj.get("order")
    return Mentorship(
        id=obj["id"], mentor=obj["mentor"], mentee=obj["mentee"], academic_year=obj["academic_year"],
        start=_day(obj["start"]), end=_day(obj["end"]), status=MentorshipStatus(obj["status"]),
        order=None if order is None else MentorOrder(order["number"], _day(order["date"])),
        goals=list(obj.get("goals", [])),
        plan=[MentorshipActivity(_day(p["due"]), p["activity"], bool(p.get("done", False)))
              for p in obj.get("plan", [])],
        sessions=[MentorshipSession(_day(s["date"]), SessionKind(s["kind"]), s["topic"], s.get("notes"),
                                    s.get("lesson_visit"))
                  for s in obj.get("sessions", [])],
        conclusion=obj.get("conclusion"),
    )


def _visit(obj: JSON) -> LessonVisit:
    return LessonVisit(
        id=obj["id"], kind=VisitKind(obj["kind"]), teacher=obj["teacher"], subject=obj["subject"],
        date=_day(obj["date"]), topic=obj["topic"], class_name=obj.get("class"),
        association=obj.get("association"),
        observations=[Observation(o["observer"], o.get("strengths"), o.get("recommendations"))
                      for o in obj.get("observations", [])],
    )


def records_from_document(document: JSON, normalize: bool = True) -> SchoolRecords:
    """The records of a schema-valid document (strings NFC-normalized); rules are not checked.

    ``normalize`` False skips the walk when the caller knows every string is NFC already."""
    doc = cast(JSON, _nfc(document)) if normalize else document
    return SchoolRecords(
        school=_school(doc["school"]),
        academic_years=[_year(y) for y in doc["academic_years"]],
        subjects=[Subject(s["id"], cast(LocalizedText, _text(s["name"]))) for s in doc["subjects"]],
        teachers=[_teacher(t) for t in doc["teachers"]],
        associations=[_association(a) for a in doc["associations"]],
        meetings=[_meeting(m) for m in doc.get("meetings", [])],
        plans=[_plan(p) for p in doc.get("plans", [])],
        mentorships=[_mentorship(m) for m in doc.get("mentorships", [])],
        lesson_visits=[_visit(v) for v in doc.get("lesson_visits", [])],
    )


def parse_document(data: bytes | str) -> SchoolRecords:
    """The records of an exchange document, or :class:`ExchangeError` with every problem in it."""
    document = load_json(data)
    problems = schema_problems(document)
    if problems:
        raise ExchangeError(problems)
    try:
        records = records_from_document(document, normalize=_needs_nfc(data))
    except (KeyError, TypeError, ValueError) as exc:  # pragma: no cover - the schema rules these out
        raise _root_problem(N_("The document cannot be read: {detail}"), detail=str(exc)[:200]) from None
    findings = validate_records(records)
    if findings:
        raise ExchangeError([Problem.from_finding(f) for f in findings])
    return records


# ---------------------------------------------------------------------------------------------
# Records → JSON
# ---------------------------------------------------------------------------------------------


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _localized(text: LocalizedText) -> JSON:
    out: JSON = {}
    if text.kk:
        out["kk"] = text.kk
    if text.ru:
        out["ru"] = text.ru
    return out


def _opt_localized(text: LocalizedText | None) -> JSON | None:
    return None if text is None or not (text.kk or text.ru) else _localized(text)


def _put(out: JSON, key: str, value: Any) -> None:
    """Set a key whose schema does not allow null: omitted when absent."""
    if value is not None:
        out[key] = value


def _dump_approval(approval: Approval | None) -> JSON | None:
    return None if approval is None else {"by": approval.by, "on": approval.on.isoformat()}


def _dump_person(person: Person) -> JSON:
    return {"name": person.name, "position": person.position}


def _dump_school(school: School) -> JSON:
    out: JSON = {"id": school.id, "name": _localized(school.name)}
    _put(out, "short_name", _opt_localized(school.short_name))
    _put(out, "city", _opt_localized(school.city))
    _put(out, "address", _opt_localized(school.address))
    _put(out, "director", school.director)
    _put(out, "deputy_director", school.deputy_director)
    return out


def _dump_holiday(holiday: Holiday) -> JSON:
    out: JSON = {"start": holiday.start.isoformat(), "end": holiday.end.isoformat()}
    _put(out, "name", _opt_localized(holiday.name))
    return out


def _dump_year(year: AcademicYear) -> JSON:
    return {
        "id": year.id, "start": year.start.isoformat(), "end": year.end.isoformat(),
        "terms": [{"number": t.number, "start": t.start.isoformat(), "end": t.end.isoformat()}
                  for t in year.terms],
        "holidays": [_dump_holiday(h) for h in year.holidays],
        "extra_school_days": [d.isoformat() for d in year.extra_school_days],
        "study_weeks": year.study_weeks,
    }


def _dump_teacher(teacher: Teacher) -> JSON:
    out: JSON = {"id": teacher.id, "last_name": teacher.last_name, "first_name": teacher.first_name,
                 "patronymic": teacher.patronymic}
    _put(out, "position", _opt_localized(teacher.position))
    out.update({
        "subjects": list(teacher.subjects), "category": teacher.category.value,
        "category_awarded": _iso(teacher.category_awarded), "career_start": _iso(teacher.career_start),
        "organization": _opt_localized(teacher.organization), "active": teacher.active,
    })
    return out


def _dump_association(association: Association) -> JSON:
    plan = association.work_plan
    return {
        "id": association.id, "kind": association.kind.value, "name": _localized(association.name),
        "academic_year": association.academic_year, "subjects": list(association.subjects),
        "head": association.head, "secretary": association.secretary,
        "members": [{"teacher": m.teacher, "since": _iso(m.since), "until": _iso(m.until)}
                    for m in association.members],
        "work_plan": None if plan is None else {
            "items": [
                {"month": i.month, "topic": i.topic, "form": i.form.value, "responsible": list(i.responsible)}
                for i in plan.items
            ],
            "approved": _dump_approval(plan.approved),
        },
    }


def _dump_speech(speech: Speech) -> JSON:
    speaker = speech.speaker if isinstance(speech.speaker, str) else _dump_person(speech.speaker)
    return {"speaker": speaker, "text": speech.text}


def _dump_item(item: AgendaItem) -> JSON:
    vote = item.vote
    return {
        "number": item.number, "title": item.title,
        "heard": [_dump_speech(s) for s in item.heard], "spoke": [_dump_speech(s) for s in item.spoke],
        "decisions": list(item.decisions),
        "vote": None if vote is None else {"for": vote.in_favour, "against": vote.against,
                                           "abstained": vote.abstained},
        "plans": list(item.plans), "lesson_visits": list(item.lesson_visits),
    }


def _dump_meeting(meeting: Meeting) -> JSON:
    return {
        "id": meeting.id, "body": meeting.body, "number": meeting.number, "date": meeting.date.isoformat(),
        "start_time": meeting.start_time, "place": meeting.place, "language": meeting.language.value,
        "chair": meeting.chair, "secretary": meeting.secretary,
        "attendance": [{"teacher": a.teacher, "present": a.present, "reason": a.reason}
                       for a in meeting.attendance],
        "guests": [_dump_person(g) for g in meeting.guests],
        "agenda": [_dump_item(i) for i in meeting.agenda],
        "status": meeting.status.value, "form": meeting.form.value,
    }


def _dump_row(row: PlanRow) -> JSON:
    return {
        "number": row.number, "term": row.term, "section": row.section, "topic": row.topic,
        "objectives": list(row.objectives), "hours": _number(row.hours), "date": _iso(row.date),
        "note": row.note,
    }


def _dump_plan(plan: CalendarPlan) -> JSON:
    review = plan.review
    return {
        "id": plan.id, "teacher": plan.teacher, "subject": plan.subject, "academic_year": plan.academic_year,
        "grade": plan.grade, "classes": list(plan.classes), "language": plan.language.value,
        "hours_per_week": _number(plan.hours_per_week), "rows": [_dump_row(r) for r in plan.rows],
        "status": plan.status.value,
        "review": None if review is None else {
            "meeting": review.meeting, "item": review.item, "outcome": review.outcome.value,
            "remarks": review.remarks,
        },
        "agreed": _dump_approval(plan.agreed), "approved": _dump_approval(plan.approved),
    }


def _dump_mentorship(mentorship: Mentorship) -> JSON:
    order = mentorship.order
    return {
        "id": mentorship.id, "mentor": mentorship.mentor, "mentee": mentorship.mentee,
        "academic_year": mentorship.academic_year, "start": mentorship.start.isoformat(),
        "end": mentorship.end.isoformat(),
        "order": None if order is None else {"number": order.number, "date": order.date.isoformat()},
        "goals": list(mentorship.goals),
        "plan": [{"due": p.due.isoformat(), "activity": p.activity, "done": p.done} for p in mentorship.plan],
        "sessions": [{"date": s.date.isoformat(), "kind": s.kind.value, "topic": s.topic, "notes": s.notes,
                      "lesson_visit": s.lesson_visit} for s in mentorship.sessions],
        "status": mentorship.status.value, "conclusion": mentorship.conclusion,
    }


def _dump_visit(visit: LessonVisit) -> JSON:
    return {
        "id": visit.id, "kind": visit.kind.value, "teacher": visit.teacher, "subject": visit.subject,
        "class": visit.class_name, "date": visit.date.isoformat(), "topic": visit.topic,
        "association": visit.association,
        "observations": [
            {"observer": o.observer, "strengths": o.strengths, "recommendations": o.recommendations}
            for o in visit.observations
        ],
    }


def dump_meeting(meeting: Meeting) -> JSON:
    """One meeting as the exchange format writes it (used for protocol version snapshots)."""
    return _dump_meeting(meeting)


def parse_meeting(obj: JSON) -> Meeting:
    """A meeting written by ``dump_meeting`` read back (a protocol version snapshot, to show it)."""
    return _meeting(obj)


def dump_plan(plan: CalendarPlan) -> JSON:
    """One plan as the exchange format writes it."""
    return _dump_plan(plan)


def _timestamp(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.astimezone()
    return aware.isoformat(timespec="seconds")


def dump_document(records: SchoolRecords, exported_at: datetime | None = None) -> JSON:
    """The exchange document of ``records`` as a JSON-ready dict, every key written."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": None if exported_at is None else _timestamp(exported_at),
        "school": _dump_school(records.school),
        "academic_years": [_dump_year(y) for y in records.academic_years],
        "subjects": [{"id": s.id, "name": _localized(s.name)} for s in records.subjects],
        "teachers": [_dump_teacher(t) for t in records.teachers],
        "associations": [_dump_association(a) for a in records.associations],
        "meetings": [_dump_meeting(m) for m in records.meetings],
        "plans": [_dump_plan(p) for p in records.plans],
        "mentorships": [_dump_mentorship(m) for m in records.mentorships],
        "lesson_visits": [_dump_visit(v) for v in records.lesson_visits],
    }


def dumps(records: SchoolRecords, exported_at: datetime | None = None) -> str:
    """The document as text: UTF-8 friendly (no \\u escapes), indented, keys in schema order."""
    return json.dumps(dump_document(records, exported_at), ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------------------------------
# Canonical form, for comparing documents
# ---------------------------------------------------------------------------------------------

#: Defaults of optional keys whose schema allows neither null nor a list.
_NAMED_DEFAULTS: dict[str, Any] = {"category": "none", "active": True, "form": "meeting", "done": False}


def _resolve(schema: Any) -> JSON:
    root = load_schema()
    while isinstance(schema, dict) and "$ref" in schema:
        ref = str(schema["$ref"])
        node: Any = root
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return cast(JSON, schema) if isinstance(schema, dict) else {}


def _types(schema: JSON) -> set[str]:
    found = schema.get("type")
    if isinstance(found, str):
        return {found}
    if isinstance(found, list):
        return set(found)
    if "oneOf" in schema:
        return set().union(*(_types(_resolve(branch)) for branch in schema["oneOf"]))
    return set()


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    return "number"


def _fill(value: Any, schema: Any) -> Any:
    node = _resolve(schema)
    if "oneOf" in node:
        kind = _json_type(value)
        for branch in node["oneOf"]:
            resolved = _resolve(branch)
            types = _types(resolved)
            if kind in types or (kind == "number" and "integer" in types):
                return _fill(value, resolved)
        return _nfc(value)
    if isinstance(value, dict):
        properties = cast(JSON, node.get("properties", {}))
        out = {k: (_fill(v, properties[k]) if k in properties else _nfc(v)) for k, v in value.items()}
        for key, sub in properties.items():
            if key in out:
                continue
            types = _types(_resolve(sub))
            if key in _NAMED_DEFAULTS:
                out[key] = _NAMED_DEFAULTS[key]
            elif "null" in types:
                out[key] = None
            elif "array" in types:
                out[key] = []
        return out
    if isinstance(value, list):
        items = node.get("items", {})
        return [_fill(v, items) for v in value]
    return _nfc(value)


def canonical(document: JSON) -> JSON:
    """``document`` with every optional key at its default, strings NFC, collections sorted by id
    and ``exported_at`` null.

    Two documents with the same records and values have equal canonical forms, whatever the order
    of their collections and whichever optional keys they leave out.
    """
    out = cast(JSON, _fill(document, load_schema()))
    # The moment of export is not a record: import forgets it, so comparisons ignore it.
    out["exported_at"] = None
    for name in COLLECTIONS[1:]:
        items = out.get(name)
        if isinstance(items, list):
            out[name] = sorted(items, key=lambda r: str(r.get("id")) if isinstance(r, dict) else "")
    return out
