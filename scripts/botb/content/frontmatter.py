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
from botb.yamlsource import PosDict, PosList, load_yaml, location_of

EVIDENCE_GRADES = ("high", "moderate", "low", "very-low", "none")
DESCRIPTION_MIN = 50
DESCRIPTION_MAX = 160
MIN_SOURCES = 2
REVIEW_YEARS = 3
OUR_KEYS = (
    "title",
    "description",
    "reviewed",
    "clinical_review",
    "sources",
    "evidence",
    "evidence_for",
    "evidence_more",
    "facts",
    "tags",
)
CLINICAL_PENDING = "pending"
SIGN_OFF_FIELDS = ("name", "role", "date")
# Keys Material for MkDocs reads itself; a page may set them without our checks objecting.
MATERIAL_KEYS = ("hide", "search", "robots", "template", "icon", "status", "subtitle", "tags")
FENCES = ("---", "...")


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

    def error(self, location: Location, message: str) -> None:
        self.problems.append(Diagnostic(location, message))

    def missing(self, key: str, why: str) -> None:
        self.error(self.data.location, f"missing {key!r} ({why})")

    def run(self, *, path: str, body: str, body_line: int) -> PageMeta | None:
        self.unknown_keys()
        title = self.text("title", required=True)
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

    def unknown_keys(self) -> None:
        known = (*OUR_KEYS, *MATERIAL_KEYS)
        for key in self.data:
            if key in known:
                continue
            hint = did_you_mean(str(key), known)
            self.error(
                self.data.key_at(key),
                f"unknown front matter key {key!r}{hint} (allowed: {', '.join(OUR_KEYS)})",
            )

    def text(self, key: str, *, required: bool) -> str | None:
        if key not in self.data:
            if required:
                self.missing(key, "every page needs one")
            return None
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            self.error(self.data.value_at(key), f"{key!r} must be non-empty text")
            return None
        return value.strip()

    def description(self) -> str | None:
        value = self.text("description", required=True)
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
        if "reviewed" not in self.data:
            if self.kind.article:
                self.missing("reviewed", f"{self.kind.name} pages need a review date, YYYY-MM-DD")
            return None
        value = self.data["reviewed"]
        where = self.data.value_at("reviewed")
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                value = None
        if not isinstance(value, dt.date):
            self.error(where, f"'reviewed' must be a date like 2026-11-27, got {value!r}")
            return None
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
        # Required on every page, so no page can look clinically checked by default.
        if "clinical_review" not in self.data:
            self.missing(
                "clinical_review",
                "every page says whether a clinician has signed it off: 'pending', "
                "or name, role and date",
            )
            return None
        value = self.data["clinical_review"]
        where = self.data.value_at("clinical_review")
        if value == CLINICAL_PENDING:
            return None
        if not isinstance(value, PosDict):
            self.error(
                where,
                f"'clinical_review' must be 'pending' or a mapping of {', '.join(SIGN_OFF_FIELDS)}"
                f", got {value!r}",
            )
            return None
        for field_name in value:
            if field_name not in SIGN_OFF_FIELDS:
                self.error(
                    value.key_at(field_name),
                    f"unknown clinical_review field {field_name!r} "
                    f"(allowed: {', '.join(SIGN_OFF_FIELDS)})",
                )
        texts: dict[str, str] = {}
        for field_name in ("name", "role"):
            text = value.get(field_name)
            if not isinstance(text, str) or not text.strip():
                self.error(value.location, f"clinical_review needs a non-empty {field_name!r}")
                continue
            texts[field_name] = text.strip()
        day = _as_date(value.get("date"))
        if day is None:
            self.error(value.location, "clinical_review needs a 'date' like 2026-11-27")
        elif day > self.today:
            self.error(value.value_at("date"), f"clinical_review date {day} is in the future")
            day = None
        if day is None or len(texts) < 2:
            return None
        return ClinicalReview(name=texts["name"], role=texts["role"], date=day)

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
        return self.text("evidence_for", required=False)

    def evidence_more(self) -> tuple[ExtraGrade, ...]:
        if "evidence_more" not in self.data:
            return ()
        value = self.data["evidence_more"]
        if not self.kind.approach and self.kind.name != "comparison":
            self.error(self.data.key_at("evidence_more"), "'evidence_more' is only for approaches")
            return ()
        if not isinstance(value, PosList):
            self.error(self.data.value_at("evidence_more"), "'evidence_more' must be a list")
            return ()
        rows: list[ExtraGrade] = []
        for index, item in enumerate(value):
            where = value.item_at(index)
            if not isinstance(item, PosDict):
                self.error(where, "each 'evidence_more' row is a mapping: name, what, grade, ...")
                continue
            fields = {key: item.get(key) for key in ("name", "what", "grade", "for", "anchor")}
            if not all(isinstance(text, str) and text.strip() for text in fields.values()):
                self.error(
                    where, "each 'evidence_more' row needs name, what, grade, for and anchor"
                )
                continue
            if fields["grade"] not in EVIDENCE_GRADES:
                self.error(
                    item.value_at("grade"),
                    f"evidence {fields['grade']!r} is not a grade; use one of: "
                    f"{', '.join(EVIDENCE_GRADES)}",
                )
                continue
            rows.append(
                ExtraGrade(
                    name=str(fields["name"]).strip(),
                    what=str(fields["what"]).strip(),
                    grade=str(fields["grade"]),
                    evidence_for=str(fields["for"]).strip(),
                    anchor=str(fields["anchor"]).strip(),
                    direction=self.direction(item),
                )
            )
        return tuple(rows)

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

    def string_list(self, key: str) -> list[tuple[str, Location]] | None:
        value = self.data[key]
        if not isinstance(value, PosList):
            self.error(self.data.value_at(key), f"{key!r} must be a list, e.g. [a, b]")
            return None
        items: list[tuple[str, Location]] = []
        for index, item in enumerate(value):
            where = value.item_at(index)
            if not isinstance(item, str) or not item.strip():
                self.error(where, f"{key!r} items must be non-empty text, got {item!r}")
                continue
            items.append((item.strip(), where))
        return items

    def sources(self) -> tuple[str, ...]:
        if "sources" not in self.data:
            if self.kind.article:
                self.missing("sources", f"{self.kind.name} pages cite at least {MIN_SOURCES}")
            return ()
        items = self.string_list("sources")
        if items is None:
            return ()
        seen: dict[str, Location] = {}
        for key, where in items:
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
            return None
        value = self.data["evidence"]
        if value not in EVIDENCE_GRADES:
            self.error(
                self.data.value_at("evidence"),
                f"evidence {value!r} is not a grade; use one of: {', '.join(EVIDENCE_GRADES)}",
            )
            return None
        return str(value)

    def tags(self) -> tuple[str, ...]:
        if "tags" not in self.data:
            if self.kind.article:
                self.missing("tags", f"{self.kind.name} pages list a few topic tags")
            return ()
        items = self.string_list("tags")
        return tuple(tag for tag, _ in items or [])


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)
