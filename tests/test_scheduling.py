from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.scheduling import module_group, scope_of

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("nodeid", "scope"),
    [
        ("tests/browser/test_privacy.py::test_no_cookies[chromium]", "page_visits"),
        (
            "tests/browser/test_accessibility.py::test_no_axe_violations_on_any_page[chromium]",
            "page_visits",
        ),
        ("tests/browser/test_injection.py::test_x[chromium]", "hostile_site"),
        ("tests/test_readme_commands.py::test_make_test_sets_up_everything", "fresh_clone"),
        ("tests/guide/test_paths.py::test_cap", "tests/guide/test_paths.py::test_cap"),
        ("tests/gone.py::test_a", "tests/gone.py::test_a"),
    ],
    ids=["privacy", "accessibility", "injection", "fresh clone", "ungrouped", "missing file"],
)
def test_a_module_group_keeps_its_tests_together(nodeid: str, scope: str) -> None:
    assert scope_of(nodeid, root=ROOT) == scope


def test_every_group_is_declared_once_per_module() -> None:
    # The scheduler reads one group per module; a second, different one would be ignored.
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        names = set(re.findall(r"xdist_group\(\s*[\"']([^\"']+)", text))
        assert len(names) <= 1, path
        if names:
            assert module_group(path) == names.pop()
