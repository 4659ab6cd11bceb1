from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyle,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.domain.enums import TicketState
from app.paths import DataDir
from app.settings import SettingsFile
from app.store.queues import SortColumn, View
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate
from ui.desk import Desk, build_desk
from ui.dialogs import ResolveDialog
from ui.i18n import install_translators
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


def arrow_direction(header: QHeaderView, section: int) -> str:
    """Which way the sort arrow of ``section`` points on the header as it is painted, from
    its pixels: the arrow sits at the section's right end, and the wide end of a triangle is
    at the top when it points down."""
    image = header.grab().toImage()
    right = header.sectionViewportPosition(section) + header.sectionSize(section) - 3
    widths = [sum(image.pixelColor(x, y).lightness() < 170 for x in range(right - 16, right))
              for y in range(2, header.height() - 2)]
    inked = [width for width in widths if width]
    assert len(inked) >= 3, widths  # an arrow was drawn
    return "down" if inked[0] > inked[-1] else "up"


def test_the_sort_arrow_points_the_way_the_rows_run(qtbot: QtBot, desk: Desk) -> None:
    page = page_of(desk)
    activate(qtbot, desk.window)
    header = page.table.horizontalHeader()

    def created() -> list[object]:
        return [page.model.item(row).created_at for row in range(page.model.rowCount())]

    # The queue opens newest first: the arrow points down, to the older tickets.
    assert header.sortIndicatorSection() == Column.CREATED
    assert created() == sorted(created(), reverse=True)
    assert arrow_direction(header, Column.CREATED) == "down"
    middle = QPoint(header.sectionViewportPosition(Column.CREATED) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert not page.model.order.descending
    assert created() == sorted(created())
    assert arrow_direction(header, Column.CREATED) == "up"


def test_views_show_live_counts(desk: Desk) -> None:
    page = page_of(desk)
    texts = [page.views.item(row).text() for row in range(page.views.count())]
    assert texts[-1].endswith("(600)")
    page.views.setCurrentRow(list(View).index(View.PENDING))
    pending = page.model.total
    assert texts[list(View).index(View.PENDING)].endswith(f"({pending})")
    assert all(page.model.item(r).state.value.startswith("pending")
               for r in range(page.model.rowCount()))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_view_label_is_shown_whole(
    qtbot: QtBot, desk_data: DataDir, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, language)
    try:
        desk = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), language,
                   seat_of(desk_data))
        qtbot.addWidget(desk.window)
        page = page_of(desk)
        activate(qtbot, desk.window)
        views = page.views
        assert views.item(list(View).index(View.AWAITING_CONFIRMATION)).text().startswith(
            "Awaiting confirmation" if language == "en" else "已解决")
        bar = views.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, views)
        for row in range(len(View)):
            needed = views.sizeHintForIndex(views.model().index(row, 0)).width()
            # Whole even when enough saved filters bring a vertical scroll bar.
            assert needed <= views.viewport().width() - bar, views.item(row).text()
        # A saved filter's long name neither widens the list nor brings a horizontal bar.
        width = views.width()
        long_name = "网络与存储设备在工作时间之外的等待厂商工单（含已升级）" * 2
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (long_name, True))
        page.save_filter.click()
        saved = views.item(views.count() - 1)
        assert saved.toolTip() == long_name
        assert views.width() == width
        assert views.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        desk.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


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


def test_saved_filter_appears_with_its_count_and_can_be_deleted(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(desk)
    page.views.setCurrentRow(list(View).index(View.PENDING))
    page.search.setText("网络")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    expected = page.model.total
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("等待中的网络单", True))
    page.save_filter.click()
    saved_row = page.views.count() - 1
    assert page.views.item(saved_row).text() == f"★ 等待中的网络单  ({expected})"
    page.search.clear()
    page.views.setCurrentRow(saved_row)
    qtbot.waitUntil(lambda: page.model.total == expected)
    assert all(page.model.item(r).state.value.startswith("pending")
               for r in range(page.model.rowCount()))


