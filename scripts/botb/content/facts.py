"""Approach facts: the vocabulary in ``_data/facts.yml`` and the ``facts:`` front matter.

Every approach page states, as data, what the evidence says (direction), how big the effect
is and against what, how long to try it, what it costs in time and money, where it happens
and its downsides. The words shown for each value, the headings and the reader's values
step all live in ``facts.yml``; this module only checks that a page uses them, so the
"In short" boxes, the compare table and the guide's option comparisons cannot disagree.
Contract: docs/CONTRACT.md ("Approach facts").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botb.diagnostics import Diagnostic, DiagnosticError, Location, did_you_mean, read_source
from botb.yamlsource import PosDict, PosList, load_yaml

FACTS_FILE = "_data/facts.yml"
# Word lists facts.yml declares: value id -> label (and, for some, a meaning).
VOCABULARIES = ("direction", "cost", "effort", "where")
NATURAL_COURSE = "natural-course"  # the direction of the "keep riding and wait" option
HEADINGS = (
    "in_short",
    "direction",
    "certainty",
    "effect",
    "people",
    "people_text",
    "people_text_alone",
    "try_for",
    "time_per_week",
    "cost",
    "where",
    "hands_on",
    "yes",
    "no",
    "downsides",
    "serious",
    "compared_with",
    "time_frame",
    "no_numbers",
    "no_people",
    "compare",
    "compare_intro",
    "read_more",
)
# Fields a value's ``fits`` rule may test, and how each reads the facts.
FIT_FIELDS = ("effort", "cost", "where", "hands_on", "direction")
EFFECT_FIELDS = ("size", "compared_with", "time_frame", "source")
PEOPLE_FIELDS = ("outcome", "with", "without", "compared_with", "time_frame", "source")
# A natural course has no comparison group: one array, no "without".
PEOPLE_OPTIONAL = ("without", "compared_with")
TEXT_FIELDS = ("try_for", "time_per_week", "downsides", "serious")
FACT_KEYS = (
    "direction",
    "effect",
    "people",
    "try_for",
    "time_per_week",
    "effort",
    "cost",
    "where",
    "hands_on",
    "downsides",
    "serious",
)
NO_NUMBER = "none"


@dataclass(frozen=True)
class Word:
    label: str
    meaning: str = ""


@dataclass(frozen=True)
class Value:
    """One thing that may matter to a reader, and which facts make an option fit it."""

    id: str
    label: str
    fits: tuple[tuple[str, tuple[str, ...]], ...]  # (fact field, accepted values)


@dataclass(frozen=True)
class ReadyItem:
    id: str
    text: str


@dataclass(frozen=True)
class FactWords:
    """Everything facts.yml declares."""

    words: Mapping[str, Mapping[str, Word]]  # vocabulary -> value id -> word
    headings: Mapping[str, str]
    values_heading: str
    values_intro: str
    values_fit: str
    values: tuple[Value, ...]
    ready_heading: str
    ready_intro: str
    ready: tuple[ReadyItem, ...]
    ready_unsure: str

    def label(self, vocabulary: str, value: str) -> str:
        return self.words[vocabulary][value].label

    def meaning(self, vocabulary: str, value: str) -> str:
        return self.words[vocabulary][value].meaning


@dataclass(frozen=True)
class Effect:
    size: str
    compared_with: str
    time_frame: str
    source: str


@dataclass(frozen=True)
class People:
    """Event rates out of 100, with and without the approach, from one source; ``without``
    is None for a natural course, which has no comparison group."""

    outcome: str
    with_: int
    without: int | None
    compared_with: str
    time_frame: str
    source: str


@dataclass(frozen=True)
class ApproachFacts:
    direction: str
    effect: Effect | None  # None: no source gives a number
    people: People | None
    try_for: str
    time_per_week: str
    effort: str
    cost: str
    where: tuple[str, ...]
    hands_on: bool
    downsides: str
    serious: str

    def value_of(self, field: str) -> tuple[str, ...]:
        """A fact as the strings a value's ``fits`` rule compares with."""
        if field == "where":
            return self.where
        if field == "hands_on":
            return ("true" if self.hands_on else "false",)
        return (str(getattr(self, field)),)

    def fits(self, value: Value) -> bool:
        return all(set(self.value_of(field)) & set(accepted) for field, accepted in value.fits)


# --- facts.yml -----------------------------------------------------------------------------


