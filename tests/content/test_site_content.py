"""Site-quality checks over the real pages in content/ (no browser, no build needed).

These hold the writers to the content contract: sourced articles, every source cited, no
orphan pages, one h1, plain English and correct spelling. On failure they print which
pages miss which threshold, so a writer knows what to fix.
"""

from __future__ import annotations

import posixpath
import re
import statistics
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import textstat
import yaml

from botb.content.bibliography import load_bibliography
from botb.content.frontmatter import MIN_SOURCES, check_page, page_kind, split_front_matter
from botb.content.site import content_files
from tests.clock import TODAY

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "content"
BIBLIOGRAPHY = DOCS / "_data/bibliography.yml"
WORDS = Path(__file__).with_name("codespell-words.txt")
MIN_DISTINCT_SOURCES = 40
READING_EASE_MEDIAN = 60.0
READING_EASE_FLOOR = 50.0

PAGES = {path.relative_to(DOCS).as_posix(): path for path in content_files(DOCS)}
ARTICLES = sorted(path for path in PAGES if page_kind(path).article)


def _meta(path: str) -> Any:
    bibliography = load_bibliography(BIBLIOGRAPHY, display="bibliography.yml")
    result = check_page(
        PAGES[path].read_text(encoding="utf-8"),
        path=path,
        display=f"content/{path}",
        bibliography_keys=bibliography.keys,
        today=TODAY,
    )
    return result


def _body(path: str) -> str:
    return split_front_matter(PAGES[path].read_text(encoding="utf-8")).body


@pytest.mark.parametrize("path", ARTICLES)
def test_article_is_reviewed_and_sourced(path: str) -> None:
    result = _meta(path)
    assert result.problems == [], "\n".join(str(p) for p in result.problems)
    assert result.meta.reviewed is not None
    assert len(result.meta.sources) >= MIN_SOURCES


def test_enough_distinct_sources_and_every_entry_cited() -> None:
    bibliography = load_bibliography(BIBLIOGRAPHY, display="bibliography.yml")
    cited: set[str] = set()
    for path in PAGES:
        meta = _meta(path).meta
        if meta is not None:
            cited.update(meta.sources)
    assert len(cited) >= MIN_DISTINCT_SOURCES, f"only {len(cited)} distinct sources cited"
    uncited = sorted(bibliography.keys - cited)
    assert uncited == [], f"bibliography entries no page cites: {uncited}"


# --- links, nav, headings ------------------------------------------------------------------

_LINK = re.compile(r"\]\(\s*<?([^)\s>#]+\.md)(?:#[^)\s]*)?>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _without_code(markdown: str) -> list[str]:
    lines, in_fence = [], False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            lines.append(line)
    return lines


def _nav_paths() -> set[str]:
    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses tags such as !ENV; the nav does not need them resolved.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

    found: set[str] = set()

    def walk(item: Any) -> None:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(config.get("nav", []))
    return found


def _linked_pages() -> set[str]:
    linked: set[str] = set()
    for path in PAGES:
        for line in _without_code(_body(path)):
            for target in _LINK.findall(line):
                if "://" in target:
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
                linked.add(resolved)
    return linked


def test_no_orphan_pages() -> None:
    reachable = _nav_paths() | _linked_pages()
    orphans = sorted(path for path in PAGES if path not in reachable)
    assert orphans == [], f"pages neither in the nav nor linked from another page: {orphans}"


def test_nav_points_at_existing_pages() -> None:
    missing = sorted(
        path for path in _nav_paths() if not path.startswith("guide/") and path not in PAGES
    )
    assert missing == []


@pytest.mark.parametrize("path", sorted(PAGES))
def test_one_h1_and_it_comes_first(path: str) -> None:
    lines = [line for line in _without_code(_body(path)) if line.strip()]
    h1s = [line for line in lines if re.match(r"^#\s", line)]
    assert len(h1s) == 1, f"{path}: {len(h1s)} level-1 headings: {h1s}"
    assert lines[0] == h1s[0], f"{path}: the first line of the body must be the # Title"


# --- readability -------------------------------------------------------------------------

_STRIP_PATTERNS = [
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images: alt text is not prose
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text, lose the URL
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<[^>]+>"), " "),  # inline HTML
    (re.compile(r"\{[:.#][^}]*\}|\{ [.#][^}]*\}"), " "),  # attribute lists
    (re.compile(r"\[\^[^\]]+\]"), " "),  # footnote markers
    (re.compile(r"`[^`]*`"), " "),
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r"(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)"), ""),
]
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+\"([^\"]*)\")?\s*$")


