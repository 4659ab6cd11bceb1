"""The monthly service report as a paginated A4 PDF (QPdfWriter + QPainter).

Vector text with the CJK font embedded by Qt (Noto Sans CJK SC where installed), the
same charts as the Reports page (``charts.py``), tables drawn row by row; long tables
continue on the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from app.reports.monthly import ServiceReport
from app.reports.people import SeatFigures
from app.reports.targets import Dimension, TargetFigures
from app.sla.policy import TargetKind
from ui.reports import charts
from ui.reports.phone_table import phone_rows
from ui.reports.texts import (
    PHONE_RING_COLUMNS,
    channel_label,
    channels_header,
    histogram_labels,
    kind_label,
    method_label,
    minutes,
    phone_header,
    reason_label,
    reasons_header,
    seats_header,
    share,
    target_header,
    weekdays,
)

FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Sans Serif"]
DPI = 150
ROWS_PER_PAGE = 34
Row = Sequence[str]


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def table(
    painter: QPainter,
    area: QRectF,
    header: Row,
    rows: Sequence[Row],
    widths: Sequence[float] | None = None,
) -> float:
    """A simple ruled table from the top of ``area``; returns the y below it."""
    painter.save()
    line = painter.fontMetrics().height() * 1.35
    shares = widths or [1.0] * len(header)
    total = sum(shares)
    xs = [area.left()]
    for w in shares:
        xs.append(xs[-1] + area.width() * w / total)
    y = area.top()
    metrics = painter.fontMetrics()
    # Header cells wrap (narrow numeric columns with long names), so the row may be taller.
    high = max(
        (
            metrics.boundingRect(
                0,
                0,
                max(1, int(xs[c + 1] - xs[c] - 6)),
                10_000,
                int(Qt.TextFlag.TextWordWrap),
                text,
            ).height()
            for c, text in enumerate(header)
        ),
        default=0,
    )
    for r, row in enumerate([header, *rows]):
        height = max(line, high + line * 0.35) if r == 0 else line
        if r == 0:
            painter.fillRect(QRectF(area.left(), y, area.width(), height), QColor("#e8eef7"))
        for c, text in enumerate(row):
            align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
            painter.drawText(
                QRectF(xs[c] + 3, y, xs[c + 1] - xs[c] - 6, height),
                align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                text,
            )
        y += height
        painter.setPen(QPen(QColor("#c8c8c8"), 0))
        painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        painter.setPen(Qt.GlobalColor.black)
    painter.restore()
    return y


def target_rows(figures: dict[TargetKind, TargetFigures]) -> list[Row]:
    return [
        [
            kind_label(kind),
            str(f.met),
            str(f.missed),
            str(f.breached),
            str(f.running),
            share(f.share_met),
            minutes(f.times.p50),
            minutes(f.times.p90),
            minutes(f.times.p95),
        ]
        for kind in TargetKind
        if (f := figures.get(kind)) is not None
    ]


class _Pages:
    """Page bookkeeping: the painter, the printable rectangle, headings and numbering."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, title: str, total: int) -> None:
        self.writer, self.painter, self.title, self.total = writer, painter, title, total
        self.number = 1
        layout = writer.pageLayout()
        self.area = QRectF(layout.paintRectPixels(DPI))
        self.area.moveTo(0, 0)

    def new(self) -> None:
        self.writer.newPage()
        self.number += 1

    def heading(self, text: str) -> float:
        p = self.painter
        p.setFont(_font(8))
        p.setPen(QColor("#666666"))
        p.drawText(self.area, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight, self.title)
        p.drawText(
            self.area,
            Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
            f"{self.number} / {self.total}",
        )
        p.setPen(Qt.GlobalColor.black)
        p.setFont(_font(15, bold=True))
        top = self.area.top() + p.fontMetrics().height() * 1.2
        p.drawText(
            QRectF(self.area.left(), top, self.area.width(), 60), Qt.AlignmentFlag.AlignLeft, text
        )
        y = top + p.fontMetrics().height() * 1.6
        p.setFont(_font(9))
        return y

    def sub(self, y: float, text: str) -> float:
        p = self.painter
        p.setFont(_font(11, bold=True))
        p.drawText(
            QRectF(self.area.left(), y, self.area.width(), 50), Qt.AlignmentFlag.AlignLeft, text
        )
        y += p.fontMetrics().height() * 1.4
        p.setFont(_font(9))
        return y

    def block(self, y: float, height: float) -> QRectF:
        return QRectF(self.area.left(), y, self.area.width(), height)


