"""Thresholds of an SLA target: the points of its counted time at which the desk raises a
notification (and the escalations attached to it).

A threshold is a short code, kept as is in the policy's JSON, the monitor's index and the
notifications, so it survives restarts and versions without a lookup table:

- ``at_risk``: the policy's at-risk share of the budget (75 % by default);
- ``breached``: the whole budget (the deadline);
- ``used_70``: a warning when 70 % of the budget is used (Znuny's warning percentages);
- ``due+30m`` / ``due-15m``: 30 minutes after / 15 minutes before the deadline (GLPI's
  escalation levels).

Every point is measured in the target's counting time, like the budget: a pause or a
closed business day moves an offset together with the deadline. An offset reaching back
before the clock started fires when it starts.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import NamedTuple

AT_RISK = "at_risk"
BREACHED = "breached"
_USED = re.compile(r"used_(\d{1,2})")
_OFFSET = re.compile(r"due([+-])(\d{1,6})m")


class Mark(NamedTuple):
    """Where a threshold lies: ``share`` of the budget (None: the policy's at-risk share)
    plus ``minutes`` of counting time."""

    share: float | None
    minutes: int = 0


def used(percent: int) -> str:
    """The code of a warning at ``percent`` of the budget used."""
    return f"used_{percent}"


def offset(minutes: int) -> str:
    """The code of a point ``minutes`` after (negative: before) the deadline."""
    return BREACHED if minutes == 0 else f"due{minutes:+d}m"


def parse(code: str) -> Mark | None:
    """The mark a code names; None for a code this version does not know."""
    if code == AT_RISK:
        return Mark(None)
    if code == BREACHED:
        return Mark(1.0)
    if (found := _USED.fullmatch(code)) is not None:
        percent = int(found.group(1))
        return Mark(percent / 100) if 0 < percent < 100 else None
    if (found := _OFFSET.fullmatch(code)) is not None:
        minutes = int(found.group(2))
        return Mark(1.0, -minutes if found.group(1) == "-" else minutes) if minutes else None
    return None


def counted(code: str, budget: timedelta, at_risk_share: float) -> timedelta | None:
    """Counting time from the start of the clock to the threshold (never negative)."""
    mark = parse(code)
    if mark is None:
        return None
    share = at_risk_share if mark.share is None else mark.share
    return max(timedelta(0), budget * share + timedelta(minutes=mark.minutes))


def is_breach(code: str) -> bool:
    """The deadline or a point after it: the target is overdue when this is raised."""
    mark = parse(code)
    return mark is not None and mark.share == 1.0 and mark.minutes >= 0
