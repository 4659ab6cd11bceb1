"""The quality bar of the SLA clocks on the desk, with a fake clock: one at-risk, one
breach, one ledger line and one webhook call; pause/resume moves the deadline; a restart
repeats nothing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.domain.enums import Channel
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.settings import SettingsFile
from app.sla.escalation import Action, Escalation
from app.sla.notices import unread_count
from app.sla.policy import DEFAULT_RULES, Policy
from app.sla.running import from_ms
from app.sla.tables import SlaPolicyRow
from tests.app.helpers import first_id, one
from tests.conftest import seat_of
from tests.hooks import Hook
from tests.ui.conftest import centre_in_view
from ui.desk import Desk, build_desk


def clock_of(desk: Desk) -> ManualClock:
    clock = desk.context.clock
    assert isinstance(clock, ManualClock)
    return clock


def log_fault(desk: Desk, data: DataDir) -> str:
    db = data.database
    draft = TicketDraft("存储卷只读", "数据库服务器挂载的存储卷变为只读。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='fault'"), first_id(db, "categories"))
    seat = first_id(db, "staff")
    ticket = Intake(desk.context.store(), desk.context.clock, GradingWeights(), seat).log(draft)
    # Answered at once: only the resolution clock (1 h for a fault) keeps running.
    TicketFlow(desk.context.store(), desk.context.clock, seat).first_response(ticket.id, 1)
    desk.context.events.tickets_changed.emit([ticket.id])
    return ticket.id


def counts(data: DataDir, ticket_id: str,
           kind: str = "resolution") -> tuple[list[str], int]:
    """Thresholds raised and escalations logged for one target of the ticket."""
    with sqlite3.connect(data.database) as conn:
        raised = [row[0] for row in conn.execute(
            "SELECT threshold FROM sla_notifications WHERE ticket_id = ? AND kind = ? "
            "ORDER BY raised_at", (ticket_id, kind))]
        ledger = conn.execute("SELECT count(*) FROM sla_escalations WHERE ticket_id = ? "
                              "AND kind = ?", (ticket_id, kind)).fetchone()[0]
    return raised, ledger


def use_webhook_policy(desk: Desk, url: str) -> None:
    policy = Policy(2, DEFAULT_RULES, escalations=(
        Escalation(Action.WEBHOOK, "breached", "resolution", url),))
    with desk.context.store().unit_of_work() as session:
        session.add(SlaPolicyRow(version=2, valid_from=desk.context.clock.now(),
                                 body=policy.to_json()))


def test_at_risk_breach_ledger_and_webhook_once(qtbot: QtBot, desk: Desk, desk_data: DataDir,
                                                hook: Hook) -> None:
    clock = clock_of(desk)
    desk.sla.start()  # the demo desk's own overdue tickets are raised here
    use_webhook_policy(desk, hook.url())
    monitor = desk.sla.monitor
    assert monitor is not None
    ticket = log_fault(desk, desk_data)
    clock.advance(timedelta(minutes=44))
    monitor.check()
    assert counts(desk_data, ticket) == ([], 0)
    # The monitor sleeps until the next threshold: 45 min after creation, 1 min from now.
    assert 59_000 <= monitor._timer.remainingTime() <= 60_001

    with qtbot.waitSignal(monitor.thresholds_raised, timeout=2000):
        clock.advance(timedelta(minutes=1, seconds=1))
        monitor.check()
    assert counts(desk_data, ticket) == (["at_risk"], 0)
    assert centre_in_view(qtbot, desk).list.count() >= 1
    # The navigation shows the unread count next to the notification centre.
    nav = desk.window.findChild(QListWidget, "navigation")
    assert nav is not None
    titles = [nav.item(i).text() for i in range(nav.count())]
    unread = unread_count(desk.context.reader, clock.now())
    assert unread >= 1 and f"Notifications ({unread})" in titles

    with qtbot.waitSignal(monitor.thresholds_raised, timeout=2000):
        clock.advance(timedelta(minutes=15))
        monitor.check()
    assert counts(desk_data, ticket) == (["at_risk", "breached"], 1)
    assert monitor.wait_for_deliveries()
    qtbot.waitUntil(lambda: hook.count("/ok", ticket) == 1)
    qtbot.waitUntil(lambda: sqlite3.connect(desk_data.database).execute(
        "SELECT outcome FROM sla_escalations WHERE ticket_id = ?", (ticket,)).fetchone()
        == ("done",))
    # Checking again, much later, raises nothing more.
    clock.advance(timedelta(hours=2))
    monitor.check()
    assert counts(desk_data, ticket) == (["at_risk", "breached"], 1)
    assert hook.count("/ok", ticket) == 1


def test_pause_and_resume_move_the_deadline(qtbot: QtBot, desk: Desk,
                                            desk_data: DataDir) -> None:
    clock = clock_of(desk)
    desk.sla.start()
    created = clock.now()
    ticket = log_fault(desk, desk_data)
    seat = first_id(desk_data.database, "staff")
    flow = TicketFlow(desk.context.store(), clock, seat)
    version = flow.take(ticket, 2)
    clock.advance(timedelta(minutes=10))
    version = flow.pend(ticket, version, vendor=False, reason="等待用户提供日志")
    desk.context.events.tickets_changed.emit([ticket])
    targets = desk.sla.board.targets(ticket)
    qtbot.waitUntil(lambda: desk.sla.board.targets(ticket) is not None)
    (target,) = desk.sla.board.targets(ticket) or []
    assert target.paused and target.deadline_ms is None
    clock.advance(timedelta(minutes=30))
    flow.start(ticket, version)
    desk.context.events.tickets_changed.emit([ticket])
    qtbot.waitUntil(lambda: desk.sla.board.targets(ticket) is not None)
    (target,) = desk.sla.board.targets(ticket) or []
    assert target.deadline_ms is not None
    assert from_ms(target.deadline_ms) == created + timedelta(minutes=90)
    del targets


def test_the_centre_lists_its_notifications_when_shown_and_follows_while_shown(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    """Hidden, the centre keeps only its unread count current (laying out hundreds of rows
    at every start and threshold is wasted); shown, its list is complete and live."""
    clock = clock_of(desk)
    desk.sla.start()  # the demo desk's overdue tickets are raised: unread notifications
    centre = desk.sla.centre
    assert centre.unread > 0 and centre.list.count() == 0
    shown = centre_in_view(qtbot, desk)
    listed = shown.list.count()
    assert listed >= centre.unread
    ticket = log_fault(desk, desk_data)
    clock.advance(timedelta(minutes=46))  # at risk at 75 % of the hour
    assert desk.sla.monitor is not None
    desk.sla.monitor.check()
    assert counts(desk_data, ticket)[0] == ["at_risk"]
    number = one(desk_data.database, f"SELECT number FROM tickets WHERE id = '{ticket}'")
    texts = [shown.list.item(row).text() for row in range(shown.list.count())]
    assert len(texts) > listed and any(text.startswith(f"{number} ") for text in texts)


def test_restart_repeats_no_notification(qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    clock = clock_of(desk)
    desk.sla.start()
    ticket = log_fault(desk, desk_data)
    clock.advance(timedelta(hours=1, seconds=1))
    assert desk.sla.monitor is not None
    desk.sla.monitor.check()
    assert counts(desk_data, ticket)[0] == ["at_risk", "breached"]
    centre = centre_in_view(qtbot, desk)
    assert centre.list.count() >= 2
    centre.list.selectAll()
    centre.acknowledge_selected()
    assert centre.list.count() == 0
    desk.close()

    again = build_desk(desk_data, SettingsFile(desk_data.settings), clock, "en",
                   seat_of(desk_data))
    qtbot.addWidget(again.window)
    raised: list[object] = []
    again.sla.start()
    assert again.sla.monitor is not None
    again.sla.monitor.thresholds_raised.connect(raised.extend)
    clock.advance(timedelta(minutes=5))
    again.sla.monitor.check()
    assert counts(desk_data, ticket)[0] == ["at_risk", "breached"]
    assert centre_in_view(qtbot, again).list.count() == 0  # acknowledged: never shown again
    again.close()


def test_countdowns_paint_in_the_queue(qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    from ui.queues.page import QueuesPage

    desk.sla.start()
    log_fault(desk, desk_data)
    page = next(p for p in desk.window.pages() if isinstance(p, QueuesPage))
    desk.window.resize(1400, 800)
    desk.window.show()
    desk.window.show_page("queues")
    page.refresh()
    qtbot.waitExposed(desk.window)
    desk.sla.ticker.tick()
    image = page.table.viewport().grab()
    assert not image.isNull()
    first = page.model.item(0).id
    qtbot.waitUntil(lambda: desk.sla.board.targets(first) is not None)


def test_changed_targets_repaint_the_countdown_column(qtbot: QtBot, desk: Desk) -> None:
    from ui.queues.page import QueuesPage

    page = next(p for p in desk.window.pages() if isinstance(p, QueuesPage))
    desk.window.show()
    qtbot.waitExposed(desk.window)
    painted: list[int] = []

    class PaintCounter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(1)
            return False

    counter = PaintCounter()
    page.table.viewport().installEventFilter(counter)
    qtbot.wait(50)  # the first paints of the new window
    painted.clear()
    desk.sla.board.board_changed.emit()
    qtbot.waitUntil(lambda: bool(painted), timeout=2000)


def test_a_year_without_holiday_data_is_flagged(qtbot: QtBot, desk: Desk) -> None:
    clock = clock_of(desk)
    centre = desk.sla.centre
    assert centre.check_calendar(timedelta(days=1)) == ()  # November 2026 is covered
    assert centre.calendar_warning.isHidden()
    clock.set(datetime(2098, 12, 20, 2, 0, tzinfo=UTC))  # far beyond any published data
    assert centre.check_calendar() == (2098, 2099)
    assert not centre.calendar_warning.isHidden()
    assert "2098, 2099" in centre.calendar_warning.text()


def test_the_unread_count_shows_in_the_navigation_from_the_start(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    desk.sla.start()  # the demo desk's overdue tickets are raised: unread notifications
    unread = unread_count(desk.context.reader, desk.context.clock.now())
    assert unread > 0
    desk.close()
    again = build_desk(desk_data, SettingsFile(desk_data.settings), desk.context.clock, "en",
                   seat_of(desk_data))
    qtbot.addWidget(again.window)
    nav = again.window.findChild(QListWidget, "navigation")
    assert nav is not None
    assert f"Notifications ({unread})" in [nav.item(i).text() for i in range(nav.count())]
    again.close()


def test_the_breached_view_counts_what_the_monitor_found(qtbot: QtBot, desk: Desk,
                                                         desk_data: DataDir) -> None:
    """Seen on a new user's screenshot: "SLA breached (0)" beside 422 breach notices. The
    counts were taken before the monitor filled its index and never again."""
    from app.store.queues import View
    from ui.queues.page import QueuesPage

    page = next(p for p in desk.window.pages() if isinstance(p, QueuesPage))
    breached = page.views.item(list(View).index(View.BREACHED))
    assert breached.text().endswith("(0)")  # nothing indexed before the monitor runs
    desk.sla.start()  # the demo desk's overdue tickets are indexed and raised
    expected = sqlite3.connect(desk_data.database).execute(
        "SELECT count(DISTINCT ticket_id) FROM sla_running WHERE state = 'breached'"
    ).fetchone()[0]
    assert expected > 0
    qtbot.waitUntil(lambda: breached.text().endswith(f"({expected})"))


def connect(desk: Desk, role: str) -> None:
    """As after "Connect to a server…" (nothing listens on that port: no sync runs)."""
    desk.context.settings.update(server_url="http://127.0.0.1:9", server_login="zhao",
                                 server_role=role)


def test_a_desk_connected_to_a_server_notifies_but_leaves_escalation_to_it(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    clock = clock_of(desk)
    connect(desk, "agent")
    desk.sla.start()
    ticket = log_fault(desk, desk_data)
    clock.advance(timedelta(hours=1, seconds=1))
    assert desk.sla.monitor is not None
    desk.sla.monitor.check()
    # The seat hears of the breach; the ledger and timeline are the server's to write.
    assert counts(desk_data, ticket) == (["at_risk", "breached"], 0)
    with sqlite3.connect(desk_data.database) as conn:
        assert conn.execute("SELECT count(*) FROM sla_escalations").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM ticket_events WHERE kind = 'escalated'"
                            ).fetchone()[0] == 0


def add_ledger_line(desk: Desk, ticket: str, at: datetime, action: str,
                    outcome: str = "done") -> None:
    """A line as the escalation service's pull brings it."""
    from app.domain.ids import new_id
    from app.sla.tables import SlaEscalationRow

    with desk.context.store().unit_of_work() as session:
        session.add(SlaEscalationRow(id=new_id(clock_of(desk)), ticket_id=ticket,
                                     kind="resolution", threshold="breached", action=action,
                                     at=at, outcome=outcome))


