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
well) or the ticket itself changes (``tickets.updated_at``), and every ticket's when
the policy versions or the calendar overrides change. Each row carries copies of the
ticket's fields reports filter and group by, so a report reads these small tables only.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from app.sla.clock import ClockState, clocks
from app.sla.reading import calendars, histories, policy_book
from app.sla.running import chunks, to_ms
from app.store.reading import parse_sqlite_utc

SCHEMA = 'rep'
_TABLES = """
CREATE TABLE IF NOT EXISTS rep.target_facts (
    created_ms INTEGER NOT NULL,    -- the ticket's creation: reports select by it
    ticket_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,            -- met | missed | running
    elapsed_s REAL,                 -- counted time until it stopped (stopped targets)
    budget_s INTEGER NOT NULL,
    deadline_ms INTEGER,            -- running: when it is breached (NULL while paused)
    stopped_ms INTEGER,
    missed_windows INTEGER NOT NULL DEFAULT 0,
    -- copies of the ticket's fields, so that a report reads this table alone
    level INTEGER NOT NULL, type_id TEXT NOT NULL, channel TEXT NOT NULL,
    category_id TEXT NOT NULL, team_id TEXT, assignee_id TEXT,
    -- counted in business hours through a year without official holidays (issue 16)
    estimated INTEGER NOT NULL DEFAULT 0,
    -- the copied ids again as small numbers (rep.codes): a report reads a year's rows
    -- into Python, where ints cost a third of 36-character strings (tally.py)
    type_code INTEGER NOT NULL, channel_code INTEGER NOT NULL,
    category_code INTEGER NOT NULL, team_code INTEGER NOT NULL, seat_code INTEGER NOT NULL,
    PRIMARY KEY (created_ms, ticket_id, kind)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rep.ix_target_facts_ticket ON target_facts (ticket_id);
-- The few targets counted through a year without official holidays (estimated_targets):
-- counted from here, not by reading every target of the period.
CREATE INDEX IF NOT EXISTS rep.ix_target_facts_estimated ON target_facts (created_ms)
    WHERE estimated = 1;
CREATE TABLE IF NOT EXISTS rep.ticket_facts (
    created_ms INTEGER NOT NULL,
    ticket_id TEXT NOT NULL,
    level INTEGER NOT NULL, type_id TEXT NOT NULL, channel TEXT NOT NULL,
    category_id TEXT NOT NULL, team_id TEXT, assignee_id TEXT,
    state TEXT NOT NULL,
    satisfaction INTEGER, satisfaction_method TEXT NOT NULL,
    closed_unconfirmed INTEGER NOT NULL,
    reopened INTEGER NOT NULL,      -- left resolved/closed for work again (timeline)
    -- the reason the latest confirmation's comment gives (satisfaction_reasons.py), NULL
    -- without a comment: classified once here, not at every report
    reason TEXT,
    PRIMARY KEY (created_ms, ticket_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rep.ix_ticket_facts_ticket ON ticket_facts (ticket_id);
CREATE TABLE IF NOT EXISTS rep.marks (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Each copied id's number per column, from 1 (0: none); numbers are never reused.
CREATE TABLE IF NOT EXISTS rep.codes (
    dimension TEXT NOT NULL, value TEXT NOT NULL, code INTEGER NOT NULL,
    PRIMARY KEY (dimension, value),
    UNIQUE (dimension, code)
) WITHOUT ROWID;
"""
_TICKETS = """
SELECT t.id, t.created_at, t.level, t.type_id, t.channel, t.category_id, t.team_id,
       t.assignee_id, t.state, t.satisfaction, t.satisfaction_method, t.closed_unconfirmed,
       EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id
               AND e.kind = 'state_changed'
               AND json_extract(e.data, '$.from') IN ('resolved', 'closed')
               AND json_extract(e.data, '$.to') NOT IN ('resolved', 'closed')),
       (SELECT e.body FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'satisfaction'
        ORDER BY e.at DESC LIMIT 1)
FROM tickets t WHERE t.id IN ({marks}) AND t.deleted = 0
"""
VERSION = "5"  # of what the facts hold: a new one rebuilds them (4: call-back targets;
# 5: the copied ids numbered)
# The columns of target_facts numbered in rep.codes, in the table's order.
CODED = ("type", "channel", "category", "team", "seat")


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
    columns = {row[1] for row in conn.execute(f"PRAGMA {SCHEMA}.table_info(target_facts)")}
    if "seat_code" not in columns:  # a file from before the codes (or issue 16): rebuilt
        with conn:
            conn.execute("DROP TABLE rep.target_facts")
            conn.execute("DELETE FROM rep.marks")
        conn.executescript(_TABLES)
    columns = {row[1] for row in conn.execute(f"PRAGMA {SCHEMA}.table_info(ticket_facts)")}
    if "reason" not in columns:  # a file from before the comments' reasons: rebuilt
        with conn:
            conn.execute("DROP TABLE rep.ticket_facts")
            conn.execute("DELETE FROM rep.marks")
        conn.executescript(_TABLES)


