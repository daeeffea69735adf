"""One case per mistake an editor can make, each with its exact file:line:column.

The table runs the whole pipeline (loader, checks, renderers) on the valid fixture tree with
one small edit, so every case is a real, complete tree with exactly one thing wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import SCREENING as S
from .helpers import SYMPTOMS as Y
from .helpers import Edit, problems

GUIDE_BLOCK = """guide:
  title: A second guide block
  version: "2026.11.2"
  reviewed: 2026-11-27
  start: leg-pain
  minutes: 3
  intro: Another.
"""

UNREACHABLE = """  orphan:
    type: outcome
    urgency: routine
    title: Nobody gets here
    summary: An outcome with no answer leading to it.
    why: None.
    steps:
      - Book a physio.
      - Note the pain.
    wait: Keep riding gently.
    approaches:
      - page: approaches/bike-fit.md
        reason: Fit.
      - page: approaches/strength-training.md
        reason: Strength.
    safety_net:
      - Worse.
    sources: [hayden-2021]
    reviewed: 2026-11-27
"""

STUCK = """  stuck:
    type: question
    text: Round and round?
    options:
      - label: Again
        next: stuck
"""

DUPLICATE_IN_FILE = """  leg-pain:
    type: outcome
    urgency: routine
"""

DUPLICATE_ACROSS_FILES = """  how-long:
    type: question
    text: A second how-long
    options:
      - label: Go
        next: urgent-unwell
"""

URGENT_APPROACHES = """    safety_net:
      - You feel worse or get new numbness.
    approaches:
      - page: approaches/bike-fit.md
        reason: Not now.
"""

NO_GUIDE_OLD = """guide:
  title: Test guide for back pain and cycling
  version: "2026.11.1"
  reviewed: 2026-11-27
  start: saddle-and-bladder
  minutes: 3
  intro: >-
    A short set of questions for riders with **low back pain**.
  scope: The guide covers back pain from muscles, joints and nerves.
  crisis: "If you are in crisis, call [116 123](tel:116123)."
  signs_intro: If you have any of these, get help now.
  sooner: If any of these starts, get help as shown.
  review_status: Checked on {reviewed}; clinical sign-off pending.
  chain_yes: "Yes"
  chain_yes_unsure: "Yes, or I am not sure"
  chain_no: "No"
  chain_unsure: I am not sure
