"""Front matter text shows exactly as written: escaped once, never twice, never raw.

Three escaping layers used to meet in a page's <title> (the engine HTML-escaped the guide's
front matter, the plugin escaped content pages, main.html escaped again), so a question
with "you're" showed "you&#x27;re" in the reader's tab. One real strict build of a copy of
the project gets a tricky string appended to a question's text and hint, an outcome's title
and summary, and a content page's title and description, one string per node and page; each
case then reads the built HTML with a real parser, which undoes exactly one layer of
escaping, and guide.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.reliability.project import build_in_process, copy_project

TRICKY = (
    "you're seated & climbing",
    'a "quoted" word',
    "Tom & Jerry's <saddle>",
    "1 < 2 > 0",
    "&amp; already an entity",
    "&#x27; a numeric one",
    "a &lt; b",
    "<b>bold</b> and <i>",
    "<script>window.__x=1</script>",
    "\"double\" and 'single'",
    "50% & more | pipes",
    "back\\slash and *stars* and _under_",
    "[not a link](x) and `code`",
    "{{ jinja }} and {% raw %}",
    "</title><title>",
    "ampersand at the end &",
)
# Content pages whose front matter gets a string (their H1 stays as written).
CONTENT_PAGES = (
    "understanding/glutes.md",
    "approaches/bike-fit.md",
    "start-here.md",
    "understanding/psoas-and-hip-flexors.md",
)
SITE_NAME_SEPARATOR = " - "

# One worker builds the copy once for every case.
pytestmark = pytest.mark.xdist_group("escaping_build")


@dataclass
class Seen:
    title: str = ""
    description: str | None = None
    h1: str = ""


class _Reader(HTMLParser):
    """The text a browser would show: <title>, the meta description, the first H1."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen = Seen()
        self._in: str | None = None
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name") == "description":
            self.seen.description = values.get("content")
        elif tag == "title" or (tag == "h1" and not self._h1_done):
            self._in = tag
        elif tag == "a" and self._in == "h1" and "headerlink" in (values.get("class") or ""):
            self._in = "permalink"

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in == "permalink":
            self._in = "h1"
        elif tag == self._in:
            self._h1_done = self._h1_done or tag == "h1"
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.seen.title += data
        elif self._in == "h1":
            self.seen.h1 += data


def read(path: Path) -> Seen:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.seen.h1 = " ".join(reader.seen.h1.split())
    return reader.seen


@dataclass(frozen=True)
class Placed:
    question: str  # node ids
    outcome: str
    question_text: str  # the full texts after the string was appended
    question_hint: str
    outcome_title: str
    outcome_summary: str
    page: str | None
    page_title: str | None
    page_description: str | None


def _flat(text: str) -> str:
    return " ".join(text.split())


def _place(project: Path) -> dict[str, Placed]:
    """Append one string per case to the guide and the content pages; return where it went."""
    files = {
        f: yaml.safe_load(f.read_text(encoding="utf-8")) for f in (project / "guide").glob("*.yml")
    }
    questions = [
        (f, i, n)
        for f, d in files.items()
        for i, n in (d.get("nodes") or {}).items()
        if n["type"] == "question"
    ]
    outcomes = [
        (f, i, n)
        for f, d in files.items()
        for i, n in (d.get("nodes") or {}).items()
        if n["type"] == "outcome"
    ]
    assert len(questions) >= len(TRICKY) // 2 and len(outcomes) >= len(TRICKY), "guide too small"
    placed: dict[str, Placed] = {}
    for index, text in enumerate(TRICKY):
        _, question_id, question = questions[index % len(questions)]
        _, outcome_id, outcome = outcomes[index]
        question["text"] = f"{question['text']} {text}"
        question["hint"] = f"{question.get('hint') or 'A hint.'} {text}"
        outcome["title"] = f"{outcome['title']} {text}"
        outcome["summary"] = f"{outcome['summary']} {text}"
        page = page_title = page_description = None
        if index < len(CONTENT_PAGES):
            page = CONTENT_PAGES[index]
            page_title = f"Page {index} {text}"
            page_description = f"{text}: a description long enough for the length check."
            _set_front_matter(project / "content" / page, page_title, page_description)
        placed[text] = Placed(
            question_id, outcome_id, "", "", "", "", page, page_title, page_description
        )
    for file, data in files.items():
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    # A question may carry several strings (more strings than questions): read back the final
    # texts once everything is appended.
    nodes = {i: n for d in files.values() for i, n in (d.get("nodes") or {}).items()}
    return {
        text: Placed(
            p.question,
            p.outcome,
            _flat(nodes[p.question]["text"]),
            _flat(nodes[p.question]["hint"]),
            _flat(nodes[p.outcome]["title"]),
            _flat(nodes[p.outcome]["summary"]),
            p.page,
            p.page_title,
            p.page_description,
        )
        for text, p in placed.items()
    }


def _set_front_matter(file: Path, title: str, description: str) -> None:
    text = file.read_text(encoding="utf-8")
    text = re.sub(
        r"^title: .*$", lambda _: f"title: {json.dumps(title)}", text, count=1, flags=re.M
    )
    text = re.sub(
        r"^description: .*$",
        lambda _: f"description: {json.dumps(description)}",
        text,
        count=1,
        flags=re.M,
    )
    file.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Placed], Any]:
    root = tmp_path_factory.mktemp("escaping")
    project = copy_project(root / "project")
    placed = _place(project)
    outcome = build_in_process(project, site_dir=root / "site")
    assert outcome.ok, "\n".join(outcome.lines)
    guide = json.loads((root / "site" / "guide" / "guide.json").read_text(encoding="utf-8"))
    return root / "site", placed, guide


def _html(site: Path, url: str) -> Path:
    return site / url / "index.html"


@pytest.mark.parametrize("text", TRICKY)
def test_guide_question_shows_the_text_exactly(
    built: tuple[Path, dict[str, Placed], Any], text: str
) -> None:
    site, placed, guide = built
    where = placed[text]
    node = guide["nodes"][where.question]
    assert node["title"] == where.question_text
    assert node["hint"] == where.question_hint
    seen = read(_html(site, node["url"]))
    assert seen.title.rsplit(SITE_NAME_SEPARATOR, 1)[0] == where.question_text
    assert seen.description == where.question_hint
    assert seen.h1 == where.question_text


@pytest.mark.parametrize("text", TRICKY)
def test_guide_outcome_shows_the_text_exactly(
    built: tuple[Path, dict[str, Placed], Any], text: str
) -> None:
    site, placed, guide = built
    where = placed[text]
    node = guide["nodes"][where.outcome]
    assert (node["title"], node["summary"]) == (where.outcome_title, where.outcome_summary)
    seen = read(_html(site, node["url"]))
    assert seen.title.rsplit(SITE_NAME_SEPARATOR, 1)[0] == where.outcome_title
    assert seen.description == where.outcome_summary
    assert seen.h1 == where.outcome_title


@pytest.mark.parametrize("text", TRICKY[: len(CONTENT_PAGES)])
def test_content_page_shows_the_text_exactly(
    built: tuple[Path, dict[str, Placed], Any], text: str
) -> None:
    site, placed, _ = built
    where = placed[text]
    assert where.page is not None
    seen = read(_html(site, where.page.removesuffix(".md")))
    assert seen.title.rsplit(SITE_NAME_SEPARATOR, 1)[0] == where.page_title
    assert seen.description == where.page_description
