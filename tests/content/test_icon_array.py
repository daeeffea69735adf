"""Icon arrays of 100 people, as SVG made at build time."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from botb.content.icon_array import icon_array


class _Shapes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.kinds: list[str] = []
        self.svg: dict[str, str | None] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "g":
            self.kinds.append(dict(attrs).get("class") or "")
        if tag == "svg":
            self.svg = dict(attrs)
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def shapes(svg: str) -> _Shapes:
    parser = _Shapes()
    parser.feed(svg)
    return parser


@pytest.mark.parametrize("count", [0, 1, 9, 10, 11, 37, 50, 72, 99, 100])
def test_count_people_of_100_are_filled_in_reading_order(count: int) -> None:
    found = shapes(icon_array(count, label="Yoga", figure_id="f", described_by="t"))
    assert len(found.kinds) == 100
    assert found.kinds == ["botb-icon--yes"] * count + ["botb-icon--no"] * (100 - count)


def test_the_picture_is_a_named_image_described_by_its_text() -> None:
    found = shapes(icon_array(72, label="Keep <riding>", figure_id="w-with", described_by="w-t"))
    assert found.svg["role"] == "img"
    assert found.svg["aria-labelledby"] == "w-with-title"
    assert found.svg["aria-describedby"] == "w-t"
    assert found.title == "72 / 100: Keep <riding>"  # escaped in the markup, text when read


@pytest.mark.parametrize("count", [-1, 101, 1000])
def test_counts_outside_0_to_100_are_refused(count: int) -> None:
    with pytest.raises(ValueError, match="0 to 100"):
        icon_array(count, label="x", figure_id="f", described_by="t")