@pytest.mark.parametrize(("role", "heard"), [("supervisor", True), ("agent", False)])
def test_a_supervisors_desk_announces_the_servers_escalations_to_supervisors(
        qtbot: QtBot, desk: Desk, desk_data: DataDir, role: str, heard: bool) -> None:
    from app.demo.accounts import DEMO_AGENT, DEMO_SUPERVISOR

    clock = clock_of(desk)
    connect(desk, role)
    desk.context.switch_seat(seat_of(desk_data, DEMO_SUPERVISOR if heard else DEMO_AGENT))
    announced: list[tuple[str, str]] = []
    desk.sla.announcer.announce = (  # type: ignore[method-assign]
        lambda title, body, **_kinds: announced.append((title, body)))
    ticket = log_fault(desk, desk_data)
    number = desk.context.reader.execute("SELECT number FROM tickets WHERE id = ?",
                                         (ticket,)).fetchone()[0]
    clock.advance(timedelta(hours=1))
    add_ledger_line(desk, ticket, clock.now() - timedelta(hours=1), "notify_supervisor")
    add_ledger_line(desk, ticket, clock.now(), "webhook")
    add_ledger_line(desk, ticket, clock.now(), "notify_supervisor")
    desk.context.events.records_changed.emit(["sla_escalations", "tickets"])
    # Only the fresh call to the supervisors: the old line is history, the webhook no call.
    expected = [("Escalated to the supervisors", f"{number}: Resolution Breached")]
    assert announced == (expected if heard else [])
    desk.context.events.records_changed.emit(["sla_escalations"])  # nothing new: silence
    assert announced == (expected if heard else [])


