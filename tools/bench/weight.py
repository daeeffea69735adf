"""Page weight: what a real Chromium load of a page requests, counted as gzipped bytes.

Each page loads in a fresh context (empty cache) and waits for the network to go quiet, so
lazy requests (search index and worker, guide.json) are counted too. Bytes are the bodies as
the local server sends them (gzip for text types, like GitHub Pages), without headers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Response

from tools.serve import compressible, content_type, gzip_bytes


@dataclass
class PageWeight:
    url: str
    total_gzip_bytes: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    requests: list[tuple[str, int]] = field(default_factory=list)


def kind_of(url: str) -> str:
    path = urlsplit(url).path
    suffix = Path(path).suffix.lower()
    if path.endswith("/") or suffix == ".html":
        return "html"
    return {
        ".css": "css",
        ".js": "js",
        ".json": "json",
        ".svg": "image",
        ".png": "image",
        ".jpg": "image",
        ".webp": "image",
        ".ico": "image",
        ".woff2": "font",
        ".woff": "font",
    }.get(suffix, "other")


def file_bytes(path: Path) -> int:
    """Bytes on the wire for one file served by the bench server (gzip for text types)."""
    data = path.read_bytes()
    return len(gzip_bytes(data)) if compressible(content_type(path)) else len(data)


def measure(browser: Browser, *, url: str, site_dir: Path, site_url: str) -> PageWeight:
    weight = PageWeight(url=url)
    seen: list[str] = []
    context = browser.new_context()
    page = context.new_page()

    def record(response: Response) -> None:
        seen.append(response.url)

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    # On a busy machine Material's bundle can take longer than networkidle's 500 ms to start
    # its lazy requests (search worker and index, sitemap): wait for a quiet 1.5 s as well.
    for _ in range(20):
        count = len(seen)
        page.wait_for_timeout(1500)
        if len(seen) == count:
            break
    context.close()
    prefix = site_url.rstrip("/")
    for requested in dict.fromkeys(seen):
        if not requested.startswith(prefix):
            # Another host: the privacy tests forbid it; count it so it shows up here.
            weight.requests.append((requested, 0))
            continue
        relative = unquote(urlsplit(requested).path)[len(urlsplit(site_url).path) :]
        target = site_dir / relative
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            continue
        size = file_bytes(target)
        weight.requests.append((requested, size))
        weight.total_gzip_bytes += size
        kind = kind_of(requested)
        weight.by_type[kind] = weight.by_type.get(kind, 0) + size
    return weight


def guide_assets(site_dir: Path) -> dict[str, int]:
    """The guide's own JS and CSS as built, gzipped."""
    found = {}
    for relative in ("assets/javascripts/guide.js", "assets/stylesheets/guide.css"):
        path = site_dir / relative
        if path.is_file():
            found[relative] = file_bytes(path)
    return found
