"""The exchange codec: the sample and generated schools round-trip; broken documents are refused
with problems that name the right JSON path, record id and rule."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from desktop_app.domain.errors import Rule, rule_label
from desktop_app.services.exchange import (
    ExchangeError,
    Problem,
    decoding,
    dump_document,
    load_schema,
    load_v1_schema,
    parse_document,
    schema,
)
from tests.canonical import canonical
from tests.shared_files import SAMPLE, SCHEMA

SAMPLE_PATH = SAMPLE
SAMPLE_BYTES = SAMPLE_PATH.read_bytes()
Doc = dict[str, Any]


def sample() -> Doc:
    return json.loads(SAMPLE_BYTES)


def refused(data: bytes | str | Doc) -> list[Problem]:
    text = json.dumps(data, ensure_ascii=False) if isinstance(data, dict) else data
    with pytest.raises(ExchangeError) as caught:
        parse_document(text)
    assert caught.value.problems
    return caught.value.problems


def round_trips(document: Doc) -> None:
    records = parse_document(json.dumps(document, ensure_ascii=False))
    dumped = dump_document(records, None)
    assert canonical(document) == canonical(dumped)
    # What is written is itself a valid document that reads back the same.
    assert schema.schema_problems(dumped) == []
    again = dump_document(parse_document(json.dumps(dumped, ensure_ascii=False)), None)
    assert canonical(again) == canonical(dumped)


# ---------------------------------------------------------------------------------------------
# The sample
# ---------------------------------------------------------------------------------------------


def test_schema_is_the_shared_one() -> None:
    shared = SCHEMA
    if shared is None:  # pragma: no cover - only in the development tree
        pytest.skip("shared spec not present")
    assert load_v1_schema() == json.loads(shared.read_text(encoding="utf-8"))


def test_version_two_reads_every_version_one_document() -> None:
    """Version 2 only adds: every key of version 1 is there with the same meaning, version 1 accepted."""
    v1, v2 = load_v1_schema(), load_schema()
    assert v2["properties"]["version"] == {"enum": [1, 2]}
    assert set(v1["properties"]) <= set(v2["properties"])
    assert set(v1["required"]) == set(v2["required"])
    for name, node in v1["$defs"].items():
        grown = v2["$defs"][name]
        if "properties" in node:
            assert set(node["properties"]) <= set(grown["properties"]), name
            assert set(node.get("required", [])) == set(grown.get("required", [])), name
    assert schema.is_schema_valid(json.loads(SAMPLE_BYTES))


def test_sample_parses() -> None:
    records = parse_document(SAMPLE_BYTES)
    assert records.school.id == "school-7"
    assert [a.id for a in records.associations][2] == "mo-kaz-26"
    assert records.meetings[0].agenda[0].vote is not None
    assert records.meetings[0].agenda[0].vote.in_favour == 4
    assert records.lesson_visits[0].class_name == "7А"
    assert records.mentorships[0].order is not None
    assert records.mentorships[0].order.number == "112-Ж"


def test_sample_round_trips() -> None:
    round_trips(sample())


def test_sample_round_trips_from_text_with_bom() -> None:
    records = parse_document(b"\xef\xbb\xbf" + SAMPLE_BYTES)
    assert canonical(dump_document(records)) == canonical(sample())
    assert parse_document("\ufeff" + SAMPLE_BYTES.decode("utf-8")).school.id == "school-7"


def test_round_trip_ignores_collection_order_and_absent_defaults() -> None:
    document = sample()
    document["teachers"].reverse()
    for teacher in document["teachers"]:
        for key in ("patronymic", "organization", "category_awarded", "active"):
            teacher.pop(key, None)
    document["meetings"][1].pop("guests")
    document["meetings"][1]["agenda"][0].pop("vote")
    document.pop("exported_at")
    round_trips(document)


def test_dump_writes_every_key_and_whole_numbers_as_int() -> None:
    dumped = dump_document(parse_document(SAMPLE_BYTES), datetime(2026, 9, 1, 10, 30, tzinfo=UTC))
    assert dumped["exported_at"] == "2026-09-01T10:30:00+00:00"
    assert schema.schema_problems(dumped) == []
    plan = dumped["plans"][0]
    assert plan["hours_per_week"] == 1 and isinstance(plan["hours_per_week"], int)
    assert all(isinstance(row["hours"], int) for row in plan["rows"])
    session = dumped["mentorships"][0]["sessions"][0]
    assert session["lesson_visit"] is None  # absent in the sample, written as its default
    assert dumped["meetings"][0]["form"] == "meeting"
    assert dumped["meetings"][1]["agenda"][0]["lesson_visits"] == []
    assert dumped["lesson_visits"][0]["class"] == "7А"
    assert dumped["meetings"][0]["agenda"][0]["vote"] == {"for": 4, "against": 0, "abstained": 0}


def test_dump_omits_absent_keys_that_do_not_allow_null() -> None:
    records = parse_document(SAMPLE_BYTES)
    records.school.director = None
    records.school.short_name = None
    records.teachers[0].position = None
    records.academic_years[0].holidays[0].name = None
    records.plans[1].rows[0].hours = 0.5
    dumped = dump_document(records)
    assert "director" not in dumped["school"] and "short_name" not in dumped["school"]
    assert "position" not in dumped["teachers"][0]
    assert "name" not in dumped["academic_years"][0]["holidays"][0]
    assert dumped["plans"][1]["rows"][0]["hours"] == 0.5
    assert schema.schema_problems(dumped) == []


def test_strings_are_nfc_normalized() -> None:
    document = sample()
    document["teachers"][2]["first_name"] = "Серге\u0438\u0306"  # й as и + combining breve
    records = parse_document(json.dumps(document))
    assert records.teachers[2].first_name == "Сергей"
    round_trips(document)


# ---------------------------------------------------------------------------------------------
# Broken variants of the sample
# ---------------------------------------------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A change that sets the value at a dotted path such as ``meetings.1.date``."""

    def change(document: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _remove_member(document: Doc) -> None:
    document["associations"][2]["members"] = [
        m for m in document["associations"][2]["members"] if m["teacher"] != "t-06"
    ]


def _unlist_plan(document: Doc) -> None:
    document["meetings"][0]["agenda"][0]["plans"].remove("ktp-inf7-26")


def _submit_with_saturday(document: Doc) -> None:
    document["plans"][1]["status"] = "submitted"
    document["plans"][1]["rows"][0]["date"] = "2026-09-05"


def _many(*changes: Callable[[Doc], None]) -> Callable[[Doc], None]:
    def change(document: Doc) -> None:
        for one in changes:
            one(document)

    return change


def _delete(path: str) -> Callable[[Doc], None]:
    def change(document: Doc) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return change


V = pytest.param
VARIANTS = [
    # Rule 1 (п. 23; п. 21, 24)
    V(_remove_member, "associations[2]", "mo-kaz-26", Rule.ASSOCIATION_COMPOSITION, id="rule1-fewer-than-3"),
    V(
        _set("teachers.8.organization", {"ru": "Школа № 12"}),
        "associations[2]",
        "mo-kaz-26",
        Rule.ASSOCIATION_COMPOSITION,
        id="rule1-member-from-other-organization",
    ),
    # Rule 2
    V(
        _set("associations.2.head", "t-09"),
        "associations[2]",
        "mo-kaz-26",
        Rule.HEAD_AND_SECRETARY_ARE_MEMBERS,
        id="rule2-head-not-member",
    ),
    V(
        _set("associations.2.secretary", "t-01"),
        "associations[2]",
        "mo-kaz-26",
        Rule.HEAD_AND_SECRETARY_ARE_MEMBERS,
        id="rule2-secretary-not-member",
    ),
    # Rule 3
    V(_set("meetings.1.number", 3), "meetings[1]", "m-math-26-2", Rule.MEETING_NUMBERING, id="rule3-gap-1-3"),
    V(
        _set("meetings.1.number", 1),
        "meetings[1]",
        "m-math-26-2",
        Rule.MEETING_NUMBERING,
        id="rule3-number-repeated",
    ),
    V(
        _set("meetings.1.date", "2027-08-05"),
        "meetings[1]",
        "m-math-26-2",
        Rule.MEETING_NUMBERING,
        id="rule3-date-outside-year-window",
    ),
    V(
        _set("meetings.1.date", "2026-08-26"),
        "meetings[1]",
        "m-math-26-2",
        Rule.MEETING_NUMBERING,
        id="rule3-numbers-against-date-order",
    ),
    # Rule 4
    V(
        _set("meetings.1.attendance.0.present", False),
        "meetings[1]",
        "m-math-26-2",
        Rule.MEETING_ATTENDANCE,
        id="rule4-chair-absent",
    ),
    V(
        _set("meetings.1.secretary", "t-06"),
        "meetings[1]",
        "m-math-26-2",
        Rule.MEETING_ATTENDANCE,
        id="rule4-secretary-not-member",
    ),
    V(
        _set("associations.1.members.3.since", "2026-09-01"),
        "meetings[0]",
        "m-math-26-1",
        Rule.MEETING_ATTENDANCE,
        id="rule4-attendee-not-member-on-date",
    ),
    V(
        _set("meetings.0.agenda.0.vote.for", 5),
        "meetings[0]",
        "m-math-26-1",
        Rule.MEETING_ATTENDANCE,
        id="rule4-votes-exceed-present",
    ),
    V(
        _set("meetings.1.attendance.2.present", False),
        "meetings[1].agenda[0].spoke[0].speaker",
        "m-math-26-2",
        Rule.MEETING_ATTENDANCE,
        id="rule4-absent-member-speaks",
    ),
    # Rules 6 and 10
    V(
        _set("plans.0.agreed", None),
        "plans[0]",
        "ktp-inf7-26",
        Rule.AGREEMENT,  # the school keeps the deputy's agreement (the default); credited to no paragraph
        id="rule10-approved-without-agreement",
    ),
    V(
        _set("plans.1.status", "recommended"),
        "plans[1]",
        "ktp-alg8-26",
        Rule.PLAN_RECORD,
        id="rule10-recommended-but-review-returned",
    ),
    V(
        _set("plans.0.agreed.on", "2026-08-20"),
        "plans[0]",
        "ktp-inf7-26",
        Rule.PLAN_RECORD,
        id="rule10-agreed-before-review-meeting",
    ),
    V(_unlist_plan, "plans[0]", "ktp-inf7-26", Rule.PLAN_RECORD, id="rule10-agenda-item-does-not-list-plan"),
    V(
        _set("plans.1.teacher", "t-06"),
        "plans[1]",
        "ktp-alg8-26",
        Rule.PLAN_RECORD,
        id="rule10-teacher-not-member-of-reviewing-body",
    ),
    V(
        _set("plans.0.approved.by", "t-dep"),
        "plans[0]",
        "ktp-inf7-26",
        Rule.PLAN_RECORD,
        id="rule10-approved-by-non-director",
    ),
    # Rule 7
    V(
        _set("plans.0.rows.0.date", "2026-09-05"),
        "plans[0].rows[0]",
        "ktp-inf7-26",
        Rule.PLAN_CALENDAR,
        id="rule7-approved-plan-lesson-on-saturday",
    ),
    V(
        _set("plans.0.rows.14.date", "2026-12-16"),
        "plans[0].rows[14]",
        "ktp-inf7-26",
        Rule.PLAN_CALENDAR,
        id="rule7-approved-plan-lesson-on-holiday",
    ),
    V(
        _submit_with_saturday,
        "plans[1].rows[0]",
        "ktp-alg8-26",
        Rule.PLAN_CALENDAR,
        id="rule7-submitted-plan-lesson-on-saturday",
    ),
    # Rule 8
    V(
        _set("mentorships.0.mentee", "t-03"),
        "mentorships[0]",
        "ment-04",
        Rule.MENTORSHIP,
        id="rule8-mentor-is-mentee",
    ),
    V(
        _set("mentorships.0.end", "2027-08-15"),
        "mentorships[0]",
        "ment-04",
        Rule.MENTORSHIP,
        id="rule8-period-outside-year",
    ),
    # Rule 9
    V(
        _set("associations.1.work_plan.approved.by", "t-dep"),
        "associations[1]",
        "mo-math-26",
        Rule.WORK_PLAN_APPROVAL,
        id="rule9-work-plan-approved-by-non-director",
    ),
    V(
        _set("associations.1.work_plan.items", []),
        "associations[1]",
        "mo-math-26",
        Rule.WORK_PLAN_APPROVAL,
        id="rule9-empty-work-plan-approved",
    ),
    # References and ids
    V(
        _set("associations.2.members.0.teacher", "t-99"),
        "associations[2].members[0].teacher",
        "mo-kaz-26",
        Rule.REFERENCE,
        id="unknown-member",
    ),
    V(
        _set("plans.0.review.meeting", "m-none"),
        "plans[0].review.meeting",
        "ktp-inf7-26",
        Rule.REFERENCE,
        id="unknown-review-meeting",
    ),
    V(
        _set("school.director", "t-none"),
        "school.director",
        "school-7",
        Rule.REFERENCE,
        id="unknown-director",
    ),
    V(_set("lesson_visits.1.id", "v-1"), "lesson_visits[1].id", "v-1", Rule.UNIQUE_ID, id="duplicate-id"),
    V(
        _set("academic_years.1.terms.3.end", "2027-06-30"),
        "academic_years[1].terms[3]",
        "2026-2027",
        Rule.VALUE,
        id="term-outside-year",
    ),
    # Schema
    V(
        _delete("associations.2.head"),
        "associations[2].head",
        "mo-kaz-26",
        Rule.SCHEMA,
        id="schema-missing-required-key",
    ),
    V(_delete("teachers"), "teachers", None, Rule.SCHEMA, id="schema-missing-collection"),
    V(
        _set("teachers.3.category", "guru"),
        "teachers[3].category",
        "t-02",
        Rule.SCHEMA,
        id="schema-wrong-enum",
    ),
    V(
        _set("plans.0.colour", "red"),
        "plans[0].colour",
        "ktp-inf7-26",
        Rule.SCHEMA,
        id="schema-extra-property",
    ),
    V(
        _set("meetings.1.date", "2026-02-30"),
        "meetings[1].date",
        "m-math-26-2",
        Rule.SCHEMA,
        id="schema-bad-date",
    ),
    V(
        _set("teachers.0.category_awarded", "2026-02-30"),
        "teachers[0].category_awarded",
        "t-dir",
        Rule.SCHEMA,
        id="schema-bad-optional-date",
    ),
    V(
        _set("meetings.0.agenda.0.spoke.1.speaker", {"position": "гость"}),
        "meetings[0].agenda[0].spoke[1].speaker.name",
        "m-math-26-1",
        Rule.SCHEMA,
        id="schema-speaker-without-name",
    ),
    V(
        _set("exported_at", "2026-13-01T10:00:00Z"),
        "exported_at",
        None,
        Rule.SCHEMA,
        id="schema-bad-date-time",
    ),
    V(_set("version", 3), "version", None, Rule.SCHEMA, id="schema-wrong-version"),
    V(_set("teachers.2.id", "bad id!"), "teachers[2].id", "bad id!", Rule.SCHEMA, id="schema-bad-id"),
]


@pytest.mark.parametrize(("change", "path", "record", "rule"), VARIANTS)
def test_broken_variant_is_refused(
    change: Callable[[Doc], None], path: str, record: str | None, rule: Rule
) -> None:
    document = sample()
    change(document)
    problems = refused(document)
    found = [(p.path, p.record, p.rule) for p in problems]
    assert (path, record, rule) in found, "\n".join(p.render() for p in problems)
    for problem in problems:
        assert LINE.match(problem.render()), problem.render()


def test_draft_or_returned_plan_may_have_lessons_on_days_off() -> None:
    document = sample()
    document["plans"][1]["rows"][0]["date"] = "2026-09-05"  # Saturday; the plan is returned
    document["plans"][1]["rows"][1]["date"] = "2026-12-16"  # a holiday
    parse_document(json.dumps(document))
    document["plans"][1]["status"] = "draft"
    parse_document(json.dumps(document))


def test_all_schema_errors_are_collected_in_document_order() -> None:
    document = sample()
    document["meetings"][1]["date"] = "2026-02-30"
    document["teachers"][3]["category"] = "guru"
    del document["associations"][2]["head"]
    problems = refused(document)
    assert [p.path for p in problems] == ["teachers[3].category", "associations[2].head", "meetings[1].date"]


def test_rule_1_renders_like_cli_md() -> None:
    document = sample()
    _remove_member(document)
    problems = refused(document)
    assert [p.render() for p in problems] == [
        "associations[2] (mo-kaz-26): п. 23 — Fewer than 3 teachers of one subject: 2 of 3"
    ]


# ---------------------------------------------------------------------------------------------
# Documents that are not even JSON
# ---------------------------------------------------------------------------------------------


def _only_root_problem(data: bytes | str) -> Problem:
    problems = refused(data)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.record, problem.rule) == ("$", None, Rule.SCHEMA)
    return problem


