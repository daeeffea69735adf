"""One vocabulary for the YAML editors write, and one validator that walks it.

The guide files, the bibliography and every page's front matter are declared with these
shapes and checked by ``validate``, so all three report a problem the same way
(file:line:column, the same words, a did-you-mean for a mistyped key) and follow the same
key rules. What a shape cannot say (a date in the future, a source cited twice) stays with
the module that owns the format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from botb.diagnostics import Diagnostic, Location, did_you_mean
from botb.yamlsource import PosDict, PosList


@dataclass(frozen=True)
class Text:
    """A non-empty string; plain text unless ``markdown``. ``numbers``: YAML reads ``12`` as
    a number, so a number is taken as its text (volume and page numbers)."""

    markdown: bool = False
    numbers: bool = False


@dataclass(frozen=True)
class Pattern:
    """A string that must match ``regex``; ``rule`` tells the editor what is allowed.
    ``numbers`` as for ``Text``."""

    regex: str
    rule: str
    numbers: bool = False

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.regex)


@dataclass(frozen=True)
class Date:
    """An ISO date, YYYY-MM-DD."""


@dataclass(frozen=True)
class Boolean:
    pass


@dataclass(frozen=True)
class Integer:
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Number:
    """A number as a source prints it: 12, 0.5, or "1,274" with its thousands separator."""


@dataclass(frozen=True)
class Choice:
    values: tuple[str, ...]


@dataclass(frozen=True)
class ListOf:
    """A list; ``single`` lets a lone item stand without brackets."""

    item: Shape
    min_items: int = 0
    single: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    shape: Shape
    description: str
    required: bool = False


@dataclass(frozen=True)
class Record:
    """A mapping with a closed set of keys; ``name`` is its ``$defs`` name in the schema.
    ``open_keys`` are keys another tool reads (Material's front matter), allowed unchecked."""

    name: str
    description: str
    fields: tuple[Field, ...]
    open_keys: tuple[str, ...] = ()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @cached_property
    def names(self) -> tuple[str, ...]:
        # Read for every key of every node of a tree: worth keeping.
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True)
class Tagged:
    """A mapping whose ``tag`` field picks which record describes the rest."""

    tag: str
    variants: tuple[tuple[str, Record], ...]

    def variant(self, value: object) -> Record | None:
        return next((record for name, record in self.variants if name == value), None)


@dataclass(frozen=True)
class MapOf:
    """A mapping from editor-chosen keys (node ids, source keys) to values of one shape."""

    key: Pattern
    value: Shape
    key_name: str


@dataclass(frozen=True)
class Delegated:
    """A value another module checks with its own vocabulary (an approach page's facts,
    whose words live in facts.yml); ``owner`` names that module for the schema."""

    owner: str


@dataclass(frozen=True)
class Either:
    """A word or a record, e.g. ``clinical_review: pending`` or a sign-off with a name;
    ``rule`` says both in the editor's terms."""

    word: Choice
    record: Record
    rule: str


Shape = (
    (Text | Pattern | Date | Boolean | Integer | Number | Choice | ListOf | Record | Tagged | MapOf)
    | Either
    | Delegated
)

