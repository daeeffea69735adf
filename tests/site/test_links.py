"""No broken links: linkchecker crawls the site as served under the GitHub-Pages-like sub-path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_no_broken_links_under_the_sub_path(site_url: str, tmp_path: Path) -> None:
    # linkchecker limits itself to 10 requests a second per host; this is our own local
    # server, so lift the limit. (As root it drops to user nobody: the files are 0644.)
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=4\n")
    config.chmod(0o644)
    tmp_path.chmod(0o755)
    command = [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-warnings"]
    done = subprocess.run(
        [*command, "--output", "text", "--no-status", site_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
