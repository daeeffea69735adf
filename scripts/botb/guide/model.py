"""The guide as immutable data: what the loader builds and every later stage reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from botb.diagnostics import Location


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
        return list(Urgency).index(self)

    def more_urgent_than(self, other: Urgency) -> bool:
        return self.rank < other.rank

    def less_urgent_than(self, other: Urgency) -> bool:
        return self.rank > other.rank


@dataclass(frozen=True)
class Option:
    label: str
    hint: str | None
    next: str
    location: Location
    next_location: Location


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str | None
    screening: bool
    options: tuple[Option, ...]
    location: Location

    @property
    def successors(self) -> tuple[str, ...]:
        return tuple(option.next for option in self.options)


@dataclass(frozen=True)
class Approach:
    page: str
    anchor: str | None
    reason: str
    location: Location

    @property
    def target(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


@dataclass(frozen=True)
class Source:
    key: str
    location: Location


@dataclass(frozen=True)
class Outcome:
    id: str
    urgency: Urgency
    title: str
    summary: str
    why: str
    approaches: tuple[Approach, ...]
    # Same shape as an approach (a page and a sentence), but not a recommendation.
    notes: tuple[Approach, ...]
    ask: tuple[str, ...]
    safety_net: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date
    location: Location

    @property
    def successors(self) -> tuple[str, ...]:
        return ()


Node = Question | Outcome


@dataclass(frozen=True)
class Meta:
    title: str
    version: str
    reviewed: dt.date
    start: str
    minutes: int
    intro: str
    location: Location
    start_location: Location


@dataclass(frozen=True)
class Guide:
    """The whole tree; ``nodes`` keeps file order (files sorted, nodes as written)."""

    meta: Meta
    nodes: dict[str, Node] = field(hash=False)

    def questions(self) -> list[Question]:
        return [node for node in self.nodes.values() if isinstance(node, Question)]

    def outcomes(self) -> list[Outcome]:
        return [node for node in self.nodes.values() if isinstance(node, Outcome)]
