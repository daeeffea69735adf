"""The decision aid rendered from facts: boxes, cards, the compare table and the values step."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from botb.content.decision_aid import WAIT_CHOICE, OutcomeAid, Renderer, render_compare_table
from botb.content.site import SiteContent, load_site_content
from tests.content.test_site import PAGES, make_site

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> SiteContent:
    docs = make_site(tmp_path_factory.mktemp("aid"), PAGES)
    return load_site_content(
        docs, bibliography_path=docs / "_data/bibliography.yml", root=docs.parent, today=TODAY
    )


def _html(markdown: str) -> BeautifulSoup:
    import markdown as md  # type: ignore[import-untyped]

    return BeautifulSoup(md.markdown(markdown, extensions=["md_in_html", "tables"]), "html.parser")


def _renderer(content: SiteContent, page: str) -> Renderer:
    assert content.words is not None
    return Renderer(words=content.words, bibliography=content.bibliography, page_path=page)


def test_the_in_short_box_has_every_row_benefits_and_downsides(content: SiteContent) -> None:
    meta = content.pages["approaches/yoga.md"]
    soup = _html(_renderer(content, meta.path).in_short(meta))
    box = soup.select_one("[data-in-short]")
    assert box is not None
    keys = [li.find("span").get_text() for li in box.select(".botb-fact-list > li")]
    assert content.words is not None
    headings = content.words.headings
    for key in ("direction", "certainty", "effect", "try_for", "time_per_week", "cost"):
        assert f"{headings[key]}:" in keys
    assert keys[-2:] == [f"{headings['downsides']}:", f"{headings['serious']}:"]
    assert headings["no_numbers"] in box.get_text()  # effect: none is said, not hidden
    assert headings["no_people"] in box.get_text()


def test_an_outcome_offers_its_options_then_waiting(content: SiteContent) -> None:
    aid = content.outcome_aid()
    assert isinstance(aid, OutcomeAid)
    lines = aid.section(
        page_path="guide/o/x.md",
        approaches=[("approaches/yoga.md", "Gentle and social."), ("glossary.md", "Words.")],
        wait_reason="Ride shorter for now.",
    )
    soup = _html("\n".join(lines))
    compare = soup.select_one("[data-compare]")
    assert compare is not None
    choices = compare.select("[data-choice]")
    assert [c["data-choice"] for c in choices] == ["yoga", WAIT_CHOICE]
    assert [c["data-direction"] for c in choices] == ["may-help", "natural-course"]
    assert [c["data-certainty"] for c in choices] == ["low", "low"]
    assert "Ride shorter for now." in choices[1].get_text()
    # A page without facts is background reading, not an option.
    assert "Words." in soup.get_text() and "Words." not in compare.get_text()
    form = soup.select_one("form[data-values]")
    assert form is not None and len(form.select("input[name=v]")) >= 3
    assert len(form.select("input[name=r]")) == 4


def test_fits_name_the_values_each_option_meets(content: SiteContent) -> None:
    aid = content.outcome_aid()
    assert aid is not None
    lines = aid.section(page_path="guide/o/x.md", approaches=[], wait_reason="Wait.")
    wait = _html("\n".join(lines)).select_one(f"[data-choice={WAIT_CHOICE}]")
    assert wait is not None
    # The sample wait page: medium effort and cost, at home and on the bike, not hands-on.
    assert wait["data-fits"].split() == ["home", "riding"]


def test_the_compare_table_keeps_direction_and_certainty_apart(content: SiteContent) -> None:
    table = render_compare_table(
        content.approaches(), renderer=_renderer(content, "approaches/index.md")
    )
    soup = _html(table)
    heads = [th.get_text() for th in soup.find_all("th")]
    assert heads[:3] == ["Approach", "What the evidence says", "How sure we are"]
    rows = {tr.find("td").get_text(): tr for tr in soup.find("tbody").find_all("tr")}
    assert set(rows) == {"Yoga", "Keep riding and wait"}
    cells = [td.get_text() for td in rows["Yoga"].find_all("td")]
    assert cells[1] == "May help a little" and cells[2].startswith("Low certainty")


@pytest.mark.parametrize(
    "pages",
    [
        # The same outcome folder twice, then pages in other folders: a reused fact list must
        # carry links that work from the page it lands on.
        ["guide/o/a.md", "guide/o/b.md", "guide/o/a.md"],
        ["guide/o/a.md", "other.md", "deep/er/page.md", "guide/o/c.md"],
        ["deep/er/page.md", "deep/er/other.md", "guide/o/a.md"],
    ],
)
def test_a_reused_card_reads_as_one_rendered_for_its_own_page(
    content: SiteContent, pages: list[str]
) -> None:
    aid = content.outcome_aid()
    assert aid is not None
    approaches = [("approaches/yoga.md", "Gentle and social.")]
    for page in pages:
        shared = aid.section(page_path=page, approaches=approaches, wait_reason="Wait.")
        # A fresh aid has nothing rendered yet: what the page gets on its own.
        alone = OutcomeAid(
            words=aid.words, bibliography=aid.bibliography, pages=aid.pages, wait=aid.wait
        ).section(page_path=page, approaches=approaches, wait_reason="Wait.")
        assert shared == alone, page
    links = {a["href"] for a in _html("\n".join(shared)).select(".botb-fact-list a")}
    assert links, "the sample cards link their grading and sources"
