"""Clinical safety rules checked on the real decision tree (not on a fixture).

The engine proves structural safety for any tree (screening first, every path screened).
These tests pin what the engine cannot know: that in *this* tree the red-flag answers go
to the right tier, that no outcome claims a diagnosis, and that every outcome page and
printout carries its version, review date and address.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from botb.guide.compile import CompiledGuide, compile_guide, docs_markdown
from botb.guide.model import Guide, Outcome, Question, Urgency
from botb.guide.urls import node_src

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/back-on-the-bike/"


@functools.cache
def compiled() -> CompiledGuide:
    result = compile_guide(
        guide_dir=ROOT / "guide",
        root=ROOT,
        docs_pages=frozenset(docs_markdown(ROOT / "content")),
        site_url=SITE,
    )
    assert result is not None
    return result


def guide() -> Guide:
    return compiled().guide


def _tier(node_id: str) -> Urgency | None:
    node = guide().nodes[node_id]
    return node.urgency if isinstance(node, Outcome) else None


def _checklists() -> list[Question]:
    return [q for q in guide().questions() if q.chain is not None and q.chain.index == 0]


def _items(first: Question) -> list[Question]:
    items = [first]
    while True:
        after = guide().nodes.get(items[-1].options[1].next)
        if not (isinstance(after, Question) and after.chain and after.chain.group == first.id):
            return items
        items.append(after)


def _lenient(node_id: str) -> Urgency:
    """The least urgent outcome any path from ``node_id`` can reach."""
    node = guide().nodes[node_id]
    if isinstance(node, Outcome):
        return node.urgency
    return max((_lenient(o.next) for o in node.options), key=lambda tier: tier.rank)


def test_screening_starts_with_the_emergency_then_the_same_day_checklist() -> None:
    first = guide().nodes[guide().meta.start]
    assert isinstance(first, Question) and first.screening and first.chain is not None
    tiers = {guide().signs[o.options[0].signs[0]].tier for o in _items(first)}
    assert tiers == {Urgency.EMERGENCY}
    after = guide().nodes[_items(first)[-1].options[1].next]
    assert isinstance(after, Question) and after.chain is not None
    assert {guide().signs[o.options[0].signs[0]].tier for o in _items(after)} == {Urgency.URGENT}


@pytest.mark.parametrize("tier", [Urgency.EMERGENCY, Urgency.URGENT, Urgency.SOON])
def test_every_sign_answer_leads_only_to_its_tier_or_more_urgent(tier: Urgency) -> None:
    for question in guide().questions():
        for option in question.options:
            signs = [guide().signs[s] for s in option.signs]
            if not any(sign.tier is tier for sign in signs):
                continue
            lands = _lenient(option.next)
            assert not lands.less_urgent_than(tier), (question.id, option.label, lands)


def _checklist_result(first: Question, ticked: set[int]) -> str:
    """Where the tick-all form sends a reader: the first ticked item, as guide.js does."""
    items = _items(first)
    for index, item in enumerate(items):
        if index in ticked:
            return item.options[0].next
    return items[-1].options[1].next


@pytest.mark.parametrize("group", ["emergency-signs", "same-day-signs", "soon-signs"])
def test_every_combination_of_ticks_reaches_the_most_urgent_ticked_tier(group: str) -> None:
    first = guide().nodes[group]
    assert isinstance(first, Question)
    items = _items(first)
    floors = [guide().floor(item.options[0]) for item in items]
    for mask in range(1, 1 << len(items)):
        ticked = {i for i in range(len(items)) if mask >> i & 1}
        strongest = min((floors[i] for i in ticked if floors[i]), key=lambda t: t.rank)
        # The yes/no chain without JavaScript answers yes at the first ticked item too:
        # both forms reach the same node, and it is as urgent as the most urgent tick.
        target = _checklist_result(first, ticked)
        assert not _lenient(target).less_urgent_than(strongest), (group, sorted(ticked))


def test_every_path_ends_at_least_as_urgent_as_its_floor() -> None:
    from botb.guide.analysis import analyse
    from botb.guide.model import most_urgent

    paths = analyse(guide()).paths()
    assert len(paths) > 1000
    for path in paths:
        # Worked out from the answers here, not taken from the path listing.
        floor = most_urgent(f for _, o in path.steps if (f := guide().floor(o)) is not None)
        assert path.floor == floor, [o.label for _, o in path.steps]
        if floor is not None:
            assert not path.outcome.urgency.less_urgent_than(floor), [
                o.label for _, o in path.steps
            ]


def test_no_path_with_a_crash_or_fall_reaches_self_care() -> None:
    from botb.guide.analysis import analyse

    for path in analyse(guide()).paths():
        crash = any("crash" in (o.fact or "").lower() for _, o in path.steps)
        if crash:
            assert path.outcome.urgency is not Urgency.SELF_CARE, path.outcome.id


def test_every_question_has_a_fallback_and_screening_fallbacks_never_mean_no() -> None:
    for question in guide().questions():
        fallbacks = [o for o in question.options if o.fallback]
        assert fallbacks, question.id
        floors = [f for o in question.options if (f := guide().floor(o)) is not None]
        screens = min(floors, key=lambda t: t.rank, default=None)
        if screens not in (Urgency.EMERGENCY, Urgency.URGENT):
            continue
        for option in fallbacks:
            follow = guide().nodes[option.next]
            if isinstance(follow, Question) and follow.follow_up:
                assert any(o.fallback for o in follow.options)
                continue
            assert not _lenient(option.next).less_urgent_than(screens), (question.id, option.label)


def test_no_hint_tells_a_reader_to_answer_no() -> None:
    for question in guide().questions():
        hints = [question.hint or "", *(o.hint or "" for o in question.options)]
        for hint in hints:
            assert "answer no" not in hint.lower(), question.id


def test_outcomes_state_only_what_every_path_to_them_asked() -> None:
    from botb.guide.analysis import analyse

    analysis = analyse(guide())
    common = analysis.common_facts
    for path in analysis.paths():
        stated = tuple(dict.fromkeys(option.fact for _, option in path.steps if option.fact))
        assert path.facts == stated, path.outcome.id
        assert set(common[path.outcome.id]) <= set(stated), path.outcome.id


# Ways a sentence can claim to know what the reader has. Reporting their answers back
# ("You told us you have ...") and conditions ("if you have ...") are fine.
CLAIMS = (
    re.compile(r"(?:^|[.!?]\s+)you have (?!no |not |never )", re.IGNORECASE),
    re.compile(r"\byou (?:probably|likely|may|might|could|must) have\b", re.IGNORECASE),
    re.compile(r"\b(?:this|that|it) (?:means|shows|proves) (?:that )?you have\b", re.IGNORECASE),
    re.compile(r"\byou are suffering from\b", re.IGNORECASE),
    re.compile(r"(?<!not )(?<!cannot )(?<!can't )(?<!not a )\bdiagnos", re.IGNORECASE),
    re.compile(r"\bthis is (?:a|an) \w+ (?:injury|condition|syndrome|disc|tear)\b", re.IGNORECASE),
)


def _outcome_texts(outcome: Outcome) -> list[str]:
    return [
        outcome.title,
        outcome.summary,
        outcome.why,
        *outcome.ask,
        *outcome.safety_net,
        *(approach.reason for approach in outcome.approaches),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "You have sciatica.",
        "Rest now. You have a disc problem.",
        "You probably have SI joint pain.",
        "This means you have a bulging disc.",
        "Our diagnosis is muscle strain.",
        "This is a muscle injury.",
    ],
)
def test_claim_patterns_catch_a_diagnosis(text: str) -> None:
    assert any(claim.search(text) for claim in CLAIMS)


@pytest.mark.parametrize(
    "text",
    [
        "You told us you have chest pain.",
        "If you have not had a bike fit, ask about one.",
        "This pattern does not mean you have the condition.",
        "This guide does not diagnose anything.",
    ],
)
def test_claim_patterns_leave_reported_answers_alone(text: str) -> None:
    assert not any(claim.search(text) for claim in CLAIMS)


def test_no_outcome_claims_a_diagnosis() -> None:
    found = [
        (outcome.id, text)
        for outcome in guide().outcomes()
        for text in _outcome_texts(outcome)
        if any(claim.search(text) for claim in CLAIMS)
    ]
    assert found == []


def test_every_outcome_page_and_sheet_has_version_date_address_and_safety_net() -> None:
    meta = guide().meta
    for outcome in guide().outcomes():
        page = compiled().pages[node_src(outcome)]
        sheet = re.search(r'class="botb-sheet-meta"[^>]*>(.*?)</p>', page, re.DOTALL)
        assert sheet, outcome.id
        stamp = re.sub(r"\\(.)", r"\1", sheet.group(1))  # the Markdown escapes
        assert meta.version in stamp, outcome.id
        assert meta.reviewed.isoformat() in stamp or outcome.reviewed.isoformat() in stamp
        assert f"{SITE}guide/o/{outcome.id}/" in stamp, outcome.id
        if outcome.urgency is not Urgency.EMERGENCY:
            assert "## Get help sooner" in page, outcome.id


def test_no_outcome_page_says_there_are_no_warning_signs() -> None:
    for outcome in guide().outcomes():
        page = compiled().pages[node_src(outcome)].lower()
        assert "no warning signs" not in page, outcome.id
        assert "you have no " not in page, outcome.id


def test_crisis_lines_on_every_non_emergency_outcome_and_first_on_the_crisis_one() -> None:
    for outcome in guide().outcomes():
        page = compiled().pages[node_src(outcome)]
        if outcome.urgency is Urgency.EMERGENCY:
            continue
        assert "116 123" in page and "tel:116123" in page, outcome.id
    crisis = [
        o
        for o in guide().outcomes()
        if any(
            "self-harm-thoughts" in opt.signs
            for q in guide().questions()
            for opt in q.options
            if opt.next == o.id
        )
    ]
    assert crisis and all(o.urgency in (Urgency.EMERGENCY, Urgency.URGENT) for o in crisis)
    for outcome in crisis:
        page = compiled().pages[node_src(outcome)]
        top = page[: page.index("## Why you are seeing this")]
        assert "tel:116123" in top and "tel:988" in top and "tel:999" in top


def test_emergency_signs_on_the_start_page_and_every_non_urgent_outcome() -> None:
    texts = [s.text for s in guide().signs_of(Urgency.EMERGENCY)]
    pages = [compiled().pages["guide/index.md"]] + [
        compiled().pages[node_src(o)]
        for o in guide().outcomes()
        if o.urgency in (Urgency.SOON, Urgency.ROUTINE, Urgency.SELF_CARE)
    ]
    for page in pages:
        flat = re.sub(r"\\(.)", r"\1", " ".join(page.split()))
        for text in texts:
            assert text in flat
