"""Human-readable ticket numbers."""

from __future__ import annotations

TICKET_PREFIX = "SD"


def ticket_number(sequence: int) -> str:
    """``SD-000042`` for the 42nd ticket; widens past a million instead of wrapping."""
    if sequence < 1:
        raise ValueError("ticket numbers start at 1")
    return f"{TICKET_PREFIX}-{sequence:06d}"


PROVISIONAL_MARK = "P"


def provisional_number(desk_tag: str, sequence: int) -> str:
    """``SD-P3f9a-0007``: a desk out of leased numbers while offline; the server maps it to
    a final number when the ticket arrives."""
    return f"{TICKET_PREFIX}-{PROVISIONAL_MARK}{desk_tag}-{sequence:04d}"


def is_provisional(number: str) -> bool:
    return number.startswith(f"{TICKET_PREFIX}-{PROVISIONAL_MARK}")
