"""Warning-sign lists on content pages come from the registry; hand-written signs fail."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botb.guide.model import Urgency
from botb.guide.sign_pages import _flat, _folded, marker_problems, render_markers

from .helpers import valid_guide


def test_markers_render_the_registry_under_its_tier() -> None:
    guide = valid_guide()
    page = "# Help\n\n<!-- signs: emergency -->\n\nText.\n\n  <!-- signs: urgent -->\n"
    out = render_markers(page, guide=guide)
    assert "<!--" not in out
    emergency = out.index('data-signs="emergency"')
    urgent = out.index('data-signs="urgent"')
    assert (
        emergency < out.index("Numbness around your bottom that does not go after riding") < urgent
    )
    assert out.index("A leg or foot getting weaker") > urgent
    assert guide.tiers[Urgency.EMERGENCY].signs_heading in out
    assert "tel:999" in out  # the tier's action, with its link


def test_the_crisis_marker_renders_the_crisis_line() -> None:
    out = render_markers("Low mood is common.\n\n<!-- crisis -->\n", guide=valid_guide())
    assert "tel:116123" in out and "<!--" not in out


@pytest.mark.parametrize(
    ("page", "where"),
    [
        ("- Numbness around your bottom that does not go after riding\n", "p.md:1:3"),
        (
            "Call 999 if you have\n"
            "numbness around your **bottom** that does not go after riding.\n",
            "p.md:2:1",
        ),
        ("Text\n\n* a LEG or foot getting weaker;\n", "p.md:3:3"),
        ("| x | A leg or foot   getting weaker |\n", "p.md:1:7"),
    ],
)
def test_a_sign_written_by_hand_fails_the_build(page: str, where: str) -> None:
    found = [str(d) for d in marker_problems(valid_guide(), pages={"p.md": page})]
    assert len(found) == 1 and found[0].startswith(f"{where}: "), found
    assert "by hand" in found[0] and "<!-- signs:" in found[0]


@pytest.mark.parametrize(
    "page",
    [
        "<!-- signs: emergency -->\n",
        "Numbness after riding is common and fades.\n",
        "A leg that feels tired after a long ride.\n",
    ],
)
def test_markers_and_other_words_are_fine(page: str) -> None:
    assert marker_problems(valid_guide(), pages={"p.md": page}) == []


def test_an_unknown_marker_tier_is_reported_with_its_place() -> None:
    found = [
        str(d) for d in marker_problems(valid_guide(), pages={"p.md": "x\n<!-- signs: later -->\n"})
    ]
    assert found == [
        "p.md:2:13: unknown sign tier 'later' in a signs marker; use emergency, urgent or soon"
    ]


def test_generated_guide_pages_are_not_content_pages() -> None:
    page = "- Numbness around your bottom that does not go after riding\n"
    assert marker_problems(valid_guide(), pages={"guide/o/x.md": page}) == []


_FOLD_REFERENCE = re.compile(r"[\s*_]+")
_FOLD_TEXT = st.text(
    alphabet=st.sampled_from([*" \t\n\x0b\x1c\u00a0\u2003\u2028*_.", *"aZ\u0130\u00e9"])
    | st.characters()
)


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(_FOLD_TEXT)
def test_folding_is_runs_of_whitespace_and_emphasis_as_one_space(text: str) -> None:
    # The definition the docstring gives; the flat text that points at a match is the same.
    assert _folded(text) == _FOLD_REFERENCE.sub(" ", text).lstrip(" ").lower()
    assert _flat(text)[0] == _folded(text)


def test_pages_without_a_marker_are_returned_as_they_are() -> None:
    page = "# Riding\n\nNo comment here, *none* at all.\n"
    assert render_markers(page, guide=valid_guide()) is page
