"""Graph and safety rules over the model, each linear in nodes + edges.

No check enumerates paths. Safety over *every* path is proved by dataflow over a topological
order: for each node, the set of screening questions passed on every path to it is the AND,
over its predecessors, of what they had passed plus themselves (one bitset per node).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from botb.diagnostics import Diagnostic, did_you_mean
from botb.guide import graph
from botb.guide.analysis import Analysis, analyse
from botb.guide.loader import chain_id
from botb.guide.model import Guide, Option, Outcome, Question, Source, Urgency, most_urgent


@dataclass(frozen=True)
class Limits:
    """Editorial limits the real tree keeps; None switches one off."""

    # Four screening checklists come first (one page each with JavaScript), so a path
    # asks up to eight more questions after them.
    max_questions: int | None = 12
    median_questions: float | None = 10
    min_approaches: int | None = 2
    max_approaches: int | None = 5


NO_LIMITS = Limits(None, None, None, None)
SAFE_TIERS_NEED_SCREENING = (Urgency.SOON, Urgency.ROUTINE, Urgency.SELF_CARE)


def _structure(guide: Guide) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if guide.meta.start not in guide.nodes:
        found.append(
            Diagnostic(
                guide.meta.start_location,
                f"start {guide.meta.start!r} is not a node id{_close(guide.meta.start, guide)}",
            )
        )
    for question in guide.questions():
        if not question.options:
            found.append(
                Diagnostic(question.location, f"dead end: question {question.id!r} has no options")
            )
        for option in question.options:
            if option.next not in guide.nodes:
                found.append(
                    Diagnostic(
                        option.next_location,
                        f"next {option.next!r} is not a node id{_close(option.next, guide)}",
                    )
                )
    return found


def _close(word: str, guide: Guide) -> str:
    return did_you_mean(word, guide.nodes)


def _reachability(guide: Guide, reached: Sequence[str]) -> list[Diagnostic]:
    if guide.meta.start not in guide.nodes:
        return []
    seen = set(reached)
    return [
        Diagnostic(
            node.location, f"node {node_id!r} is unreachable: no path from the start leads to it"
        )
        for node_id, node in guide.nodes.items()
        if node_id not in seen
    ]


def _cycles(guide: Guide) -> list[Diagnostic]:
    return [
        Diagnostic(
            option.location,
            f"loop: this answer of {question.id!r} leads back to {loop[0]!r} "
            f"({' → '.join(loop)}); the guide must always move forward",
        )
        for question, option, loop in graph.back_edges(guide)
    ]


def _dead_ends(guide: Guide) -> list[Diagnostic]:
    """Questions from which no outcome can be reached (reverse BFS from every outcome)."""
    predecessors: dict[str, list[str]] = {node_id: [] for node_id in guide.nodes}
    for question in guide.questions():
        for target in graph.successors(guide, question.id):
            predecessors[target].append(question.id)
    live = {outcome.id for outcome in guide.outcomes()}
    queue = deque(live)
    while queue:
        for previous in predecessors[queue.popleft()]:
            if previous not in live:
                live.add(previous)
                queue.append(previous)
    found = []
    for question in guide.questions():
        dangling = any(option.next not in guide.nodes for option in question.options)
        if question.id in live or not question.options or dangling:
            continue
        found.append(
            Diagnostic(
                question.location,
                f"dead end: no answer to question {question.id!r} can lead to an outcome",
            )
        )
    return found


STEPS = (2, 4)


def _decision_parts(outcome: Outcome) -> list[Diagnostic]:
    """A reader who need not act today gets numbered next steps and the wait option."""
    found: list[Diagnostic] = []
    tier = outcome.urgency.value
    low, high = STEPS
    if not low <= len(outcome.steps) <= high:
        found.append(
            Diagnostic(
                outcome.location,
                f"{tier} outcome {outcome.id!r} has {len(outcome.steps)} 'steps'; give "
                f"{low} to {high} numbered things to do now, most important first",
            )
        )
    if outcome.wait is None:
        found.append(
            Diagnostic(
                outcome.location,
                f"{tier} outcome {outcome.id!r} needs 'wait': what keeping riding and waiting, "
                "with sensible changes, means for this reader (every outcome offers it)",
            )
        )
    return found


def _outcome_content(
    guide: Guide,
    *,
    docs_pages: frozenset[str] | None,
    page_anchors: Mapping[str, frozenset[str]] | None,
    source_keys: frozenset[str] | None,
    limits: Limits,
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for outcome in guide.outcomes():
        tier = outcome.urgency.value
        if outcome.urgency in (Urgency.EMERGENCY, Urgency.URGENT):
            if outcome.approaches:
                found.append(
                    Diagnostic(
                        outcome.approaches[0].location,
                        f"safety rule: {tier} outcome {outcome.id!r} must not list approaches; "
                        "getting care comes first",
                    )
                )
        else:
            found += _decision_parts(outcome)
            count = len(outcome.approaches)
            low, high = limits.min_approaches, limits.max_approaches
            if (low is not None and count < low) or (high is not None and count > high):
                found.append(
                    Diagnostic(
                        outcome.location,
                        f"{tier} outcome {outcome.id!r} lists {count} approaches; "
                        f"list between {low or 0} and {high if high is not None else 'any'}",
                    )
                )
        for approach in (*outcome.approaches, *outcome.notes):
            if docs_pages is not None and approach.page not in docs_pages:
                hint = did_you_mean(approach.page, docs_pages)
                found.append(
                    Diagnostic(
                        approach.location, f"approach page {approach.page!r} does not exist{hint}"
                    )
                )
                continue
            if not approach.anchor or page_anchors is None:
                continue
            # Asked only for an anchored link: the compile reads a page's headings on demand.
            anchors = page_anchors.get(approach.page)
            if anchors is not None and approach.anchor not in anchors:
                found.append(
                    Diagnostic(
                        approach.location,
                        f"approach page {approach.page!r} has no heading #{approach.anchor}",
                    )
                )
    if source_keys is not None:
        found += _unknown_sources(guide, source_keys)
    return found


def _unknown_sources(guide: Guide, source_keys: frozenset[str]) -> list[Diagnostic]:
    """Every outcome's and every sign's sources, each checked once (signs are shared)."""
    sources: list[Source] = [s for outcome in guide.outcomes() for s in outcome.sources]
    sources += [s for sign in guide.signs.values() for s in sign.sources]
    found = []
    for source in sources:
        if source.key not in source_keys:
            hint = did_you_mean(source.key, source_keys)
            found.append(
                Diagnostic(
                    source.location,
                    f"unknown source {source.key!r}: not in the bibliography{hint}",
                )
            )
    return found


def _signs(guide: Guide) -> list[Diagnostic]:
    """Every sign an answer names exists, and checklist items run most urgent first."""
    found = []
    for question in guide.questions():
        for option in question.options:
            for sign_id in option.signs:
                if sign_id not in guide.signs:
                    hint = did_you_mean(sign_id, guide.signs)
                    found.append(
                        Diagnostic(
                            option.location,
                            f"unknown sign {sign_id!r}: not in the sign registry (signs.yml){hint}",
                        )
                    )
        chain = question.chain
        if chain is None or chain.index == 0:
            continue
        previous = guide.nodes.get(chain_id(chain.group, chain.index - 1))
        if not isinstance(previous, Question):
            continue
        here, before = guide.floor(question.options[0]), guide.floor(previous.options[0])
        if here is not None and before is not None and here.more_urgent_than(before):
            found.append(
                Diagnostic(
                    question.location,
                    f"checklist {chain.group!r}: item {chain.index + 1} ({here.value}) comes "
                    f"after a less urgent item ({before.value}); list items most urgent "
                    "first, so the most urgent ticked item always wins",
                )
            )
    return found


def _screens(guide: Guide, question: Question) -> Urgency:
    """The most urgent tier a question's answers can set; a question without floors
    counts as an emergency screen, so an unmarked screening question is never skipped."""
    floors = [f for o in question.options if (f := guide.floor(o)) is not None]
    return most_urgent(floors, default=Urgency.EMERGENCY)


def _fallbacks(guide: Guide) -> list[Diagnostic]:
    """Every question has an answer for a reader whose story fits none of the others."""
    return [
        Diagnostic(
            question.location,
            f"question {question.id!r} has no answer marked 'fallback: true'; add one for "
            "readers who do not fit (somewhere else, none of these, not sure) with a safe "
            "route",
        )
        for question in guide.questions()
        if not any(option.fallback for option in question.options)
    ]


def _floors(guide: Guide, order: Sequence[str]) -> list[Diagnostic]:
    """No outcome is less urgent than the strongest floor on any path to it.

    Dataflow over the topological order: each node carries the most urgent floor over
    every path to it, with the option that set it, so the error names path and answer.
    """
    strongest: dict[str, tuple[Urgency, Question, Option] | None] = {guide.meta.start: None}
    found = []
    for node_id in order:
        node = guide.nodes[node_id]
        carried = strongest.get(node_id)
        if isinstance(node, Outcome):
            if carried is not None and node.urgency.less_urgent_than(carried[0]):
                floor, question, option = carried
                example = graph.shortest_path_via(guide, question=question.id, target=node_id)
                route = f" (e.g. {' → '.join(example)})" if example else ""
                found.append(
                    Diagnostic(
                        option.location,
                        f"safety rule: the answer {option.label!r} of {question.id!r} sets a "
                        f"floor of {floor.value}, but a path after it reaches "
                        f"{node.urgency.value} outcome {node_id!r}{route}",
                    )
                )
            continue
        for option in node.options:
            if option.next not in guide.nodes:
                continue
            mine = guide.floor(option)
            best = carried
            if mine is not None and (best is None or mine.more_urgent_than(best[0])):
                best = (mine, node, option)
            before = strongest.get(option.next)
            if option.next not in strongest or (
                best is not None and (before is None or best[0].more_urgent_than(before[0]))
            ):
                strongest[option.next] = best
    return found


def _fallback_routes(guide: Guide, order: Sequence[str]) -> list[Diagnostic]:
    """A fallback answer never lands below the red-flag tier its question screens for.

    A question screens for the most urgent floor among its answers; when that is
    emergency or urgent, every outcome after the fallback must be at least as urgent.
    Soon-tier screens (NG65 counting) may carry on with a note instead.
    """
    lenient: dict[str, Urgency] = {}
    for node_id in reversed(order):
        node = guide.nodes[node_id]
        if isinstance(node, Outcome):
            lenient[node_id] = node.urgency
            continue
        below = [lenient[o.next] for o in node.options if o.next in lenient]
        if below:
            lenient[node_id] = max(below, key=lambda tier: tier.rank)
    found = []
    for question in guide.questions():
        floors = [f for o in question.options if (f := guide.floor(o)) is not None]
        screens = most_urgent(floors)
        if screens not in (Urgency.EMERGENCY, Urgency.URGENT):
            continue
        for option in question.options:
            lands = lenient.get(option.next)
            settles = guide.nodes.get(option.next)
            if isinstance(settles, Question) and settles.follow_up:
                continue  # a follow-up question settles it; it is checked in its own right
            if option.fallback and lands is not None and lands.less_urgent_than(screens):
                found.append(
                    Diagnostic(
                        option.location,
                        f"safety rule: question {question.id!r} screens for {screens.value} "
                        f"signs, but its fallback answer {option.label!r} can end at a "
                        f"{lands.value} outcome; not sure must never count as no",
                    )
                )
    return found


# Phrases that claim to know the reader's answers: outcome prose may not use them, because an
# outcome is reached by many paths; what the reader said is shown from the answers themselves.
_CLAIMS = ("you told us", "no warning signs", "you have no ")


def _words(text: str) -> str:
    return " ".join(text.lower().replace("*", "").split()).rstrip(" .")


def _outcome_claims(guide: Guide, analysis: Analysis) -> list[Diagnostic]:
    """Outcome prose states no answer that some path to the outcome does not contain."""
    common = analysis.common_facts
    some = analysis.some_facts
    found = []
    for node_id in common:
        outcome = guide.nodes[node_id]
        if not isinstance(outcome, Outcome):
            continue
        prose = _words(
            " ".join(
                [
                    outcome.title,
                    outcome.summary,
                    outcome.why,
                    *outcome.steps,
                    outcome.wait or "",
                    *outcome.ask,
                    *outcome.safety_net,
                    *(approach.reason for approach in outcome.approaches),
                    *(note.text for note in outcome.notes),
                ]
            )
        )
        for phrase in _CLAIMS:
            if phrase in prose:
                found.append(
                    Diagnostic(
                        outcome.location,
                        f"outcome {node_id!r} says {phrase.strip()!r}; an outcome is reached "
                        "by many paths, so say what the reader told us with answer 'fact's, "
                        "which the page lists from the answers given",
                    )
                )
        for fact in sorted(some[node_id] - set(common[node_id])):
            if _words(fact) in prose:
                found.append(
                    Diagnostic(
                        outcome.location,
                        f"outcome {node_id!r} states {fact!r}, but some paths to it never "
                        "gave that answer; leave it to the answer's 'fact'",
                    )
                )
    return found


def _safety(guide: Guide, order: Sequence[str]) -> list[Diagnostic]:
    """Screening rules; ``order`` is a topological order of the reachable nodes."""
    found: list[Diagnostic] = []
    start = guide.nodes[guide.meta.start]
    if not isinstance(start, Question) or not start.screening:
        found.append(
            Diagnostic(
                guide.meta.start_location,
                f"safety rule: the start node {start.id!r} must be a screening question "
                "(screening: true), so red flags are checked first",
            )
        )
    if isinstance(start, Question) and not any(
        isinstance(guide.nodes.get(o.next), Outcome)
        and guide.nodes[o.next].urgency is Urgency.EMERGENCY  # type: ignore[union-attr]
        for o in start.options
    ):
        found.append(
            Diagnostic(
                start.location,
                f"safety rule: one answer of the start question {start.id!r} must lead "
                "straight to an emergency outcome",
            )
        )
    screening = [
        node_id
        for node_id in order
        if isinstance(q := guide.nodes[node_id], Question) and q.screening
    ]
    bit = {node_id: 1 << index for index, node_id in enumerate(screening)}
    everything = (1 << len(screening)) - 1
    passed: dict[str, int] = {start.id: 0}
    after_symptom: dict[str, str | None] = {start.id: None}
    for node_id in order:
        node = guide.nodes[node_id]
        if not isinstance(node, Question):
            continue
        carried = passed[node_id] | bit.get(node_id, 0)
        symptom = after_symptom[node_id] or (None if node.screening else node_id)
        for target in graph.successors(guide, node_id):
            passed[target] = passed[target] & carried if target in passed else carried
            if after_symptom.get(target) is None:
                after_symptom[target] = symptom
    # Follow-up questions settle one answer of another screening question, so only the
    # readers who gave that answer meet them.
    mandatory = [s for s in screening if not guide.nodes[s].follow_up]  # type: ignore[union-attr]
    for node_id in screening:
        earlier = after_symptom[node_id]
        if earlier is not None:
            found.append(
                Diagnostic(
                    guide.nodes[node_id].location,
                    f"safety rule: screening question {node_id!r} can be reached after the "
                    f"symptom question {earlier!r}; screening questions must come before "
                    "any other question",
                )
            )
    for node_id in order:
        outcome = guide.nodes[node_id]
        if not isinstance(outcome, Outcome) or outcome.urgency not in SAFE_TIERS_NEED_SCREENING:
            continue
        missing = [
            s
            for s in mandatory
            if everything & ~passed[node_id] & bit[s]
            and _screens(guide, guide.nodes[s]).more_urgent_than(outcome.urgency)  # type: ignore[arg-type]
        ]
        if not missing:
            continue
        example = graph.shortest_path(guide, target=node_id, avoid=missing[0])
        route = f" (e.g. {' → '.join(example)})" if example else ""
        names = ", ".join(repr(s) for s in missing)
        found.append(
            Diagnostic(
                outcome.location,
                f"safety rule: a path reaches {outcome.urgency.value} outcome {node_id!r} "
                f"without screening question(s) {names}{route}; every path to a soon, routine "
                "or self-care outcome must pass every screening question (other than "
                "follow-ups) that screens for a more urgent tier",
            )
        )
    return found


def _limits(guide: Guide, analysis: Analysis, limits: Limits) -> list[Diagnostic]:
    stats = analysis.stats
    found = []
    where = guide.meta.start_location
    if limits.max_questions is not None and stats.max_questions > limits.max_questions:
        found.append(
            Diagnostic(
                where,
                f"the longest path asks {stats.max_questions} questions; "
                f"keep it to {limits.max_questions} or fewer",
            )
        )
    if limits.median_questions is not None and stats.median_questions > limits.median_questions:
        found.append(
            Diagnostic(
                where,
                f"the median path asks {stats.median_questions:g} questions; "
                f"keep it to {limits.median_questions:g} or fewer",
            )
        )
    return found


def check_guide(
    guide: Guide,
    *,
    docs_pages: frozenset[str] | None,
    page_anchors: Mapping[str, frozenset[str]] | None = None,
    source_keys: frozenset[str] | None = None,
    limits: Limits = Limits(),
    analysis: Analysis | None = None,
) -> list[Diagnostic]:
    """Every graph, content and safety problem; empty when the guide is sound.

    ``docs_pages`` is the set of docs-relative .md paths (None skips page checks),
    ``page_anchors`` their heading ids (None leaves anchors to MkDocs' link validation),
    ``source_keys`` the bibliography keys (None skips source checks). ``analysis`` is the
    guide's graph facts when the caller goes on to render with them.
    """
    analysis = analyse(guide) if analysis is None else analysis
    reached = analysis.reached
    broken = _structure(guide) + _dead_ends(guide)
    found = list(broken)
    found += _reachability(guide, reached)
    found += _cycles(guide)
    found += _signs(guide)
    found += _fallbacks(guide)
    found += _outcome_content(
        guide,
        docs_pages=docs_pages,
        page_anchors=page_anchors,
        source_keys=source_keys,
        limits=limits,
    )
    if guide.meta.start not in guide.nodes:
        return found
    order = analysis.order
    if order is None:
        return found
    found += _safety(guide, order)
    found += _floors(guide, order)
    found += _outcome_claims(guide, analysis)
    found += _fallback_routes(guide, order)
    if not broken:  # path statistics only mean something on a complete graph
        found += _limits(guide, analysis, limits)
    return found
