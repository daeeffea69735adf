"""Front matter: splitting keeps line numbers, and every contract breach is pinpointed."""

from __future__ import annotations

import datetime as dt

import pytest

from botb.content.frontmatter import check_page, page_kind, split_front_matter

TODAY = dt.date(2026, 11, 27)
KEYS = frozenset({"hayden-2021", "laird-2014", "nice-ng59"})
DESC = "A plain sentence that is long enough to be a useful meta description."

APPROACH_OK = f"""---
title: Yoga
description: {DESC}
reviewed: 2026-11-01
clinical_review: pending
sources: [hayden-2021, laird-2014]
evidence: low
evidence_for: pain vs minimal care, short term
tags: [yoga]
---
# Yoga
"""
ARTICLE_OK = f"""---
title: SI joint
description: {DESC}
reviewed: 2026-11-01
clinical_review: pending
sources: [hayden-2021, laird-2014]
tags: [si joint]
---
# SI joint
"""
PAGE_OK = f"""---
title: Glossary
description: {DESC}
clinical_review: pending
---
# Glossary
"""


def check(text: str, path: str) -> list[str]:
    result = check_page(
        text, path=path, display=f"content/{path}", bibliography_keys=KEYS, today=TODAY
    )
    return [str(d) for d in result.problems]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("approaches/yoga.md", "approach"),
        ("approaches/index.md", "comparison"),
        ("understanding/si-joint.md", "article"),
        ("start-here.md", "article"),
        ("urgent-help.md", "article"),
        ("riders-experiences.md", "article"),
        ("working-with-your-physio.md", "article"),
        ("index.md", "page"),
        ("glossary.md", "page"),
        ("about/index.md", "page"),
        ("about/privacy.md", "page"),
        ("references.md", "page"),
    ],
)
def test_page_kind_comes_from_the_path_table(path: str, kind: str) -> None:
    assert page_kind(path).name == kind


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (APPROACH_OK, "approaches/yoga.md"),
        (ARTICLE_OK, "understanding/si-joint.md"),
        (ARTICLE_OK, "start-here.md"),
        (PAGE_OK, "glossary.md"),
        (PAGE_OK, "approaches/index.md"),
        (PAGE_OK.replace("---\n#", "hide: [toc]\nsearch: {exclude: true}\n---\n#"), "index.md"),
        (PAGE_OK.replace("---\n#", "sources: [nice-ng59]\n---\n#"), "about/index.md"),
        (ARTICLE_OK.replace("2026-11-01", "'2026-11-01'"), "understanding/si-joint.md"),
        (ARTICLE_OK.replace("2026-11-01", "2026-11-27"), "understanding/si-joint.md"),
    ],
)
def test_valid_front_matter_has_no_problems(text: str, path: str) -> None:
    assert check(text, path) == []


