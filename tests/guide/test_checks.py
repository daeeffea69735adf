"""Graph and safety checks on small hand-built graphs and on a 10,000-node generated tree."""

from __future__ import annotations

import dataclasses
import random
from collections import deque

import pytest

from botb.guide.checks import NO_LIMITS, Limits, check_guide
from botb.guide.model import Guide, Question, Urgency

from .helpers import build, valid_guide

SAFE = {
    "s1": ["e", "s2"],
    "s2": ["u", "q1"],
    "q1": ["q2", "q3"],
    "q2": ["shared"],
    "q3": ["shared", "r"],
    "shared": ["sc", "r"],
    "e": "emergency",
    "u": "urgent",
    "r": "routine",
    "sc": "self-care",
}
SCREEN = frozenset({"s1", "s2", "late"})


def messages(guide: Guide, limits: Limits = NO_LIMITS) -> list[str]:
    return [str(d) for d in check_guide(guide, docs_pages=None, limits=limits)]


def test_dag_with_shared_subtree_is_safe() -> None:
    assert messages(build(SAFE, screening=SCREEN)) == []


@pytest.mark.parametrize(
    ("change", "location", "message"),
    [
        # s1 may now jump past s2 straight into the symptom questions.
        ({"s1": ["e", "s2", "q1"]}, "spec.yml:9:3", "without screening question(s) 's2'"),
        # Only the shared sub-tree is reachable without s2: still caught, via the DAG join.
        ({"s1": ["e", "s2", "shared"]}, "spec.yml:10:3", "(e.g. s1 → shared → sc)"),
        ({"s1": ["u", "s2"]}, "spec.yml:1:3", "must lead straight to an emergency outcome"),
        (
            {"q3": ["shared", "r", "late"], "late": ["e", "r"]},
            "spec.yml:11:3",
            "screening question 'late' can be reached after the symptom question 'q1'",
        ),
        ({"shared": ["sc", "q1"]}, "spec.yml:6:3", "loop: this answer of 'shared' leads back"),
        ({"q2": []}, "spec.yml:4:3", "dead end: question 'q2' has no options"),
        ({"q2": ["nowhere"]}, "spec.yml:4:3", "next 'nowhere' is not a node id"),
        ({"extra": "routine"}, "spec.yml:11:3", "node 'extra' is unreachable"),
    ],
)
def test_small_graph_mistakes(
    change: dict[str, list[str] | str], location: str, message: str
) -> None:
    found = messages(build({**SAFE, **change}, screening=SCREEN))
    assert any(m.startswith(location) and message in m for m in found), found


def test_urgent_outcomes_may_skip_later_screening() -> None:
    # Only soon/routine/self-care outcomes need every screening question first.
    guide = build({**SAFE, "s1": ["e", "s2", "u"]}, screening=SCREEN)
    assert messages(guide) == []


def test_start_must_be_screening() -> None:
    found = messages(build(SAFE, screening=frozenset({"s2"})))
    assert any("must be a screening question" in m for m in found)


def test_limits_on_questions_per_path() -> None:
    guide = valid_guide()
    assert messages(guide, Limits(max_questions=9, median_questions=7)) == []
    found = messages(guide, Limits(max_questions=8, median_questions=6.5))
    assert any("the longest path asks 9 questions; keep it to 8 or fewer" in m for m in found)
    assert any("the median path asks 7 questions; keep it to 6.5 or fewer" in m for m in found)


def test_approach_counts_and_skipped_checks() -> None:
    guide = valid_guide()
    assert check_guide(guide, docs_pages=None, source_keys=None) == []
    found = check_guide(guide, docs_pages=None, limits=Limits(min_approaches=3))
    assert len(found) == 6  # every soon, routine and self-care outcome lists 2


