"""The "Guide outcomes that point here" section."""

from __future__ import annotations

from botb.content.outcome_links import render_outcome_links


def test_outcomes_are_linked_relative_to_the_page_with_urgency() -> None:
    out = render_outcome_links(
        [
            ("See a physio soon", "guide/o/physio-soon.md", "soon"),
            ("Keep riding and build strength", "guide/o/self-care.md", "self-care"),
        ],
        page_path="approaches/bike-fit.md",
    )
    assert out.startswith("## Guide outcomes that point here\n")
    assert "- [Keep riding and build strength](../guide/o/self-care.md)" in out
    assert "- [See a physio soon](../guide/o/physio-soon.md) (see a GP or physio soon)" in out
    assert out.index("Keep riding") < out.index("See a physio")


def test_no_outcomes_says_so() -> None:
    out = render_outcome_links([], page_path="approaches/yoga.md")
    assert "suggests this approach at the moment" in out
    assert "(../guide/index.md)" in out
