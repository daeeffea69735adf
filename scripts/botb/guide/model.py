"""The guide as immutable data: what the loader builds and every later stage reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import overload

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


@overload
def most_urgent(tiers: Iterable[Urgency]) -> Urgency | None: ...
@overload
def most_urgent(tiers: Iterable[Urgency], *, default: Urgency) -> Urgency: ...
def most_urgent(tiers: Iterable[Urgency], *, default: Urgency | None = None) -> Urgency | None:
    """The most urgent of ``tiers`` (``default`` when there are none): the one rule every
    floor, screen and path uses to combine tiers."""
    return min(tiers, key=lambda tier: tier.rank, default=default)


@dataclass(frozen=True)
class Option:
    label: str
    hint: str | None
    next: str
    location: Location
    next_location: Location
    signs: tuple[str, ...] = ()
    # The declared floor; ``Guide.floor`` adds the floor its signs imply.
    floor: Urgency | None = None
    fallback: bool = False
    fact: str | None = None


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
class Sign:
    id: str
    text: str
    tier: Urgency
    sources: tuple[Source, ...]
    location: Location


@dataclass(frozen=True)
class TierText:
    label: str
    action: str
    signs_heading: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str | None
    screening: bool
    options: tuple[Option, ...]
    location: Location
    follow_up: bool = False
    items: tuple[str, ...] = ()
    # Set on the yes/no pages a checklist is asked as; the first one keeps the checklist's id.
    chain: Chain | None = None

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
    steps: tuple[str, ...]
    wait: str | None
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
    scope: str
    crisis: str
    signs_intro: str
    sooner: str
    review_status: str


@dataclass(frozen=True)
class Guide:
    """The whole tree; ``nodes`` keeps file order (files sorted, nodes as written)."""

    meta: Meta
    nodes: dict[str, Node] = field(hash=False)
    signs: dict[str, Sign] = field(default_factory=dict, hash=False)
    tiers: dict[Urgency, TierText] = field(default_factory=dict, hash=False)
    # An option's floor never changes once loaded; the path book asks for it ~75,000 times.
    _floors: dict[tuple[tuple[str, ...], Urgency | None], Urgency | None] = field(
        default_factory=dict, hash=False, compare=False, repr=False
    )

    def floor(self, option: Option) -> Urgency | None:
        """The most urgent of the option's declared floor and its signs' tiers."""
        key = (option.signs, option.floor)  # all a floor depends on
        if key not in self._floors:
            tiers = [self.signs[s].tier for s in option.signs if s in self.signs]
            if option.floor is not None:
                tiers.append(option.floor)
            self._floors[key] = most_urgent(tiers)
        return self._floors[key]

    def signs_of(self, tier: Urgency) -> list[Sign]:
        return [sign for sign in self.signs.values() if sign.tier is tier]

    def questions(self) -> list[Question]:
        return [node for node in self.nodes.values() if isinstance(node, Question)]

    def outcomes(self) -> list[Outcome]:
        return [node for node in self.nodes.values() if isinstance(node, Outcome)]
