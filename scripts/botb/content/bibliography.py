"""The single bibliography: load ``content/_data/bibliography.yml`` and check every entry.

Pages and guide outcomes cite entries by key, so a key that is malformed or an entry that
is missing its title would surface as a broken reference on a health page. Every problem is
collected with its position and raised together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botb.diagnostics import Diagnostic, DiagnosticError, Location, read_source
from botb.yamlsource import PosDict, load_yaml

ENTRY_TYPES = ("guideline", "systematic-review", "trial", "study", "report", "web")
REQUIRED_FIELDS = ("type", "authors", "title", "container", "year")
OPTIONAL_FIELDS = ("volume", "issue", "pages", "doi", "pmid", "url", "note")
# A reader must be able to reach every source: at least one of these is required.
LINK_FIELDS = ("doi", "pmid", "url")
PMID_PATTERN = re.compile(r"^[1-9][0-9]{0,8}$")
# Key figures a page may quote from a source, by unit word ("trials": [249]); a page that
# cites the source with another number before that unit is caught by the content checks.
FIGURE_UNIT = re.compile(r"^[a-z]+(?: [a-z]+)?$")
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
# A source older than the printing press or from the future is a typo, not a citation.
EARLIEST_YEAR = 1800
LATEST_YEAR = 2100

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
        entry = _check_entry(key, raw, data=data, problems=problems)
        if entry is not None:
            entries[entry.key] = entry
    if problems:
        raise DiagnosticError(problems)
    return Bibliography(entries=entries, keys=frozenset(entries))


def _check_entry(key: Any, raw: Any, *, data: PosDict, problems: list[Diagnostic]) -> Entry | None:
    key_location = data.key_at(key)
    before = len(problems)
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        problems.append(
            Diagnostic(
                key_location,
                f"bad key {key!r}: use lowercase letters, digits and single hyphens, "
                "e.g. hayden-2021",
            )
        )
    if not isinstance(raw, PosDict):
        problems.append(
            Diagnostic(data.value_at(key), f"entry {key!r} must be a mapping of fields")
        )
        return None
    for field in raw:
        if field not in REQUIRED_FIELDS and field not in OPTIONAL_FIELDS and field != "figures":
            allowed = ", ".join((*REQUIRED_FIELDS, *OPTIONAL_FIELDS, "figures"))
            problems.append(
                Diagnostic(raw.key_at(field), f"unknown field {field!r} (allowed: {allowed})")
            )
    for field in REQUIRED_FIELDS:
        if field not in raw:
            problems.append(Diagnostic(raw.location, f"entry {key!r} is missing {field!r}"))
    values = {
        field: _text(raw, field, problems=problems) for field in REQUIRED_FIELDS if field != "year"
    }
    optional = {field: _text(raw, field, problems=problems) for field in OPTIONAL_FIELDS}
    entry_type = values["type"]
    if entry_type is not None and entry_type not in ENTRY_TYPES:
        problems.append(
            Diagnostic(
                raw.value_at("type"),
                f"unknown type {entry_type!r} (use one of: {', '.join(ENTRY_TYPES)})",
            )
        )
    year = _year(raw, problems=problems)
    doi = optional["doi"]
    if doi is not None and not DOI_PATTERN.match(doi):
        problems.append(
            Diagnostic(
                raw.value_at("doi"), f"bad DOI {doi!r}: write it bare, like 10.1136/bmj.f7095"
            )
        )
    url = optional["url"]
    if url is not None and not url.startswith(("https://", "http://")):
        problems.append(
            Diagnostic(raw.value_at("url"), f"bad URL {url!r}: must start with https://")
        )
    pmid = optional["pmid"]
    if pmid is not None and not PMID_PATTERN.match(pmid):
        problems.append(
            Diagnostic(raw.value_at("pmid"), f"bad PMID {pmid!r}: write the number only")
        )
    if not any(field in raw for field in LINK_FIELDS):
        problems.append(
            Diagnostic(
                raw.location,
                f"entry {key!r} has no doi, pmid or url: a reader must be able to reach "
                "every source",
            )
        )
    figures = _figures(raw, problems=problems)
    if len(problems) != before or year is None:
        return None
    return Entry(
        key=key,
        location=key_location,
        type=str(entry_type),
        authors=str(values["authors"]),
        title=str(values["title"]),
        container=str(values["container"]),
        year=year,
        figures=figures,
        **optional,
    )


def _text(raw: PosDict, field: str, *, problems: list[Diagnostic]) -> str | None:
    """A field as text; numbers are accepted for volume/issue/pages, which YAML reads as int."""
    if field not in raw:
        return None
    value = raw[field]
    if isinstance(value, bool) or value is None:
        problems.append(Diagnostic(raw.value_at(field), f"{field!r} must be text"))
        return None
    if isinstance(value, int) and field in ("volume", "issue", "pages", "pmid"):
        return str(value)
    if not isinstance(value, str):
        problems.append(Diagnostic(raw.value_at(field), f"{field!r} must be text"))
        return None
    if not value.strip():
        problems.append(Diagnostic(raw.value_at(field), f"{field!r} must not be empty"))
        return None
    return value.strip()


def _year(raw: PosDict, *, problems: list[Diagnostic]) -> int | None:
    if "year" not in raw:
        return None
    value = raw["year"]
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(Diagnostic(raw.value_at("year"), f"year must be a number, got {value!r}"))
        return None
    if not EARLIEST_YEAR <= value <= LATEST_YEAR:
        problems.append(Diagnostic(raw.value_at("year"), f"year {value} is not plausible"))
        return None
    return value


def _figures(
    raw: PosDict, *, problems: list[Diagnostic]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if "figures" not in raw:
        return ()
    value = raw["figures"]
    where = raw.value_at("figures")
    if not isinstance(value, PosDict):
        problems.append(Diagnostic(where, "'figures' must map a unit word to its numbers"))
        return ()
    figures: list[tuple[str, tuple[str, ...]]] = []
    for unit, numbers in value.items():
        if not isinstance(unit, str) or not FIGURE_UNIT.match(unit):
            problems.append(
                Diagnostic(value.key_at(unit), f"figure unit {unit!r} must be a lowercase word")
            )
            continue
        items = numbers if isinstance(numbers, list) else [numbers]
        texts = [str(item) for item in items if _is_number(item)]
        if not texts or len(texts) != len(items):
            problems.append(
                Diagnostic(value.value_at(unit), f"figures for {unit!r} must be numbers")
            )
            continue
        figures.append((unit, tuple(texts)))
    return tuple(figures)


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    # Thousands separators are kept as written ("1,274"); pages are compared without them.
    return isinstance(value, str) and re.fullmatch(r"\d[\d,]*(?:\.\d+)?", value) is not None
