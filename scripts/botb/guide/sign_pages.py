"""Warning-sign lists on content pages: rendered from the registry, never written by hand.

A page asks for one tier's list with a marker line, ``<!-- signs: emergency -->``; the
marker becomes the tier's heading, its signs and its action. A page that writes a sign's
text itself could put it under another tier, so the build refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from botb.diagnostics import Diagnostic, Location
from botb.guide.model import Guide, Urgency
from botb.guide.render_pages import safe_markdown, sign_list

MARKER = re.compile(r"^[ \t]*<!--\s*signs:\s*([a-z-]+)\s*-->[ \t]*$", re.MULTILINE)
# The crisis line, stated once in guide.yml, wherever a page talks about low mood.
CRISIS = re.compile(r"^[ \t]*<!--\s*crisis\s*-->[ \t]*$", re.MULTILINE)
_LISTED = (Urgency.EMERGENCY, Urgency.URGENT, Urgency.SOON)


def render_markers(markdown: str, *, guide: Guide) -> str:
    """``markdown`` with every marker replaced by its tier's list (unknown tiers are left
    for ``marker_problems`` to report)."""

    if "<!--" not in markdown:  # both markers are comments; most pages have neither
        return markdown

    def expand(match: re.Match[str]) -> str:
        tier = _tier(match.group(1))
        if tier is None:
            return match.group(0)
        return "\n".join(sign_list(guide, tier))

    def crisis(_: re.Match[str]) -> str:
        return f'<p class="botb-crisis" data-crisis markdown>{safe_markdown(guide.meta.crisis)}</p>'

    return CRISIS.sub(crisis, MARKER.sub(expand, markdown))


def _tier(name: str) -> Urgency | None:
    return next((tier for tier in _LISTED if tier.value == name), None)


def _folded(text: str) -> str:
    """Lower-cased text with runs of whitespace and Markdown emphasis folded to one space
    (none at the start, one at the end if the text ends in either): what a sign's wording
    is searched for in.

    Split and joined rather than substituted: str.split's whitespace is the regular
    expression's \\s, and over whole pages this takes half the time."""
    spaced = text.replace("*", " ").replace("_", " ")
    folded = " ".join(spaced.split()).lower()
    return f"{folded} " if folded and spaced[-1].isspace() else folded


def _flat(text: str) -> tuple[str, list[int]]:
    """``_folded`` text with, for each character, the offset it came from: only needed to
    point at a match, so only built for a page that has one."""
    out: list[str] = []
    offsets: list[int] = []
    space = True
    for index, char in enumerate(text):
        if char.isspace() or char in "*_":
            if not space:
                out.append(" ")
                offsets.append(index)
            space = True
            continue
        out.append(char.lower())
        offsets.append(index)
        space = False
    return "".join(out), offsets


def _where(path: str, text: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Location(path, line, column)


def marker_problems(guide: Guide, *, pages: Mapping[str, str]) -> list[Diagnostic]:
    """Markers naming no listed tier, and sign texts a page writes out by hand."""
    found = []
    signs = [(sign, _folded(sign.text).rstrip(" .")) for sign in guide.signs.values()]
    for path, text in sorted(pages.items()):
        if path.startswith("guide/"):
            continue
        for match in MARKER.finditer(text):
            if _tier(match.group(1)) is None:
                found.append(
                    Diagnostic(
                        _where(path, text, match.start(1)),
                        f"unknown sign tier {match.group(1)!r} in a signs marker; use "
                        "emergency, urgent or soon",
                    )
                )
        folded = _folded(text)
        hits = [(sign, wording) for sign, wording in signs if wording in folded]
        if not hits:
            continue
        flat, offsets = _flat(text)
        for sign, wording in hits:
            at = flat.find(wording)
            if at < 0:
                continue
            found.append(
                Diagnostic(
                    _where(path, text, offsets[at]),
                    f"this page writes out the warning sign {sign.id!r} by hand; use the "
                    f"marker <!-- signs: {sign.tier.value} --> so it is always listed "
                    "under its tier from guide/signs.yml",
                )
            )
    return found