def test_truncated_json() -> None:
    problem = _only_root_problem(SAMPLE_BYTES[: len(SAMPLE_BYTES) // 2])
    assert problem.params["line"] > 1
    assert "line" in problem.render()


def test_not_json() -> None:
    problem = _only_root_problem(b"school: 7\n")
    assert (problem.params["line"], problem.params["column"]) == (1, 1)


def test_not_utf8() -> None:
    data = SAMPLE_BYTES.replace("Оспанов".encode(), "Оспанов".encode("cp1251"))
    problem = _only_root_problem(data)
    line = SAMPLE_BYTES.decode("utf-8").splitlines().index('   "last_name": "Оспанов",') + 1
    assert problem.params["line"] == line
    assert problem.params["column"] == len('   "last_name": "') + 1


def test_nan_is_refused() -> None:
    _only_root_problem(SAMPLE_BYTES.replace(b'"hours_per_week": 1,', b'"hours_per_week": NaN,'))


def test_empty_document() -> None:
    _only_root_problem(b"")


def test_too_large_document_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_DOCUMENT_BYTES", 1000)
    problem = _only_root_problem(SAMPLE_BYTES)
    assert "larger" in problem.message
    _only_root_problem(SAMPLE_BYTES.decode("utf-8"))


def test_duplicate_keys_are_refused() -> None:
    text = SAMPLE_BYTES.decode("utf-8").replace('"id": "t-02",', '"id": "t-02",\n   "category": "master",', 1)
    problems = refused(text)
    assert [(p.path, p.record, p.rule, p.params) for p in problems] == [
        ("teachers[3]", "t-02", Rule.SCHEMA, {"key": "category"})
    ]


def test_root_must_be_an_object() -> None:
    problems = refused("[1, 2]")
    assert [(p.path, p.rule) for p in problems] == [("$", Rule.SCHEMA)]


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

LINE = re.compile(r"^\S+( \([^)\n]*\))?: [^\n]+ — [^\n]+$")


def test_render_with_record_and_paragraph() -> None:
    problem = Problem(
        "associations[4]",
        "mo-phys",
        Rule.ASSOCIATION_COMPOSITION,
        "Fewer than {required} teachers of one subject: {count} of {required}",
        {"count": 2, "required": 3},
    )
    assert (
        problem.render() == "associations[4] (mo-phys): п. 23 — Fewer than 3 teachers of one subject: 2 of 3"
    )
    assert str(problem) == problem.render()


def test_render_rule_number_without_paragraph() -> None:
    problem = Problem(
        "meetings[1]",
        "m-2",
        Rule.MEETING_NUMBERING,
        "Meeting number {number} is repeated in {body}",
        {"number": 1, "body": "mo"},
    )
    assert problem.render() == "meetings[1] (m-2): rule 3 — Meeting number 1 is repeated in mo"


def test_render_without_record() -> None:
    problem = Problem(
        "$",
        None,
        Rule.SCHEMA,
        "The document is not valid JSON: {detail} at line {line}, column {column}",
        {"detail": "Expecting value", "line": 1, "column": 1},
    )
    assert (
        problem.render() == "$: schema — The document is not valid JSON: Expecting value at line 1, column 1"
    )


def test_render_translates_message_and_label() -> None:
    catalogue = {
        "rule {number}": "ереже {number}",
        "The chair {teacher} is not marked present": "төраға {teacher} қатысқан деп белгіленбеген",
        "reference": "сілтеме",
    }

    def translate(text: str) -> str:
        return catalogue.get(text, text)

    problem = Problem(
        "meetings[1]",
        "m-2",
        Rule.MEETING_ATTENDANCE,
        "The chair {teacher} is not marked present",
        {"teacher": "t-01"},
    )
    assert problem.render(translate) == "meetings[1] (m-2): ереже 4 — төраға t-01 қатысқан деп белгіленбеген"
    assert rule_label(Rule.REFERENCE, translate) == "сілтеме"
    assert rule_label(Rule.PLAN_RECORD) == "п. 26"


def test_exchange_error_message_has_one_line_per_problem() -> None:
    document = sample()
    document["teachers"][3]["category"] = "guru"
    document["plans"][0]["colour"] = "red"
    with pytest.raises(ExchangeError) as caught:
        parse_document(json.dumps(document))
    lines = str(caught.value).splitlines()
    assert lines == caught.value.lines() and len(lines) == 2
    assert all(LINE.match(line) for line in lines)


# ---------------------------------------------------------------------------------------------
# Generated schools
# ---------------------------------------------------------------------------------------------

ALPHABET = "АаӘәБбҒғҚқҢңӨөҰұҮүҺһІіЖжШшЫыЁёабвгдеCoQz09 .,-<>&\"'№\u0306"
text = st.text(alphabet=ALPHABET, min_size=1, max_size=18).filter(lambda s: s.strip() != "")
YEAR = sample()["academic_years"][1]  # 2026-2027
FIRST_DAY = date(2026, 8, 21)
#: Wednesdays of term 1 of 2026-2027: school days for dated rows of submitted plans.
SCHOOL_DAYS = [(date(2026, 9, 2) + timedelta(weeks=w)).isoformat() for w in range(7)]


def localized() -> st.SearchStrategy[dict[str, str]]:
    return st.one_of(
        st.fixed_dictionaries({"kk": text}),
        st.fixed_dictionaries({"ru": text}),
        st.fixed_dictionaries({"kk": text, "ru": text}),
    )


def optional(draw: st.DrawFn, target: Doc, key: str, strategy: st.SearchStrategy[Any]) -> None:
    """Sometimes set ``key``; sometimes leave it out (its default then applies)."""
    if draw(st.booleans()):
        target[key] = draw(strategy)


def days(start: date, count: int, draw: st.DrawFn) -> list[str]:
    offsets = sorted(draw(st.lists(st.integers(0, 300), min_size=count, max_size=count, unique=True)))
    return [(start + timedelta(days=o)).isoformat() for o in offsets]


@st.composite
def documents(draw: st.DrawFn) -> Doc:
    subjects = [{"id": f"s{i}", "name": draw(localized())} for i in range(draw(st.integers(1, 3)))]
    teachers = []
    for i in range(draw(st.integers(3, 6))):
        teacher: Doc = {"id": f"t{i}", "last_name": draw(text), "first_name": draw(text)}
        optional(draw, teacher, "patronymic", st.one_of(st.none(), text))
        optional(draw, teacher, "position", localized())
        teacher["subjects"] = [
            "s0",
            *draw(
                st.lists(st.sampled_from([s["id"] for s in subjects[1:]] or ["s0"]), unique=True, max_size=2)
            ),
        ]
        teacher["subjects"] = list(dict.fromkeys(teacher["subjects"]))
        optional(draw, teacher, "category", st.sampled_from(["none", "pedagog", "expert", "master"]))
        optional(draw, teacher, "category_awarded", st.one_of(st.none(), st.just("2024-05-30")))
        optional(draw, teacher, "career_start", st.one_of(st.none(), st.just("2019-09-01")))
        optional(draw, teacher, "organization", st.none())
        optional(draw, teacher, "active", st.booleans())
        teachers.append(teacher)
    ids = [t["id"] for t in teachers]
    members: list[Doc] = []
    for teacher_id in ids:
        member: Doc = {"teacher": teacher_id}
        optional(draw, member, "since", st.one_of(st.none(), st.just("2026-08-20")))
        optional(draw, member, "until", st.none())
        members.append(member)
    association: Doc = {
        "id": "mo",
        "kind": draw(st.sampled_from(["subject", "primary", "direction"])),
        "name": draw(localized()),
        "academic_year": YEAR["id"],
        "head": "t0",
        "members": members,
    }
    optional(draw, association, "subjects", st.just(["s0"]))
    optional(draw, association, "secretary", st.sampled_from([None, "t1"]))
    optional(
        draw,
        association,
        "work_plan",
        st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "items": st.lists(
                        st.fixed_dictionaries(
                            {
                                "month": st.sampled_from(["2026-08", "2026-11", "2027-03"]),
                                "topic": text,
                                "form": st.sampled_from(["meeting", "seminar", "other"]),
                                "responsible": st.lists(st.sampled_from(ids), max_size=2),
                            }
                        ),
                        max_size=3,
                    )
                },
                optional={"approved": st.one_of(st.none(), st.just({"by": "t0", "on": "2026-08-28"}))},
            ).filter(lambda plan: plan["items"] or not plan.get("approved")),  # rule 9: not approved empty
        ),
    )
    document: Doc = {
        "format": "metodsovet-exchange",
        "version": 1,
        "school": {"id": "sch", "name": draw(localized()), "director": "t0", "deputy_director": "t1"},
        "academic_years": [YEAR],
        "subjects": subjects,
        "teachers": teachers,
        "associations": [association],
    }
    optional(draw, document, "exported_at", st.sampled_from([None, "2026-09-01T10:00:00+05:00"]))
    optional(draw, document["school"], "city", localized())

    meeting_count = draw(st.integers(0, 3))
    meetings = []
    for number, day in enumerate(days(FIRST_DAY, meeting_count, draw), start=1):
        absent = draw(st.lists(st.sampled_from(ids[2:]), unique=True, max_size=len(ids) - 3))
        attendance: list[Doc] = []
        for teacher_id in ids:
            entry: Doc = {"teacher": teacher_id, "present": teacher_id not in absent}
            if teacher_id in absent:
                optional(draw, entry, "reason", st.one_of(st.none(), text))
            attendance.append(entry)
        present = len(ids) - len(absent)
        items = []
        for item_number in range(1, draw(st.integers(1, 2)) + 1):
            item: Doc = {
                "number": item_number,
                "title": draw(text),
                "decisions": draw(st.lists(text, min_size=1, max_size=2)),
            }
            speech = st.fixed_dictionaries(
                {
                    "speaker": st.one_of(  # rule 4: a member who speaks is present
                        st.sampled_from([t for t in ids if t not in absent]),
                        st.fixed_dictionaries({"name": text}, optional={"position": text}),
                    ),
                    "text": text,
                }
            )
            optional(draw, item, "heard", st.lists(speech, max_size=2))
            optional(draw, item, "spoke", st.lists(speech, max_size=2))
            optional(
                draw,
                item,
                "vote",
                st.one_of(
                    st.none(), st.integers(0, present).map(lambda n: {"for": n, "against": 0, "abstained": 0})
                ),
            )
            items.append(item)
        meeting: Doc = {
            "id": f"m{number}",
            "body": "mo",
            "number": number,
            "date": day,
            "language": draw(st.sampled_from(["kk", "ru"])),
            "chair": "t0",
            "secretary": "t1",
            "attendance": attendance,
            "agenda": items,
            "status": draw(st.sampled_from(["draft", "held", "finalized"])),
        }
        optional(draw, meeting, "start_time", st.sampled_from([None, "09:00", "14:30"]))
        optional(draw, meeting, "place", st.one_of(st.none(), text))
        optional(draw, meeting, "guests", st.lists(st.fixed_dictionaries({"name": text}), max_size=2))
        optional(draw, meeting, "form", st.sampled_from(["meeting", "seminar"]))
        meetings.append(meeting)

    plans = []
    for i, teacher_id in enumerate(draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))):
        status = "draft"
        if meetings and i == 0:
            status = draw(
                st.sampled_from(["draft", "submitted", "returned", "recommended", "agreed", "approved"])
            )
        rows = []
        for n in range(1, draw(st.integers(0, 4)) + 1):
            row: Doc = {
                "number": n,
                "topic": draw(text),
                "hours": draw(st.sampled_from([1, 1.0, 0.5, 2, 1.5])),
            }
            optional(draw, row, "term", st.sampled_from([None, 1]))
            optional(draw, row, "section", st.one_of(st.none(), text))
            optional(draw, row, "objectives", st.lists(text, max_size=2))
            optional(draw, row, "date", st.one_of(st.none(), st.sampled_from(SCHOOL_DAYS)))
            optional(draw, row, "note", st.one_of(st.none(), text))
            rows.append(row)
        plan: Doc = {
            "id": f"p{i}",
            "teacher": teacher_id,
            "subject": "s0",
            "academic_year": YEAR["id"],
            "grade": draw(st.integers(1, 11)),
            "language": draw(st.sampled_from(["kk", "ru"])),
            "hours_per_week": draw(st.sampled_from([1, 2, 0.5, 3.0])),
            "rows": rows,
            "status": status,
        }
        optional(draw, plan, "classes", st.lists(text, max_size=2))
        if status not in ("draft", "submitted"):
            meetings[0]["agenda"][0].setdefault("plans", []).append(plan["id"])
            plan["review"] = {
                "meeting": "m1",
                "item": 1,
                "outcome": "returned" if status == "returned" else "recommended",
                "remarks": draw(st.one_of(st.none(), text)),
            }
            first = date.fromisoformat(meetings[0]["date"])
            if status in ("agreed", "approved"):
                plan["agreed"] = {"by": "t1", "on": (first + timedelta(days=1)).isoformat()}
            if status == "approved":
                plan["approved"] = {"by": "t0", "on": (first + timedelta(days=2)).isoformat()}
        plans.append(plan)

    visits = []
    for i in range(draw(st.integers(0, 2))):
        visit: Doc = {
            "id": f"v{i}",
            "kind": draw(st.sampled_from(["open_lesson", "mutual_visit"])),
            "teacher": draw(st.sampled_from(ids)),
            "subject": "s0",
            "date": "2026-11-18",
            "topic": draw(text),
        }
        optional(draw, visit, "class", st.one_of(st.none(), text))
        optional(draw, visit, "association", st.sampled_from([None, "mo"]))
        optional(
            draw,
            visit,
            "observations",
            st.lists(
                st.fixed_dictionaries(
                    {"observer": st.sampled_from(ids)},
                    optional={"strengths": st.one_of(st.none(), text), "recommendations": text},
                ),
                max_size=2,
            ),
        )
        visits.append(visit)

    mentorships = []
    if draw(st.booleans()):
        mentorship: Doc = {
            "id": "ms",
            "mentor": "t1",
            "mentee": "t2",
            "academic_year": YEAR["id"],
            "start": "2026-09-01",
            "end": "2027-05-25",
            "status": draw(st.sampled_from(["active", "completed", "cancelled"])),
        }
        optional(
            draw,
            mentorship,
            "order",
            st.one_of(st.none(), st.fixed_dictionaries({"number": text, "date": st.just("2026-08-31")})),
        )
        optional(draw, mentorship, "goals", st.lists(text, max_size=2))
        optional(
            draw,
            mentorship,
            "plan",
            st.lists(
                st.fixed_dictionaries(
                    {"due": st.just("2026-10-01"), "activity": text}, optional={"done": st.booleans()}
                ),
                max_size=2,
            ),
        )
        optional(
            draw,
            mentorship,
            "sessions",
            st.lists(
                st.fixed_dictionaries(
                    {
                        "date": st.just("2026-10-07"),
                        "kind": st.sampled_from(["consultation", "other"]),
                        "topic": text,
                    },
                    optional={
                        "notes": st.one_of(st.none(), text),
                        "lesson_visit": st.sampled_from([None, *[v["id"] for v in visits]]),
                    },
                ),
                max_size=2,
            ),
        )
        optional(draw, mentorship, "conclusion", st.one_of(st.none(), text))
        mentorships.append(mentorship)

    for key, values in (
        ("meetings", meetings),
        ("plans", plans),
        ("mentorships", mentorships),
        ("lesson_visits", visits),
    ):
        if values or draw(st.booleans()):
            document[key] = values
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_round_trip(document: Doc) -> None:
    validator = Draft202012Validator(load_schema(), format_checker=FormatChecker())
    assert list(validator.iter_errors(document)) == []
    assert schema.is_schema_valid(document)
    round_trips(copy.deepcopy(document))


