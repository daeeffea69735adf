"""Guide step latency: ms from an answer click to the next question painted, in Chromium.

An init script in every document reports (through a Playwright binding, which survives a
page navigation) the click time, taken in a capture listener, and the paint time, taken two
animation frames after the guide's DOM shows a new node: either the JS answered in place
(a MutationObserver sees ``data-node`` change) or a new document loaded (DOMContentLoaded).
Times are ``performance.timeOrigin + performance.now()``, comparable across documents.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page

_PROBE = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  // Which step is on screen: the JS answers in place (same root, new h1 and fragment),
  // Material's instant navigation swaps the page, a plain link loads a new document.
  const node = () => {
    const h1 = document.querySelector('article h1, .md-content h1');
    return location.pathname + location.hash + '|' + (h1 ? h1.textContent : '');
  };
  window.__botbKey = node;
  const painted = (how) => {
    const seen = node();
    const report = () => window.__botbBench('paint', now(), seen, how);
    requestAnimationFrame(() => requestAnimationFrame(report));
  };
  document.addEventListener('click', () => window.__botbBench('click', now(), node(), ''), true);
  document.addEventListener('DOMContentLoaded', () => {
    painted('load');
    let last = node();
    new MutationObserver(() => {  // attribute and child changes anywhere
      const current = node();
      if (current !== last) { last = current; painted('in-place'); }
    }).observe(document.documentElement, {subtree: true, childList: true, attributes: true,
                               attributeFilter: ['data-node']});
  });
})();
"""


@dataclass
class StepResult:
    latencies_ms: list[float] = field(default_factory=list)  # answer -> next question
    outcome_ms: list[float] = field(default_factory=list)  # answer -> outcome page
    modes: dict[str, int] = field(default_factory=dict)  # in-place / load counts
    restarts: int = 0
    error: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.latencies_ms) if self.latencies_ms else None

    @property
    def p95(self) -> float | None:
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _first_question(page: Page, start_url: str) -> None:
    page.goto(start_url, wait_until="load")
    start = page.locator("a.md-button--primary, a[href*='q/']").first
    start.click()
    page.wait_for_selector("[data-guide-root][data-type='question'] .botb-option")
    # A reader reads the question before answering: measure steps once the script has
    # enhanced the page, not a click that races guide.json and falls back to a page load.
    page.wait_for_selector("[data-guide-root][data-enhanced]")


def measure(browser: Browser, *, start_url: str, steps: int = 50, seed: int = 6) -> StepResult:
    result = StepResult()
    events: list[tuple[str, float, str, str]] = []
    context = browser.new_context()
    context.expose_function(
        "__botbBench", lambda kind, at, node, how: events.append((kind, at, node, how))
    )
    context.add_init_script(_PROBE)
    page = context.new_page()
    chooser = random.Random(seed)
    try:
        _first_question(page, start_url)
        while len(result.latencies_ms) + len(result.outcome_ms) < steps:
            root = page.locator("[data-guide-root]").first
            if root.get_attribute("data-type") != "question":
                result.restarts += 1
                _first_question(page, start_url)
                continue
            before = page.evaluate("window.__botbKey()")
            options = page.locator("[data-guide-root] .botb-option:visible")
            count = options.count()
            events.clear()
            options.nth(chooser.randrange(count)).click()
            latency, how = _wait_paint(page, events, before=before)
            page.wait_for_load_state("load")
            landed = page.locator("[data-guide-root]").first.get_attribute("data-type")
            (result.latencies_ms if landed == "question" else result.outcome_ms).append(latency)
            result.modes[how] = result.modes.get(how, 0) + 1
    except Exception as error:  # a broken page is a result to report, not a crash
        result.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    finally:
        context.close()
    return result


def _wait_paint(
    page: Page, events: list[tuple[str, float, str, str]], *, before: str
) -> tuple[float, str]:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        clicks = [at for kind, at, _, _ in events if kind == "click"]
        paints = [
            (at, how)
            for kind, at, node, how in events
            if kind == "paint" and node and node != before
        ]
        if clicks and paints:
            at, how = paints[0]
            return at - clicks[0], how
        page.wait_for_timeout(5)
    raise TimeoutError("no new guide node painted within 15 s of the click")
