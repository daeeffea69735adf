"""botb.markup: tel: links, stacked tables and full-size SVG links, read from the HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botb.markup import ReaderMarkupExtension, _Numbers
from markdown import Markdown  # type: ignore[import-untyped]
from tests.markdown import MARKDOWN_EXTENSIONS

NUMBERS = ["999", "111", "112", "911", "116 123", "988"]


def render(text: str) -> str:
    extension = ReaderMarkupExtension(numbers=NUMBERS)
    return str(Markdown(extensions=[*MARKDOWN_EXTENSIONS, extension]).convert(text))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tel: list[tuple[str, str]] = []  # (href, the text it shows)
        self.zoom: list[str] = []
        self.labels: list[str | None] = []
        self.stacked = 0
        self._open: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        href = values.get("href") or ""
        if tag == "a" and href.startswith("tel:"):
            self._open, self._text = href, ""
        if tag == "a" and values.get("class") == "botb-zoom":
            self.zoom.append(href)
        if tag == "td":
            self.labels.append(values.get("data-label"))
        if tag == "table" and "data-botb-stack" in values:
            self.stacked += 1

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            self.tel.append((self._open, self._text))
            self._open = None


def links(text: str) -> _Links:
    parser = _Links()
    parser.feed(render(text))
    parser.close()
    return parser


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Call 999 now.", [("tel:999", "999")]),
        ("999", [("tel:999", "999")]),
        ("Ring 111, or 999.", [("tel:111", "111"), ("tel:999", "999")]),
        ("Samaritans: 116 123.", [("tel:116123", "116 123")]),
        ("Samaritans: 116\u00a0123.", [("tel:116123", "116\u00a0123")]),
        ("In the US call 988 or 911.", [("tel:988", "988"), ("tel:911", "911")]),
        ("**Call 999** today", [("tel:999", "999")]),
        ("*urgent*: 111 then *more* 999", [("tel:111", "111"), ("tel:999", "999")]),
        ("- first 999\n- second 111", [("tel:999", "999"), ("tel:111", "111")]),
        ("> quoted 112", [("tel:112", "112")]),
        ("| a | b |\n|---|---|\n| 999 | x |", [("tel:999", "999")]),
        ('!!! warning "Now"\n    Call 999.', [("tel:999", "999")]),
        # Part of something else: a longer number, a year, a range, a date, a decimal, a DOI.
        ("In 1999 it changed.", []),
        ("pages 111-119", []),
        ("pages 100-111", []),
        ("on 9/11/2001", []),
        ("score 3.999", []),
        ("doi:10.1000/999", []),
        ("9990 people", []),
        ("1160 123", []),
        # Never inside code or an existing link.
        ("`999`", []),
        ("```\ncall 999\n```", []),
        ("[call 999](https://example.org/)", []),
        ("Nothing to call here.", []),
    ],
)
def test_phone_numbers_become_tel_links(markdown: str, expected: list[tuple[str, str]]) -> None:
    assert links(markdown).tel == expected


def test_a_linked_number_keeps_the_text_around_it() -> None:
    html = render("Before 999 middle 111 after.")
    assert ">999</a> middle <a" in html
    assert html.startswith("<p>Before <a")
    assert html.endswith("</a> after.</p>")


@pytest.mark.parametrize(
    ("markdown", "labels", "stacked"),
    [
        ("| Name | Dose |\n|---|---|\n| a | b |\n| c | d |", ["Name", "Dose"] * 2, 1),
        ("| **Bold** name | x |\n|---|---|\n| a | b |", ["Bold name", "x"], 1),
        ("| | x |\n|---|---|\n| a | b |", [None, "x"], 1),
        ("Just a paragraph.", [], 0),
    ],
)
def test_table_cells_carry_their_column_name(
    markdown: str, labels: list[str | None], stacked: int
) -> None:
    found = links(markdown)
    assert (found.labels, found.stacked) == (labels, stacked)


@pytest.mark.parametrize(
    ("markdown", "zoom"),
    [
        ("![Map](map.svg)", ["map.svg"]),
        ("Text ![Map](a.svg) and ![Other](b.svg)", ["a.svg", "b.svg"]),
        ("| x |\n|---|\n| ![Map](in-table.svg) |", ["in-table.svg"]),
        ("![Photo](photo.png)", []),
        # Already a link: a link cannot hold another.
        ("[![Map](map.svg)](elsewhere.html)", []),
    ],
)
def test_svg_illustrations_link_to_their_full_size(markdown: str, zoom: list[str]) -> None:
    assert links(markdown).zoom == zoom


def test_an_svg_keeps_the_text_that_followed_it() -> None:
    html = render("Before ![Map](map.svg) after")
    assert '<a class="botb-zoom" href="map.svg"><img' in html
    assert "</a> after</p>" in html


# The rule as one regular expression: slower to scan, plainer to read.
_REFERENCE = re.compile(r"(?<![\d./:;-])(?:116[\s\u00a0]123|999|111|112|911|988)(?![\d]|[-/.:]\d)")


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(st.text(alphabet="1236989 \u00a0\n./:;-a\u0661", max_size=16))
def test_numbers_are_found_where_the_plain_rule_finds_them(text: str) -> None:
    found = [(m.start(), m.group()) for m in _Numbers(NUMBERS).find(text)]
    assert found == [(m.start(), m.group()) for m in _REFERENCE.finditer(text)]


def test_a_number_can_start_inside_a_rejected_longer_one() -> None:
    # "5116 111": "116 111" is part of 5116..., but the "111" after the space stands alone.
    numbers = _Numbers(["116 111", "111"])
    assert [m.group() for m in numbers.find("5116 111")] == ["111"]
