"""Every line of the escalation ledger with what a supervisor asks of it: which ticket,
which rule (target and threshold), when, whose ticket it was then, what was done, how it
went, who was shown it and who acknowledged it.

*Owner at the time*: the person the ticket's timeline last assigned it to at or before the
escalation (an earlier escalation that handed it back to a group's queue leaves it with
nobody), and that person's team; a ticket nobody held shows its group (the ticket's team).
The timeline records no team with an assignment, so a team is the person's team today.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.store.reading import parse_sqlite_utc, sqlite_utc_text


@dataclass(frozen=True)
class LedgerFilter:
    """Narrowing of the ledger; empty means everything. ``until`` is exclusive."""

    since: datetime | None = None
    until: datetime | None = None
    actions: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    category_ids: frozenset[str] = frozenset()
    team_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LedgerEntry:
    id: str
    ticket_id: str
    number: str
    title: str
    kind: str  # the target (first_response, resolution, ...)
    threshold: str  # at_risk, breached, due+30m, ...
    action: str
    at: datetime
    outcome: str
    detail: str
    level: int
    category_id: str
    category: str
    owner_id: str | None
    owner: str
    team_id: str | None
    team: str
    resolved_at: datetime | None  # the ticket's resolution, if it came after the escalation
    delivered_to: tuple[str, ...]
    acknowledged_by: tuple[str, ...]
    # Who must follow the escalated ticket, chosen by the rule when it was escalated
    # (``app.sla.owners``, schema 0008); None on older lines and when nobody fitted.
    follower_id: str | None = None
    follower: str = ""

    @property
    def rule(self) -> str:
        """The rule as the ledger names it: target, threshold, action."""
        return f"{self.kind} {self.threshold} → {self.action}"

    @property
    def to_resolution_s(self) -> float | None:
        if self.resolved_at is None:
            return None
        return (self.resolved_at - self.at).total_seconds()


# The owner: the newest assignment at or before the line, unless an escalation handed the
# ticket back to a queue after it ("unassigned" in its detail, app/sla/actions.py).
_OWNER = """
(SELECT CASE WHEN ev.kind = 'assigned' THEN json_extract(ev.data, '$.assignee_id') END
 FROM ticket_events ev
 WHERE ev.ticket_id = e.ticket_id AND ev.at <= e.at
   AND (ev.kind = 'assigned' OR (ev.kind = 'escalated' AND ev.at < e.at
        AND json_extract(ev.data, '$.action') = 'reassign'
        AND json_extract(ev.data, '$.detail') LIKE '%unassigned'))
 ORDER BY ev.at DESC, ev.id DESC LIMIT 1)
"""

# The owner is computed once per line (materialised: referenced three times below, a
# flattened subquery ran three times per line) over the lines the ledger's own filters
# keep; ticket and team filters apply after it.
_LINES = f"""
WITH o AS MATERIALIZED (SELECT e.id, {_OWNER} AS owner_id FROM sla_escalations e
                        WHERE {{line_filters}})
SELECT e.id, e.ticket_id, t.number, t.title, e.kind, e.threshold, e.action, e.at,
       e.outcome, e.detail, t.level, t.category_id, c.{{name}}, o.owner_id,
       coalesce(s.name, ''), coalesce(s.team_id, t.team_id), coalesce(tm.{{name}}, ''),
       CASE WHEN t.resolved_at >= e.at THEN t.resolved_at END, e.owner_id,
       coalesce(f.name, '')
FROM o
JOIN sla_escalations e ON e.id = o.id
JOIN tickets t ON t.id = e.ticket_id AND t.deleted = 0
JOIN categories c ON c.id = t.category_id
LEFT JOIN staff s ON s.id = o.owner_id
LEFT JOIN staff f ON f.id = e.owner_id
LEFT JOIN teams tm ON tm.id = coalesce(s.team_id, t.team_id)
"""


def _in(column: str, values: frozenset[str], where: list[str], params: list[Any]) -> None:
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        params.extend(sorted(values))


def read_ledger(conn: sqlite3.Connection, language: str,
                narrow: LedgerFilter = LedgerFilter()) -> list[LedgerEntry]:
    """The ledger's lines under ``narrow``, newest first."""
    name = "name_zh" if language.startswith("zh") else "name_en"
    lines: list[str] = ["1 = 1"]
    line_params: list[Any] = []
    if narrow.since is not None:
        lines.append("e.at >= ?")
        line_params.append(sqlite_utc_text(narrow.since))
    if narrow.until is not None:
        lines.append("e.at < ?")
        line_params.append(sqlite_utc_text(narrow.until))
    _in("e.action", narrow.actions, lines, line_params)
    _in("e.outcome", narrow.outcomes, lines, line_params)
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    _in("t.category_id", narrow.category_ids, where, params)
    _in("coalesce(s.team_id, t.team_id)", narrow.team_ids, where, params)
    sql = (_LINES.format(name=name, line_filters=" AND ".join(lines)) + " WHERE "
           + " AND ".join(where) + " ORDER BY e.at DESC, e.id DESC")
    params = line_params + params
    rows = conn.execute(sql, params).fetchall()
    receipts = _receipts(conn, [r[0] for r in rows])
    return [LedgerEntry(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], parse_sqlite_utc(r[7]), r[8], r[9] or "",
        int(r[10]), r[11], r[12], r[13], r[14], r[15], r[16],
        None if r[17] is None else parse_sqlite_utc(r[17]),
        tuple(receipts.get((r[0], "delivered"), ())),
        tuple(receipts.get((r[0], "acknowledged"), ())), r[18], r[19]) for r in rows]


def _receipts(conn: sqlite3.Connection, ids: list[str]) -> dict[tuple[str, str], list[str]]:
    """Who each line was delivered to and acknowledged by, first first, each name once."""
    found: dict[tuple[str, str], list[str]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for ledger_id, step, name in conn.execute(
                "SELECT r.escalation_id, r.step, coalesce(s.name, '') FROM "
                "sla_escalation_receipts r LEFT JOIN staff s ON s.id = r.staff_id WHERE "
                f"r.escalation_id IN ({', '.join('?' * len(chunk))}) ORDER BY r.at, r.id",
                chunk):
            names = found.setdefault((ledger_id, step), [])
            if name not in names:
                names.append(name)
    return found


def choices(conn: sqlite3.Connection, language: str) -> dict[str, list[tuple[str, str]]]:
    """What the filters offer: actions and outcomes the ledger holds, categories, teams
    (id, name)."""
    name = "name_zh" if language.startswith("zh") else "name_en"
    return {
        "actions": [(a, a) for (a,) in conn.execute(
            "SELECT DISTINCT action FROM sla_escalations ORDER BY action")],
        "outcomes": [(o, o) for (o,) in conn.execute(
            "SELECT DISTINCT outcome FROM sla_escalations ORDER BY outcome")],
        "categories": [(str(i), str(n)) for i, n in conn.execute(
            f"SELECT id, {name} FROM categories WHERE deleted = 0 ORDER BY position, code")],
        "teams": [(str(i), str(n)) for i, n in conn.execute(
            f"SELECT id, {name} FROM teams WHERE deleted = 0 ORDER BY code")],
    }
