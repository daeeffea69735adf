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


# A single regular-expression pass over the page replaces html.parser, which cost ~10 ms a page
# (a fifth of the build). Comments and raw-text elements are matched first, so a tag written
# inside them is not mistaken for markup; attribute values are matched as quoted strings, so a
# '>' inside a value does not end the tag.
_RAW = ("script", "style", "textarea", "title")
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
# A tag name may take a quote, and giving it back can turn the rest into a quoted value: only
# the first reading (the whole name) is known to match the token's span when it is quiet.
_NAME, _QUIET_NAME = r"[^\s/>]*", r"[^\s/>]*+"
# Attributes that cannot hold an event handler: _ATTRIBUTE starts a name only after
# whitespace, '/', '=', a quote or '>', however the quotes pair up, so a tag with no "on" after
# any of those has none. A quoted '>' would hide the tag's end from the look-ahead; such tags
# (rare) are left to the token pattern.
_QUIET_ATTRS = r"""(?![^>]*[\s"'/=]on)(?:[^>"']++|"[^">]*+"|'[^'>]*+')*+"""


def _quiet_elements() -> str:
    """Raw-text elements other than scripts (with their text), then tags with any other name,
    when no attribute can be a handler. No capturing groups: Python 3.11's re mis-tracks
    groups inside a possessive repeat."""
    raw = [rf"<{tag}\b{_QUIET_ATTRS}>.*?</{tag}\s*>" for tag in _RAW if tag != "script"]
    tags = rf"<(?!(?:{'|'.join(_RAW)})\b)[a-zA-Z]{_QUIET_NAME}{_QUIET_ATTRS}>"
    return "|".join([*raw, tags])


# Each match ends with the next token that needs Python: a script element, or any other tag
# that may carry an event handler (or a script tag that is never closed). The possessive
# prefix steps over everything else (text, comments, the thousands of plain tags of the
# navigation) inside the regular-expression engine; the per-tag Python work it replaces was
# most of the scan's cost. It consumes exactly what a token there would span, so every tag
# is read the same way, and a '<' that starts no element stays text.
_TOKEN = re.compile(
    rf"""(?:<!--.*?-->
      | {_quiet_elements()}
      | [^<]+
      | (?!<[a-zA-Z]{_NAME}{_ATTRS}>)<  # starts no tag (a raw-text element starts a tag too)
    )*+
    (?:(?P<token><(?P<raw>{"|".join(_RAW)})\b(?P<raw_attrs>{_ATTRS})>(?P<body>.*?)</(?P=raw)\s*>
      | <(?P<tag>[a-zA-Z]{_NAME})(?P<attrs>{_ATTRS})>)
    | \Z)""",
    re.DOTALL | re.IGNORECASE | re.VERBOSE,
)
# HTML attribute names run to whitespace, '/', '>' or '='; a stray quote belongs to the name,
# as in browsers, so a broken value such as content="a "b" once" still exposes 'once'.
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s/>=][^\s/>=]*)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s>]*))?"""
)


# Page content (Markdown rendered inside Material's article) never needs an inline script;
# one found there can only have been injected, so it gets no hash and the browser blocks it.
_ARTICLE = re.compile(
    r'<article class="md-content__inner[^"]*">.*</article>', re.DOTALL | re.IGNORECASE
)


@dataclass(frozen=True)
class _ScriptScan:
    inline_scripts: tuple[str, ...]
    theme_scripts: tuple[str, ...]
    event_handlers: tuple[str, ...]


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        value = match.group("value") or ""
        if value[:1] in {'"', "'"}:
            value = value[1:-1]
        found.setdefault(match.group("name").lower(), value)
    return found


# The plugin asks for a page's event handlers and then for its script hashes: one cached
# scan serves both.
@functools.lru_cache(maxsize=1)
def _scan(html: str) -> _ScriptScan:
    scripts: list[str] = []
    theme: list[str] = []
    handlers: list[str] = []
    article = _ARTICLE.search(html)
    content = range(article.start(), article.end()) if article else range(0)
    for match in _TOKEN.finditer(html):
        if match.group("token") is None:
            break  # the end of the page
        tag = (match.group("raw") or match.group("tag")).lower()
        attributes = _attributes(match.group("raw_attrs") or match.group("attrs") or "")
        handlers += [f"<{tag} {name}>" for name in attributes if name.startswith("on")]
        if tag != "script" or match.group("raw") is None:
            continue
        script_type = attributes.get("type", "").strip().lower()
        if "src" not in attributes and script_type in _JS_TYPES:
            scripts.append(match.group("body"))
            if match.start("token") not in content:
                theme.append(match.group("body"))
    return _ScriptScan(tuple(scripts), tuple(theme), tuple(handlers))


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would execute, in document order."""
    return list(_scan(html).inline_scripts)


def inline_event_handlers(html: str) -> list[str]:
    """Every ``on*=`` attribute in the page, as ``<tag onname>``; the site must have none."""
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
