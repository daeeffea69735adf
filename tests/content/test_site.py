"""Loading every page together and decorating page Markdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from botb.content.site import SiteContent, load_site_content, render_page_markdown
from botb.diagnostics import DiagnosticError
from tests.content.samples import BIB, DESC

TODAY = dt.date(2026, 11, 27)
PAGES = {
    "references.md": f"---\ntitle: References\ndescription: {DESC}\n---\n# References\n\n"
    "<!-- bibliography -->\n",
    "approaches/index.md": f"---\ntitle: Compare\ndescription: {DESC}\n---\n# Compare\n\n"
    "<!-- approaches-table -->\n",
    "approaches/yoga.md": f"---\ntitle: Yoga\ndescription: {DESC}\nreviewed: 2026-11-01\n"
    "sources: [hayden-2021, laird-2014]\nevidence: low\ntags: [yoga]\n---\n# Yoga\n\nText.\n",
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
    assert content.cited_on()["hayden-2021"] == [("Yoga", "approaches/yoga.md")]
    assert [m.path for m in content.approaches()] == ["approaches/yoga.md"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {
                "_data/bibliography.yml": BIB
                + BIB.replace("hayden-2021", "extra-2020").split("laird")[0]
            },
            "content/_data/bibliography.yml:13:1: entry 'extra-2020' is not cited by any page",
        ),
        (
            {"references.md": PAGES["references.md"].replace("<!-- bibliography -->", "")},
            "content/references.md:5:1: this page must contain the marker <!-- bibliography -->",
        ),
        (
            {"approaches/index.md": PAGES["approaches/index.md"].replace("<!-- approaches", "<!-")},
            "content/approaches/index.md:5:1: this page must contain the marker",
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
    assert any("unknown type 'blog'" in p for p in found)
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
    assert "Cited on: [Yoga](approaches/yoga.md)" in refs
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