BAD_CASES = [
    # (id, text, path, expected "file:line:col: message" prefix + substring)
    ("no front matter", "# Yoga\n", "approaches/yoga.md", "1:1", "missing front matter"),
    ("unclosed", "---\ntitle: Yoga\n# Yoga\n", "glossary.md", "1:1", "not closed"),
    ("yaml syntax", "---\ntitle: [Yoga\n---\n# Y\n", "glossary.md", "3:1", "YAML syntax"),
    ("not a mapping", "---\n- a\n- b\n---\n", "glossary.md", "2:1", "must be a mapping"),
    (
        "duplicate key",
        PAGE_OK.replace("---\n#", "title: Again\n---\n#"),
        "glossary.md",
        "5:1",
        "duplicate key 'title'",
    ),
    ("missing title", PAGE_OK.replace("title: Glossary\n", ""), "glossary.md", "2:1", "'title'"),
    (
        "empty title",
        PAGE_OK.replace("title: Glossary", "title: ''"),
        "glossary.md",
        "2:8",
        "'title' must not be empty",
    ),
    (
        "missing description",
        PAGE_OK.replace(f"description: {DESC}\n", ""),
        "glossary.md",
        "2:1",
        "the front matter is missing required field 'description'",
    ),
    (
        "short description",
        PAGE_OK.replace(DESC, "Too short."),
        "glossary.md",
        "3:14",
        "description is 10 characters",
    ),
    (
        "long description",
        PAGE_OK.replace(DESC, "x" * 161),
        "glossary.md",
        "3:14",
        "description is 161 characters",
    ),
    (
        "description not text",
        PAGE_OK.replace(DESC, "[a, b]"),
        "glossary.md",
        "3:14",
        "'description' must be text, not a list",
    ),
    (
        "unknown key with hint",
        PAGE_OK.replace("---\n#", "sorces: [hayden-2021]\n---\n#"),
        "glossary.md",
        "5:1",
        "did you mean 'sources'",
    ),
    (
        "unknown key no hint",
        PAGE_OK.replace("---\n#", "zzz: 1\n---\n#"),
        "glossary.md",
        "5:1",
        "unknown field 'zzz' in the front matter (allowed: title, description",
    ),
    (
        "article missing reviewed",
        ARTICLE_OK.replace("reviewed: 2026-11-01\n", ""),
        "understanding/si-joint.md",
        "2:1",
        "missing required field 'reviewed' (article pages need a review date",
    ),
    (
        "reviewed not a date",
        ARTICLE_OK.replace("2026-11-01", "last week"),
        "understanding/si-joint.md",
        "4:11",
        "'reviewed' 'last week' is not a date like 2026-11-27",
    ),
    (
        "reviewed impossible date",
        ARTICLE_OK.replace("2026-11-01", "'2026-02-30'"),
        "understanding/si-joint.md",
        "4:11",
        "'reviewed' '2026-02-30' is not a date like 2026-11-27",
    ),
    (
        "reviewed in future",
        ARTICLE_OK.replace("2026-11-01", "2026-11-28"),
        "understanding/si-joint.md",
        "4:11",
        "is in the future",
    ),
    (
        "article missing sources",
        ARTICLE_OK.replace("sources: [hayden-2021, laird-2014]\n", ""),
        "start-here.md",
        "2:1",
        "missing required field 'sources' (article pages cite at least 2)",
    ),
    (
        "one source",
        ARTICLE_OK.replace("[hayden-2021, laird-2014]", "[hayden-2021]"),
        "urgent-help.md",
        "6:10",
        "at least 2 sources, found 1",
    ),
    (
        "sources not a list",
        ARTICLE_OK.replace("[hayden-2021, laird-2014]", "hayden-2021"),
        "urgent-help.md",
        "6:10",
        "'sources' must be a list",
    ),
    (
        "unknown source with hint",
        ARTICLE_OK.replace("laird-2014]", "laird-2015]"),
        "understanding/si-joint.md",
        "6:24",
        "unknown source 'laird-2015': not in the bibliography (did you mean 'laird-2014'?)",
    ),
    (
        "duplicate source",
        ARTICLE_OK.replace("laird-2014]", "laird-2014, hayden-2021]"),
        "understanding/si-joint.md",
        "6:36",
        "source 'hayden-2021' is listed twice (first at line 6)",
    ),
    (
        "source not text",
        ARTICLE_OK.replace("laird-2014]", "laird-2014, 12]"),
        "understanding/si-joint.md",
        "6:36",
        "item 3 of 'sources' must be text, not a number; use a key from",
    ),
    (
        "approach missing evidence",
        APPROACH_OK.replace("evidence: low\n", ""),
        "approaches/yoga.md",
        "2:1",
        "missing required field 'evidence' (approach pages grade it",
    ),
    (
        "bad evidence grade",
        APPROACH_OK.replace("evidence: low", "evidence: medium"),
        "approaches/yoga.md",
        "7:11",
        "'evidence' must be one of: high, moderate, low, very-low, none (got 'medium')",
    ),
    (
        "evidence on an article",
        ARTICLE_OK.replace("---\n#", "evidence: low\n---\n#"),
        "understanding/si-joint.md",
        "8:1",
        "'evidence' is only for approach pages",
    ),
    (
        "evidence on the compare page",
        PAGE_OK.replace("---\n#", "evidence: low\n---\n#"),
        "approaches/index.md",
        "5:1",
        "'evidence' is only for approach pages",
    ),
    (
        "article missing tags",
        ARTICLE_OK.replace("tags: [si joint]\n", ""),
        "riders-experiences.md",
        "2:1",
        "missing required field 'tags' (article pages list a few topic tags)",
    ),
    (
        "tags not a list",
        ARTICLE_OK.replace("tags: [si joint]", "tags: si joint"),
        "understanding/si-joint.md",
        "7:7",
        "'tags' must be a list",
    ),
    (
        "tag not text",
        ARTICLE_OK.replace("tags: [si joint]", "tags: [si joint, 3]"),
        "understanding/si-joint.md",
        "7:18",
        "item 2 of 'tags' must be text, not a number",
    ),
]


