"""Every sentence on the site is our own: no page or guide text copies 8 words in a row from the
forum thread or the clinical evidence notes, and no forum poster is named.

The sources are not in the repository; ``source-fingerprints.txt`` holds hashes of their 8-word
runs (regenerate with ``python -m botb.content.fingerprints ../shared/reference/forum-thread.md
../shared/reference/clinical-evidence.md > tests/content/source-fingerprints.txt``).
Reference titles are allowed: naming a study by its title is citing it, not copying.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from botb.content.bibliography import load_bibliography
from botb.content.fingerprints import (
    HASH_CHARS,
    NAME_PREFIX,
    digest,
    fingerprint_lines,
    shingle_hash,
    shingles,
    words,
)
from botb.content.site import content_files

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "content"
GUIDE = ROOT / "guide"
FINGERPRINTS = Path(__file__).with_name("source-fingerprints.txt")

# Link targets, inline HTML and URLs are not wording; dropping them keeps "see [the
# guide](../guide/index.md) now" a run of plain words as a reader sees it.
_NOT_WORDING = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"<[^>]+>"),
    re.compile(r"https?://\S+"),
]


def _load_fingerprints() -> tuple[frozenset[str], frozenset[str]]:
    shingle_hashes: set[str] = set()
    name_hashes: set[str] = set()
    for line in FINGERPRINTS.read_text(encoding="utf-8").splitlines():
        if line.startswith(NAME_PREFIX):
            name_hashes.add(line.removeprefix(NAME_PREFIX))
        elif line:
            shingle_hashes.add(line)
    return frozenset(shingle_hashes), frozenset(name_hashes)


SOURCE_SHINGLES, SOURCE_NAMES = _load_fingerprints()


def _citation_shingles() -> frozenset[str]:
    bibliography = load_bibliography(
        DOCS / "_data/bibliography.yml", display="content/_data/bibliography.yml"
    )
    allowed: set[str] = set()
    for entry in bibliography.entries.values():
        for text in (entry.title, entry.authors, entry.container):
            allowed.update(shingle_hash(s) for s in shingles(words(text or "")))
    return frozenset(allowed)


CITATIONS = _citation_shingles()


def _strings(node: Any) -> Iterator[str]:
    """Every string in a YAML document (ids and keys are words too, harmlessly)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _page_texts(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    for pattern in _NOT_WORDING:
        text = pattern.sub(" ", text)
    return [text]


def _guide_texts(path: Path) -> list[str]:
    return list(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))


TARGETS: dict[str, list[str]] = {
    **{path.relative_to(ROOT).as_posix(): _page_texts(path) for path in content_files(DOCS)},
    **{
        path.relative_to(ROOT).as_posix(): _guide_texts(path)
        for path in sorted(GUIDE.glob("*.yml"))
    },
}


def copied_runs(texts: list[str]) -> list[str]:
    """The 8-word runs shared with a source, minus those inside a reference title."""
    found: list[str] = []
    for text in texts:
        for shingle in shingles(words(text)):
            key = shingle_hash(shingle)
            if key in SOURCE_SHINGLES and key not in CITATIONS:
                found.append(" ".join(shingle))
    return list(dict.fromkeys(found))


def named_posters(texts: list[str]) -> list[str]:
    return sorted({w for text in texts for w in words(text) if digest(w) in SOURCE_NAMES})


def test_fingerprints_are_well_formed() -> None:
    assert len(SOURCE_SHINGLES) > 1000, "source-fingerprints.txt looks empty or truncated"
    assert SOURCE_NAMES, "source-fingerprints.txt lists no forum handles"
    hex_digits = set("0123456789abcdef")
    bad = [h for h in SOURCE_SHINGLES | SOURCE_NAMES if len(h) != HASH_CHARS or set(h) - hex_digits]
    assert not bad, f"malformed fingerprint lines: {bad[:5]}"


@pytest.mark.parametrize(
    ("source", "page", "copied"),
    [
        # The same words with other case, punctuation and apostrophes are still a copy.
        (
            "I\u2019m sure the Physio said: stretch your hip flexors every single day, twice.",
            "im SURE the physio said stretch your hip-flexors every single day",
            True,
        ),
        # Seven words in a row is a common phrase, not a copy.
        ("one two three four five six seven eight", "one two three four five six seven", False),
        ("a b c d e f g h i", "x a b c d e f g y h i", False),
    ],
)
def test_copy_detection(source: str, page: str, copied: bool) -> None:
    source_hashes = {line for line in fingerprint_lines([source]) if not line.startswith("name")}
    page_hashes = {shingle_hash(s) for s in shingles(words(page))}
    assert bool(source_hashes & page_hashes) is copied


def test_handles_are_fingerprinted() -> None:
    lines = fingerprint_lines(["thanks @Some_Rider for that; mail me at a@b.org"])
    assert f"{NAME_PREFIX}{digest('some_rider')}" in lines
    assert f"{NAME_PREFIX}{digest('b')}" not in lines


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_no_copied_wording(target: str) -> None:
    copied = copied_runs(TARGETS[target])
    listing = "\n".join(f"  {run!r}" for run in copied)
    assert not copied, (
        f"{target} shares 8 or more words in a row with the forum thread or the clinical notes; "
        f"rewrite these sentences in our own words:\n{listing}"
    )


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_no_forum_poster_named(target: str) -> None:
    named = named_posters(TARGETS[target])
    assert not named, f"{target} names a forum poster ({', '.join(named)}): remove the name"