def test_the_person_named_to_follow_an_escalation_hears_of_it(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    # Issue 16: the escalation service names who follows the ticket; that agent's desk
    # announces it when the line arrives, once; another agent's desk stays silent.
    from app.demo.accounts import DEMO_AGENT
    from app.domain.ids import new_id
    from app.sla.tables import SlaEscalationRow

    clock = clock_of(desk)
    connect(desk, "agent")
    me = seat_of(desk_data, DEMO_AGENT)
    desk.context.switch_seat(me)
    announced: list[tuple[str, str]] = []
    desk.sla.announcer.announce = (  # type: ignore[method-assign]
        lambda title, body, **_kinds: announced.append((title, body)))
    ticket, other = log_fault(desk, desk_data), log_fault(desk, desk_data)
    number = desk.context.reader.execute("SELECT number FROM tickets WHERE id = ?",
                                         (ticket,)).fetchone()[0]
    clock.advance(timedelta(hours=1))
    with desk.context.store().unit_of_work() as session:
        for which, owner in ((ticket, me.staff_id), (other, first_id(desk_data.database,
                                                                      "staff", "login != "
                                                                      f"'{DEMO_AGENT}'"))):
            session.add(SlaEscalationRow(
                id=new_id(clock), ticket_id=which, kind="resolution", threshold="breached",
                action="notify_supervisor", at=clock.now(), outcome="pending",
                owner_id=owner))
    desk.context.events.records_changed.emit(["sla_escalations"])
    assert announced == [("Escalated: you follow it", f"{number}: Resolution Breached")]
    assert desk.sla.followed == [ticket]
    desk.context.events.records_changed.emit(["sla_escalations"])  # nothing new: silence
    assert len(announced) == 1
