"""The 404 page works under the sub-path, at any depth (as GitHub Pages serves it)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Response

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("missing", ["no-such-page/", "deep/er/missing/page/", "gone.html"])
def test_missing_pages_get_a_styled_404_with_working_links(
    page: Page, site_url: str, request_log: list[str], missing: str
) -> None:
    responses: list[Response] = []
    page.on("response", lambda r: responses.append(r))
    response = page.goto(site_url + missing)
    assert response is not None
    assert response.status == 404
    assert page.locator("article h1").first.inner_text() == "Page not found"
    assets = [r for r in responses if r.request.resource_type in {"stylesheet", "script"}]
    assert assets
    assert [r.url for r in assets if r.status != 200] == []
    # Material's stylesheet applied: the header is positioned by it.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    local = sorted({h.split("#")[0] for h in hrefs if h.startswith(site_url)})
    assert local
    broken = [h for h in local if page.request.get(h).status != 200]
    assert broken == []
