"""Approach facts: the vocabulary file and the ``facts:`` front matter, error by error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from botb.content.facts import ApproachFacts, load_fact_words
from botb.content.frontmatter import check_page
from botb.diagnostics import DiagnosticError
from tests.content.samples import DESC, FACT_WORDS, FACTS

TODAY = dt.date(2026, 12, 2)
KEYS = frozenset({"hayden-2021", "laird-2014"})
HEAD = (
    f"---\ntitle: Yoga\ndescription: {DESC}\nreviewed: 2026-11-01\nclinical_review: pending\n"
    "sources: [hayden-2021, laird-2014]\nevidence: low\nevidence_for: pain, 3 months\n"
    "tags: [yoga]\n"
)
FACTS_LINE = HEAD.count("\n") + 1  # the line of "facts:"


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("facts") / "facts.yml"
    path.write_text(FACT_WORDS, encoding="utf-8")
    return load_fact_words(path, display="facts.yml")


def check(words, facts: str, path: str = "approaches/yoga.md"):  # type: ignore[no-untyped-def]
    text = HEAD + facts + "---\n# Yoga\n"
    return check_page(
        text, path=path, display="yoga.md", bibliography_keys=KEYS, today=TODAY, words=words
    )


def test_good_facts_are_read(words) -> None:  # type: ignore[no-untyped-def]
    result = check(words, FACTS)
    assert result.problems == []
    assert result.meta is not None and isinstance(result.meta.facts, ApproachFacts)
    facts = result.meta.facts
    assert (facts.direction, facts.effort, facts.cost, facts.where) == (
        "may-help",
        "medium",
        "medium",
        ("class",),
    )
    assert facts.effect is None and facts.people is None and facts.hands_on is False


EFFECT = (
    "  effect:\n    size: about 1 point\n    compared_with: usual care\n"
    "    time_frame: 3 months\n    source: hayden-2021\n"
)
PEOPLE = (
    "  people:\n    outcome: improved\n    with: 60\n    without: 40\n"
    "    compared_with: usual care\n    time_frame: 3 months\n    source: laird-2014\n"
)


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (
            ("direction: may-help", "direction: works"),
            (1, 14),
            "'direction' must be one of: helps, may-help",
        ),
        (("direction: may-help", "direction: may-hlp"), (1, 14), "did you mean 'may-help'"),
        (
            ("cost: medium", "cost: cheap"),
            (6, 9),
            "'cost' must be one of: free, low, medium, high, varies (got 'cheap')",
        ),
        (
            ("effort: medium", "effort: 3"),
            (5, 11),
            "'effort' must be one of: low, medium, high (got 3)",
        ),
        (
            ("where: [class]", "where: [pool]"),
            (7, 11),
            "item 1 of 'where' must be one of: home, gym, class, clinic, bike (got 'pool')",
        ),
        (("where: [class]", "where: []"), (7, 10), "'where' needs at least 1 item(s)"),
        (
            ("hands_on: false", "hands_on: maybe"),
            (8, 13),
            "'hands_on' must be true or false, not text",
        ),
        (
            ("effect: none", "effect: big"),
            (2, 11),
            "'effect' must be a mapping of size, compared_with, time_frame, source, or 'none'",
        ),
        (("  serious: None known.\n", ""), (1, 3), "'facts' is missing required field 'serious'"),
        (
            ("  try_for: 6 weeks\n", "  try_for: 6 weeks\n  tried_for: 2 weeks\n"),
            (4, 3),
            "unknown field 'tried_for' in 'facts' (did you mean 'try_for'?)",
        ),
        (
            ("  downsides: Sore muscles for a day.", "  downsides: ''"),
            (9, 14),
            "'downsides' must not be empty",
        ),
        (
            ("  effect: none\n", EFFECT.replace("hayden-2021", "hayden-2012")),
            (6, 13),
            "source 'hayden-2012' is not in the bibliography (did you mean 'hayden-2021'?)",
        ),
        (
            ("  effect: none\n", EFFECT.replace("    time_frame: 3 months\n", "")),
            (2, 3),
            "'effect' is missing required field 'time_frame'",
        ),
        (
            ("  effect: none\n", "  effect: none\n" + PEOPLE.replace("with: 60", "with: 160")),
            (5, 11),
            "'with' must be between 0 and 100",
        ),
        (
            ("  effect: none\n", "  effect: none\n" + PEOPLE.replace("    without: 40\n", "")),
            (4, 5),
            "'without' and 'compared_with' go together",
        ),
    ],
)
def test_broken_facts_are_reported_where_they_are(  # type: ignore[no-untyped-def]
    words, change: tuple[str, str], where: tuple[int, int], message: str
) -> None:
    old, new = change
    assert old in FACTS
    result = check(words, FACTS.replace(old, new))
    line, column = where
    expected = f"yoga.md:{FACTS_LINE + line}:{column}: "
    found = [str(p) for p in result.problems]
    assert any(p.startswith(expected) and message in p for p in found), found
    assert result.meta is None


def test_the_build_refuses_an_approach_without_facts(words) -> None:  # type: ignore[no-untyped-def]
    result = check(words, "")
    assert any("missing required field 'facts'" in str(p) for p in result.problems)


def test_articles_may_not_carry_facts(words) -> None:  # type: ignore[no-untyped-def]
    result = check(words, FACTS, path="understanding/glutes.md")
    assert any("'facts' is only for pages with a graded option" in str(p) for p in result.problems)


def test_a_natural_course_has_one_array_and_no_comparison(words) -> None:  # type: ignore[no-untyped-def]
    alone = PEOPLE.replace("    without: 40\n", "").replace("    compared_with: usual care\n", "")
    result = check(words, FACTS.replace("  effect: none\n", "  effect: none\n" + alone))
    assert result.problems == []
    assert result.meta is not None and result.meta.facts is not None
    people = result.meta.facts.people
    assert people is not None and (people.with_, people.without) == (60, None)


@pytest.mark.parametrize(
    ("value", "facts", "fits"),
    [
        ("home", {"where": ("home",)}, True),
        ("home", {"where": ("class",)}, False),
        ("cost", {"cost": "free"}, True),
        ("cost", {"cost": "low"}, True),
        ("cost", {"cost": "medium"}, False),
        ("cost", {"cost": "varies"}, False),
        ("time", {"effort": "low"}, True),
        ("time", {"effort": "high"}, False),
        ("hands-on", {"hands_on": True}, True),
        ("hands-on", {"hands_on": False}, False),
        ("riding", {"where": ("home", "bike")}, True),
        ("riding", {"where": ("clinic",)}, False),
    ],
)
def test_values_fit_options_by_their_facts(  # type: ignore[no-untyped-def]
    words, value: str, facts: dict[str, object], fits: bool
) -> None:
    base = dict(
        direction="may-help",
        effect=None,
        people=None,
        try_for="6 weeks",
        time_per_week="an hour",
        effort="medium",
        cost="medium",
        where=("class",),
        hands_on=False,
        downsides="Sore.",
        serious="None known.",
    )
    option = ApproachFacts(**{**base, **facts})  # type: ignore[arg-type]
    rule = next(v for v in words.values if v.id == value)
    assert option.fits(rule) is fits


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  natural-course:\n", "  natural-courses:\n", "direction needs 'natural-course'"),
        (
            "      fits: {where: [home]}",
            "      fits: {place: [home]}",
            "fact field 'place' is not valid",
        ),
        (
            "      fits: {cost: [free, low]}",
            "      fits: {cost: [nil]}",
            "'nil' is not a cost value",
        ),
        ("  in_short: In short\n", "", "'headings' is missing required field 'in_short'"),
        (
            "\nvalues:\n",
            "\nvalue:\n",
            "unknown field 'value' in facts.yml (did you mean 'values'?)",
        ),
        ("    label: Helps\n", "    label: [Helps]\n", "'label' must be text, not a list"),
    ],
)
def test_a_broken_vocabulary_is_reported(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in FACT_WORDS
    path = tmp_path / "facts.yml"
    path.write_text(FACT_WORDS.replace(old, new), encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_fact_words(path, display="facts.yml")
    found = [str(d) for d in caught.value.diagnostics]
    assert any(message in p and p.startswith("facts.yml:") for p in found), found
