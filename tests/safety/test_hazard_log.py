"""The hazard log is only a safety case if every mitigation is proved by a test that exists.

The log names tests by pytest node id. The ids are compared with one ``--collect-only`` of
the whole suite (done once per run); an id may leave out its parameters, and then any
parametrized case of that test counts.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "safety" / "hazard-log.yml"
FIELDS = ("id", "title", "cause", "effect", "initial_risk", "mitigation", "residual_risk", "tests")
# Hazards the brief for this log requires, by title.
REQUIRED = (
    "A red flag is missed",
    "A red flag is mis-tiered",
    "Misleading advice",
    "Out-of-date content",
    "A printout is read without its context",
    "The guide fails on an old or script-less browser",
    "An editor's mistake slipping through",
    "Privacy leak",
    "A page is cut off or unreadable",
)


def hazards() -> list[dict[str, Any]]:
    data = yaml.safe_load(LOG.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("hazards"), list)
    found: list[dict[str, Any]] = data["hazards"]
    return found


@functools.cache
def collected() -> frozenset[str]:
    """Every test node id in the suite, with and without its parameters."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    ids = {line.strip() for line in done.stdout.splitlines() if "::" in line}
    assert ids, f"collection found nothing:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return frozenset(ids | {node.split("[", 1)[0] for node in ids})


def test_the_log_parses_and_every_hazard_is_complete() -> None:
    found = hazards()
    assert found
    for hazard in found:
        missing = [name for name in FIELDS if not hazard.get(name)]
        assert missing == [], (hazard.get("id"), missing)
        for risk in ("initial_risk", "residual_risk"):
            assert set(hazard[risk]) == {"severity", "likelihood", "rating"}, hazard["id"]
        assert hazard["residual_risk"]["rating"] <= hazard["initial_risk"]["rating"]
    ids = [hazard["id"] for hazard in found]
    assert len(ids) == len(set(ids))


def test_the_log_covers_the_required_hazards() -> None:
    titles = {hazard["title"].lower() for hazard in hazards()}
    for required in REQUIRED:
        words = required.lower().replace("slipping", "slips").split()[:3]
        assert any(all(word in title for word in words) for title in titles), required


@pytest.mark.parametrize("hazard", [h["id"] for h in hazards()])
def test_every_hazard_names_tests_that_exist(hazard: str) -> None:
    entry = next(h for h in hazards() if h["id"] == hazard)
    tests = entry["tests"]
    assert isinstance(tests, list) and tests, f"{hazard} names no test"
    missing = [node for node in tests if node not in collected()]
    assert missing == [], f"{hazard} names tests that do not exist"
