"""A way off MkDocs 1.x: the same mkdocs.yml builds with ProperDocs, its maintained successor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_properdocs_builds_the_same_config(tmp_path: Path, all_pages: list[str]) -> None:
    properdocs = str(Path(sys.executable).parent / "properdocs")
    site = tmp_path / "site"
    done = subprocess.run(
        [properdocs, "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    built = {
        p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
    }
    # Every page of the MkDocs build exists in the ProperDocs build.
    assert set(all_pages) <= built
