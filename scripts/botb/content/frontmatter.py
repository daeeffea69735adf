"""Front matter of content pages: split it from the Markdown and check the contract.

Which keys a page must carry depends on what kind of page it is; that is data
(``PAGE_KINDS``), matched on the docs-relative path, so adding a section is one table row.
Every problem is reported with file:line:column; a review that has gone stale is a warning
returned separately, so the adapter can log it and strict builds fail on it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Collection
from dataclasses import dataclass, field

from botb.content.facts import ApproachFacts, FactWords, check_facts
from botb.diagnostics import Diagnostic, DiagnosticError, Location, did_you_mean
from botb.shapes import (
    SOURCE_KEY,
    Choice,
    Date,
    Delegated,
    Either,
    Field,
    ListOf,
    Record,
    Text,
    as_date,
    field_problems,
)
from botb.yamlsource import PosDict, PosList, load_yaml, location_of

EVIDENCE_GRADES = ("high", "moderate", "low", "very-low", "none")
DESCRIPTION_MIN = 50
DESCRIPTION_MAX = 160
MIN_SOURCES = 2
REVIEW_YEARS = 3
CLINICAL_PENDING = "pending"
# Keys Material for MkDocs reads itself; a page may set them without our checks objecting.
MATERIAL_KEYS = ("hide", "search", "robots", "template", "icon", "status", "subtitle")
FENCES = ("---", "...")

SIGN_OFF = Record(
    name="clinical_review",
    description="A clinician's sign-off of the page.",
    fields=(
        Field("name", Text(), "Who signed the page off.", required=True),
        Field("role", Text(), "Their role, e.g. physiotherapist.", required=True),
        Field("date", Date(), "When, YYYY-MM-DD.", required=True),
    ),
)
EXTRA_GRADE = Record(
    name="evidence_more row",
    description="A second graded option on one page (e.g. spinal manipulation beside massage).",
    fields=(
        Field("name", Text(), "The option's name.", required=True),
        Field("what", Text(), "What it is, in a few words.", required=True),
        Field("grade", Choice(EVIDENCE_GRADES), "How sure the evidence is.", required=True),
        Field("for", Text(), "The comparison, outcome and time frame.", required=True),
        Field("anchor", Text(), "The heading id on the page that covers it.", required=True),
        Field("direction", Text(), "Direction of effect, a word from facts.yml."),
    ),
)
# Which of these a page must carry depends on its kind (``PAGE_KINDS``), so only the keys
# every page needs are required here.
FRONT_MATTER = Record(
    name="front matter",
    description="The YAML block at the top of a content page.",
    fields=(
        Field("title", Text(), "The page title.", required=True),
        Field("description", Text(), "One sentence: the search-result snippet.", required=True),
        Field("reviewed", Date(), "When the page was last checked against its sources."),
        Field(
            "clinical_review",
            Either(
                Choice((CLINICAL_PENDING,)),
                SIGN_OFF,
                rule=f"'{CLINICAL_PENDING}' or a mapping of name, role and date",
            ),
            "Whether a clinician has signed the page off.",
            required=True,
        ),
        Field("sources", ListOf(SOURCE_KEY), "Bibliography keys the page cites."),
        Field("evidence", Choice(EVIDENCE_GRADES), "How sure the evidence is (approaches)."),
        Field("evidence_for", Text(), "What the grade is about (approaches)."),
        Field("evidence_more", ListOf(EXTRA_GRADE), "Further graded options on the page."),
        Field("facts", Delegated("botb.content.facts"), "The approach's facts (facts.yml)."),
        Field("tags", ListOf(Text()), "Topic tags (Material reads them too)."),
    ),
    open_keys=MATERIAL_KEYS,
)


@dataclass(frozen=True)
class PageKind:
    """What a page must declare. ``patterns`` are fnmatch patterns on docs-relative paths."""

    name: str
    patterns: tuple[str, ...]
    article: bool  # needs reviewed, >= 2 sources and tags
    approach: bool  # needs an evidence grade (and only these pages may have one)

    def matches(self, path: str) -> bool:
        return any(fnmatch.fnmatchcase(path, pattern) for pattern in self.patterns)


# First match wins, so the specific rows come before the general ones.
PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("comparison", ("approaches/index.md",), article=False, approach=False),
    PageKind("approach", ("approaches/*.md",), article=True, approach=True),
    PageKind(
        "article",
        (
            "understanding/*.md",
            "start-here.md",
            "urgent-help.md",
            "riders-experiences.md",
            "working-with-your-physio.md",
        ),
        article=True,
        approach=False,
    ),
    PageKind("page", ("*",), article=False, approach=False),
)


def page_kind(path: str) -> PageKind:
    for kind in PAGE_KINDS:
        if kind.matches(path):
            return kind
    return PAGE_KINDS[-1]  # pragma: no cover - the last row matches everything


@dataclass(frozen=True)
class SplitPage:
    """A Markdown file cut into its front matter text and body, with line numbers kept."""

    front_matter: str | None
    front_matter_line: int  # 1-based line of the first YAML line
    body: str
    body_line: int  # 1-based line where the body starts
    closed: bool = True


def split_front_matter(text: str) -> SplitPage:
    """Cut ``---``-fenced YAML off the top of a page; a page without it is all body."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return SplitPage(None, 1, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in FENCES:
            return SplitPage(
                front_matter="".join(lines[1:index]),
                front_matter_line=2,
                body="".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    # An opening fence that never closes: MkDocs would show it as text, so call it out.
    return SplitPage("".join(lines[1:]), 2, "", len(lines) + 1, closed=False)


@dataclass(frozen=True)
class ClinicalReview:
    """A clinician's sign-off; a page whose sign-off is still pending carries none."""

    name: str
    role: str
    date: dt.date


@dataclass(frozen=True)
class ExtraGrade:
    """A second graded row on one page (e.g. spinal manipulation beside massage)."""

    name: str
    what: str
    grade: str
    evidence_for: str
    anchor: str
    direction: str = ""  # a facts.yml direction; "" only when the vocabulary is unavailable


@dataclass(frozen=True)
class PageMeta:
    """The checked front matter of one page."""

    path: str  # docs-relative, posix
    kind: PageKind
    title: str
    description: str
    reviewed: dt.date | None = None
    clinical_review: ClinicalReview | None = None  # None: sign-off pending
    sources: tuple[str, ...] = ()
    evidence: str | None = None
    evidence_for: str | None = None
    evidence_more: tuple[ExtraGrade, ...] = ()
    facts: ApproachFacts | None = None
    tags: tuple[str, ...] = ()
    body: str = ""
    body_line: int = 1


@dataclass(frozen=True)
class CheckResult:
    meta: PageMeta | None
    problems: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


def check_page(
    text: str,
    *,
    path: str,
    display: str,
    bibliography_keys: Collection[str] | None,
    today: dt.date,
    words: FactWords | None = None,
) -> CheckResult:
    """Check one page's front matter against the contract for its kind.

    ``bibliography_keys`` None means the bibliography itself is broken: source keys are then
    not resolved, so one bad bibliography entry does not flood every page with errors.
    ``words`` (facts.yml) None likewise skips the approach facts, whose problem is reported
    once, at facts.yml.
    """
    split = split_front_matter(text)
    kind = page_kind(path)
    top = Location(display, 1, 1)
    if split.front_matter is None:
        return CheckResult(None, [Diagnostic(top, "missing front matter (--- title ... ---)")])
    if not split.closed:
        return CheckResult(None, [Diagnostic(top, "front matter is not closed with ---")])
    try:
        data = load_yaml(split.front_matter, path=display, line_offset=split.front_matter_line - 1)
    except DiagnosticError as error:
        return CheckResult(None, list(error.diagnostics))
    if data is None:
        data = PosDict(Location(display, split.front_matter_line, 1))
    if not isinstance(data, PosDict):
        where = location_of(data, Location(display, split.front_matter_line, 1))
        message = "front matter must be a mapping of key: value"
        return CheckResult(None, [Diagnostic(where, message)])
    checker = _Checker(
        data=data, kind=kind, display=display, keys=bibliography_keys, today=today, words=words
    )
    meta = checker.run(path=path, body=split.body, body_line=split.body_line)
    return CheckResult(meta, checker.problems, checker.warnings)


class _Checker:
    def __init__(
        self,
        *,
        data: PosDict,
        kind: PageKind,
        display: str,
        keys: Collection[str] | None,
        today: dt.date,
        words: FactWords | None = None,
    ) -> None:
        self.words = words
        self.data = data
        self.kind = kind
        self.display = display
        self.keys = keys
        self.today = today
        self.problems: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        self.fields_ok: set[str] = set()

    def error(self, location: Location, message: str) -> None:
        self.problems.append(Diagnostic(location, message))

    def missing(self, key: str, why: str) -> None:
        self.error(
            self.data.location, f"the front matter is missing required field {key!r} ({why})"
        )

    def sound(self, key: str) -> bool:
        """The key is present and its value passed ``FRONT_MATTER``."""
        return key in self.data and key in self.fields_ok

    def run(self, *, path: str, body: str, body_line: int) -> PageMeta | None:
        by_field = field_problems(
            self.data, FRONT_MATTER, name="the front matter", owner=lambda: self.data.location
        )
        for found in by_field.values():
            self.problems += found
        self.fields_ok = {key for key, found in by_field.items() if key and not found}
        title = self.text("title")
        description = self.description()
        reviewed = self.reviewed()
        clinical_review = self.clinical_review()
        sources = self.sources()
        evidence = self.evidence()
        evidence_for = self.evidence_for(evidence)
        evidence_more = self.evidence_more()
        facts = self.facts()
        tags = self.tags()
        if self.problems or title is None or description is None:
            return None
        return PageMeta(
            path=path,
            kind=self.kind,
            title=title,
            description=description,
            reviewed=reviewed,
            clinical_review=clinical_review,
            sources=sources,
            evidence=evidence,
            evidence_for=evidence_for,
            evidence_more=evidence_more,
            facts=facts,
            tags=tags,
            body=body,
            body_line=body_line,
        )

    def text(self, key: str) -> str | None:
        return str(self.data[key]).strip() if self.sound(key) else None

    def description(self) -> str | None:
        value = self.text("description")
        if value is None:
            return None
        if not DESCRIPTION_MIN <= len(value) <= DESCRIPTION_MAX:
            self.error(
                self.data.value_at("description"),
                f"description is {len(value)} characters; write one sentence of "
                f"{DESCRIPTION_MIN}-{DESCRIPTION_MAX} (it is the search-result snippet)",
            )
            return None
        return value

    def reviewed(self) -> dt.date | None:
        if "reviewed" not in self.data and self.kind.article:
            self.missing("reviewed", f"{self.kind.name} pages need a review date, YYYY-MM-DD")
        if not self.sound("reviewed"):
            return None
        value = as_date(self.data["reviewed"])
        where = self.data.value_at("reviewed")
        if value > self.today:
            self.error(where, f"'reviewed' {value.isoformat()} is in the future")
            return None
        if value < _years_before(self.today, REVIEW_YEARS):
            self.warnings.append(
                Diagnostic(
                    where,
                    f"review is stale: last reviewed {value.isoformat()}, more than "
                    f"{REVIEW_YEARS} years ago; check the page and update 'reviewed'",
                )
            )
        return value

    def clinical_review(self) -> ClinicalReview | None:
        # Required on every page (by the shape), so no page can look clinically checked by
        # default; 'pending' carries no sign-off.
        if not self.sound("clinical_review") or self.data["clinical_review"] == CLINICAL_PENDING:
            return None
        value: PosDict = self.data["clinical_review"]
        day = as_date(value["date"])
        if day > self.today:
            self.error(value.value_at("date"), f"clinical_review date {day} is in the future")
            return None
        return ClinicalReview(name=value["name"].strip(), role=value["role"].strip(), date=day)

    def evidence_for(self, evidence: str | None) -> str | None:
        if "evidence_for" not in self.data:
            if evidence is not None and evidence != "none":
                self.missing(
                    "evidence_for",
                    "a grade says what it is about: the comparison, outcome and time frame",
                )
            return None
        if not self.kind.approach:
            self.error(
                self.data.key_at("evidence_for"), "'evidence_for' is only for approach pages"
            )
            return None
        return self.text("evidence_for")

    def evidence_more(self) -> tuple[ExtraGrade, ...]:
        if "evidence_more" not in self.data:
            return ()
        if not self.kind.approach and self.kind.name != "comparison":
            self.error(self.data.key_at("evidence_more"), "'evidence_more' is only for approaches")
            return ()
        if not self.sound("evidence_more"):
            return ()
        return tuple(
            ExtraGrade(
                name=item["name"].strip(),
                what=item["what"].strip(),
                grade=item["grade"],
                evidence_for=item["for"].strip(),
                anchor=item["anchor"].strip(),
                direction=self.direction(item),
            )
            for item in self.data["evidence_more"]
        )

    def facts(self) -> ApproachFacts | None:
        given = "facts" in self.data
        # The compare page carries the facts of its own graded row (exercise in general).
        if not self.kind.approach and not (given and "evidence_more" in self.data):
            if given:
                self.error(
                    self.data.key_at("facts"), "'facts' is only for pages with a graded option"
                )
            return None
        if self.words is None:
            return None
        if not given:
            self.missing(
                "facts",
                "approach pages state what the evidence says, the effect, time, cost, place "
                "and downsides as data; see content/_data/facts.yml",
            )
            return None
        return check_facts(
            self.data["facts"],
            where=self.data.value_at("facts"),
            words=self.words,
            source_keys=self.keys,
            report=self.error,
        )

    def direction(self, item: PosDict) -> str:
        """A second graded row's own direction of effect (its facts are the page's)."""
        if self.words is None:
            return ""
        known = self.words.words["direction"]
        value = item.get("direction")
        if isinstance(value, str) and value in known:
            return value
        where = item.value_at("direction") if "direction" in item else item.location
        self.error(where, f"each 'evidence_more' row needs a direction: one of {', '.join(known)}")
        return ""

    def sources(self) -> tuple[str, ...]:
        if "sources" not in self.data and self.kind.article:
            self.missing("sources", f"{self.kind.name} pages cite at least {MIN_SOURCES}")
        if not self.sound("sources"):
            return ()
        items: PosList = self.data["sources"]
        seen: dict[str, Location] = {}
        for index, key in enumerate(items):
            where = items.item_at(index)
            if key in seen:
                first = seen[key].line
                self.error(where, f"source {key!r} is listed twice (first at line {first})")
                continue
            seen[key] = where
            if self.keys is not None and key not in self.keys:
                hint = did_you_mean(key, self.keys)
                self.error(where, f"unknown source {key!r}: not in the bibliography{hint}")
        if self.kind.article and len(seen) < MIN_SOURCES:
            self.error(
                self.data.value_at("sources"),
                f"{self.kind.name} pages need at least {MIN_SOURCES} sources, found {len(seen)}",
            )
        return tuple(seen)

    def evidence(self) -> str | None:
        if not self.kind.approach:
            if "evidence" in self.data:
                self.error(
                    self.data.key_at("evidence"),
                    "'evidence' is only for approach pages (approaches/*.md); remove it here",
                )
            return None
        if "evidence" not in self.data:
            self.missing("evidence", f"approach pages grade it: {' | '.join(EVIDENCE_GRADES)}")
        return str(self.data["evidence"]) if self.sound("evidence") else None

    def tags(self) -> tuple[str, ...]:
        if "tags" not in self.data and self.kind.article:
            self.missing("tags", f"{self.kind.name} pages list a few topic tags")
        if not self.sound("tags"):
            return ()
        return tuple(tag.strip() for tag in self.data["tags"])


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)
