"""Per-page hardening: a Content-Security-Policy meta with script hashes.

The policy is computed from each page's final HTML, so it allows exactly the inline scripts
that page carries and nothing else. Pure functions over strings: MkDocs calls them from
``plugin.on_post_page``; the tests call them directly.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Script types the browser executes; anything else (application/json config blocks,
# application/ld+json) is inert data and needs no hash.
_JS_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

# Static directives, in the order they appear in the policy. style-src has no 'unsafe-inline':
# the built pages carry no style attributes or <style> elements (tests/site checks every
# page's CSP and the browser tests record violations), and Material sets styles at run time
# only through the CSSOM (element.style), which CSP does not restrict. img-src allows data:
# because Material's CSS draws its icons from data: SVG masks.
_FIXED_DIRECTIVES = (
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


# Comments and script/style elements (the raw-text elements of the stdlib html.parser), found
# with a regular expression and read with html.parser. A full html.parser pass costs about
# 10 ms a page (a fifth of the build); locating the few fragments that matter first keeps the
# parser's rules without its cost. Locating assumes what MkDocs writes: attribute values hold
# no raw '<' (Python-Markdown and Jinja escape it), so every '<script' found is a tag.
# The name ends where html.parser and browsers end it: "<script\v" names another element.
# The body runs to the first end tag (or the end of the page), read a run of non-'<' at a
# time: a lazy ".*?" would try the end tag after every character of every script.
# tests/adapter/test_security_differential.py compares this with a full html.parser pass.
_LOCATED = re.compile(
    r"""<!--.*?(?:-->|\Z)
    | <(?P<raw>script|style)(?=[\t\n\r\f\x00 />])(?P<attrs>(?:=\s*"[^"]*"|=\s*'[^']*'|[^>])*+)>
      (?P<body>[^<]*+(?:<(?!/(?P=raw)[\s/>])[^<]*+)*+)(?P<end></(?P=raw)[\s/>]|\Z)""",
    re.DOTALL | re.IGNORECASE | re.VERBOSE,
)
# An attribute whose name starts with "on" and that has a value (a handler without one runs
# nothing). Prose rarely matches, so most pages never need the full parse below.
_HANDLER_HINT = re.compile(rb"""on[^\s"'/>=]*\s*=""")
# An ASCII letter or digit before the "on" makes it the middle of a word ("option="). Any
# other byte may end the space, quote or slash before an attribute name, including the
# last byte of a non-ASCII space, which html.parser also accepts there.
_IN_A_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")


def _may_have_handler(html: str) -> bool:
    """Whether an attribute name may start with "on" anywhere (case-insensitively).

    Read on the page's bytes: lowercasing them and finding the literal "on" run in C, where
    a case-insensitive regular expression tries every character as a start. No character
    outside ASCII lowercases to "o" or "n", so the bytes find every place the text has."""
    low = html.encode("utf-8", "surrogatepass").lower()
    return any(
        match.start() > 0 and low[match.start() - 1] not in _IN_A_WORD
        for match in _HANDLER_HINT.finditer(low)
    )


# Page content (Markdown rendered inside Material's article) never needs an inline script;
# one found there can only have been injected, so it gets no hash and the browser blocks it.
_ARTICLE = re.compile(
    r'<article class="md-content__inner[^"]*">.*</article>', re.DOTALL | re.IGNORECASE
)


class _Tags(HTMLParser):
    """Start tags as html.parser reads them: (tag, attributes), names lowercased."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def start_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def handlers_in(tags: list[tuple[str, list[tuple[str, str | None]]]]) -> list[str]:
    """``<tag onname>`` for every on* attribute with a value, once per tag and name."""
    found: list[str] = []
    for tag, attrs in tags:
        names = dict.fromkeys(n for n, v in attrs if n.startswith("on") and v is not None)
        found += [f"<{tag} {name}>" for name in names]
    return found


def executes(attrs: list[tuple[str, str | None]]) -> bool:
    """A script element the browser runs from its own text (no src, a JavaScript type)."""
    values = dict(reversed(attrs))  # the first of a repeated attribute wins, as in browsers
    return "src" not in values and (values.get("type") or "").strip().lower() in _JS_TYPES


# Pages repeat the theme's few script tags (the same src at each folder depth): each distinct
# attribute text is parsed once a build.
@functools.lru_cache(maxsize=512)
def _runs(attrs: str) -> bool:
    """Whether ``<script{attrs}>`` runs its own text.

    A quote opens a value only after '=' (as in browsers and html.parser); elsewhere it is
    part of a name, so the located tag and the parsed tag always agree."""
    ((_, parsed),) = start_tags(f"<script{attrs}>")
    return executes(parsed)


@dataclass(frozen=True)
class _ScriptScan:
    inline_scripts: tuple[str, ...]
    theme_scripts: tuple[str, ...]
    event_handlers: tuple[str, ...]


# The plugin asks for a page's event handlers and then for its script hashes: one cached
# scan serves both.
@functools.lru_cache(maxsize=1)
def _scan(html: str) -> _ScriptScan:
    scripts: list[str] = []
    theme: list[str] = []
    article = _ARTICLE.search(html)
    content = range(article.start(), article.end()) if article else range(0)
    for match in _LOCATED.finditer(html):
        # A script still open at the end of the page never runs (the HTML standard marks it
        # "already started"); an unclosed comment or style hides the rest of the page.
        if (match.group("raw") or "").lower() != "script" or not match.group("end"):
            continue
        if _runs(match.group("attrs")):
            scripts.append(match.group("body"))
            if match.start() not in content:
                theme.append(match.group("body"))
    handlers = handlers_in(start_tags(html)) if _may_have_handler(html) else []
    return _ScriptScan(tuple(scripts), tuple(theme), tuple(handlers))


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would execute, in document order."""
    return list(_scan(html).inline_scripts)


def inline_event_handlers(html: str) -> list[str]:
    """Every ``on*=`` attribute with a value, as ``<tag onname>``; the site must have none."""
    return list(_scan(html).event_handlers)


def script_hash(source: str) -> str:
    """The CSP source expression for one inline script, e.g. ``'sha256-…'``."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def theme_scripts(html: str) -> list[str]:
    """The inline scripts outside the page content: the only ones the policy allows."""
    return list(_scan(html).theme_scripts)


def content_security_policy(html: str, *, serve: bool = False) -> str:
    """The policy for one page.

    With ``serve`` (``mkdocs serve`` only, never a built site) inline scripts are allowed
    wholesale: the dev server appends a live-reload script after the build whose text carries
    a per-request id, so it cannot be hashed in advance, and any hash would switch
    'unsafe-inline' off.
    """
    if serve:
        script_src = "'self' 'unsafe-inline'"
    else:
        hashes = dict.fromkeys(script_hash(source) for source in theme_scripts(html))
        script_src = " ".join(["'self'", *hashes])
    directives = [("default-src", "'self'"), ("script-src", script_src), *_FIXED_DIRECTIVES]
    return "; ".join(f"{name} {value}" for name, value in directives)


def harden_html(output: str, *, serve: bool = False) -> str:
    """Insert the page's CSP meta as the first element of ``<head>``.

    First, so that no script or style before it escapes the policy. Output without a
    ``<head>`` (fragments, redirects written by other tools) is returned unchanged.
    """
    head = _HEAD_OPEN.search(output)
    if head is None:
        return output
    policy = content_security_policy(output, serve=serve)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return output[: head.end()] + meta + output[head.end() :]
