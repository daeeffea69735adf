"""The one date the tests run on, so the suite does not change verdict with the calendar.

Pages say when they were last reviewed, and a review older than three years fails the build
(botb.content.frontmatter.REVIEW_YEARS). With the real date, the whole suite would go red the
day the oldest review turned three, with no change to the code. Tests pass this date to the
checks, and every build they start reads it from ``BOTB_TODAY`` (set in tests/conftest.py).
``make build`` and the publishing workflow use the real date, so stale pages still block a
release.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
_REVIEWED = re.compile(r"^\s*reviewed:\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*$", re.MULTILINE)


def _latest_review() -> dt.date:
    """The newest review date in the content and the guide: an editor's change made today
    never reads as "in the future", and nothing turns stale as the calendar moves on."""
    files = [*(_ROOT / "content").rglob("*.md"), *(_ROOT / "guide").glob("*.yml")]
    dates = [
        dt.date.fromisoformat(found)
        for path in files
        for found in _REVIEWED.findall(path.read_text(encoding="utf-8"))
    ]
    return max(dates, default=dt.date(2026, 12, 1))


TODAY = _latest_review()
