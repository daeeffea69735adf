"""Every answer path through the guide: counted by dynamic programming, listed under a cap.

Counting and statistics never enumerate paths, so a tree with many shared sub-trees is still
measured in time linear in its edges (times its depth, for the per-length histogram).
The path book lists paths for clinical sign-off, and refuses beyond ``cap``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from botb.diagnostics import Diagnostic, DiagnosticError
from botb.guide.model import Chain, Guide, Option, Outcome, Question, Urgency, most_urgent

DEFAULT_CAP = 5000


@dataclass(frozen=True)
class PathStats:
    paths: int
    outcomes: int
    max_questions: int
    median_questions: float


# One line of a path as a reader with JavaScript sees it: the question as asked, the answer,
# and the answer whose floor counts.
Line = tuple[str, str, Option]


@dataclass(frozen=True)
class AnswerPath:
    steps: tuple[tuple[Question, Option], ...]
    outcome: Outcome
    # Worked out while the paths are listed, step by step, as paths share most of their
    # answers: the most urgent floor any answer sets, what the answers told us, in order,
    # once each, and the steps as lines (a checklist's run of "no" answers that reaches its
    # last item is one line, its "none of these").
    floor: Urgency | None
    facts: tuple[str, ...]
    lines: tuple[Line, ...]


# Every function here takes ``order``, a topological order of the reachable nodes, from
# ``analysis.Analysis``, which works it out once per compile.


def question_histograms(guide: Guide, order: Sequence[str]) -> dict[str, Counter[int]]:
    """For each reachable node: how many paths to an outcome ask exactly k questions."""
    histograms: dict[str, Counter[int]] = {}
    for node_id in reversed(order):
        node = guide.nodes[node_id]
        if isinstance(node, Outcome):
            histograms[node_id] = Counter({0: 1})
            continue
        total: Counter[int] = Counter()
        # A checklist counts as one question: with JavaScript it is one page.
        weight = 0 if node.chain is not None and node.chain.index > 0 else 1
        for option in node.options:
            below = histograms.get(option.next)
            if below is not None:
                for length, count in below.items():
                    total[length + weight] += count
        histograms[node_id] = total
    return histograms


def _median(histogram: Counter[int]) -> float:
    total = sum(histogram.values())
    if total == 0:
        return 0.0
    wanted = [(total - 1) // 2, total // 2]
    values: list[int] = []
    seen = 0
    for length in sorted(histogram):
        count = histogram[length]
        values.extend(length for index in wanted if seen <= index < seen + count)
        seen += count
    return sum(values) / len(values)


def path_stats(guide: Guide, order: Sequence[str]) -> PathStats:
    """Counts over every answer path, without listing them."""
    histogram = question_histograms(guide, order).get(guide.meta.start, Counter())
    return PathStats(
        paths=sum(histogram.values()),
        outcomes=sum(isinstance(guide.nodes[node_id], Outcome) for node_id in order),
        max_questions=max(histogram, default=0),
        median_questions=_median(histogram),
    )


def refuse_beyond_cap(guide: Guide, *, total: int, cap: int) -> None:
    """A diagnostic when the guide has more than ``cap`` paths for the path book."""
    if total > cap:
        raise DiagnosticError(
            [
                Diagnostic(
                    guide.meta.start_location,
                    f"the guide has {total} answer paths, more than the path book limit of "
                    f"{cap}; summarise shared sub-trees (route several answers to one shared "
                    "question) so reviewers can read every path",
                )
            ]
        )


def enumerate_paths(guide: Guide) -> list[AnswerPath]:
    """Every path in depth-first option order (check the count with ``refuse_beyond_cap``)."""
    found: list[AnswerPath] = []
    steps: list[tuple[Question, Option]] = []
    # The lines so far, without a checklist run still open. Each answer's lines are worked out
    # once, on the way down, and taken off on the way back: the work follows the tree's
    # answers rather than every path's steps.
    lines: list[Line] = []

    def walk(node_id: str, floor: Urgency | None, facts: tuple[str, ...], run: Run) -> None:
        node = guide.nodes.get(node_id)
        if node is None:
            return
        if isinstance(node, Outcome):
            path_lines = (*lines, *_run_lines(run)) if run else tuple(lines)
            found.append(AnswerPath(tuple(steps), node, floor, facts, path_lines))
            return
        for option in node.options:
            steps.append((node, option))
            kept = len(lines)
            own = guide.floor(option)
            walk(
                option.next,
                floor if own is None else most_urgent((own, floor) if floor else (own,)),
                (*facts, option.fact) if option.fact and option.fact not in facts else facts,
                _add_step(lines, run, node, option),
            )
            del lines[kept:]
            steps.pop()

    # Recursion depth is bounded by the longest path, which the question limits keep small.
    walk(guide.meta.start, None, (), ())
    return found


# "No" answers in a row, in one checklist, not yet written as lines.
Run = tuple[tuple[Chain, Question, Option], ...]


def _add_step(lines: list[Line], run: Run, question: Question, option: Option) -> Run:
    """One answer added to a path's ``lines``; returns the run still open after it. A
    checklist's "no" waits in the run; any other answer, or the end of the checklist, writes
    the run out."""
    chain = question.chain
    if run and (chain is None or chain.group != run[0][0].group):
        lines += _run_lines(run)
        run = ()
    if chain is None:
        lines.append((question.text, option.label, option))
        return ()
    if option is not question.options[1]:
        lines += _run_lines(run)
        lines.append((_asked(question), option.label, option))
        return ()
    if chain.index == chain.total - 1:
        first = run[0][0] if run else chain
        lines.append((first.question, first.none_label, option))
        return ()
    return (*run, (chain, question, option))


def _run_lines(run: Run) -> list[Line]:
    """A run of "no" answers that did not reach its checklist's last item: a line each."""
    return [(_asked(question), option.label, option) for _, question, option in run]


