"""JSON Schema (draft 2020-12) for guide YAML files, generated from the format ``model``
declares."""

from __future__ import annotations

import json
from typing import Any

from botb.guide.model import FILE
from botb.shapes import (
    Boolean,
    Choice,
    Date,
    Delegated,
    Either,
    Integer,
    ListOf,
    Number,
    Pattern,
    Record,
    Shape,
    Tagged,
    Text,
)

SCHEMA_ID = "https://back-on-the-bike.github.io/schemas/guide.schema.json"


def _shape(shape: Shape, defs: dict[str, Any]) -> dict[str, Any]:
    if isinstance(shape, Text):
        return {"type": "string", "minLength": 1, "pattern": r"\S"}
    if isinstance(shape, Pattern):
        return {"type": "string", "pattern": shape.regex, "$comment": shape.rule}
    if isinstance(shape, Date):
        return {"type": "string", "format": "date"}
    if isinstance(shape, Boolean):
        return {"type": "boolean"}
    if isinstance(shape, Integer):
        return {"type": "integer", "minimum": shape.minimum, "maximum": shape.maximum}
    if isinstance(shape, Choice):
        return {"enum": list(shape.values)} if len(shape.values) > 1 else {"const": shape.values[0]}
    if isinstance(shape, ListOf):
        out: dict[str, Any] = {"type": "array", "items": _shape(shape.item, defs)}
        if shape.min_items:
            out["minItems"] = shape.min_items
        return out
    if isinstance(shape, Record):
        if shape.name not in defs:
            defs[shape.name] = {}  # reserve the name first so recursion terminates
            defs[shape.name] = _record(shape, defs)
        return {"$ref": f"#/$defs/{shape.name}"}
    if isinstance(shape, Tagged):
        return {"oneOf": [_shape(record, defs) for _, record in shape.variants]}
    if isinstance(shape, Number):
        return {"type": ["number", "string"], "pattern": r"^\d[\d,]*(\.\d+)?$"}
    if isinstance(shape, Delegated):
        return {"$comment": f"checked by {shape.owner}"}
    if isinstance(shape, Either):
        return {"oneOf": [_shape(shape.word, defs), _shape(shape.record, defs)]}
    return {
        "type": "object",
        "propertyNames": _shape(shape.key, defs),
        "additionalProperties": _shape(shape.value, defs),
    }


def _record(record: Record, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in record.fields:
        properties[field.name] = {"description": field.description, **_shape(field.shape, defs)}
    out: dict[str, Any] = {
        "type": "object",
        "description": record.description,
        "properties": properties,
        "additionalProperties": False,
    }
    required = [field.name for field in record.fields if field.required]
    if required:
        out["required"] = required
    return out


def json_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    top = _record(FILE, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Back on the Bike decision guide",
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The committed ``guide/guide.schema.json`` text, byte for byte."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
