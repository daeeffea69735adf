"""Atomic strict build: ``make build`` / ``python -m botb.build``.

MkDocs cleans its site_dir before writing, so a build that fails half-way would leave a
broken or empty site. Here the strict build goes into a fresh folder next to ``site/`` and
replaces ``site/`` only when it succeeded; a failed build prints the editor's errors
(file:line:column from the plugin) and leaves the previous ``site/`` untouched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    log: str  # MkDocs' warnings and errors (INFO lines dropped)


def _problems(output: str) -> str:
    lines = [line for line in output.splitlines() if not line.startswith("INFO")]
    return "\n".join(lines).strip()


def make_world_readable(root: Path) -> None:
    """Directories 755, files 644: link checkers that drop privileges must read the site."""
    root.chmod(0o755)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            (Path(folder) / name).chmod(0o755)
        for name in files:
            (Path(folder) / name).chmod(0o644)


def run_mkdocs_build(
    *, config_file: Path, site_dir: Path, site_url: str | None = None
) -> BuildResult:
    """One strict ``mkdocs build`` into ``site_dir`` (which MkDocs empties first)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    # No --quiet: it hides warnings from the counter that makes --strict fail.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(config_file), "--site-dir", str(site_dir)]
    done = subprocess.run(
        command, cwd=config_file.parent, env=env, capture_output=True, text=True, check=False
    )
    return BuildResult(ok=done.returncode == 0, log=_problems(done.stderr + done.stdout))


def build_atomically(
    *, config_file: Path, site_dir: Path, site_url: str | None = None
) -> BuildResult:
    """Build into a sibling folder, then swap it in place of ``site_dir`` on success."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    result = run_mkdocs_build(config_file=config_file, site_dir=staging, site_url=site_url)
    if not result.ok:
        shutil.rmtree(staging, ignore_errors=True)
        return result
    make_world_readable(staging)
    if not site_dir.exists():
        staging.rename(site_dir)
        return result
    # Two renames on one filesystem: the old site is never deleted before the new one is
    # in place, and readers see either the whole old site or the whole new one.
    retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
    retired.rmdir()
    site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botb.build", description=__doc__)
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    result = build_atomically(config_file=args.config_file.resolve(), site_dir=args.site_dir)
    if not result.ok:
        print(result.log or "mkdocs build failed", file=sys.stderr)
        print(f"Build failed: {args.site_dir}/ was left as it was.", file=sys.stderr)
        return 1
    if result.log:
        print(result.log, file=sys.stderr)
    print(f"Built {args.site_dir}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