"""

CASES: list[tuple[str, tuple[Edit, ...], str, str]] = [
    # --- YAML the parser rejects --------------------------------------------------------
    (
        "yaml-syntax",
        ((S, "  minutes: 3", "  minutes: [3"),),
        "guide/00-screening.yml:8:8",
        "YAML syntax: expected ',' or ']'",
    ),
    (
        "tab-indentation",
        ((Y, "    text: Does pain", "\ttext: Does pain"),),
        "guide/10-symptoms.yml:5:1",
        "YAML syntax: found character '\\t'",
    ),
    (
        "duplicate-id-in-one-file",
        ((Y, "  leg-duration:\n", DUPLICATE_IN_FILE + "  leg-duration:\n"),),
        "guide/10-symptoms.yml:12:3",
        "duplicate key 'leg-pain'",
    ),
    (
        "impossible-date",
        ((Y, "reviewed: 2026-11-27", "reviewed: 2026-13-01"),),
        "guide/10-symptoms.yml:84:15",
        "is not a real date",
    ),
    # --- structure: types, required fields, keys ------------------------------------------
    (
        "text-is-a-list",
        ((Y, "text: Does pain spread below your knee?", "text: [Does pain]"),),
        "guide/10-symptoms.yml:5:11",
        "'text' must be text, not a list",
    ),
    (
        "unquoted-yes-becomes-boolean",
        ((Y, '- label: "Yes"', "- label: Yes"),),
        "guide/10-symptoms.yml:7:16",
        'put them in quotes: "Yes"',
    ),
    (
        "screening-not-boolean",
        ((S, "screening: true", 'screening: "yes"'),),
        "guide/00-screening.yml:37:16",
        "'screening' must be true or false",
    ),
    (
        "missing-question-text",
        ((Y, "    text: Does pain spread below your knee?\n", ""),),
        "guide/10-symptoms.yml:3:3",
        "question 'leg-pain' is missing required field 'text'",
    ),
    (
        "missing-option-next",
        ((Y, "        next: leg-duration\n", ""),),
        "guide/10-symptoms.yml:7:9",
        "is missing required field 'next'",
    ),
    (
        "missing-node-type",
        ((Y, "  leg-pain:\n    type: question\n", "  leg-pain:\n"),),
        "guide/10-symptoms.yml:3:3",
        "missing required field 'type' (question or outcome)",
    ),
    (
        "misspelt-node-type",
        ((Y, "  leg-pain:\n    type: question", "  leg-pain:\n    type: questoin"),),
        "guide/10-symptoms.yml:4:11",
        "'type' must be one of: question, outcome (got 'questoin')",
    ),
    (
        "unknown-option-key",
        ((Y, "- label: On the bike", "- lable: On the bike"),),
        "guide/10-symptoms.yml:25:9",
        "unknown field 'lable' in item 1 of 'options' (did you mean 'label'?)",
    ),
    (
        "unknown-guide-key",
        ((S, "  minutes: 3", "  minute: 3"),),
        "guide/00-screening.yml:7:3",
        "unknown field 'minute' in 'guide' (did you mean 'minutes'?)",
    ),
    (
        "bad-node-id",
        ((Y, "  training-load:\n", "  Training_Load:\n"),),
        "guide/10-symptoms.yml:44:3",
        "node id 'Training_Load' is not valid",
    ),
    (
        "duplicate-id-across-files",
        ((S, "", DUPLICATE_ACROSS_FILES),),
        "guide/10-symptoms.yml:53:3",
        "duplicate node id 'how-long' (first defined at guide/00-screening.yml:",
    ),
    (
        "bad-urgency",
        ((Y, "urgency: soon", "urgency: later"),),
        "guide/10-symptoms.yml:66:14",
        "'urgency' must be one of: emergency, urgent, soon, routine, self-care",
    ),
    (
        "date-is-words",
        ((Y, "reviewed: 2026-11-27", "reviewed: yesterday"),),
        "guide/10-symptoms.yml:84:15",
        "'reviewed' 'yesterday' is not a date like 2026-11-27",
    ),
    (
        "version-as-number",
        ((S, 'version: "2026.11.1"', "version: 2026.11"),),
        "guide/00-screening.yml:4:12",
        "'version' must be text",
    ),
    (
        "minutes-zero",
        ((S, "minutes: 3", "minutes: 0"),),
        "guide/00-screening.yml:7:12",
        "'minutes' must be between 1 and 60",
    ),
    (
        "empty-options",
        (
            (
                Y,
                "    options:\n      - label: Seated on long climbs",
                "    options: []\n    x-options:\n      - label: Seated on long climbs",
            ),
        ),
        "guide/10-symptoms.yml:35:14",
        "'options' needs at least 1 item(s)",
    ),
    (
        "empty-label",
        ((Y, "- label: On the drops", '- label: ""'),),
        "guide/10-symptoms.yml:38:16",
        "'label' must not be empty",
    ),
    (
        "blank-title",
        ((Y, "title: Leg pain that has lasted a while", 'title: "   "'),),
        "guide/10-symptoms.yml:67:12",
        "'title' must not be empty",
    ),
    (
        "page-without-md",
        ((Y, "page: approaches/imaging-and-tests.md", "page: approaches/imaging-and-tests"),),
        "guide/10-symptoms.yml:73:15",
        "is not valid: use a docs-relative Markdown path",
    ),
    (
        "two-guide-blocks",
        ((Y, "nodes:\n", GUIDE_BLOCK + "nodes:\n"),),
        "guide/10-symptoms.yml:2:1",
        "a second 'guide:' block (the first is at guide/00-screening.yml:2:1)",
    ),
    (
        "no-guide-block",
        ((S, NO_GUIDE_OLD, ""),),
        "guide/00-screening.yml:1:1",
        "no file has a 'guide:' block",
    ),
    (
        "empty-file",
        (("20-empty.yml", "", ""),),
        "guide/20-empty.yml:1:1",
        "the file is empty",
    ),
    (
        "file-is-a-list",
        (("20-list.yml", "", "- leg-pain\n"),),
        "guide/20-list.yml:1:1",
        "the file must be a mapping of fields, not a list",
    ),
    # --- graph ----------------------------------------------------------------------------
    (
        "dangling-next",
        ((Y, "next: routine-bike-fit", "next: routine-bike-fits"),),
        "guide/10-symptoms.yml:37:15",
        "next 'routine-bike-fits' is not a node id (did you mean 'routine-bike-fit'?)",
    ),
    (
        "dangling-start",
        ((S, "start: saddle-and-bladder", "start: saddle-and-bladders"),),
        "guide/00-screening.yml:6:10",
        "start 'saddle-and-bladders' is not a node id (did you mean 'saddle-and-bladder'?)",
    ),
    (
        "unreachable-node",
        ((Y, "", UNREACHABLE),),
        "guide/10-symptoms.yml:185:3",
        "node 'orphan' is unreachable",
    ),
    (
        "cycle",
        (
            (
                Y,
                '      - label: "No"\n        fallback: true\n        next: how-long',
                '      - label: "No"\n        fallback: true\n        next: when-it-hurts',
            ),
        ),
        "guide/10-symptoms.yml:50:9",
        "loop: this answer of 'training-load' leads back to 'when-it-hurts'",
    ),
    (
        "dead-end-loop",
        (
            (
                Y,
                "      - label: Most of the time\n        fallback: true\n        next: how-long",
                "      - label: Most of the time\n        fallback: true\n        next: stuck",
            ),
            (Y, "", STUCK),
        ),
        "guide/10-symptoms.yml:185:3",
        "dead end: no answer to question 'stuck' can lead to an outcome",
    ),
    # --- pages and sources ------------------------------------------------------------------
    (
        "missing-approach-page",
        ((Y, "page: approaches/imaging-and-tests.md", "page: approaches/imaging.md"),),
        "guide/10-symptoms.yml:73:15",
        "approach page 'approaches/imaging.md' does not exist",
    ),
    (
        "script-link-in-intro",
        ((S, "riders with **low back pain**.", "riders with [pain](javascript:alert(1))."),),
        "guide/00-screening.yml:8:10",
        "'intro' links to a javascript: address",
    ),
    (
        "missing-anchor",
        ((Y, "bike-fit.md#saddle-height", "bike-fit.md#saddle-hight"),),
        "guide/10-symptoms.yml:114:15",
        "has no heading #saddle-hight",
    ),
    (
        "unknown-source",
        ((Y, "sources: [nice-ng59, hayden-2021]", "sources: [nice-ng59, hayden-2012]"),),
        "guide/10-symptoms.yml:83:26",
        "unknown source 'hayden-2012': not in the bibliography (did you mean 'hayden-2021'?)",
    ),
    # --- safety rules -----------------------------------------------------------------------
    (
        "start-not-screening",
        ((S, "screening: true", "screening: false"),),
        "guide/00-screening.yml:6:10",
        "safety rule: the start node 'saddle-and-bladder' must be a screening question",
    ),
    (
        "no-emergency-one-answer-from-start",
        ((S, "next: emergency-cauda-equina", "next: leg-weakness"),),
        "guide/00-screening.yml:35:3",
        "must lead straight to an emergency outcome",
    ),
    (
        "path-skips-a-screening-question",
        (
            (
                S,
                '      - label: "No"\n        next: fever-or-injury',
                '      - label: "No"\n        next: fever-or-injury\n'
                "      - label: Not sure\n        next: leg-pain",
            ),
        ),
        "guide/10-symptoms.yml:64:3",
        "without screening question(s) 'fever-or-injury' (e.g. saddle-and-bladder → "
        "leg-weakness → leg-pain → leg-duration → soon-leg-pain)",
    ),
    (
        "screening-after-symptom-question",
        (
            (
                Y,
                "    text: When does your back hurt most?",
                "    screening: true\n    text: When does your back hurt most?",
            ),
        ),
        "guide/10-symptoms.yml:21:3",
        "screening question 'when-it-hurts' can be reached after the symptom question 'leg-pain'",
    ),
    (
        "question-without-fallback",
        (
            (
                Y,
                "      - label: Most of the time\n        fallback: true\n",
                "      - label: Most of the time\n",
            ),
        ),
        "guide/10-symptoms.yml:21:3",
        "question 'when-it-hurts' has no answer marked 'fallback: true'",
    ),
    (
        "unknown-sign",
        ((S, "signs: [weak-leg]", "signs: [weak-legs]"),),
        "guide/00-screening.yml:52:9",
        "unknown sign 'weak-legs': not in the sign registry (signs.yml) (did you mean 'weak-leg'?)",
    ),
    (
        "floor-broken-on-a-path",
        (
            (
                Y,
                "      - label: Seated on long climbs\n",
                "      - label: Seated on long climbs\n        floor: soon\n",
            ),
        ),
        "guide/10-symptoms.yml:36:9",
        "sets a floor of soon, but a path after it reaches routine outcome 'routine-bike-fit'",
    ),
    (
        "missing-tier-text",
        (
            (
                S,
                '  self-care: {label: "Self-care", action: "Start with self-care.", '
                'signs_heading: "Self-care"}\n',
                "",
            ),
        ),
        "guide/00-screening.yml:2:1",
        "'tiers:' has no entry for self-care",
    ),
    (
        "urgent-outcome-with-approaches",
        ((S, "    safety_net:\n      - You feel worse or get new numbness.\n", URGENT_APPROACHES),),
        "guide/00-screening.yml:98:15",
        "safety rule: urgent outcome 'urgent-unwell' must not list approaches",
    ),
    (
        "too-few-approaches",
        (
            (
                Y,
                "      - page: approaches/imaging-and-tests.md\n"
                "        reason: Ask whether a scan would change anything.\n",
                "",
            ),
        ),
        "guide/10-symptoms.yml:64:3",
        "soon outcome 'soon-leg-pain' lists 1 approaches; list between 2 and 5",
    ),
]


@pytest.mark.parametrize(
    ("edits", "location", "message"),
    [pytest.param(e, loc, msg, id=name) for name, e, loc, msg in CASES],
)
def test_broken_tree_reports_the_exact_place(
    tmp_path: Path, edits: tuple[Edit, ...], location: str, message: str
) -> None:
    found = problems(tmp_path, edits)
    assert any(line.startswith(f"{location}: ") and message in line for line in found), found


def test_catalogue_is_large_and_unique() -> None:
    names = [name for name, *_ in CASES]
    assert len(names) >= 25
    assert len(set(names)) == len(names)


def test_valid_fixture_has_no_problems(tmp_path: Path) -> None:
    assert problems(tmp_path, ()) == []


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    edits = (
        (Y, "next: routine-bike-fit", "next: routine-bike-fits"),
        (Y, "sources: [nice-ng59, hayden-2021]", "sources: [nice-ng59, hayden-2012]"),
        (Y, "page: approaches/imaging-and-tests.md", "page: approaches/imaging.md"),
    )
    found = problems(tmp_path, edits)
    assert len(found) == 3, found
