"""Loading every page together and decorating page Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from botb.content.site import SiteContent, load_site_content, render_page_markdown
from botb.diagnostics import DiagnosticError
from tests.content.samples import BIB, DESC, FACT_WORDS, FACTS, WAIT

TODAY = dt.date(2026, 11, 27)
PAGES = {
    "references.md": f"---\ntitle: References\ndescription: {DESC}\nclinical_review: pending\n"
    "---\n# References\n\n"
    "<!-- bibliography -->\n",
    "approaches/index.md": f"---\ntitle: Compare\ndescription: {DESC}\nclinical_review: pending\n"
    "---\n# Compare\n\n"
    "<!-- approaches-table -->\n",
    "approaches/yoga.md": f"---\ntitle: Yoga\ndescription: {DESC}\nreviewed: 2026-11-01\n"
    "clinical_review: pending\nsources: [hayden-2021, laird-2014]\nevidence: low\n"
    "evidence_for: function vs no exercise, 3 months\ntags: [yoga]\n" + FACTS + "---\n# Yoga\n\n"
    "**Certainty: low.** Text ([Hayden 2021](#ref-hayden-2021)).\n",
    "approaches/wait.md": WAIT,
}


def make_site(tmp_path: Path, pages: dict[str, str], bib: str = BIB) -> Path:
    docs = tmp_path / "content"
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    bib_file = docs / "_data/bibliography.yml"
    if not bib_file.exists():
        bib_file.parent.mkdir(parents=True, exist_ok=True)
        bib_file.write_text(bib, encoding="utf-8")
    facts = docs / "_data/facts.yml"
    if not facts.exists():
        facts.write_text(FACT_WORDS, encoding="utf-8")
    return docs


def load(docs: Path) -> SiteContent:
    return load_site_content(
        docs, bibliography_path=docs / "_data/bibliography.yml", root=docs.parent, today=TODAY
    )


def errors(docs: Path) -> list[str]:
    with pytest.raises(DiagnosticError) as caught:
        load(docs)
    return [str(d) for d in caught.value.diagnostics]


def test_good_site_loads(tmp_path: Path) -> None:
    content = load(make_site(tmp_path, PAGES))
    assert set(content.pages) == set(PAGES)
    assert ("Yoga", "approaches/yoga.md") in content.cited_on()["hayden-2021"]
    assert sorted(m.path for m in content.approaches()) == [
        "approaches/wait.md",
        "approaches/yoga.md",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {
                "_data/bibliography.yml": BIB
                + BIB.replace("hayden-2021", "extra-2020").split("laird")[0]
            },
            "content/_data/bibliography.yml:15:1: entry 'extra-2020' is not cited by any page",
        ),
        (
            {"references.md": PAGES["references.md"].replace("<!-- bibliography -->", "")},
            "content/references.md:6:1: this page must contain the marker <!-- bibliography -->",
        ),
        (
            {"approaches/index.md": PAGES["approaches/index.md"].replace("<!-- approaches", "<!-")},
            "content/approaches/index.md:6:1: this page must contain the marker",
        ),
        ({"glossary.md": "# Glossary\n"}, "content/glossary.md:1:1: missing front matter"),
    ],
)
def test_site_problems(tmp_path: Path, change: dict[str, str], expected: str) -> None:
    found = errors(make_site(tmp_path, {**PAGES, **change}))
    assert any(p.startswith(expected) for p in found), found


def test_bibliography_and_page_problems_come_together(tmp_path: Path) -> None:
    docs = make_site(
        tmp_path,
        {**PAGES, "glossary.md": "# Glossary\n"},
        bib=BIB.replace("type: systematic-review", "type: blog", 1),
    )
    found = errors(docs)
    assert any("'type' must be one of" in p and "(got 'blog')" in p for p in found)
    assert any("missing front matter" in p for p in found)


def test_stale_reviews_are_warnings(tmp_path: Path) -> None:
    pages = {
        **PAGES,
        "approaches/yoga.md": PAGES["approaches/yoga.md"].replace("2026-11-01", "2020-01-01"),
    }
    content = load(make_site(tmp_path, pages))
    assert [str(w.location) for w in content.warnings] == ["content/approaches/yoga.md:4:11"]


def test_hidden_files_are_skipped(tmp_path: Path) -> None:
    content = load(make_site(tmp_path, {**PAGES, ".drafts/x.md": "junk"}))
    assert ".drafts/x.md" not in content.pages


@pytest.fixture
def content(tmp_path: Path) -> SiteContent:
    return load(make_site(tmp_path, PAGES))


def test_approach_page_gets_status_outcomes_and_references(content: SiteContent) -> None:
    body = "# Yoga\n\nText.\n"
    outcomes = {"approaches/yoga.md": [("See a physio soon", "guide/o/soon.md", "soon")]}
    out = render_page_markdown(body, path="approaches/yoga.md", content=content, outcomes=outcomes)
    assert out.index("# Yoga") < out.index("**Evidence: low certainty**") < out.index("Text.")
    assert out.index("Text.") < out.index("## Guide outcomes that point here")
    assert out.index("## Guide outcomes") < out.index("## References")
    assert "[See a physio soon](../guide/o/soon.md)" in out


def test_without_a_guide_there_is_no_outcome_section(content: SiteContent) -> None:
    out = render_page_markdown(
        "# Yoga\n", path="approaches/yoga.md", content=content, outcomes=None
    )
    assert "Guide outcomes" not in out
    assert "## References" in out


def test_markers_are_filled(content: SiteContent) -> None:
    refs = render_page_markdown(
        "# References\n\n<!-- bibliography -->\n",
        path="references.md",
        content=content,
        outcomes=None,
    )
    assert '<span id="ref-laird-2014"></span>' in refs
    assert "[Yoga](approaches/yoga.md)" in refs.split("Cited on:")[-1]
    table = render_page_markdown(
        "# Compare\n\n<!-- approaches-table -->\n",
        path="approaches/index.md",
        content=content,
        outcomes={},
    )
    assert "| [Yoga](yoga.md) |" in table
    assert "Guide outcomes" not in table


def test_pages_outside_the_content_are_untouched(content: SiteContent) -> None:
    body = "# Generated guide page\n"
    assert render_page_markdown(body, path="guide/o/x.md", content=content, outcomes={}) == body


# --- checks across the text: citations, stated grades, quoted figures ------------------------

YOGA = PAGES["approaches/yoga.md"]
YOGA_CERTAINTY_LINE = (
    YOGA.splitlines().index(next(x for x in YOGA.splitlines() if "**Certainty" in x)) + 1
)
FIGURES_BIB = BIB.replace(
    "  doi: 10.1002/14651858.CD009790.pub2\n",
    "  doi: 10.1002/14651858.CD009790.pub2\n  figures: {trials: [249], points: [15, 7]}\n",
)


def article(body: str, sources: str = "[hayden-2021, laird-2014]") -> str:
    return (
        f"---\ntitle: Start\ndescription: {DESC}\nreviewed: 2026-11-01\n"
        f"clinical_review: pending\nsources: {sources}\ntags: [x]\n---\n# Start\n\n{body}\n"
    )


CITATION_CASES = [
    (
        "key not in the bibliography",
        article("Text ([Smith 2020](#ref-smith-2020))."),
        "content/start-here.md:11:7: cites 'smith-2020', which is not in the bibliography",
    ),
    (
        "typo in a key",
        article("Text ([Hayden 2021](#ref-hayden-2012))."),
        "content/start-here.md:11:7: cites 'hayden-2012', which is not in the bibliography",
    ),
    (
        "second line of a paragraph",
        article("First line.\nSecond ([Laird](#ref-laird-2015))."),
        "content/start-here.md:12:9: cites 'laird-2015'",
    ),
]


@pytest.mark.parametrize(
    ("page", "expected"),
    [case[1:] for case in CITATION_CASES],
    ids=[case[0] for case in CITATION_CASES],
)
def test_a_cited_key_missing_from_the_bibliography_fails(
    tmp_path: Path, page: str, expected: str
) -> None:
    found = errors(make_site(tmp_path, {**PAGES, "start-here.md": page}))
    assert any(p.startswith(expected) for p in found), found


def test_a_key_cited_in_the_text_must_be_in_sources(tmp_path: Path) -> None:
    bib = BIB + (
        "nice-ng59:\n  type: guideline\n  authors: NICE\n  title: NG59\n  container: NICE\n"
        "  year: 2016\n  url: https://www.nice.org.uk/guidance/ng59\n"
    )
    page = article("Text ([Laird 2014](#ref-laird-2014)).", sources="[hayden-2021, nice-ng59]")
    found = errors(make_site(tmp_path, {**PAGES, "start-here.md": page}, bib=bib))
    expected = "content/start-here.md:11:7: cites 'laird-2014' in the text but not in 'sources'"
    assert any(p.startswith(expected) for p in found), found


@pytest.mark.parametrize(
    ("front", "stated", "message"),
    [
        ("low", "very low", "the text says certainty 'very low' but the front matter grade"),
        ("very-low", "low", "the text says certainty 'low' but the front matter grade"),
        ("moderate", "low", "is 'moderate'"),
        ("low", "moderate", "is 'low'"),
        ("none", "low", "is 'no studies found'"),
    ],
)
def test_the_grade_in_the_text_must_equal_the_table_grade(
    tmp_path: Path, front: str, stated: str, message: str
) -> None:
    yoga = YOGA.replace("evidence: low", f"evidence: {front}").replace(
        "**Certainty: low.**", f"**Certainty: {stated}.**"
    )
    found = errors(make_site(tmp_path, {**PAGES, "approaches/yoga.md": yoga}))
    assert any(
        p.startswith(f"content/approaches/yoga.md:{YOGA_CERTAINTY_LINE}:1: ") and message in p
        for p in found
    )


def test_an_approach_page_must_state_its_grade(tmp_path: Path) -> None:
    yoga = YOGA.replace("**Certainty: low.** ", "")
    found = errors(make_site(tmp_path, {**PAGES, "approaches/yoga.md": yoga}))
    assert any("never states its grade as **Certainty: low.**" in p for p in found), found


FIGURE_CASES = [
    ("same figures", "A review of 249 trials ([H](#ref-hayden-2021)).", None),
    ("other unit is free", "In 70 people ([H](#ref-hayden-2021)).", None),
    (
        "a recorded unit after an unrecorded one",
        "In 70 people over 250 trials ([H](#ref-hayden-2021)).",
        "'250 trials'",
    ),
    (
        "a recorded unit sentences after the citation",
        "Pain eased ([H](#ref-hayden-2021)). In 70 people. Over 12 weeks.\nAcross 250 trials.",
        "'250 trials'",
    ),
    ("uncited paragraph is free", "A review of 250 trials.", None),
    ("wrong trial count", "A review of 250 trials ([H](#ref-hayden-2021)).", "'250 trials'"),
    (
        "wrong points later in the paragraph",
        "Pain eased ([H](#ref-hayden-2021)).\nFunction by about 9 points.",
        "'9 points' is not a figure the bibliography records for hayden-2021",
    ),
    ("thousands separator", "Over 1,249 trials ([H](#ref-hayden-2021)).", "'1,249 trials'"),
    ("hyphenated", "A 15-points drop ([H](#ref-hayden-2021)).", None),
    ("before the first citation", "Plans run 12 trials long. Then ([H](#ref-hayden-2021)).", None),
    (
        "a later sentence with no citation",
        "Pain eased ([H](#ref-hayden-2021)). It took 3 trials.",
        "'3 trials'",
    ),
    ("another list item", "- One ([H](#ref-hayden-2021)).\n- A tool tried in 250 trials.", None),
    (
        "same list item",
        "- One ([H](#ref-hayden-2021)).\n  It tried 250 trials.\n- Two.",
        "'250 trials'",
    ),
]


@pytest.mark.parametrize(
    ("body", "message"),
    [case[1:] for case in FIGURE_CASES],
    ids=[case[0] for case in FIGURE_CASES],
)
def test_two_pages_cannot_quote_one_source_differently(
    tmp_path: Path, body: str, message: str | None
) -> None:
    # The yoga page quotes the recorded figures; the second page is checked against the same
    # record, so a page that quotes the source differently is caught, whichever page it is.
    pages = {**PAGES, "start-here.md": article(body)}
    docs = make_site(tmp_path, pages, bib=FIGURES_BIB)
    if message is None:
        load(docs)
        return
    found = errors(docs)
    assert any(p.startswith("content/start-here.md:") and message in p for p in found), found


def test_citations_link_both_ways(content: SiteContent) -> None:
    body = "# Yoga\n\nA ([Hayden 2021](#ref-hayden-2021)) and again ([H](#ref-hayden-2021)).\n"
    out = render_page_markdown(body, path="approaches/yoga.md", content=content, outcomes=None)
    assert out.count("{ #cite-hayden-2021 }") == 1
    assert "[Hayden 2021](#ref-hayden-2021){ #cite-hayden-2021 }" in out
    assert '<span id="ref-hayden-2021"></span>' in out
    assert "[Back to the text](#cite-hayden-2021)" in out
    # Laird is listed in sources but not cited in the text: no back link to nowhere.
    assert "(#cite-laird-2014)" not in out
