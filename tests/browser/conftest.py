"""One browser visit per built page, shared by the site-wide privacy and accessibility tests.

Visiting every page once (and running axe once per page) keeps the run short on 2 cores;
each test then asserts on the recorded visits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Route

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


class _Visitor:
    """One browser context and tab reused for every page (a fresh context per page costs
    more than the page itself); cookies and storage are cleared between pages."""

    def __init__(self, browser: Browser, *, is_local: Callable[[str], bool]) -> None:
        self.is_local = is_local
        self.context = browser.new_context()
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
        response = goto_ready(self.page, url)
        axe_violations = self.page.evaluate(_RUN_AXE)
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