def test_bulk_assign_changes_every_selected_ticket(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(desk)
    page.views.setCurrentRow(list(View).index(View.PENDING))
    chosen = [page.model.item(row).id for row in range(3)]
    staff_name, login = desk.context.reader.execute(
        "SELECT name, login FROM staff ORDER BY login LIMIT 1 OFFSET 5").fetchone()

    def choose() -> None:  # the dispatch ranking (ui/dispatch): type the login, Enter
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, choose)
            return
        search = dialog.findChild(QLineEdit, "search")
        qtbot.keyClicks(search, login)
        qtbot.keyClick(search, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    with qtbot.waitSignal(desk.context.events.tickets_changed) as changed:
        page.bulk(chosen, "assign")
    assert changed.args == [chosen]
    names = {row[0] for row in desk.context.reader.execute(
        f"SELECT s.name FROM tickets t JOIN staff s ON s.id = t.assignee_id "
        f"WHERE t.id IN ({','.join('?' * 3)})", chosen)}
    assert names == {staff_name}


def test_bulk_close_reports_what_was_refused(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(desk)
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text: reports.append(text))
    in_progress = desk.context.reader.execute(
        "SELECT id FROM tickets WHERE state='in_progress' LIMIT 2").fetchall()
    page.bulk([row[0] for row in in_progress], "close")
    assert reports and reports[0].startswith("0 ticket(s) changed, 2 refused")


def when_shown(answer: Callable[[QWidget], None],
               find: Callable[[], QWidget | None] = QApplication.activeModalWidget
               ) -> list[QWidget]:
    """Answer the next modal dialog (or what ``find`` finds) as the seat would, once it shows:
    its exec() blocks whatever opened it. Returns what was answered, to check it was."""
    answered: list[QWidget] = []
    deadline = time.monotonic() + 5

    def poll() -> None:
        widget = find()
        if widget is not None and widget.isVisible():
            answered.append(widget)
            answer(widget)
        elif time.monotonic() < deadline:  # never left polling into the next test
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return answered


def click_ok(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def select_rows(page: QueuesPage, wanted: set[TicketState], count: int) -> list[str]:
    """Select the first ``count`` rows in one of the ``wanted`` states; their ids."""
    rows = [row for row in range(page.model.rowCount())
            if page.model.item(row).state in wanted][:count]
    assert len(rows) == count
    selection = page.table.selectionModel()
    page.table.setFocus()
    page.table.selectRow(rows[0])
    for row in rows[1:]:
        selection.select(page.model.index(row, 0), selection.SelectionFlag.Select
                         | selection.SelectionFlag.Rows)
    return [page.model.item(row).id for row in rows]


def states_of(desk: Desk, ticket_ids: list[str]) -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in desk.context.reader.execute(
        f"SELECT t.id, t.state, coalesce(s.name, '') FROM tickets t LEFT JOIN staff s "
        f"ON s.id = t.assignee_id WHERE t.id IN ({','.join('?' * len(ticket_ids))})",
        ticket_ids)}


def test_ctrl_g_assigns_the_selected_tickets(qtbot: QtBot, desk: Desk) -> None:
    page = page_of(desk)
    activate(qtbot, desk.window)
    chosen = select_rows(page, {TicketState.NEW, TicketState.ASSIGNED,
                                TicketState.IN_PROGRESS}, 2)
    staff_id, staff_name, login = desk.context.reader.execute(
        "SELECT id, name, login FROM staff ORDER BY login LIMIT 1 OFFSET 7").fetchone()

    def choose(dialog: QWidget) -> None:  # the dispatch ranking: type the login, pick, OK
        search = dialog.findChild(QLineEdit, "search")
        assert search is not None
        qtbot.keyClicks(search, login)
        for _ in range(5):  # a login may be part of another's
            if dialog.choice()[0] == staff_id:  # type: ignore[attr-defined]
                break
            qtbot.keyClick(search, Qt.Key.Key_Down)
        click_ok(qtbot, dialog)

    answered = when_shown(choose)
    with qtbot.waitSignal(desk.context.events.tickets_changed) as changed:
        qtbot.keyClick(page.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert len(answered) == 1
    assert sorted(changed.args[0]) == sorted(chosen)
    assert {name for _state, name in states_of(desk, chosen).values()} == {staff_name}
    assert sorted(page.selected_tickets()) == sorted(chosen)  # refreshed in place


def test_ctrl_e_resolves_the_selected_tickets(qtbot: QtBot, desk: Desk) -> None:
    page = page_of(desk)
    activate(qtbot, desk.window)
    chosen = select_rows(page, {TicketState.IN_PROGRESS}, 2)
    before = states_of(desk, chosen)

    # Escape leaves the tickets as they were.
    answered = when_shown(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(answered) == 1 and states_of(desk, chosen) == before
    # Offscreen, nothing gives the window back its focus when the dialog closes.
    activate(qtbot, desk.window)
    page.table.setFocus()

    def resolve(dialog: QWidget) -> None:
        assert isinstance(dialog, ResolveDialog)
        qtbot.keyClicks(dialog.solution, "Restarted the billing service")
        qtbot.keyClicks(dialog.cause, "Connection pool exhausted")
        click_ok(qtbot, dialog)

    answered = when_shown(resolve)
    with qtbot.waitSignal(desk.context.events.tickets_changed) as changed:
        qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(answered) == 1
    assert sorted(changed.args[0]) == sorted(chosen)
    assert {state for state, _name in states_of(desk, chosen).values()} == {"resolved"}
    solutions = {row[0] for row in desk.context.reader.execute(
        f"SELECT solution FROM tickets WHERE id IN ({','.join('?' * len(chosen))})", chosen)}
    assert solutions == {"Restarted the billing service"}
    # The view reloads once the event loop turns (one reload for the write and the SLA
    # index it moved).
    qtbot.waitUntil(lambda: {page.model.item(page.model.row_of(tid)).state
                             for tid in chosen} == {TicketState.RESOLVED})


# A popup menu grabs the keyboard, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_the_table_menu_shows_the_shortcuts(qtbot: QtBot, desk: Desk) -> None:
    page = page_of(desk)
    activate(qtbot, desk.window)
    select_rows(page, {TicketState.IN_PROGRESS}, 1)
    shown: list[tuple[str, str]] = []

    def read(menu: QWidget) -> None:
        shown.extend((a.text(), a.shortcut().toString()) for a in menu.actions())
        menu.close()

    answered = when_shown(read, QApplication.activePopupWidget)
    page.table.customContextMenuRequested.emit(QPoint(5, 5))
    assert len(answered) == 1 and isinstance(answered[0], QMenu)
    assert [text for text, _keys in shown][:4] == ["Take", "Assign to…", "Start work",
                                                  "Resolve…"]
    assert ("Assign to…", "Ctrl+G") in shown and ("Resolve…", "Ctrl+E") in shown


def fits(page: QueuesPage, column: Column) -> bool:
    header = page.table.horizontalHeader()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    return not header.isSectionHidden(column) and 0 <= right <= page.table.viewport().width()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_columns_fit_a_small_screen_by_priority(qtbot: QtBot, desk_data: DataDir,
                                                language: str) -> None:
    """At 1024×700 the number, countdown, level, state and creation time stay in view and
    the title keeps its room; the unit and channel give way (issue 22)."""
    from ui.queues.columns import TITLE_MIN

    desk = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), language,
                      seat_of(desk_data))
    qtbot.addWidget(desk.window)
    try:
        page = page_of(desk)
        page.set_column_visible(Column.UNIT, True)  # the seat asks for every column
        page.set_column_visible(Column.CHANNEL, True)
        desk.window.resize(1024, 700)
        desk.window.show()
        qtbot.waitExposed(desk.window)
        header = page.table.horizontalHeader()
        qtbot.waitUntil(lambda: fits(page, Column.SLA) and fits(page, Column.CREATED))
        for column in (Column.NUMBER, Column.LEVEL, Column.STATE, Column.CREATED, Column.SLA):
            assert fits(page, column), column
        assert header.sectionSize(Column.TITLE) >= TITLE_MIN
        assert header.sectionSize(Column.TITLE) > header.sectionSize(Column.CATEGORY)
        assert not page.table.horizontalScrollBar().isVisible()
        assert header.isSectionHidden(Column.UNIT)  # the least needed gave way
        # Dates are shown whole.
        created = page.model.index(0, Column.CREATED).data()
        assert header.sectionSize(Column.CREATED) >= page.table.fontMetrics() \
            .horizontalAdvance(created)
        # On a wide screen everything the seat asked for is back.
        desk.window.resize(1920, 1080)
        qtbot.waitUntil(lambda: not header.isSectionHidden(Column.UNIT))
        assert all(fits(page, column) for column in Column)
        page.set_column_visible(Column.CHANNEL, False)  # and what the seat hides stays so
        desk.window.resize(1900, 1060)
        qtbot.wait(20)
        assert header.isSectionHidden(Column.CHANNEL)
    finally:
        desk.close()
