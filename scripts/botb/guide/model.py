"""The guide YAML format and the immutable model built from it, declared once.

Every model attribute read from YAML says so where it is declared: its shape (what the
validator accepts) and the description editors see in the JSON Schema. ``record_of`` turns
a model class into the ``Record`` the loader validates against and ``schema`` publishes, so
a new field is one line here and the three can never disagree. Attributes without a shape
(``id``, ``location``, ``chain``) are worked out by the loader; keys the loader reads but
the model does not keep (a checklist's ``multiple``, ``none`` and ``unsure``) are declared
beside the record they belong to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, overload

from botb.diagnostics import Location
from botb.shapes import (
    ID_REGEX,
    SOURCE_KEY,
    Boolean,
    Choice,
    Date,
    Field,
    Integer,
    ListOf,
    MapOf,
    Pattern,
    Record,
    Shape,
    Tagged,
    Text,
)


class Urgency(Enum):
    """How soon the reader should get care; declaration order is the order of urgency."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"
    ROUTINE = "routine"
    SELF_CARE = "self-care"

    @property
    def rank(self) -> int:
        """0 for the most urgent tier; larger is less urgent."""
        return _RANKS[self]

    def more_urgent_than(self, other: Urgency) -> bool:
        return self.rank < other.rank

    def less_urgent_than(self, other: Urgency) -> bool:
        return self.rank > other.rank


_RANKS = {tier: rank for rank, tier in enumerate(Urgency)}


@overload
def most_urgent(tiers: Iterable[Urgency]) -> Urgency | None: ...
@overload
def most_urgent(tiers: Iterable[Urgency], *, default: Urgency) -> Urgency: ...
def most_urgent(tiers: Iterable[Urgency], *, default: Urgency | None = None) -> Urgency | None:
    """The most urgent of ``tiers`` (``default`` when there are none): the one rule every
    floor, screen and path uses to combine tiers."""
    return min(tiers, key=lambda tier: tier.rank, default=default)


NODE_ID = Pattern(
    regex=ID_REGEX,
    rule="use lowercase letters, digits and single hyphens, starting with a letter, "
    "e.g. leg-weakness",
)
NEXT = Pattern(
    regex=ID_REGEX.removesuffix("$") + "(--[0-9]+)?$",
    rule="use a node id, or a checklist item as id--N (N counts from 1), e.g. same-day-signs--3",
)
PAGE = Pattern(
    regex=r"^[a-z0-9][a-z0-9/_-]*\.md(#[A-Za-z0-9_-]+)?$",
    rule="use a docs-relative Markdown path, optionally with #anchor, e.g. approaches/bike-fit.md",
)
TIER_KEY = Pattern(
    regex=r"^(emergency|urgent|soon|routine|self-care)$",
    rule="use a tier: emergency, urgent, soon, routine or self-care",
)
VERSION = Pattern(
    regex=r"^[0-9]{4}\.[0-9]{1,2}\.[0-9]+$",
    rule='use YEAR.MONTH.NUMBER in quotes, e.g. "2026.11.1"',
)
TIER = Choice(tuple(u.value for u in Urgency))

_YAML = "botb.yaml"  # the dataclass metadata key that marks an attribute as read from YAML


def _key(shape: Shape, description: str, *, required: bool = False, default: Any = ...) -> Any:
    """A model attribute read from the YAML key of the same name."""
    metadata = {_YAML: (shape, description, required)}
    if default is ...:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


@functools.cache  # the loader asks once per node and answer it builds
def yaml_fields(model: type) -> tuple[Field, ...]:
    """The attributes of ``model`` read from YAML, in declaration order."""
    return tuple(
        Field(attribute.name, *attribute.metadata[_YAML])
        for attribute in dataclasses.fields(model)
        if _YAML in attribute.metadata
    )


def record_of(
    model: type,
    *,
    name: str,
    description: str,
    before: tuple[Field, ...] = (),
    after: tuple[Field, ...] = (),
) -> Record:
    """The YAML record ``model`` is read from: its YAML attributes in declaration order,
    between the keys only the loader reads."""
    return Record(name=name, description=description, fields=(*before, *yaml_fields(model), *after))


def _kind(node_type: str, description: str) -> Field:
    return Field("type", Choice((node_type,)), description, required=True)