# ---------------------------------------------------------------------------------------------
# The fast schema check agrees with jsonschema
# ---------------------------------------------------------------------------------------------

EDGE_CASES = [
    pytest.param(_set("version", True), id="version-true"),
    pytest.param(_set("version", 1.0), id="version-one-point-zero"),
    pytest.param(_set("plans.0.grade", 7.0), id="grade-as-float"),
    pytest.param(_set("plans.0.rows.0.hours", True), id="hours-true"),
    pytest.param(_set("plans.0.rows.0.hours", 0), id="hours-zero"),
    pytest.param(_set("school.name", {}), id="empty-localized"),
    pytest.param(_set("school.name", {"kk": None}), id="null-localized"),
    pytest.param(_set("extra", 1), id="extra-top-level-key"),
    pytest.param(_set("meetings.0.start_time", "24:00"), id="bad-time"),
    pytest.param(_set("meetings.0.agenda.0.spoke.0.speaker", "t-01"), id="speaker-id"),
    pytest.param(_set("meetings.0.agenda.0.spoke.0.speaker", {"name": "A", "extra": 1}), id="speaker-extra"),
    pytest.param(_set("meetings.0.agenda.0.decisions", []), id="no-decisions"),
    pytest.param(_set("academic_years.0.terms", []), id="no-terms"),
    pytest.param(_set("exported_at", "2026-09-01T10:00:00"), id="date-time-without-offset"),
    pytest.param(_set("exported_at", "2026-09-01T10:00:00.5Z"), id="date-time-fraction"),
    pytest.param(_set("teachers.0.id", "т-кириллица"), id="non-ascii-id"),
]


@pytest.mark.parametrize("change", [*[p.values[0] for p in VARIANTS], *[p.values[0] for p in EDGE_CASES]])
def test_fast_check_agrees_with_jsonschema(change: Callable[[Doc], None]) -> None:
    document = sample()
    change(document)
    assert schema.is_schema_valid(document) == schema._validator().is_valid(document)


def test_fast_check_is_in_use() -> None:
    assert schema._fast_check() is not None
    assert schema.is_schema_valid(sample())


@pytest.mark.parametrize("value", [["a", "a"], ["a", "b"], [1, 1.0], [True, 1], [False, 0, None],
                                   [{"a": 1}, {"a": 1.0}], [[1], [1]], [[1], [2]], [],
                                   ["application", "diploma", "application"]])
def test_fast_unique_items_agrees_with_jsonschema(value: list[object]) -> None:
    """The attestation portfolio's ``uniqueItems``: JSON equality (1 = 1.0, true ≠ 1)."""
    from desktop_app.services.exchange.fastcheck import compile_schema

    part = {"type": "array", "uniqueItems": True}
    fast = compile_schema(part, FormatChecker())
    assert fast(value) == Draft202012Validator(part).is_valid(value)
