"""The real tree in guide/, answered as the example readers would answer it.

Answers pick an option by a distinctive word of its label, so reordering options does not
break a scenario, while rewording one so that it no longer fits the reader does. Each step
also asserts which question comes next: the GOV.UK Smart Answers style of flow test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from botb.content.bibliography import load_bibliography
from botb.guide.checks import check_guide
from botb.guide.compile import docs_markdown
from botb.guide.loader import load_guide
from botb.guide.model import Guide, Outcome, Question, Urgency

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def guide() -> Guide:
    loaded = load_guide(ROOT / "guide", root=ROOT)
    assert loaded is not None
    return loaded


def answer(question: Question, word: str) -> str:
    """The next node after the one option whose label contains ``word``."""
    matches = [o for o in question.options if word.lower() in o.label.lower()]
    labels = [o.label for o in question.options]
    assert len(matches) == 1, f"{word!r} should pick one option of {question.id}: {labels}"
    return matches[0].next


def walk(guide: Guide, steps: list[tuple[str, str]]) -> Outcome:
    node_id = guide.meta.start
    for expected_question, word in steps:
        node = guide.nodes[node_id]
        assert isinstance(node, Question), f"reached outcome {node_id} before {expected_question}"
        assert node.id == expected_question, f"expected {expected_question}, got {node.id}"
        node_id = answer(node, word)
    outcome = guide.nodes[node_id]
    assert isinstance(outcome, Outcome), f"{node_id} is a question, expected an outcome"
    return outcome


NO_RED_FLAGS = [
    ("saddle-and-bladder", "none"),
    ("legs-crash-chest", "none"),
    ("same-day-signs", "none"),
    ("inflammatory-pattern", "does not fit"),
]


@dataclass(frozen=True)
class Scenario:
    steps: list[tuple[str, str]]
    urgency: Urgency
    approaches: frozenset[str] = frozenset()
    mentions: tuple[str, ...] = ()


SCENARIOS = {
    # 46, ache an hour into every ride for ten months; stretching, a fit, two physios.
    "forum rider": Scenario(
        steps=[
            *NO_RED_FLAGS,
            ("where-it-hurts", "across the lower back"),
            ("when-it-comes-on", "every ride"),
            ("how-long", "more than 3 months"),
            ("how-it-affects-you", "coping"),
            ("what-you-tried", "without much change"),
        ],
        urgency=Urgency.ROUTINE,
        approaches=frozenset(
            {
                "approaches/trunk-endurance-and-anti-rotation.md",
                "approaches/pilates-and-motor-control.md",
                "approaches/load-and-training-management.md",
                "approaches/bike-fit.md",
                "approaches/on-the-bike-technique.md",
            }
        ),
        mentions=("pelvic tilt", "crank length", "x-ray"),
    ),
    # 38, saddle numbness that did not clear, and trouble starting to pee.
    "new saddle numbness": Scenario(
        steps=[("saddle-and-bladder", "yes")],
        urgency=Urgency.EMERGENCY,
    ),
    # 58, crashed two days ago, severe sharp pain, long-term steroids.
    "crash on steroids": Scenario(
        steps=[
            ("saddle-and-bladder", "none"),
            ("legs-crash-chest", "none"),
            ("same-day-signs", "steroid"),
        ],
        urgency=Urgency.URGENT,
    ),
    # 31, one side over the bony dimple, worse on stairs and standing on one leg.
    "one side, bony spot": Scenario(
        steps=[
            *NO_RED_FLAGS,
            ("where-it-hurts", "bony dimple"),
            ("one-side-pattern", "stairs"),
        ],
        urgency=Urgency.ROUTINE,
        approaches=frozenset(
            {
                "understanding/si-joint.md",
                "approaches/glute-and-hip-strengthening.md",
                "approaches/load-and-training-management.md",
            }
        ),
    ),
    # 44, aches after two hours in the drops; riding time up by half this month; no fit.
    "only on long rides": Scenario(
        steps=[
            *NO_RED_FLAGS,
            ("where-it-hurts", "across the lower back"),
            ("when-it-comes-on", "drops"),
            ("recent-changes", "longer"),
        ],
        urgency=Urgency.SELF_CARE,
        approaches=frozenset(
            {
                "approaches/load-and-training-management.md",
                "approaches/on-the-bike-technique.md",
                "approaches/trunk-endurance-and-anti-rotation.md",
                "approaches/bike-fit.md",
            }
        ),
    ),
    # 36, pain below the knee into the foot, tingling, worse on coughing; no weakness.
    "leg pain": Scenario(
        steps=[*NO_RED_FLAGS, ("where-it-hurts", "below the knee")],
        urgency=Urgency.SOON,
        approaches=frozenset({"understanding/nerve-related-leg-pain.md"}),
        mentions=("weak", "both legs", "peeing"),
    ),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_example_reader_reaches_expected_tier_and_approaches(guide: Guide, name: str) -> None:
    scenario = SCENARIOS[name]
    outcome = walk(guide, scenario.steps)
    assert outcome.urgency is scenario.urgency
    pages = {approach.page for approach in outcome.approaches}
    assert scenario.approaches <= pages, f"missing {sorted(scenario.approaches - pages)}"
    links = (*outcome.approaches, *outcome.notes)
    words = " ".join([outcome.why, *outcome.ask, *outcome.safety_net, *(a.reason for a in links)])
    words = words.lower()
    for mention in scenario.mentions:
        assert mention in words, f"{outcome.id} should speak of {mention!r}"


def test_emergency_reader_gets_nothing_but_emergency_advice(guide: Guide) -> None:
    outcome = walk(guide, SCENARIOS["new saddle numbness"].steps)
    assert outcome.approaches == ()


def test_forum_rider_is_not_sent_back_to_what_they_tried(guide: Guide) -> None:
    # They stretch daily and have had a fit judged fine: neither should be the plan again.
    outcome = walk(guide, SCENARIOS["forum rider"].steps)
    pages = {approach.page for approach in outcome.approaches}
    assert "approaches/stretching-and-mobility.md" not in pages
    assert "approaches/acupuncture.md" not in pages
    fit = next(a for a in outcome.approaches if a.page == "approaches/bike-fit.md")
    assert "second look" in fit.reason.lower()


def test_forum_rider_gets_honest_notes_linked_to_the_evidence(guide: Guide) -> None:
    outcome = walk(guide, SCENARIOS["forum rider"].steps)
    noted = {note.page for note in outcome.notes}
    assert {
        "approaches/imaging-and-tests.md",
        "understanding/anterior-pelvic-tilt.md",
        "approaches/bike-fit.md",
    } <= noted


def test_real_tree_passes_every_check(guide: Guide) -> None:
    docs = ROOT / "content"
    keys = load_bibliography(docs / "_data/bibliography.yml", display="bib").keys
    problems = check_guide(guide, docs_pages=frozenset(docs_markdown(docs)), source_keys=keys)
    assert [str(p) for p in problems] == []


def test_outcome_count_and_tiers_cover_the_range(guide: Guide) -> None:
    outcomes = guide.outcomes()
    assert 10 <= len(outcomes) <= 16
    assert {o.urgency for o in outcomes} == set(Urgency)
    for outcome in outcomes:
        if outcome.urgency in (Urgency.EMERGENCY, Urgency.URGENT):
            continue
        assert 2 <= len(outcome.approaches) <= 5, outcome.id
