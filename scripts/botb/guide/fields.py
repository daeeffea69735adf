"""The one declaration of the guide YAML format.

The loader validates files against it and ``schema`` turns it into the JSON Schema editors
get autocompletion from, so the two can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from botb.guide.model import Urgency


@dataclass(frozen=True)
class Text:
    """A non-empty string; plain text unless ``markdown``."""

    markdown: bool = False


@dataclass(frozen=True)
class Pattern:
    """A string that must match ``regex``; ``rule`` tells the editor what is allowed."""

    regex: str
    rule: str

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
class Choice:
    values: tuple[str, ...]


@dataclass(frozen=True)
class ListOf:
    item: Shape
    min_items: int = 0


@dataclass(frozen=True)
class Field:
    name: str
    shape: Shape
    description: str
    required: bool = False


@dataclass(frozen=True)
class Record:
    """A mapping with a closed set of keys; ``name`` is its ``$defs`` name in the schema."""

    name: str
    description: str
    fields: tuple[Field, ...]

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
    """A mapping from editor-chosen keys (node ids) to values of one shape."""

    key: Pattern
    value: Shape
    key_name: str


Shape = Text | Pattern | Date | Boolean | Integer | Choice | ListOf | Record | Tagged | MapOf

NODE_ID = Pattern(
    regex=r"^[a-z0-9]+(-[a-z0-9]+)*$",
    rule="use lowercase letters, digits and single hyphens, e.g. leg-weakness",
)
SOURCE_KEY = Pattern(
    regex=r"^[a-z0-9]+(-[a-z0-9]+)*$",
    rule="use a key from content/_data/bibliography.yml, e.g. nice-ng59",
)
PAGE = Pattern(
    regex=r"^[a-z0-9][a-z0-9/_-]*\.md(#[A-Za-z0-9_-]+)?$",
    rule="use a docs-relative Markdown path, optionally with #anchor, e.g. approaches/bike-fit.md",
)
VERSION = Pattern(
    regex=r"^[0-9]{4}\.[0-9]{1,2}\.[0-9]+$",
    rule='use YEAR.MONTH.NUMBER in quotes, e.g. "2026.11.1"',
)

OPTION = Record(
    name="option",
    description="One answer to a question.",
    fields=(
        Field("label", Text(), "The answer as the reader sees it (plain text).", required=True),
        Field("hint", Text(), "Optional extra words under the answer (plain text)."),
        Field("next", NODE_ID, "Id of the node this answer leads to.", required=True),
    ),
)

APPROACH = Record(
    name="approach",
    description="An approach page worth discussing with a physio, and why.",
    fields=(
        Field("page", PAGE, "Docs-relative path of the approach page.", required=True),
        Field("reason", Text(), "Why it is worth discussing for this reader.", required=True),
    ),
)

NOTE = Record(
    name="note",
    description="An idea the reader may have met, and the page with what the evidence says.",
    fields=(
        Field(
            "page", PAGE, "Docs-relative path of the page that covers the evidence.", required=True
        ),
        Field("text", Text(), "The honest note, in one or two sentences.", required=True),
    ),
)

QUESTION = Record(
    name="question",
    description="A question with answers; each answer leads to another node.",
    fields=(
        Field("type", Choice(("question",)), "This node asks a question.", required=True),
        Field("text", Text(), "The question (plain text).", required=True),
        Field("hint", Text(), "Optional help under the question (plain text)."),
        Field(
            "screening",
            Boolean(),
            "True for a red-flag screening question; these come before all others.",
        ),
        Field(
            "options",
            ListOf(OPTION, min_items=1),
            "The answers, in the order shown.",
            required=True,
        ),
    ),
)

OUTCOME = Record(
    name="outcome",
    description="Where a path ends: how soon to get care and what to discuss.",
    fields=(
        Field("type", Choice(("outcome",)), "This node is an outcome.", required=True),
        Field(
            "urgency",
            Choice(tuple(u.value for u in Urgency)),
            "How soon to get care: emergency, urgent, soon, routine or self-care.",
            required=True,
        ),
        Field("title", Text(), "Outcome title (plain text).", required=True),
        Field("summary", Text(), "One or two sentences (plain text).", required=True),
        Field("why", Text(), "Why the reader got here, their answers in words.", required=True),
        Field(
            "approaches",
            ListOf(APPROACH),
            "Approach pages worth discussing (none for emergency and urgent outcomes).",
        ),
        Field(
            "notes",
            ListOf(NOTE),
            "Honest notes on ideas the reader may have met (e.g. scans, pelvic tilt), "
            "each linking the page with the evidence.",
        ),
        Field("ask", ListOf(Text()), "Questions to ask the physio or clinician."),
        Field(
            "safety_net",
            ListOf(Text()),
            "Get help sooner if... (required on every non-emergency outcome).",
        ),
        Field(
            "sources",
            ListOf(SOURCE_KEY, min_items=1),
            "Bibliography keys that support this outcome.",
            required=True,
        ),
        Field(
            "reviewed", Date(), "When this outcome was last reviewed (YYYY-MM-DD).", required=True
        ),
    ),
)

NODE = Tagged(tag="type", variants=(("question", QUESTION), ("outcome", OUTCOME)))

META = Record(
    name="guide",
    description="Guide-wide settings; exactly one file has this block.",
    fields=(
        Field("title", Text(), "Title of the guide.", required=True),
        Field(
            "version", VERSION, "Content version stamped on outcomes and printouts.", required=True
        ),
        Field("reviewed", Date(), "When the guide was last reviewed (YYYY-MM-DD).", required=True),
        Field("start", NODE_ID, "Id of the first node (a screening question).", required=True),
        Field("minutes", Integer(1, 60), "How many minutes the guide takes.", required=True),
        Field(
            "intro", Text(markdown=True), "Markdown paragraphs for the start page.", required=True
        ),
    ),
)

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
    ),
)
