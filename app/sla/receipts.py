"""What became of a "notify the supervisor" escalation after it was sent: the receipts of
the supervisors it reached (``sla_escalation_receipts``, schema 0007).

- *Delivered*: a supervisor's desk showed it to that supervisor (the tray message or toast
  announcing it, or the notification centre listing it), once per escalation and
  supervisor.
- *Acknowledged*: the supervisor acknowledged it in the notification centre (which also
  counts as delivered, if that was not recorded yet).

Receipts are synced and append-only, each under the supervisor it names (the server binds
``staff_id`` to the pushing account), so any desk can say who saw an escalation, and when.
The ledger line itself says "pending" (sent) until the first acknowledgement; then whoever
writes the ledger - the standalone desk, or the escalation service when the receipt arrives
by sync - makes it "done", naming who and when (``settle_acknowledged``). Nobody else writes
the ledger (``LATER_FIELDS``: only its outcome and detail ever change).

Reads are plain sqlite3 (the notification centre and the ticket's SLA panel); writes load
SQLAlchemy on first use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from app.sla.escalation import Action
from app.store.reading import parse_sqlite_utc

if TYPE_CHECKING:
    from app.domain.clock import Clock
    from app.store.database import Store

DELIVERED, ACKNOWLEDGED = "delivered", "acknowledged"
SENT = "pending"  # the ledger's outcome of a notification no supervisor acknowledged yet


class SupervisorCall(NamedTuple):
    """A "notify the supervisor" ledger line still waiting for a supervisor."""

    ledger_id: str
    ticket_id: str
    number: str
    title: str
    kind: str
    threshold: str
    at: datetime


class Receipt(NamedTuple):
    step: str  # DELIVERED | ACKNOWLEDGED
    staff_id: str | None
    staff_name: str
    at: datetime


class CallRecord(NamedTuple):
    """One "notify the supervisor" line of a ticket with what became of it."""

    ledger_id: str
    kind: str
    threshold: str
    at: datetime
    outcome: str
    receipts: tuple[Receipt, ...]  # the first of each (supervisor, step), oldest first

    def first(self, step: str) -> Receipt | None:
        return next((r for r in self.receipts if r.step == step), None)


_AWAITING = f"""
SELECT e.id, e.ticket_id, t.number, t.title, e.kind, e.threshold, e.at
FROM sla_escalations e JOIN tickets t ON t.id = e.ticket_id AND t.deleted = 0
WHERE e.action = '{Action.NOTIFY_SUPERVISOR.value}' AND e.outcome = '{SENT}'
  AND NOT EXISTS (SELECT 1 FROM sla_escalation_receipts r
                  WHERE r.escalation_id = e.id AND r.step = '{ACKNOWLEDGED}')
ORDER BY e.at DESC, e.id DESC LIMIT ?
"""


def awaiting_acknowledgement(conn: sqlite3.Connection, limit: int = 200
                             ) -> list[SupervisorCall]:
    """Escalations to the supervisors that no supervisor has acknowledged, newest first.
    Lines written "done" before receipts existed are history, not listed."""
    return [SupervisorCall(r[0], r[1], r[2], r[3], r[4], r[5], parse_sqlite_utc(r[6]))
            for r in conn.execute(_AWAITING, (limit,))]


def received_by(conn: sqlite3.Connection, staff_id: str, step: str,
                ledger_ids: Iterable[str]) -> set[str]:
    """Which of ``ledger_ids`` already have a ``step`` receipt of ``staff_id``."""
    ids = list(ledger_ids)
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        found |= {str(r[0]) for r in conn.execute(
            "SELECT escalation_id FROM sla_escalation_receipts WHERE staff_id = ? AND step = ? "
            f"AND escalation_id IN ({marks})", (staff_id, step, *chunk))}
    return found


_OF_TICKET = f"""
SELECT e.id, e.kind, e.threshold, e.at, e.outcome, r.step, r.staff_id, coalesce(s.name, ''),
       r.at
