"""The notification centre as a seat uses it (issue 22 #7): newest first by the time it
shows, Delete after Delete works down the list, and the list narrows to the seat's own
tickets, the team's, and breaches, by clicking the filters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.demo.accounts import DEMO_AGENT
from app.domain.clock import ManualClock
from app.paths import DataDir
from app.settings import SettingsFile
from app.sla.thresholds import is_breach
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate, centre_in_view
from ui.desk import Desk, build_desk
from ui.sla.notifications import NotificationCentre


@pytest.fixture
def agent_desk(qtbot: QtBot, desk_data: DataDir) -> Iterator[Desk]:
    """The demo agent's desk, its overdue tickets raised by the monitor."""
    built = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "en",
                       seat_of(desk_data, DEMO_AGENT))
    qtbot.addWidget(built.window)
    built.sla.start()
    yield built
    built.close()


def listed_ids(centre: NotificationCentre) -> list[str]:
    return [centre.list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(centre.list.count())]


def click_row(qtbot: QtBot, centre: NotificationCentre, row: int) -> None:
    rect = centre.list.visualItemRect(centre.list.item(row))
    qtbot.mouseClick(centre.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_newest_first_by_the_time_shown(qtbot: QtBot, agent_desk: Desk) -> None:
    centre = centre_in_view(qtbot, agent_desk)
    due = [notice.due_at for notice in centre._notices]  # noqa: SLF001 (what is listed)
    assert len(due) > 5
    assert due == sorted(due, reverse=True)
    zone = agent_desk.context.time_zone
    first = centre.list.item(0).text()
    assert due[0].astimezone(zone).strftime("%m-%d %H:%M:%S") in first


def test_delete_after_delete_works_down_the_list(qtbot: QtBot, agent_desk: Desk) -> None:
    centre = centre_in_view(qtbot, agent_desk)
    activate(qtbot, agent_desk.window)
    before = listed_ids(centre)
    click_row(qtbot, centre, 1)
    qtbot.keyClick(centre.list, Qt.Key.Key_Delete)
    after = listed_ids(centre)
    assert after == before[:1] + before[2:]
    # The notification that took the removed one's place is selected: Delete again acts.
    assert [item.data(Qt.ItemDataRole.UserRole) for item in centre.list.selectedItems()] \
        == [before[2]]
    qtbot.keyClick(centre.list, Qt.Key.Key_Delete)
    assert listed_ids(centre) == before[:1] + before[3:]
    # At the end of the list the last one is selected.
    click_row(qtbot, centre, centre.list.count() - 1)
    last = centre.list.count() - 1
    qtbot.keyClick(centre.list, Qt.Key.Key_Delete)
    assert centre.list.currentRow() == last - 1
    assert len(centre.list.selectedItems()) == 1


def live_of(desk: Desk, where: str) -> set[str]:
    conn = sqlite3.connect(desk.context.data.database)
    try:
        return {row[0] for row in conn.execute(
            "SELECT n.id FROM sla_notifications n JOIN tickets t ON t.id = n.ticket_id "
            f"WHERE n.acknowledged_at IS NULL AND n.snoozed_until IS NULL AND {where}")}
    finally:
        conn.close()


def test_filters_mine_my_team_and_breaches(qtbot: QtBot, agent_desk: Desk) -> None:
    seat = agent_desk.context.seat
    # Three notified tickets are the agent's (the demo's agent holds none of them).
    with sqlite3.connect(agent_desk.context.data.database) as conn:
        conn.execute("UPDATE tickets SET assignee_id = ?, team_id = ? WHERE id IN (SELECT "
                     "ticket_id FROM sla_notifications ORDER BY id LIMIT 3)",
                     (seat.staff_id, seat.team_id))
    conn.close()
    centre = centre_in_view(qtbot, agent_desk)
    everything = set(listed_ids(centre))
    qtbot.mouseClick(centre.breaches_only, Qt.MouseButton.LeftButton)
    breaches = listed_ids(centre)
    assert breaches and set(breaches) < everything
    assert all(is_breach(n.threshold) for n in centre._notices)  # noqa: SLF001
    assert centre.list.currentRow() == 0  # the keys go on working in the new list
    qtbot.mouseClick(centre.breaches_only, Qt.MouseButton.LeftButton)
    assert set(listed_ids(centre)) == everything
    # "Assigned to me", chosen by keys in the combo box.
    centre.scope.setFocus()
    qtbot.keyClick(centre.scope, Qt.Key.Key_Down)
    assert centre.scope.currentText() == "Assigned to me"
    mine = set(listed_ids(centre))
    assert mine and mine == live_of(agent_desk, f"t.assignee_id = '{seat.staff_id}'")
    qtbot.keyClick(centre.scope, Qt.Key.Key_Down)
    team = set(listed_ids(centre))
    assert team == live_of(agent_desk, f"t.team_id = '{seat.team_id}'")
    assert mine <= team < everything


def test_enter_or_a_double_click_opens_the_ticket(qtbot: QtBot, agent_desk: Desk) -> None:
    """Issue 22 #4: opening a notification only marked it read."""
    centre = centre_in_view(qtbot, agent_desk)
    activate(qtbot, agent_desk.window)
    first = centre._notices[0]  # noqa: SLF001 (what row 0 shows)
    click_row(qtbot, centre, 0)
    qtbot.keyClick(centre.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first.ticket_id in agent_desk.tickets.open_windows)
    assert centre.list.currentRow() == 0  # still where the seat was, now read
    agent_desk.tickets.close_all()
    second = centre._notices[1]  # noqa: SLF001
    rect = centre.list.visualItemRect(centre.list.item(1))
    qtbot.mouseDClick(centre.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: second.ticket_id in agent_desk.tickets.open_windows)
