"""Quiet hours: when the desk holds back tray messages and sounds of SLA notifications.

The notifications themselves are always stored and listed in the notification centre;
only the interruption waits. A breach of a level-1 ticket is never held back (issue 4:
quiet hours must not hide level-1 breaches).
"""

from __future__ import annotations

from datetime import time

from app.sla.thresholds import is_breach


def read_time(text: str) -> time | None:
    """"HH:MM" as a time; None for anything else (quiet hours then stay off)."""
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
        return time(hours, minutes)
    except ValueError:
        return None


def in_quiet_hours(local: time, start: time | None, end: time | None) -> bool:
    """Whether ``local`` falls in [start, end); the span may run over midnight."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def urgent(threshold: str, level: int) -> bool:
    """Interrupts the seat even in quiet hours: a level-1 ticket's breach (the deadline or
    an escalation point after it)."""
    return level == 1 and is_breach(threshold)