FROM sla_escalations e
LEFT JOIN sla_escalation_receipts r ON r.escalation_id = e.id
LEFT JOIN staff s ON s.id = r.staff_id
WHERE e.ticket_id = ? AND e.action = '{Action.NOTIFY_SUPERVISOR.value}'
ORDER BY e.at, e.id, r.at, r.step = '{ACKNOWLEDGED}', r.id
"""


def supervisor_calls_of(conn: sqlite3.Connection, ticket_id: str) -> list[CallRecord]:
    """The ticket's "notify the supervisor" escalations with their receipts, oldest first."""
    lines: dict[str, tuple[str, str, datetime, str]] = {}
    receipts: dict[str, list[Receipt]] = {}
    for ledger_id, kind, threshold, at, outcome, step, staff_id, name, when in conn.execute(
            _OF_TICKET, (ticket_id,)):
        lines.setdefault(ledger_id, (kind, threshold, parse_sqlite_utc(at), outcome))
        seen = receipts.setdefault(ledger_id, [])
        # Two desks of one supervisor may both record a step: the first one counts.
        if step is not None and not any(r.step == step and r.staff_id == staff_id
                                        for r in seen):
            seen.append(Receipt(step, staff_id, name, parse_sqlite_utc(when)))
    return [CallRecord(ledger_id, kind, threshold, at, outcome, tuple(receipts[ledger_id]))
            for ledger_id, (kind, threshold, at, outcome) in lines.items()]


def record_receipts(store: Store, clock: Clock, ledger_ids: Iterable[str],
                    staff_id: str, step: str) -> list[str]:
    """Record that supervisor ``staff_id`` was shown (``DELIVERED``) or acknowledged
    (``ACKNOWLEDGED``) these escalations; one receipt per escalation, supervisor and step,
    so repeating it changes nothing. An acknowledgement without a delivery records the
    delivery too. Returns the escalations that got a new ``step`` receipt."""
    from sqlalchemy import select

    from app.domain.ids import new_id
    from app.sla.tables import SlaEscalationReceiptRow, SlaEscalationRow

    if step not in (DELIVERED, ACKNOWLEDGED):
        raise ValueError(f"unknown receipt step {step!r}")
    wanted = list(dict.fromkeys(ledger_ids))
    steps = (DELIVERED, ACKNOWLEDGED) if step == ACKNOWLEDGED else (DELIVERED,)
    receipt = SlaEscalationReceiptRow
    added: list[str] = []
    with store.unit_of_work() as session:
        known = set(session.scalars(select(SlaEscalationRow.id).where(
            SlaEscalationRow.id.in_(wanted))))
        had = {(r.escalation_id, r.step) for r in session.scalars(select(receipt).where(
            receipt.staff_id == staff_id, receipt.escalation_id.in_(wanted)))}
        now = clock.now()
        for ledger_id in wanted:
            if ledger_id not in known:
                continue
            for this in steps:
                if (ledger_id, this) in had:
                    continue
                session.add(receipt(id=new_id(clock), escalation_id=ledger_id,
                                    staff_id=staff_id, step=this, at=now))
                if this == step:
                    added.append(ledger_id)
    return added


def settle_acknowledged(store: Store) -> list[str]:
    """For whoever writes the ledger: every line still "pending" (sent) that a supervisor
    has acknowledged becomes "done", its detail naming the first to acknowledge and when.
    Returns the lines settled."""
    from sqlalchemy import select

    from app.sla.tables import SlaEscalationReceiptRow, SlaEscalationRow
    from app.store.models import StaffRow

    line, receipt = SlaEscalationRow, SlaEscalationReceiptRow
    settled: list[str] = []
    with store.unit_of_work() as session:
        found = session.execute(
            select(line, receipt.at, StaffRow.name)
            .join(receipt, receipt.escalation_id == line.id)
            .outerjoin(StaffRow, StaffRow.id == receipt.staff_id)
            .where(line.action == Action.NOTIFY_SUPERVISOR.value, line.outcome == SENT,
                   receipt.step == ACKNOWLEDGED)
            .order_by(receipt.at, receipt.id)).all()
        for row, at, name in found:
            if row.outcome != SENT:  # a second acknowledgement of a line settled above
                continue
            row.outcome = "done"
            row.detail = f"{row.detail} acknowledged by {name or '?'} " \
                f"{at.isoformat(timespec='seconds')}".strip()
            settled.append(row.id)
    return settled