# kw_only: attributes are declared in the order editors read them, whatever their defaults.
@dataclass(frozen=True, kw_only=True)
class Option:
    label: str = _key(
        Text(),
        "The answer as the reader sees it (plain text); on a checklist item the sign's "
        "text is used instead.",
        default="",
    )
    hint: str | None = _key(
        Text(), "Optional extra words under the answer (plain text).", default=None
    )
    next: str = _key(NEXT, "Id of the node this answer leads to.", required=True)
    signs: tuple[str, ...] = _key(
        ListOf(NODE_ID, min_items=1),
        "Ids of the warning signs (signs.yml) this answer says the reader has; the "
        "answer's floor is the most urgent of their tiers.",
        default=(),
    )
    # The declared floor; ``Guide.floor`` adds the floor its signs imply.
    floor: Urgency | None = _key(
        TIER,
        "No outcome after this answer may be less urgent than this tier "
        "(emergency, urgent, soon, routine or self-care).",
        default=None,
    )
    fallback: bool = _key(
        Boolean(),
        "True for the answer a reader whose story fits no other answer picks "
        "(somewhere else, none of these, not sure). Every question needs one.",
        default=False,
    )
    fact: str | None = _key(
        Text(),
        "What this answer tells us, as the outcome repeats it to the reader "
        "(plain text, e.g. 'The pain spreads into one leg, below the knee.').",
        default=None,
    )
    location: Location
    next_location: Location


OPTION = record_of(
    Option,
    name="option",
    description="One answer to a question.",
    after=(
        Field(
            "none",
            Boolean(),
            "On a checklist question: the answer for a reader to whom no item applies.",
        ),
        Field(
            "unsure",
            NODE_ID,
            "On a checklist item: the follow-up question for a reader who is not sure "
            "(without it, not sure counts as yes).",
        ),
    ),
)


@dataclass(frozen=True)
class Chain:
    """Where a checklist item sits: item ``index`` of ``total`` in checklist ``group``."""

    group: str
    index: int
    total: int
    question: str  # the checklist's own question, shown above each item
    hint: str | None
    none_label: str  # the checklist's answer for a reader to whom no item applies


@dataclass(frozen=True)
class Source:
    key: str
    location: Location


def _sources(description: str) -> Any:
    return _key(ListOf(SOURCE_KEY, min_items=1), description, required=True)


@dataclass(frozen=True, kw_only=True)
class Sign:
    id: str
    text: str = _key(Text(), "The sign in the reader's words (plain text).", required=True)
    tier: Urgency = _key(TIER, "How soon a reader with this sign needs care.", required=True)
    sources: tuple[Source, ...] = _sources("Bibliography keys that support the sign and its tier.")
    location: Location


SIGN = record_of(
    Sign,
    name="sign",
    description="One warning sign, stated once: every page that lists it renders this text.",
)


@dataclass(frozen=True, kw_only=True)
class TierText:
    label: str = _key(
        Text(), "Short name of the tier, e.g. 'Urgent: get advice today'.", required=True
    )
    action: str = _key(
        Text(markdown=True),
        "What to do, in one or two sentences (Markdown, for tel: links).",
        required=True,
    )
    signs_heading: str = _key(
        Text(), "Heading above this tier's warning signs wherever they are listed.", required=True
    )


TIER_TEXT = record_of(
    TierText, name="tier", description="What one urgency tier says to the reader."
)


@dataclass(frozen=True, kw_only=True)
class Question:
    id: str
    text: str = _key(Text(), "The question (plain text).", required=True)
    hint: str | None = _key(Text(), "Optional help under the question (plain text).", default=None)
    screening: bool = _key(
        Boolean(),
        "True for a red-flag screening question; these come before all others.",
        default=False,
    )
    follow_up: bool = _key(
        Boolean(),
        "True for a screening question that settles a 'not sure' answer; unlike the "
        "other screening questions, not every path asks it.",
        default=False,
    )
    items: tuple[str, ...] = _key(
        ListOf(Text(), min_items=1),
        "Statements shown as a list under the question, e.g. criteria to count.",
        default=(),
    )
    options: tuple[Option, ...] = _key(
        ListOf(OPTION, min_items=1), "The answers, in the order shown.", required=True
    )
    location: Location
    # Set on the yes/no pages a checklist is asked as; the first one keeps the checklist's id.
    chain: Chain | None = None

    @property
    def successors(self) -> tuple[str, ...]:
        return tuple(option.next for option in self.options)


