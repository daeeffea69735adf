from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from botb import shapes as f
from botb.guide.model import FILE
from botb.guide.schema import json_schema, schema_text

from .helpers import VALID

PROJECT = Path(__file__).resolve().parents[2]


def _as_json(path: Path) -> Any:
    # The YAML language server sees dates as strings; so does this round trip.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def test_committed_schema_is_generated() -> None:
    committed = (PROJECT / "guide" / "guide.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run `botb-guide schema --write`"


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert json_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", sorted(VALID.glob("*.yml")), ids=lambda p: p.name)
def test_fixtures_validate(path: Path) -> None:
    assert list(_validator().iter_errors(_as_json(path))) == []


@pytest.mark.parametrize(
    "node",
    [
        {"type": "question", "text": "Q?", "options": []},
        {"type": "question", "text": "Q?", "options": [{"label": "A"}]},
        {"type": "question", "text": "Q?", "options": [{"lable": "A", "next": "x"}]},
        {"type": "quest", "text": "Q?"},
        {
            "type": "outcome",
            "urgency": "later",
            "title": "T",
            "summary": "S",
            "why": "W",
            "sources": ["a"],
            "reviewed": "2026-11-27",
        },
        {
            "type": "outcome",
            "urgency": "soon",
            "title": "",
            "summary": "S",
            "why": "W",
            "sources": ["a"],
            "reviewed": "2026-11-27",
        },
    ],
)
def test_schema_rejects_what_the_loader_rejects(node: dict[str, Any]) -> None:
    assert list(_validator().iter_errors({"nodes": {"x": node}}))


def _records(shape: f.Shape, seen: dict[str, f.Record]) -> None:
    if isinstance(shape, f.Record) and shape.name not in seen:
        seen[shape.name] = shape
        for field in shape.fields:
            _records(field.shape, seen)
    elif isinstance(shape, f.ListOf):
        _records(shape.item, seen)
    elif isinstance(shape, f.Tagged):
        for _, record in shape.variants:
            _records(record, seen)
    elif isinstance(shape, f.MapOf):
        _records(shape.value, seen)


def test_every_field_is_described_for_editors() -> None:
    records: dict[str, f.Record] = {}
    _records(FILE, records)
    assert set(records) == {
        "file",
        "guide",
        "question",
        "option",
        "outcome",
        "approach",
        "note",
        "sign",
        "tier",
    }
    for record in records.values():
        assert record.description
        assert all(field.description for field in record.fields)
