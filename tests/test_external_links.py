"""Link extraction for ``make check-external`` (the network check itself is not tested here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from botb.content.bibliography import parse_bibliography
from botb.external_links import bibliography_links, content_links, extract_links


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "See [NICE](https://www.nice.org.uk/guidance/ng59).",
            [("https://www.nice.org.uk/guidance/ng59", 1, 12)],
        ),
        ('A [link](https://a.example/x "title") here', [("https://a.example/x", 1, 10)]),
        ("Auto <https://b.example/> link", [("https://b.example/", 1, 7)]),
        ("[ref]: https://c.example/page", [("https://c.example/page", 1, 8)]),
        ('<a href="https://d.example/">d</a>', [("https://d.example/", 1, 10)]),
        ("Local [page](../references.md) only", []),
        ("Anchor [x](#top)", []),
        ("```\n[x](https://code.example/)\n```\n", []),
        ("Inline `https://code.example/` code", []),
        ("`code` then [x](https://x.example/)", [("https://x.example/", 1, 17)]),
        (
            "Two [a](http://a.example/) and [b](https://b.example/)",
            [("http://a.example/", 1, 9), ("https://b.example/", 1, 36)],
        ),
        ("line one\n\n[x](https://x.example/)", [("https://x.example/", 3, 5)]),
    ],
)
def test_extract_links(markdown: str, expected: list[tuple[str, int, int]]) -> None:
    found = extract_links(markdown, path="page.md")
    assert [(link.url, link.location.line, link.location.column) for link in found] == expected


def test_line_offset_points_into_the_file() -> None:
    (link,) = extract_links("[x](https://x.example/)", path="p.md", line_offset=5)
    assert str(link.location) == "p.md:6:5"


def test_bibliography_links_prefer_doi() -> None:
    bibliography = parse_bibliography(
        "a-2020:\n  type: web\n  authors: A\n  title: T\n  container: C\n  year: 2020\n"
        "  doi: 10.1000/xyz\n  url: https://ignored.example/\n"
        "b-2021:\n  type: web\n  authors: B\n  title: T\n  container: C\n  year: 2021\n"
        "  url: https://b.example/\n"
        "c-2022:\n  type: web\n  authors: C\n  title: T\n  container: C\n  year: 2022\n"
        "  pmid: 12345\n",
        display="bib.yml",
    )
    assert sorted(link.url for link in bibliography_links(bibliography)) == [
        "https://b.example/",
        "https://doi.org/10.1000/xyz",
        "https://pubmed.ncbi.nlm.nih.gov/12345/",
    ]


def test_content_links_skip_front_matter_and_keep_file_lines(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: A\ndescription: https://not-a-link.example/\n---\n# A\n\n"
        "[x](https://x.example/)\n",
        encoding="utf-8",
    )
    (link,) = content_links(tmp_path, root=tmp_path)
    assert (link.url, str(link.location)) == ("https://x.example/", "a.md:7:5")
