"""Timed MkDocs builds: strict subprocess builds, and in-process builds that time the engine."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tools.bench import load
from tools.bench.configs import ROOT


@dataclass(frozen=True)
class Timed:
    seconds: float
    cpu_seconds: float  # user + system: less sensitive than wall time to a busy machine
    ok: bool
    log: str


def _env(site_url: str | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    # Builds run in the config's folder (often a temporary one): ``tools`` is found from there
    # only through the path.
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(ROOT), os.environ.get("PYTHONPATH", "")) if part
    )
    if site_url is not None:
        env["SITE_URL"] = site_url
    return env


def timed_build(
    *, config_file: Path, site_dir: Path, strict: bool = True, site_url: str | None = None
) -> Timed:
    """Wall and CPU time of one ``mkdocs build`` in a fresh interpreter (what an editor waits).

    No ``--quiet``: MkDocs 1.6 drops warnings below the quiet level before its strict-mode
    counter sees them, so ``--strict --quiet`` passes a build that ``--strict`` fails.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file)]
    command += ["-d", str(site_dir)]
    if strict:
        command.append("--strict")
    started = time.perf_counter()
    cpu_before = _children_cpu()
    done = _run(command, config_file=config_file, site_url=site_url)
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    log = "\n".join(
        line for line in (done.stderr + done.stdout).splitlines() if not line.startswith("INFO")
    )
    return Timed(seconds=seconds, cpu_seconds=cpu, ok=done.returncode == 0, log=log.strip())


def _run(
    command: list[str], *, config_file: Path, site_url: str | None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=config_file.parent,
        env=_env(site_url),
        capture_output=True,
        text=True,
        check=False,
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_builds(*, config_files: dict[str, Path], runs: int) -> dict[str, list[Timed]]:
    """``runs`` strict builds of each config, interleaved so drift hits them all alike."""
    results: dict[str, list[Timed]] = {name: [] for name in config_files}
    with tempfile.TemporaryDirectory(prefix="botb-bench-builds-") as tmp:
        for _ in range(runs):
            for name, config in config_files.items():
                timed = timed_build(config_file=config, site_dir=Path(tmp) / name)
                results[name].append(timed)
                if not timed.ok:
                    break
    return results


def widest_spread(timed: dict[str, list[Timed]]) -> float | None:
    """The larger spread of the two configurations' wall times (see ``load.spread``): a
    host that slowed some builds and not others shows here, where nothing else sees it."""
    spreads = [
        value
        for runs in timed.values()
        if (value := load.spread([run.seconds for run in runs if run.ok])) is not None
    ]
    return max(spreads, default=None)


def median_seconds(runs: list[Timed], *, cpu: bool = False) -> float | None:
    good = [run.cpu_seconds if cpu else run.seconds for run in runs if run.ok]
    return statistics.median(good) if good else None


@dataclass(frozen=True)
class EngineShare:
    build_seconds: float
    engine_seconds: float

    @property
    def share(self) -> float:
        return self.engine_seconds / self.build_seconds if self.build_seconds else 0.0


def engine_share(*, config_file: Path, site_dir: Path, site_url: str | None = None) -> EngineShare:
    """One in-process build with the engine's two adapter calls timed (see engine_timing)."""
    command = [sys.executable, "-m", "tools.bench.engine_timing", str(config_file), str(site_dir)]
    done = _run(command, config_file=config_file, site_url=site_url)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return EngineShare(build_seconds=data["build_seconds"], engine_seconds=data["engine_seconds"])
