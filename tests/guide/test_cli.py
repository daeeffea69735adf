"""The botb-guide command: exit codes 0 ok, 1 problems (all printed, no traceback), 2 usage."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from botb.guide.schema import schema_text

from .helpers import DOCS, SYMPTOMS, write_tree

PROJECT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "botb.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_tree(tmp_path)
    shutil.copytree(DOCS, tmp_path / "content")
    return tmp_path


def test_check_ok(project: Path) -> None:
    result = run("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "guide OK: 18 nodes, 30 paths to 9 outcomes" in result.stdout


def test_check_reports_every_problem_with_position(project: Path) -> None:
    path = project / "guide" / SYMPTOMS
    text = path.read_text().replace("next: routine-bike-fit", "next: nowhere", 1)
    path.write_text(text.replace("page: approaches/imaging-and-tests.md", "page: approaches/x.md"))
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "guide/10-symptoms.yml:37:15: next 'nowhere' is not a node id" in result.stderr
    assert "guide/10-symptoms.yml:73:15: approach page 'approaches/x.md' does not exist" in (
        result.stderr
    )
    assert "2 problems found." in result.stderr


def test_yaml_syntax_error_is_not_a_traceback(project: Path) -> None:
    (project / "guide" / "20-bad.yml").write_text("nodes:\n\tx: 1\n")
    result = run("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "guide/20-bad.yml:2:1: YAML syntax" in result.stderr


def test_no_guide_is_a_problem(tmp_path: Path) -> None:
    result = run("check", "--guide-dir", "empty", cwd=tmp_path)
    assert result.returncode == 1
    assert "no guide YAML" in result.stderr


@pytest.mark.parametrize(
    "args", [(), ("frobnicate",), ("paths", "--write", "--check"), ("check", "--nope")]
)
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    assert run(*args, cwd=tmp_path).returncode == 2


def test_help(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("check", "paths", "export", "schema"):
        assert command in result.stdout


def test_paths_write_then_check(project: Path) -> None:
    assert run("paths", "--check", cwd=project).returncode == 1
    assert run("paths", "--write", cwd=project).returncode == 0
    assert (project / "guide" / "PATHS.txt").read_text().startswith("Path book: ")
    assert run("paths", "--check", cwd=project).returncode == 0
    path = project / "guide" / SYMPTOMS
    path.write_text(path.read_text().replace("Out of the saddle", "Standing up"))
    stale = run("paths", "--check", cwd=project)
    assert stale.returncode == 1
    assert "+  When on the bike does it hurt? → Standing up" in stale.stderr
    assert "run `botb-guide paths --write`" in stale.stderr


def test_export_prints_guide_json(project: Path) -> None:
    result = run("export", cwd=project)
    assert result.returncode == 0
    assert json.loads(result.stdout)["start"] == "saddle-and-bladder"


def test_schema_check_on_the_project() -> None:
    result = run("schema", "--check", cwd=PROJECT)
    assert result.returncode == 0, result.stderr


def test_schema_write_and_stale(tmp_path: Path) -> None:
    target = tmp_path / "guide.schema.json"
    assert run("schema", "--check", "--file", str(target), cwd=tmp_path).returncode == 1
    assert run("schema", "--write", "--file", str(target), cwd=tmp_path).returncode == 0
    assert target.read_text() == schema_text()


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "botb-guide"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
