from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.desk import Desk
from ui.tickets.model import FIRST_PAGE_SIZE, PAGE_SIZE, Column
from ui.tickets.page import TicketListPage


def page_of(desk: Desk) -> TicketListPage:
    widget = desk.window.findChild(TicketListPage)
    assert widget is not None
    return widget


def test_model_passes_qt_model_checks(qtmodeltester: ModelTester, desk: Desk) -> None:
    qtmodeltester.check(page_of(desk).model)


def test_rows_arrive_a_page_at_a_time(desk: Desk) -> None:
    model = page_of(desk).model
    assert model.rowCount() == FIRST_PAGE_SIZE
    assert model.total == 600
    model.fetchMore(QModelIndex())
    assert model.rowCount() == FIRST_PAGE_SIZE + PAGE_SIZE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 600


def test_cells_show_translated_labels_and_badges(desk: Desk) -> None:
    model = page_of(desk).model
    item = model.item(0)
    assert model.data(model.index(0, Column.NUMBER)) == item.number
    assert model.data(model.index(0, Column.LEVEL)).startswith("Level ")
    assert model.data(model.index(0, Column.TYPE), Qt.ItemDataRole.DecorationRole) is not None
    assert model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "Title"


def test_scrolling_to_the_end_fetches_the_rest(qtbot: QtBot, desk: Desk) -> None:
    desk.window.resize(1200, 800)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    page = page_of(desk)
    page.view.setFocus()
    for _ in range(8):
        qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 600)


def test_summary_counts_the_tickets(desk: Desk) -> None:
    from PySide6.QtWidgets import QLabel

    summary = page_of(desk).findChild(QLabel, "summary")
    assert summary is not None and "600" in summary.text()
