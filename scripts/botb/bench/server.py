"""A small threaded static server that answers like GitHub Pages does for a project site.

Serves ``site_dir`` under a sub-path, gzips text types, sends ``Cache-Control: max-age=600``,
``ETag`` and ``Last-Modified`` (and answers conditional requests with 304), and returns
404.html for missing files. Only for measuring: Lighthouse and the weight count what a
reader's browser would really transfer.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import http.server
import mimetypes
import threading
from collections.abc import Iterator
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
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _resolve(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(SUB_PATH):
            return None
        relative = path[len(SUB_PATH) :]
        target = (self.site_dir / relative).resolve()
        if self.site_dir.resolve() not in (target, *target.parents):
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return target  # redirected by the caller
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
        status = 200
        if target is None:
            status, target = 404, self.site_dir / "404.html"
        stat = target.stat()
        raw, packed, etag = _encoded(target, stat.st_mtime)
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.end_headers()
            return
        kind = content_type(target)
        use_gzip = compressible(kind) and "gzip" in self.headers.get("Accept-Encoding", "")
        payload = packed if use_gzip else raw
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.send_header("Vary", "Accept-Encoding")
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            self.wfile.write(payload)


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free local port; yields the site URL (with the sub-path)."""
    handler = type("Handler", (_Handler,), {"site_dir": site_dir})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host!s}:{port}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
