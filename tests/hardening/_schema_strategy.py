"""A small hypothesis strategy for documents valid against the window JSON Schema (its keywords only).

hypothesis-jsonschema 0.23 no longer runs on current hypothesis (it uses removed internals), so the suite
generates from the schema itself: objects (required and optional properties, no extras), ``anyOf``, ``$ref``,
``enum``, integers and numbers with bounds, strings with ``pattern``/lengths/``format: date``, arrays with
``uniqueItems``, booleans and null. Optional properties are dropped at random; a keyword it does not know
fails loudly, so a new keyword in the schema cannot be silently ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

KNOWN = {
    "$ref", "anyOf", "enum", "type", "properties", "required", "additionalProperties", "items", "minimum",
    "maximum", "pattern", "minLength", "maxLength", "format", "uniqueItems", "default", "description",
    "title", "title_zh", "$defs", "$schema", "$comment", "maxItems",
}  # fmt: skip


def from_schema(root: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents valid against ``root`` (a schema with local ``#/$defs/...`` references)."""
    defs = root.get("$defs", {})

    def build(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        unknown = set(schema) - KNOWN
        assert not unknown, f"unsupported schema keywords: {unknown}"
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            return st.deferred(lambda: build(defs[name]))
        if "anyOf" in schema:
            rest = {k: v for k, v in schema.items() if k != "anyOf"}
            return st.one_of([build({**rest, **branch}) for branch in schema["anyOf"]])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        kind = schema.get("type")
        if kind == "object":
            return _object(schema, build)
        if kind == "array":
            items = build(schema.get("items", {"type": "string"}))
            size = min(6, schema.get("maxItems", 6))
            return st.lists(items, max_size=size, unique_by=_key if schema.get("uniqueItems") else None)
        if kind == "integer":
            return st.integers(int(schema.get("minimum", -(10**12))), int(schema.get("maximum", 10**12)))
        if kind == "number":
            low, high = schema.get("minimum"), schema.get("maximum")
            whole = st.integers(
                int(low) if low is not None else -(10**9), int(high) if high is not None else 10**9
            )
            return whole | st.floats(low, high, allow_nan=False, allow_infinity=False)
        if kind == "string":
            return _string(schema)
        if kind == "boolean":
            return st.booleans()
        if kind == "null":
            return st.none()
        raise AssertionError(f"unsupported schema: {schema}")  # pragma: no cover

    return build(root)


def _key(value: Any) -> str:
    return repr(value)


def _object(schema: dict[str, Any], build: Any) -> st.SearchStrategy[dict[str, Any]]:
    required = set(schema.get("required", ()))
    props = schema.get("properties", {})
    fixed = {name: build(sub) for name, sub in props.items() if name in required}
    optional = {name: build(sub) for name, sub in props.items() if name not in required}
    return st.fixed_dictionaries(fixed, optional=optional)


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    if schema.get("format") == "date":
        return st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if "pattern" in schema:
        text = st.from_regex(schema["pattern"], fullmatch=True)
    else:
        text = st.text(min_size=low, max_size=min(high, 80) if high is not None else 30)
    return text.filter(lambda s: len(s) >= low and (high is None or len(s) <= high))
