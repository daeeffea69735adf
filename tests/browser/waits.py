"""Waits on real events, for browser tests: no fixed sleeps and no waiting for the network
to fall silent (at least half a second a page, and unreliable when a page keeps talking).
Each helper waits for the event the test actually needs.
"""

from __future__ import annotations

from playwright.sync_api import Page, Response

SEARCH_WORKER = "search-on-demand"
GUIDE_JSON = "/guide/guide.json"


def goto_ready(page: Page, url: str) -> Response | None:
    """Load ``url`` and wait until Material's bundle has mounted its components: it starts
    the search worker last, and only then do its keyboard shortcuts and toggles answer."""
    with page.expect_worker(lambda worker: SEARCH_WORKER in worker.url):
        return page.goto(url)


def goto_guide(page: Page, url: str) -> Response | None:
    """Load a page and, when it has a guide for guide.js to enhance, wait until guide.json
    has arrived and the page has drawn the frame after it."""
    response = page.goto(url)
    page.wait_for_function(
        """name => !document.querySelector("[data-guide-root]") ||
            performance.getEntriesByType("resource").some(e => e.name.endsWith(name))""",
        arg=GUIDE_JSON,
    )
    next_frame(page)
    return response


def next_frame(page: Page) -> None:
    """Resolve after the page has painted its next frame and run the task after it: work the
    page queued before this call (promise callbacks, rendering) has been done by then."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
