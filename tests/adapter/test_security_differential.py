"""botb.adapter.security against a full html.parser pass, on many pages.

The module locates comments and script/style elements with a regular expression and reads
only those fragments with html.parser (a full pass costs a fifth of the build). Here the
reference is the plain, slow reading: one html.parser pass over the whole page, collecting
executable inline scripts (inside or outside the page content) and on* attributes. Both must
agree on every page of the real build, on hand-written edge cases and on generated pages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botb.adapter.security import (
    _may_have_handler,
    inline_event_handlers,
    inline_scripts,
    theme_scripts,
)

JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


class _Reference(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.theme: list[str] = []
        self.handlers: list[str] = []
        self._article = 0
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        seen: set[str] = set()
        for name, value in attrs:
            if name.startswith("on") and value is not None and name not in seen:
                seen.add(name)
                self.handlers.append(f"<{tag} {name}>")
        first: dict[str, str | None] = {}
        for name, value in attrs:
            first.setdefault(name, value)
        if tag == "article" and (first.get("class") or "").startswith("md-content__inner"):
            self._article += 1
        if tag == "script" and "src" not in first:
            kind = (first.get("type") or "").strip().lower()
            self._script = [] if kind in JS_TYPES else None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1
        if tag == "script" and self._script is not None:
            body = "".join(self._script)
            self.scripts.append(body)
            if not self._article:
                self.theme.append(body)
            self._script = None


def reference(html: str) -> tuple[list[str], list[str], list[str]]:
    parser = _Reference()
    parser.feed(html)
    parser.close()
    return parser.scripts, parser.theme, parser.handlers


def located(html: str) -> tuple[list[str], list[str], list[str]]:
    return inline_scripts(html), theme_scripts(html), inline_event_handlers(html)


def _page(head: str = "", body: str = "", article: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>t</title>{head}</head><body>{body}"
        f'<article class="md-content__inner md-typeset">{article}</article>{body}</body></html>'
    )


EDGE_CASES = [
    _page(head="<script>a()</script>"),
    _page(head='<script type="application/json">{"a": 1}</script><script type=module>m()</script>'),
    _page(head='<script src="x.js"></script><script SRC=y.js>ignored()</script>'),
    _page(head="<!-- <script>hidden()</script> --><script>shown()</script>"),
    _page(head="<script>if (a < b && c > d) { s = '</p>'; }</script>"),
    _page(head="<script>var s = '<!-- not a comment -->';</script>"),
    _page(head="<style>p::before { content: '<script>x()</script>'; }</style>"),
    _page(head='<script type=" Text/JavaScript ">t()</script>'),
    _page(head='<script type="text/x-template"><b onclick="no()"></b></script>'),
    _page(article="<script>injected()</script>", head="<script>theme()</script>"),
    _page(body='<a href="x" onclick="y()">x</a><img src=x onerror=z()>'),
    _page(body='<a title="x>y" onclick="y()">x</a>'),
    _page(body='<a x="a "b" onclick=alert(1)">x</a>'),
    _page(body="<p>Depends on = the rider, and on the bike.</p>"),
    _page(body="<p>onclick=x() as text</p><code>&lt;a onclick=x()&gt;</code>"),
    _page(body='<svg onload="x()"><path d="M0 0"/></svg><input onfocus=y() autofocus>'),
    _page(body='<button ONCLICK="x()" onclick="y()">twice</button>'),
    _page(body='<a onclick>no value</a><a data-onclick="x()">data</a>'),
    _page(body="<!-- <a onclick=x()> --><p>after</p>"),
    _page(head="<script>unclosed()"),
    # Where a script's text ends: only at its own end tag, in any case, then space, / or >.
    _page(head='<script>a = "</scripts>"; b()</SCRIPT >'),
    _page(head="<script>x < y; z <</script><script>w()</script>"),
    _page(head='<script>s = "</scr" + "ipt>"; t()</script\n><style>p{}</STYLE\n>'),
    _page(head="<script>u = '<style>'; v()</script\t><script>last()</scrip"),
]


def test_an_unclosed_comment_hides_the_rest_of_the_page_as_in_browsers() -> None:
    html = "<html><head><!-- never closed <script>x()</script></head></html>"
    assert located(html) == ([], [], [])


@pytest.mark.parametrize("html", EDGE_CASES)
def test_edge_cases_agree(html: str) -> None:
    assert located(html) == reference(html)


def test_every_page_of_the_real_build_agrees(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert located(html) == reference(html), page.relative_to(built_site)


# Pieces MkDocs and Material write, and the ones an attack would try; attribute values never
# hold a raw '<' (Markdown and Jinja escape it), the one assumption the locating makes.
# Comments are always closed: for "<!--" with no end, html.parser 3.11 reads up to the next
# '>' as text and parses on, where browsers (and the module) treat the rest as comment.
_VALUES = st.sampled_from(['"x"', "'y'", "z", '"a > b"', "'on=1'", '"once"', '""', '"a "b"', "x()"])
_NAMES = st.sampled_from(
    ["class", "href", "onclick", "ONLOAD", "type", "src", "data-on", "title", "onerror", "x"]
)
# html.parser, like browsers, separates attributes with any whitespace, non-ASCII included.
_SEPARATORS = st.sampled_from([" ", "\t", "\n", "\x0b", "\x1c", "\u00a0", "\u2028", " /"])
_ATTRIBUTE = st.builds(
    lambda s, n, v, bare: f"{s}{n}" if bare else f"{s}{n}={v}",
    _SEPARATORS,
    _NAMES,
    _VALUES,
    st.booleans(),
)
_TAGS = st.sampled_from(["a", "p", "img", "svg", "div", "script", "style", "article", "meta"])
_TEXTS = st.sampled_from(
    [
        *("text", " on=", "a < b", "x > y", "&amp;", "'", '"', "</p>", "-->", "on the bike"),
        *("</script", "</SCRIPT >", "</styles>", "<<", "</"),
    ]
)


@st.composite
def _element(draw: st.DrawFn) -> str:
    tag = draw(_TAGS)
    attributes = "".join(draw(st.lists(_ATTRIBUTE, max_size=3)))
    inner = "".join(draw(st.lists(_TEXTS, max_size=3)))
    if tag == "article" and draw(st.booleans()):
        attributes = ' class="md-content__inner md-typeset"'
    return f"<{tag}{attributes}>{inner}</{tag}>"


_PIECES = st.one_of(_element(), _TEXTS, st.just("<!-- <script>c()</script> -->"))


@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(_PIECES, max_size=12))
def test_generated_pages_agree(pieces: list[str]) -> None:
    html = "<!doctype html><html><head></head><body>" + "".join(pieces) + "</body></html>"
    assert located(html) == reference(html)


_HINT_REFERENCE = re.compile(r"""[\s"'/]on[^\s"'/>=]*\s*=""", re.IGNORECASE)


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(st.text(alphabet=" \t\v\n\x1c\u2028\u00a0\"'/=<>onONxXİé", max_size=14))
def test_the_handler_hint_finds_whatever_the_case_insensitive_pattern_finds(text: str) -> None:
    """The page-wide hint that decides whether a page needs the full parse: it may say yes
    where there is no handler (that costs one parse), never no where there may be one."""
    if _HINT_REFERENCE.search(text):
        assert _may_have_handler(text)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ('<a onclick="x()">', True),
        ("<a ONCLICK=x>", True),
        ("<img/onerror=x>", True),
        ("<a\u00a0onclick=x>", True),
        ("<a\u2028onclick=x>", True),
        ('<a x="1"onclick=x>', True),
        ("<a onclick =x>", True),
        ("<p>The question=answer</p>", False),
        ('<option value="x">', False),
        ('<a data-botb-option="x">', False),
        ("<p>on the bike, on the road</p>", False),
        ("<p>Ride on.</p>", False),
        ("", False),
        ("on=", False),
    ],
)
def test_the_handler_hint_reads_attribute_names_not_words(text: str, hint: bool) -> None:
    assert _may_have_handler(text) is hint
