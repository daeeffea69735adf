from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from botb.diagnostics import DiagnosticError
from botb.guide.analysis import analyse
from botb.guide.loader import guide_files, load_guide
from botb.guide.model import Chain, Guide, Option, Question
from botb.guide.paths import Line, path_book_text

from .helpers import build, valid_guide

PROJECT = Path(__file__).resolve().parents[2]


def _book(guide: Guide) -> str:
    analysis = analyse(guide)
    return path_book_text(guide, stats=analysis.stats, paths=analysis.paths())


def test_counts_match_enumeration_on_the_fixture() -> None:
    guide = valid_guide()
    stats = analyse(guide).stats
    paths = analyse(guide).paths()
    assert stats.paths == len(paths) == 30
    assert stats.outcomes == 9
    lengths = sorted(len(p.steps) for p in paths)
    assert stats.max_questions == lengths[-1] == 9
    middle = (lengths[(len(lengths) - 1) // 2] + lengths[len(lengths) // 2]) / 2
    assert stats.median_questions == middle


def test_paths_are_in_option_order() -> None:
    paths = analyse(valid_guide()).paths()
    assert paths[0].outcome.id == "emergency-cauda-equina"
    assert [o.label for _, o in paths[1].steps] == [
        "No, none of these",
        "Yes, and it is getting worse",
    ]


def _chain_of_diamonds(levels: int) -> dict[str, list[str] | str]:
    spec: dict[str, list[str] | str] = {}
    for i in range(levels):
        spec[f"d{i}"] = [f"d{i + 1}", f"d{i + 1}"]
    spec[f"d{levels}"] = "routine"
    return spec


def test_counting_never_enumerates() -> None:
    guide = build(_chain_of_diamonds(80))
    assert analyse(guide).stats.paths == 2**80
    assert analyse(guide).stats.median_questions == 80


def test_cap_fails_with_the_count_and_advice() -> None:
    guide = build(_chain_of_diamonds(13))
    with pytest.raises(DiagnosticError) as caught:
        analyse(guide).paths()
    message = str(caught.value)
    assert "8192 answer paths, more than the path book limit of 5000" in message
    assert "shared sub-trees" in message
    assert len(analyse(guide).paths(cap=10_000)) == 8192


def test_path_book_text_format() -> None:
    text = _book(valid_guide())
    lines = text.splitlines()
    assert lines[0] == "Path book: Test guide for back pain and cycling"
    assert lines[1] == "Guide version 2026.11.1, reviewed 2026-11-27"
    assert lines[2] == "30 paths to 9 outcomes; questions per path: max 9, median 7"
    assert "\nPath 1 of 30\n" in text
    assert (
        "  Since your back pain started, have you had numbness around your bottom or new "
        "bladder trouble? → Yes, one or more of these  [floor emergency, fallback]\n"
        "  Floor: emergency\n"
        "  ⇒ OUTCOME [emergency] Get emergency help now (emergency-cauda-equina)\n"
    ) in text
    # The wording a clinician signs off with the paths: every tier and every sign.
    assert "  [emergency] saddle-numbness: Numbness around your bottom" in text
    assert "  Crisis line (every non-emergency outcome): " in text
    assert text.count("⇒ OUTCOME") == 30
    assert text == _book(valid_guide())  # stable


REAL_GUIDE = PROJECT / "guide"


@pytest.mark.skipif(not guide_files(REAL_GUIDE), reason="guide/ has no tree yet")
def test_committed_path_book_is_up_to_date() -> None:
    guide = load_guide(REAL_GUIDE, root=PROJECT)
    assert guide is not None
    committed = (REAL_GUIDE / "PATHS.txt").read_text(encoding="utf-8")
    assert committed == _book(guide), "run `botb-guide paths --write`"


def _lines_step_by_step(guide: Guide, steps: Sequence[tuple[Question, Option]]) -> list[Line]:
    """Reference for ``AnswerPath.lines``: the path's own steps, read left to right (how the
    path book grouped them before the lines were worked out during the walk)."""
    out: list[Line] = []
    run: list[tuple[Chain, Question, Option]] = []

    def asked(question: Question) -> str:
        chain = question.chain
        if chain is None:
            return question.text
        return f"{chain.question} ({chain.index + 1}/{chain.total}) {question.text}?"

    def flush() -> None:
        out.extend((asked(question), option.label, option) for _, question, option in run)
        run.clear()

    for question, option in steps:
        chain = question.chain
        if run and (chain is None or chain.group != run[0][0].group):
            flush()
        if chain is None:
            out.append((question.text, option.label, option))
        elif option is not question.options[1]:
            flush()
            out.append((asked(question), option.label, option))
        elif chain.index == chain.total - 1:
            first = run[0][0] if run else chain
            out.append((first.question, first.none_label, option))
            run.clear()
        else:
            run.append((chain, question, option))
    flush()
    return out


@pytest.mark.parametrize("which", ["fixture", "site"])
def test_lines_match_the_steps_read_one_by_one(which: str) -> None:
    guide = valid_guide() if which == "fixture" else load_guide(REAL_GUIDE, root=PROJECT)
    assert guide is not None
    paths = analyse(guide).paths()
    for path in paths:
        assert list(path.lines) == _lines_step_by_step(guide, path.steps), [
            option.label for _, option in path.steps
        ]
    # The site's guide has checklists, so some of its paths are shorter as lines than as
    # steps: the comparison above saw runs of "no" answers folded.
    folded = sum(len(path.lines) < len(path.steps) for path in paths)
    assert which == "fixture" or folded > len(paths) // 2