def _generated(width: int, depth: int) -> dict[str, list[str] | str]:
    """Three screening questions, then ``depth`` layers of ``width`` shared questions."""
    spec: dict[str, list[str] | str] = {
        "s1": ["e", "s2"],
        "s2": ["u", "s3"],
        "s3": ["u", "n-0-0"],
        "e": "emergency",
        "u": "urgent",
    }
    for layer in range(depth):
        for i in range(width):
            if layer == depth - 1:
                spec[f"n-{layer}-{i}"] = "routine" if i % 2 else "self-care"
                continue
            spec[f"n-{layer}-{i}"] = [f"n-{layer + 1}-{i}", f"n-{layer + 1}-{(i * 7 + 3) % width}"]
    # Make every node of the first layer reachable from its first node.
    spec["n-0-0"] = [f"n-0-{i}" for i in range(1, width)] + ["n-1-0"]
    return spec


def _reachable(spec: dict[str, list[str] | str], start: str) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        body = spec[queue.popleft()]
        for nxt in body if isinstance(body, list) else []:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def test_ten_thousand_node_tree_is_checked_correctly() -> None:
    spec = _generated(width=500, depth=20)
    assert len(spec) >= 10_000
    screening = frozenset({"s1", "s2", "s3"})
    assert messages(build(spec, screening=screening)) == []

    # One shortcut past two screening questions: exactly the outcomes below it are flagged.
    spec["s1"] = ["e", "s2", "n-5-17"]
    found = messages(build(spec, screening=screening))
    flagged = {m.split(" outcome '")[1].split("'")[0] for m in found}
    below = {n for n in _reachable(spec, "n-5-17") if isinstance(spec[n], str)}
    assert flagged == below
    assert all("without screening question(s) 's2', 's3'" in m for m in found)


def test_ten_thousand_node_tree_loop_is_found() -> None:
    spec = _generated(width=500, depth=20)
    spec["n-18-250"] = ["n-19-250", "n-3-250"]
    found = messages(build(spec, screening=frozenset({"s1", "s2", "s3"})))
    assert len(found) == 1
    assert "loop: this answer of" in found[0]
    assert "n-18-250 → n-3-250" in found[0]


def _with_floor(guide: Guide, question: str, index: int, floor: Urgency) -> Guide:
    node = guide.nodes[question]
    assert isinstance(node, Question)
    options = list(node.options)
    options[index] = dataclasses.replace(options[index], floor=floor)
    nodes = {**guide.nodes, question: dataclasses.replace(node, options=tuple(options))}
    return dataclasses.replace(guide, nodes=nodes)


def test_fallback_on_a_red_flag_screen_must_not_mean_no() -> None:
    # s2's first answer screens for urgent signs; its fallback (the last answer) carries on
    # to the symptom questions, which can end in self-care: "not sure" would mean "no".
    guide = _with_floor(build(SAFE, screening=SCREEN), "s2", 0, Urgency.URGENT)
    found = messages(guide)
    assert any(
        "question 's2' screens for urgent signs, but its fallback answer 'to q1'" in m
        and m.startswith("spec.yml:2:3")
        for m in found
    ), found


def test_a_floor_is_proved_on_every_path_and_named_with_its_answer() -> None:
    guide = _with_floor(build(SAFE, screening=SCREEN), "q3", 0, Urgency.ROUTINE)
    found = messages(guide)
    assert any(
        "the answer 'to shared' of 'q3' sets a floor of routine, but a path after it reaches "
        "self-care outcome 'sc' (e.g. s1 → s2 → q1 → q3 → shared → sc)" in m
        for m in found
    ), found