def load_fact_words(path: Path, *, display: str) -> FactWords:
    """Read and check facts.yml; raise ``DiagnosticError`` with every problem."""
    data = load_yaml(read_source(path, display=display), path=display)
    problems: list[Diagnostic] = []
    top = Location(display)
    if not isinstance(data, PosDict):
        raise DiagnosticError([Diagnostic(top, "facts.yml must be a mapping")])

    def need(parent: PosDict, key: str) -> Any:
        if key not in parent:
            problems.append(Diagnostic(parent.location, f"missing {key!r}"))
            return None
        return parent[key]

    def text(parent: PosDict, key: str) -> str:
        value = need(parent, key)
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            problems.append(Diagnostic(parent.value_at(key), f"{key!r} must be non-empty text"))
            return ""
        return " ".join(value.split())

    def mapping(parent: PosDict, key: str) -> PosDict:
        value = need(parent, key)
        if value is not None and not isinstance(value, PosDict):
            problems.append(Diagnostic(parent.value_at(key), f"{key!r} must be a mapping"))
        return value if isinstance(value, PosDict) else PosDict(parent.location)

    def items(parent: PosDict, key: str) -> list[PosDict]:
        value = need(parent, key)
        if not isinstance(value, PosList):
            if value is not None:
                problems.append(Diagnostic(parent.value_at(key), f"{key!r} must be a list"))
            return []
        found = []
        for index, item in enumerate(value):
            if isinstance(item, PosDict):
                found.append(item)
            else:
                problems.append(Diagnostic(value.item_at(index), "each item is a mapping"))
        return found

    words: dict[str, dict[str, Word]] = {}
    for vocabulary in VOCABULARIES:
        table = mapping(data, vocabulary)
        words[vocabulary] = {}
        for key, entry in table.items():
            if not isinstance(entry, PosDict):
                problems.append(Diagnostic(table.value_at(key), "each value has a label"))
                continue
            meaning = text(entry, "meaning") if "meaning" in entry else ""
            words[vocabulary][str(key)] = Word(text(entry, "label"), meaning)
    if NATURAL_COURSE not in words["direction"]:
        where = data.value_at("direction")
        problems.append(Diagnostic(where, f"direction needs {NATURAL_COURSE!r} (the wait option)"))
    heading_map = mapping(data, "headings")
    headings = {key: text(heading_map, key) for key in HEADINGS}
    values_map = mapping(data, "values")
    values: list[Value] = []
    for item in items(values_map, "items"):
        rule = mapping(item, "fits")
        fits: list[tuple[str, tuple[str, ...]]] = []
        for field, accepted in rule.items():
            if field not in FIT_FIELDS:
                hint = did_you_mean(str(field), FIT_FIELDS)
                problems.append(Diagnostic(rule.key_at(field), f"cannot fit on {field!r}{hint}"))
                continue
            listed = accepted if isinstance(accepted, PosList) else [accepted]
            names = tuple(str(v).lower() if isinstance(v, bool) else str(v) for v in listed)
            known = set(words.get(field, {})) if field != "hands_on" else {"true", "false"}
            for name in names:
                if name not in known:
                    problems.append(
                        Diagnostic(rule.value_at(field), f"{name!r} is not a {field} value")
                    )
            fits.append((str(field), names))
        values.append(Value(text(item, "id"), text(item, "label"), tuple(fits)))
    ready_map = mapping(data, "ready")
    ready = tuple(
        ReadyItem(text(item, "id"), text(item, "text")) for item in items(ready_map, "items")
    )
    if problems:
        raise DiagnosticError(problems)
    return FactWords(
        words=words,
        headings=headings,
        values_heading=text(values_map, "heading"),
        values_intro=text(values_map, "intro"),
        values_fit=text(values_map, "fits"),
        values=tuple(values),
        ready_heading=text(ready_map, "heading"),
        ready_intro=text(ready_map, "intro"),
        ready=ready,
        ready_unsure=text(ready_map, "unsure"),
    )


# --- front matter ``facts:`` ------------------------------------------------------------------


Report = Callable[[Location, str], None]


