"""Every command the README names works on a fresh clone, as a new contributor would run it.

The committed HEAD is cloned into a temporary folder and each command runs there through
``make``, so a stale lock file, a missing install step or a target that only works on a
machine set up by hand fails here (issue 17: ``make bench`` failed on ``npm ci`` while every
test passed).

Keeping it fast: the clone gets its own ``.venv`` (created by ``make``, exactly as on a new
machine), but pip and npm reuse their usual download caches (``~/.cache/pip``, ``~/.npm``),
so nothing is fetched twice. ``make test`` runs with ``PYTEST_ARGS`` naming one small test
module: the whole setup chain (venv, browser, Java, npm, lint) runs, but the suite does not
run itself again. Two commands are only dry-run (``make -n``), and say why below.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Set in every command below: a nested run never clones again.
NESTED = "BOTB_FRESH_CLONE"
# What a first run must not print (the editable install used to print a bdist_wheel error
# before its fallback, which reads like a failure).
# make echoes its commands: "--loglevel=error" is a flag, not a message.
ALARMING = re.compile(
    r"(?<!loglevel=)\berror\b|Traceback|bdist_wheel|npm ERR|WARN deprecated", re.I
)

pytestmark = [
    pytest.mark.fresh_clone,
    pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already inside a fresh clone"),
    pytest.mark.timeout(1500),
    pytest.mark.xdist_group("fresh_clone"),  # one clone, on one worker
]


@dataclass(frozen=True)
class Ran:
    code: int
    output: str


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    # The outer run's virtualenv must not leak into the clone's make.
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = os.pathsep.join(
        part for part in env.get("PATH", "").split(os.pathsep) if str(ROOT / ".venv") not in part
    )
    env[NESTED] = "1"
    return env


def _run(clone: Path, *command: str, timeout: float = 900) -> Ran:
    done = subprocess.run(
        command,
        cwd=clone,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Ran(done.returncode, done.stdout + done.stderr)


def _quiet(ran: Ran) -> list[str]:
    """Lines of a successful run that would alarm a newcomer (pip's notes on the local
    package index that this machine's pip.conf names are the machine's, not the project's)."""
    return [
        line
        for line in ran.output.splitlines()
        if ALARMING.search(line) and "Location 'file://" not in line
    ]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    target = tmp_path_factory.mktemp("fresh") / "back-on-the-bike"
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(
        ["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(target)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["git", "-C", str(target), "checkout", "--quiet", head], check=True, capture_output=True
    )
    yield target


@pytest.fixture(scope="module")
def built(clone: Path) -> Ran:
    """``make build`` first: it creates the venv, the step most likely to break."""
    return _run(clone, "make", "build")


def test_make_help_lists_every_target_the_readme_names(clone: Path) -> None:
    ran = _run(clone, "make", "help")
    assert ran.code == 0, ran.output
    readme = (clone / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"^make ([a-z-]+)", readme, flags=re.M))
    assert named >= {"serve", "test", "build", "bench", "check-external", "help"}
    for target in named - {"help"}:
        assert f"make {target}" in ran.output, target


def test_make_build_sets_up_and_builds_quietly(clone: Path, built: Ran) -> None:
    assert built.code == 0, built.output
    assert (clone / "site" / "index.html").is_file()
    assert (clone / "site" / "guide" / "guide.json").is_file()
    assert _quiet(built) == []


def test_the_guide_commands_pass_and_the_path_book_and_schema_are_current(
    clone: Path, built: Ran
) -> None:
    assert built.code == 0, built.output
    check = _run(clone, ".venv/bin/botb-guide", "check")
    assert check.code == 0, check.output
    for command in ("paths", "schema"):
        written = _run(clone, ".venv/bin/botb-guide", command, "--write")
        assert written.code == 0, written.output
    status = _run(clone, "git", "status", "--porcelain", "--untracked-files=no")
    assert status.output.strip() == "", "botb-guide paths/schema --write changed committed files"


def test_make_test_sets_up_everything_and_runs_pytest(clone: Path, built: Ran) -> None:
    assert built.code == 0, built.output
    subset = "PYTEST_ARGS=-q -p no:cacheprovider tests/test_diagnostics.py"
    ran = _run(clone, "make", "test", subset)
    assert ran.code == 0, ran.output[-4000:]
    assert re.search(r"^\d+ passed", ran.output, flags=re.M), ran.output[-2000:]
    assert _quiet(ran) == []


def test_make_bench_smoke_runs_every_step(clone: Path, built: Ran) -> None:
    assert built.code == 0, built.output
    ran = _run(clone, "make", "bench", "BENCH_ARGS=--smoke")
    assert ran.code == 0, ran.output[-4000:]
    report = json.loads((clone / "build" / "bench-smoke.json").read_text(encoding="utf-8"))
    assert report["errors"] == []
    assert report["scaling_stock"][0]["seconds"] is not None
    assert report["baseline_build_seconds"] is not None
    assert report["load"], "every stage records its load average"
    assert "Build time vs stock" in ran.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_make_serve_answers(clone: Path, built: Ran) -> None:
    assert built.code == 0, built.output
    host = f"127.0.0.1:{_free_port()}"
    server = subprocess.Popen(
        ["make", "serve", f"HOST={host}"],
        cwd=clone,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # make's children (mkdocs) end with it
    )
    try:
        deadline = time.monotonic() + 180
        page = ""
        while time.monotonic() < deadline and server.poll() is None and not page:
            try:
                with urllib.request.urlopen(f"http://{host}/back-on-the-bike/", timeout=5) as r:
                    page = r.read().decode("utf-8")
            except OSError:
                time.sleep(1)
        assert "<title>" in page, "make serve did not answer within 3 minutes"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.parametrize(
    ("target", "why"),
    [
        # Its whole point is reaching DOIs and publishers: CI and this machine have no internet.
        ("check-external", "python -m botb.external_links"),
    ],
)
def test_commands_that_need_the_internet_resolve_their_setup(
    clone: Path, target: str, why: str
) -> None:
    ran = _run(clone, "make", "-n", target)
    assert ran.code == 0, ran.output
    assert why in ran.output
