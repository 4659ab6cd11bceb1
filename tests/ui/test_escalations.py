"""The escalation ledger page driven as a shift supervisor, on the known desk of
tests/app/test_wallboard.py: its lines, filters chosen with the keyboard, the analysis
beside them, export through the file dialog, and opening a line's ticket."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.settings import SettingsFile
from tests.app.test_wallboard import KnownDesk, build_known_desk
from tests.conftest import T0
from tests.ui.test_wallboard import supervisor
from ui.desk import Desk, build_desk
from ui.escalations.model import Column, LedgerModel
from ui.escalations.page import EscalationsPage


@pytest.fixture
def known(data_dir: DataDir) -> Iterator[KnownDesk]:
    desk = build_known_desk(data_dir, ManualClock(T0))
    yield desk
    desk.store.close()


@pytest.fixture
def desk(qtbot: QtBot, known: KnownDesk) -> Iterator[Desk]:
    built = build_desk(known.data, SettingsFile(known.data.settings), known.clock, "en",
                       supervisor(known))
    qtbot.addWidget(built.window)
    yield built
    built.close()


def ledger_page(qtbot: QtBot, desk: Desk) -> EscalationsPage:
    desk.window.resize(1400, 900)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    assert desk.window.show_page("escalations")
    page = desk.window.findChild(EscalationsPage)
    assert isinstance(page, EscalationsPage)
    qtbot.waitUntil(lambda: page.count.text() != "")  # read as it is first shown
    return page


def cells(model: LedgerModel, column: Column) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick ``text`` in a combo box as a person would: focus it, Home, then Down to it."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    offered = [combo.itemText(i) for i in range(combo.count())]
    raise AssertionError(f"{text!r} not offered: {offered}")


def test_the_ledger_lists_every_escalation(qtbot: QtBot, desk: Desk, known: KnownDesk,
                                           qtmodeltester: Any) -> None:
    page = ledger_page(qtbot, desk)
    qtmodeltester.check(page.model)
    assert page.count.text() == "3 escalation(s)"
    assert sorted(cells(page.model, Column.TICKET)) == sorted(
        [known.numbers["t1"], known.numbers["t1"], known.numbers["t2"]])
    t2 = cells(page.model, Column.TICKET).index(known.numbers["t2"])
    row = {column: page.model.index(t2, column).data() for column in Column}
    assert row[Column.TIME] == "2026-11-26 10:00"
    assert row[Column.RULE] == "Resolution · Breached"
    assert row[Column.ACTION] == "Notify the supervisor"
    assert row[Column.OUTCOME] == "Sent, not acknowledged"
    assert row[Column.OWNER] == "Ann"
    assert row[Column.SEEN] == "acknowledged by Ann"
    assert "nobody" in cells(page.model, Column.OWNER)
    rules = [page.by_rule.item(r, 0).text() for r in range(page.by_rule.rowCount())]
    assert rules == ["Resolution · Breached → Notify the supervisor",
                     "Pickup · Breached → Notify the supervisor"]
    assert "not resolved yet: 3" in page.spread.text()


def test_filters_chosen_with_the_keyboard(qtbot: QtBot, desk: Desk, known: KnownDesk) -> None:
    page = ledger_page(qtbot, desk)
    team = str(page.team.itemText(1))
    choose(qtbot, page.team, team)
    assert cells(page.model, Column.TICKET) == [known.numbers["t2"]]
    assert page.count.text() == "1 escalation(s)"
    choose(qtbot, page.team, "All")
    choose(qtbot, page.outcome, "Sent, not acknowledged")
    assert page.model.rowCount() == 3
    choose(qtbot, page.period, "Chosen days")
    assert page.first_day.isVisible() and page.last_day.isVisible()
    page.first_day.setFocus()
    qtbot.keyClick(page.first_day, Qt.Key.Key_Up)  # the 27th: after every line
    assert page.model.rowCount() == 0
    assert not page.export_button.isEnabled()
    choose(qtbot, page.period, "Today")
    assert page.model.rowCount() == 3


def test_export_from_the_dialog_to_csv_and_xlsx(qtbot: QtBot, desk: Desk, known: KnownDesk,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    page = ledger_page(qtbot, desk)
    asked: list[str] = []

    def answer(target: Path, kind: str) -> Any:
        def dialog(_parent: object, _title: str, suggested: str, filters: str) -> Any:
            asked.append(suggested)
            return str(target), next(f for f in filters.split(";;") if kind in f)
        return dialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer(tmp_path / "ledger", "csv"))
    with qtbot.waitSignal(page.exported) as written:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(tmp_path / "ledger.csv")]
    assert Path(asked[0]).name == "escalation-ledger-20261126-1000.xlsx"
    from ui.files import documents_folder

    assert Path(asked[0]).parent == Path(documents_folder())
    rows = list(csv.reader((tmp_path / "ledger.csv").read_text(encoding="utf-8-sig")
                           .splitlines()))
    assert rows[0][0] == "Time (Asia/Shanghai)" and len(rows) == 4
    assert {r[5] for r in rows[1:]} == {"Notify the supervisor"}
    told = page.findChild(QMessageBox, "export_done")
    assert told is not None and str(tmp_path / "ledger.csv") in told.text()
    told.close()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        answer(tmp_path / "ledger.xlsx", "xlsx"))
    with qtbot.waitSignal(page.exported):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "ledger.xlsx").active
    assert sheet is not None and sheet.max_row == 4


def test_a_line_opens_its_ticket(qtbot: QtBot, desk: Desk, known: KnownDesk) -> None:
    page = ledger_page(qtbot, desk)
    row = cells(page.model, Column.TICKET).index(known.numbers["t2"])
    where = page.table.visualRect(page.model.index(row, Column.TICKET)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [known.tickets["t2"]]
    assert known.tickets["t2"] in desk.tickets.open_windows


def test_resolving_a_ticket_moves_the_analysis(qtbot: QtBot, desk: Desk,
                                               known: KnownDesk) -> None:
    from datetime import timedelta

    page = ledger_page(qtbot, desk)
    known.clock.advance(timedelta(minutes=90))
    version = int(desk.context.reader.execute("SELECT version FROM tickets WHERE id = ?",
                                              (known.tickets["t2"],)).fetchone()[0])
    known.flow("Ann").resolve(known.tickets["t2"], version, solution="更换存储路径")
    desk.context.events.tickets_changed.emit([known.tickets["t2"]])
    qtbot.waitUntil(lambda: "not resolved yet: 2" in page.spread.text())
    assert "p50: 1.5 h" in page.spread.text()
    row = cells(page.model, Column.TICKET).index(known.numbers["t2"])
    assert page.model.index(row, Column.TO_RESOLUTION).data() == "1.5 h"


def test_the_ledger_shows_who_follows_each_escalation(qtbot: QtBot, known: KnownDesk,
                                                      desk: Desk) -> None:
    # Issue 16: the monitor named a person to follow each line when it escalated; a line
    # written before (no one named) shows a dash.
    with known.store.unit_of_work() as session:
        from sqlalchemy import select

        from app.sla.tables import SlaEscalationRow

        line = session.execute(select(SlaEscalationRow).where(
            SlaEscalationRow.ticket_id == known.tickets["t2"])).scalars().first()
        assert line is not None
        line.owner_id = None
    page = ledger_page(qtbot, desk)
    followed = cells(page.model, Column.FOLLOWED_BY)
    assert followed.count("—") == 1
    assert set(followed) - {"—"} and set(followed) - {"—"} <= set(known.staff)
    assert page.model.headerData(Column.FOLLOWED_BY, Qt.Orientation.Horizontal) == \
        "Followed by"



@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_screenshot_of_the_ledger_with_who_follows(qtbot: QtBot, known: KnownDesk,
                                                     language: str) -> None:
    from pathlib import Path

    from tests.ui.conftest import desk_in

    with desk_in(qtbot, known.data, known.clock, language, supervisor(known)) as built:
        page = ledger_page(qtbot, built)
        followed = cells(page.model, Column.FOLLOWED_BY)
        assert set(followed) <= {*known.staff, "—"}
        if language == "zh_CN":
            assert page.model.headerData(Column.FOLLOWED_BY, Qt.Orientation.Horizontal) == \
                "跟进人"
        shots = Path("/tmp/seatdesk-issue16-shots")
        shots.mkdir(exist_ok=True)
        assert built.window.grab().save(str(shots / f"ledger-{language}.png"))
