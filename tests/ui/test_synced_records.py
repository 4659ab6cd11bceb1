"""What the desk does when a sync round brings rows of the SLA policy book: every open ticket's
clocks are recomputed under the version now valid, without a restart."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta

from pytestqt.qtbot import QtBot

from app.paths import DataDir
from app.sla.policy import Policy, Rule, TargetKind
from app.sync.syncer import SyncReport
from tests.ui.test_sla_desk import log_fault
from ui.desk import Desk
from ui.sync import SyncBridge


def test_a_pulled_policy_version_recomputes_the_open_tickets(qtbot: QtBot, desk: Desk,
                                                              desk_data: DataDir) -> None:
    desk.sla.start()
    monitor = desk.sla.monitor
    assert monitor is not None
    ticket = log_fault(desk, desk_data)
    created = desk.context.clock.now() - timedelta(minutes=5)
    policy = Policy(2, (Rule(TargetKind.RESOLUTION, 30),))
    with closing(sqlite3.connect(desk_data.database)) as conn, conn:  # as a pull writes it
        conn.execute("INSERT INTO sla_policies (version, valid_from, body) VALUES (2, ?, ?)",
                     (created.strftime("%Y-%m-%d %H:%M:%S.%f"), policy.to_json()))
    bridge = SyncBridge()
    bridge.records_arrived.connect(desk.context.events.records_changed)
    with qtbot.waitSignal(monitor.targets_changed, timeout=2000) as refreshed:
        bridge.on_report(SyncReport(entities={"sla_policies"}))
    assert ticket in refreshed.args[0]
    running = desk.context.reader.execute(
        "SELECT policy_version, budget_s FROM sla_running WHERE ticket_id = ? "
        "AND kind = 'resolution'", (ticket,)).fetchone()
    assert running == (2, 30 * 60)


def test_other_pulled_tables_leave_the_clocks_alone(qtbot: QtBot, desk: Desk) -> None:
    desk.sla.start()
    monitor = desk.sla.monitor
    assert monitor is not None
    with qtbot.assertNotEmitted(monitor.targets_changed, wait=200):
        desk.context.events.records_changed.emit(["kb_articles", "rota_assignments"])


def test_a_round_reported_as_the_desk_closes_reads_nothing(qtbot: QtBot, desk: Desk) -> None:
    """The runner's last round posts its report from its own thread just before the desk
    closes: the report arrives after the database is closed and must not read it (CI once
    saw ``Cannot operate on a closed database`` from a seat waiting for its staff row)."""
    import threading

    from app.identity.seat import SignedIn

    desk.context.switch_seat(SignedIn("joining", None, None, "joining", "agent"))
    poster = threading.Thread(
        target=lambda: desk.sync.bridge.on_report(SyncReport(entities={"staff"})))
    poster.start()
    poster.join()  # queued to the GUI thread, not yet delivered
    desk.close()
    qtbot.wait(50)  # delivers it: pytest-qt fails the test on an exception in a slot
    assert desk.context.signed_in.staff_id is None
