"""Who follows an escalated ticket (升级跟进人): the escalation ledger names a person, not
only a team (issue 16).

The rule, in order:
1. the group the ticket is escalated to (a hand-over's senior group, else the ticket's
   team): its most senior active member on duty now by the rota;
2. else that group's lead: its most senior active member (on duty or not);
3. a ticket with no group: the most senior active person on duty on the whole desk;
4. else nobody (the line says so; the supervisors are notified as before).

Ties go to the name, then the id, so every desk and the escalation service pick the same
person from the same synced rows. Reads are plain sqlite3 on the monitor's reader, loaded
once per pass and only when something escalates.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    team_id: str | None
    seniority: int


def _rank(person: Person) -> tuple[int, str, str]:
    return (-person.seniority, person.name, person.id)


@dataclass
class Followers:
    """The candidates of one monitor pass at ``now``."""

    conn: sqlite3.Connection
    now: datetime
    _people: list[Person] | None = field(default=None, repr=False)
    _on_duty: frozenset[str] | None = field(default=None, repr=False)

    def _load(self) -> tuple[list[Person], frozenset[str]]:
        if self._people is None:
            self._people = [Person(*row) for row in self.conn.execute(
                "SELECT id, name, team_id, seniority FROM staff "
                "WHERE deleted = 0 AND active = 1")]
            self._on_duty = _on_duty(self.conn, self.now)
        return self._people, self._on_duty or frozenset()

    def team_of(self, code: str) -> str | None:
        row = self.conn.execute("SELECT id FROM teams WHERE code = ? AND deleted = 0",
                                (code,)).fetchone()
        return None if row is None else str(row[0])

    def follower(self, team_id: str | None) -> str | None:
        """The person who must follow a ticket escalated to ``team_id`` (see the module)."""
        people, on_duty = self._load()
        if team_id is not None:
            team = sorted((p for p in people if p.team_id == team_id), key=_rank)
            working = [p for p in team if p.id in on_duty]
            chosen = working or team
            if chosen:
                return chosen[0].id
        working = sorted((p for p in people if p.id in on_duty), key=_rank)
        return working[0].id if working else None


def _on_duty(conn: sqlite3.Connection, now: datetime) -> frozenset[str]:
    """Who is on duty by the published rota (nobody when there is none)."""
    from app.rota.reading import on_duty_at_time

    try:
        return frozenset(d.staff_id for d in on_duty_at_time(conn, now) if not d.on_call)
    except (ValueError, sqlite3.Error):  # no rota tables, a year without holiday data
        return frozenset()
