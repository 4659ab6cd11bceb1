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
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.reports.monthly import build, write_xlsx
from app.reports.period import Period
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.phone_desk import START, write_calls
from tests.conftest import seat_of
from tests.ui.conftest import desk_in
from tests.ui.test_reports_page import shown_december
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
    with desk_in(qtbot, demo_copy, ManualClock(START.replace(day=20)), language,
                 seat_of(demo_copy)) as desk:
        _check_the_table(shown_december(qtbot, desk), language, names)


def _check_the_table(page: ReportsPage, language: str, names: list[str]) -> None:
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
