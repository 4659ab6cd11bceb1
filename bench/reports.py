"""Reports on a large desk: a month's and a year's report against the same SQL run bare.

The report is ``app.reports.monthly.build`` (every section: targets, heat map, breakdowns,
trend, seats, teams, channels, satisfaction). The baseline replays the very statements
the report sent (captured with sqlite3's trace callback, parameters inlined) with plain
fetchall, without the Python that turns rows into figures. The derived facts
(``app/reports/facts.py``) are brought up to date first and timed apart: their full build
is paid once per desk (and again when the policy changes), then only changed tickets.
Also the monthly PDF (``ui/reports/pdf.py``) and XLSX.

    python -m bench.reports [--tickets 100000] [--repeat 20] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain.clock import SystemClock  # noqa: E402
from app.reports import facts  # noqa: E402
from app.reports.monthly import build, write_xlsx  # noqa: E402
from app.reports.period import Period  # noqa: E402
from app.store.reading import read_connection  # noqa: E402
from app.store.schema import ensure_schema  # noqa: E402
from bench.common import emit, summary  # noqa: E402
from bench.startup import ensure_demo  # noqa: E402


def elapsed_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def main() -> None:  # noqa: PLR0915 (one linear script)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(f"/tmp/seatdesk-bench-{args.tickets}")
    ensure_demo(data_dir, args.tickets)
    # A desk written by an older version is brought to the current schema first, as the
    # desk does at start (after a backup into the folder's backups/).
    ensure_schema(data_dir / "seatdesk.sqlite3", SystemClock(), data_dir / "backups")
    conn = read_connection(data_dir / "seatdesk.sqlite3")
    newest = conn.execute("SELECT max(created_at) FROM tickets").fetchone()[0]
    now = datetime.fromisoformat(newest).replace(tzinfo=UTC)
    figures: dict[str, object] = {"tickets": args.tickets}
    path = facts.facts_file(conn)
    fresh = path is not None and not path.exists()
    build_ms = elapsed_ms(lambda: facts.refresh(conn, now))
    figures["facts_refresh_ms"] = round(build_ms, 1)
    figures["facts_built_from_scratch"] = fresh
    figures["facts_noop_ms"] = round(elapsed_ms(lambda: facts.refresh(conn, now)), 2)

    local = now.date()
    month = Period.month(local.year, local.month)
    year = Period(month.first.replace(month=1, day=1), month.first.replace(month=12, day=31))
    worst = 0.0
    for name, period in (("month", month), ("year", year)):
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        build(conn, period, now)
        conn.set_trace_callback(None)
        reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]

        def bare(reads: list[str] = reads) -> None:
            for sql in reads:
                conn.execute(sql).fetchall()

        def report(period: Period = period) -> None:
            build(conn, period, now)

        report_ms, bare_ms = [], []
        for _ in range(args.repeat):
            report_ms.append(elapsed_ms(report))
            bare_ms.append(elapsed_ms(bare))
        r, b = summary(report_ms), summary(bare_ms)
        ratio = round(r["p95"] / b["p95"], 2) if b["p95"] else None
        worst = max(worst, ratio or 0.0)
        tickets = conn.execute("SELECT count(*) FROM tickets WHERE created_at >= ? AND "
                               "created_at < ?", period.bounds()).fetchone()[0]
        figures[name] = {"tickets": tickets, "report": r, "bare": b, "ratio_p95": ratio,
                         "statements": len(reads)}
        print(f"{name}: {tickets} tickets, report p50 {r['p50']} p95 {r['p95']} ms, "
              f"bare p50 {b['p50']} p95 {b['p95']} ms, ratio {ratio}")
    figures["worst_ratio_p95"] = worst

    out = Path(tempfile.mkdtemp(prefix="seatdesk-report-"))
    report = build(conn, month, now)
    figures["xlsx_ms"] = round(elapsed_ms(lambda: write_xlsx(report, out / "r.xlsx")), 1)
    if not args.no_pdf:
        from PySide6.QtGui import QGuiApplication

        from ui.reports.pdf import write_pdf

        _app = QGuiApplication([])
        pdf_ms = [elapsed_ms(lambda: write_pdf(build(conn, month, now), out / "r.pdf"))
                  for _ in range(3)]
        figures["pdf_month_ms"] = summary(pdf_ms)
        figures["pdf_bytes"] = (out / "r.pdf").stat().st_size
    shutil.rmtree(out, ignore_errors=True)
    emit(figures)


if __name__ == "__main__":
    main()
