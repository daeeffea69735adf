"""Every reader page on a 320 px phone in the dark palette: no axe violations, no sideways
scrolling, body text of at least 16 px in callouts, tables and cards, and full-strength
headings. One tour (``phone_visits``) loads each page once for all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .contrast import pale_headings

if TYPE_CHECKING:
    from tests.browser.conftest import PhoneVisit

pytestmark = [
    pytest.mark.browser,
    # The first test to ask pays for the whole tour; the group keeps it on one worker.
    pytest.mark.xdist_group("phone_visits"),
    pytest.mark.timeout(900),
]


def test_the_tour_saw_every_reader_page_and_ran_axe_on_every_style(
    phone_visits: dict[str, PhoneVisit], all_pages: list[str]
) -> None:
    assert len(phone_visits) >= len(all_pages) - 3  # all but the three reviewer pages
    checked = [url for url, visit in phone_visits.items() if visit.axe_violations is not None]
    assert "" in checked and "404.html" in checked
    assert len(checked) > len(phone_visits) // 3, "pages share too few styles to be sampled"


def test_axe_finds_nothing_in_the_dark_palette_on_a_phone(
    phone_visits: dict[str, PhoneVisit],
) -> None:
    failing = {
        url: [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in visit.axe_violations]
        for url, visit in phone_visits.items()
        if visit.axe_violations
    }
    assert failing == {}


def test_no_page_scrolls_sideways_on_a_320px_phone(phone_visits: dict[str, PhoneVisit]) -> None:
    wide = {url: visit.overflow for url, visit in phone_visits.items() if visit.overflow > 0}
    assert wide == {}


def test_text_is_16px_in_callouts_tables_and_cards(phone_visits: dict[str, PhoneVisit]) -> None:
    small = {
        url: visit.smallest_text
        for url, visit in phone_visits.items()
        if visit.smallest_text and visit.smallest_text[0] < 16
    }
    assert small == {}


def test_page_headings_are_full_strength_in_the_dark_palette(
    phone_visits: dict[str, PhoneVisit],
) -> None:
    assert pale_headings({url: v.h1_colours for url, v in phone_visits.items()}) == {}
