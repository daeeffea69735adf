"""Fingerprints of source texts, so pages can be checked for copied wording without the sources.

The reference files (the forum thread, the clinical evidence notes) are not shipped with the
repository, so the copy test compares hashes instead of text: every run of ``SHINGLE`` words in a
source becomes a short sha256 prefix. Forum handles (``@name``) are fingerprinted one word at a
time, so the test can tell a page never names a poster without the repository holding the name.

Usage: ``python -m botb.content.fingerprints SOURCE.md [SOURCE.md ...] > source-fingerprints.txt``
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

SHINGLE = 8
HASH_CHARS = 16
NAME_PREFIX = "name "

# Apostrophes join a word ("i'm" -> "im") rather than split it, so contractions match
# whichever apostrophe a writer typed.
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc]")
_WORD = re.compile(r"[^\W_]+")
_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z0-9_]{2,})")


def words(text: str) -> list[str]:
    """The words of a text, case-folded, with punctuation stripped."""
    return _WORD.findall(_APOSTROPHES.sub("", text.casefold()))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def shingles(tokens: Sequence[str], *, size: int = SHINGLE) -> list[tuple[str, ...]]:
    """Every run of ``size`` consecutive words (none when the text is shorter)."""
    return [tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def shingle_hash(shingle: Iterable[str]) -> str:
    return digest(" ".join(shingle))


def handles(text: str) -> set[str]:
    """Forum handles mentioned with an @, case-folded."""
    return {match.casefold() for match in _HANDLE.findall(text)}


def fingerprint_lines(texts: Iterable[str]) -> list[str]:
    """Sorted, de-duplicated lines: one shingle hash per line, then ``name <hash>`` lines."""
    hashes: set[str] = set()
    names: set[str] = set()
    for text in texts:
        hashes.update(shingle_hash(shingle) for shingle in shingles(words(text)))
        names.update(digest(handle) for handle in handles(text))
    return sorted(hashes) + [f"{NAME_PREFIX}{name}" for name in sorted(names)]


def main(argv: Sequence[str] | None = None) -> int:
    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print(
            "usage: python -m botb.content.fingerprints SOURCE.md [SOURCE.md ...]", file=sys.stderr
        )
        return 2
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        print(f"not a file: {', '.join(missing)}", file=sys.stderr)
        return 2
    texts = [path.read_text(encoding="utf-8") for path in paths]
    sys.stdout.write("".join(f"{line}\n" for line in fingerprint_lines(texts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
