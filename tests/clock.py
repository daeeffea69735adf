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

TODAY = dt.date(2026, 12, 1)
