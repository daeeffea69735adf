"""Markdown extension ``botb.markup``: reader-facing markup that works without JavaScript.

- Phone numbers named in ``mkdocs.yml`` become ``tel:`` links wherever the text shows them,
  so a reader on a phone calls with one tap. The numbers themselves stay in the content and
  the configuration; this module only recognises them.
- Tables with a header row get the column name on every cell (``data-label``), which the
  stylesheet shows when a narrow screen stacks each row as a card.
- An SVG illustration is wrapped in a link to itself: a tap opens it full size, and the
  stylesheet lets its frame scroll sideways on a phone instead of shrinking its labels.

Structure only: no reader-facing words live here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

# Python-Markdown ships no type information.
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

from markdown import Markdown  # type: ignore[import-untyped]

# Text inside these is never rewritten: links cannot nest, and code shows numbers as code.
_LEAVE_ALONE = {"a", "code", "pre", "script", "style", "kbd", "samp", "svg"}


class _Numbers:
    """Where the configured phone numbers stand in a text, as whole numbers."""

    # A digit, or a separator of a page range, a date or a DOI, just before a number makes
    # it part of something else. Checked on each match rather than as a look-behind in the
    # pattern: a pattern that starts with the numbers themselves is scanned in C by their
    # first characters, which makes it about four times faster over a page's text.
    _PART_OF_MORE = re.compile(r"[\d./:;-]")

    def __init__(self, numbers: list[str]) -> None:
        # Longest first, so "116 123" wins over a shorter number it starts with; a space
        # inside a number also matches a no-break space. A digit after it, or a digit after a
        # separator, means it is part of something else too.
        alternatives = sorted(numbers, key=len, reverse=True)
        body = "|".join(r"[\s\u00a0]".join(map(re.escape, n.split())) for n in alternatives)
        self._pattern = re.compile(rf"(?:{body})(?![\d]|[-/.:]\d)")

    def find(self, text: str) -> list[re.Match[str]]:
        found = []
        match = self._pattern.search(text)
        while match is not None:
            at = match.start()
            if at and self._PART_OF_MORE.match(text, at - 1):
                # Not a number here; one may still start inside this match.
                match = self._pattern.search(text, at + 1)
                continue
            found.append(match)
            match = self._pattern.search(text, match.end())
        return found


class _ReaderMarkup(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, numbers: list[str]) -> None:
        super().__init__(md)
        self.numbers = _Numbers(numbers) if numbers else None

    def run(self, root: etree.Element) -> None:
        # Most pages have no table, no SVG and no phone number; ElementTree's own iterators
        # find that in C, so only the pages that have one pay for the walk in Python.
        for table in list(root.iter("table")):
            _label_cells(table)
        svgs = [img for img in root.iter("img") if img.get("src", "").endswith(".svg")]
        if svgs:
            parents = {child: parent for parent in root.iter() for child in parent}
            for img in svgs:
                _link_to_full_size(parents[img], img)
        # Joined with a newline, which no number contains and which neither the check before
        # a number nor the one after it rejects: every number found in one text is found here.
        if self.numbers is not None and self.numbers.find("\n".join(root.itertext())):
            self._link_numbers(root)

    def _link_numbers(self, element: etree.Element) -> None:
        if element.tag in _LEAVE_ALONE:
            return
        for child in list(element):
            self._link_numbers(child)
        if element.text:
            before, links = self._split(element.text)
            if links:
                element.text = before
                for offset, link in enumerate(links):
                    element.insert(offset, link)
        for child in list(element):
            if child.tail:
                before, links = self._split(child.tail)
                if links:
                    child.tail = before
                    index = list(element).index(child)
                    for offset, link in enumerate(links, start=1):
                        element.insert(index + offset, link)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first number, and one link per number (each with its tail)."""
        assert self.numbers is not None
        matches = self.numbers.find(text)
        if not matches:
            return text, []
        links = []
        for i, match in enumerate(matches):
            link = etree.Element("a", {"href": "tel:" + re.sub(r"\D", "", match.group())})
            link.text = match.group()
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            link.tail = text[match.end() : end]
            links.append(link)
        return text[: matches[0].start()], links


def _label_cells(table: etree.Element) -> None:
    head = table.find("thead")
    body = table.find("tbody")
    if head is None or body is None:
        return
    row = head.find("tr")
    if row is None:
        return
    names = [" ".join("".join(th.itertext()).split()) for th in row]
    for tr in body.findall("tr"):
        for name, cell in zip(names, list(tr), strict=False):
            if name:
                cell.set("data-label", name)
    # An attribute, not a class: Material styles only `table:not([class])`.
    table.set("data-botb-stack", "")


def _link_to_full_size(parent: etree.Element, img: etree.Element) -> None:
    if parent.tag == "a":
        return
    link = etree.Element("a", {"class": "botb-zoom", "href": img.get("src", "")})
    index = list(parent).index(img)
    parent.remove(img)
    link.append(img)
    link.tail, img.tail = img.tail, None
    parent.insert(index, link)


class ReaderMarkupExtension(Extension):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"numbers": [[], "Phone numbers to link with tel:, as written in the text"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # Markdown's API name
        numbers = [str(n) for n in self.getConfig("numbers")]
        # Priority 1: after the inline patterns (20), so bold and links are already elements.
        md.treeprocessors.register(_ReaderMarkup(md, numbers), "botb_markup", 1)


def makeExtension(**kwargs: Any) -> ReaderMarkupExtension:  # Markdown's API name
    return ReaderMarkupExtension(**kwargs)
