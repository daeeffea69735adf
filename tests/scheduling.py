"""Send each ``xdist_group`` to one worker, as ``--dist loadgroup`` promises.

pytest-xdist 3.8 marks a group by appending ``@group`` to each test's ``_nodeid``; pytest 9
keeps the id elsewhere, so the suffix never reaches the scheduler and a group's tests are
spread over both workers. Each worker then builds the group's expensive fixture again: the
visit of every page with axe took about 85 s, twice, at the same time. This scheduler reads
the group from the test module's marks instead. Groups are declared at module level here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from xdist.scheduler import LoadGroupScheduling

_GROUP = re.compile(r"""xdist_group\(\s*["']([^"']+)["']\s*\)""")


@cache
def module_group(path: Path) -> str | None:
    """The ``xdist_group`` a test module declares, if any."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    found = _GROUP.search(text)
    return found.group(1) if found else None


def scope_of(nodeid: str, *, root: Path) -> str:
    """The group a test belongs to: its module's group, else the test on its own."""
    group = module_group(root / nodeid.split("::", 1)[0])
    return group if group is not None else nodeid


class ModuleGroupScheduling(LoadGroupScheduling):
    def _split_scope(self, nodeid: str) -> str:
        return scope_of(nodeid, root=self.config.rootpath)
