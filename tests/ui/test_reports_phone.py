"""The Reports page's phone table on a desk of 30 calls whose figures are known in advance
(tests/app/phone_desk.py): all calls, each seat and each day, as the seat sees them after
choosing December and Show; the page rendered in both languages."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.reports.monthly import build, write_xlsx
from app.reports.period import Period
from app.settings import SettingsFile
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.phone_desk import START, write_calls
from tests.conftest import seat_of
from ui.desk import build_desk
from ui.i18n import install_translators
from ui.reports.page import ReportsPage
from ui.reports.pdf import write_pdf

OUT = Path("/tmp/seatdesk-reports-shots")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_targets_tab_shows_the_calls_within_3_rings(
        qtbot: QtBot, demo_store: Store, demo_copy: DataDir, language: str) -> None:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        seats = tuple(row[0] for row in conn.execute(
            "SELECT id FROM staff ORDER BY id LIMIT 2"))
        names = [conn.execute("SELECT name FROM staff WHERE id = ?", (s,)).fetchone()[0]
                 for s in seats]
    write_calls(demo_store, (seats[0], seats[1]))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, language)
    try:
        _check_the_table(qtbot, demo_copy, language, names)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QApplication.processEvents()


def _check_the_table(qtbot: QtBot, demo_copy: DataDir, language: str,
                     names: list[str]) -> None:
    desk = build_desk(demo_copy, SettingsFile(demo_copy.settings),
                      ManualClock(START.replace(day=20)), language, seat_of(demo_copy))
    qtbot.addWidget(desk.window)
    desk.window.resize(1500, 900)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    assert desk.window.show_page("reports")
    page = desk.window.findChild(ReportsPage)
    assert isinstance(page, ReportsPage)
    page.span.setCurrentIndex(2)  # month
    page.first.setDate(QDate(2026, 12, 1))
    qtbot.waitUntil(lambda: not page._running, timeout=20_000)
    with qtbot.waitSignal(page.figures_changed, timeout=20_000):
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    table = page.phone_table
    rows = {table.item(r, 0).text(): [table.item(r, c).text()
                                      for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}
    everything = rows["All calls" if language == "en" else "全部来电"]
    # calls, within 3 rings, share, late, missed, abandoned, logged as tickets (none here),
    # per ring (≤1..≤5, more), p50, p90
    assert everything == ["30", "18", "60.0 %", "6", "3", "3", "0", "6", "6", "6", "3", "3",
                          "0", "7 s", "22 s"]
    assert rows[names[0]][:6] == ["12", "8", "66.7 %", "2", "1", "1"]
    assert rows[names[1]][:6] == ["18", "10", "55.6 %", "4", "2", "2"]
    assert rows["2026-12-01"][:3] == ["24", "15", "62.5 %"]
    assert rows["2026-12-02"][:3] == ["6", "3", "50.0 %"]
    header = table.horizontalHeaderItem(2).text()
    assert header == ("Within 3 rings" if language == "en" else "3 声内接听")
    OUT.mkdir(exist_ok=True)
    assert page.grab().save(str(OUT / f"reports-phone-{language}.png"))
    desk.close()


def test_the_monthly_pdf_and_xlsx_show_the_phone_figures(
        qtbot: QtBot, demo_store: Store, demo_copy: DataDir, tmp_path: Path) -> None:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        seats = tuple(row[0] for row in conn.execute(
            "SELECT id FROM staff ORDER BY id LIMIT 2"))
    write_calls(demo_store, (seats[0], seats[1]))
    with closing(read_connection(demo_copy.database)) as conn:
        report = build(conn, Period.month(2026, 12), START.replace(day=20), "en",
                       desk_name="Desk")
    book = load_workbook(write_xlsx(report, tmp_path / "report.xlsx"))
    rows = list(book["phone"].iter_rows(values_only=True))
    assert rows[0][:2] == ("answer target, rings", 3)
    assert rows[1][8] == "logged as tickets"
    assert rows[2][:10] == ("all", 30, 30, 18, 0.6, 6, 3, 3, 0, 6)
    pdf = write_pdf(report, tmp_path / "report.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = text.split("\f")[5]  # cover, targets, analysis, seats, channels, then phone
    assert "Phone calls" in page and "Answered calls by rings" in page
    assert " ".join(["All calls", "30", "18", "60.0 %"]) in " ".join(page.split())
    OUT.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "6", "-l", "6", str(pdf),
                    str(OUT / "pdf-phone")], check=True)
