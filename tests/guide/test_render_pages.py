"""Golden files for every generated page, plus the HTML contract checked on rendered output.

Regenerate the golden files after an intended change with
``BOTB_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/guide`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

import markdown
from botb.guide.compile import CompiledGuide
from botb.guide.model import Urgency
from tests.markdown import MARKDOWN_EXTENSIONS

from .helpers import FIXTURES, SCREENING, VALID, compile_tree, write_tree

GOLDEN = FIXTURES / "golden"
REGENERATE = os.environ.get("BOTB_REGENERATE_GOLDEN") == "1"


def compiled() -> CompiledGuide:
    result = compile_tree(VALID, root=FIXTURES.parent.parent)
    assert result is not None
    return result


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} changed; rerun with BOTB_REGENERATE_GOLDEN=1 and review"


GOLDEN_PAGES = [
    "guide/index.md",
    "guide/q/saddle-and-bladder.md",
    "guide/q/bike-position.md",
    "guide/o/emergency-cauda-equina.md",
    "guide/o/routine-bike-fit.md",
    "guide/outline.md",
    "guide/paths.md",
]


@pytest.mark.parametrize("src", GOLDEN_PAGES)
def test_golden_page(src: str) -> None:
    golden(src.replace("/", "__"), compiled().pages[src])


def test_one_page_per_node_plus_four() -> None:
    result = compiled()
    assert len(result.pages) == len(result.guide.nodes) + 4
    assert {"guide/index.md", "guide/outline.md", "guide/map.md", "guide/paths.md"} <= set(
        result.pages
    )


def _front(page: str) -> dict[str, object]:
    data = yaml.safe_load(page.split("---\n")[1])
    assert isinstance(data, dict)
    return data


def _body(page: str) -> BeautifulSoup:
    return BeautifulSoup(
        markdown.Markdown(extensions=MARKDOWN_EXTENSIONS).convert(page.split("\n---\n", 1)[1]),
        "html.parser",
    )


def _root(soup: BeautifulSoup) -> Tag:
    root = soup.find("div", attrs={"data-guide-root": True})
    assert isinstance(root, Tag)
    return root


@pytest.mark.parametrize("qid", ["saddle-and-bladder", "leg-weakness", "bike-position"])
def test_question_page_contract(qid: str) -> None:
    result = compiled()
    page = result.pages[f"guide/q/{qid}.md"]
    front = _front(page)
    if qid == result.guide.meta.start:
        assert "search" not in front
        assert "robots" not in front
    else:
        assert front["search"] == {"exclude": True}
        assert front["robots"] == "noindex"
    assert front["hide"] == ["navigation", "toc"]  # focus layout while answering
    soup = _body(page)
    root = _root(soup)
    h1 = soup.find("h1")
    assert h1 is not None and h1["id"] == "botb-question"  # the skip link's stable target
    head = soup.find("div", class_="botb-head")
    assert isinstance(head, Tag) and head.has_attr("data-guide-head")
    assert head.find_next("h1") is h1  # the caption sits above the question
    assert root["class"] == ["botb-guide"]
    assert root["data-guide-json"] == "../../guide.json"
    assert root["data-node"] == qid
    assert root["data-type"] == "question"
    question = result.guide.nodes[qid]
    step = head.find("p", class_="botb-step")
    assert step is not None
    screening = getattr(question, "screening", False)
    expected_step = "Screening question" if screening else "Question about your symptoms"
    assert step.get_text() == expected_step
    options = root.find_all("a", class_="botb-option")
    assert [a["data-option"] for a in options] == [str(i) for i in range(len(options))]
    for a, option in zip(options, question.options, strict=True):  # type: ignore[union-attr]
        assert a["data-next"] == option.next
        kind = "o" if option.next in {o.id for o in result.guide.outcomes()} else "q"
        assert a["href"] == f"../{kind}/{option.next}.md" or a["href"] == f"{option.next}.md"
    restart = root.find("p", class_="botb-restart")
    assert restart is not None and restart.a is not None and restart.a["href"] == "../index.md"
    hint = root.find("p", class_="botb-hint")
    if question.hint:  # type: ignore[union-attr]
        assert hint is not None and hint["id"] == f"hint-{qid}"
        ul = root.find("ul", class_="botb-options")
        assert ul is not None and ul["aria-describedby"] == f"hint-{qid}"
    else:
        assert hint is None


@pytest.mark.parametrize(
    ("oid", "tier"),
    [
        ("emergency-cauda-equina", "emergency"),
        ("urgent-nerve", "urgent"),
        ("soon-leg-pain", "soon"),
        ("routine-bike-fit", "routine"),
        ("self-care-load", "self-care"),
    ],
)
def test_outcome_page_contract(oid: str, tier: str) -> None:
    page = compiled().pages[f"guide/o/{oid}.md"]
    assert "search" not in _front(page)  # outcomes are searchable
    soup = _body(page)
    root = _root(soup)
    assert root["class"] == ["botb-guide", "botb-outcome"]
    assert root["data-urgency"] == tier
    assert root["data-type"] == "outcome"
    card = root.find("div", class_="botb-card")
    assert card is not None
    assert card["class"] == ["botb-card", f"botb-card--{tier}"]
    assert card["role"] == "note"
    assert str(card["aria-label"]).startswith("How soon: ")
    assert card.find("p", class_="botb-card__tier") is not None
    assert root.find("p", class_="botb-summary") is not None
    # Collapsed by default: the options come first, the answers are one tap away.
    answers = root.find("details", class_="botb-answers")
    assert answers is not None and answers.has_attr("hidden") and answers.has_attr("data-answers")
    headings = [h.get_text() for h in root.find_all("h2")]
    assert headings[-1] == "Sources"
    if tier in {"emergency", "urgent"}:
        assert headings[0] == "Why you are seeing this"
        assert "Approaches to discuss with your physio" not in headings
    else:
        # Laid out for action: what to do, the options, then why and when to get help sooner.
        order = [
            "What to do now",
            "Approaches to discuss with your physio",
            "Why you are seeing this",
            "Get help sooner",
        ]
        assert [h for h in headings if h in order] == order
        steps = root.find("h2", string="What to do now").find_next_sibling("ol")
        assert steps is not None and 2 <= len(steps.find_all("li")) <= 4
        sooner = root.find("div", attrs={"data-sooner": True})
        assert sooner is not None
        # Every more urgent tier's signs, from the registry, each under its own tier.
        listed = {d["data-signs"] for d in sooner.find_all("div", attrs={"data-signs": True})}
        assert "emergency" in listed
        assert root.find("p", attrs={"data-crisis": True}) is not None
    if tier != "emergency":
        assert root.find("p", attrs={"data-crisis": True}) is not None
    assert root.find("p", attrs={"data-scope": True}) is not None
    meta = root.find("p", class_="botb-sheet-meta")
    assert meta is not None
    assert meta.get_text().startswith(
        "Guide version 2026.11.1, reviewed 2026-11-27. Checked on 27 November 2026; "
        "clinical sign-off pending. Printed from"
    )
    assert meta.get_text().strip().endswith(f"https://example.org/back-on-the-bike/guide/o/{oid}/")
    button = root.find("button", attrs={"data-print": True})
    if tier in {"emergency", "urgent"}:
        assert button is None  # action first; nothing to print and take along
        return
    assert button is not None and button.has_attr("hidden") and button["type"] == "button"


def test_outcome_notes_link_the_evidence_page_after_the_approaches() -> None:
    root = _root(_body(compiled().pages["guide/o/soon-persistent.md"]))
    headings = [h.get_text() for h in root.find_all("h2")]
    notes = "What the evidence says about ideas you may have met"
    assert headings.index("Approaches to discuss with your physio") < headings.index(notes)
    section = root.find("h2", string=notes)
    assert section is not None
    items = section.find_next("ul")
    assert items is not None
    link = items.find("a")
    assert link is not None and link["href"] == "../../approaches/load-and-training-management.md"
    assert "rarely helps" in items.get_text()


def test_engine_wording_never_says_you_have() -> None:
    import dataclasses

    from botb.guide.model import Outcome, TierText
    from botb.guide.render_pages import outcome_page

    result = compiled()
    # Every sentence from the YAML blanked: what is left is what the engine itself says.
    guide = dataclasses.replace(
        result.guide,
        meta=dataclasses.replace(result.guide.meta, scope="X", crisis="X", sooner="X"),
        tiers={
            tier: TierText(label="X", action="X", signs_heading="X") for tier in result.guide.tiers
        },
        signs={k: dataclasses.replace(v, text="X") for k, v in result.guide.signs.items()},
    )
    for outcome in result.guide.outcomes():
        blank = dataclasses.replace(
            outcome, title="X", summary="X", why="X", ask=("X",), safety_net=("X",)
        )
        page = outcome_page(guide, blank, site_url="", page_titles={}, source_links={})
        assert isinstance(blank, Outcome)
        assert "you have" not in page.lower()


def test_action_lines_per_tier() -> None:
    pages = compiled().pages
    guide = compiled().guide
    for src, tier in [
        ("guide/o/emergency-cauda-equina.md", "emergency"),
        ("guide/o/urgent-nerve.md", "urgent"),
        ("guide/o/self-care-load.md", "self-care"),
    ]:
        card = _body(pages[src]).find("div", class_="botb-card")
        assert card is not None
        text = guide.tiers[Urgency(tier)]
        assert text.label in card.get_text()
    emergency = _body(pages["guide/o/emergency-cauda-equina.md"]).find("div", class_="botb-card")
    assert emergency is not None and emergency.find("a", href="tel:999") is not None


def test_start_page_says_what_it_is_and_is_not() -> None:
    soup = _body(compiled().pages["guide/index.md"])
    text = soup.get_text()
    blocks = soup.find_all(True, recursive=False)
    assert blocks[0].name == "h1"
    assert blocks[1].has_attr("data-scope")  # what the guide covers, in one line
    # The Start button next, inside the first screen on a phone (the first question is
    # itself the emergency checklist), then the registry's emergency signs.
    assert blocks[2].find("a", string="Start the guide") is not None
    assert blocks[3].has_attr("data-emergency")
    signs = blocks[3].find("div", attrs={"data-signs": "emergency"})
    assert signs is not None
    listed = [li.get_text() for li in signs.find_all("li")]
    assert listed == [s.text for s in compiled().guide.signs_of(Urgency.EMERGENCY)]
    assert soup.find("p", attrs={"data-scope": True}) is not None
    for words in [
        "999",
        "not a diagnosis",
        "3 minutes",
        "stay in your browser",
        "Nothing is stored or sent",
    ]:
        assert words in text
    start = soup.find("a", string="Start the guide")
    assert start is not None and start["href"] == "q/saddle-and-bladder.md"
    assert "For reviewers" not in text  # reviewer links live on About


def test_outline_writes_each_question_once_and_links_answers_to_it() -> None:
    result = compiled()
    page = result.pages["guide/outline.md"]
    assert page.count("[When does your back hurt most?](q/when-it-hurts.md)") == 1
    # Two answers lead to this question; each links to the one place it is written out.
    assert page.count("question: [When does your back hurt most?](#q-when-it-hurts)") == 2
    soup = _body(page)
    for question in result.guide.questions():
        assert soup.find(id=f"q-{question.id}") is not None
    labels = soup.get_text()
    for question in result.guide.questions():
        for option in question.options:
            assert option.label in labels


def _checklist(count: int) -> tuple[str, str]:
    """YAML for ``count`` signs and a checklist of them, asked item by item without JS."""
    signs = "".join(
        f"  extra-{n}:\n    text: Extra sign {n}\n    tier: urgent\n    sources: [finucane-2020]\n"
        for n in range(count)
    )
    items = "".join(
        f"      - signs: [extra-{n}]\n        next: urgent-unwell\n"
        f"        fact: You have sign {n}.\n"
        for n in range(count)
    )
    node = (
        "  extra-signs:\n    type: question\n    screening: true\n    multiple: true\n"
        "    text: Do any of these apply?\n    options:\n"
        f"{items}      - label: None of these\n        none: true\n        next: leg-pain\n"
    )
    return signs, node


def test_outline_stays_one_level_deep_however_long_a_checklist(tmp_path: Path) -> None:
    """Nesting each item under the answer before it put a long checklist 30 levels deep."""
    signs, node = _checklist(30)
    guide_dir = write_tree(
        tmp_path,
        (
            (SCREENING, "        next: leg-pain\n", "        next: extra-signs\n"),
            (SCREENING, "nodes:\n", signs + "nodes:\n" + node),
        ),
    )
    result = compile_tree(guide_dir, root=tmp_path)
    assert result is not None
    page = result.pages["guide/outline.md"]
    body = page[page.index("# Guide outline") :]
    indents = {
        len(line) - len(line.lstrip(" "))
        for line in body.splitlines()
        if line.lstrip().startswith("- ")
    }
    assert indents == {0, 4}
    assert page.index("Extra sign 0") < page.index("Extra sign 29")


def test_map_page_embeds_svg_and_points_to_outline() -> None:
    page = compiled().pages["guide/map.md"]
    assert '<div class="botb-map"><svg ' in page
    assert "](outline.md)" in page
    svg_line = next(line for line in page.splitlines() if "<svg" in line)
    assert "\n\n" not in svg_line


def test_every_page_starts_with_front_matter_and_one_h1() -> None:
    for src, page in compiled().pages.items():
        assert page.startswith("---\ntitle: "), src
        soup = _body(page)
        assert len(soup.find_all("h1")) == 1, src


def test_golden_files_exist_for_review() -> None:
    assert all((GOLDEN / name.replace("/", "__")).exists() for name in GOLDEN_PAGES)
    assert Path(GOLDEN / "guide.json").exists()
