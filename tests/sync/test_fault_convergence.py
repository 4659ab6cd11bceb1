"""Issue 15's fault run as a Hypothesis state machine over the real server: seats edit,
administrators rename the same categories from two desks while an agent's renames are
refused, answers of pushes and of token refreshes are lost, and desks are restored from
their backups. After quiescence (every refusal discarded, every desk synced twice) every
desk equals the server row by row in every synced table, the conflict log included, and
every note the server ever had is on every desk."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from sqlalchemy import select

from app.audit.recorder import AuditRecorder
from app.server.tables import rows
from app.services.ticket_flow import NoteKind, TicketFlow
from app.store.database import Store
from app.store.models import CategoryRow, RequesterRow
from app.sync.entities import entities
from app.sync.outbox import OutboxWriter
from app.sync.protocol import CONFLICTS
from app.sync.syncer import Syncer
from tests.sync.conftest import ADMIN, AGENT, Desk, RunningServer

LOGINS = (AGENT, ADMIN, ADMIN)  # two administrators' desks rename the same categories


def _normal(entity_name: str, data: dict[str, Any]) -> dict[str, Any]:
    entity = entities()[entity_name]
    return entity.encode(entity.convert(data))


def server_tables(server: RunningServer) -> dict[tuple[str, str], dict[str, Any]]:
    """Every row a desk should hold, by (entity, key), as JSON values."""
    known = entities()
    found: dict[tuple[str, str], dict[str, Any]] = {}
    with server.engine.connect() as conn:
        for row in conn.execute(select(rows.c.entity, rows.c.key, rows.c.data, rows.c.deleted)):
            if row.entity == CONFLICTS:
                found[(CONFLICTS, row.key)] = {"field": row.data["field"],
                                               "kept_by": row.data["kept_by"]}
            elif row.entity in known and not (row.deleted
                                              and not known[row.entity].has_tombstone):
                found[(row.entity, row.key)] = _normal(row.entity, dict(row.data))
    return found


def desk_tables(desk: Desk) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    with desk.store.engine.connect() as conn:
        for entity in entities().values():
            for values in conn.execute(select(entity.table)).mappings():
                found[(entity.name, entity.key_of(values))] = entity.encode(dict(values))
        for key, field, kept_by in conn.exec_driver_sql(
                "SELECT id, field, kept_by FROM sync_conflicts"):
            found[(CONFLICTS, key)] = {"field": field, "kept_by": kept_by}
    return found


def assert_equal_to_server(desk: Desk, truth: dict[tuple[str, str], dict[str, Any]]) -> None:
    mine = desk_tables(desk)
    assert sorted(set(mine) ^ set(truth))[:5] == [], f"{desk.login}: rows differ"
    for key, values in truth.items():
        # The fields the server holds; a field no push ever named is the desk's default.
        differing = {name: (mine[key].get(name), value) for name, value in values.items()
                     if mine[key].get(name) != value}
        assert not differing, f"{desk.login} {key}: {differing}"


def _backup(desk: Desk, to: Path) -> None:
    with sqlite3.connect(desk.data.database) as source, sqlite3.connect(to) as copy:
        source.backup(copy)


def _restored(desk: Desk, backup: Path) -> Desk:
    desk.store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{desk.data.database}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, desk.data.database)
    store = Store(desk.data.database)
    store.author_id, store.author_login = desk.staff_id, desk.login
    AuditRecorder(store, desk.clock)
    OutboxWriter(store, desk.clock)
    return Desk(desk.data, store, desk.client, Syncer(store, desk.client, desk.clock),
                desk.clock, desk.login, desk.staff_id)


def _one(desk: Desk, sql: str) -> list[Any]:
    with sqlite3.connect(desk.data.database) as conn:
        return [r[0] for r in conn.execute(sql)]


def test_desks_equal_the_server_row_by_row_after_refusals_lost_answers_and_restores(
        make_desk: Callable[..., Desk], server: RunningServer, tmp_path: Path) -> None:
    desks = [make_desk(login) for login in LOGINS]
    backups = []
    for i, desk in enumerate(desks):
        backups.append(tmp_path / f"backup{i}.db")
        _backup(desk, backups[-1])
    requesters = _one(desks[0], "SELECT id FROM requesters ORDER BY id LIMIT 2")
    categories = _one(desks[0], "SELECT id FROM categories ORDER BY id LIMIT 2")
    ticket = _one(desks[0], "SELECT id FROM tickets ORDER BY id LIMIT 1")[0]
    opened: list[Desk] = []

    def server_notes() -> set[str]:
        with server.engine.connect() as conn:
            return {str(body) for body in conn.execute(select(rows.c.data["body"].astext).where(
                rows.c.entity == "ticket_events", rows.c.data["kind"].astext == "comment"))}

    class Faults(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.counter = 0
            self.acknowledged: set[str] = set()

        @rule(desk=st.integers(0, 2), requester=st.integers(0, 1),
              field=st.sampled_from(("phone", "email")), value=st.integers(0, 99))
        def edit(self, desk: int, requester: int, field: str, value: int) -> None:
            with desks[desk].store.unit_of_work() as session:
                row = session.get(RequesterRow, requesters[requester])
                assert row is not None
                setattr(row, field, f"{field}-{desk}-{value}")

        @rule(desk=st.integers(0, 2), category=st.integers(0, 1), value=st.integers(0, 99))
        def rename_category(self, desk: int, category: int, value: int) -> None:
            with desks[desk].store.unit_of_work() as session:
                row = session.get(CategoryRow, categories[category])
                assert row is not None
                row.name_zh = f"类别{desk}-{value}"  # the agent's is refused

        @rule(desk=st.integers(0, 2))
        def note(self, desk: int) -> None:
            self.counter += 1
            TicketFlow(desks[desk].store, desks[desk].clock, desks[desk].staff_id).note(
                ticket, NoteKind.INTERNAL, f"note {desk}/{self.counter}")

        @rule(desk=st.integers(0, 2),
              fault=st.sampled_from(["none", "lost_answer", "lost_refresh"]))
        def sync(self, desk: int, fault: str) -> None:
            d = desks[desk]
            batch = d.syncer._pending()
            if fault == "lost_answer" and batch:
                d.client.push(d.syncer.desk_id, batch, incarnation=d.syncer.incarnation)
                self.acknowledged |= server_notes()
                return  # the server took it; the desk never heard
            if fault == "lost_refresh":
                spent = d.client.vault.load(f"{d.login}@{server.url}")
                requests.post(f"{server.url}/v1/refresh", json={"refresh_token": spent},
                              timeout=10)  # renewed on the server, the answer lost
                d.client._access = None  # and the desk's access token runs out
            d.syncer.sync_once()
            self.acknowledged |= server_notes()

        @rule(desk=st.integers(0, 2))
        def restore(self, desk: int) -> None:
            desks[desk] = _restored(desks[desk], backups[desk])
            opened.append(desks[desk])

        def teardown(self) -> None:
            for _ in range(2):  # quiescence: the seats discard refusals, everyone syncs
                for d in desks:
                    for refused in _one(d, "SELECT id FROM sync_outbox "
                                           "WHERE status = 'rejected' ORDER BY id DESC"):
                        d.syncer.discard(refused)
                    d.syncer.sync_once()
            truth = server_tables(server)
            for d in desks:
                assert d.syncer.status().pending == 0
                assert_equal_to_server(d, truth)
            assert self.acknowledged <= server_notes()

    try:
        run_state_machine_as_test(Faults, settings=settings(
            max_examples=10, stateful_step_count=20, deadline=None, database=None,
            derandomize=True, suppress_health_check=[HealthCheck.too_slow]))
    finally:
        for d in opened:
            d.store.close()
