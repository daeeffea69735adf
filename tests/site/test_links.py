"""No broken links: linkchecker crawls the site as served under the GitHub-Pages-like sub-path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.serve import serve

# linkchecker waits 0.1-0.6 s between two requests to a host, whatever its configured rate,
# unless the host answers with a "LinkChecker" header (its way for a site owner to say the
# crawl is welcome): without it the crawl of this site took 43 s instead of a few.
WELCOME = {"LinkChecker": "welcome"}


def test_no_broken_links_under_the_sub_path(built_site: Path, tmp_path: Path) -> None:
    # As root linkchecker drops to user nobody: its config must be readable (the site is 0644).
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=4\n")
    config.chmod(0o644)
    tmp_path.chmod(0o755)
    command = [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-warnings"]
    with serve(built_site, headers=WELCOME) as site_url:
        done = subprocess.run(
            [*command, "--output", "text", "--no-status", site_url],
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stdout + done.stderr
