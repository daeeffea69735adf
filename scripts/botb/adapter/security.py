"""Per-page hardening: Content-Security-Policy meta with script hashes, referrer policy. (FOUNDATION owner)"""

from __future__ import annotations


def harden_html(output: str) -> str:
    return output
