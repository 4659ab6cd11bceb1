""""Notify the supervisor" as it really happens: sent (the ledger says "pending"), delivered
to a supervisor, acknowledged by one; then the ledger's writer makes it "done"."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.sla.monitor import due_thresholds, refresh_targets
from app.sla.receipts import (
    ACKNOWLEDGED,
    DELIVERED,
    awaiting_acknowledgement,
    received_by,
    record_receipts,
    settle_acknowledged,
    supervisor_calls_of,
)
from app.store.database import Store
from app.store.reading import read_connection
from app.sync.outbox import OutboxWriter
from tests.app.helpers import first_id, one


@pytest.fixture
def reader(demo_copy: DataDir) -> sqlite3.Connection:
    return read_connection(demo_copy.database)


def breached_fault(store: Store, data: DataDir, clock: ManualClock,
                   reader: sqlite3.Connection) -> tuple[str, str]:
    """A fault nobody answered for an hour, escalated as a standalone desk does: (ticket id,
    the ledger line notifying the supervisors of its resolution breach)."""
    db = data.database
    draft = TicketDraft("存储卷只读", "数据库服务器挂载的存储卷变为只读。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='fault'"), first_id(db, "categories"))
    ticket = Intake(store, clock, GradingWeights(), first_id(db, "staff")).log(draft).id
    refresh_targets(store, reader, [ticket], clock.now())
    clock.advance(timedelta(hours=1, seconds=1))
    due_thresholds(store, reader, clock, escalate=True)
    line = one(db, "SELECT id FROM sla_escalations WHERE ticket_id = ? AND kind = 'resolution' "
                   "AND action = 'notify_supervisor'", ticket)
    return ticket, line


def supervisors(data: DataDir) -> tuple[str, str]:
    with sqlite3.connect(data.database) as conn:
        found = [r[0] for r in conn.execute(
            "SELECT s.id FROM staff s JOIN desk_accounts a ON a.login = s.login "
            "WHERE a.role = 'supervisor' ORDER BY s.login LIMIT 2")]
    assert len(found) == 2
    return found[0], found[1]


def test_sent_delivered_acknowledged_then_done(demo_store: Store, demo_copy: DataDir,
                                               clock: ManualClock,
                                               reader: sqlite3.Connection) -> None:
    ticket, line = breached_fault(demo_store, demo_copy, clock, reader)
    outcome, detail = reader.execute("SELECT outcome, detail FROM sla_escalations WHERE id = ?",
                                     (line,)).fetchone()
    assert (outcome, detail) == ("pending", "")  # sent, nobody has seen it
    event = reader.execute("SELECT data FROM ticket_events WHERE ticket_id = ? AND kind = "
                           "'escalated'", (ticket,)).fetchone()
    assert json.loads(event[0])["outcome"] == "pending"
    assert line in [c.ledger_id for c in awaiting_acknowledgement(reader)]

    first, second = supervisors(demo_copy)
    clock.advance(timedelta(minutes=1))
    assert record_receipts(demo_store, clock, [line], first, DELIVERED) == [line]
    assert record_receipts(demo_store, clock, [line], first, DELIVERED) == []  # once
    assert received_by(reader, first, DELIVERED, [line, "nothing"]) == {line}
    (call,) = [c for c in supervisor_calls_of(reader, ticket) if c.ledger_id == line]
    assert [(r.step, r.staff_id) for r in call.receipts] == [(DELIVERED, first)]
    assert call.first(ACKNOWLEDGED) is None and call.outcome == "pending"

    # The other supervisor acknowledges from the centre: shown to him, so delivered too.
    clock.advance(timedelta(minutes=2))
    assert record_receipts(demo_store, clock, [line], second, ACKNOWLEDGED) == [line]
    (call,) = [c for c in supervisor_calls_of(reader, ticket) if c.ledger_id == line]
    assert [(r.step, r.staff_id) for r in call.receipts] == [
        (DELIVERED, first), (DELIVERED, second), (ACKNOWLEDGED, second)]
    acknowledged = call.first(ACKNOWLEDGED)
    assert acknowledged is not None and acknowledged.at == clock.now()
    name = one(demo_copy.database, "SELECT name FROM staff WHERE id = ?", second)
    assert acknowledged.staff_name == name
    assert line not in [c.ledger_id for c in awaiting_acknowledgement(reader)]

    # Whoever writes the ledger settles it: done, naming who acknowledged it and when.
    assert settle_acknowledged(demo_store) == [line]
    outcome, detail = reader.execute("SELECT outcome, detail FROM sla_escalations WHERE id = ?",
                                     (line,)).fetchone()
    assert outcome == "done" and detail == \
        f"acknowledged by {name} {clock.now().isoformat(timespec='seconds')}"
    assert settle_acknowledged(demo_store) == []


def test_receipts_travel_and_name_their_supervisor(demo_store: Store, demo_copy: DataDir,
                                                   clock: ManualClock,
                                                   reader: sqlite3.Connection) -> None:
    """A supervisor's desk connected to a server: receipts go to the outbox under the
    supervisor; the ledger stays as the escalation service wrote it."""
    _ticket, line = breached_fault(demo_store, demo_copy, clock, reader)
    OutboxWriter(demo_store, clock)
    first, _second = supervisors(demo_copy)
    record_receipts(demo_store, clock, [line], first, ACKNOWLEDGED)
    sent = [json.loads(r[0]) for r in reader.execute(
        "SELECT patch FROM sync_outbox WHERE entity = 'sla_escalation_receipts' ORDER BY id")]
    assert [(p["step"], p["staff_id"], p["escalation_id"]) for p in sent] == [
        (DELIVERED, first, line), (ACKNOWLEDGED, first, line)]
    assert one(demo_copy.database, "SELECT count(*) FROM sync_outbox WHERE entity = "
                                   "'sla_escalations'") == "0"
    with pytest.raises(ValueError, match="read"):
        record_receipts(demo_store, clock, [line], first, "read")
