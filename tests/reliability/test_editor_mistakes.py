"""A catalogue of mistakes editors make in pages, the bibliography and across files.

Each row edits a copy of the real project, runs the real strict build and expects one exact
``file:line:column: message`` line in its output. The guide's own mistakes (YAML syntax,
types, ids, graph and safety rules) are catalogued by the engine in
``tests/guide/test_broken_trees.py``; rows here cover what that does not: front matter,
bibliography, and mistakes that only show when files meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .project import build_in_process, copy_project

GLUTES = "content/understanding/glutes.md"
BIKE_FIT = "content/approaches/bike-fit.md"
BIB = "content/_data/bibliography.yml"
OUTCOMES = "guide/outcomes.yml"


@dataclass(frozen=True)
class Edit:
    path: str
    old: str
    new: str


@dataclass(frozen=True)
class Mistake:
    edits: tuple[Edit, ...]
    path: str  # the file the message must name
    at: str  # text in the edited file whose first line is the expected line
    column: int
    message: str
    renames: tuple[tuple[str, str], ...] = field(default=())


def fm(old: str, new: str, *, path: str = GLUTES) -> tuple[Edit, ...]:
    return (Edit(path, old, new),)


GLUTES_DESCRIPTION = "^description: "  # the whole line

MISTAKES = {
    # --- front matter ---------------------------------------------------------------------
    "fm-tab-indented-line": Mistake(
        fm("\ntags: [", "\n\ttags: ["),
        GLUTES,
        "\ttags:",
        1,
        "YAML syntax: found character '\\t' that cannot start any token",
    ),
    "fm-not-closed": Mistake(
        fm(
            "tags: [glutes, gluteus medius, hips, strength, warm-up]\n---\n",
            "tags: [glutes, gluteus medius, hips, strength, warm-up]\n",
        ),
        GLUTES,
        "---",
        1,
        "front matter is not closed with ---",
    ),
    "fm-missing": Mistake(
        fm("---\ntitle: The glutes\n", "title: The glutes\n"),
        GLUTES,
        "title: The glutes",
        1,
        "missing front matter (--- title ... ---)",
    ),
    "fm-colon-in-unquoted-title": Mistake(
        fm("title: The glutes\n", "title: The glutes: what they do\n"),
        GLUTES,
        "title:",
        18,
        "YAML syntax: mapping values are not allowed here",
    ),
    "fm-misspelt-key": Mistake(
        fm("\ntags: [", "\ntag: ["),
        GLUTES,
        "tag: [",
        1,
        "unknown field 'tag' in the front matter (did you mean 'tags'?)",
    ),
    "fm-duplicate-title": Mistake(
        fm("title: The glutes\n", "title: The glutes\ntitle: Glutes\n"),
        GLUTES,
        "title: Glutes",
        1,
        "duplicate key 'title' (first defined at line 2)",
    ),
    "fm-empty-title": Mistake(
        fm("title: The glutes\n", 'title: ""\n'),
        GLUTES,
        "title:",
        8,
        "'title' must not be empty",
    ),
    "fm-no-title": Mistake(
        fm("title: The glutes\n", ""),
        GLUTES,
        "description:",
        1,
        "the front matter is missing required field 'title'",
    ),
    "fm-description-too-short": Mistake(
        fm(GLUTES_DESCRIPTION, "description: Glutes and back pain!!"),
        GLUTES,
        "description:",
        14,
        "description is 22 characters; write one sentence of 50-160 "
        "(it is the search-result snippet)",
    ),
    "fm-description-too-long": Mistake(
        fm(GLUTES_DESCRIPTION, "description: " + "Glute muscles and riding. " * 7 + "x"),
        GLUTES,
        "description:",
        14,
        "description is 183 characters; write one sentence of 50-160 "
        "(it is the search-result snippet)",
    ),
    "fm-review-date-in-words": Mistake(
        fm("reviewed: 2026-11-27", "reviewed: last November"),
        GLUTES,
        "reviewed:",
        11,
        "'reviewed' 'last November' is not a date like 2026-11-27",
    ),
    "fm-review-date-impossible": Mistake(
        fm("reviewed: 2026-11-27", "reviewed: 2026-02-30"),
        GLUTES,
        "reviewed:",
        11,
        "'2026-02-30' is not a real date: day is out of range for month",
    ),
    "fm-review-date-in-the-future": Mistake(
        fm("reviewed: 2026-11-27", "reviewed: 2099-01-01"),
        GLUTES,
        "reviewed:",
        11,
        "'reviewed' 2099-01-01 is in the future",
    ),
    "fm-review-stale": Mistake(
        fm("reviewed: 2026-11-27", "reviewed: 2020-01-01"),
        GLUTES,
        "reviewed:",
        11,
        "review is stale: last reviewed 2020-01-01, more than 3 years ago; "
        "check the page and update 'reviewed'",
    ),
    "fm-sources-not-a-list": Mistake(
        fm("sources: [sadler-2019, hayden-2021, aasa-2015, nice-ng59,", "sources: hayden-2021 #"),
        GLUTES,
        "sources:",
        10,
        "'sources' must be a list, not text",
    ),
    "fm-source-key-typo": Mistake(
        fm("[sadler-2019, hayden-2021,", "[sadler-2019, hayden-2012,"),
        GLUTES,
        "sources:",
        24,
        "unknown source 'hayden-2012': not in the bibliography (did you mean 'hayden-2021'?)",
    ),
    "fm-source-listed-twice": Mistake(
        fm("[sadler-2019, hayden-2021,", "[sadler-2019, sadler-2019, hayden-2021,"),
        GLUTES,
        "sources:",
        24,
        "source 'sadler-2019' is listed twice (first at line 6)",
    ),
    "fm-evidence-on-an-article": Mistake(
        fm("\ntags: [", "\nevidence: low\ntags: ["),
        GLUTES,
        "evidence:",
        1,
        "'evidence' is only for approach pages (approaches/*.md); remove it here",
    ),
    "fm-evidence-not-a-grade": Mistake(
        fm("evidence: very-low", "evidence: medium", path=BIKE_FIT),
        BIKE_FIT,
        "evidence:",
        11,
        "'evidence' must be one of: high, moderate, low, very-low, none (got 'medium')",
    ),
    # --- bibliography ---------------------------------------------------------------------
    "bib-missing-year": Mistake(
        (Edit(BIB, "  container: NICE\n  year: 2016\n", "  container: NICE\n"),),
        BIB,
        "nice-ng59:\n  type: guideline",
        1,
        "entry 'nice-ng59' is missing required field 'year'",
    ),
    "bib-year-with-letter": Mistake(
        (Edit(BIB, "  year: 2016\n", "  year: 2016a\n"),),
        BIB,
        "  year: 2016a",
        9,
        "'year' must be a whole number, not text",
    ),
    "bib-doi-as-url": Mistake(
        (
            Edit(
                BIB,
                "  doi: 10.1016/S0140-6736(18)30480-X",
                "  doi: https://doi.org/10.1016/S0140-6736(18)30480-X",
            ),
        ),
        BIB,
        "  doi: https://doi.org/",
        8,
        "'doi' 'https://doi.org/10.1016/S0140-6736(18)30480-X' is not valid: "
        "write the DOI bare, like 10.1136/bmj.f7095",
    ),
    "bib-unknown-type": Mistake(
        (Edit(BIB, "  type: guideline\n", "  type: review\n"),),
        BIB,
        "  type: review",
        9,
        "'type' must be one of: guideline, systematic-review, trial, study, report, web "
        "(got 'review')",
    ),
    "bib-key-in-capitals": Mistake(
        (Edit(BIB, "\nnice-ng59:\n", "\nNICE-NG59:\n"),),
        BIB,
        "NICE-NG59:",
        1,
        "source key 'NICE-NG59' is not valid: use a key from content/_data/bibliography.yml: "
        "lowercase letters, digits and single hyphens, starting with a letter, e.g. nice-ng59",
    ),
    "bib-duplicate-key": Mistake(
        (Edit(BIB, "\nnice-ng65:\n", "\nnice-ng59:\n"),),
        BIB,
        "\nnice-ng59:\n  type: guideline\n  authors: National Institute for Health and Care "
        'Excellence (NICE)\n  title: "Spondyloarthritis',
        1,
        "duplicate key 'nice-ng59' (first defined at line {nice-ng59:})",
    ),
    "bib-url-without-scheme": Mistake(
        (
            Edit(
                BIB,
                "  url: https://www.nice.org.uk/guidance/ng59",
                "  url: www.nice.org.uk/guidance/ng59",
            ),
        ),
        BIB,
        "  url: www.nice",
        8,
        "'url' 'www.nice.org.uk/guidance/ng59' is not valid: start the address with https://",
    ),
    "bib-entry-nobody-cites": Mistake(
        (
            Edit(
                BIB,
                "\nnice-ng59:\n",
                "\nsmith-2020:\n  type: study\n  authors: Smith A\n"
                "  title: A study\n  container: A journal\n  year: 2020\n"
                "  doi: 10.1000/smith\n\nnice-ng59:\n",
            ),
        ),
        BIB,
        "smith-2020:",
        1,
        "entry 'smith-2020' is not cited by any page; cite or remove it",
    ),
    # --- across files ---------------------------------------------------------------------
    "cited-key-removed-from-bibliography": Mistake(
        (Edit(BIB, "\naasa-2015:\n", "\naasa-2015a:\n"),),
        GLUTES,
        "sources:",
        37,
        "unknown source 'aasa-2015': not in the bibliography (did you mean 'aasa-2015a'?)",
    ),
    "outcome-source-removed-from-bibliography": Mistake(
        (Edit(BIB, "\nsadler-2019:\n", "\nsadler-2019-removed:\n"),),
        OUTCOMES,
        "sadler-2019",
        0,
        "unknown source 'sadler-2019': not in the bibliography "
        "(did you mean 'sadler-2019-removed'?)",
    ),
    "page-not-utf8": Mistake(
        (Edit(GLUTES, "# The glutes\n", "# The glutes\n\nCaf\udce9 stop.\n"),),
        GLUTES,
        "Caf",
        4,
        "byte 0xE9 is not UTF-8 text (the file was saved in another encoding, or pasted with a "
        "broken character); save it as UTF-8",
    ),
    "references-page-lost-its-marker": Mistake(
        (Edit("content/references.md", "<!-- bibliography -->", ""),),
        "content/references.md",
        "# References",
        1,
        "this page must contain the marker <!-- bibliography --> where the generated section goes",
    ),
    "outcome-links-a-renamed-page": Mistake(
        (),
        OUTCOMES,
        "page: approaches/bike-fit.md",
        15,
        "approach page 'approaches/bike-fit.md' does not exist "
        "(did you mean 'approaches/bike-fitting.md'?)",
        renames=(("content/approaches/bike-fit.md", "content/approaches/bike-fitting.md"),),
    ),
}


def apply(edit: Edit, text: str) -> str:
    """Replace the first ``old``; an ``old`` starting with ^ stands for that whole line."""
    if edit.old.startswith("^"):
        match = re.search(rf"^{re.escape(edit.old[1:])}.*$", text, flags=re.MULTILINE)
        assert match, f"the catalogue is out of date: no line {edit.old!r} in {edit.path}"
        return text[: match.start()] + edit.new + text[match.end() :]
    assert edit.old in text, f"the catalogue is out of date: {edit.old!r} not in {edit.path}"
    return text.replace(edit.old, edit.new, 1)


def line_of(text: str, needle: str) -> int:
    index = text.index(needle) + (1 if needle.startswith("\n") else 0)
    return text.count("\n", 0, index) + 1


def expected_line(project: Path, mistake: Mistake) -> str:
    text = (project / mistake.path).read_bytes().decode("utf-8", "surrogateescape")
    message = mistake.message
    if "{" in message and message.endswith(":})"):
        key = message[message.index("{") + 1 : -2]
        message = message.replace("{" + key + "}", str(line_of(text, "\n" + key)))
    line = line_of(text, mistake.at)
    # Column 0 in the table: wherever ``at`` starts on its line (long flow lists move it).
    column = mistake.column or text.index(mistake.at) - text.rfind("\n", 0, text.index(mistake.at))
    return f"{mistake.path}:{line}:{column}: {message}"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("mistakes") / "project")


@pytest.fixture
def edited(project: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    mistake: Mistake = MISTAKES[request.param]
    touched = {edit.path for edit in mistake.edits} | {old for old, _ in mistake.renames}
    saved = {path: (project / path).read_bytes() for path in touched}
    try:
        for edit in mistake.edits:
            file = project / edit.path
            text = file.read_text(encoding="utf-8")
            file.write_bytes(apply(edit, text).encode("utf-8", "surrogateescape"))
        for old, new in mistake.renames:
            (project / old).rename(project / new)
        yield project
    finally:
        for _, new in mistake.renames:
            (project / new).unlink(missing_ok=True)
        for path, data in saved.items():
            (project / path).write_bytes(data)


@pytest.mark.parametrize("edited", sorted(MISTAKES), indirect=True)
def test_mistake_is_reported_where_it_is(
    edited: Path, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    mistake = MISTAKES[request.node.callspec.params["edited"]]
    outcome = build_in_process(edited, site_dir=tmp_path / "site")
    assert not outcome.ok
    assert expected_line(edited, mistake) in outcome.lines
