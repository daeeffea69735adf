"""Editor text made safe for the places the renderers put it.

Editors write plain text; none of it may become markup. Markdown punctuation is
backslash-escaped first (so ``*``, ``[`` or a leading ``1.`` stay literal) and HTML is
escaped second (so ``<script>`` is shown, never run, and the entities are not mangled).
"""

from __future__ import annotations

import html
import json

# Python-Markdown's escapable characters (with the tables extension's '|'): a backslash
# before any other character would be shown to the reader. '>' is left to the HTML escape,
# whose '&gt;' can neither start a blockquote nor follow a backslash escape.
MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|"
# Both escapes in one table: a backslash before each Markdown character, then html.escape's
# entities (quote=True). One pass gives what the Markdown escape followed by the HTML escape
# gives (the first writes only backslashes, which the second keeps; the second's output is
# never escaped for Markdown, hence the bare '#' of '&#x27;'). It runs in C: md_text runs
# thousands of times a build, and a substitution with a group reference runs Python per match.
_MD_TEXT = str.maketrans(
    {
        **{char: "\\" + char for char in MARKDOWN_SPECIAL},
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#x27;",
    }
)


def md_text(text: str) -> str:
    """Plain text for Markdown body text or a link label: shown literally, one line."""
    return " ".join(text.split()).translate(_MD_TEXT)


def html_text(text: str) -> str:
    """Plain text inside raw HTML that Markdown does not parse (e.g. the SVG)."""
    return html.escape(" ".join(text.split()), quote=True)


def attr(text: str) -> str:
    """A value for a double- or single-quoted HTML attribute."""
    return html.escape(" ".join(text.split()), quote=True)


def front_matter(text: str) -> str:
    """A YAML scalar for page front matter (``title``, ``description``): plain text, one
    line, JSON-quoted (a JSON string is a valid YAML double-quoted scalar).

    Not HTML-escaped here: the plugin escapes every page's title and description exactly
    once, as MarkupSafe ``Markup`` (botb.adapter.content_pages.escape_front_matter_text).
    Escaping here as well showed ``&amp;`` and ``&#x27;`` in the reader's tab title.
    """
    return json.dumps(" ".join(text.split()), ensure_ascii=False)
