from __future__ import annotations

import pytest

from botb.guide.anchors import heading_ids, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Saddle height", "saddle-height"),
        ("What the evidence says", "what-the-evidence-says"),
        ('A second look after a fit "judged fine"', "a-second-look-after-a-fit-judged-fine"),
        ("Café & crème", "cafe-creme"),
        ("  Spaces -- and dashes ", "spaces-and-dashes"),
    ],
)
def test_slugify_matches_python_markdown(text: str, slug: str) -> None:
    import markdown

    html = markdown.Markdown(extensions=["toc"]).convert(f"## {text}")
    assert f'id="{slug}"' in html
    assert slugify(text) == slug


def test_heading_ids() -> None:
    page = "\n".join(
        [
            "---",
            "title: '# Not a heading'",
            "---",
            "# Title",
            "## Saddle height",
            "## Saddle height",
            "### Custom { #my-id }",
            "```",
            "## In code",
            "```",
            '<span id="raw-anchor"></span>',
            "## [Linked](other.md) *words*",
        ]
    )
    assert heading_ids(page) == {
        "title",
        "saddle-height",
        "saddle-height_1",
        "my-id",
        "raw-anchor",
        "linked-words",
    }
