"""The phone's figures as the Reports page and the monthly PDF show them (issue 19): the
period's calls as a whole, per seat and per day - the share answered within the policy's
rings, how the others ended, the answers per ring and the seconds to answer
(``app.reports.phone``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.reports.phone import PhoneFigures, PhoneReport
from ui.reports.tables import Row, item
from ui.reports.texts import minutes, phone_header, share


def phone_texts(label: str, f: PhoneFigures) -> list[str]:
    return [label, str(f.calls), str(f.within), share(f.share_within), str(f.late),
            str(f.missed), str(f.abandoned), str(f.logged),
            *(str(count) for count in f.rings),
            minutes(f.seconds.p50), minutes(f.seconds.p90)]


def phone_rows(report: PhoneReport, seat_names: dict[str, str]) -> list[list[str]]:
    """All calls, then each seat (by name), then each local day."""
    rows = [phone_texts(QCoreApplication.translate("Reports", "All calls"), report.totals)]
    seats = sorted(report.by_seat.items(), key=lambda kv: seat_names.get(kv[0], kv[0]))
    rows += [phone_texts(seat_names.get(key, key) or QCoreApplication.translate(
        "Reports", "(no seat)"), f) for key, f in seats]
    rows += [phone_texts(day.isoformat(), f) for day, f in report.by_day.items()]
    return rows


def phone_table(report: PhoneReport, seat_names: dict[str, str]
                ) -> tuple[list[str], list[Row]]:
    """The page's header and rows."""
    return phone_header(report.limit), [[item(text) for text in row]
                                        for row in phone_rows(report, seat_names)]
