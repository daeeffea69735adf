"""Rendering citations: page References, status lines, the full bibliography."""

from __future__ import annotations

import datetime as dt

import pytest

from botb.content.bibliography import parse_bibliography
from botb.content.frontmatter import ClinicalReview
from botb.content.references import (
    ReviewWording,
    citations_in,
    escape,
    format_citation,
    insert_after_h1,
    render_bibliography,
    render_page_references,
    render_page_status,
)

BIB = parse_bibliography(
    """\
hayden-2021:
  type: systematic-review
  authors: Hayden JA, et al.
  title: Exercise therapy for chronic low back pain
  container: Cochrane Database of Systematic Reviews
  year: 2021
  issue: "9"
  pages: CD009790
  doi: 10.1002/14651858.CD009790.pub2
laird-2014:
  type: systematic-review
  authors: Laird RA, et al.
  title: "Comparing lumbo-pelvic kinematics: a [meta-analysis]"
  container: BMC Musculoskeletal Disorders
  year: 2014
  volume: "15"
  pages: "229"
  pmid: "25236443"
nice-ng59:
  type: guideline
  authors: NICE
  title: Low back pain and sciatica
  container: NICE
  year: 2016
  url: https://www.nice.org.uk/guidance/ng59
  note: Updated 2020.
""",
    display="bib.yml",
)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            "hayden-2021",
            "Hayden JA, et al. Exercise therapy for chronic low back pain. "
            "*Cochrane Database of Systematic Reviews*. 2021;(9):CD009790. "
            "[doi:10\\.1002/14651858\\.CD009790\\.pub2](https://doi.org/10.1002/14651858.CD009790.pub2)",
        ),
        (
            "laird-2014",
            "Laird RA, et al. Comparing lumbo\\-pelvic kinematics: a \\[meta\\-analysis\\]. "
            "*BMC Musculoskeletal Disorders*. 2014;15:229. "
            "[PubMed 25236443](https://pubmed.ncbi.nlm.nih.gov/25236443/)",
        ),
        (
            "nice-ng59",
            "NICE. Low back pain and sciatica. *NICE*. 2016. "
            "[nice\\.org\\.uk/guidance/ng59](https://www.nice.org.uk/guidance/ng59)",
        ),
    ],
)
def test_citation_format(key: str, expected: str) -> None:
    assert format_citation(BIB.entries[key]) == expected


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a*b", "a\\*b"),
        ("[x]", "\\[x\\]"),
        ("a_b", "a\\_b"),
        ("<b>", "&lt;b&gt;"),
        ("a|b", "a\\|b"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_page_references_are_numbered_in_page_order_with_back_links() -> None:
    out = render_page_references(
        ["nice-ng59", "hayden-2021"], bibliography=BIB, page_path="approaches/yoga.md"
    )
    lines = [line for line in out.splitlines() if line[:2] in ("1.", "2.")]
    assert out.startswith("## References\n")
    assert lines[0].startswith('1. <span id="ref-nice-ng59"></span>NICE.')
    assert lines[0].endswith("(../references.md#ref-nice-ng59)")
    assert lines[1].startswith('2. <span id="ref-hayden-2021"></span>Hayden JA')
    assert "(../references.md#ref-hayden-2021)" in lines[1]


def test_no_sources_no_section() -> None:
    assert render_page_references([], bibliography=BIB, page_path="index.md") == ""


@pytest.mark.parametrize(
    ("evidence", "reviewed", "page", "expected"),
    [
        (
            "low",
            dt.date(2026, 11, 27),
            "approaches/yoga.md",
            [
                "**Evidence: low certainty** — [what this means]"
                "(../about/index.md#how-we-grade-evidence)",
                'Last reviewed: <time datetime="2026-11-27">27 November 2026</time>',
            ],
        ),
        ("very-low", None, "approaches/yoga.md", ["**Evidence: very low certainty**"]),
        ("none", None, "approaches/yoga.md", ["**Evidence: no studies found**"]),
        (
            None,
            dt.date(2025, 1, 5),
            "start-here.md",
            ['Last reviewed: <time datetime="2025-01-05">5 January 2025</time>'],
        ),
    ],
)
def test_status_lines(
    evidence: str | None, reviewed: dt.date | None, page: str, expected: list[str]
) -> None:
    out = render_page_status(evidence=evidence, reviewed=reviewed, page_path=page)
    for part in expected:
        assert part in out
    assert out.rstrip().endswith("{ .botb-page-meta data-search-exclude }")


def test_no_status_for_plain_pages() -> None:
    assert render_page_status(evidence=None, reviewed=None, page_path="index.md") == ""


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title\n\nBody\n", "# Title\n\nSTATUS\n\n\nBody\n"),
        ("# Title", "# Title\n\nSTATUS\n\n"),
        ("Intro\n\n# Title\nBody\n", "Intro\n\n# Title\n\nSTATUS\n\nBody\n"),
        (
            "```\n# not a heading\n```\n# Title\n",
            "```\n# not a heading\n```\n# Title\n\nSTATUS\n\n",
        ),
        ("No heading\n", "STATUS\n\nNo heading\n"),
        ("## Only h2\n", "STATUS\n\n## Only h2\n"),
    ],
)
def test_status_goes_after_the_h1(markdown: str, expected: str) -> None:
    assert insert_after_h1(markdown, "STATUS\n") == expected


