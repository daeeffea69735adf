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
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from botb.diagnostics import Diagnostic, DiagnosticError, Location, did_you_mean, read_source
from botb.shapes import (
    ID_REGEX,
    SOURCE_KEY,
    Boolean,
    Choice,
    Delegated,
    Either,
    Field,
    Integer,
    ListOf,
    MapOf,
    Pattern,
    Record,
    Text,
    plain_text,
    validate,
)
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
NO_NUMBER = "none"
NODE_KEY = Pattern(ID_REGEX, "use lowercase letters, digits and single hyphens, e.g. may-help")
EFFECT = Record(
    name="effect",
    description="How big the effect is, against what and when, from one source.",
    fields=(
        Field("size", Text(), "The effect in words and numbers.", required=True),
        Field("compared_with", Text(), "What it was compared with.", required=True),
        Field("time_frame", Text(), "When it was measured.", required=True),
        Field("source", SOURCE_KEY, "The bibliography key it comes from.", required=True),
    ),
)
OUT_OF_100 = Integer(0, 100)
PEOPLE = Record(
    name="people",
    description="Event rates out of 100, with and without the approach, from one source.",
    fields=(
        Field("outcome", Text(), "What was counted.", required=True),
        Field("with", OUT_OF_100, "How many in 100 with the approach.", required=True),
        # A natural course has no comparison group: one array, no "without".
        Field("without", OUT_OF_100, "How many in 100 without it."),
        Field("compared_with", Text(), "The comparison group (with 'without')."),
        Field("time_frame", Text(), "When it was counted.", required=True),
        Field("source", SOURCE_KEY, "The bibliography key it comes from.", required=True),
    ),
)


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

    @cached_property
    def shape(self) -> Record:
        """What a page's ``facts:`` may hold, with the words this file declares."""

        def word(vocabulary: str) -> Choice:
            return Choice(tuple(self.words[vocabulary]))

        return Record(
            name="facts",
            description="An approach's facts, in the words of facts.yml.",
            fields=(
                Field("direction", word("direction"), "What the evidence says.", required=True),
                Field(
                    "effect",
                    Either(
                        Choice((NO_NUMBER,)),
                        EFFECT,
                        rule=f"a mapping of {', '.join(EFFECT.names)}, or {NO_NUMBER!r} when "
                        "no source gives a number",
                    ),
                    "How big the effect is, against what.",
                    required=True,
                ),
                Field("people", PEOPLE, "Event rates out of 100, from one source."),
                Field("try_for", Text(), "How long to try it before judging.", required=True),
                Field("time_per_week", Text(), "Time it asks each week.", required=True),
                Field("effort", word("effort"), "Weekly time as a band.", required=True),
                Field("cost", word("cost"), "Money cost as a band.", required=True),
                Field(
                    "where",
                    ListOf(word("where"), min_items=1),
                    "Where it happens.",
                    required=True,
                ),
                Field("hands_on", Boolean(), "Whether someone treats you.", required=True),
                Field("downsides", Text(), "Common downsides.", required=True),
                Field("serious", Text(), "Rare serious harms.", required=True),
            ),
        )

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


_WORD = Record(
    name="word",
    description="How one value is shown to the reader.",
    fields=(
        Field("label", Text(), "The value's words.", required=True),
        Field("meaning", Text(), "What it means, in one sentence."),
    ),
)
_VOCABULARY = MapOf(key=NODE_KEY, value=_WORD, key_name="value id")
_ID = Field("id", NODE_KEY, "Id, kept in the page address when ticked.", required=True)
_VALUE = Record(
    name="value",
    description="One thing that may matter to a reader.",
    fields=(
        _ID,
        Field("label", Text(), "The value as the reader ticks it.", required=True),
        Field(
            "fits",
            MapOf(
                key=Pattern(
                    "^(" + "|".join(FIT_FIELDS) + ")$", f"use one of: {', '.join(FIT_FIELDS)}"
                ),
                # Words or true/false, checked against the vocabularies below.
                value=ListOf(Delegated("botb.content.facts"), min_items=1, single=True),
                key_name="fact field",
            ),
            "Which facts make an option fit it.",
            required=True,
        ),
    ),
)
_READY_ITEM = Record(
    name="ready item",
    description="One readiness question.",
    fields=(_ID, Field("text", Text(), "The question.", required=True)),
)
_STEP = (
    Field("heading", Text(), "Heading of the step.", required=True),
    Field("intro", Text(), "The line under the heading.", required=True),
)
FACT_WORDS_FILE = Record(
    name="facts.yml",
    description="The words of every approach fact, the headings and the values step.",
    fields=(
        *(Field(name, _VOCABULARY, f"The {name} words.", required=True) for name in VOCABULARIES),
        Field(
            "headings",
            Record(
                name="headings",
                description="Headings of the boxes, table and comparison.",
                fields=tuple(Field(key, Text(), key, required=True) for key in HEADINGS),
            ),
            "Headings of the boxes, table and comparison.",
            required=True,
        ),
        Field(
            "values",
            Record(
                name="values",
                description="The 'what matters to you' step.",
                fields=(
                    *_STEP,
                    Field("fits", Text(), "The note on a fitting option.", required=True),
                    Field("items", ListOf(_VALUE, min_items=1), "The values.", required=True),
                ),
            ),
            "The 'what matters to you' step.",
            required=True,
        ),
        Field(
            "ready",
            Record(
                name="ready",
                description="The readiness check.",
                fields=(
                    *_STEP,
                    Field("unsure", Text(), "The line for a reader not yet ready.", required=True),
                    Field(
                        "items", ListOf(_READY_ITEM, min_items=1), "The questions.", required=True
                    ),
                ),
            ),
            "The readiness check.",
            required=True,
        ),
    ),
)