def _seat_rows(report: ServiceReport, by: Dimension, rows: Sequence[SeatFigures]) -> list[Row]:
    result: list[Row] = []
    for s in rows:
        fr = s.targets.get(TargetKind.FIRST_RESPONSE)
        res = s.targets.get(TargetKind.RESOLUTION)
        result.append(
            [
                report.name(by, s.key),
                str(s.taken),
                str(s.resolved),
                share(s.reopen_rate),
                "-" if s.satisfaction is None else f"{s.satisfaction:.2f}",
                str(s.sent_back),
                share(fr.share_met if fr else None),
                minutes(fr.times.p90 if fr else None),
                share(res.share_met if res else None),
                minutes(res.times.p90 if res else None),
                "-" if s.duty_hours is None else f"{s.duty_hours:.0f}",
            ]
        )
    return result


def write_pdf(report: ServiceReport, path: Path) -> Path:
    """Write the report to ``path``; needs a QGuiApplication (offscreen is fine)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    period = f"{report.period.first.isoformat()} – {report.period.last.isoformat()}"
    name = QCoreApplication.translate("Reports", "Monthly service report")
    desk = report.desk_name or QCoreApplication.translate("Reports", "Service desk")
    writer.setTitle(f"{report.desk_name} {name} {period}")
    writer.setCreator("Seatdesk")
    seat_rows = _seat_rows(report, Dimension.SEAT, report.seats)
    seat_pages = [
        seat_rows[i : i + ROWS_PER_PAGE] for i in range(0, len(seat_rows), ROWS_PER_PAGE)
    ] or [[]]
    sections: list[Callable[[_Pages], None]] = [
        lambda pages: _cover(pages, report, period),
        lambda pages: _targets(pages, report),
        lambda pages: _analysis(pages, report),
        *(lambda pages, chunk=chunk: _seats(pages, report, chunk) for chunk in seat_pages),
        lambda pages: _channels(pages, report),
        lambda pages: _phone(pages, report),
        lambda pages: _reviews(pages, report),
    ]
    painter = QPainter(writer)
    try:
        pages = _Pages(writer, painter, f"{desk} · {period}", len(sections))
        for i, section in enumerate(sections):
            if i:
                pages.new()
            section(pages)
    finally:
        painter.end()
    return path


def _cover(pages: _Pages, report: ServiceReport, period: str) -> None:
    p, area = pages.painter, pages.area
    p.setFont(_font(28, bold=True))
    p.drawText(
        QRectF(area.left(), area.height() * 0.28, area.width(), 200),
        Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
        report.desk_name or QCoreApplication.translate("Reports", "Service desk"),
    )
    p.setFont(_font(20))
    p.drawText(
        QRectF(area.left(), area.height() * 0.40, area.width(), 100),
        Qt.AlignmentFlag.AlignHCenter,
        QCoreApplication.translate("Reports", "Monthly service report"),
    )
    p.setFont(_font(14))
    p.drawText(
        QRectF(area.left(), area.height() * 0.47, area.width(), 80),
        Qt.AlignmentFlag.AlignHCenter,
        period,
    )
    p.setFont(_font(9))
    tickets = sum(c.volume for c in report.channels)
    p.drawText(
        QRectF(area.left(), area.height() * 0.55, area.width(), 80),
        Qt.AlignmentFlag.AlignHCenter,
        QCoreApplication.translate("Reports", "Tickets in the period: %1").replace(
            "%1", str(tickets)
        ),
    )
    p.drawText(
        QRectF(area.left(), area.height() * 0.9, area.width(), 60),
        Qt.AlignmentFlag.AlignHCenter,
        QCoreApplication.translate("Reports", "Made %1 by Seatdesk").replace(
            "%1", report.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
        ),
    )


def _targets(pages: _Pages, report: ServiceReport) -> None:
    y = pages.heading(QCoreApplication.translate("Reports", "Targets met and missed"))
    y = (
        table(
            pages.painter,
            pages.block(y, 400),
            target_header(QCoreApplication.translate("Reports", "Target")),
            target_rows(report.targets),
            [2.2, 1, 1, 1, 1, 1.2, 1, 1, 1],
        )
        + 30
    )
    third = (pages.area.bottom() - y) / 3
    for kind in (TargetKind.FIRST_RESPONSE, TargetKind.RESOLUTION):
        f = report.targets.get(kind)
        if f is None:
            continue
        charts.bar_chart(
            pages.painter,
            pages.block(y, third - 20),
            QCoreApplication.translate("Reports", "%1: distribution of the actual times").replace(
                "%1", kind_label(kind)
            ),
            histogram_labels(),
            [float(b) for b in f.times.bins],
        )
        y += third
    y = pages.sub(y, QCoreApplication.translate("Reports", "Trend against the previous period"))
    rows = [
        [
            kind_label(t.kind),
            share(t.current.share_met if t.current else None),
            share(t.previous.share_met if t.previous else None),
            "-" if t.share_change is None else f"{t.share_change * 100:+.1f}",
        ]
        for t in report.analysis.trend
    ]
    table(
        pages.painter,
        pages.block(y, 200),
        [
            QCoreApplication.translate("Reports", "Target"),
            QCoreApplication.translate("Reports", "This period"),
            QCoreApplication.translate("Reports", "Previous period"),
            QCoreApplication.translate("Reports", "Change (points)"),
        ],
        rows,
    )


def _analysis(pages: _Pages, report: ServiceReport) -> None:
    y = pages.heading(QCoreApplication.translate("Reports", "Response-time analysis"))
    heat = report.analysis.heat
    cells = {k: 1 - (c.share_met or 0.0) for k, c in heat.items()}
    counts = {k: c.count for k, c in heat.items()}
    charts.heat_map(
        pages.painter,
        pages.block(y, 260),
        QCoreApplication.translate(
            "Reports", "First response by weekday and hour: tickets, colour = share missed"
        ),
        weekdays(),
        cells,
        counts,
    )
    y += 290
    for by, title, label in (
        (Dimension.CHANNEL, QCoreApplication.translate("Reports", "By channel"), channel_label),
        (Dimension.LEVEL, QCoreApplication.translate("Reports", "By level"), lambda k: f"L{k}"),
    ):
        y = pages.sub(y, title)
        rows = []
        for key, kinds in sorted(
            report.analysis.breakdowns[by].items(), key=lambda item: str(item[0])
        ):
            name = label(str(key)) if label else report.name(by, key)
            for kind in (TargetKind.FIRST_RESPONSE, TargetKind.RESOLUTION):
                f = kinds.get(kind)
                if f is not None:
                    rows.append([f"{name} · {kind_label(kind)}", *target_rows({kind: f})[0][1:]])
        y = (
            table(
                pages.painter,
                pages.block(y, 400),
                target_header(""),
                rows[:12],
                [2.6, 1, 1, 1, 1, 1.2, 1, 1, 1],
            )
            + 18
        )


def _seats(pages: _Pages, report: ServiceReport, rows: list[Row]) -> None:
    y = pages.heading(QCoreApplication.translate("Reports", "Seats and teams"))
    header = seats_header(short=True)
    widths = [1.6, 0.8, 0.95, 1.05, 1.25, 0.9, 1.1, 0.9, 1.1, 0.9, 0.8]
    y = table(pages.painter, pages.block(y, 1000), header, rows, widths) + 20
    if rows and rows[-1] == _seat_rows(report, Dimension.SEAT, report.seats)[-1:][0]:
        y = pages.sub(y, QCoreApplication.translate("Reports", "Teams"))
        teams = _seat_rows(report, Dimension.TEAM, report.teams)
        header[0] = QCoreApplication.translate("Reports", "Team")
        table(pages.painter, pages.block(y, 400), header, teams, widths)


def _channels(pages: _Pages, report: ServiceReport) -> None:
    y = pages.heading(QCoreApplication.translate("Reports", "Channels and satisfaction"))
    rows = [
        [
            channel_label(c.channel),
            str(c.volume),
            share(c.first_response.share_met if c.first_response else None),
            str(c.rated),
            "-" if c.satisfaction is None else f"{c.satisfaction:.2f}",
        ]
        for c in report.channels
    ]
    y = (
        table(
            pages.painter,
            pages.block(y, 300),
            channels_header(),
            rows,
        )
        + 30
    )
    sat = report.satisfaction
    charts.bar_chart(
        pages.painter,
        pages.block(y, 260),
        QCoreApplication.translate("Reports", "Satisfaction scores"),
        [str(s) for s in range(1, 6)],
        [float(sat.scores.get(s, 0)) for s in range(1, 6)],
        [charts.MISSED, QColor("#f0ad4e"), QColor("#cccc44"), QColor("#8fc96b"), charts.MET],
    )
    y += 290
    y = pages.sub(y, QCoreApplication.translate("Reports", "By how it was collected"))
    rows = [
        [method_label(m), *(str(scores.get(s, 0)) for s in range(1, 6)), str(sum(scores.values()))]
        for m, scores in sorted(sat.by_method.items())
    ]
    y = (
        table(
            pages.painter,
            pages.block(y, 200),
            [
                QCoreApplication.translate("Reports", "Method"),
                "1",
                "2",
                "3",
                "4",
                "5",
                QCoreApplication.translate("Reports", "Rated"),
            ],
            rows,
        )
        + 24
    )
    pages.painter.drawText(
        pages.block(y, 40),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate(
            "Reports", "Closed: %1, of them closed unconfirmed: %2, mean score: %3"
        )
        .replace("%1", str(sat.closed))
        .replace("%2", str(sat.unconfirmed))
        .replace("%3", "-" if sat.mean is None else f"{sat.mean:.2f}"),
    )
    y += 60
    figures = report.reasons
    if figures is not None:
        y = pages.sub(y, QCoreApplication.translate("Reports", "Comments by reason"))
        commented = figures.commented
        rows = [[reason_label(code), str(count),
                 share(count / commented if commented else None)]
                for code, count in figures.counts.items()]
        table(pages.painter, pages.block(y, 320), reasons_header(), rows, [3.0, 1.0, 1.4])


PHONE_ROWS = 30  # seats and days listed in the PDF (all of them are in the workbook)


def _phone(pages: _Pages, report: ServiceReport) -> None:
    """Issue 19: calls answered within the policy's rings, per seat and day; the answers
    per ring; the call-back target."""
    phone = report.phone
    y = pages.heading(QCoreApplication.translate("Reports", "Phone calls"))
    if phone is None:
        return
    charts.bar_chart(
        pages.painter, pages.block(y, 240),
        QCoreApplication.translate("Reports", "Answered calls by rings"),
        phone_header(phone.limit)[PHONE_RING_COLUMNS],
        [float(count) for count in phone.totals.rings])
    y += 270
    rows = phone_rows(phone, report.names.get(Dimension.SEAT, {}))
    y = table(pages.painter, pages.block(y, 1000), phone_header(phone.limit),
              rows[:PHONE_ROWS], [1.4, 0.65, 0.9, 1.1, 0.65, 1.3, 1.7, 1.1,
                                  *([0.65] * 6), 0.95, 0.95]) + 24
    cb = phone.call_back
    pages.painter.drawText(
        pages.block(y, 40), Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("Reports", "Call back after a missed call: met %1, missed "
                                   "%2, overdue %3, running %4")
        .replace("%1", str(cb.met if cb else 0)).replace("%2", str(cb.missed if cb else 0))
        .replace("%3", str(cb.breached if cb else 0))
        .replace("%4", str(cb.running if cb else 0)))


REVIEW_ROWS = 40  # findings listed in the PDF (all of them are in the workbook)


def _reviews(pages: _Pages, report: ServiceReport) -> None:
    """Issue 16: the senior engineers' reviews of level-3 results, and their findings."""
    y = pages.heading(QCoreApplication.translate("Reports", "Level-3 reviews"))
    figures = report.reviews
    reviewed, approved, sent_back = (figures.reviewed, figures.approved, figures.sent_back) \
        if figures else (0, 0, 0)
    pages.painter.drawText(
        pages.block(y, 40),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("Reports", "Reviewed: %1, approved: %2, sent back with "
                                   "findings: %3")
        .replace("%1", str(reviewed)).replace("%2", str(approved))
        .replace("%3", str(sent_back)),
    )
    y += 60
    rows = [[f.number, f.reviewer, f.at.strftime("%m-%d"), f.findings]
            for f in (figures.findings[:REVIEW_ROWS] if figures else ())]
    table(
        pages.painter,
        pages.block(y, 1400),
        [
            QCoreApplication.translate("Reports", "Ticket"),
            QCoreApplication.translate("Reports", "Reviewer"),
            QCoreApplication.translate("Reports", "Date"),
            QCoreApplication.translate("Reports", "Findings"),
        ],
        rows,
        [1.2, 1.0, 0.7, 5.0],
    )
