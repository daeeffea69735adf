"""Zero axe violations on every built page, with no rule allow-listed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from .contrast import pale_headings

if TYPE_CHECKING:
    from tests.browser.conftest import Visit

# One worker visits every page once (page_visits) for both modules; the first test to ask
# pays for every visit and axe run (over two minutes on a busy 2-CPU machine).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("page_visits"),
    pytest.mark.timeout(900),
]


def _summary(violations: list[dict[str, object]]) -> list[str]:
    lines = []
    for violation in violations:
        nodes = violation.get("nodes") or []
        targets = [node["target"] for node in nodes if isinstance(node, dict)]  # type: ignore[union-attr]
        lines.append(f"{violation['id']}: {violation['help']} at {targets[:3]}")
    return lines


def test_no_axe_violations_on_any_page(page_visits: dict[str, Visit]) -> None:
    failing = {
        url: _summary(v.axe_violations) for url, v in page_visits.items() if v.axe_violations
    }
    assert failing == {}


def test_no_page_scrolls_sideways_in_a_window_zoomed_to_200_percent(
    page_visits: dict[str, Visit],
) -> None:
    wide = {url: v.overflow_at_640 for url, v in page_visits.items() if v.overflow_at_640 > 0}
    assert wide == {}


def test_page_headings_are_full_strength_in_the_light_palette(
    page_visits: dict[str, Visit],
) -> None:
    assert pale_headings({url: v.h1_colours for url, v in page_visits.items()}) == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_palettes_pass_axe_on_the_home_page(page: Page, site_url: str, scheme: str) -> None:
    # Contrast differs between the palettes; the site-wide run above uses the light one.
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(site_url)
    expected = {"light": "default", "dark": "slate"}[scheme]
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    violations = Axe().run(page).response["violations"]
    assert _summary(violations) == []
