"""``make check-external``: report dead DOIs and URLs in the bibliography and the pages.

Needs internet, so it is not part of ``make test``; run it before a release or on a schedule.
Exit status 1 when any link is dead, 0 otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from botb.content.bibliography import Bibliography, load_bibliography
from botb.content.frontmatter import split_front_matter
from botb.content.site import content_files
from botb.diagnostics import DiagnosticError, Location, display_path

USER_AGENT = "back-on-the-bike-link-check/1.0 (+https://github.com/back-on-the-bike)"
TIMEOUT_SECONDS = 15.0
WORKERS = 8

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = re.compile(r"\]\(\s*<?(https?://[^)\s>]+)>?")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(https?://\S+?)>?(?:\s|$)")
_HTML_ATTR = re.compile(r"""(?:href|src)\s*=\s*["'](https?://[^"']+)["']""")


@dataclass(frozen=True)
class Link:
    url: str
    location: Location


def extract_links(markdown: str, *, path: str, line_offset: int = 0) -> list[Link]:
    """External links in Markdown (inline, autolinks, reference definitions, raw HTML).

    Code blocks are skipped: a URL shown as an example is not a link a reader follows.
    """
    links: list[Link] = []
    in_fence = False
    for number, line in enumerate(markdown.splitlines(), start=1 + line_offset):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        # Blank out inline code with spaces so columns still match the file.
        code_free = re.sub(r"`[^`]*`", lambda code: " " * len(code.group(0)), line)
        for pattern in (_INLINE, _AUTOLINK, _REFERENCE, _HTML_ATTR):
            for match in pattern.finditer(code_free):
                url = match.group(1)
                links.append(Link(url, Location(path, number, match.start(1) + 1)))
    return links


def bibliography_links(bibliography: Bibliography) -> list[Link]:
    return [
        Link(entry.link, entry.location)
        for entry in bibliography.entries.values()
        if entry.link is not None
    ]


def content_links(docs_dir: Path, *, root: Path) -> list[Link]:
    links: list[Link] = []
    for file in content_files(docs_dir):
        split = split_front_matter(file.read_text(encoding="utf-8"))
        links.extend(
            extract_links(
                split.body, path=display_path(file, root=root), line_offset=split.body_line - 1
            )
        )
    return links


def check_url(url: str, *, timeout: float = TIMEOUT_SECONDS) -> str | None:
    """None when the link works, else a short reason. HEAD first; some servers need GET."""
    reason = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return None
                reason = f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            reason = f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = str(getattr(error, "reason", error))
    return reason or "no response"


def check_links(
    links: Iterable[Link], *, timeout: float = TIMEOUT_SECONDS
) -> list[tuple[Link, str]]:
    by_url: dict[str, list[Link]] = {}
    for link in links:
        by_url.setdefault(link.url, []).append(link)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = dict(
            zip(by_url, pool.map(lambda url: check_url(url, timeout=timeout), by_url), strict=True)
        )
    return [
        (link, reason)
        for url, reason in results.items()
        if reason is not None
        for link in by_url[url]
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botb.external_links", description=__doc__)
    parser.add_argument("--docs", type=Path, default=Path("content"), help="docs_dir")
    parser.add_argument(
        "--bibliography", type=Path, default=None, help="default: <docs>/_data/bibliography.yml"
    )
    parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS)
    args = parser.parse_args(argv)
    root = Path.cwd()
    bib_path = args.bibliography or args.docs / "_data/bibliography.yml"
    try:
        bibliography = load_bibliography(bib_path, display=display_path(bib_path, root=root))
    except DiagnosticError as error:
        print(error.format(), file=sys.stderr)
        return 2
    links = [*bibliography_links(bibliography), *content_links(args.docs, root=root)]
    dead = check_links(links, timeout=args.timeout)
    for link, reason in sorted(dead, key=lambda item: item[0].location):
        kind = "dead link" if reason.startswith("HTTP") else "unreachable"
        print(f"{link.location}: {kind} {link.url} ({reason})")
    unique = {link.url for link in links}
    failed = {link.url for link, _ in dead}
    print(f"checked {len(unique)} external links: {len(failed)} failed")
    if unique and failed == unique and not any(r.startswith("HTTP") for _, r in dead):
        print("no link answered at all: is this machine offline?", file=sys.stderr)
        return 2
    return 1 if dead else 0


if __name__ == "__main__":
    raise SystemExit(main())
