"""A fast yes/no check of a document against the exchange schema.

jsonschema walks a 20 MB document in seconds; this compiles the schema once into plain Python
closures that say only *whether* a document is valid. ``codec.schema_problems`` runs it first and
falls back to jsonschema (which explains every error with its path) only for an invalid document.

Only the keywords that the exchange schema uses are compiled; any other keyword makes
:func:`compile_schema` raise :class:`Unsupported`, and the codec then always uses jsonschema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only a type here: loading jsonschema waits for a document to validate
    from jsonschema import FormatChecker

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description"})


class Unsupported(Exception):
    """The schema uses a keyword this checker does not know."""


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if name == "number":
        return isinstance(value, int | float)
    if name == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    raise Unsupported(f"type {name}")


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: true and 1 differ."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Compiler:
    def __init__(self, root: dict[str, Any], formats: FormatChecker) -> None:
        self.root = root
        self.formats = formats
        self.refs: dict[str, Check] = {}

    def ref(self, ref: str) -> Check:
        if ref not in self.refs:
            if not ref.startswith("#/"):
                raise Unsupported(ref)
            node: Any = self.root
            for part in ref[2:].split("/"):
                node = node[part]
            holder: list[Check] = []
            self.refs[ref] = lambda value: holder[0](value)
            holder.append(self.compile(node))
        return self.refs[ref]

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        checks = [self.keyword(k, arg, schema) for k, arg in schema.items() if k not in _ANNOTATIONS]
        if len(checks) == 1:
            return checks[0]
        return lambda value: all(check(value) for check in checks)

    def keyword(self, keyword: str, arg: Any, schema: dict[str, Any]) -> Check:
        """The check of one keyword; each ignores values of types the keyword does not apply to."""
        if keyword == "$ref":
            return self.ref(arg)
        if keyword == "type":
            names = [arg] if isinstance(arg, str) else list(arg)
            for name in names:
                _is_type(None, name)  # Unsupported for an unknown type name
            return lambda v: any(_is_type(v, n) for n in names)
        if keyword == "const":
            return lambda v: _equal(v, arg)
        if keyword == "enum":
            return lambda v: any(_equal(v, option) for option in arg)
        if keyword == "pattern":
            regex = re.compile(arg)
            return lambda v: not isinstance(v, str) or regex.search(v) is not None
        if keyword == "format":
            formats = self.formats
            return lambda v: formats.conforms(v, arg)
        if keyword == "minLength":
            return lambda v: not isinstance(v, str) or len(v) >= arg
        if keyword == "maxLength":
            return lambda v: not isinstance(v, str) or len(v) <= arg
        if keyword == "minimum":
            return lambda v: not _number(v) or v >= arg
        if keyword == "maximum":
            return lambda v: not _number(v) or v <= arg
        if keyword == "exclusiveMinimum":
            return lambda v: not _number(v) or v > arg
        if keyword == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= arg
        if keyword == "maxItems":
            return lambda v: not isinstance(v, list) or len(v) <= arg
        if keyword == "minProperties":
            return lambda v: not isinstance(v, dict) or len(v) >= arg
        if keyword == "required":
            keys = tuple(arg)
            return lambda v: not isinstance(v, dict) or all(k in v for k in keys)
        if keyword == "properties":
            props = {name: self.compile(sub) for name, sub in arg.items()}
            return lambda v: not isinstance(v, dict) or all(props[k](x) for k, x in v.items() if k in props)
        if keyword == "additionalProperties":
            if arg is not False or "patternProperties" in schema:
                raise Unsupported("additionalProperties")
            known = frozenset(schema.get("properties", {}))
            return lambda v: not isinstance(v, dict) or known.issuperset(v)
        if keyword == "items":
            item = self.compile(arg)
            return lambda v: not isinstance(v, list) or all(item(x) for x in v)
        if keyword == "oneOf":
            branches = [self.compile(sub) for sub in arg]
            return lambda v: sum(1 for b in branches if b(v)) == 1
        raise Unsupported(keyword)


def compile_schema(schema: dict[str, Any], formats: FormatChecker) -> Check:
    """A function that tells whether a JSON value is valid against ``schema``."""
    return _Compiler(schema, formats).compile(schema)
