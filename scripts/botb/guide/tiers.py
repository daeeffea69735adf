"""What each urgency tier says to the reader: one place, used by every renderer."""

from __future__ import annotations

from dataclasses import dataclass

from botb.guide.model import Urgency


@dataclass(frozen=True)
class Tier:
    label: str
    action: str


TIERS: dict[Urgency, Tier] = {
    Urgency.EMERGENCY: Tier(
        label="Emergency: get help now",
        action=(
            "Call your local emergency number (999 in the UK, 911 in the US, 112 in the EU) "
            "or go to an emergency department now."
        ),
    ),
    Urgency.URGENT: Tier(
        label="Urgent: get advice today",
        action=(
            "Get medical advice today: your GP, an urgent care service or a phone line "
            "such as NHS 111."
        ),
    ),
    Urgency.SOON: Tier(
        label="See a GP or physio soon",
        action=(
            "Book an appointment with your GP or a physiotherapist in the next few days or weeks."
        ),
    ),
    Urgency.ROUTINE: Tier(
        label="Routine: discuss with a physio",
        action="Worth discussing with a physiotherapist at a routine appointment.",
    ),
    Urgency.SELF_CARE: Tier(
        label="Self-care first",
        action="You can start with self-care; see a physiotherapist if it does not improve.",
    ),
}
