"""``seatdesk report --month 2026-11 --out DIR``: the monthly service report, headless.

Writes ``<desk>-service-report-2026-11.pdf`` and ``.xlsx`` (the same files as the menu
item and the scheduled job) without opening a window.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from app.cli import ReportArgs


def file_stem(month: date) -> str:
    return f"service-report-{month.strftime('%Y-%m')}"


def write_monthly(
    database: Path, month: date, out: Path, language: str, now_utc: object | None = None
) -> tuple[Path, Path]:
    """Build the report of ``month`` from ``database`` and write its PDF and XLSX."""
    from datetime import UTC, datetime

    from app import desk_settings
    from app.reports.monthly import build, write_xlsx
    from app.reports.period import Period
    from app.store.reading import read_connection
    from ui.reports.pdf import write_pdf
    from ui.reports.texts import kind_labels

    conn = read_connection(database)
    try:
        zone = desk_settings.read(conn).time_zone
        now = now_utc if isinstance(now_utc, datetime) else datetime.now(UTC)
        report = build(conn, Period.month(month.year, month.month, zone), now, language)
    finally:
        conn.close()
    stem = file_stem(month)
    return (
        write_pdf(report, out / f"{stem}.pdf"),
        write_xlsx(report, out / f"{stem}.xlsx", kind_labels()),
    )


def run_report_command(args: ReportArgs) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from app.paths import DataDir, default_data_root
    from ui.i18n import install_translators

    data = DataDir(args.data_dir or default_data_root())
    if not data.database.exists():
        print(f"no desk in {data.root}", file=sys.stderr)
        return 2
    app = QGuiApplication.instance() or QGuiApplication([])
    language = args.language or "zh_CN"
    translators = install_translators(app, language)
    try:
        pdf, xlsx = write_monthly(data.database, args.month, args.out, language)
    finally:  # an application that runs on (a test session) keeps its own language
        for translator in translators:
            app.removeTranslator(translator)
    print(pdf)
    print(xlsx)
    return 0
