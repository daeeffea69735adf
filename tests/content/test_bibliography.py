"""The bibliography loader: valid entries load, and every mistake is pinpointed."""

from __future__ import annotations

from pathlib import Path

import pytest

from botb.content.bibliography import load_bibliography, parse_bibliography
from botb.diagnostics import DiagnosticError

GOOD = """\
hayden-2021:
  type: systematic-review
  authors: Hayden JA, et al.
  title: Exercise therapy for chronic low back pain
  container: Cochrane Database of Systematic Reviews
  year: 2021
  issue: 9
  pages: CD009790
  doi: 10.1002/14651858.CD009790.pub2
nice-ng59:
  type: guideline
  authors: NICE
  title: Low back pain and sciatica in over 16s
  container: NICE
  year: 2016
  url: https://www.nice.org.uk/guidance/ng59
  note: Updated 2020.
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DiagnosticError) as caught:
        parse_bibliography(text, display="bib.yml")
    return [str(d) for d in caught.value.diagnostics]


def test_good_bibliography_loads() -> None:
    bibliography = parse_bibliography(GOOD, display="bib.yml")
    assert bibliography.keys == {"hayden-2021", "nice-ng59"}
    hayden = bibliography.entries["hayden-2021"]
    assert hayden.year == 2021
    assert hayden.issue == "9"  # numbers are kept as text
    assert hayden.link == "https://doi.org/10.1002/14651858.CD009790.pub2"
    assert bibliography.entries["nice-ng59"].link == "https://www.nice.org.uk/guidance/ng59"
    assert str(hayden.location) == "bib.yml:1:1"
    assert "hayden-2021" in bibliography


BAD = [
    (
        "bad type",
        GOOD.replace("type: guideline", "type: blog"),
        "11:9",
        "'type' must be one of: guideline, systematic-review",
    ),
    (
        "missing title",
        GOOD.replace("  title: Low back pain and sciatica in over 16s\n", ""),
        "10:1",
        "entry 'nice-ng59' is missing required field 'title'",
    ),
    (
        "missing year",
        GOOD.replace("  year: 2016\n", ""),
        "10:1",
        "is missing required field 'year'",
    ),
    (
        "unknown field",
        GOOD.replace("  note: Updated 2020.", "  notes: x"),
        "17:3",
        "unknown field 'notes'",
    ),
    (
        "year as text",
        GOOD.replace("year: 2016", "year: twenty"),
        "15:9",
        "'year' must be a whole number, not text",
    ),
    (
        "implausible year",
        GOOD.replace("year: 2016", "year: 216"),
        "15:9",
        "'year' must be between 1800 and 2100",
    ),
    (
        "bad key",
        GOOD.replace("nice-ng59:", "NICE_NG59:"),
        "10:1",
        "source key 'NICE_NG59' is not valid",
    ),
    (
        "key with double hyphen",
        GOOD.replace("nice-ng59:", "nice--ng59:"),
        "10:1",
        "source key 'nice--ng59' is not valid",
    ),
    (
        "duplicate key",
        GOOD + GOOD.split("nice-ng59:")[1].join(["nice-ng59:", ""]),
        "18:1",
        "duplicate key 'nice-ng59'",
    ),
    ("entry not a mapping", GOOD + "extra-1: just text\n", "18:10", "must be a mapping"),
    (
        "empty authors",
        GOOD.replace("authors: NICE", "authors: ''"),
        "12:12",
        "'authors' must not be empty",
    ),
    (
        "title not text",
        GOOD.replace("title: Low back pain and sciatica in over 16s", "title: [a]"),
        "13:10",
        "'title' must be text",
    ),
    (
        "doi with resolver",
        GOOD.replace("doi: 10.1002", "doi: https://doi.org/10.1002"),
        "9:8",
        "write the DOI bare",
    ),
    (
        "url without scheme",
        GOOD.replace("url: https://www.", "url: www."),
        "16:8",
        "start the address with https://",
    ),
]


@pytest.mark.parametrize(
    ("text", "position", "message"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_bad_entries_are_pinpointed(text: str, position: str, message: str) -> None:
    found = problems(text)
    assert any(p.startswith(f"bib.yml:{position}: ") and message in p for p in found), found


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "the bibliography is empty"), ("- a\n- b\n", "must be a mapping of key: entry")],
)
def test_whole_file_problems(text: str, message: str) -> None:
    assert any(message in p for p in problems(text))


def test_every_problem_is_reported_at_once() -> None:
    text = GOOD.replace("type: guideline", "type: blog").replace("year: 2021", "year: x")
    assert len(problems(text)) == 2


def test_unreadable_file_is_a_diagnostic(tmp_path: Path) -> None:
    with pytest.raises(DiagnosticError, match="cannot read the bibliography"):
        load_bibliography(tmp_path / "missing.yml", display="missing.yml")


def test_real_bibliography_is_valid_and_large_enough() -> None:
    root = Path(__file__).resolve().parents[2]
    bibliography = load_bibliography(
        root / "content/_data/bibliography.yml", display="content/_data/bibliography.yml"
    )
    assert len(bibliography.keys) >= 40


LINKLESS = GOOD.replace("  url: https://www.nice.org.uk/guidance/ng59\n", "")


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        (LINKLESS, "10:1", "entry 'nice-ng59' has no doi, pmid or url"),
        (
            GOOD.replace("  doi: 10.1002/14651858.CD009790.pub2\n", ""),
            "1:1",
            "entry 'hayden-2021' has no doi, pmid or url",
        ),
        (
            LINKLESS + "  pmid: PMC123\n",
            "17:9",
            "'pmid' 'PMC123' is not valid: write the PubMed number only",
        ),
        (LINKLESS + "  pmid: '0123'\n", "17:9", "'pmid' '0123' is not valid"),
        (
            LINKLESS + "  pmid: 25236443\n  figures: 12\n",
            "18:12",
            "'figures' must be a mapping of fields, not a number",
        ),
        (
            LINKLESS + "  pmid: 25236443\n  figures: {Trials: [3]}\n",
            "18:13",
            "figure unit 'Trials' is not valid: use a lowercase word",
        ),
        (
            LINKLESS + "  pmid: 25236443\n  figures: {trials: [x]}\n",
            "18:22",
            "item 1 of 'trials' must be a number, not text",
        ),
    ],
    ids=["no link", "doi removed", "pmc id", "leading zero", "figures scalar", "unit case", "nan"],
)
def test_every_entry_must_be_reachable_and_figures_well_formed(
    text: str, position: str, message: str
) -> None:
    found = problems(text)
    assert any(p.startswith(f"bib.yml:{position}: ") and message in p for p in found), found


@pytest.mark.parametrize(
    ("figures", "kept"),
    [
        ("{people: 70}", ("70",)),
        ("{people: [70, 1274]}", ("70", "1274")),
        ("{people: ['1,274']}", ("1,274",)),
        ("{'mean difference': [0.5]}", ("0.5",)),
    ],
    ids=["lone number", "list", "thousands separator", "two-word unit"],
)
def test_figures_may_be_one_number_or_a_list(figures: str, kept: tuple[str, ...]) -> None:
    text = LINKLESS + f"  pmid: 1\n  figures: {figures}\n"
    entry = parse_bibliography(text, display="bib.yml").entries["nice-ng59"]
    assert next(iter(entry.figures))[1] == kept


@pytest.mark.parametrize(
    ("fields", "link"),
    [
        ("  doi: 10.1000/x\n  pmid: 5\n  url: https://u.example/\n", "https://doi.org/10.1000/x"),
        ("  pmid: 5\n  url: https://u.example/\n", "https://pubmed.ncbi.nlm.nih.gov/5/"),
        ("  url: https://u.example/\n", "https://u.example/"),
    ],
)
def test_link_prefers_doi_then_pubmed_then_url(fields: str, link: str) -> None:
    text = "a-2020:\n  type: web\n  authors: A\n  title: T\n  container: C\n  year: 2020\n"
    assert parse_bibliography(text + fields, display="bib.yml").entries["a-2020"].link == link


def test_figures_are_kept_by_unit() -> None:
    text = LINKLESS + "  pmid: 1\n  figures: {trials: [249], points: [15, 7]}\n"
    entry = parse_bibliography(text, display="bib.yml").entries["nice-ng59"]
    assert entry.figures_for("points") == ("15", "7")
    assert entry.figures_for("people") is None


def test_every_real_entry_has_a_link() -> None:
    root = Path(__file__).resolve().parents[2]
    bibliography = load_bibliography(
        root / "content/_data/bibliography.yml", display="content/_data/bibliography.yml"
    )
    assert [key for key, entry in bibliography.entries.items() if entry.link is None] == []
    for key in ("michaelson-2016", "sherman-2011", "nice-ng41", "nhs-aaa", "samaritans"):
        assert key in bibliography
