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


#: Types that a JSON value of one type name has exactly (integer and number accept more).
_EXACT_TYPES: dict[str, type] = {"string": str, "object": dict, "array": list, "boolean": bool}


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


def _conforms(formats: FormatChecker, name: str) -> Check:
    """``formats.conforms(value, name)`` without its two layers of calls and its FormatError: the
    format's own function, its listed exceptions meaning "does not conform" as there."""
    found = formats.checkers.get(name)
    if found is None:  # an unknown format: every value conforms
        return lambda v: True
    func, raises = found

    def conforms(v: Any) -> bool:
        try:
            return bool(func(v))
        except raises:
            return False

    return conforms


def _disjoint(kinds: list[frozenset[str] | None]) -> bool:
    """Whether no value can have two of these type sets (integer counts as number)."""
    seen: set[str] = set()
    for kind in kinds:
        if kind is None:
            return False
        folded = {"number" if name == "integer" else name for name in kind}
        if seen & folded:
            return False
        seen |= folded
    return True


class _Compiler:
    def __init__(self, root: dict[str, Any], formats: FormatChecker) -> None:
        self.root = root
        self.formats = formats
        self.refs: dict[str, Check] = {}

    def ref(self, ref: str) -> Check:
        """The check of a ``$ref`` target: itself once compiled, an indirection only while a
        recursive definition is being compiled."""
        if ref not in self.refs:
            if not ref.startswith("#/"):
                raise Unsupported(ref)
            node: Any = self.root
            for part in ref[2:].split("/"):
                node = node[part]
            holder: list[Check] = []
            self.refs[ref] = lambda value: holder[0](value)
            holder.append(self.compile(node))
            self.refs[ref] = holder[0]
        return self.refs[ref]

    def types(self, schema: Any, depth: int = 0) -> frozenset[str] | None:
        """The JSON types a value valid against ``schema`` must have (its ``type``, and its
        ``$ref``'s), or None when the schema does not say."""
        if not isinstance(schema, dict) or depth > 8:
            return None
        found: frozenset[str] | None = None
        kind = schema.get("type")
        if isinstance(kind, str | list):
            found = frozenset([kind] if isinstance(kind, str) else kind)
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            node: Any = self.root
            for part in ref[2:].split("/"):
                node = node[part]
            target = self.types(node, depth + 1)
            if target is not None:
                found = target if found is None else found & target
        return found

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda value: True
        if schema is False:
            return lambda value: False
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        special = self.scalar(schema) or self.container(schema)
        if special is not None:
            return special
        # The type first: it fails fastest, and the other keywords of an object or array check
        # ignore values of other types anyway.
        keys = sorted((k for k in schema if k not in _ANNOTATIONS), key=lambda k: k != "type")
        checks = tuple(self.keyword(k, schema[k], schema) for k in keys)
        if len(checks) == 1:
            return checks[0]
        if len(checks) == 2:
            first, second = checks
            return lambda value: first(value) and second(value)

        def every(value: Any) -> bool:
            for check in checks:  # noqa: SIM110 - a loop is faster here than all() over a generator
                if not check(value):
                    return False
            return True

        return every

    def scalar(self, schema: dict[str, Any]) -> Check | None:
        """One closure for a string or number schema with its limits (maybe also null): the
        common leaf of a document, checked hundreds of thousands of times."""
        kind = schema.get("type")
        names = [kind] if isinstance(kind, str) else list(kind) if isinstance(kind, list) else []
        nullable = "null" in names and len(names) == 2
        base = [n for n in names if n != "null"]
        if len(base) != 1 or (len(names) == 2 and not nullable):
            return None
        keys = set(schema) - _ANNOTATIONS - {"type"}
        if base[0] == "string" and keys <= {"minLength", "maxLength", "pattern", "format"}:
            low, high = schema.get("minLength", 0), schema.get("maxLength")
            regex = re.compile(schema["pattern"]) if "pattern" in schema else None
            name = schema.get("format")
            conforms = None if name is None else _conforms(self.formats, name)

            def text(v: Any) -> bool:
                if not isinstance(v, str):
                    return nullable and v is None
                size = len(v)
                return (size >= low and (high is None or size <= high)
                        and (regex is None or regex.search(v) is not None)
                        and (conforms is None or conforms(v)))

            return text
        if base[0] in ("integer", "number") and keys <= {"minimum", "maximum", "exclusiveMinimum"}:
            integer = base[0] == "integer"
            low, high, above = schema.get("minimum"), schema.get("maximum"), schema.get("exclusiveMinimum")

            def number(v: Any) -> bool:
                kind = type(v)
                if kind is not int and (kind is not float or (integer and not v.is_integer())):
                    return nullable and v is None
                return ((low is None or v >= low) and (high is None or v <= high)
                        and (above is None or v > above))

            return number
        return None

    def container(self, schema: dict[str, Any]) -> Check | None:
        """One closure for an object (or array) schema: its type, keys and items at once."""
        keys = set(schema) - _ANNOTATIONS
        if schema.get("type") == "object" and keys <= {
            "type", "properties", "required", "additionalProperties", "minProperties",
        } and schema.get("additionalProperties", False) is False:
            props = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
            find = props.get
            required = frozenset(schema.get("required", ()))
            known = frozenset(props) if "additionalProperties" in schema else None
            least = schema.get("minProperties", 0)

            def obj(v: Any) -> bool:
                if not isinstance(v, dict) or len(v) < least or not required.issubset(v):
                    return False
                if known is not None and not known.issuperset(v):
                    return False
                for key, item in v.items():
                    check = find(key)
                    if check is not None and not check(item):
                        return False
                return True

            return obj
        if schema.get("type") == "array" and keys <= {"type", "items", "minItems", "maxItems"}:
            each = self.compile(schema.get("items", True))
            fewest, most = schema.get("minItems", 0), schema.get("maxItems")

            def array(v: Any) -> bool:
                if not isinstance(v, list) or len(v) < fewest or (most is not None and len(v) > most):
                    return False
                for x in v:  # noqa: SIM110 - faster than all() over a generator
                    if not each(x):
                        return False
                return True

            return array
        return None

    def keyword(self, keyword: str, arg: Any, schema: dict[str, Any]) -> Check:
        """The check of one keyword; each ignores values of types the keyword does not apply to."""
        if keyword == "$ref":
            return self.ref(arg)
        if keyword == "type":
            names = [arg] if isinstance(arg, str) else list(arg)
            for name in names:
                _is_type(None, name)  # Unsupported for an unknown type name
            exact = _EXACT_TYPES.get(names[0]) if len(names) == 1 else None
            if exact is not None:
                return lambda v: isinstance(v, exact)
            if names in (["string", "null"], ["null", "string"]):
                return lambda v: v is None or isinstance(v, str)
            if names == ["integer"]:
                return lambda v: type(v) is int or (type(v) is float and v.is_integer())
            if names in (["integer", "null"], ["null", "integer"]):
                return lambda v: v is None or type(v) is int or (type(v) is float and v.is_integer())
            if names == ["number"]:
                return lambda v: type(v) is int or type(v) is float
            return lambda v: any(_is_type(v, n) for n in names)
        if keyword == "const":
            return lambda v: _equal(v, arg)
        if keyword == "enum":
            if all(isinstance(option, str) for option in arg):
                words = frozenset(arg)
                return lambda v: isinstance(v, str) and v in words
            return lambda v: any(_equal(v, option) for option in arg)
        if keyword == "pattern":
            regex = re.compile(arg)
            return lambda v: not isinstance(v, str) or regex.search(v) is not None
        if keyword == "format":
            return _conforms(self.formats, arg)
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
        if keyword == "uniqueItems":
            if not arg:
                return lambda v: True
            return lambda v: not isinstance(v, list) or len({_json_key(x) for x in v}) == len(v)
        if keyword == "minProperties":
            return lambda v: not isinstance(v, dict) or len(v) >= arg
        if keyword == "required":
            keys = frozenset(arg)
            return lambda v: not isinstance(v, dict) or keys.issubset(v)
        if keyword == "dependentRequired":
            needs = [(key, frozenset(others)) for key, others in arg.items()]
            return lambda v: not isinstance(v, dict) or all(others.issubset(v) for key, others in needs if key in v)
        if keyword == "properties":
            props = {name: self.compile(sub) for name, sub in arg.items()}
            find = props.get

            def properties(v: Any) -> bool:
                if not isinstance(v, dict):
                    return True
                for key, item in v.items():
                    check = find(key)
                    if check is not None and not check(item):
                        return False
                return True

            return properties
        if keyword == "additionalProperties":
            if arg is not False or "patternProperties" in schema:
                raise Unsupported("additionalProperties")
            known = frozenset(schema.get("properties", {}))
            return lambda v: not isinstance(v, dict) or known.issuperset(v)
        if keyword == "items":
            item = self.compile(arg)

            def items(v: Any) -> bool:
                if not isinstance(v, list):
                    return True
                for x in v:  # noqa: SIM110 - faster than all() over a generator
                    if not item(x):
                        return False
                return True

            return items
        if keyword == "oneOf":
            branches = tuple(self.compile(sub) for sub in arg)
            if _disjoint([self.types(sub) for sub in arg]):
                # No value has the types of two branches: "exactly one" is "any one", and the
                # first that accepts it ends the check (null, the commonest, in one comparison).
                if len(arg) == 2 and {"type": "null"} in arg:
                    other = branches[1] if arg[0] == {"type": "null"} else branches[0]
                    return lambda v: v is None or other(v)

                def any_of(v: Any) -> bool:
                    for branch in branches:  # noqa: SIM110 - faster than any() over a generator
                        if branch(v):
                            return True
                    return False

                return any_of

            def one_of(v: Any) -> bool:
                matched = 0
                for branch in branches:
                    if branch(v):
                        matched += 1
                        if matched > 1:
                            return False
                return matched == 1

            return one_of
        raise Unsupported(keyword)


def _json_key(value: Any) -> Any:
    """A hashable key equal for values JSON Schema calls equal (1 and 1.0 alike, true unlike 1)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, list):
        return ("array", tuple(_json_key(x) for x in value))
    return ("object", frozenset((k, _json_key(x)) for k, x in value.items()))


def compile_schema(schema: dict[str, Any], formats: FormatChecker, part: Any = None) -> Check:
    """A function that tells whether a JSON value is valid against ``schema`` — or against
    ``part``, a subschema of it (its ``$ref`` resolved within ``schema``)."""
    return _Compiler(schema, formats).compile(schema if part is None else part)
