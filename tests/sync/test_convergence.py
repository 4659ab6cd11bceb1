"""Hypothesis state machine: several desks edit at random while the network drops requests,
loses answers, delivers answers twice or late, and partitions desks; after the network heals
and everyone syncs, all desks and the server hold the same data, every acknowledged note is
everywhere, and no desk's cursor ever moved backwards."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from app.server.tables import rows
from app.services.ticket_flow import NoteKind, TicketFlow
from app.store.models import RequesterRow
from app.sync import state
from app.sync.protocol import MutationResult
from app.sync.syncer import SyncReport
from tests.sync.conftest import AGENT, OTHER_AGENT, Desk, RunningServer

DESKS = 3
FIELDS = ("phone", "email")


def _cursor(desk: Desk) -> int:
    with desk.store.unit_of_work() as session:
        return int(state.read(session.connection(), state.CURSOR, "0"))


def _requesters(desk: Desk, ids: list[str]) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(desk.data.database) as conn:
        found = conn.execute(f"SELECT id, phone, email FROM requesters WHERE id IN "
                             f"({','.join('?' * len(ids))})", ids).fetchall()
    return {r[0]: (r[1], r[2]) for r in found}


def _notes(desk: Desk, ticket: str) -> set[str]:
    with sqlite3.connect(desk.data.database) as conn:
        return {r[0] for r in conn.execute(
            "SELECT body FROM ticket_events WHERE ticket_id = ? AND kind = 'comment'",
            (ticket,))}


def test_desks_converge_under_drops_duplicates_reorders_and_partitions(
        make_desk: Callable[..., Desk], server: RunningServer) -> None:
    desks = [make_desk(login) for login in (AGENT, OTHER_AGENT, AGENT)]
    with sqlite3.connect(desks[0].data.database) as conn:
        requesters = [r[0] for r in conn.execute("SELECT id FROM requesters ORDER BY id LIMIT 3")]
        ticket = conn.execute("SELECT id FROM tickets ORDER BY id LIMIT 1").fetchone()[0]

    class Network(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.partitioned: set[int] = set()
            self.cursors = [_cursor(d) for d in desks]
            self.late: list[tuple[int, list[MutationResult]]] = []
            self.acknowledged_notes: set[str] = set()
            self.written_notes: dict[int, set[str]] = {i: set() for i in range(DESKS)}
            self.counter = 0

        @rule(desk=st.integers(0, DESKS - 1), requester=st.integers(0, 2),
              field=st.sampled_from(FIELDS), value=st.integers(0, 99))
        def edit(self, desk: int, requester: int, field: str, value: int) -> None:
            with desks[desk].store.unit_of_work() as session:
                row = session.get(RequesterRow, requesters[requester])
                assert row is not None
                setattr(row, field, f"{field}-{desk}-{value}")

        @rule(desk=st.integers(0, DESKS - 1))
        def note(self, desk: int) -> None:
            self.counter += 1
            body = f"note {desk}/{self.counter}"
            TicketFlow(desks[desk].store, desks[desk].clock, desks[desk].staff_id).note(
                ticket, NoteKind.INTERNAL, body)
            self.written_notes[desk].add(body)

        @rule(desk=st.integers(0, DESKS - 1))
        def toggle_partition(self, desk: int) -> None:
            self.partitioned ^= {desk}

        @rule(desk=st.integers(0, DESKS - 1),
              fault=st.sampled_from(["none", "lost_answer", "twice", "late_answer"]))
        def sync(self, desk: int, fault: str) -> None:
            if desk in self.partitioned:
                return  # the request never leaves the desk
            d = desks[desk]
            batch = d.syncer._pending()
            if fault in ("lost_answer", "late_answer") and batch:
                results = d.client.push(d.syncer.desk_id, batch)  # server commits, no answer
                if fault == "late_answer":
                    self.late.append((desk, results))
                return
            if fault == "twice" and batch:
                d.client.push(d.syncer.desk_id, batch)
            self._round(desk)
            if self.late and self.late[0][0] == desk:
                _, results = self.late.pop(0)
                d.syncer._record(results, SyncReport())  # an old answer arrives late

        def _round(self, desk: int) -> None:
            desks[desk].syncer.sync_once()
            for note in self.written_notes[desk]:
                if note in _notes(desks[desk], ticket) and self._server_has_note(note):
                    self.acknowledged_notes.add(note)

        def _server_has_note(self, body: str) -> bool:
            with server.engine.connect() as conn:
                return conn.execute(select(rows.c.key).where(
                    rows.c.entity == "ticket_events",
                    rows.c.data["body"].astext == body)).first() is not None

        @invariant()
        def cursors_only_move_forward(self) -> None:
            now = [_cursor(d) for d in desks]
            assert all(b >= a for a, b in zip(self.cursors, now, strict=True))
            self.cursors = now

        def teardown(self) -> None:
            self.partitioned.clear()
            for _ in range(2):  # quiescence: everyone pushes, then everyone pulls again
                for i in range(DESKS):
                    self._round(i)
            with server.engine.connect() as conn:
                truth = {r.key: (r.data["phone"], r.data["email"]) for r in conn.execute(
                    select(rows).where(rows.c.entity == "requesters",
                                       rows.c.key.in_(requesters)))}
            everyone = set().union(*self.written_notes.values())
            for d in desks:
                assert _requesters(d, requesters) == truth
                assert everyone <= _notes(d, ticket)  # nothing written anywhere was lost
                assert d.syncer.status().pending == 0
            assert self.acknowledged_notes <= everyone

    run_state_machine_as_test(Network, settings=settings(
        max_examples=8, stateful_step_count=14, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))


