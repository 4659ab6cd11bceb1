"""The phone's answer target on the desk (issue 19), without a server: calls recorded as
sync writes them, judged by the policy version in force when they rang, raised once; a
desk from before the calls' record (schema 0013) keeps its notifications."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta

from app.channels.tables import PhoneCallRow
from app.domain.clock import ManualClock
from app.paths import DataDir
from app.sla.admin import save_policy
from app.sla.calls import RAISED_WITHIN, raise_call_misses
from app.sla.policy import CUT_OVER, DEFAULT_POLICY, Policy, Rule, TargetKind
from app.store import schema
from app.store.database import Store
from app.store.schema import ensure_schema

NOW = CUT_OVER + timedelta(days=2)


def call(store: Store, key: str, rang_ago: timedelta, seconds: float | None,
         outcome: str = "answered") -> None:
    rang = NOW - rang_ago
    with store.unit_of_work() as session:
        session.add(PhoneCallRow(
            id=key, call_id=key, extension="8001", caller="13800000001", seat_id=None,
            ringing_at=rang, answered_at=None if seconds is None
            else rang + timedelta(seconds=seconds), ended_at=None, ring_ms=5000,
            outcome=outcome, ticket_id=None))


def raised(store: Store, data: DataDir, clock: ManualClock) -> list[str]:
    with closing(sqlite3.connect(data.database)) as conn:
        return [m.call.id for m in raise_call_misses(store, conn, clock)]


def test_each_late_or_unanswered_call_is_raised_once(store: Store, data_dir: DataDir) -> None:
    clock = ManualClock(NOW)
    call(store, "quick", timedelta(minutes=5), 15)  # 3 rings exactly: within
    call(store, "late", timedelta(minutes=4), 15.5)
    call(store, "gone", timedelta(minutes=3), None, "abandoned")
    call(store, "old", RAISED_WITHIN + timedelta(minutes=1), None, "missed")  # history
    assert raised(store, data_dir, clock) == ["late", "gone"]
    assert raised(store, data_dir, clock) == []


def test_a_policy_version_decides_the_calls_that_rang_under_it(
        store: Store, data_dir: DataDir) -> None:
    clock = ManualClock(NOW - timedelta(hours=1))
    four = tuple(r for r in DEFAULT_POLICY.rules if r.kind is not TargetKind.ANSWER) + (
        Rule(TargetKind.ANSWER, 4, channel="phone"),)
    save_policy(store, clock, None, Policy(0, four), [])
    clock.set(NOW)
    call(store, "under-4", timedelta(minutes=30), 18)  # 3.6 rings: within 4
    call(store, "before", timedelta(hours=2), 18)  # rang under the built-in 3 rings
    assert raised(store, data_dir, clock) == ["before"]


def test_a_desk_from_before_the_calls_record_keeps_its_notifications(
        demo_desk: DataDir, data_dir: DataDir) -> None:
    data_dir.create()
    schema._upgrade(data_dir.database, "0013")
    with closing(sqlite3.connect(data_dir.database)) as conn, conn:
        conn.execute(f"ATTACH DATABASE '{demo_desk.database}' AS demo")
        for table in ("ticket_types", "categories", "teams", "staff", "requesters",
                      "tickets"):
            columns = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
            names = ", ".join(columns)
            conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM demo.{table}")
        conn.execute(
            "INSERT INTO sla_notifications (id, ticket_id, kind, window, threshold, due_at, "
            "raised_at) SELECT 'n-' || id, id, 'resolution', 0, 'breached', created_at, "
            "created_at FROM tickets ORDER BY id LIMIT 3")
        before = conn.execute("SELECT id, ticket_id, kind, threshold FROM sla_notifications "
                              "ORDER BY id").fetchall()
    assert before
    ensure_schema(data_dir.database, ManualClock(NOW), data_dir.backups)
    with closing(sqlite3.connect(data_dir.database)) as conn:
        assert conn.execute("SELECT id, ticket_id, kind, threshold FROM sla_notifications "
                            "ORDER BY id").fetchall() == before
        assert conn.execute("SELECT count(*) FROM sla_notifications WHERE call_id IS NOT "
                            "NULL").fetchone() == (0,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