def _random_dag(seed: int) -> Guide:
    """A random screened DAG with random floors: questions q0..qn, outcomes of every tier."""
    rng = random.Random(seed)
    tiers = [u.value for u in Urgency]
    count = rng.randint(4, 9)
    spec: dict[str, list[str] | str] = {"s1": ["e", "q0"]}
    for index in range(count):
        later = [f"q{j}" for j in range(index + 1, count)] + [f"o{t}" for t in range(5)]
        picked = rng.sample(later, k=min(len(later), rng.randint(2, 3)))
        if index + 1 < count and f"q{index + 1}" not in picked:
            picked[0] = f"q{index + 1}"  # every question stays reachable
        spec[f"q{index}"] = picked
    spec["e"] = "emergency"
    for t in range(5):
        spec[f"o{t}"] = tiers[t]
        spec[f"q{count - 1}"] = [*spec[f"q{count - 1}"], f"o{t}"]
    guide = build(spec, screening=frozenset({"s1"}))
    for index in range(count):
        for position in range(len(spec[f"q{index}"])):
            if rng.random() < 0.3:
                guide = _with_floor(guide, f"q{index}", position, Urgency(rng.choice(tiers)))
    return guide


@pytest.mark.parametrize("seed", range(60))
def test_floor_dataflow_agrees_with_walking_every_path(seed: int) -> None:
    from botb.guide.analysis import analyse
    from botb.guide.model import most_urgent

    guide = _random_dag(seed)
    paths = analyse(guide).paths()
    floors = [
        most_urgent(f for _, option in path.steps if (f := guide.floor(option)) is not None)
        for path in paths
    ]
    assert [path.floor for path in paths] == floors
    broken = any(
        floor is not None and path.outcome.urgency.less_urgent_than(floor)
        for path, floor in zip(paths, floors, strict=True)
    )
    found = any("sets a floor of" in m for m in messages(guide))
    assert found == broken


def _with(guide: Guide, node_id: str, **changes: object) -> Guide:
    node = guide.nodes[node_id]
    return dataclasses.replace(
        guide, nodes={**guide.nodes, node_id: dataclasses.replace(node, **changes)}
    )


@pytest.mark.parametrize(
    "why", ["You told us the pain is new.", "There are NO warning signs.", "You have no weakness."]
)
def test_outcome_prose_may_not_claim_the_readers_answers(why: str) -> None:
    guide = _with(build(SAFE, screening=SCREEN), "r", why=why)
    assert any(m.startswith("spec.yml:9:3") and "outcome 'r' says" in m for m in messages(guide))


def test_outcome_prose_may_not_state_an_answer_some_paths_never_gave() -> None:
    guide = build(SAFE, screening=SCREEN)
    q3 = guide.nodes["q3"]
    assert isinstance(q3, Question)
    fact = "The pain spreads below the knee."
    options = (dataclasses.replace(q3.options[0], fact=fact), *q3.options[1:])
    guide = _with(guide, "q3", options=options)
    # 'shared' is also reached from q2, which never asked it; its outcome 'sc' may not say it.
    stated = _with(guide, "sc", why="The pain spreads below the knee, so rest.")
    found = messages(stated)
    assert any("outcome 'sc' states 'The pain spreads below the knee.'" in m for m in found)
    # Said only through the fact, it is fine.
    assert not any("states" in m for m in messages(guide))


@pytest.mark.parametrize("outcomes", [10, 100, 1000])
def test_the_checks_list_the_outcomes_a_fixed_number_of_times(
    outcomes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing the outcomes per outcome made the checks quadratic (4 s on the 10,000-node
    benchmark tree); the number of listings must not grow with the tree."""
    spec: dict[str, list[str] | str] = {"q0": [f"o{i}" for i in range(outcomes)]}
    spec.update({f"o{i}": "routine" for i in range(outcomes)})
    guide = build(spec, start="q0")
    calls = 0
    original = Guide.outcomes

    def counted(self: Guide) -> list:  # type: ignore[type-arg]
        nonlocal calls
        calls += 1
        return original(self)

    monkeypatch.setattr(Guide, "outcomes", counted)
    check_guide(guide, docs_pages=None, source_keys=frozenset({"nice-ng59"}), limits=NO_LIMITS)
    assert calls <= 5
