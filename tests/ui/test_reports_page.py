"""The Reports page and the monthly report on the desk with planned times
(tests/app/reports_desk.py): the figures shown, a figure opening its tickets, who sees
the page, the PDF (pages, Chinese text, fonts embedded) and the XLSX, rendered to PNG."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.cli import ReportArgs, parse
from app.domain.clock import ManualClock
from app.paths import DataDir
from app.reports.monthly import build, write_xlsx
from app.reports.period import Period
from app.settings import SettingsFile
from app.sla.policy import TargetKind
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.reports_desk import START, TICKETS, plan, write
from tests.conftest import seat_of
from ui.desk import Desk, build_desk
from ui.reports.page import ReportsPage
from ui.reports.pdf import write_pdf

LATER = START + timedelta(days=20)
OUT = Path("/tmp/seatdesk-reports-shots")


@pytest.fixture
def planned(demo_store: Store, demo_copy: DataDir) -> dict[int, str]:
    return write(demo_store, demo_copy, ManualClock(START))


def open_desk(qtbot: QtBot, data: DataDir, language: str, login: str | None = None) -> Desk:
    desk = build_desk(data, SettingsFile(data.settings), ManualClock(LATER), language,
                      seat_of(data, login))
    qtbot.addWidget(desk.window)
    return desk


@pytest.fixture
def desk(qtbot: QtBot, demo_copy: DataDir, planned: dict[int, str]) -> Iterator[Desk]:
    built = open_desk(qtbot, demo_copy, "en")
    yield built
    built.close()


def december(qtbot: QtBot, page: ReportsPage) -> None:
    page.span.setCurrentIndex(2)
    page.first.setDate(QDate(2026, 12, 1))
    qtbot.waitUntil(lambda: not page._running, timeout=20_000)  # the first show's figures
    with qtbot.waitSignal(page.figures_changed, timeout=20_000):
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)


def shown_december(qtbot: QtBot, desk: Desk) -> ReportsPage:
    """The desk's window shown on the Reports page, with December's figures."""
    desk.window.resize(1500, 900)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    assert desk.window.show_page("reports")
    page = desk.window.findChild(ReportsPage)
    assert isinstance(page, ReportsPage)
    december(qtbot, page)
    return page


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_page_shows_the_planned_figures_and_opens_their_tickets(
        qtbot: QtBot, demo_copy: DataDir, planned: dict[int, str], language: str) -> None:
    desk = open_desk(qtbot, demo_copy, language)
    try:
        page = shown_december(qtbot, desk)
        table = page.targets_table
        assert table.item(0, 1).text() == "6"  # first response met
        assert table.item(0, 2).text() == str(TICKETS - 6)
        with qtbot.waitSignal(page.tickets_requested) as signal:
            table.cellClicked.emit(0, 1)
        title, ids = signal.args
        assert ids == [planned[p.index] for p in plan() if p.first_response_s <= 60]
        OUT.mkdir(exist_ok=True)
        for index in range(page.tabs.count()):
            page.tabs.setCurrentIndex(index)
            qtbot.wait(10)
            desk.window.grab().save(str(OUT / f"reports-{index}-{language}.png"))
    finally:
        desk.close()


def test_a_click_on_a_bar_or_a_heat_cell_lists_as_many_tickets_as_it_shows(
        qtbot: QtBot, desk: Desk) -> None:
    """The charts' drills (their SQL now in app/reports/chart_drill.py)."""
    from PySide6.QtCore import QPoint

    page = shown_december(qtbot, desk)
    first = page._figures[TargetKind.FIRST_RESPONSE]  # noqa: SLF001 (what is drawn)
    page.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: bool(page.histogram._hits))  # noqa: SLF001 (painted)
    clicked = 0
    for index, rect in page.histogram._hits:  # noqa: SLF001
        if not first.times.bins[index]:
            continue
        with qtbot.waitSignal(page.tickets_requested) as listed:
            qtbot.mouseClick(page.histogram, Qt.MouseButton.LeftButton,
                             pos=QPoint(int(rect.center().x()), int(rect.bottom()) - 1))
        assert len(listed.args[1]) == first.times.bins[index]
        clicked += 1
    assert clicked >= 2
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: bool(page.heat._hits))  # noqa: SLF001
    heat = page.analysis.heat
    key, rect = next((k, r) for k, r in page.heat._hits  # noqa: SLF001
                     if heat.get(k) is not None and heat[k].count)
    with qtbot.waitSignal(page.tickets_requested) as listed:
        qtbot.mouseClick(page.heat, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert len(listed.args[1]) == heat[key].count


def test_only_roles_that_read_reports_see_the_page(qtbot: QtBot, desk_data: DataDir) -> None:
    agent = open_desk(qtbot, desk_data, "en", "seat010")
    try:
        assert not agent.window.page_visible("reports")
    finally:
        agent.close()
    supervisor = open_desk(qtbot, desk_data, "en", "seat002")
    try:
        assert supervisor.window.page_visible("reports")
    finally:
        supervisor.close()


def test_the_monthly_pdf_and_xlsx(qtbot: QtBot, demo_copy: DataDir, planned: dict[int, str],
                                  tmp_path: Path) -> None:
    conn = read_connection(demo_copy.database)
    report = build(conn, Period.month(2026, 12), LATER, "zh_CN", desk_name="政务云服务台")
    conn.close()
    pdf = write_pdf(report, tmp_path / "report.pdf")
    xlsx = write_xlsx(report, tmp_path / "report.xlsx")
    from openpyxl import load_workbook
    book = load_workbook(xlsx)
    rows = list(book["targets"].iter_rows(values_only=True))
    assert rows[2][0] == "first_response" and rows[2][1] == 6
    # Issue 16: the estimates counted, the causes sheet there (none recorded here).
    assert rows[-1] == ("estimated (a year without official holidays)", 0, *rows[-1][2:])
    assert list(book["missed causes"].iter_rows(values_only=True)) == [
        ("target", "cause", "count")]
    assert next(book["reviews"].iter_rows(values_only=True))[:3] == (
        "reviewed", "approved", "sent back")
    # Issue 17: the comments by reason, as the report counted them.
    assert report.reasons is not None
    reasons = list(book["satisfaction reasons"].iter_rows(values_only=True))
    assert [(r[0], r[2]) for r in reasons[1:7]] == list(report.reasons.counts.items())
    assert reasons[3][1] == "服务态度好" and sum(r[2] for r in reasons[1:7]) > 0
    # poppler-utils (pdfinfo, pdftotext, pdffonts): .ci/run installs it; never skipped.
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    # cover, targets, analysis, seats, channels, phone calls, level-3 reviews
    assert "Pages:           7" in info.stdout
    assert "A4" in info.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "政务云服务台" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "CJK" in fonts and " yes " in fonts
    OUT.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / "pdf")], check=True)
    assert len(list(OUT.glob("pdf-*.png"))) >= 5


