"""Browser visits of every built page, shared by the site-wide tests.

Two tours: every page at desktop width in the light palette (privacy, axe, reflow at 640 px),
and every reader page on a 320 px phone in the dark palette (axe, reflow, type size). Each
page is loaded once per tour and every measure is taken in that one load, which keeps the run
short on 2 cores; the tests then assert on the recorded visits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Response, Route

from tests.browser.contrast import colours
from tests.browser.waits import goto_ready

# Recorded before any page script runs; init scripts are not subject to the page's CSP.
_WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""

_RUN_AXE = "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"

_STORAGE = """() => ({
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  cookie: document.cookie,
})"""


# The widths pages must reflow at without scrolling sideways (WCAG 1.4.10): a 320 px phone,
# and a 1280 px window zoomed to 200 %.
PHONE = {"width": 320, "height": 800}
ZOOMED = {"width": 640, "height": 800}
DESKTOP = {"width": 1280, "height": 720}
# Reviewer pages (a diagram and long lists of paths) are not pages a reader reads on a phone.
REVIEWER_PAGES = ("guide/map/", "guide/outline/", "guide/paths/")

_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# The smallest text in callouts, tables and cards, as [px, the words], or null.
_SMALLEST_TEXT = """() => {
  const boxes = ".md-content .admonition, .md-content details, .md-content table," +
    " .md-content .botb-card";
  let smallest = null;
  for (const box of document.querySelectorAll(boxes)) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.getClientRects().length) continue;
      if (el.closest('.botb-sr, .headerlink, sup, .md-annotation')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const text = n.textContent.trim().slice(0, 40);
      if (smallest === null || size < smallest[0]) smallest = [size, text];
    }
  }
  return smallest;
}"""

# What decides how a page is painted: each element's tag, classes and attribute names, with
# the values of the attributes some stylesheet selects on by value (ids, label targets and
# sources aside; a link counts by its scheme). Two pages with the same set are styled by the
# same rules, so an axe run in a second palette learns nothing new from the second one.
_STYLE_SIGNATURE = r"""() => {
  const valued = new Set();
  const walk = (rules) => {
    for (const rule of rules) {
      for (const m of (rule.selectorText || "").matchAll(/\[([\w-]+)\s*[~|^$*]?=/g)) {
        valued.add(m[1]);
      }
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  for (const name of ["id", "for", "src"]) valued.delete(name);
  const value = (a) => a.name === "href" ? (a.value.match(/^[a-z]+:/) || ["relative"])[0] : a.value;
  const seen = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const attributes = [...el.attributes].filter((a) => a.name !== "class")
      .map((a) => (valued.has(a.name) ? `${a.name}=${value(a)}` : a.name)).sort();
    seen.add([el.tagName, ...[...el.classList].sort(), ...attributes].join(" "));
  }
  return [...seen].sort().join("\n");
}"""


def _h1_colours(page: Page) -> dict[str, Any] | None:
    h1 = page.locator("article h1").first
    return colours(h1) if h1.count() else None


def _ready(page: Page, url: str) -> Response | None:
    """Load ``url`` as a reader meets it: Material mounted, and a guide page enhanced."""
    response = goto_ready(page, url)
    if page.locator("[data-guide-root]").count():
        page.locator("[data-guide-root][data-enhanced]").wait_for(state="attached")
    return response


@dataclass
class Visit:
    url: str
    status: int | None
    requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    cookies: list[dict[str, Any]] = field(default_factory=list)
    storage: dict[str, Any] = field(default_factory=dict)
    csp_violations: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    axe_violations: list[dict[str, Any]] = field(default_factory=list)
    h1_colours: dict[str, Any] | None = None
    overflow_at_640: int = 0


@dataclass
class PhoneVisit:
    url: str
    overflow: int
    smallest_text: tuple[float, str] | None
    h1_colours: dict[str, Any] | None
    # None for a page styled like one axe already checked on this tour (see _STYLE_SIGNATURE).
    axe_violations: list[dict[str, Any]] | None


class _Visitor:
    """One browser context and tab reused for every page (a fresh context per page costs
    more than the page itself); cookies and storage are cleared between pages."""

    def __init__(self, browser: Browser, *, is_local: Callable[[str], bool]) -> None:
        self.is_local = is_local
        self.context = browser.new_context(viewport=DESKTOP)
        self.context.route("**/*", self._block_foreign)
        self.context.add_init_script(_WATCH_CSP)
        # axe is loaded by an init script (not re-injected per run): about twice as fast.
        self.context.add_init_script(Axe().axe_script)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _block_foreign(self, route: Route) -> None:
        if self.is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def _forget(self) -> None:
        self.context.clear_cookies()
        if self.page.url.startswith("http"):
            self.page.evaluate("localStorage.clear(); sessionStorage.clear()")
        self.requests.clear()
        self.errors.clear()

    def visit(self, url: str) -> Visit:
        self._forget()
        # Material starts its search worker last, after load: once it exists, the page has
        # asked for everything it asks for unprompted.
        response = _ready(self.page, url)
        axe_violations = self.page.evaluate(_RUN_AXE)
        h1 = _h1_colours(self.page)
        self.page.set_viewport_size(ZOOMED)
        overflow = self.page.evaluate(_OVERFLOW)
        self.page.set_viewport_size(DESKTOP)
        return Visit(
            url=url,
            status=response.status if response else None,
            requests=list(self.requests),
            foreign_requests=[u for u in self.requests if not self.is_local(u)],
            cookies=[dict(cookie) for cookie in self.context.cookies()],
            storage=self.page.evaluate(_STORAGE),
            csp_violations=self.page.evaluate("window.__cspViolations"),
            page_errors=list(self.errors),
            axe_violations=axe_violations,
            h1_colours=h1,
            overflow_at_640=overflow,
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="session")
def page_visits(
    browser: Browser,
    site_url: str,
    all_pages: list[str],
    is_local_url: Callable[[str], bool],
) -> dict[str, Visit]:
    """Site-relative page URL -> what happened when a fresh browser opened it."""
    visitor = _Visitor(browser, is_local=is_local_url)
    try:
        return {relative: visitor.visit(site_url + relative) for relative in all_pages}
    finally:
        visitor.close()


@pytest.fixture(scope="session")
def phone_visits(browser: Browser, site_url: str, all_pages: list[str]) -> dict[str, PhoneVisit]:
    """Site-relative URL -> each reader page on a 320 px phone in the dark palette.

    axe runs on every page with a set of styles not seen before on this tour: the light tour
    runs it on every page, and a page styled by exactly the same rules as one already checked
    here cannot fail a palette or layout rule that one passed.
    """
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    context.add_init_script(Axe().axe_script)
    page = context.new_page()
    checked: set[str] = set()
    visits = {}
    try:
        for relative in all_pages:
            if relative.startswith(REVIEWER_PAGES):
                continue
            _ready(page, site_url + relative)
            signature = page.evaluate(_STYLE_SIGNATURE)
            violations = None
            if signature not in checked:
                checked.add(signature)
                violations = page.evaluate(_RUN_AXE)
            smallest = page.evaluate(_SMALLEST_TEXT)
            visits[relative] = PhoneVisit(
                url=relative,
                overflow=page.evaluate(_OVERFLOW),
                smallest_text=tuple(smallest) if smallest else None,
                h1_colours=_h1_colours(page),
                axe_violations=violations,
            )
    finally:
        context.close()
    return visits