def _mark(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM rep.marks WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _policy_stamp(conn: sqlite3.Connection) -> str:
    versions = conn.execute("SELECT count(*), coalesce(max(version), 0), "
                            "coalesce(max(valid_from), '') FROM sla_policies").fetchone()
    overrides = conn.execute("SELECT count(*), coalesce(group_concat(day || working), '') "
                             "FROM sla_calendar_overrides").fetchone()
    # A year's official holidays entered (issue 16) moves business-hours deadlines too.
    years = conn.execute("SELECT count(*), coalesce(group_concat(year || saved_at), '') "
                         "FROM sla_holiday_years").fetchone()
    return f"{VERSION}|{versions}|{overrides}|{years}"


def refresh(conn: sqlite3.Connection, now: datetime) -> int:
    """Bring the facts up to date with the event history; returns the tickets recomputed."""
    # Here, not at the top: satisfaction_reasons reads the facts (refresh) in turn.
    from app.reports.satisfaction_reasons import classify

    attach(conn)
    stamp = _policy_stamp(conn)
    seen, edited = 0, ""
    if _mark(conn, "policy") == stamp:
        seen, edited = int(_mark(conn, "event_rowid") or 0), _mark(conn, "updated_at") or ""
    else:
        with conn:
            conn.execute("DELETE FROM rep.target_facts")
            conn.execute("DELETE FROM rep.ticket_facts")
    top = conn.execute("SELECT coalesce(max(rowid), 0) FROM ticket_events").fetchone()[0]
    latest = conn.execute("SELECT coalesce(max(updated_at), '') FROM tickets").fetchone()[0]
    if top == seen and latest == edited:
        return 0
    changed = list(dict.fromkeys(
        [row[0] for row in conn.execute(
            "SELECT DISTINCT ticket_id FROM ticket_events WHERE rowid > ? AND rowid <= ?",
            (seen, top))]
        + [row[0] for row in conn.execute(
            "SELECT id FROM tickets WHERE updated_at > ? AND updated_at <= ?", (edited, latest))]))
    book, cals = policy_book(conn), calendars(conn)
    targets: list[tuple[object, ...]] = []
    tickets: list[tuple[object, ...]] = []
    for chunk in chunks(changed):
        heads = {row[0]: row for row in conn.execute(
            _TICKETS.format(marks=",".join("?" * len(chunk))), chunk)}
        for ticket_id, head in heads.items():
            created = to_ms(parse_sqlite_utc(head[1]))
            dims = head[2:8]
            comment = head[13]
            tickets.append((created, ticket_id, *dims, *head[8:13],
                            classify(comment) if comment else None))
        for history in histories(conn, chunk).values():
            head = heads.get(history.ticket_id)
            if head is None:
                continue
            created = to_ms(history.created_at)
            policy = book.for_ticket(history.created_at)
            for clock in clocks(history, policy, cals, max(now, history.created_at)):
                stopped = clock.stopped_at is not None
                state = ("running" if not stopped
                         else "missed" if clock.state is ClockState.MISSED else "met")
                targets.append((created, history.ticket_id, str(clock.kind), state,
                                clock.elapsed.total_seconds() if stopped else None,
                                int(clock.budget.total_seconds()),
                                None if stopped else to_ms(clock.deadline),
                                to_ms(clock.stopped_at), clock.missed_windows, *head[2:8],
                                int(clock.estimated)))
    with conn:
        for chunk in chunks(changed):
            marks = ",".join("?" * len(chunk))
            conn.execute(f"DELETE FROM rep.target_facts WHERE ticket_id IN ({marks})", chunk)
            conn.execute(f"DELETE FROM rep.ticket_facts WHERE ticket_id IN ({marks})", chunk)
        conn.executemany(f"INSERT INTO rep.target_facts VALUES ({','.join('?' * 21)})",
                         coded(conn, targets))
        conn.executemany(f"INSERT INTO rep.ticket_facts VALUES ({','.join('?' * 14)})", tickets)
        conn.executemany("INSERT OR REPLACE INTO rep.marks VALUES (?, ?)",
                         [("policy", stamp), ("event_rowid", str(top)), ("updated_at", latest)])
    return len(changed)


def codes(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Per coded column, each value's number."""
    found: dict[str, dict[str, int]] = {name: {} for name in CODED}
    for dimension, value, code in conn.execute("SELECT dimension, value, code FROM rep.codes"):
        found.setdefault(dimension, {})[value] = code
    return found


def coded(conn: sqlite3.Connection, rows: list[tuple[object, ...]]
          ) -> list[tuple[object, ...]]:
    """``rows`` of target_facts with their codes appended, numbering new values; inside the
    write transaction, so two connections refreshing at once cannot number apart."""
    known = codes(conn)
    new: list[tuple[str, str, int]] = []
    result = []
    for row in rows:
        numbers = []
        for name, value in zip(CODED, row[10:15], strict=True):
            if value is None:
                numbers.append(0)
                continue
            numbered = known[name]
            code = numbered.get(str(value))
            if code is None:
                code = numbered[str(value)] = len(numbered) + 1
                new.append((name, str(value), code))
            numbers.append(code)
        result.append((*row, *numbers))
    conn.executemany("INSERT INTO rep.codes VALUES (?, ?, ?)", new)
    return result


def estimated_targets(conn: sqlite3.Connection, first_ms: int, end_ms: int) -> int:
    """How many targets of the tickets created in [first_ms, end_ms) were counted through
    a year whose official holidays are not entered (their figures are estimates)."""
    attach(conn)
    row = conn.execute("SELECT count(*) FROM rep.target_facts WHERE created_ms >= ? AND "
                       "created_ms < ? AND estimated = 1", (first_ms, end_ms)).fetchone()
    return int(row[0])
