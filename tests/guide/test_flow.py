"""Given these answers, the next node is X (GOV.UK Smart Answers style)."""

from __future__ import annotations

import pytest

from .helpers import follow, valid_guide

NO_RED_FLAGS = ["No, none of these", "No", "No"]

FLOWS = [
    ([], "saddle-and-bladder"),
    (["Yes, one or more of these"], "emergency-cauda-equina"),
    (["No, none of these"], "leg-weakness"),
    (["No, none of these", "Yes, and it is getting worse"], "urgent-nerve"),
    (["No, none of these", "No"], "fever-or-injury"),
    (["No, none of these", "No", "Yes"], "urgent-unwell"),
    (NO_RED_FLAGS, "leg-pain"),
    ([*NO_RED_FLAGS, "Yes"], "leg-duration"),
    ([*NO_RED_FLAGS, "Yes", "Yes"], "soon-leg-pain"),
    ([*NO_RED_FLAGS, "Yes", "No"], "when-it-hurts"),
    ([*NO_RED_FLAGS, "No"], "when-it-hurts"),
    ([*NO_RED_FLAGS, "No", "On the bike"], "bike-position"),
    ([*NO_RED_FLAGS, "No", "On the bike", "On the drops"], "routine-bike-fit"),
    ([*NO_RED_FLAGS, "No", "On the bike", "Out of the saddle"], "training-load"),
    ([*NO_RED_FLAGS, "No", "After riding"], "training-load"),
    ([*NO_RED_FLAGS, "No", "After riding", "Yes"], "self-care-load"),
    ([*NO_RED_FLAGS, "No", "After riding", "No"], "how-long"),
    ([*NO_RED_FLAGS, "No", "Most of the time", "Less than six weeks"], "self-care-recent"),
    ([*NO_RED_FLAGS, "No", "Most of the time", "Six to twelve weeks"], "routine-persistent"),
    ([*NO_RED_FLAGS, "No", "Most of the time", "More than three months"], "soon-persistent"),
]


@pytest.mark.parametrize(("answers", "expected"), FLOWS, ids=[e for _, e in FLOWS])
def test_answers_lead_to(answers: list[str], expected: str) -> None:
    assert follow(valid_guide(), answers) == expected


def test_every_node_is_covered_by_a_flow() -> None:
    assert {expected for _, expected in FLOWS} == set(valid_guide().nodes)
