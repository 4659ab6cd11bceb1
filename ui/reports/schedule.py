"""The monthly service report, written by the desk itself: on the first of each month
(the scheduler asks every day at 06:00 desk time and two minutes after start) last
month's PDF and XLSX go into the data folder's ``reports/`` unless they are there
already, so a desk that was off on the first writes them at its next start.

The folder is per desk (beside its database, like ``backups/``), not a desk-wide setting:
every desk can write its own copy from its replica, and no two desks share a folder.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

from app.domain.clock import Clock

log = logging.getLogger(__name__)
JOB_ID = "monthly-service-report"


def previous_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def write_if_missing(
    database: Path, folder: Path, clock: Clock, language: str, zone: str = "Asia/Shanghai"
) -> Path | None:
    """Write last month's report into ``folder`` unless its PDF exists; returns the PDF
    written, or None."""
    from zoneinfo import ZoneInfo

    from ui.reports.command import file_stem, write_monthly

    month = previous_month(clock.now().astimezone(ZoneInfo(zone)).date())
    target = folder / f"{file_stem(month)}.pdf"
    if target.exists():
        return None
    try:
        pdf, _xlsx = write_monthly(database, month, folder, language, clock.now())
    except Exception:  # a failed report must not stop the scheduler
        log.exception("the monthly service report of %s was not written", month)
        return None
    return pdf
