"""Shared fixtures: one strict build per run, served under a GitHub-Pages-like sub-path.

Fixtures (see plan/SPEC.md "Test fixtures"): ``built_site``, ``site_url``, ``all_pages``,
Playwright's ``browser``/``context``/``page`` launched from Debian Chromium, and
``request_log``. Everyone uses these; nobody rebuilds the site per test.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page, Request, Route

from botb.build import make_world_readable, run_mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
SUB_PATH = "/back-on-the-bike/"
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


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH and answers missing files with 404.html, like Pages."""

    def log_message(self, format: str, *args: Any) -> None:
        return

    def translate_path(self, path: str) -> str:
        request_path = unquote(urlsplit(path).path)
        if request_path == SUB_PATH.rstrip("/"):
            return str(self.directory)  # the handler then redirects to add the slash
        if not request_path.startswith(SUB_PATH):
            return str(Path(self.directory) / "\0missing")
        return super().translate_path("/" + request_path[len(SUB_PATH) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def _listening_socket() -> Iterator[socket.socket]:
    # Bound before the build, so SITE_URL can name the port the server will use.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    yield sock
    sock.close()


@pytest.fixture(scope="session")
def _origin(_listening_socket: socket.socket) -> str:
    host, port = _listening_socket.getsockname()
    return f"http://{host}:{port}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, _origin: str) -> Path:
    """The site, built once per run (strict) with SITE_URL pointing at the local server."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(
        config_file=ROOT / "mkdocs.yml", site_dir=site, site_url=_origin + SUB_PATH
    )
    if not result.ok:
        pytest.fail(f"strict build failed:\n{result.log}", pytrace=False)
    make_world_readable(site)
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path, _listening_socket: socket.socket, _origin: str) -> Iterator[str]:
    """``http://127.0.0.1:<port>/back-on-the-bike/``, served from ``built_site``."""
    handler = functools.partial(_SubPathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(
        _listening_socket.getsockname(), handler, bind_and_activate=False
    )
    server.socket.close()
    server.socket = _listening_socket
    server.server_activate()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield _origin + SUB_PATH
    server.shutdown()
    thread.join()


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
