"""Who escalates and who may write the ledger: the pure rules behind server-side escalation."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any, cast

import pytest
from sqlalchemy import Connection

from app.domain.clock import ManualClock
from app.domain.ids import new_id
from app.domain.roles import Role
from app.server.accounts import User
from app.server.roles import Permissions
from app.sla.monitor import due_thresholds, refresh_targets
from app.sla.tables import SlaEscalationRow
from app.store.database import Store
from app.sync.entities import entities
from app.sync.merge import Rejected, StoredRow
from tests.app.test_sla_monitor import fault, reader, seat  # noqa: F401 (fixtures)

LINE = {"id": "0190c0de-0000-7000-8000-00000000000a", "ticket_id": "t", "kind": "resolution",
        "threshold": "breached", "window": 0, "action": "webhook",
        "at": "2026-11-26T02:00:00+00:00", "outcome": "pending", "detail": "http://hook"}


def permissions(role: Role) -> Permissions:
    # The ledger's rules never look anything up: no connection is needed.
    return Permissions(cast(Connection, None), User("u", "svc", "Service", role))


def test_only_the_escalator_writes_ledger_lines_and_only_their_outcome_later() -> None:
    ledger = entities()["sla_escalations"]
    stored = StoredRow(dict(LINE), {}, 1)
    for role in (Role.AGENT, Role.SUPERVISOR, Role.ADMIN):
        with pytest.raises(Rejected, match="only the escalation service writes"):
            permissions(role).check(ledger, dict(LINE), None)
    service = permissions(Role.ESCALATOR)
    service.check(ledger, dict(LINE), None)
    service.check(ledger, {"outcome": "failed", "detail": "HTTP 500 (3x)"}, stored)
    service.check(ledger, {**LINE, "outcome": "done"}, stored)  # a whole row, same facts
    with pytest.raises(Rejected, match="only detail, outcome change"):
        service.check(ledger, {"action": "notify_supervisor"}, stored)
    with pytest.raises(Rejected, match="never deleted"):
        service.check(ledger, {}, stored, deleting=True)


def test_a_raise_the_ledger_already_holds_is_not_escalated_again(
        demo_store: Store, reader: sqlite3.Connection, clock: ManualClock,  # noqa: F811
        fault: str) -> None:  # noqa: F811
    # The line the escalation service wrote before it lost its folder, pulled back.
    with demo_store.unit_of_work() as session:
        session.add(SlaEscalationRow(id=new_id(clock), ticket_id=fault, kind="resolution",
                                     threshold="breached", action="notify_supervisor",
                                     at=clock.now(), outcome="done"))
    refresh_targets(demo_store, reader, [fault], clock.now())
    clock.advance(timedelta(hours=2))
    raised = {(r.kind, r.threshold): r for r in due_thresholds(demo_store, reader, clock)
              if r.ticket_id == fault}
    assert raised[("resolution", "breached")].escalations == ()  # notified, not escalated
    assert [e.action for _i, e in raised[("pickup", "breached")].escalations] == [
        "notify_supervisor"]
    count: Any = reader.execute("SELECT count(*) FROM sla_escalations WHERE ticket_id = ?",
                                (fault,)).fetchone()[0]
    assert count == 2  # the pulled line and the pickup's


def test_without_escalate_the_monitor_only_notifies(
        demo_store: Store, reader: sqlite3.Connection, clock: ManualClock,  # noqa: F811
        fault: str) -> None:  # noqa: F811
    refresh_targets(demo_store, reader, [fault], clock.now())
    clock.advance(timedelta(hours=2))
    raised = [r for r in due_thresholds(demo_store, reader, clock, escalate=False)
              if r.ticket_id == fault]
    assert {r.threshold for r in raised} == {"at_risk", "breached"}
    assert all(r.escalations == () for r in raised)
    assert reader.execute("SELECT count(*) FROM sla_escalations").fetchone()[0] == 0
    assert reader.execute("SELECT count(*) FROM ticket_events WHERE kind = 'escalated'"
                          ).fetchone()[0] == 0
