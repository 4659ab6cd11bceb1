"""The audit log tab, driven as a supervisor or administrator would: the newest line first,
a person typed into the filter, a kind and days chosen, before → after of the selected line,
pages read as the list scrolls, an export to a chosen file; an agent sees why not."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.audit.recorder import Action, AuditKind, record
from app.domain.clock import ManualClock
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate, shown_page
from ui.admin import AdministrationPage
from ui.admin import audit_tab as tab_module
from ui.admin.audit_model import Column
from ui.admin.audit_tab import AuditLogTab
from ui.desk import Desk


@pytest.fixture
def tab(qtbot: QtBot, desk: Desk) -> AuditLogTab:
    """The audit log tab of a desk with a few lines: the administrator saved two settings
    this morning, the supervisor published a rota yesterday."""
    context = desk.context
    clock = context.clock
    assert isinstance(clock, ManualClock)
    supervisor = seat_of(context.data, "seat002")
    with context.store().unit_of_work() as session:
        clock.set(T0 - timedelta(days=1))
        record(session, clock, supervisor.staff_id, AuditKind.ROTA, "rota_periods", "p1",
               Action.PUBLISHED, {}, {"published_by": supervisor.staff_id})
    clock.set(T0)
    context.save_desk_settings(confirmation_timeout_hours=48.0)
    clock.set(T0 + timedelta(minutes=5))
    context.save_desk_settings(confirmation_timeout_hours=24.0, backups_kept=12)
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    found = page.tab("audit")
    assert isinstance(found, AuditLogTab)
    page.setCurrentWidget(found)
    return found


def texts(tab: AuditLogTab, column: Column) -> list[str]:
    return [tab.model.index(row, column).data() for row in range(tab.model.rowCount())]


def test_newest_first_and_the_selected_line_before_and_after(
        qtbot: QtBot, desk: Desk, tab: AuditLogTab) -> None:
    assert tab.currentWidget() is tab.content
    admin = desk.context.signed_in.name
    assert texts(tab, Column.WHO)[:3] == [admin, admin, admin]
    assert texts(tab, Column.SUBJECT)[-1] == "Rota period: p1"
    assert texts(tab, Column.WHEN)[-1] == "2026-11-25 10:00:00"  # Shanghai time
    assert tab.count.text() == "4 line(s)"
    changed = texts(tab, Column.CHANGES).index("Confirmation timeout: 48 h → 24 h")
    rect = tab.table.visualRect(tab.model.index(changed, Column.SUBJECT))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.detail.rowCount() == 1
    assert [tab.detail.item(0, c).text() for c in range(3)] == [
        "Confirmation timeout", "48 h", "24 h"]
    assert tab.detail_title.text().startswith("2026-11-26 10:05:00 · " + admin)


def test_a_person_typed_into_the_filter(qtbot: QtBot, desk: Desk, tab: AuditLogTab) -> None:
    edit = tab.person.lineEdit()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "seat002")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    supervisor = seat_of(desk.context.data, "seat002")
    assert tab.person.currentData() == supervisor.staff_id
    assert texts(tab, Column.WHO) == [supervisor.name]
    assert tab.count.text() == "1 line(s)"
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # an empty box is everyone again
    assert tab.person.currentIndex() == 0 and tab.model.rowCount() == 4


def test_kind_and_period_filters(qtbot: QtBot, tab: AuditLogTab) -> None:
    tab.kind.setCurrentIndex(tab.kind.findData(str(AuditKind.ROTA)))
    assert texts(tab, Column.KIND) == ["Rota"]
    tab.kind.setCurrentIndex(0)
    tab.period.setCurrentIndex(tab.period.findData("today"))
    assert tab.model.rowCount() == 3 and "Rota" not in texts(tab, Column.KIND)
    tab.period.setCurrentIndex(tab.period.findData("chosen"))
    assert tab.first_day.isVisible() and tab.last_day.isVisible()
    tab.first_day.setDate(QDate(2026, 11, 25))
    tab.last_day.setDate(QDate(2026, 11, 25))
    assert texts(tab, Column.KIND) == ["Rota"]
    tab.period.setCurrentIndex(tab.period.findData("all"))
    assert not tab.first_day.isVisible() and tab.model.rowCount() == 4


def test_pages_are_read_as_the_list_scrolls(qtbot: QtBot, desk: Desk, tab: AuditLogTab,
                                           qtmodeltester: ModelTester) -> None:
    context = desk.context
    with context.store().unit_of_work() as session:
        for n in range(450):
            record(session, context.clock, context.signed_in.staff_id, AuditKind.PEOPLE,
                   "staff", f"row{n}", Action.CHANGED, {"phone": str(n)},
                   {"phone": str(n + 1)})
    context.events.records_changed.emit(["audit_log"])  # as a pull would
    assert tab.count.text() == "454 line(s)"
    assert tab.model.rowCount() == 200
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 400)
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 454)
    assert not tab.model.canFetchMore(tab.model.index(-1, -1))
    qtmodeltester.check(tab.model)


def test_an_agent_is_told_why_there_is_no_log(qtbot: QtBot, desk: Desk,
                                             tab: AuditLogTab) -> None:
    desk.context.switch_seat(seat_of(desk.context.data, "seat010"))
    assert tab.currentWidget() is tab.closed
    assert "supervisors and administrators" in tab.closed.text()
    assert tab.model.rowCount() == 0
    desk.context.switch_seat(seat_of(desk.context.data, "seat002"))  # a supervisor reads it
    assert tab.currentWidget() is tab.content and tab.model.rowCount() == 4


@pytest.mark.parametrize(("filter_name", "suffix"), [("Excel workbook (*.xlsx)", ".xlsx"),
                                                    ("CSV, UTF-8 (*.csv)", ".csv")])
def test_export_asks_where_and_says_where_it_wrote(
        qtbot: QtBot, desk: Desk, tab: AuditLogTab, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, filter_name: str, suffix: str) -> None:
    asked: list[str] = []

    def save_dialog(_parent: object, _title: str, suggested: str, _filters: str
                    ) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "审计"), filter_name  # typed without a suffix

    monkeypatch.setattr(tab_module.QFileDialog, "getSaveFileName", save_dialog)
    tab.kind.setCurrentIndex(tab.kind.findData(str(AuditKind.SETTINGS)))
    with qtbot.waitSignal(tab.exported, timeout=10_000) as done:
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / f"审计{suffix}"
    assert done.args == [str(written)]
    assert asked[0].endswith("audit-log-2026-11-26.xlsx")
    told = tab.findChild(QMessageBox, "export_done")
    assert told is not None and str(written) in told.text()
    if suffix == ".csv":
        with written.open(encoding="utf-8-sig", newline="") as file:
            rows = list(csv.reader(file))
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(written)["Audit log"]
        rows = [[str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "When (Asia/Shanghai)"
    assert len(rows) == 1 + 3  # the settings lines only, as filtered
    assert {row[3] for row in rows[1:]} == {"Desk settings"}
    assert tab.export_button.isEnabled()
