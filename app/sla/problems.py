"""What can be wrong with an SLA policy or the calendar overrides an administrator edits.

Each issue is a code the settings page translates, with the row it concerns, so the page
can say which line to fix. A policy with any issue is never built (``PolicyInvalid``),
hence never saved: nothing is half-saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.sla.escalation import Action, Escalation
from app.sla.thresholds import parse


class PolicyProblem(StrEnum):
    MINUTES_NOT_POSITIVE = "minutes_not_positive"
    SHARE_OUT_OF_RANGE = "share_out_of_range"
    WARNING_OUT_OF_RANGE = "warning_out_of_range"
    WARNING_UNREADABLE = "warning_unreadable"
    THRESHOLD_UNKNOWN = "threshold_unknown"
    WEBHOOK_URL_INVALID = "webhook_url_invalid"
    TEAM_MISSING = "team_missing"
    DAY_TWICE = "day_twice"
    CLOSES_BEFORE_OPENING = "closes_before_opening"
    ZONE_UNKNOWN = "zone_unknown"


@dataclass(frozen=True)
class Issue:
    """One problem; ``row`` counts from 0 in the list it concerns (None: the policy)."""

    problem: PolicyProblem
    row: int | None = None
    detail: str = ""


class PolicyInvalid(ValueError):
    """The policy (or overrides) cannot be saved; ``issues`` says why, all at once."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__("; ".join(f"{i.problem.value}@{i.row}" for i in self.issues))


def share_issues(share: float) -> list[Issue]:
    return [] if 0 < share < 1 else [Issue(PolicyProblem.SHARE_OUT_OF_RANGE)]


def hours_issues(opens: time, closes: time, zone: str) -> list[Issue]:
    """Business hours open before they close, on one day, in a zone this machine knows."""
    issues = [] if opens < closes else [Issue(PolicyProblem.CLOSES_BEFORE_OPENING)]
    try:
        ZoneInfo(zone)
    except (ValueError, OSError, ZoneInfoNotFoundError):  # "../x", a folder ("Asia")
        issues.append(Issue(PolicyProblem.ZONE_UNKNOWN, None, zone))
    return issues


def rule_issues(row: int, minutes: int, warnings: Iterable[int]) -> list[Issue]:
    issues = [] if minutes > 0 else [Issue(PolicyProblem.MINUTES_NOT_POSITIVE, row)]
    issues += [Issue(PolicyProblem.WARNING_OUT_OF_RANGE, row, str(percent))
               for percent in warnings if not 0 < percent < 100]
    return issues


def web_address(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def escalation_issues(row: int, escalation: Escalation) -> list[Issue]:
    issues = []
    if parse(escalation.threshold) is None:
        issues.append(Issue(PolicyProblem.THRESHOLD_UNKNOWN, row, escalation.threshold))
    if escalation.action is Action.WEBHOOK and not web_address(escalation.url):
        issues.append(Issue(PolicyProblem.WEBHOOK_URL_INVALID, row, escalation.url))
    if escalation.action is Action.REASSIGN and not escalation.team:
        issues.append(Issue(PolicyProblem.TEAM_MISSING, row))
    return issues


def override_issues(days: Iterable[date]) -> list[Issue]:
    seen: set[date] = set()
    issues = []
    for row, day in enumerate(days):
        if day in seen:
            issues.append(Issue(PolicyProblem.DAY_TWICE, row, day.isoformat()))
        seen.add(day)
    return issues


def read_percentages(text: str, row: int) -> tuple[int, ...]:
    """"70, 80, 90" (commas, spaces or the Chinese comma) as sorted, distinct percents."""
    parts = [p for p in text.replace("，", ",").replace("、", ",").replace(" ", ",")
             .replace("%", "").split(",") if p]
    if not all(p.isdigit() for p in parts):
        raise PolicyInvalid([Issue(PolicyProblem.WARNING_UNREADABLE, row, text)])
    return tuple(sorted({int(p) for p in parts}))
