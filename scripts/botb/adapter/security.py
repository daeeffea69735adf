"""Per-page hardening: a Content-Security-Policy meta with script hashes. (FOUNDATION owner)

The policy is computed from each page's final HTML, so it allows exactly the inline scripts
that page carries and nothing else. Pure functions over strings: MkDocs calls them from
``plugin.on_post_page``; the tests call them directly.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
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


class _ScriptScan(HTMLParser):
    """Collects inline executable scripts and inline event-handler attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline_scripts: list[str] = []
        self.event_handlers: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, _value in attrs:
            if name.startswith("on"):
                self.event_handlers.append(f"<{tag} {name}>")
        if tag != "script":
            return
        attributes = dict(attrs)
        script_type = (attributes.get("type") or "").strip().lower()
        if "src" in attributes or script_type not in _JS_TYPES:
            return
        self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_entityref(self, name: str) -> None:
        # Script bodies are raw text to the browser, so keep references exactly as written.
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.inline_scripts.append("".join(self._current))
            self._current = None


# The plugin asks for a page's event handlers and then for its script hashes: one cached
# parse serves both, since parsing is most of the cost of hardening a page.
@functools.lru_cache(maxsize=1)
def _scan(html: str) -> _ScriptScan:
    scan = _ScriptScan()
    scan.feed(html)
    scan.close()
    return scan


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
        hashes = dict.fromkeys(script_hash(source) for source in inline_scripts(html))
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