def check_facts(
    value: Any,
    *,
    where: Location,
    words: FactWords,
    source_keys: Collection[str] | None,
    report: Report,
) -> ApproachFacts | None:
    """The ``facts:`` mapping of one approach page, or None after reporting its problems."""
    if not isinstance(value, PosDict):
        report(where, "'facts' must be a mapping: direction, effect, try_for, ... (see facts.yml)")
        return None
    collect = _Collect(report)
    for key in value:
        if key not in FACT_KEYS:
            hint = did_you_mean(str(key), FACT_KEYS)
            collect(
                value.key_at(key), f"unknown fact {key!r}{hint} (allowed: {', '.join(FACT_KEYS)})"
            )
    for key in FACT_KEYS:
        if key not in value and key != "people":
            collect(value.location, f"facts need {key!r}")

    def word(key: str, vocabulary: str) -> str:
        got = value.get(key)
        known = words.words[vocabulary]
        if got is None:
            return ""
        if not isinstance(got, str) or got not in known:
            hint = did_you_mean(str(got), known)
            collect(
                value.value_at(key),
                f"{key} {got!r} is not one of {', '.join(known)}{hint} (facts.yml '{vocabulary}')",
            )
            return ""
        return got

    def text(parent: PosDict, key: str) -> str:
        got = parent.get(key)
        if got is None:
            return ""
        if not isinstance(got, str) or not got.strip():
            collect(parent.value_at(key), f"{key!r} must be non-empty text")
            return ""
        return " ".join(got.split())

    def source(parent: PosDict) -> str:
        key = text(parent, "source")
        if key and source_keys is not None and key not in source_keys:
            hint = did_you_mean(key, source_keys)
            collect(parent.value_at("source"), f"source {key!r} is not in the bibliography{hint}")
        return key

    def fields(
        parent: PosDict, allowed: tuple[str, ...], name: str, optional: tuple[str, ...] = ()
    ) -> None:
        for key in parent:
            if key not in allowed:
                collect(
                    parent.key_at(key),
                    f"unknown {name} field {key!r} (allowed: {', '.join(allowed)})",
                )
        for key in allowed:
            if key not in parent and key not in optional:
                collect(parent.location, f"{name} needs {key!r}")

    direction = word("direction", "direction")
    effort = word("effort", "effort")
    cost = word("cost", "cost")
    effect: Effect | None = None
    raw_effect = value.get("effect")
    if isinstance(raw_effect, PosDict):
        fields(raw_effect, EFFECT_FIELDS, "effect")
        effect = Effect(
            text(raw_effect, "size"),
            text(raw_effect, "compared_with"),
            text(raw_effect, "time_frame"),
            source(raw_effect),
        )
    elif raw_effect is not None and raw_effect != NO_NUMBER:
        collect(
            value.value_at("effect"),
            f"'effect' is a mapping ({', '.join(EFFECT_FIELDS)}) or {NO_NUMBER!r} when no "
            "source gives a number",
        )
    people: People | None = None
    raw_people = value.get("people")
    if raw_people is not None:
        if not isinstance(raw_people, PosDict):
            collect(value.value_at("people"), f"'people' is a mapping: {', '.join(PEOPLE_FIELDS)}")
        else:
            fields(raw_people, PEOPLE_FIELDS, "people", PEOPLE_OPTIONAL)
            if ("without" in raw_people) != ("compared_with" in raw_people):
                collect(raw_people.location, "'without' and 'compared_with' go together")
            counts: list[int | None] = []
            for key in ("with", "without"):
                if key == "without" and key not in raw_people:
                    counts.append(None)
                    continue
                got = raw_people.get(key)
                if isinstance(got, bool) or not isinstance(got, int) or not 0 <= got <= 100:
                    if key in raw_people:
                        collect(raw_people.value_at(key), f"{key!r} is a whole number out of 100")
                    got = 0
                counts.append(got)
            people = People(
                text(raw_people, "outcome"),
                counts[0] or 0,
                counts[1],
                text(raw_people, "compared_with"),
                text(raw_people, "time_frame"),
                source(raw_people),
            )
    where_list: list[str] = []
    raw_where = value.get("where")
    if raw_where is not None:
        if not isinstance(raw_where, PosList) or not raw_where:
            collect(value.value_at("where"), "'where' is a list, e.g. [home, class]")
        else:
            for index, place in enumerate(raw_where):
                if place not in words.words["where"]:
                    hint = did_you_mean(str(place), words.words["where"])
                    collect(
                        raw_where.item_at(index),
                        f"where {place!r} is not a place in facts.yml{hint}",
                    )
                else:
                    where_list.append(place)
    hands_on = value.get("hands_on")
    if "hands_on" in value and not isinstance(hands_on, bool):
        collect(value.value_at("hands_on"), "'hands_on' is true or false")
    texts = {key: text(value, key) for key in TEXT_FIELDS}
    if collect.count:
        return None
    return ApproachFacts(
        direction=direction,
        effect=effect,
        people=people,
        try_for=texts["try_for"],
        time_per_week=texts["time_per_week"],
        effort=effort,
        cost=cost,
        where=tuple(where_list),
        hands_on=bool(hands_on),
        downsides=texts["downsides"],
        serious=texts["serious"],
    )


class _Collect:
    """Counts the problems one check reports, so it knows whether to build the value."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.count = 0

    def __call__(self, where: Location, message: str) -> None:
        self.count += 1
        self.report(where, message)