QUESTION = record_of(
    Question,
    name="question",
    description="A question with answers; each answer leads to another node.",
    before=(_kind("question", "This node asks a question."),),
    after=(
        Field(
            "multiple",
            Boolean(),
            "True for a checklist: the reader ticks every item that applies and the most "
            "urgent wins. Items are options with one sign each, most urgent first, plus one "
            "'none: true' option. Without JavaScript it is asked as a chain of yes/no pages.",
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class _PageLink:
    """What an approach and a note share: a page, perhaps an anchor on it."""

    page: str
    anchor: str | None  # the '#anchor' the editor wrote after the page, if any
    location: Location

    @property
    def target(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


@dataclass(frozen=True, kw_only=True)
class Approach(_PageLink):
    page: str = _key(PAGE, "Docs-relative path of the approach page.", required=True)
    reason: str = _key(Text(), "Why it is worth discussing for this reader.", required=True)


APPROACH = record_of(
    Approach,
    name="approach",
    description="An approach page worth discussing with a physio, and why.",
)


@dataclass(frozen=True, kw_only=True)
class Note(_PageLink):
    """Shaped like an approach (a page and a sentence), but not a recommendation."""

    page: str = _key(
        PAGE, "Docs-relative path of the page that covers the evidence.", required=True
    )
    text: str = _key(Text(), "The honest note, in one or two sentences.", required=True)


NOTE = record_of(
    Note,
    name="note",
    description="An idea the reader may have met, and the page with what the evidence says.",
)


@dataclass(frozen=True, kw_only=True)
class Outcome:
    id: str
    urgency: Urgency = _key(
        TIER, "How soon to get care: emergency, urgent, soon, routine or self-care.", required=True
    )
    title: str = _key(Text(), "Outcome title (plain text).", required=True)
    summary: str = _key(Text(), "One or two sentences (plain text).", required=True)
    why: str = _key(Text(), "Why the reader got here, their answers in words.", required=True)
    steps: tuple[str, ...] = _key(
        ListOf(Text(), min_items=2),
        "What to do now: 2 to 4 numbered steps, most important first (required on "
        "soon, routine and self-care outcomes).",
        default=(),
    )
    wait: str | None = _key(
        Text(),
        "What keeping riding and waiting, with sensible changes, means for this reader: "
        "the option every soon, routine and self-care outcome compares with the others.",
        default=None,
    )
    approaches: tuple[Approach, ...] = _key(
        ListOf(APPROACH),
        "Approach pages worth discussing (none for emergency and urgent outcomes).",
        default=(),
    )
    notes: tuple[Note, ...] = _key(
        ListOf(NOTE),
        "Honest notes on ideas the reader may have met (e.g. scans, pelvic tilt), "
        "each linking the page with the evidence.",
        default=(),
    )
    ask: tuple[str, ...] = _key(
        ListOf(Text()), "Questions to ask the physio or clinician.", default=()
    )
    safety_net: tuple[str, ...] = _key(
        ListOf(Text()),
        "Get help sooner if... (required on every non-emergency outcome).",
        default=(),
    )
    sources: tuple[Source, ...] = _sources("Bibliography keys that support this outcome.")
    reviewed: dt.date = _key(
        Date(), "When this outcome was last reviewed (YYYY-MM-DD).", required=True
    )
    location: Location

    @property
    def successors(self) -> tuple[str, ...]:
        return ()


OUTCOME = record_of(
    Outcome,
    name="outcome",
    description="Where a path ends: how soon to get care and what to discuss.",
    before=(_kind("outcome", "This node is an outcome."),),
)

Node = Question | Outcome
NODE = Tagged(tag="type", variants=(("question", QUESTION), ("outcome", OUTCOME)))


@dataclass(frozen=True, kw_only=True)
class Meta:
    title: str = _key(Text(), "Title of the guide.", required=True)
    version: str = _key(
        VERSION, "Content version stamped on outcomes and printouts.", required=True
    )
    reviewed: dt.date = _key(
        Date(), "When the guide was last reviewed (YYYY-MM-DD).", required=True
    )
    start: str = _key(NODE_ID, "Id of the first node (a screening question).", required=True)
    minutes: int = _key(Integer(1, 60), "How many minutes the guide takes.", required=True)
    intro: str = _key(Text(markdown=True), "Markdown paragraphs for the start page.", required=True)
    scope: str = _key(
        Text(),
        "One plain line on what the guide cannot do, shown at its start and on every outcome.",
        required=True,
    )
    crisis: str = _key(
        Text(markdown=True),
        "One line naming crisis lines (Markdown, with tel: links), on every non-emergency outcome.",
        required=True,
    )
    signs_intro: str = _key(
        Text(),
        "The line above the emergency signs on the guide's start page and the home page.",
        required=True,
    )
    sooner: str = _key(
        Text(),
        "The line that opens 'get help sooner' on every non-emergency outcome.",
        required=True,
    )
    review_status: str = _key(
        Text(),
        "Review status on every outcome and printout; {reviewed} becomes the outcome's "
        "review date, e.g. 'Checked against the sources on {reviewed}; clinical "
        "sign-off pending.'",
        required=True,
    )
    location: Location
    start_location: Location


# The answers of a checklist asked one item at a time: the loader writes them into the
# chain's options, which is where the model keeps them.
META = record_of(
    Meta,
    name="guide",
    description="Guide-wide settings; exactly one file has this block.",
    after=(
        Field(
            "chain_yes",
            Text(),
            "Yes answer of a checklist asked one item at a time.",
            required=True,
        ),
        Field(
            "chain_yes_unsure",
            Text(),
            "Yes answer of a checklist item without a follow-up: not sure counts as yes.",
            required=True,
        ),
        Field(
            "chain_no", Text(), "No answer of a checklist asked one item at a time.", required=True
        ),
        Field(
            "chain_unsure",
            Text(),
            "Not sure answer of a checklist item with a follow-up.",
            required=True,
        ),
    ),
)


@dataclass(frozen=True)
class Guide:
    """The whole tree; ``nodes`` keeps file order (files sorted, nodes as written)."""

    meta: Meta
    nodes: dict[str, Node] = field(hash=False)
    signs: dict[str, Sign] = field(default_factory=dict, hash=False)
    tiers: dict[Urgency, TierText] = field(default_factory=dict, hash=False)
    # An option's floor never changes once loaded, and the path book asks for it ~57,000
    # times: the guide's own options are looked up by identity (they live as long as the
    # guide, so no other object can share an id with one); any other option is worked out.
    # Not an init field, so ``dataclasses.replace`` with other signs starts afresh.
    _own_floors: dict[int, Urgency | None] = field(
        default_factory=dict, init=False, hash=False, compare=False, repr=False
    )

    def floor(self, option: Option) -> Urgency | None:
        """The most urgent of the option's declared floor and its signs' tiers."""
        own = self._own_floors
        if not own:
            own.update(
                (id(mine), self._floor(mine)) for node in self.questions() for mine in node.options
            )
        key = id(option)
        return own[key] if key in own else self._floor(option)

    def _floor(self, option: Option) -> Urgency | None:
        tiers = [self.signs[s].tier for s in option.signs if s in self.signs]
        if option.floor is not None:
            tiers.append(option.floor)
        return most_urgent(tiers)

    def signs_of(self, tier: Urgency) -> list[Sign]:
        return [sign for sign in self.signs.values() if sign.tier is tier]

    def questions(self) -> list[Question]:
        return [node for node in self.nodes.values() if isinstance(node, Question)]

    def outcomes(self) -> list[Outcome]:
        return [node for node in self.nodes.values() if isinstance(node, Outcome)]


# One file's layout: the blocks every guide YAML file may hold, merged into one ``Guide``.
FILE = Record(
    name="file",
    description="One guide YAML file; all *.yml files in guide/ are merged.",
    fields=(
        Field("guide", META, "Guide-wide settings (exactly one file has this block)."),
        Field(
            "nodes",
            MapOf(key=NODE_ID, value=NODE, key_name="node id"),
            "Questions and outcomes, keyed by node id.",
        ),
        Field(
            "signs",
            MapOf(key=NODE_ID, value=SIGN, key_name="sign id"),
            "The warning-sign registry, keyed by sign id.",
        ),
        Field(
            "tiers",
            MapOf(key=TIER_KEY, value=TIER_TEXT, key_name="tier"),
            "What each urgency tier says to the reader; one entry per tier.",
        ),
    ),
)