def _number(value: float) -> str:
    return f"{value:g}"


def path_book_text(guide: Guide, *, stats: PathStats, paths: Sequence[AnswerPath]) -> str:
    """The committed guide/PATHS.txt: one block per path, in a stable order."""
    lines = [
        f"Path book: {guide.meta.title}",
        f"Guide version {guide.meta.version}, reviewed {guide.meta.reviewed.isoformat()}",
        f"{stats.paths} paths to {stats.outcomes} outcomes; questions per path: "
        f"max {stats.max_questions}, median {_number(stats.median_questions)}",
        "Generated by `botb-guide paths --write`; do not edit by hand.",
    ]
    lines += ["", *_wording(guide)]
    # Paths share most of their answers: each answer's line is written once.
    answered: dict[tuple[str, str, int], str] = {}
    for number, path in enumerate(paths, start=1):
        lines.append("")
        lines.append(f"Path {number} of {stats.paths}")
        for asked, label, option in path.lines:
            key = (asked, label, id(option))
            line = answered.get(key)
            if line is None:
                line = answered[key] = f"  {asked} → {label}{_marks(guide, option)}"
            lines.append(line)
        outcome = path.outcome
        floor = path.floor
        lines.append(f"  Floor: {floor.value if floor else 'none'}")
        if path.facts:
            lines.append("  Why (from these answers): " + " ".join(path.facts))
        lines.append(f"  ⇒ OUTCOME [{outcome.urgency.value}] {outcome.title} ({outcome.id})")
    return "\n".join(lines) + "\n"


def _marks(guide: Guide, option: Option) -> str:
    marks = []
    if (floor := guide.floor(option)) is not None:
        marks.append(f"floor {floor.value}")
    if option.fallback:
        marks.append("fallback")
    return f"  [{', '.join(marks)}]" if marks else ""


def _asked(question: Question) -> str:
    if question.chain is None:
        return question.text
    chain = question.chain
    return f"{chain.question} ({chain.index + 1}/{chain.total}) {question.text}?"


def _wording(guide: Guide) -> list[str]:
    """Every sentence the guide says about urgency, for sign-off with the paths."""
    meta = guide.meta
    lines = [
        "Wording shown around the questions",
        f"  Scope line (start and every outcome): {meta.scope}",
        f"  Crisis line (every non-emergency outcome): {meta.crisis}",
        f"  Above the emergency signs (start page, home page): {meta.signs_intro}",
        f"  Opening 'get help sooner' (every non-emergency outcome): {meta.sooner}",
        "",
        "Tiers",
    ]
    for tier, text in guide.tiers.items():
        lines += [
            f"  [{tier.value}] {text.label}",
            f"    Action: {text.action}",
            f"    Heading above its signs: {text.signs_heading}",
        ]
    lines += ["", "Warning signs (guide/signs.yml)"]
    for tier in Urgency:
        for sign in guide.signs_of(tier):
            sources = ", ".join(source.key for source in sign.sources)
            lines.append(f"  [{tier.value}] {sign.id}: {sign.text} ({sources})")
    return lines


def common_facts(guide: Guide, order: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """For each outcome, the facts every path to it states, in path order.

    Dataflow over a topological order: a node's facts are the intersection, over its
    incoming answers, of what the path before held plus the answer's own fact.
    """
    held: dict[str, tuple[str, ...] | None] = {guide.meta.start: ()}
    for node_id in order:
        node = guide.nodes[node_id]
        facts = held.get(node_id)
        if isinstance(node, Outcome) or facts is None:
            continue
        for option in node.options:
            mine = facts + ((option.fact,) if option.fact and option.fact not in facts else ())
            before = held.get(option.next)
            held[option.next] = mine if before is None else tuple(f for f in before if f in mine)
    return {
        node_id: held.get(node_id) or ()
        for node_id in order
        if isinstance(guide.nodes[node_id], Outcome)
    }


def reachable_facts(guide: Guide, order: Sequence[str]) -> dict[str, frozenset[str]]:
    """For each outcome, every fact that some path to it states (the union)."""
    held: dict[str, frozenset[str]] = {guide.meta.start: frozenset()}
    for node_id in order:
        node = guide.nodes[node_id]
        if isinstance(node, Outcome) or node_id not in held:
            continue
        for option in node.options:
            mine = held[node_id] | ({option.fact} if option.fact else set())
            held[option.next] = held.get(option.next, frozenset()) | mine
    return {
        node_id: held.get(node_id, frozenset())
        for node_id in order
        if isinstance(guide.nodes[node_id], Outcome)
    }