def load_fact_words(path: Path, *, display: str) -> FactWords:
    """Read and check facts.yml; raise ``DiagnosticError`` with every problem."""
    data = load_yaml(read_source(path, display=display), path=display)
    top = partial(Location, display)
    problems = validate(data, FACT_WORDS_FILE, name=display, at=top, owner=top)
    if problems:
        raise DiagnosticError(problems)
    words = {
        vocabulary: {
            str(key): Word(plain_text(entry["label"]), plain_text(entry.get("meaning", "")))
            for key, entry in data[vocabulary].items()
        }
        for vocabulary in VOCABULARIES
    }
    if NATURAL_COURSE not in words["direction"]:
        where = data.value_at("direction")
        problems.append(Diagnostic(where, f"direction needs {NATURAL_COURSE!r} (the wait option)"))
    values: list[Value] = []
    for item in data["values"]["items"]:
        rule: PosDict = item["fits"]
        fits: list[tuple[str, tuple[str, ...]]] = []
        for field, accepted in rule.items():
            listed = accepted if isinstance(accepted, PosList) else [accepted]
            names = tuple(str(v).lower() if isinstance(v, bool) else str(v) for v in listed)
            known = set(words.get(field, {})) if field != "hands_on" else {"true", "false"}
            problems += [
                Diagnostic(rule.value_at(field), f"{name!r} is not a {field} value")
                for name in names
                if name not in known
            ]
            fits.append((field, names))
        values.append(Value(item["id"], plain_text(item["label"]), tuple(fits)))
    if problems:
        raise DiagnosticError(problems)
    steps, ready = data["values"], data["ready"]
    return FactWords(
        words=words,
        headings={key: plain_text(text) for key, text in data["headings"].items()},
        values_heading=plain_text(steps["heading"]),
        values_intro=plain_text(steps["intro"]),
        values_fit=plain_text(steps["fits"]),
        values=tuple(values),
        ready_heading=plain_text(ready["heading"]),
        ready_intro=plain_text(ready["intro"]),
        ready=tuple(ReadyItem(item["id"], plain_text(item["text"])) for item in ready["items"]),
        ready_unsure=plain_text(ready["unsure"]),
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
    problems = validate(value, words.shape, name="'facts'", at=lambda: where, owner=lambda: where)
    if isinstance(value, PosDict):
        problems += _sources_known(value, source_keys)
        people = value.get("people")
        if isinstance(people, PosDict) and ("without" in people) != ("compared_with" in people):
            problems.append(
                Diagnostic(people.location, "'without' and 'compared_with' go together")
            )
    for problem in problems:
        report(problem.location, problem.message)
    if problems:
        return None
    return _facts(value)


def _sources_known(value: PosDict, source_keys: Collection[str] | None) -> list[Diagnostic]:
    if source_keys is None:
        return []
    found = []
    for key in ("effect", "people"):
        part = value.get(key)
        if not isinstance(part, PosDict) or not isinstance(part.get("source"), str):
            continue
        source = part["source"]
        if source not in source_keys:
            hint = did_you_mean(source, source_keys)
            found.append(
                Diagnostic(
                    part.value_at("source"), f"source {source!r} is not in the bibliography{hint}"
                )
            )
    return found


def _facts(value: PosDict) -> ApproachFacts:
    """Facts that passed ``FactWords.shape``."""
    raw_effect = value["effect"]
    effect = (
        None
        if raw_effect == NO_NUMBER
        else Effect(
            plain_text(raw_effect["size"]),
            plain_text(raw_effect["compared_with"]),
            plain_text(raw_effect["time_frame"]),
            raw_effect["source"],
        )
    )
    raw_people = value.get("people")
    people = (
        None
        if raw_people is None
        else People(
            plain_text(raw_people["outcome"]),
            raw_people["with"],
            raw_people.get("without"),
            plain_text(raw_people.get("compared_with", "")),
            plain_text(raw_people["time_frame"]),
            raw_people["source"],
        )
    )
    return ApproachFacts(
        direction=value["direction"],
        effect=effect,
        people=people,
        try_for=plain_text(value["try_for"]),
        time_per_week=plain_text(value["time_per_week"]),
        effort=value["effort"],
        cost=value["cost"],
        where=tuple(value["where"]),
        hands_on=value["hands_on"],
        downsides=plain_text(value["downsides"]),
        serious=plain_text(value["serious"]),
    )
