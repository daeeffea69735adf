"""The single bibliography: load ``content/_data/bibliography.yml`` and check every entry.

Pages and guide outcomes cite entries by key, so a key that is malformed or an entry that
is missing its title would surface as a broken reference on a health page. Every problem is
collected with its position and raised together.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from botb.diagnostics import Diagnostic, DiagnosticError, Location, read_source
from botb.shapes import (
    SOURCE_KEY,
    Choice,
    Field,
    Integer,
    ListOf,
    MapOf,
    Number,
    Pattern,
    Record,
    Text,
    as_text,
    validate,
)
from botb.yamlsource import PosDict, load_yaml

ENTRY_TYPES = ("guideline", "systematic-review", "trial", "study", "report", "web")
OPTIONAL_FIELDS = ("volume", "issue", "pages", "doi", "pmid", "url", "note")
# A reader must be able to reach every source: at least one of these is required.
LINK_FIELDS = ("doi", "pmid", "url")
# A source older than the printing press or from the future is a typo, not a citation.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2100

ENTRY = Record(
    name="entry",
    description="One source, cited by its key from pages and guide outcomes.",
    fields=(
        Field("type", Choice(ENTRY_TYPES), "What kind of source it is.", required=True),
        Field("authors", Text(), "Authors as cited, e.g. 'Hayden JA, et al.'", required=True),
        Field("title", Text(), "The source's own title.", required=True),
        Field("container", Text(), "Journal, publisher or site.", required=True),
        Field("year", Integer(EARLIEST_YEAR, LATEST_YEAR), "Year published.", required=True),
        Field("volume", Text(numbers=True), "Journal volume."),
        Field("issue", Text(numbers=True), "Journal issue."),
        Field("pages", Text(numbers=True), "Pages or article number."),
        Field(
            "doi",
            Pattern(r"^10\.\d{4,9}/\S+$", "write the DOI bare, like 10.1136/bmj.f7095"),
            "DOI, without https://doi.org/.",
        ),
        Field(
            "pmid",
            Pattern(r"^[1-9][0-9]{0,8}$", "write the PubMed number only", numbers=True),
            "PubMed id.",
        ),
        Field("url", Pattern(r"^https?://\S+$", "start the address with https://"), "Web address."),
        Field("note", Text(), "A short note shown with the reference."),
        Field(
            "figures",
            # A unit word ("trials", "people") and the numbers a page may quote before it; a
            # page that cites the source with another number before that unit is caught by
            # the content checks.
            MapOf(
                key=Pattern(r"^[a-z]+(?: [a-z]+)?$", "use a lowercase word, e.g. trials"),
                value=ListOf(Number(), min_items=1, single=True),
                key_name="figure unit",
            ),
            "Key figures a page may quote from the source, by unit word.",
        ),
    ),
)

TYPE_LABELS = {
    "guideline": "Guideline",
    "systematic-review": "Systematic review",
    "trial": "Randomised trial",
    "study": "Study",
    "report": "Report",
    "web": "Web page",
}


@dataclass(frozen=True)
class Entry:
    key: str
    location: Location
    type: str
    authors: str
    title: str
    container: str
    year: int
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    note: str | None = None
    figures: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def figures_for(self, unit: str) -> tuple[str, ...] | None:
        for name, values in self.figures:
            if name == unit:
                return values
        return None

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def link(self) -> str | None:
        """Where a reader can find the source: the DOI resolver first, else the URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


@dataclass(frozen=True)
class Bibliography:
    entries: dict[str, Entry]
    keys: frozenset[str]

    def __contains__(self, key: object) -> bool:
        return key in self.keys


def load_bibliography(path: Path, *, display: str) -> Bibliography:
    """Read and check the bibliography; raise ``DiagnosticError`` listing every problem.

    ``display`` is the path shown in messages (relative to the project for editors).
    """
    try:
        text = read_source(path, display=display)
    except OSError as error:
        raise DiagnosticError(
            [Diagnostic(Location(display), f"cannot read the bibliography: {error.strerror}")]
        ) from None
    return parse_bibliography(text, display=display)


def parse_bibliography(text: str, *, display: str) -> Bibliography:
    data = load_yaml(text, path=display)
    if data is None:
        raise DiagnosticError([Diagnostic(Location(display), "the bibliography is empty")])
    if not isinstance(data, PosDict):
        raise DiagnosticError(
            [Diagnostic(Location(display), "the bibliography must be a mapping of key: entry")]
        )
    problems: list[Diagnostic] = []
    entries: dict[str, Entry] = {}
    for key, raw in data.items():
        found = _entry_problems(key, raw, data=data)
        problems += found
        if not found:
            entries[key] = _entry(key, raw, where=data.key_at(key))
    if problems:
        raise DiagnosticError(problems)
    return Bibliography(entries=entries, keys=frozenset(entries))


def _entry_problems(key: Any, raw: Any, *, data: PosDict) -> list[Diagnostic]:
    key_at = partial(data.key_at, key)
    problems = []
    if not isinstance(key, str) or not SOURCE_KEY.compiled.match(key):
        problems.append(Diagnostic(key_at(), f"source key {key!r} is not valid: {SOURCE_KEY.rule}"))
    name = f"entry {key!r}"
    problems += validate(raw, ENTRY, name=name, at=partial(data.value_at, key), owner=key_at)
    if isinstance(raw, PosDict) and not any(field in raw for field in LINK_FIELDS):
        problems.append(
            Diagnostic(
                key_at(),
                f"{name} has no doi, pmid or url: a reader must be able to reach every source",
            )
        )
    return problems


def _entry(key: str, raw: PosDict, *, where: Location) -> Entry:
    """An entry that passed ``ENTRY``."""
    figures = raw.get("figures") or {}
    return Entry(
        key=key,
        location=where,
        type=raw["type"],
        authors=raw["authors"].strip(),
        title=raw["title"].strip(),
        container=raw["container"].strip(),
        year=raw["year"],
        figures=tuple(
            (unit, tuple(str(n) for n in (numbers if isinstance(numbers, list) else [numbers])))
            for unit, numbers in figures.items()
        ),
        **{field: as_text(raw[field]) for field in OPTIONAL_FIELDS if field in raw},
    )