@pytest.mark.parametrize(
    ("text", "path", "position", "message"),
    [case[1:] for case in BAD_CASES],
    ids=[case[0] for case in BAD_CASES],
)
def test_bad_front_matter_is_pinpointed(text: str, path: str, position: str, message: str) -> None:
    problems = check(text, path)
    expected_prefix = f"content/{path}:{position}: "
    matching = [p for p in problems if p.startswith(expected_prefix) and message in p]
    assert matching, f"expected {expected_prefix}...{message!r} in {problems}"


def test_all_problems_are_reported_together() -> None:
    text = "---\ntitle: ''\ndescription: short\nevidence: maybe\nsorces: []\n---\n# X\n"
    problems = check(text, "approaches/yoga.md")
    assert len(problems) >= 7  # title, description, reviewed, sources, evidence, tags, key


@pytest.mark.parametrize(
    ("reviewed", "stale"),
    [
        ("2026-11-27", False),
        ("2023-11-27", False),  # exactly three years is still in date
        ("2023-11-26", True),
        ("2019-01-01", True),
    ],
)
def test_old_reviews_are_warnings_not_errors(reviewed: str, stale: bool) -> None:
    text = ARTICLE_OK.replace("2026-11-01", reviewed)
    result = check_page(
        text,
        path="start-here.md",
        display="content/start-here.md",
        bibliography_keys=KEYS,
        today=TODAY,
    )
    assert result.problems == []
    assert result.meta is not None
    assert [str(w.location) for w in result.warnings] == (["content/start-here.md:4:11"] * stale)


def test_leap_day_review_window() -> None:
    text = ARTICLE_OK.replace("2026-11-01", "2025-02-28")
    result = check_page(
        text, path="start-here.md", display="x", bibliography_keys=KEYS, today=dt.date(2028, 2, 29)
    )
    assert result.warnings == []


def test_unknown_sources_are_not_checked_when_the_bibliography_is_broken() -> None:
    text = ARTICLE_OK.replace("laird-2014]", "nobody-1900]")
    result = check_page(
        text, path="start-here.md", display="x", bibliography_keys=None, today=TODAY
    )
    assert result.problems == []


@pytest.mark.parametrize(
    ("text", "front_line", "body", "body_line"),
    [
        ("---\ntitle: A\n---\n# A\n", 2, "# A\n", 4),
        ("---\ntitle: A\ndescription: B\n...\n\n# A\n", 2, "\n# A\n", 5),
        ("---\r\ntitle: A\r\n---\r\n# A\r\n", 2, "# A\r\n", 4),
        ("# No front matter\n", 1, "# No front matter\n", 1),
        ("", 1, "", 1),
    ],
)
def test_split_keeps_line_numbers(text: str, front_line: int, body: str, body_line: int) -> None:
    split = split_front_matter(text)
    assert split.front_matter_line == front_line
    assert split.body == body
    assert split.body_line == body_line


def test_meta_carries_checked_values() -> None:
    result = check_page(
        APPROACH_OK, path="approaches/yoga.md", display="x", bibliography_keys=KEYS, today=TODAY
    )
    meta = result.meta
    assert meta is not None
    assert (meta.title, meta.evidence, meta.sources, meta.tags) == (
        "Yoga",
        "low",
        ("hayden-2021", "laird-2014"),
        ("yoga",),
    )
    assert meta.reviewed == dt.date(2026, 11, 1)
    assert meta.body.startswith("# Yoga")


