"""The monthly service report's figures (one object the PDF, the XLSX and the page read),
and its XLSX. Drawing the PDF needs Qt: ``ui/reports/pdf.py``."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.questionnaire import REASONS
from app.reports.analysis import ResponseAnalysis, response_analysis
from app.reports.people import (
    ChannelFigures,
    Satisfaction,
    SeatFigures,
    channels,
    satisfaction,
    seats,
)
from app.reports.period import Filters, Period
from app.reports.phone import PhoneReport, phone_report, phone_sheet
from app.reports.reviews import ReviewFigures, review_figures
from app.reports.satisfaction_reasons import ReasonFigures, reasons
from app.reports.targets import ANY, BIN_EDGES, Dimension, TargetFigures
from app.reports.ticket_rows import ticket_rows
from app.sla.policy import TargetKind

_NAMES = {
    Dimension.TYPE: "SELECT id, name_zh, name_en FROM ticket_types",
    Dimension.CATEGORY: "SELECT id, name_zh, name_en FROM categories",
    Dimension.TEAM: "SELECT id, name_zh, name_en FROM teams",
    Dimension.SEAT: "SELECT id, name, name FROM staff",
}


def names(conn: sqlite3.Connection, language: str) -> dict[Dimension, dict[str, str]]:
    """Display names of the ids figures are keyed by, in ``language`` (zh_CN or en)."""
    column = 1 if language.startswith("zh") else 2
    return {by: {row[0]: row[column] for row in conn.execute(sql)} for by, sql in _NAMES.items()}


@dataclass(frozen=True)
class ServiceReport:
    desk_name: str
    period: Period
    made_at: datetime
    targets: dict[TargetKind, TargetFigures]
    analysis: ResponseAnalysis
    seats: list[SeatFigures]
    teams: list[SeatFigures]
    channels: list[ChannelFigures]
    satisfaction: Satisfaction
    names: dict[Dimension, dict[str, str]]
    # Issue 16: causes recorded for missed targets in the period (target -> cause ->
    # count), and how many targets were counted through a year without official holidays.
    causes: dict[str, Counter[str]] = field(default_factory=dict)
    estimated: int = 0
    # Issue 16 part 2: the senior engineers' reviews of level-3 results in the period, and
    # the findings of those sent back (app/reports/reviews.py).
    reviews: ReviewFigures | None = None
    # The requesters' comments classified (app/reports/satisfaction_reasons.py).
    reasons: ReasonFigures | None = None
    # Issue 19: the calls' answer target and the call-back target (app/reports/phone.py).
    phone: PhoneReport | None = None

    def name(self, by: Dimension, key: object) -> str:
        return self.names.get(by, {}).get(str(key), str(key) or "-")


def build(conn: sqlite3.Connection, period: Period, now: datetime, language: str = "zh_CN",
          filters: Filters = ANY, desk_name: str | None = None) -> ServiceReport:
    """Every figure of the report for ``period``."""
    if desk_name is None:
        from app import desk_settings
        desk_name = desk_settings.read(conn).desk_name
    from app.reports.facts import estimated_targets
    from app.sla.causes import cause_counts
    from app.sla.running import to_ms

    analysis = response_analysis(conn, period, now, filters)
    by = analysis.breakdowns
    rows = ticket_rows(conn, period, filters)  # read once for every per-ticket section
    return ServiceReport(desk_name, period, now, analysis.totals, analysis,
                         seats(conn, period, now, filters, Dimension.SEAT, by[Dimension.SEAT],
                               rows),
                         seats(conn, period, now, filters, Dimension.TEAM, by[Dimension.TEAM],
                               rows),
                         channels(conn, period, now, filters, by[Dimension.CHANNEL], rows),
                         satisfaction(conn, period, now, filters, rows),
                         names(conn, language), cause_counts(conn, period.start, period.end),
                         estimated_targets(conn, to_ms(period.start) or 0,
                                           to_ms(period.end) or 0),
                         review_figures(conn, period.start, period.end),
                         reasons(conn, period, now, filters, rows),
                         phone_report(conn, period, now, filters, refresh=False,
                                      targets=analysis.totals))


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 2)


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def target_row(label: str, f: TargetFigures | None) -> list[object]:
    if f is None:
        return [label, 0, 0, 0, 0, None, None, None, None]
    return [label, f.met, f.missed, f.breached, f.running, _share(f.share_met),
            _minutes(f.times.p50), _minutes(f.times.p90), _minutes(f.times.p95)]


TARGET_HEADER = ["target", "met", "missed", "breached", "running", "share met",
                 "p50 min", "p90 min", "p95 min"]


def _causes_sheet(part: Any, report: ServiceReport, labels: dict[TargetKind, str]) -> None:
    """Issue 16: the causes seats recorded for missed targets, by target."""
    named = {str(kind): label for kind, label in labels.items()}
    part.append(["target", "cause", "count"])
    for kind, counts in sorted(report.causes.items()):
        for cause, count in counts.most_common():
            part.append([named.get(kind, kind), cause, count])


def _reviews_sheet(part: Any, report: ServiceReport) -> None:
    """Issue 16: level-3 reviews in the period, and every finding sent back."""
    figures = report.reviews
    part.append(["reviewed", "approved", "sent back"])
    part.append([figures.reviewed if figures else 0, figures.approved if figures else 0,
                 figures.sent_back if figures else 0])
    part.append(["ticket", "title", "reviewer", "at", "findings"])
    for finding in figures.findings if figures else ():
        part.append([finding.number, finding.title, finding.reviewer,
                     finding.at.isoformat(timespec="minutes"), finding.findings])


def _reasons_sheet(part: Any, report: ServiceReport) -> None:
    """The requesters' comments per reason of the questionnaire's list."""
    part.append(["reason", "reason (zh)", "tickets", "share of the commented"])
    figures = report.reasons
    if figures is not None:
        for code, count in figures.counts.items():
            part.append([code, REASONS[code][0], count,
                         _share(count / figures.commented if figures.commented else None)])
        part.append(["rated", "", figures.rated, None])


def write_xlsx(report: ServiceReport, path: Path, kind_labels: dict[TargetKind, str]
               | None = None) -> Path:
    """The report's figures as a workbook, one sheet per section."""
    from openpyxl import Workbook

    labels = kind_labels or {k: str(k) for k in TargetKind}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "targets"
    sheet.append([report.desk_name, report.period.first.isoformat(),
                  report.period.last.isoformat()])
    sheet.append(TARGET_HEADER)
    for kind in TargetKind:
        if kind in report.targets:
            sheet.append(target_row(labels[kind], report.targets[kind]))
    sheet.append(["estimated (a year without official holidays)", report.estimated])
    hist = book.create_sheet("histogram")
    hist.append(["below s", *(labels[k] for k in report.targets)])
    for i, edge in enumerate((*BIN_EDGES, None)):
        hist.append([edge if edge is not None else "more",
                     *(f.times.bins[i] for f in report.targets.values())])
    heat = book.create_sheet("heat map")
    heat.append(["weekday (Mon=0)", "hour", "count", "met", "mean min"])
    for (day, hour), cell in sorted(report.analysis.heat.items()):
        heat.append([day, hour, cell.count, cell.met, _minutes(cell.mean_s)])
    for by, figures in report.analysis.breakdowns.items():
        part = book.create_sheet(f"by {by.value}")
        part.append([by.value, *TARGET_HEADER])
        for key, kinds in sorted(figures.items(), key=lambda item: str(item[0])):
            for kind, f in kinds.items():
                part.append([report.name(by, key), *target_row(labels[kind], f)])
    trend = book.create_sheet("trend")
    trend.append(["target", "share met", "previous", "change"])
    for t in report.analysis.trend:
        trend.append([labels[t.kind], _share(t.current.share_met if t.current else None),
                      _share(t.previous.share_met if t.previous else None),
                      _share(t.share_change)])
    for title, rows, by in (("seats", report.seats, Dimension.SEAT),
                            ("teams", report.teams, Dimension.TEAM)):
        part = book.create_sheet(title)
        part.append([title, "taken", "resolved", "reopen rate", "rated", "satisfaction",
                     "reviews sent back", "first response met", "first response p90 min",
                     "resolution met", "resolution p90 min", "duty hours"])
        for s in rows:
            fr, res = s.targets.get(TargetKind.FIRST_RESPONSE), s.targets.get(TargetKind.RESOLUTION)
            part.append([report.name(by, s.key), s.taken, s.resolved, _share(s.reopen_rate),
                         s.rated, s.satisfaction, s.sent_back,
                         _share(fr.share_met if fr else None),
                         _minutes(fr.times.p90 if fr else None),
                         _share(res.share_met if res else None),
                         _minutes(res.times.p90 if res else None), s.duty_hours])
    part = book.create_sheet("channels")
    part.append(["channel", "volume", "first response met", "rated", "satisfaction"])
    for c in report.channels:
        fr = c.first_response
        part.append([c.channel, c.volume, _share(fr.share_met if fr else None), c.rated,
                     c.satisfaction])
    part = book.create_sheet("satisfaction")
    part.append(["method", *range(1, 6)])
    part.append(["all", *(report.satisfaction.scores.get(s, 0) for s in range(1, 6))])
    for method, scores in sorted(report.satisfaction.by_method.items()):
        part.append([method or "-", *(scores.get(s, 0) for s in range(1, 6))])
    part.append(["closed", report.satisfaction.closed])
    part.append(["closed unconfirmed", report.satisfaction.unconfirmed])
    _reasons_sheet(book.create_sheet("satisfaction reasons"), report)
    _causes_sheet(book.create_sheet("missed causes"), report, labels)
    _reviews_sheet(book.create_sheet("reviews"), report)
    phone_sheet(book.create_sheet("phone"), report.phone, report.names.get(Dimension.SEAT, {}))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