def test_the_monthly_button_writes_off_the_gui_thread_and_says_where(
        qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: the PDF was drawn on the GUI thread, the window frozen meanwhile."""
    desk.window.show()
    assert desk.window.show_page("reports")
    page = desk.window.findChild(ReportsPage)
    assert isinstance(page, ReportsPage)
    december(qtbot, page)
    asked: list[str] = []

    def choose(_parent: object, _title: str, start: str = "") -> str:
        asked.append(start)
        return str(tmp_path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    from ui.reports import command

    real = command.write_monthly
    threads: list[bool] = []

    def watched(*args: object, **kwargs: object) -> object:
        app = QApplication.instance()
        threads.append(app is not None and QThread.currentThread() is app.thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(command, "write_monthly", watched)
    ticks: list[int] = []
    timer = QTimer(page, interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(page.monthly_written, timeout=30_000) as written:
        qtbot.mouseClick(page.monthly_button, Qt.MouseButton.LeftButton)
        assert not page.monthly_button.isEnabled()  # one report at a time
        assert "Writing the monthly report of 2026-12" in page.summary.text()
    timer.stop()
    assert threads == [False] and ticks  # written by a worker; the window kept drawing
    pdf, xlsx = (Path(p) for p in written.args)
    assert pdf == tmp_path / "service-report-2026-12.pdf" and pdf.stat().st_size > 0
    assert xlsx.exists() and page.monthly_button.isEnabled()
    assert asked and asked[0]  # the dialog opened in the seat's Documents (or home)
    box = page.findChild(QMessageBox, "export_done")
    assert box is not None and str(tmp_path) in box.text()


def test_the_report_command_parses() -> None:
    args = parse(["report", "--month", "2026-11", "--out", "/tmp/x"])
    assert isinstance(args, ReportArgs)
    assert args.month == date(2026, 11, 1) and args.out == Path("/tmp/x")
    with pytest.raises(SystemExit):
        parse(["report", "--month", "November", "--out", "/tmp/x"])


def test_the_scheduled_report_is_written_once_for_last_month(
        qtbot: QtBot, demo_copy: DataDir, planned: dict[int, str], tmp_path: Path) -> None:
    from ui.reports.schedule import previous_month, write_if_missing

    clock = ManualClock(START + timedelta(days=31, hours=1))  # 2027-01-01 09:00 in Beijing
    assert previous_month(date(2027, 1, 1)) == date(2026, 12, 1)
    written = write_if_missing(demo_copy.database, tmp_path, clock, "zh_CN")
    assert written == tmp_path / "service-report-2026-12.pdf" and written.exists()
    assert (tmp_path / "service-report-2026-12.xlsx").exists()
    assert write_if_missing(demo_copy.database, tmp_path, clock, "zh_CN") is None


def test_the_report_command_writes_without_a_window(demo_copy: DataDir,
                                                    planned: dict[int, str],
                                                    tmp_path: Path) -> None:
    from ui.reports.command import run_report_command

    args = parse(["report", "--month", "2026-12", "--out", str(tmp_path), "--data-dir",
                  str(demo_copy.root)])
    assert isinstance(args, ReportArgs)
    assert run_report_command(args) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "service-report-2026-12.pdf", "service-report-2026-12.xlsx"]


def test_the_causes_of_missed_targets_feed_the_reports(
        qtbot: QtBot, demo_copy: DataDir, planned: dict[int, str]) -> None:
    # Issue 16: causes recorded on tickets in the period, by target, with totals.
    from app.sla.causes import Miss, MissedCause, record_cause

    store = Store(demo_copy.database)
    clock = ManualClock(START + timedelta(days=2))
    tickets = list(planned.values())
    for ticket, kind, cause in ((tickets[0], "resolution", MissedCause.WAITING_ON_VENDOR),
                                (tickets[1], "resolution", MissedCause.WAITING_ON_VENDOR),
                                (tickets[2], "first_response", MissedCause.STAFFING)):
        record_cause(store, clock, None, ticket, Miss(kind, 0, None), cause)
    store.close()
    desk = open_desk(qtbot, demo_copy, "en")
    try:
        desk.window.show()
        assert desk.window.show_page("reports")
        page = desk.window.findChild(ReportsPage)
        assert isinstance(page, ReportsPage)
        december(qtbot, page)
        table = page.causes_table
        header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert header == ["Cause", "First response", "Resolution", "Total"]
        rows = [[table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())]
        assert rows == [["Waiting on a vendor", "0", "2", "2"],
                        ["Not enough staff", "1", "0", "1"]]
    finally:
        desk.close()
    conn = read_connection(demo_copy.database)
    report = build(conn, Period.month(2026, 12), LATER, "en")
    conn.close()
    assert report.causes == {"resolution": {"waiting_on_vendor": 2},
                             "first_response": {"staffing": 1}}


def test_a_click_on_a_reasons_row_lists_its_tickets(qtbot: QtBot, desk: Desk,
                                                    planned: dict[int, str]) -> None:
    """Issue 17: the requesters' comments by reason, on the satisfaction tab; a click on a
    row's reason opens the queue with its tickets."""
    from tests.app.reports_desk import COMMENTS

    expected = dict(COMMENTS)
    page = shown_december(qtbot, desk)
    page.tabs.setCurrentIndex(4)
    table = page.reasons_table
    assert table.isVisible()
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert labels == ["Handled quickly", "Knew what to do", "Kind and clear", "Too slow",
                      "Unclear communication", "Something else"]
    slow = [planned[p.index] for p in plan()
            if p.score is not None and expected[p.comment] == "slow"]
    assert table.item(3, 1).text() == str(len(slow))
    rect = table.visualItemRect(table.item(3, 0))
    with qtbot.waitSignal(page.tickets_requested) as listed:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    title, ids = listed.args
    assert ids == slow and "Too slow" in title


def test_show_pressed_while_counting_counts_again_with_the_last_choice(
        qtbot: QtBot, desk: Desk, planned: dict[int, str]) -> None:
    """A supervisor presses Show, picks level 1 and presses Show again before the first
    count is back: the page counts once more and ends on level 1's figures, not on the
    figures of the choice it was counting when the second press came."""
    page = shown_december(qtbot, desk)
    every = page.summary.text()
    shown: list[str] = []
    page.figures_changed.connect(lambda: shown.append(page.summary.text()))
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page._running  # the count runs off the GUI thread: nothing delivered yet
    page.level.setCurrentIndex(page.level.findData("1"))
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2 and not page._running, timeout=40_000)
    assert shown[0] == every  # the first count was of every level
    assert page._filters.levels == (1,)
    level_one = shown[1]
    assert level_one != every
    with qtbot.waitSignal(page.figures_changed, timeout=20_000):  # counted alone, the same
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page.summary.text() == level_one


def test_a_count_finishing_after_the_desk_closed_fills_nothing(
        qtbot: QtBot, desk: Desk, planned: dict[int, str]) -> None:
    """The desk closes (a language switch, the end of the shift) while the figures are
    counted off the GUI thread: their arrival reads nothing of the closed database."""
    from ui import background

    page = shown_december(qtbot, desk)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert page._running
    desk.close()
    qtbot.waitUntil(lambda: not background.busy(), timeout=40_000)
    qtbot.wait(50)  # delivers what is queued: pytest-qt fails on an exception in a slot
    assert page.summary.text() == "Counting…"
