"""Assigning by the dispatch ranking (issue 22): a table of every active staff member, best
first, with team, on shift now, open tickets and skill match; type-to-search narrows it
(also by pinyin initials); Enter assigns. Both from a ticket window and for a queue's
selection."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.domain.dispatch import suggest
from app.domain.enums import Level
from app.paths import DataDir
from app.settings import SettingsFile
from app.store.directory import staff
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate, shown_page
from ui.desk import Desk, build_desk
from ui.dispatch.dialog import AssignDialog
from ui.dispatch.model import CandidateModel, Column
from ui.queues.page import QueuesPage

CTRL = Qt.KeyboardModifier.ControlModifier


def when_assigning(qtbot: QtBot, steps: Callable[[AssignDialog], None],
                   done: list[AssignDialog]) -> None:
    """Run ``steps`` in the assign dialog once it is open (it blocks while it is)."""
    poll = QTimer(QApplication.instance(), interval=10)

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AssignDialog):
            return
        poll.stop()
        poll.deleteLater()
        activate(qtbot, dialog)
        steps(dialog)
        done.append(dialog)

    poll.timeout.connect(run)
    poll.start()


def shown_column(dialog: AssignDialog, column: Column) -> list[str]:
    proxy = dialog.proxy
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]


def open_ticket(data: DataDir) -> str:
    with sqlite3.connect(data.database) as conn:
        row = conn.execute("SELECT id FROM tickets WHERE state IN ('new', 'assigned', "
                           "'in_progress') ORDER BY number LIMIT 1").fetchone()
    assert row is not None
    return str(row[0])


def assignee_of(data: DataDir, ticket_id: str) -> str:
    with sqlite3.connect(data.database) as conn:
        return str(conn.execute("SELECT assignee_id FROM tickets WHERE id = ?",
                                (ticket_id,)).fetchone()[0])


def test_ctrl_g_shows_the_ranking_and_enter_assigns_the_one_found(
    qtbot: QtBot, desk: Desk, desk_data: DataDir
) -> None:
    ticket = open_ticket(desk_data)
    window = desk.tickets.open(ticket)
    activate(qtbot, window)
    members = staff(desk.context.reader)
    picked: list[str] = []

    def steps(dialog: AssignDialog) -> None:
        assert dialog.proxy.rowCount() == len(members)  # everyone, not a top five
        scores = [float(score) for score in shown_column(dialog, Column.SCORE)]
        assert scores == sorted(scores, reverse=True)  # best first
        assert shown_column(dialog, Column.SKILL)[0] == "✓"
        assert set(shown_column(dialog, Column.ON_SHIFT)) <= {
            "on shift", "off shift", "available", "busy", "away"}
        assert all(count.isdigit() for count in shown_column(dialog, Column.OPEN))
        assert dialog.search.hasFocus()
        qtbot.keyClicks(dialog.search, "group 2")  # a team's name
        teams = shown_column(dialog, Column.TEAM)
        assert teams and set(teams) == {"Service desk group 2"}
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # the second one found
        choice = dialog.choice()
        assert choice is not None
        picked.append(choice[0])
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    done: list[AssignDialog] = []
    when_assigning(qtbot, steps, done)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: len(done) == 1)
    assert window.detail is not None and window.detail.assignee_id == picked[0]
    assert assignee_of(desk_data, ticket) == picked[0]


def test_the_queue_assigns_its_selection_by_the_same_ranking(
    qtbot: QtBot, desk: Desk, desk_data: DataDir
) -> None:
    page = shown_page(desk, "queues", QueuesPage)
    activate(qtbot, desk.window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    for _ in range(2):
        qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_tickets()
    assert len(chosen) == 3
    best: list[str] = []

    def steps(dialog: AssignDialog) -> None:
        assert dialog.windowTitle() == "Assign 3 ticket(s)"
        choice = dialog.choice()
        assert choice is not None
        best.append(choice[0])
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    done: list[AssignDialog] = []
    when_assigning(qtbot, steps, done)
    with qtbot.waitSignal(desk.context.events.tickets_changed, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_G, CTRL)
    assert {assignee_of(desk_data, ticket) for ticket in chosen} <= {best[0]}


@pytest.fixture
def chinese_desk(qtbot: QtBot, desk_data: DataDir) -> Iterator[Desk]:
    built = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "zh_CN",
                       seat_of(desk_data))
    qtbot.addWidget(built.window)
    yield built
    built.close()


def test_pinyin_initials_find_a_team(qtbot: QtBot, chinese_desk: Desk,
                                     desk_data: DataDir) -> None:
    window = chinese_desk.tickets.open(open_ticket(desk_data))
    activate(qtbot, window)

    def steps(dialog: AssignDialog) -> None:
        qtbot.keyClicks(dialog.search, "wlaqz")  # 网络安全组
        assert set(shown_column(dialog, Column.TEAM)) == {"网络安全组"}
        qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)

    done: list[AssignDialog] = []
    when_assigning(qtbot, steps, done)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: len(done) == 1)


def test_the_model_is_a_well_behaved_table(qtmodeltester: ModelTester, desk: Desk) -> None:
    members = staff(desk.context.reader)
    ranked = suggest(members, "network", Level.TWO, {}, limit=len(members))
    model = CandidateModel(ranked, {})
    qtmodeltester.check(model)
    assert "skill +50" in model.why(0)