def _blocks(markdown: str) -> list[str]:
    """Paragraphs, list items, captions and admonition titles, each joined onto one line.

    Hard-wrapped lines are joined first: a wrapped line is not a sentence of its own.
    """
    blocks: list[list[str]] = [[]]
    for raw in _without_code(markdown):
        line = raw.strip()
        skip = line.startswith(("#", "|", ":", "*[")) or set(line) <= set("-=*_ ")
        admonition = _ADMONITION.match(line)
        starts_block = bool(_LIST_MARKER.match(line)) or line.startswith("<") or admonition
        if skip or starts_block:
            blocks.append([])
        if skip:
            continue
        if admonition:
            blocks[-1].append(admonition.group(1) or "")
            blocks.append([])
            continue
        blocks[-1].append(_LIST_MARKER.sub("", line))
        if line.endswith(">"):  # a line of HTML closes its own block
            blocks.append([])
    return [" ".join(block) for block in blocks if any(block)]


def prose(markdown: str) -> str:
    """The readable sentences of a page body: no code, tables, headings, URLs or markup."""
    sentences: list[str] = []
    for block in _blocks(markdown):
        text = block
        for pattern, replacement in _STRIP_PATTERNS:
            text = pattern.sub(replacement, text)
        text = " ".join(text.split())
        if not text:
            continue
        # List items and captions often lack a full stop; without one they would run into
        # the next block and count as one very long sentence.
        if not text.endswith((".", "!", "?", ":", ";", ",")):
            text += "."
        sentences.append(text)
    return "\n".join(sentences)


def reading_ease(path: str) -> float:
    return float(textstat.flesch_reading_ease(prose(_body(path))))


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title\n\nShort words here.\n", "Short words here."),
        ("See [the guide](../guide/index.md) now.", "See the guide now."),
        ("```\ncode here\n```\nText.", "Text."),
        ("| a | b |\n|---|---|\n| 1 | 2 |\nText.", "Text."),
        ('!!! warning "Get help now"\n    Call 999.', "Get help now.\nCall 999."),
        ("- one item\n- **two** item", "one item.\ntwo item."),
        ("Visit https://example.org today.", "Visit today."),
        (
            "<figure markdown>\n![alt](x.svg)\n<figcaption>A caption</figcaption>\n</figure>",
            "A caption.",
        ),
        ("Text.\n{ .botb-page-meta }", "Text."),
        ("A wrapped\nsentence here.\n\nNext one", "A wrapped sentence here.\nNext one."),
        ("- item that\n  wraps\n- second", "item that wraps.\nsecond."),
        ("See [a\nlink](x.md) here.", "See a link here."),
    ],
)
def test_prose_extraction(markdown: str, expected: str) -> None:
    assert prose(markdown) == expected


def test_readability() -> None:
    scores = {path: reading_ease(path) for path in ARTICLES}
    median = statistics.median(scores.values())
    low = {path: score for path, score in scores.items() if score < READING_EASE_FLOOR}
    table = "\n".join(
        f"{score:6.1f}  {'TOO HARD' if score < READING_EASE_FLOOR else '':8}  {path}"
        for path, score in sorted(scores.items(), key=lambda item: item[1])
    )
    report = (
        f"Flesch reading ease per article (median {median:.1f}, needs >= {READING_EASE_MEDIAN}; "
        f"every page >= {READING_EASE_FLOOR}):\n{table}\n"
        "Shorter sentences and shorter words raise the score."
    )
    print(report)
    assert median >= READING_EASE_MEDIAN and not low, report


# --- spelling ----------------------------------------------------------------------------


def test_spelling() -> None:
    targets = [str(ROOT / "content"), *([str(ROOT / "guide")] if (ROOT / "guide").exists() else [])]
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", "--ignore-words", str(WORDS), *targets],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, f"codespell found misspellings:\n{result.stdout}{result.stderr}"


# --- the built site ------------------------------------------------------------------------


class _Outline(HTMLParser):
    """Counts h1s in the article and collects element ids."""

    def __init__(self) -> None:
        super().__init__()
        self.h1 = 0
        self.ids: set[str] = set()
        self.reference_items = 0
        self._in_references = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "div" and "botb-references" in (attributes.get("class") or ""):
            self._in_references = True
        if tag == "li" and self._in_references:
            self.reference_items += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self._in_references = False


def _outline(built_site: Path, url: str) -> _Outline:
    path = built_site / (url + "index.html" if url == "" or url.endswith("/") else url)
    parser = _Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_built_page_has_one_h1(built_site: Path, all_pages: list[str]) -> None:
    wrong = {url: n for url in all_pages if (n := _outline(built_site, url).h1) != 1}
    assert wrong == {}, f"built pages without exactly one h1 (url: count): {wrong}"


@pytest.mark.parametrize("path", ARTICLES)
def test_built_article_shows_references_and_review_date(built_site: Path, path: str) -> None:
    url = path.removesuffix("index.md").removesuffix(".md") + "/"
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    outline = _outline(built_site, url)
    assert "references" in outline.ids
    assert outline.reference_items >= MIN_SOURCES
    assert "clinical sign-off pending" in html or "clinical sign-off by" in html