# One key rule for everything an editor names: node ids, sign ids and source keys alike.
ID_REGEX = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
SOURCE_KEY = Pattern(
    regex=ID_REGEX,
    rule="use a key from content/_data/bibliography.yml: lowercase letters, digits and single "
    "hyphens, starting with a letter, e.g. nice-ng59",
)

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
# Markdown fields may link, but never to addresses that run code when followed.
_SCRIPT_LINK = re.compile(r"\]\(\s*<?\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)


def kind(value: object) -> str:
    """What a value is, in an editor's words."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def valid_iso(text: str) -> bool:
    if not _ISO_DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def as_text(value: object) -> str:
    """A value that passed a ``numbers`` shape, as the text it stands for."""
    return value.strip() if isinstance(value, str) else str(value)


def as_date(value: dt.date | str) -> dt.date:
    """A value that passed ``Date``, as a date."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value.strip())


def plain_text(text: str) -> str:
    """A plain-text value as one paragraph, whatever YAML block style the editor used."""
    return " ".join(text.split())


def _allowed(word: str, choices: tuple[str, ...]) -> str:
    return did_you_mean(word, choices) or f" (allowed: {', '.join(choices)})"


# Where a value sits, worked out only for a diagnostic: a large tree has hundreds of thousands
# of values and nearly all of them are fine.
Where = Callable[[], Location]


def validate(value: Any, shape: Shape, *, name: str, at: Where, owner: Where) -> list[Diagnostic]:
    """Every way ``value`` (loaded with ``yamlsource``) breaks ``shape``.

    ``at`` is where the value sits and ``owner`` where its key sits, which is where a
    missing field is reported; ``name`` is how messages refer to it.
    """
    checker = _Validator()
    checker.check(value, shape, at=at, owner=owner, name=name)
    return checker.problems


def field_problems(
    data: PosDict, record: Record, *, name: str, owner: Where
) -> dict[str | None, list[Diagnostic]]:
    """``validate`` for a record, with each problem filed under the field whose value it is
    about, so the caller builds from the fields that are sound; unknown and missing keys are
    filed under None."""
    checker = _Validator()
    checker.keys(data, record, owner=owner, name=name)
    found: dict[str | None, list[Diagnostic]] = {None: checker.problems}
    for field in record.fields:
        if field.name in data:
            found[field.name] = validate(
                data[field.name],
                field.shape,
                at=partial(data.value_at, field.name),
                owner=partial(data.key_at, field.name),
                name=f"{field.name!r}",
            )
    return found


class _Validator:
    def __init__(self) -> None:
        self.problems: list[Diagnostic] = []
        # One look-up per value instead of a chain of isinstance tests: this runs for every
        # value of every node.
        self._checks: dict[type, Callable[[Any, Any, Where, Where, str], None]] = {
            Text: self._text,
            Pattern: self._pattern,
            Date: self._date,
            Boolean: self._boolean,
            Integer: self._integer,
            Number: self._number,
            Choice: self._choice,
            ListOf: self._list,
            Record: self._record,
            Tagged: self._tagged,
            MapOf: self._map,
            Either: self._either,
            Delegated: self._delegated,
        }

    def report(self, location: Location, message: str) -> None:
        self.problems.append(Diagnostic(location, message))

    def check(self, value: Any, shape: Shape, *, at: Where, owner: Where, name: str) -> None:
        self._checks[type(shape)](value, shape, at, owner, name)

    def _text(self, value: Any, shape: Text, at: Where, owner: Where, name: str) -> None:
        if isinstance(value, bool):
            # YAML 1.1 reads Yes/No/On/Off as booleans: the commonest editor surprise.
            self.report(
                at(),
                f"{name} must be text, not true/false; YAML reads words like Yes and No "
                'as true/false, so put them in quotes: "Yes"',
            )
        elif shape.numbers and isinstance(value, int | float):
            return
        elif not isinstance(value, str):
            self.report(at(), f"{name} must be text, not {kind(value)}")
        elif not value.strip():
            self.report(at(), f"{name} must not be empty")
        elif shape.markdown and (scheme := _SCRIPT_LINK.search(value)):
            self.report(
                at(),
                f"{name} links to a {scheme.group(1).lower()}: address; "
                "link to pages of this site or to https:// addresses only",
            )

    def _pattern(self, value: Any, shape: Pattern, at: Where, owner: Where, name: str) -> None:
        if shape.numbers and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.report(at(), f"{name} must be text, not {kind(value)}; {shape.rule}")
        elif not shape.compiled.match(value):
            self.report(at(), f"{name} {value!r} is not valid: {shape.rule}")

    def _date(self, value: Any, shape: Date, at: Where, owner: Where, name: str) -> None:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date | str):
            self.report(at(), f"{name} must be a date like 2026-11-27, not {kind(value)}")
        elif isinstance(value, str) and not valid_iso(value.strip()):
            self.report(at(), f"{name} {value!r} is not a date like 2026-11-27")

    def _boolean(self, value: Any, shape: Boolean, at: Where, owner: Where, name: str) -> None:
        if not isinstance(value, bool):
            self.report(at(), f"{name} must be true or false, not {kind(value)}")

    def _integer(self, value: Any, shape: Integer, at: Where, owner: Where, name: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(at(), f"{name} must be a whole number, not {kind(value)}")
        elif not shape.minimum <= value <= shape.maximum:
            self.report(at(), f"{name} must be between {shape.minimum} and {shape.maximum}")

    def _number(self, value: Any, shape: Number, at: Where, owner: Where, name: str) -> None:
        if isinstance(value, bool) or not (
            isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.match(value))
        ):
            self.report(at(), f"{name} must be a number, not {kind(value)}")

    def _choice(self, value: Any, shape: Choice, at: Where, owner: Where, name: str) -> None:
        if value not in shape.values:
            allowed = ", ".join(shape.values)
            hint = did_you_mean(value, shape.values) if isinstance(value, str) else ""
            self.report(at(), f"{name} must be one of: {allowed} (got {value!r}){hint}")

    def _list(self, value: Any, shape: ListOf, at: Where, owner: Where, name: str) -> None:
        if shape.single and not isinstance(value, PosList | PosDict):
            self.check(value, shape.item, at=at, owner=owner, name=name)
            return
        if not isinstance(value, PosList):
            self.report(at(), f"{name} must be a list, not {kind(value)}")
            return
        if len(value) < shape.min_items:
            self.report(at(), f"{name} needs at least {shape.min_items} item(s); it is empty")
        for index, item in enumerate(value):
            where = partial(value.item_at, index)
            self.check(item, shape.item, at=where, owner=where, name=f"item {index + 1} of {name}")

    def _mapping(self, value: Any, *, at: Where, name: str) -> PosDict | None:
        if isinstance(value, PosDict):
            return value
        self.report(at(), f"{name} must be a mapping of fields, not {kind(value)}")
        return None

    def keys(self, data: PosDict, record: Record, *, owner: Where, name: str) -> None:
        """Keys the record does not have, and required keys that are missing."""
        for key in data:
            if key not in record.names and key not in record.open_keys:
                hint = _allowed(str(key), record.names)
                self.report(data.key_at(key), f"unknown field {key!r} in {name}{hint}")
        for field in record.fields:
            if field.required and field.name not in data:
                self.report(owner(), f"{name} is missing required field {field.name!r}")

    def _record(self, value: Any, record: Record, at: Where, owner: Where, name: str) -> None:
        data = self._mapping(value, at=at, name=name)
        if data is None:
            return
        self.keys(data, record, owner=owner, name=name)
        for field in record.fields:
            if field.name not in data:
                continue
            self.check(
                data[field.name],
                field.shape,
                at=partial(data.value_at, field.name),
                owner=partial(data.key_at, field.name),
                name=f"{field.name!r}",
            )

    def _tagged(self, value: Any, shape: Tagged, at: Where, owner: Where, name: str) -> None:
        data = self._mapping(value, at=at, name=name)
        if data is None:
            return
        choices = tuple(tag for tag, _ in shape.variants)
        if shape.tag not in data:
            self.report(
                owner(), f"{name} is missing required field {shape.tag!r} ({' or '.join(choices)})"
            )
            return
        record = shape.variant(data[shape.tag])
        if record is None:
            tag = data[shape.tag]
            self.report(
                data.value_at(shape.tag),
                f"{shape.tag!r} must be one of: {', '.join(choices)} (got {tag!r})",
            )
            return
        self._record(data, record, at, owner, f"{data[shape.tag]} {name}")

    def _map(self, value: Any, shape: MapOf, at: Where, owner: Where, name: str) -> None:
        data = self._mapping(value, at=at, name=name)
        if data is None:
            return
        for key, item in data.items():
            if not isinstance(key, str) or not shape.key.compiled.match(key):
                self.report(
                    data.key_at(key), f"{shape.key_name} {key!r} is not valid: {shape.key.rule}"
                )
                continue
            self.check(
                item,
                shape.value,
                at=partial(data.value_at, key),
                owner=partial(data.key_at, key),
                name=f"'{key}'",
            )

    def _delegated(self, value: Any, shape: Delegated, at: Where, owner: Where, name: str) -> None:
        return

    def _either(self, value: Any, shape: Either, at: Where, owner: Where, name: str) -> None:
        if isinstance(value, PosDict):
            self._record(value, shape.record, at, owner, name)
        elif value not in shape.word.values:
            self.report(at(), f"{name} must be {shape.rule} (got {value!r})")
