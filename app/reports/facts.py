"""Each ticket's SLA outcome per target, as the SLA engine decides it, kept for reports.

The SLA engine computes a ticket's clocks from its event history (``app.sla.clock``);
doing that for every ticket of a year at each report would take a minute on a busy
desk. So the engine's answer is kept per (ticket, target) in a derived table - like
``sla_running``, rebuilt any time - and reports aggregate it in SQL. The table lives in
a file of its own beside the database (``seatdesk-reports.sqlite3``, attached as
``rep``): it is derived data, not part of the synced schema, and never migrated.

What is kept never depends on "now": a stopped target is met or missed with its counted
time; a running one keeps its deadline, and it is breached once that has passed (the
engine's own rule, ``deadline <= now``). A ticket's facts are recomputed when any event
of it is written (followed by ``ticket_events``' rowid, so pulled events count as
well), and every ticket's when the policy versions or the calendar overrides change.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from app.sla.clock import ClockState, clocks
from app.sla.reading import calendars, histories, policy_book
from app.sla.running import chunks, to_ms

SCHEMA = 'rep'
_TABLES = """
CREATE TABLE IF NOT EXISTS rep.target_facts (
    ticket_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,            -- met | missed | running
    elapsed_s REAL,                 -- counted time until it stopped (stopped targets)
    budget_s INTEGER NOT NULL,
    deadline_ms INTEGER,            -- running: when it is breached (NULL while paused)
    stopped_ms INTEGER,
    missed_windows INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (ticket_id, kind)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rep.marks (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
VERSION = "1"  # of what the facts hold: a new one rebuilds them


def facts_file(conn: sqlite3.Connection) -> Path | None:
    """The facts' file beside the main database (None for an in-memory one)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file).with_name("seatdesk-reports.sqlite3") if file else None
    return None


def attach(conn: sqlite3.Connection) -> None:
    """Attach the facts' file as ``rep`` (once per connection) and create its tables."""
    names = {row[1] for row in conn.execute("PRAGMA database_list")}
    if SCHEMA in names:
        return
    path = facts_file(conn)
    target = f"file:{path}?mode=rwc" if path is not None else "file:reports?mode=memory"
    conn.execute(f"ATTACH DATABASE '{target}' AS {SCHEMA}")
    conn.executescript(_TABLES)


def _mark(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM rep.marks WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _policy_stamp(conn: sqlite3.Connection) -> str:
    versions = conn.execute("SELECT count(*), coalesce(max(version), 0), "
                            "coalesce(max(valid_from), '') FROM sla_policies").fetchone()
    overrides = conn.execute("SELECT count(*), coalesce(group_concat(day || working), '') "
                             "FROM sla_calendar_overrides").fetchone()
    return f"{VERSION}|{versions}|{overrides}"


def refresh(conn: sqlite3.Connection, now: datetime) -> int:
    """Bring the facts up to date with the event history; returns the tickets recomputed."""
    attach(conn)
    stamp = _policy_stamp(conn)
    seen = 0
    if _mark(conn, "policy") == stamp:
        seen = int(_mark(conn, "event_rowid") or 0)
    else:
        conn.execute("DELETE FROM rep.target_facts")
    top = conn.execute("SELECT coalesce(max(rowid), 0) FROM ticket_events").fetchone()[0]
    if top == seen:
        return 0
    changed = [row[0] for row in conn.execute(
        "SELECT DISTINCT ticket_id FROM ticket_events WHERE rowid > ? AND rowid <= ?",
        (seen, top))]
    book, cals = policy_book(conn), calendars(conn)
    rows: list[tuple[object, ...]] = []
    for chunk in chunks(changed):
        found = histories(conn, chunk)
        for history in found.values():
            policy = book.for_ticket(history.created_at)
            for clock in clocks(history, policy, cals, max(now, history.created_at)):
                stopped = clock.stopped_at is not None
                state = ("running" if not stopped
                         else "missed" if clock.state is ClockState.MISSED else "met")
                rows.append((history.ticket_id, str(clock.kind), state,
                             clock.elapsed.total_seconds() if stopped else None,
                             int(clock.budget.total_seconds()),
                             None if stopped else to_ms(clock.deadline),
                             to_ms(clock.stopped_at), clock.missed_windows))
    with conn:
        for chunk in chunks(changed):
            conn.execute(f"DELETE FROM rep.target_facts WHERE ticket_id IN "
                         f"({','.join('?' * len(chunk))})", chunk)
        conn.executemany("INSERT INTO rep.target_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT OR REPLACE INTO rep.marks VALUES (?, ?)",
                         [("policy", stamp), ("event_rowid", str(top))])
    return len(changed)
