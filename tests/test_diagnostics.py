"""botb.diagnostics: the one "did you mean" wording every error message shares."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from botb.diagnostics import did_you_mean


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("lable", ["label", "next", "hint"], " (did you mean 'label'?)"),
        ("tag", ("tags", "title"), " (did you mean 'tags'?)"),
        ("hayden-2012", {"hayden-2021", "laird-2014"}, " (did you mean 'hayden-2021'?)"),
        (
            "approaches/bike-fit.md",
            {"approaches/bike-fitting.md"},
            " (did you mean 'approaches/bike-fitting.md'?)",
        ),
        ("zzz", ["label", "next"], ""),
        ("label", [], ""),
        ("", ["label"], ""),
        # A quote in the suggestion is shown as Python would, so the message stays one line.
        ("it's", ["it's"], ' (did you mean "it\'s"?)'),
    ],
)
def test_did_you_mean(word: str, choices: Iterable[str], expected: str) -> None:
    assert did_you_mean(word, choices) == expected


def test_the_closest_choice_wins_whatever_the_order() -> None:
    choices = ["routine-bike-fit", "routine-bike-fits-and-more", "urgent"]
    assert did_you_mean("routine-bike-fits", choices) == did_you_mean(
        "routine-bike-fits", reversed(choices)
    )
