"""Alerts into tickets, in the request's transaction (the source's row locked).

- A firing alert not seen before (or whose ticket is resolved or closed) opens a ticket:
  channel monitoring, type, category and level from the rules, no requester, the system as
  author of its timeline.
- The same alert again: a resend of the same occurrence (Alertmanager repeats a firing
  group every ``repeat_interval``) is counted, not written; a new occurrence (it fired
  again after resolving) adds a timeline entry to its open ticket.
- A resolved alert adds an entry, and resolves the ticket if its rule says so (never a
  storm ticket, which holds many alerts).
- A storm: once a source has opened ``storm_threshold`` tickets within ``storm_window``
  seconds (counted from the first of them), its new alerts go to one storm ticket as
  timeline entries until the source has been quiet for the window.

Round trips, which were most of an alert's time: the source's lock; the known alerts with
their tickets locked; the sequence numbers (and ticket numbers if a ticket opens); one
statement writing rows, alerts and the source's storm count and poking the desks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, text
from sqlalchemy.dialects.postgresql import JSONB

from app.domain.clock import Clock
from app.domain.enums import Channel, EventKind, TicketState
from app.domain.ids import new_id
from app.server.channels.lookups import Lookups
from app.server.channels.payloads import Report
from app.server.channels.rules import Mapping, mapping
from app.server.channels.writes import UPSERT_ROWS, RowWrites, locked_tickets
from app.server.push import CHANNEL
from app.sync.entities import encode_value
from app.sync.merge import StoredRow

AUTHOR = "monitoring@server"
_DONE = (str(TicketState.RESOLVED), str(TicketState.CLOSED))
_RATING = {1: 3, 2: 2, 3: 1}  # level → the urgency, impact and importance it stands for
_PLACEHOLDER = "SD-P-alert"  # replaced by the final number when the rows are written


class CatalogMissing(Exception):
    """The desk has no live ticket type or category to file an alert under."""


@dataclass
class Taken:
    """What became of a request's alerts (the webhook's answer)."""

    opened: int = 0
    added: int = 0
    repeated: int = 0
    resolved: int = 0
    ignored: int = 0
    tickets: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"opened": self.opened, "added": self.added, "repeated": self.repeated,
                "resolved": self.resolved, "ignored": self.ignored, "tickets": self.tickets}


@dataclass
class _Known:
    ticket_id: str
    status: str
    occurrence: str
    received: int
    opened: bool
    first_at: datetime
    dirty: bool = False


_KNOWN = text("""
    WITH a AS MATERIALIZED (
        SELECT fingerprint, ticket_id, status, occurrence, received, opened, first_at
        FROM alerts
        WHERE source_id = :source AND fingerprint = ANY(CAST(:fingerprints AS text[]))
        ORDER BY ticket_id)
    SELECT a.*, r.data, r.field_versions, r.version, r.deleted
    FROM a CROSS JOIN LATERAL (
        -- LATERAL: the few known alerts lead, each ticket found by its key (a join let the
        -- planner walk every ticket when its statistics were older than the alerts).
        SELECT data, field_versions, version, deleted FROM sync_rows
        WHERE entity = 'tickets' AND key = a.ticket_id
        FOR UPDATE) r
""").columns(data=JSONB, field_versions=JSONB)

_WRITE = text(f"""
    WITH written AS ({UPSERT_ROWS}),
    alerted AS (
        INSERT INTO alerts (source_id, fingerprint, ticket_id, status, occurrence, received,
                            opened, first_at, last_at)
        SELECT source_id, fingerprint, ticket_id, status, occurrence, received, opened,
               first_at, last_at
        FROM jsonb_to_recordset(CAST(:alerts AS jsonb)) AS a(
            source_id text, fingerprint text, ticket_id text, status text, occurrence text,
            received integer, opened boolean, first_at timestamptz, last_at timestamptz)
        ON CONFLICT (source_id, fingerprint) DO UPDATE SET
            ticket_id = excluded.ticket_id, status = excluded.status,
            occurrence = excluded.occurrence, received = excluded.received,
            opened = excluded.opened, first_at = excluded.first_at,
            last_at = excluded.last_at
        RETURNING 1),
    storm AS (
        UPDATE alert_sources s SET storm_since = x.since, storm_opened = x.opened,
            storm_ticket = x.ticket, storm_until = x.until
        FROM jsonb_to_recordset(CAST(:storms AS jsonb)) AS x(
            id text, since timestamptz, opened integer, ticket text, until timestamptz)
        WHERE s.id = x.id
        RETURNING 1)
    SELECT (SELECT count(*) FROM written) AS rows, (SELECT count(*) FROM alerted) AS alerts,
           (SELECT count(*) FROM storm) AS storms,
           CASE WHEN EXISTS (SELECT 1 FROM written)
                THEN pg_notify('{CHANNEL}', '') END AS poked
