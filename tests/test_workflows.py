"""GitHub workflows validate against the GitHub workflow schema (bundled, works offline)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOWS = sorted(
    (Path(__file__).resolve().parent.parent / ".github" / "workflows").glob("*.y*ml")
)


def test_there_are_workflows() -> None:
    assert WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(workflow: Path) -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
    done = subprocess.run(
        [*command, "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pages_workflow_tests_then_deploys_with_the_official_actions() -> None:
    pages = yaml.safe_load((WORKFLOWS[0].parent / "pages.yml").read_text())
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "group" in pages["concurrency"]
    steps = [step for job in pages["jobs"].values() for step in job["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses
    runs = " ".join(step.get("run", "") for step in steps)
    assert "make test" in runs
    assert "SITE_URL" in runs or any("SITE_URL" in str(step.get("env", {})) for step in steps)
