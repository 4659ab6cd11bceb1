"""Administering SLA policies: the version history, the calendar override table, and
saving both in one transaction.

Saving a changed policy writes a NEW version valid from now; tickets created before keep
the version they started with (``reading.PolicyBook``). Overrides are not versioned: a
day declared closed is closed for every business-hours clock (that is what an override
is for), so the desk recomputes its running targets after a save.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.domain.clock import Clock
from app.sla.policy import DEFAULT_POLICY, LEGACY_POLICY, Policy
from app.sla.problems import PolicyInvalid, override_issues
from app.store.reading import parse_sqlite_utc

if TYPE_CHECKING:
    from app.store.database import Store


@dataclass(frozen=True)
class PolicyVersion:
    """One version as the history shows it; ``valid_from`` None is the built-in one."""

    version: int
    valid_from: datetime | None
    author: str | None
    policy: Policy


@dataclass(frozen=True)
class CalendarOverride:
    day: date
    working: bool
    note: str = ""


def policy_versions(conn: sqlite3.Connection) -> list[PolicyVersion]:
    """Every version, oldest first, starting with the built-in ones: version 0 (tickets
    created before ``CUT_OVER`` on a desk that never saved a policy) and the defaults.
    A saved version always wins over the built-in ones (``reading.PolicyBook``)."""
    rows = conn.execute(
        "SELECT p.version, p.valid_from, s.name, p.body FROM sla_policies p "
        "LEFT JOIN staff s ON s.id = p.author_id ORDER BY p.valid_from, p.version")
    return [PolicyVersion(LEGACY_POLICY.version, None, None, LEGACY_POLICY),
            PolicyVersion(DEFAULT_POLICY.version, None, None, DEFAULT_POLICY),
            *(PolicyVersion(version, parse_sqlite_utc(valid_from), author,
                            Policy.from_json(version, body))
              for version, valid_from, author, body in rows)]


def calendar_overrides(conn: sqlite3.Connection) -> list[CalendarOverride]:
    return [CalendarOverride(date.fromisoformat(day), bool(working), note or "")
            for day, working, note in conn.execute(
                "SELECT day, working, note FROM sla_calendar_overrides ORDER BY day")]


@dataclass(frozen=True)
class Saved:
    version: int | None  # the new policy version; None when the policy was unchanged
    overrides: int


def save_policy(store: Store, clock: Clock, author_id: str | None, policy: Policy,
                overrides: list[CalendarOverride]) -> Saved:
    """Write ``policy`` as a new version (if it differs from the newest) and replace the
    override table, all or nothing. Raises ``PolicyInvalid`` before touching anything."""
    issues = override_issues(o.day for o in overrides)
    if issues:
        raise PolicyInvalid(issues)
    from sqlalchemy import delete, func, select

    from app.sla.tables import SlaCalendarOverrideRow, SlaPolicyRow

    with store.unit_of_work() as session:
        # Read inside the write transaction (BEGIN IMMEDIATE): two administrators saving
        # at once get consecutive versions, not the same one twice.
        newest = session.execute(select(SlaPolicyRow).order_by(
            SlaPolicyRow.valid_from.desc(), SlaPolicyRow.version.desc()).limit(1)).scalar()
        current = DEFAULT_POLICY if newest is None \
            else Policy.from_json(newest.version, newest.body)
        version = None
        if policy.to_json() != current.to_json():
            highest = session.execute(select(func.max(SlaPolicyRow.version))).scalar()
            version = max(highest or 0, DEFAULT_POLICY.version) + 1
            session.add(SlaPolicyRow(version=version, valid_from=clock.now(),
                                     body=policy.to_json(), author_id=author_id))
        session.execute(delete(SlaCalendarOverrideRow))
        session.add_all(SlaCalendarOverrideRow(day=o.day.isoformat(), working=o.working,
                                               note=o.note.strip()) for o in overrides)
    return Saved(version, len(overrides))
