"""The JSON Schema of the format: loading it, a fast yes/no check, and every error explained with
its path."""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from desktop_app.domain.errors import N_, Rule
from desktop_app.services.exchange.fastcheck import Check, Unsupported, compile_schema
from desktop_app.services.exchange.paths import document_order, json_path, record_of
from desktop_app.services.exchange.problems import Problem

if TYPE_CHECKING:  # jsonschema is loaded when a document is validated, not to print one record
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError


def _shipped(name: str) -> dict[str, Any]:
    text = resources.files("desktop_app.services.exchange").joinpath(name).read_text(encoding="utf-8")
    return cast(dict[str, Any], json.loads(text))


@cache
def load_schema() -> dict[str, Any]:
    """The JSON Schema the program reads and writes: version 2 (docs/exchange-v2.md), a superset of
    version 1, so every version-1 document is read unchanged."""
    return _shipped("schema-v2.json")


@cache
def load_v1_schema() -> dict[str, Any]:
    """The version-1 schema exactly as the shared contract (spec/exchange-v1.schema.json) has it."""
    return _shipped("schema.json")


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


@cache
def record_check(key: str) -> Check | None:
    """The fast check of one item of the top-level array ``key`` (of the value of ``school``);
    None when the fast check is not available."""
    node = load_schema()["properties"][key]
    if key != "school":
        node = node["items"]
    try:
        return compile_schema(load_schema(), _formats(), node)
    except Unsupported:  # pragma: no cover - see _fast_check
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
                problem = Problem(json_path(parts), record_of(document, parts), Rule.SCHEMA, message, params)
                key = (problem.path, problem.message, repr(sorted(params.items())))
                if key in seen:
                    continue
                seen.add(key)
                keyed.append((document_order(parts), len(keyed), problem))
    return [problem for _, _, problem in sorted(keyed, key=lambda k: (k[0], k[1]))]
