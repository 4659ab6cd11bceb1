from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.store.queues import SortColumn, View
from tests.ui.conftest import activate
from ui.desk import Desk
from ui.queues.model import FIRST_PAGE_SIZE, PAGE_SIZE, Column
from ui.queues.page import QueuesPage


def page_of(desk: Desk) -> QueuesPage:
    widget = desk.window.findChild(QueuesPage)
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


def test_header_click_sorts_in_sql(qtbot: QtBot, desk: Desk) -> None:
    page = page_of(desk)
    page.table.sortByColumn(Column.LEVEL, Qt.SortOrder.AscendingOrder)
    assert page.model.order.column == SortColumn.LEVEL and not page.model.order.descending
    levels = [page.model.item(row).level for row in range(page.model.rowCount())]
    assert levels == sorted(levels)


def test_views_show_live_counts(desk: Desk) -> None:
    page = page_of(desk)
    texts = [page.views.item(row).text() for row in range(page.views.count())]
    assert texts[-1].endswith("(600)")
    page.views.setCurrentRow(list(View).index(View.PENDING))
    pending = page.model.total
    assert texts[list(View).index(View.PENDING)].endswith(f"({pending})")
    assert all(page.model.item(r).state.value.startswith("pending")
               for r in range(page.model.rowCount()))


def test_quick_search_by_number_from_the_keyboard(qtbot: QtBot, desk: Desk) -> None:
    page = page_of(desk)
    activate(qtbot, desk.window)
    wanted = page.model.item(5).number
    qtbot.keyClick(desk.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, wanted[3:].lstrip("0"))
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.search.text() == wanted[3:].lstrip("0")
    numbers = [page.model.item(row).number for row in range(page.model.rowCount())]
    assert wanted in numbers and page.model.total == len(numbers) < 600


def test_refresh_keeps_selection_and_scroll(qtbot: QtBot, desk: Desk) -> None:
    page = page_of(desk)
    activate(qtbot, desk.window)
    page.table.setFocus()
    for _ in range(40):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    before = page.current_ticket()
    scroll = page.table.verticalScrollBar().value()
    assert before is not None and scroll > 0
    page.refresh()
    assert page.current_ticket() == before
    assert page.table.verticalScrollBar().value() == scroll


def test_columns_can_be_hidden_and_are_remembered(desk: Desk) -> None:
    page = page_of(desk)
    assert page.table.horizontalHeader().isSectionHidden(Column.UNIT)
    page.set_column_visible(Column.UNIT, True)
    page.set_column_visible(Column.ASSIGNEE, False)
    assert desk.context.settings.settings.queue_hidden_columns == "assignee,channel"


def test_summary_counts_the_tickets(desk: Desk) -> None:
    summary = page_of(desk).findChild(QLabel, "summary")
    assert summary is not None and "600" in summary.text()
