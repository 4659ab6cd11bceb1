"""The queue and the ticket window by keyboard (issue 22): from the search box into the
results, Tab into the table selecting the current row, Esc closing a ticket window, and a
ticket window opening inside the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate, shown_page
from ui.desk import Desk
from ui.queues.page import QueuesPage
from ui.ticket.window import TicketWindow, fit_on_screen

CTRL = Qt.KeyboardModifier.ControlModifier


def queues_in_view(qtbot: QtBot, desk: Desk) -> QueuesPage:
    activate(qtbot, desk.window)
    return shown_page(desk, "queues", QueuesPage)


def test_down_from_the_search_box_moves_into_the_results(qtbot: QtBot, desk: Desk) -> None:
    page = queues_in_view(qtbot, desk)
    qtbot.keyClick(desk.window, Qt.Key.Key_F, CTRL)
    page.search.insert("网络")  # as an input method commits it (QTest types ASCII only)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # before the search's pause: it runs now
    assert page.table.hasFocus()
    assert page.model.total < 600
    assert page.selected_tickets() == [page.model.item(0).id]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_tickets() == [page.model.item(1).id]


def test_enter_in_the_search_box_opens_the_first_result(qtbot: QtBot, desk: Desk) -> None:
    page = queues_in_view(qtbot, desk)
    number = page.model.item(7).number
    qtbot.keyClick(desk.window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(page.search, number)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    ticket = page.model.item(0)
    assert ticket.number == number
    window = desk.tickets.open_windows.get(ticket.id)
    assert isinstance(window, TicketWindow) and window.isVisible()


def test_tab_into_the_table_selects_the_current_row_for_its_shortcuts(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = queues_in_view(qtbot, desk)
    acted: list[tuple[list[str], str]] = []
    monkeypatch.setattr(page, "bulk", lambda tickets, action: acted.append((tickets, action)))
    qtbot.keyClick(desk.window, Qt.Key.Key_F, CTRL)
    assert not page.table.selectionModel().hasSelection()
    qtbot.keyClick(page.search, Qt.Key.Key_Tab)
    assert page.table.hasFocus()
    first = page.model.item(0).id
    assert page.selected_tickets() == [first]
    qtbot.keyClick(page.table, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(page.table, Qt.Key.Key_G, CTRL)
    assert acted == [([first], "resolve"), ([first], "assign")]


def test_a_ticket_window_opens_inside_the_screen_and_closes_with_esc(
    qtbot: QtBot, desk: Desk
) -> None:
    page = queues_in_view(qtbot, desk)
    # The desk's window low on the screen: a window cascading from it would run off it.
    available = desk.window.screen().availableGeometry()
    desk.window.setGeometry(QRect(available.left() + 20, available.top() + available.height()
                                  // 2, 700, 300))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    window = desk.tickets.open_windows[page.model.item(0).id]
    qtbot.waitExposed(window)
    assert available.contains(window.frameGeometry())
    activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.model.item(0).id not in desk.tickets.open_windows)


def test_on_a_1000_pixel_screen_a_window_stops_above_the_bottom() -> None:
    screen = QRect(0, 0, 1920, 1000).adjusted(0, 0, 0, -40)  # less a 40-px panel
    frame = QMargins(1, 30, 1, 1)
    placed = fit_on_screen(QSize(960, 720), frame, screen, QPoint(300, 600))
    assert placed.size() == QSize(960, 720)
    assert placed.top() - frame.top() >= 0
    assert placed.bottom() + frame.bottom() < screen.bottom() + 1
    assert placed.left() == 300
    small = fit_on_screen(QSize(960, 720), frame, QRect(0, 0, 1024, 700), QPoint(50, 50))
    assert small.height() == 700 - 31 and small.width() == 960 and small.top() == 30
