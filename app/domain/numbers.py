"""Human-readable ticket numbers."""

from __future__ import annotations

TICKET_PREFIX = "SD"


def ticket_number(sequence: int) -> str:
    """``SD-000042`` for the 42nd ticket; widens past a million instead of wrapping."""
    if sequence < 1:
        raise ValueError("ticket numbers start at 1")
    return f"{TICKET_PREFIX}-{sequence:06d}"
