"""The decision aid in a real browser: the values step in the fragment, marks on the options,
the print view, and the comparison without JavaScript. Waits are on events, never sleeps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .test_guide_flow import _end, _fragment, _url

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def guide(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "guide" / "guide.json").read_text())
    return data


def _routine_path(guide: dict[str, Any]) -> list[tuple[str, int]]:
    """A real answer path (first answers everywhere except the last that reaches a
    non-urgent outcome), found from guide.json, never from wording."""
    stack: list[tuple[str, list[tuple[str, int]]]] = [(guide["start"], [])]
    while stack:
        node_id, path = stack.pop()
        node = guide["nodes"][node_id]
        if node["type"] == "outcome":
            if node["urgency"] in ("routine", "self-care"):
                return path
            continue
        for index in reversed(range(len(node["options"]))):
            stack.append((node["options"][index]["next"], [*path, (node_id, index)]))
    raise AssertionError("no routine outcome is reachable")


def _open(page: Page, site_url: str, guide: dict[str, Any], fragment: str) -> str:
    answers = _routine_path(guide)
    url = _url(site_url, guide, _end(guide, answers)) + _fragment(answers) + fragment
    page.goto(url)
    page.locator("[data-guide-root][data-enhanced]").wait_for(state="attached")
    return url


def test_ticking_a_value_marks_fitting_options_and_lives_in_the_fragment(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    _open(page, site_url, guide, "")
    form = page.locator("form[data-values]")
    first = form.locator("input[name=v]").first
    value = first.get_attribute("value")
    assert value
    first.check()
    page.wait_for_function("v => location.hash.includes('v=' + v)", arg=value)
    assert "a=" in page.evaluate("location.hash"), "the answers stay beside the values"
    fitting = page.locator(f"[data-choice][data-fits~='{value}']")
    others = page.locator(f"[data-choice]:not([data-fits~='{value}'])")
    assert fitting.count() >= 1
    for index in range(fitting.count()):
        card = fitting.nth(index)
        assert "botb-choice--fits" in (card.get_attribute("class") or "")
        assert card.locator("[data-fits-note]").is_visible()
    for index in range(others.count()):  # marked, never hidden
        assert others.nth(index).is_visible()
        assert not others.nth(index).locator("[data-fits-note]").is_visible()
    first.uncheck()
    page.wait_for_function("v => !location.hash.includes('v=')", arg=value)
    assert page.locator(".botb-choice--fits").count() == 0


def test_ticks_survive_a_reload_and_show_in_the_print_view(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    _open(page, site_url, guide, "")
    boxes = page.locator("form[data-values] input[type=checkbox]")
    chosen = [boxes.nth(0), boxes.nth(2), page.locator("input[name=r]").first]
    for box in chosen:
        box.check()
    page.wait_for_function("() => /r=/.test(location.hash)")
    kept = page.evaluate("location.hash")
    page.reload()
    page.locator("[data-guide-root][data-enhanced]").wait_for(state="attached")
    assert page.evaluate("location.hash") == kept
    for box in chosen:
        assert box.is_checked()
    page.emulate_media(media="print")
    assert page.locator("form[data-values]").is_visible()
    for box in chosen:
        assert box.is_visible() and box.is_checked()
    assert page.locator("[data-compare]").is_visible()
    assert page.locator(".botb-notes").is_visible(), "lines for notes on the sheet"
    assert not page.locator(".botb-tools").is_visible()


def test_printing_writes_links_out_and_opens_the_answers(
    page: Page, site_url: str, guide: dict[str, Any]
) -> None:
    _open(page, site_url, guide, "")
    assert page.locator("details[data-answers]").is_visible()
    assert page.evaluate("document.querySelector('details[data-answers]').open") is False
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.querySelector('details[data-answers]').open") is True
    link = page.locator("[data-choice] h3 a").first
    assert (link.get_attribute("data-print-url") or "").startswith(site_url)
    assert page.locator("[data-printed-on]").is_visible()


def test_the_comparison_works_without_javascript(
    browser: Browser, site_url: str, guide: dict[str, Any]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    answers = _routine_path(guide)
    page.goto(_url(site_url, guide, _end(guide, answers)))
    choices = page.locator("[data-compare] [data-choice]")
    assert choices.count() >= 2
    assert page.locator("[data-choice=wait]").is_visible()
    for index in range(choices.count()):
        assert choices.nth(index).locator(".botb-fact-list li").count() >= 8
    context.close()
