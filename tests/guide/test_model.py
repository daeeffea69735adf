from __future__ import annotations

import pytest

from botb.guide.model import Urgency


def test_urgency_order_is_emergency_first() -> None:
    assert [u.value for u in sorted(Urgency, key=lambda u: u.rank)] == [
        "emergency",
        "urgent",
        "soon",
        "routine",
        "self-care",
    ]


@pytest.mark.parametrize(
    ("a", "b", "more"),
    [
        (Urgency.EMERGENCY, Urgency.URGENT, True),
        (Urgency.URGENT, Urgency.SOON, True),
        (Urgency.SOON, Urgency.ROUTINE, True),
        (Urgency.ROUTINE, Urgency.SELF_CARE, True),
        (Urgency.SELF_CARE, Urgency.EMERGENCY, False),
        (Urgency.SOON, Urgency.SOON, False),
    ],
)
def test_more_urgent_than(a: Urgency, b: Urgency, more: bool) -> None:
    assert a.more_urgent_than(b) is more
    assert b.less_urgent_than(a) is more
