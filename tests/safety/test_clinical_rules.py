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


def _question(node_id: str) -> Question:
    node = guide().nodes[node_id]
    assert isinstance(node, Question) and node.screening, f"{node_id} is not a screening question"
    return node


def _screening_chain() -> list[Question]:
    """The start question, then the question its "No" answer leads to, and so on."""
    chain = [_question(guide().meta.start)]
    while len(chain) < 3:
        no = [o for o in chain[-1].options if o.label.lower().startswith("no")]
        assert len(no) == 1, f"{chain[-1].id} needs exactly one answer starting 'No'"
        chain.append(_question(no[0].next))
    return chain


def _tier(node_id: str) -> Urgency | None:
    node = guide().nodes[node_id]
    return node.urgency if isinstance(node, Outcome) else None


@pytest.mark.parametrize("position", [0, 1])
def test_red_flag_answers_of_the_first_two_questions_lead_to_an_emergency(position: int) -> None:
    question = _screening_chain()[position]
    for option in question.options:
        if option.label.lower().startswith("no"):
            continue
        assert _tier(option.next) is Urgency.EMERGENCY, (question.id, option.label, option.next)


def test_same_day_sign_answers_lead_to_urgent_care() -> None:
    question = _screening_chain()[2]
    for option in question.options:
        if option.label.lower().startswith("no"):
            continue
        tier = _tier(option.next)
        assert tier in (Urgency.EMERGENCY, Urgency.URGENT), (question.id, option.label, tier)


def test_the_third_screening_question_is_the_same_day_one() -> None:
    # Pins the chain above to the tree as written, so a reorder is noticed here first.
    assert [q.id for q in _screening_chain()] == [
        "saddle-and-bladder",
        "legs-crash-chest",
        "same-day-signs",
    ]


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
            assert "Get help sooner if" in page, outcome.id