def test_built_reference_list_has_an_anchor_per_entry(built_site: Path) -> None:
    bibliography = load_bibliography(BIBLIOGRAPHY, display="bibliography.yml")
    ids = _outline(built_site, "references/").ids
    missing = sorted(key for key in bibliography.keys if f"ref-{key}" not in ids)
    assert missing == []


# --- the review contract and the corrections of issue 15 ----------------------------------


def _site() -> Any:
    from botb.content.site import load_site_content

    return load_site_content(DOCS, bibliography_path=BIBLIOGRAPHY, root=ROOT, today=TODAY)


@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_page_says_whether_a_clinician_signed_it_off(path: str) -> None:
    text = PAGES[path].read_text(encoding="utf-8")
    assert "\nclinical_review:" in ("\n" + (split_front_matter(text).front_matter or "")), path


def test_compare_table_grade_equals_each_page_grade() -> None:
    from botb.content.decision_aid import options_of
    from botb.content.references import EVIDENCE_LABELS

    site = _site()
    rows = {
        option.target: option.grade for meta in site.approaches() for option in options_of(meta)
    }
    for meta in site.approaches():
        if meta.evidence is None:
            continue
        assert rows[meta.path] == meta.evidence
        label = EVIDENCE_LABELS[meta.evidence].removesuffix(" certainty")
        assert f"**Certainty: {label}" in meta.body, meta.path
    assert rows["approaches/index.md#exercise-in-general"] == "moderate"
    assert rows["approaches/massage-and-manual-therapy.md#spinal-manipulation"] == "moderate"


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("urgent-help.md", "[116 123](tel:116123)"),
        ("urgent-help.md", "[988](tel:988)"),
        ("urgent-help.md", "[999](tel:999)"),
        ("urgent-help.md", "[111](tel:111)"),
        ("urgent-help.md", "[112](tel:112)"),
        ("urgent-help.md", "[911](tel:911)"),
        ("approaches/pain-education-and-psychological-approaches.md", "(tel:116123)"),
        ("approaches/medicines.md", "{ #sciatica-medicines }"),
        ("glossary.md", "understanding/si-joint.md#inflammation-of-the-si-joints"),
    ],
)
def test_named_help_and_anchors_are_in_place(path: str, needle: str) -> None:
    assert needle in _body(path)


def test_medicines_has_a_sciatica_heading() -> None:
    headings = [line for line in _body("approaches/medicines.md").splitlines() if line[:3] == "## "]
    assert any("sciatica" in h.lower() or "leg pain" in h.lower() for h in headings)


@pytest.mark.parametrize("path", sorted(PAGES))
def test_aasa_is_not_credited_with_the_two_year_result(path: str) -> None:
    for paragraph in _body(path).split("\n\n"):
        if "#ref-aasa-2015" in paragraph and "two years" in paragraph:
            assert "#ref-michaelson-2016" in paragraph, path


def test_no_page_claims_a_clinical_review_that_has_not_happened() -> None:
    for path in sorted(PAGES):
        if "clinical_review: pending" not in PAGES[path].read_text(encoding="utf-8"):
            continue
        body = _body(path).lower()
        assert "clinically reviewed" not in body, path
        assert "all articles were reviewed" not in body, path


# Terms with a page of their own: a link to the glossary entry would hide the page.
TOPIC_PAGES = {
    "psoas": "understanding/psoas-and-hip-flexors.md",
    "si-joint": "understanding/si-joint.md",
    "sciatica": "understanding/nerve-related-leg-pain.md",
    "disc": "understanding/discs-arthritis-and-scans.md",
    "motor-control": "approaches/pilates-and-motor-control.md",
    "cognitive-functional-therapy": "approaches/pain-education-and-psychological-approaches.md",
    "acupuncture": "approaches/acupuncture.md",
    "spondyloarthritis": "understanding/si-joint.md",
    "pudendal-nerve": "understanding/saddle-numbness.md",
    "osteoarthritis": "understanding/discs-arthritis-and-scans.md",
    "nsaid": "approaches/medicines.md",
}


@pytest.mark.parametrize("anchor", sorted(TOPIC_PAGES))
def test_glossary_links_never_replace_topic_links(anchor: str) -> None:
    pattern = re.compile(rf"\]\((?:\.\./)*glossary\.md#{re.escape(anchor)}\)")
    offenders = [
        path
        for path in sorted(PAGES)
        if path not in ("glossary.md", TOPIC_PAGES[anchor]) and pattern.search(_body(path))
    ]
    assert offenders == [], f"link these to {TOPIC_PAGES[anchor]} instead"
