"""Guide step latency: ms from an answer click to the next question painted, in Chromium.

An init script in every document reports (through a Playwright binding, which survives a
page navigation) the click time, taken in a capture listener, and the paint time once the
guide's DOM shows a new node: either the JS answered in place (a MutationObserver sees
``data-node`` change) or a new document loaded (DOMContentLoaded).

"Painted" is the end of the next rendering update: a message posted from the next animation
frame callback runs once that frame's style, layout and paint are done (the usual
"after next paint" idiom). Two nested animation frames, used before, end one whole frame
(16.7 ms at 60 Hz) after that paint, so they cannot tell a step that fits in a frame from
one that does not. As an independent check, Chrome's own Event Timing entries (which time a
click to the presented frame, and are only reported above 16 ms) are counted per step.
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
  // or a plain link loads a new document.
  const node = () => {
    const h1 = document.querySelector('article h1, .md-content h1');
    return location.pathname + location.hash + '|' + (h1 ? h1.textContent : '');
  };
  window.__botbKey = node;
  const painted = (how) => {
    const seen = node();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__botbBench('paint', now(), seen, how);
      channel.port2.postMessage(null);
    });
  };
  if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes.includes('event')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (['pointerdown', 'pointerup', 'click'].includes(entry.name)) {
          const at = performance.timeOrigin + entry.startTime;
          window.__botbBench('slow', at, '', String(entry.duration));
        }
      }
    }).observe({type: 'event', durationThreshold: 16, buffered: true});
  }
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
    # Per step that Chrome's Event Timing saw take over 16 ms: its longest event, in ms.
    slow_event_ms: list[float] = field(default_factory=list)
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
    slow: list[tuple[float, float]] = []  # (event start, duration); may arrive a step late
    clicked_at: list[float] = []

    def report(kind: str, at: float, node: str, how: str) -> None:
        if kind == "slow":
            slow.append((at, float(how)))
        else:
            events.append((kind, at, node, how))

    context = browser.new_context()
    context.expose_function("__botbBench", report)
    context.add_init_script(_PROBE)
    page = context.new_page()
    chooser = random.Random(seed)
    try:
        _first_question(page, start_url)
        # ``steps`` answers that lead to a next question; answers that open an outcome page
        # are timed on the side and do not count towards them.
        while len(result.latencies_ms) < steps:
            if len(result.outcome_ms) > 3 * steps:
                raise RuntimeError("the answers keep ending in outcomes, not next questions")
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
            clicked, painted, how = _wait_paint(page, events, before=before)
            latency = painted - clicked
            clicked_at.append(clicked)
            page.wait_for_load_state("load")
            landed = page.locator("[data-guide-root]").first.get_attribute("data-type")
            (result.latencies_ms if landed == "question" else result.outcome_ms).append(latency)
            result.modes[how] = result.modes.get(how, 0) + 1
    except Exception as error:  # a broken page is a result to report, not a crash
        result.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    finally:
        context.close()
    result.slow_event_ms = _slow_steps(clicked_at, slow)
    return result


def _slow_steps(clicked_at: list[float], slow: list[tuple[float, float]]) -> list[float]:
    """The longest slow event of each step that had one. An event's start is its input
    timestamp: a step's pointer events start within a few ms of its click."""
    near = 50.0
    longest: list[float] = []
    for click in clicked_at:
        durations = [duration for at, duration in slow if abs(at - click) <= near]
        if durations:
            longest.append(max(durations))
    return longest


def _wait_paint(
    page: Page, events: list[tuple[str, float, str, str]], *, before: str
) -> tuple[float, float, str]:
    """(click time, paint time, how the new node arrived) once both have been reported."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        clicks = [at for kind, at, _, _ in events if kind == "click"]
        # The page reports through an asynchronous binding, so the last paint of the step
        # before can arrive after the click: only a paint after the click answers it.
        paints = [
            (at, how)
            for kind, at, node, how in events
            if kind == "paint" and node and node != before and clicks and at >= clicks[0]
        ]
        if paints:
            at, how = paints[0]
            return clicks[0], at, how
        # The times come from the page; polling slowly keeps this process and Playwright's
        # driver from competing with Chromium for the two CPUs while a step is measured.
        page.wait_for_timeout(50)
    raise TimeoutError("no new guide node painted within 15 s of the click")
