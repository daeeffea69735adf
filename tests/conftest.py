"""Shared fixtures: one strict build per run, served under a GitHub-Pages-like sub-path.

Fixtures: ``built_site``, ``site_url``, ``all_pages``,
Playwright's ``browser``/``context``/``page`` launched from Debian Chromium, and
``request_log``. Everyone uses these; nobody rebuilds the site per test.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Request, Route

from botb.adapter.content_pages import TODAY_VARIABLE
from botb.build import make_world_readable, run_mkdocs_build
from tests.clock import TODAY
from tests.scheduling import ModuleGroupScheduling
from tools.serve import SUB_PATH, serve

ROOT = Path(__file__).resolve().parent.parent


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadgroup":
        return None
    return ModuleGroupScheduling(config, log)


# Every build a test starts, in this process or a child, counts review ages from one date.
os.environ[TODAY_VARIABLE] = TODAY.isoformat()
# Debian Chromium by default; CI on GitHub points CHROMIUM at the runner's Chrome.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def _served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    # Started before the build (it reads files when asked), so SITE_URL can name its port.
    site = tmp_path_factory.mktemp("site")
    with serve(site) as url:
        yield site, url


@pytest.fixture(scope="session")
def _origin(_served: tuple[Path, str]) -> str:
    return _served[1].removesuffix(SUB_PATH)


@pytest.fixture(scope="session")
def built_site(_served: tuple[Path, str]) -> Path:
    """The site, built once per run (strict) with SITE_URL pointing at the local server."""
    site, url = _served
    result = run_mkdocs_build(config_file=ROOT / "mkdocs.yml", site_dir=site, site_url=url)
    if not result.ok:
        pytest.fail(f"strict build failed:\n{result.log}", pytrace=False)
    make_world_readable(site)
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path, _served: tuple[Path, str]) -> str:
    """``http://127.0.0.1:<port>/back-on-the-bike/``, served from ``built_site``."""
    return _served[1]


@pytest.fixture(scope="session")
def all_pages(built_site: Path) -> list[str]:
    """Site-relative URL of every built HTML page ("" is the home page, "404.html" included)."""
    pages = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # Playwright cannot download its own browser here; Debian's Chromium works.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def _is_local(url: str, *, origin: str) -> bool:
    if url.split(":", 1)[0] in {"data", "blob", "about"}:
        return True
    return url == origin or url.startswith(origin + "/")


@pytest.fixture(scope="session")
def is_local_url(_origin: str) -> Callable[[str], bool]:
    """Predicate: does this URL stay on the local server (or never leave the browser)?"""
    return functools.partial(_is_local, origin=_origin)


@pytest.fixture
def request_log(
    page: Page, site_url: str, is_local_url: Callable[[str], bool]
) -> Iterator[list[str]]:
    """Every URL the page requested; the test fails if one went to another host.

    Requests to other hosts are aborted (so tests never wait on the network) and recorded.
    """
    seen: list[str] = []

    def record(request: Request) -> None:
        seen.append(request.url)

    def block_foreign(route: Route) -> None:
        if is_local_url(route.request.url):
            route.continue_()
        else:
            route.abort()

    page.on("request", record)
    page.context.route("**/*", block_foreign)
    yield seen
    foreign = [url for url in seen if not is_local_url(url)]
    assert not foreign, f"requests to other hosts: {foreign}"