REVIEW_CASES = [
    ("missing", "", "2:1", "the front matter is missing required field 'clinical_review'"),
    ("empty", "clinical_review:\n", "4:17", "must be 'pending' or a mapping"),
    ("other word", "clinical_review: done\n", "4:18", "must be 'pending' or a mapping"),
    ("yes", "clinical_review: yes\n", "4:18", "must be 'pending' or a mapping"),
    (
        "no name",
        "clinical_review: {role: Physiotherapist, date: 2026-11-20}\n",
        "4:1",
        "'clinical_review' is missing required field 'name'",
    ),
    (
        "no role",
        "clinical_review: {name: A Person, date: 2026-11-20}\n",
        "4:1",
        "'clinical_review' is missing required field 'role'",
    ),
    ("no date", "clinical_review: {name: A, role: GP}\n", "4:1", "missing required field 'date'"),
    (
        "bad date",
        "clinical_review: {name: A, role: GP, date: soon}\n",
        "4:44",
        "'date' 'soon' is not a date like 2026-11-27",
    ),
    (
        "future date",
        "clinical_review: {name: A, role: GP, date: 2027-01-01}\n",
        "4:44",
        "is in the future",
    ),
    (
        "unknown field",
        "clinical_review: {name: A, role: GP, date: 2026-11-20, by: B}\n",
        "4:56",
        "unknown field 'by' in 'clinical_review' (allowed: name, role, date)",
    ),
]


@pytest.mark.parametrize(
    ("line", "position", "message"),
    [case[1:] for case in REVIEW_CASES],
    ids=[case[0] for case in REVIEW_CASES],
)
@pytest.mark.parametrize(
    ("text", "path"),
    [(PAGE_OK, "glossary.md"), (PAGE_OK, "index.md"), (PAGE_OK, "about/index.md")],
    ids=["glossary", "home", "about"],
)
def test_clinical_review_is_required_and_checked(
    text: str, path: str, line: str, position: str, message: str
) -> None:
    page = text.replace("clinical_review: pending\n", line)
    problems = check(page, path)
    expected = f"content/{path}:{position}: "
    assert any(p.startswith(expected) and message in p for p in problems), problems


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("clinical_review: pending\n", None),
        (
            "clinical_review: {name: Dr A Person, role: GP, date: 2026-11-20}\n",
            ("Dr A Person", "GP", dt.date(2026, 11, 20)),
        ),
        (
            "clinical_review:\n  name: B\n  role: Physiotherapist\n  date: '2026-11-27'\n",
            ("B", "Physiotherapist", dt.date(2026, 11, 27)),
        ),
    ],
)
def test_clinical_review_is_read(line: str, expected: tuple[str, str, dt.date] | None) -> None:
    page = ARTICLE_OK.replace("clinical_review: pending\n", line)
    result = check_page(
        page, path="start-here.md", display="x", bibliography_keys=KEYS, today=TODAY
    )
    assert result.problems == []
    assert result.meta is not None
    review = result.meta.clinical_review
    actual = None if review is None else (review.name, review.role, review.date)
    assert actual == expected


@pytest.mark.parametrize(
    ("change", "position", "message"),
    [
        (
            ("evidence_for: pain vs minimal care, short term\n", ""),
            "2:1",
            "missing required field 'evidence_for'",
        ),
        (
            ("tags: [yoga]\n", "tags: [yoga]\nevidence_more: [x]\n"),
            "10:17",
            "item 1 of 'evidence_more' must be a mapping of fields, not text",
        ),
        (
            ("tags: [yoga]\n", "tags: [yoga]\nevidence_more: [{name: A, grade: low}]\n"),
            "10:17",
            "item 1 of 'evidence_more' is missing required field 'what'",
        ),
        (
            (
                "tags: [yoga]\n",
                "tags: [yoga]\nevidence_more: [{name: A, what: W, grade: good, for: F, "
                "anchor: a}]\n",
            ),
            "10:43",
            "'grade' must be one of: high, moderate, low, very-low, none (got 'good')",
        ),
    ],
    ids=["no comparison", "row not mapping", "row incomplete", "row bad grade"],
)
def test_grades_say_what_they_are_about(
    change: tuple[str, str], position: str, message: str
) -> None:
    problems = check(APPROACH_OK.replace(*change), "approaches/yoga.md")
    expected = f"content/approaches/yoga.md:{position}: "
    assert any(p.startswith(expected) and message in p for p in problems), problems


def test_no_studies_found_needs_no_comparison() -> None:
    page = APPROACH_OK.replace("evidence: low\n", "evidence: none\n").replace(
        "evidence_for: pain vs minimal care, short term\n", ""
    )
    assert check(page, "approaches/yoga.md") == []
