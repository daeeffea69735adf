"""The decision-aid contract, checked on the built site from outside (issue: decision aid)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

ACUTE = {"emergency", "urgent"}
IPDAS = (
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "Q5",
    "Q6",
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def outcomes(built_site: Path) -> dict[str, tuple[str, BeautifulSoup]]:
    guide = json.loads((built_site / "guide/guide.json").read_text(encoding="utf-8"))
    found = {}
    for node_id, node in guide["nodes"].items():
        if node["type"] != "outcome":
            continue
        found[node_id] = (node["urgency"], _soup(built_site / node["url"] / "index.html"))
    return found


def test_every_non_urgent_outcome_compares_its_options_with_waiting(
    outcomes: dict[str, tuple[str, BeautifulSoup]],
) -> None:
    checked = 0
    for node_id, (urgency, soup) in outcomes.items():
        compare = soup.select("[data-compare]")
        if urgency in ACUTE:
            assert not compare, node_id  # care first: no options to weigh
            continue
        assert len(compare) == 1, node_id
        choices = compare[0].select("[data-choice]")
        names = [str(c["data-choice"]) for c in choices]
        assert names.count("wait") == 1, node_id
        assert len(set(names)) == len(names), node_id
        for choice in choices:
            assert choice.get("data-direction"), (node_id, choice["data-choice"])
            assert choice.get("data-certainty"), (node_id, choice["data-choice"])
            # Equal detail: every card has the same rows, benefits and downsides alike.
            rows = [li.find("span").get_text() for li in choice.select(".botb-fact-list > li")]
            first = compare[0].select(".botb-fact-list")[0]
            assert rows == [li.find("span").get_text() for li in first.find_all("li")]
        checked += 1
    assert checked >= 10


def test_every_non_urgent_outcome_has_a_values_step_and_a_readiness_check(
    outcomes: dict[str, tuple[str, BeautifulSoup]],
) -> None:
    for node_id, (urgency, soup) in outcomes.items():
        form = soup.select_one("form[data-values]")
        if urgency in ACUTE:
            assert form is None, node_id
            continue
        assert form is not None, node_id
        values = form.select("input[type=checkbox][name=v]")
        ready = form.select("input[type=checkbox][name=r]")
        assert len(values) >= 3 and len(ready) == 4, node_id
        for box in values + ready:
            label = form.select_one(f"label[for='{box['id']}']")
            assert isinstance(label, Tag) and label.get_text(strip=True), box["id"]


def test_outcomes_are_laid_out_for_action(outcomes: dict[str, tuple[str, BeautifulSoup]]) -> None:
    for node_id, (urgency, soup) in outcomes.items():
        article = soup.select_one("[data-guide-root]")
        assert article is not None
        card = article.select_one(".botb-card")
        assert card is not None
        if urgency in ACUTE:
            # The action first, with numbers to tap, and nothing to print.
            assert card.select('a[href^="tel:"]'), node_id
            assert article.select_one("[data-print]") is None, node_id
            continue
        headings = [h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")]
        steps, compare = headings.index("What to do now"), 1
        assert steps == 0, (node_id, headings)
        assert headings[compare] != "Why you are seeing this", node_id
        assert headings.index("Why you are seeing this") > compare, node_id
        answers = article.select_one("details[data-answers]")
        assert answers is not None, node_id  # collapsed by default
        tools = article.select_one(".botb-tools")
        assert tools is not None and tools.select_one("[data-print]") is not None
        assert tools.select_one("a[data-clear]") is not None


def test_every_approach_page_opens_with_an_in_short_box(built_site: Path) -> None:
    pages = sorted(p for p in (built_site / "approaches").glob("*/index.html"))
    assert len(pages) >= 15
    for page in pages:
        soup = _soup(page)
        box = soup.select_one("[data-in-short]")
        assert box is not None, page
        h1 = soup.find("h1")
        assert h1 is not None
        # Nothing but the evidence and review line stands between the title and the box.
        between = [
            tag
            for tag in h1.find_all_next(["p", "h2", "ul", "div"])
            if tag.find_parent(attrs={"data-in-short": True}) is None
        ]
        first_section = next(t for t in between if t.name == "h2")
        assert box.sourceline < first_section.sourceline, page


def test_the_compare_page_is_a_table_with_direction_and_certainty_apart(built_site: Path) -> None:
    soup = _soup(built_site / "approaches/index.html")
    table = soup.select_one("[data-compare-table] table")
    assert table is not None
    heads = [th.get_text(strip=True) for th in table.find_all("th")]
    assert heads[:3] == ["Approach", "What the evidence says", "How sure we are"]
    rows = table.find("tbody").find_all("tr")
    names = {tr.find("td").get_text(strip=True) for tr in rows}
    assert "Keep riding and wait, with sensible changes" in names
    assert len(rows) >= 17


def test_about_has_an_ipdas_page_naming_every_criterion(built_site: Path) -> None:
    pages = [p for p in (built_site / "about").glob("*/index.html") if "IPDAS" in p.read_text()]
    assert pages, "no About page mentions IPDAS"
    text = _soup(pages[0]).get_text(" ")
    for code in IPDAS:
        assert re.search(rf"\b{code}\b", text), code
