"""The real tree in guide/, answered as the example readers would answer it.

Answers pick an option by a distinctive word of its label, so reordering options does not
break a scenario, while rewording one so that it no longer fits the reader does. A checklist
step names the signs (or label words) the reader ticks; it is answered as its yes/no chain,
exactly as a reader without JavaScript would. Each step also asserts which question comes
next: the GOV.UK Smart Answers style of flow test.
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
    exact = [o for o in question.options if word.lower() == o.label.lower()]
    matches = exact or [o for o in question.options if word.lower() in o.label.lower()]
    labels = [o.label for o in question.options]
    assert len(matches) == 1, f"{word!r} should pick one option of {question.id}: {labels}"
    return matches[0].next


def _item_is(question: Question, tick: str) -> bool:
    yes = question.options[0]
    return tick in yes.signs or tick.lower() in question.text.lower()


def tick(guide: Guide, first: Question, ticks: tuple[str, ...]) -> str:
    """Answer a checklist as its yes/no chain: yes at the first ticked item, else no."""
    assert first.chain is not None and first.chain.index == 0, f"{first.id} is not a checklist"
    matched: set[str] = set()
    node: Question = first
    while True:
        hits = [t for t in ticks if _item_is(node, t)]
        matched.update(hits)
        if hits:
            assert set(ticks) <= matched | {t for t in ticks if _later_item(guide, node, t)}, (
                f"unknown ticks {ticks} in {first.id}"
            )
            return node.options[0].next
        after = guide.nodes[node.options[1].next]
        if not (isinstance(after, Question) and after.chain and after.chain.group == first.id):
            assert not ticks, f"{ticks} matched no item of {first.id}"
            return node.options[1].next
        node = after


def _later_item(guide: Guide, node: Question, tick: str) -> bool:
    while True:
        after = guide.nodes.get(node.options[1].next)
        if not isinstance(after, Question) or after.chain is None:
            return False
        if after.chain.group != (node.chain.group if node.chain else None):
            return False
        if _item_is(after, tick):
            return True
        node = after


Step = tuple[str, "str | tuple[str, ...]"]


def walk(guide: Guide, steps: list[Step]) -> Outcome:
    node_id = guide.meta.start
    for expected_question, choice in steps:
        node = guide.nodes[node_id]
        assert isinstance(node, Question), f"reached outcome {node_id} before {expected_question}"
        assert node.id == expected_question, f"expected {expected_question}, got {node.id}"
        ticks = isinstance(choice, tuple)
        node_id = tick(guide, node, choice) if ticks else answer(node, choice)  # type: ignore[arg-type]
    outcome = guide.nodes[node_id]
    assert isinstance(outcome, Outcome), f"{node_id} is a question, expected an outcome"
    return outcome


NO_RED_FLAGS: list[Step] = [
    ("emergency-signs", ()),
    ("same-day-signs", ()),
    ("inflammatory-count", "45 or older"),
    ("soon-signs", ()),
]
BACK_ONLY = [*NO_RED_FLAGS, ("where-it-hurts", "across the lower back")]


@dataclass(frozen=True)
class Scenario:
    steps: list[Step]
    outcome: str
    urgency: Urgency
    approaches: frozenset[str] = frozenset()
    mentions: tuple[str, ...] = ()


S = Scenario
E, U, SOON, R, SC = (
    Urgency.EMERGENCY,
    Urgency.URGENT,
    Urgency.SOON,
    Urgency.ROUTINE,
    Urgency.SELF_CARE,
)

SCENARIOS: dict[str, Scenario] = {
    # --- Readers the reference describes -----------------------------------------------
    # 46, ache an hour into every ride for ten months; stretching, a fit, two physios.
    "forum rider": S(
        [
            *BACK_ONLY,
            ("when-it-comes-on", "every ride"),
            ("how-long", "more than 3 months"),
            ("how-it-affects-you", "coping"),
            ("what-you-tried", "without much change"),
        ],
        "routine-persistent-next-steps",
        R,
        approaches=frozenset(
            {
                "approaches/trunk-endurance-and-anti-rotation.md",
                "approaches/pilates-and-motor-control.md",
                "approaches/load-and-training-management.md",
                "approaches/bike-fit.md",
                "approaches/pain-education-and-psychological-approaches.md",
            }
        ),
        mentions=("pelvic tilt", "crank length", "x-ray"),
    ),
    "one side, bony spot, stairs": S(
        [*NO_RED_FLAGS, ("where-it-hurts", "bony dimple"), ("one-side-pattern", "stairs")],
        "routine-si-region",
        R,
        approaches=frozenset({"understanding/si-joint.md"}),
    ),
    "only on long rides, riding more": S(
        [*BACK_ONLY, ("when-it-comes-on", "drops"), ("recent-changes", "longer")],
        "self-care-load-and-position",
        SC,
        approaches=frozenset({"approaches/load-and-training-management.md"}),
    ),
    "leg pain below the knee, no other sign": S(
        [*NO_RED_FLAGS, ("where-it-hurts", "below the knee")],
        "soon-nerve-leg-pain",
        SOON,
        approaches=frozenset({"understanding/nerve-related-leg-pain.md"}),
    ),
    "front of the hip": S([*NO_RED_FLAGS, ("where-it-hurts", "groin")], "routine-hip-and-groin", R),
    "new pain, three weeks": S(
        [*BACK_ONLY, ("when-it-comes-on", "every ride"), ("how-long", "less than 6")],
        "self-care-recent-pain",
        SC,
    ),
    # --- Emergency signs: any one, or several ----------------------------------------------
    "trouble peeing and saddle numbness": S(
        [("emergency-signs", ("bladder-bowel", "saddle-numbness"))], "emergency-cauda-equina", E
    ),
    "feels different when wiping": S(
        [("emergency-signs", ("wiping",))], "emergency-cauda-equina", E
    ),
    "erection change since the pain": S(
        [("emergency-signs", ("sex-change",))], "emergency-cauda-equina", E
    ),
    "numb both legs and chest pain": S(
        [("emergency-signs", ("chest-pain", "both-legs"))], "emergency-cauda-equina", E
    ),
    "hit by a car, pain only mild": S(
        [("emergency-signs", ("serious-crash",))], "emergency-serious-injury", E
    ),
    "sudden tearing tummy and back pain, dizzy": S(
        [("emergency-signs", ("sudden-severe-pain",))], "emergency-sudden-severe-pain", E
    ),
    "saddle numbness that lasts for hours": S(
        [
            ("emergency-signs", ("saddle-numbness",)),
        ],
        "emergency-cauda-equina",
        E,
    ),
    # --- Same-day signs ----------------------------------------------------------------
    "70, fell off at a junction yesterday": S(
        [("emergency-signs", ()), ("same-day-signs", ("crash-with-risk",))],
        "urgent-possible-fracture",
        U,
    ),
    "osteoporosis, severe pain after lifting, no fall": S(
        [("emergency-signs", ()), ("same-day-signs", ("bone-risk-pain",))],
        "urgent-possible-fracture",
        U,
    ),
    "fever and a weak leg": S(
        [("emergency-signs", ()), ("same-day-signs", ("leg-weakness", "fever-unwell"))],
        "urgent-serious-cause",
        U,
    ),
    "new weak ankle, not getting worse": S(
        [("emergency-signs", ()), ("same-day-signs", ("leg-weakness",))], "urgent-leg-weakness", U
    ),
    "legs gave way getting out of bed": S(
        [("emergency-signs", ()), ("same-day-signs", ("legs-give-way",))],
        "urgent-leg-weakness",
        U,
    ),
    "kidney transplant, on immune suppressants": S(
        [("emergency-signs", ()), ("same-day-signs", ("infection-risk",))],
        "urgent-serious-cause",
        U,
    ),
    "injects drugs": S(
        [("emergency-signs", ()), ("same-day-signs", ("infection-risk",))],
        "urgent-serious-cause",
        U,
    ),
    "pain much worse on sneezing": S(
        [("emergency-signs", ()), ("same-day-signs", ("cough-strain",))],
        "urgent-serious-cause",
        U,
    ),
    "lost a stone without trying": S(
        [("emergency-signs", ()), ("same-day-signs", ("weight-loss",))], "urgent-serious-cause", U
    ),
    "pain at night that rest does not ease": S(
        [("emergency-signs", ()), ("same-day-signs", ("night-pain",))], "urgent-serious-cause", U
    ),
    "pain between the shoulder blades": S(
        [("emergency-signs", ()), ("same-day-signs", ("upper-back",))], "urgent-serious-cause", U
    ),
    "a new lump on the spine": S(
        [("emergency-signs", ()), ("same-day-signs", ("back-shape",))], "urgent-serious-cause", U
    ),
    "breathless and faint on the bike": S(
        [("emergency-signs", ("chest-pain",))], "emergency-chest-pain", E
    ),
    "breast cancer ten years ago": S(
        [("emergency-signs", ()), ("same-day-signs", ("cancer",))], "urgent-serious-cause", U
    ),
    # --- NG65: counted -----------------------------------------------------------------
    "28, night waking, buttock pain, eases moving, psoriasis": S(
        [("emergency-signs", ()), ("same-day-signs", ()), ("inflammatory-count", "4 or more")],
        "soon-inflammatory-referral",
        SOON,
    ),
    "three inflammatory signs": S(
        [("emergency-signs", ()), ("same-day-signs", ()), ("inflammatory-count", "exactly 3")],
        "soon-inflammatory-test",
        SOON,
    ),
    "two inflammatory signs carry on": S(
        [
            ("emergency-signs", ()),
            ("same-day-signs", ()),
            ("inflammatory-count", "2 or fewer"),
            ("soon-signs", ()),
            ("where-it-hurts", "across the lower back"),
            ("when-it-comes-on", "every ride"),
            ("how-long", "less than 6"),
        ],
        "self-care-recent-pain",
        SC,
    ),
    "not sure about the inflammatory signs carries on": S(
        [
            ("emergency-signs", ()),
            ("same-day-signs", ()),
            ("inflammatory-count", "not sure"),
            ("soon-signs", ()),
            ("where-it-hurts", "below the knee"),
        ],
        "soon-nerve-leg-pain",
        SOON,
    ),
    # --- See a GP soon ----------------------------------------------------------------
    "pregnant, 30 weeks": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("pregnancy",))], "soon-pregnancy", SOON
    ),
    "gave birth four months ago": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("pregnancy",))], "soon-pregnancy", SOON
    ),
    "16-year-old, hurts bending backwards": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("young-extension-pain",))], "soon-gp-check", SOON
    ),
    "calf cramps on climbs that stop at the top": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("effort-leg-pain",))], "soon-effort-leg-pain", SOON
    ),
    "pain getting worse each week": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("getting-worse",))], "soon-gp-check", SOON
    ),
    "62, first ever back pain": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("first-episode-over-50",))], "soon-gp-check", SOON
    ),
    "pulsing in the tummy": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("pulsing-tummy",))], "soon-gp-check", SOON
    ),
    "a new rash and night sweats came with it": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("something-else-new",))], "soon-gp-check", SOON
    ),
    "years of saddle numbness that always clears": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("saddle-numbness-recurring",))],
        "soon-saddle-numbness",
        SOON,
    ),
    # --- Crashes never end in self-care -----------------------------------------------
    "minor fall two weeks ago, 40, examined": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("crash or fall",))], "routine-after-crash", R
    ),
    "crash three months ago": S(
        [*NO_RED_FLAGS[:3], ("soon-signs", ("crash or fall",))], "routine-after-crash", R
    ),
    # --- Readers whose story fits no named answer ---------------------------------------
    "pain in the mid-back and side": S(
        [*NO_RED_FLAGS, ("where-it-hurts", "somewhere else")], "soon-gp-check", SOON
    ),
    "answers not sure all the way": S(
        [
            *BACK_ONLY,
            ("when-it-comes-on", "none of these"),
            ("how-long", "not sure"),
            ("how-it-affects-you", "another way"),
            ("what-you-tried", "something else"),
        ],
        "routine-persistent-first-steps",
        R,
    ),
    "one side, something else makes it worse": S(
        [*NO_RED_FLAGS, ("where-it-hurts", "bony dimple"), ("one-side-pattern", "something else")],
        "routine-si-region",
        R,
    ),
    "not sure about recent changes": S(
        [
            *BACK_ONLY,
            ("when-it-comes-on", "drops"),
            ("recent-changes", "not sure"),
            ("how-long", "less than 6"),
        ],
        "self-care-recent-pain",
        SC,
    ),
    "worried riding will damage the back": S(
        [
            *BACK_ONLY,
            ("when-it-comes-on", "off the bike"),
            ("how-long", "6 to 12"),
            ("how-it-affects-you", "worry"),
        ],
        "routine-confidence-and-pain",
        R,
    ),
    # --- Mood and crisis -----------------------------------------------------------------
    "low mood, thoughts of self-harm": S(
        [
            *BACK_ONLY,
            ("when-it-comes-on", "every ride"),
            ("how-long", "more than 3"),
            ("how-it-affects-you", "mood"),
            ("mood-safety", "yes"),
        ],
        "urgent-crisis",
        U,
    ),
    "low mood, would rather not say": S(
        [
            *BACK_ONLY,
            ("when-it-comes-on", "every ride"),
            ("how-long", "6 to 12"),
            ("how-it-affects-you", "mood"),
            ("mood-safety", "rather not say"),
        ],
        "urgent-crisis",
        U,
    ),
    "low mood, no thoughts of harm": S(
        [
            *BACK_ONLY,
            ("when-it-comes-on", "off the bike"),
            ("how-long", "more than 3"),
            ("how-it-affects-you", "mood"),
            ("mood-safety", "no"),
        ],
        "soon-sleep-and-mood",
        SOON,
    ),
}


@pytest.mark.parametrize("name", SCENARIOS)
def test_example_reader_reaches_expected_outcome(guide: Guide, name: str) -> None:
    scenario = SCENARIOS[name]
    outcome = walk(guide, scenario.steps)
    assert (outcome.id, outcome.urgency) == (scenario.outcome, scenario.urgency)
    pages = {approach.page for approach in outcome.approaches}
    assert scenario.approaches <= pages, f"missing {sorted(scenario.approaches - pages)}"
    links = [*(a.reason for a in outcome.approaches), *(n.text for n in outcome.notes)]
    words = " ".join([outcome.why, *outcome.ask, *outcome.safety_net, *links])
    words = words.lower()
    for mention in scenario.mentions:
        assert mention in words, f"{outcome.id} should speak of {mention!r}"


def test_saddle_numbness_follow_up_settles_not_sure(guide: Guide) -> None:
    first = guide.nodes["emergency-signs"]
    assert isinstance(first, Question)
    saddle = guide.nodes[first.options[1].next]
    assert isinstance(saddle, Question) and "saddle-numbness" in saddle.options[0].signs
    unsure = next(o for o in saddle.options if o.fallback)
    follow = guide.nodes[unsure.next]
    assert isinstance(follow, Question) and follow.follow_up
    fades = next(o for o in follow.options if "30 minutes" in o.label)
    # Ordinary pressure numbness rejoins the checklist at the next item, not the end of it.
    after = guide.nodes[fades.next]
    assert isinstance(after, Question) and after.chain and after.chain.group == "emergency-signs"
    for option in follow.options:
        if option is not fades:
            target = guide.nodes[option.next]
            assert isinstance(target, Outcome) and target.urgency is Urgency.EMERGENCY


def test_emergency_reader_gets_nothing_but_emergency_advice(guide: Guide) -> None:
    for outcome in guide.outcomes():
        if outcome.urgency is Urgency.EMERGENCY:
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


def test_scenarios_cover_every_sign_and_every_outcome(guide: Guide) -> None:
    reached = {SCENARIOS[name].outcome for name in SCENARIOS}
    assert reached >= {o.id for o in guide.outcomes()}
    ticked = {t for s in SCENARIOS.values() for _, c in s.steps if isinstance(c, tuple) for t in c}
    asked = {sign for q in guide.questions() if q.chain is not None for sign in q.options[0].signs}
    assert asked <= ticked
    assert len(SCENARIOS) >= 40


def test_outcome_count_and_tiers_cover_the_range(guide: Guide) -> None:
    outcomes = guide.outcomes()
    assert 16 <= len(outcomes) <= 30
    assert {o.urgency for o in outcomes} == set(Urgency)
    for outcome in outcomes:
        if outcome.urgency in (Urgency.EMERGENCY, Urgency.URGENT):
            continue
        assert 2 <= len(outcome.approaches) <= 5, outcome.id