def test_full_bibliography_has_anchor_type_and_cited_on_links() -> None:
    out = render_bibliography(
        BIB,
        cited_on={
            "hayden-2021": [("Yoga", "approaches/yoga.md"), ("Bike fit", "approaches/bike-fit.md")]
        },
    )
    for key in BIB.keys:
        assert f'<span id="ref-{key}"></span>' in out
    # Sorted by author: Hayden, Laird, NICE.
    assert out.index("ref-hayden-2021") < out.index("ref-laird-2014") < out.index("ref-nice-ng59")
    assert "Systematic review · Cited on: [Bike fit](approaches/bike-fit.md), [Yoga]" in out
    assert "Guideline · Updated 2020\\." in out
    assert out.startswith('<div class="botb-bibliography" markdown>')


WORDING = ReviewWording(
    pending="Checked on {reviewed}; sign-off pending.",
    pending_undated="Sign-off pending.",
    signed="Checked on {reviewed}; signed off by {name}, {role}, on {date}.",
    signed_undated="Signed off by {name}, {role}, on {date}.",
)
SIGNED = ClinicalReview(name="Dr A <b>", role="GP", date=dt.date(2026, 12, 1))


@pytest.mark.parametrize(
    ("reviewed", "clinical", "expected"),
    [
        (
            dt.date(2026, 11, 27),
            None,
            'Checked on <time datetime="2026-11-27">27 November 2026</time>; sign-off pending.',
        ),
        (None, None, "Sign-off pending."),
        (
            dt.date(2026, 11, 27),
            SIGNED,
            'Checked on <time datetime="2026-11-27">27 November 2026</time>; signed off by '
            'Dr A &lt;b&gt;, GP, on <time datetime="2026-12-01">1 December 2026</time>.',
        ),
        (
            None,
            SIGNED,
            'Signed off by Dr A &lt;b&gt;, GP, on <time datetime="2026-12-01">1 December 2026'
            "</time>.",
        ),
    ],
)
def test_review_line_uses_the_configured_wording(
    reviewed: dt.date | None, clinical: ClinicalReview | None, expected: str
) -> None:
    out = render_page_status(
        evidence=None, reviewed=reviewed, clinical=clinical, wording=WORDING, page_path="x.md"
    )
    assert out.startswith(expected)


def test_grade_line_states_what_it_is_about() -> None:
    out = render_page_status(
        evidence="moderate",
        evidence_for="pain vs usual care, 3 years",
        reviewed=None,
        page_path="approaches/yoga.md",
    )
    assert "**Evidence: moderate certainty** (pain vs usual care, 3 years) — [what" in out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("a [X](#ref-a-1) b", [("a-1", 1, 3)]),
        (
            "[X](#ref-a-1)\n\n[Y](#ref-b-2); [Z](#ref-a-1)",
            [("a-1", 1, 1), ("b-2", 3, 1), ("a-1", 3, 16)],
        ),
        ("[X](other.md#ref-a-1) and [Y](#refs)", []),
    ],
)
def test_citations_are_found_with_their_place(body: str, expected: list[object]) -> None:
    assert citations_in(body) == expected
