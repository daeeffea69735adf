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
    # "question" / "outcome" -> (node id, title, description) as the page must show them
    guide: dict[str, tuple[str, str, str]]
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
    nodes = {i: n for d in files.values() for i, n in (d.get("nodes") or {}).items()}
    # A checklist's page shows its items' wording, not its own text: plain questions only.
    questions = [i for i, n in nodes.items() if n["type"] == "question" and not n.get("multiple")]
    outcomes = [i for i, n in nodes.items() if n["type"] == "outcome"]
    assert len(outcomes) >= len(TRICKY), "guide too small"
    chosen: dict[str, tuple[str, str, str | None]] = {}
    for index, text in enumerate(TRICKY):
        question, outcome = nodes[questions[index % len(questions)]], nodes[outcomes[index]]
        question["text"] = f"{question['text']} {text}"
        question["hint"] = f"{question.get('hint') or 'A hint.'} {text}"
        outcome["title"] = f"{outcome['title']} {text}"
        outcome["summary"] = f"{outcome['summary']} {text}"
        page = CONTENT_PAGES[index] if index < len(CONTENT_PAGES) else None
        chosen[text] = (questions[index % len(questions)], outcomes[index], page)
    for file, data in files.items():
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    placed = {}
    # Read the texts back once all are appended: a question may carry several strings.
    for index, (text, (question_id, outcome_id, page)) in enumerate(chosen.items()):
        question, outcome = nodes[question_id], nodes[outcome_id]
        title = description = None
        if page is not None:
            title = f"Page {index} {text}"
            description = f"{text}: a description long enough for the length check."
            _set_front_matter(project / "content" / page, title, description)
        guide = {
            "question": (question_id, _flat(question["text"]), _flat(question["hint"])),
            "outcome": (outcome_id, _flat(outcome["title"]), _flat(outcome["summary"])),
        }
        placed[text] = Placed(guide, page, title, description)
    return placed


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


@pytest.mark.parametrize("kind", ["question", "outcome"])
@pytest.mark.parametrize("text", TRICKY)
def test_guide_page_shows_the_text_exactly(
    built: tuple[Path, dict[str, Placed], Any], text: str, kind: str
) -> None:
    site, placed, guide = built
    node_id, title, description = placed[text].guide[kind]
    node = guide["nodes"][node_id]
    # The description is a question's hint, an outcome's summary.
    assert (node["title"], node.get("hint", node.get("summary"))) == (title, description)
    seen = read(_html(site, node["url"]))
    shown = (seen.title.rsplit(SITE_NAME_SEPARATOR, 1)[0], seen.description, seen.h1)
    assert shown == (title, description, title)


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
