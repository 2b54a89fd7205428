"""The canonical form of an exchange document, for comparing documents in tests and benches."""

from __future__ import annotations

from typing import Any, cast

from desktop_app.domain.validation import COLLECTIONS
from desktop_app.services.exchange import load_schema
from desktop_app.services.exchange.reading import nfc

JSON = dict[str, Any]

#: Defaults of optional keys whose schema allows neither null nor a list.
_NAMED_DEFAULTS: dict[str, Any] = {"category": "none", "active": True, "form": "meeting", "done": False,
                                   "course_period_years": 3}


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
        return nfc(value)
    if isinstance(value, dict):
        properties = cast(JSON, node.get("properties", {}))
        out = {k: (_fill(v, properties[k]) if k in properties else nfc(v)) for k, v in value.items()}
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
    return nfc(value)


def canonical(document: JSON) -> JSON:
    """``document`` with every optional key at its default, strings NFC, collections sorted by id
    and ``exported_at`` null (and version 1 read as 2).

    Two documents with the same records and values have equal canonical forms, whatever the order
    of their collections and whichever optional keys they leave out.
    """
    out = cast(JSON, _fill(document, load_schema()))
    # The moment of export is not a record: import forgets it, so comparisons ignore it.
    out["exported_at"] = None
    # Version 2 only adds to version 1 (docs/exchange-v2.md): a version-1 document comes back as
    # version 2 with the same records, so the number the document was written in is not compared.
    if out.get("version") in (1, 2):
        out["version"] = 2
    for name in COLLECTIONS[1:]:
        items = out.get(name)
        if isinstance(items, list):
            out[name] = sorted(items, key=lambda r: str(r.get("id")) if isinstance(r, dict) else "")
    return out
