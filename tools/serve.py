"""The one static server of the project: the browser tests and the benchmark both use it.

It answers like GitHub Pages does for a project site: ``site_dir`` under a sub-path, gzip for
text types, ``Cache-Control: max-age=600``, ``ETag`` and ``Last-Modified`` (with 304 answers
to conditional requests), a redirect that adds the slash to a folder, and 404.html for
anything missing. ``http.server`` alone cannot gzip, and the bench's weights and Lighthouse
scores count what a reader's browser would really transfer.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import http.server
import mimetypes
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

SUB_PATH = "/back-on-the-bike/"
GZIP_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
    "application/manifest+json",
)
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends
_NOT_FOUND = b"<!doctype html><title>404</title><h1>Not found</h1>\n"


def gzip_bytes(data: bytes) -> bytes:
    """Deterministic gzip at level 6 (no timestamp), the level most servers use."""
    return gzip.compress(data, compresslevel=6, mtime=0)


def compressible(content_type: str) -> bool:
    return content_type.startswith(GZIP_TYPES)


def content_type(path: Path) -> str:
    if path.suffix == ".js":
        return "application/javascript"
    if path.suffix == ".json":
        return "application/json"
    guessed, _ = mimetypes.guess_type(path.name)
    kind = guessed or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


@lru_cache(maxsize=4096)
def _encoded(path: Path, mtime: float) -> tuple[bytes, bytes, str]:
    raw = path.read_bytes()
    return raw, gzip_bytes(raw), '"' + hashlib.sha1(raw).hexdigest()[:16] + '"'


class _Handler(http.server.BaseHTTPRequestHandler):
    site_dir: Path
    sub_path: str
    extra_headers: tuple[tuple[str, str], ...] = ()
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; with Nagle's algorithm on, the body waits for
    # the client's delayed ACK of the headers, about 40 ms on every response (GitHub Pages
    # has no such pause, and linkchecker's crawl took 43 s instead of a few).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _resolve(self) -> Path | None:
        """The file or folder asked for, or None when it is missing or outside the site."""
        path = unquote(urlsplit(self.path).path)
        if path == self.sub_path.rstrip("/"):
            return self.site_dir  # a folder without its slash: the caller redirects
        if not path.startswith(self.sub_path):
            return None
        root = self.site_dir.resolve()
        target = (root / path[len(self.sub_path) :]).resolve()
        if root not in (target, *target.parents):
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return target
            target = target / "index.html"
        return target if target.is_file() else None

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def do_GET(self) -> None:
        self._respond(body=True)

    def _respond(self, *, body: bool) -> None:
        target = self._resolve()
        if target is not None and target.is_dir():
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            self._not_found(body=body)
            return
        stat = target.stat()
        raw, packed, etag = _encoded(target, stat.st_mtime)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return
        kind = content_type(target)
        use_gzip = compressible(kind) and "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_response(200)
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self._send_body(packed if use_gzip else raw, kind=kind, gzipped=use_gzip, body=body)

    def _not_found(self, *, body: bool) -> None:
        page = self.site_dir / "404.html"
        raw = page.read_bytes() if page.is_file() else _NOT_FOUND
        use_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_response(404)
        payload = gzip_bytes(raw) if use_gzip else raw
        self._send_body(payload, kind="text/html; charset=utf-8", gzipped=use_gzip, body=body)

    def _send_body(self, payload: bytes, *, kind: str, gzipped: bool, body: bool) -> None:
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Vary", "Accept-Encoding")
        for name, value in self.extra_headers:
            self.send_header(name, value)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            self.wfile.write(payload)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser or crawler that closes a kept-alive connection is normal, not a fault
        # worth a traceback in the test output.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(
    site_dir: Path, *, sub_path: str = SUB_PATH, headers: Mapping[str, str] | None = None
) -> Iterator[str]:
    """Serve ``site_dir`` on a free local port; yields the site URL (with the sub-path).

    Files are read when asked for, so the server may start before the site is built into
    ``site_dir``: a build can then be given the URL (and port) it will be served from.
    ``headers`` are added to every file's response.
    """
    attributes = {
        "site_dir": site_dir,
        "sub_path": sub_path,
        "extra_headers": tuple((headers or {}).items()),
    }
    handler = type("Handler", (_Handler,), attributes)
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host!s}:{port}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