""")


def take(conn: Connection, clock: Clock, source: Row[Any], reports: list[Report],
         lookups: Lookups) -> Taken:
    """Apply ``reports`` from ``source`` (locked by the caller)."""
    writes = RowWrites(AUTHOR)
    intake = Intake(conn, clock, source, lookups, writes)
    taken = intake.take(reports)
    write(conn, writes, [intake])
    return taken


class Intake:
    """One source's alerts within a transaction (its row locked): ``take`` each post's
    reports, then ``write`` every source's rows at once."""

    def __init__(self, conn: Connection, clock: Clock, source: Row[Any],
                 lookups: Lookups, writes: RowWrites) -> None:
        self._conn, self._clock, self._source, self._lookups = conn, clock, source, lookups
        self._now = clock.now()
        self._writes = writes
        self._taken = Taken()
        self._tickets: dict[str, StoredRow] = {}
        self._known: dict[str, _Known] = {}
        self._asked: set[str] = set()  # fingerprints looked up already
        self._window = timedelta(seconds=source.storm_window)
        self._since: datetime | None = source.storm_since
        self._opened: int = source.storm_opened
        self._storm: str | None = source.storm_ticket
        self._storm_until: datetime | None = source.storm_until
        self._storm_read = False

    def take(self, reports: list[Report]) -> Taken:
        """One post's reports; what became of them."""
        self._taken = Taken()
        self._look_up({r.fingerprint for r in reports} - self._asked)
        if not self._storm_read and self._storm and self._storm not in self._tickets \
                and self._storm_until and self._storm_until > self._now:
            self._tickets.update(locked_tickets(self._conn, [self._storm]))
        self._storm_read = True
        for report in reports:
            self._one(report, self._known)
        return self._taken

    def alert_rows(self) -> list[dict[str, Any]]:
        now = encode_value(self._now)
        return [{"source_id": self._source.id, "fingerprint": fp, "ticket_id": k.ticket_id,
                 "status": k.status, "occurrence": k.occurrence, "received": k.received,
                 "opened": k.opened, "first_at": encode_value(k.first_at), "last_at": now}
                for fp, k in self._known.items() if k.dirty]

    def storm_row(self) -> dict[str, Any] | None:
        source = self._source
        if (self._since, self._opened, self._storm, self._storm_until) == (
                source.storm_since, source.storm_opened, source.storm_ticket,
                source.storm_until):
            return None
        return {"id": source.id, "since": encode_value(self._since), "opened": self._opened,
                "ticket": self._storm, "until": encode_value(self._storm_until)}

    def _look_up(self, fingerprints: set[str]) -> None:
        if not fingerprints:
            return
        self._asked |= fingerprints
        self._known.update(self._read_known(fingerprints))

    def _read_known(self, fingerprints: set[str]) -> dict[str, _Known]:
        found = self._conn.execute(_KNOWN, {"source": self._source.id,
                                            "fingerprints": sorted(fingerprints)})
        known = {}
        for row in found:
            known[row.fingerprint] = _Known(row.ticket_id, row.status, row.occurrence,
                                            row.received, row.opened, row.first_at)
            self._tickets[row.ticket_id] = StoredRow(dict(row.data), dict(row.field_versions),
                                                     row.version, row.deleted)
        return known

    def _open(self, ticket_id: str | None) -> bool:
        stored = self._tickets.get(ticket_id or "")
        return stored is not None and not stored.deleted \
            and stored.data.get("state") not in _DONE

    def _one(self, report: Report, known: dict[str, _Known]) -> None:
        previous = known.get(report.fingerprint)
        if previous is not None and self._open(previous.ticket_id):
            self._again(report, previous)
        elif not report.firing:
            # Resolved, and nothing open to tell: a resend, or a problem that began before
            # the source was connected. Counted, nothing written.
            if previous is not None:
                previous.received += 1
                previous.dirty = True
            self._taken.ignored += 1
        else:
            ticket_id, opened = self._ticket_for(report)
            known[report.fingerprint] = _Known(ticket_id, "firing", report.occurrence, 1,
                                               opened, self._now, dirty=True)

    def _again(self, report: Report, previous: _Known) -> None:
        previous.received += 1
        previous.dirty = True
        status = "firing" if report.firing else "resolved"
        if status == previous.status and (not report.firing
                                          or report.occurrence == previous.occurrence):
            self._taken.repeated += 1
            return
        previous.status, previous.occurrence = status, report.occurrence
        self._entry(previous.ticket_id, EventKind.COMMENT, report.detail,
                    {"alert": "fired" if report.firing else "resolved",
                     "fingerprint": report.fingerprint, "title": report.title})
        self._taken.added += 1
        if report.firing:
            return
        self._taken.resolved += 1
        if previous.opened and self._mapping(report).resolve:
            self._resolve(previous.ticket_id, report)

    def _ticket_for(self, report: Report) -> tuple[str, bool]:
        """A new ticket for ``report``, or the source's storm ticket; (id, opened here)."""
        if self._storm and self._storm_until and self._storm_until > self._now \
                and self._open(self._storm):
            self._storm_until = self._now + self._window
            self._join_storm(report)
            return self._storm, False
        threshold = self._source.storm_threshold
        if threshold > 0:
            if self._since is None or self._now - self._since > self._window:
                self._since, self._opened = self._now, 0
            if self._opened >= threshold:
                self._storm = self._new_ticket(
                    f"Alert storm: {self._source.name}",
                    f"More than {threshold} alerts from {self._source.name} within "
                    f"{self._source.storm_window} s; later alerts are added here.",
                    Mapping("fault", "monitoring", 1, False), {"alert": "storm"})
                self._storm_until = self._now + self._window
                self._join_storm(report)
                return self._storm, False
            self._opened += 1
        ticket_id = self._new_ticket(report.title, report.detail, self._mapping(report),
                                     {"alert": "opened", "fingerprint": report.fingerprint})
        return ticket_id, True

    def _join_storm(self, report: Report) -> None:
        assert self._storm is not None
        self._entry(self._storm, EventKind.COMMENT, report.detail,
                    {"alert": "joined", "fingerprint": report.fingerprint,
                     "title": report.title})
        self._taken.added += 1

    def _mapping(self, report: Report) -> Mapping:
        return mapping(self._lookups.rules(self._conn), self._source.id, report.labels)

    def _catalog_id(self, entity: str, code: str) -> str:
        found = self._lookups.catalog_id(self._conn, entity, code)
        if found is None:
            raise CatalogMissing(f"the desk has no {entity.replace('_', ' ')}")
        return found

    def _new_ticket(self, title: str, detail: str, mapped: Mapping,
                    entry: dict[str, Any]) -> str:
        type_id = self._catalog_id("ticket_types", mapped.type_code)
        category_id = self._catalog_id("categories", mapped.category_code)
        ticket_id = new_id(self._clock)
        now = encode_value(self._now)
        rating = _RATING[mapped.level]
        data = {
            "id": ticket_id, "number": _PLACEHOLDER,
            "title": title or "Alert", "description": detail, "requester_id": None,
            "channel": str(Channel.MONITORING), "type_id": type_id,
            "category_id": category_id, "urgency": rating, "impact": rating,
            "importance": rating, "level": mapped.level,
            "level_reason": f"alert rule ({self._source.name})", "state": str(TicketState.NEW),
            "pending_reason": "", "assignee_id": None, "team_id": None, "created_at": now,
            "first_response_at": None, "resolved_at": None, "closed_at": None,
            "solution": "", "cause": "", "satisfaction": None, "satisfaction_method": "",
            "closed_unconfirmed": False, "updated_at": now, "deleted": False}
        self._writes.insert("tickets", data, numbered=True)
        self._tickets[ticket_id] = StoredRow(data, {}, 1)
        self._entry(ticket_id, EventKind.CREATED, detail,
                    {"channel": str(Channel.MONITORING), "level": mapped.level,
                     "source": self._source.name, **entry})
        self._taken.opened += 1
        self._taken.tickets.append(ticket_id)
        return ticket_id

    def _resolve(self, ticket_id: str, report: Report) -> None:
        stored = self._tickets[ticket_id]
        solution = f"Resolved by monitoring: {report.title}"
        now = encode_value(self._now)
        before = str(stored.data.get("state"))
        self._tickets[ticket_id] = self._writes.update(
            "tickets", ticket_id, stored, {"state": str(TicketState.RESOLVED),
                                           "resolved_at": now, "updated_at": now,
                                           "solution": solution})
        self._entry(ticket_id, EventKind.STATE_CHANGED, solution,
                    {"from": before, "to": str(TicketState.RESOLVED), "alert": "resolved"})

    def _entry(self, ticket_id: str, kind: EventKind, body: str,
               data: dict[str, Any]) -> None:
        self._writes.insert("ticket_events", {
            "id": new_id(self._clock), "ticket_id": ticket_id, "at": encode_value(self._now),
            "actor_id": None, "kind": str(kind), "body": body[:4000],
            "data": json.dumps(data, ensure_ascii=False)})



def write(conn: Connection, writes: RowWrites, intakes: list[Intake]) -> None:
    """Every source's rows, alerts and storm counts in one statement, the desks poked."""
    alerts = [row for intake in intakes for row in intake.alert_rows()]
    storms = [row for intake in intakes if (row := intake.storm_row()) is not None]
    rows = writes.prepared(conn)
    if rows or alerts or storms:
        conn.execute(_WRITE, {"rows": _json(rows), "alerts": _json(alerts),
                              "storms": _json(storms)})


def _json(values: list[dict[str, Any]]) -> str:
    return json.dumps(values, ensure_ascii=False)
