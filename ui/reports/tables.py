"""The Reports page's tables: header and rows for each tab, every figure carrying how to
list the tickets behind it (a click on the cell; ``ReportsPage._cell_clicked``).

Kept apart from the page (which builds the widgets, computes the figures off the GUI
thread and answers clicks), so each table's columns and drills read in one place.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.reports.analysis import ResponseAnalysis
from app.reports.people import (
    ChannelFigures,
    Satisfaction,
    SeatFigures,
    satisfaction_ticket_ids,
    sent_back_ticket_ids,
)
from app.reports.period import Filters, Period
from app.reports.satisfaction_reasons import ReasonFigures, reason_ticket_ids
from app.reports.targets import Dimension, Outcome, TargetFigures, ticket_ids
from app.sla.policy import TargetKind
from ui.labels import missed_cause_label
from ui.reports.texts import (
    channel_label,
    channels_header,
    kind_label,
    method_label,
    minutes,
    reason_label,
    reasons_header,
    seats_header,
    share,
)

Drill = Callable[[], list[str]]
Row = list[QTableWidgetItem]
OUTCOME_COLUMNS = {
    1: (Outcome.MET,),
    2: (Outcome.MISSED,),
    3: (Outcome.BREACHED,),
    4: (Outcome.RUNNING,),
    5: (Outcome.MISSED, Outcome.BREACHED),
}


@dataclass(frozen=True)
class Shown:
    """What the tables show: the figures' period, moment and filters, and the names of
    the groups (teams, seats, categories…) by dimension. Drills read with them."""

    conn: sqlite3.Connection
    period: Period
    now: datetime
    filters: Filters
    names: dict[Dimension, dict[str, str]]

    def ids(self, kind: TargetKind, outcomes: tuple[Outcome, ...] = tuple(Outcome),
            by: Dimension | None = None, key: object = None) -> Drill:
        return lambda: ticket_ids(self.conn, self.period, self.now, kind, outcomes,
                                  self.filters, by, key)


def item(text: str, drill: Drill | None = None) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if drill is not None:
        cell.setData(Qt.ItemDataRole.UserRole, drill)
        cell.setToolTip(
            QCoreApplication.translate("Reports", "Click to list the tickets behind this figure")
        )
    return cell


def set_rows(table: QTableWidget, header: list[str], rows: list[Row]) -> None:
    """Fill ``table``: figures right-aligned after the first column, columns fitted."""
    table.clear()
    table.setColumnCount(len(header))
    table.setHorizontalHeaderLabels(header)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if c:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, cell)
    table.resizeColumnsToContents()


def target_cells(shown: Shown, label: str, f: TargetFigures, by: Dimension | None = None,
                 key: object = None) -> Row:
    """A target's row: met, missed, breached, running (each listing its tickets), the
    share met and the percentiles."""
    return [
        item(label),
        *(item(str(v), shown.ids(f.kind, OUTCOME_COLUMNS[i + 1], by, key))
          for i, v in enumerate((f.met, f.missed, f.breached, f.running))),
        item(share(f.share_met), shown.ids(f.kind, (Outcome.MET,), by, key)),
        item(minutes(f.times.p50)),
        item(minutes(f.times.p90)),
        item(minutes(f.times.p95)),
    ]


def targets_rows(shown: Shown, figures: dict[TargetKind, TargetFigures]) -> list[Row]:
    return [target_cells(shown, kind_label(kind), f) for kind in TargetKind
            if (f := figures.get(kind)) is not None]


def breakdown_rows(shown: Shown, analysis: ResponseAnalysis, by: Dimension) -> list[Row]:
    """First response and resolution per group of ``by``."""
    rows = []
    for key, kinds in sorted(analysis.breakdowns[by].items(), key=lambda it: str(it[0])):
        name = (channel_label(str(key)) if by is Dimension.CHANNEL
                else f"L{key}" if by is Dimension.LEVEL
                else shown.names[by].get(str(key), str(key) or "-"))
        for kind in (TargetKind.FIRST_RESPONSE, TargetKind.RESOLUTION):
            if (f := kinds.get(kind)) is not None:
                rows.append(target_cells(shown, f"{name} · {kind_label(kind)}", f, by, key))
    return rows


def causes_table(causes: dict[str, Counter[str]]) -> tuple[list[str], list[Row]]:
    """Causes recorded in the period (rows) by target (columns), with totals."""
    kinds = [str(k) for k in TargetKind if str(k) in causes]
    every = sorted({cause for counts in causes.values() for cause in counts},
                   key=lambda c: -sum(causes[k][c] for k in kinds))
    header = [QCoreApplication.translate("Reports", "Cause"),
              *(kind_label(TargetKind(k)) for k in kinds),
              QCoreApplication.translate("Reports", "Total")]
    rows = [[item(missed_cause_label(cause)),
             *(item(str(causes[k][cause])) for k in kinds),
             item(str(sum(causes[k][cause] for k in kinds)))] for cause in every]
    return header, rows


def seats_table(shown: Shown, seat_rows: list[SeatFigures]) -> tuple[list[str], list[Row]]:
    rows = []
    for s in seat_rows:
        fr = s.targets.get(TargetKind.FIRST_RESPONSE)
        res = s.targets.get(TargetKind.RESOLUTION)
        rows.append([
            item(shown.names[Dimension.SEAT].get(s.key, s.key or "-")),
            item(str(s.taken), shown.ids(TargetKind.FIRST_RESPONSE, by=Dimension.SEAT,
                                         key=s.key)),
            item(str(s.resolved)),
            item(share(s.reopen_rate)),
            item("-" if s.satisfaction is None else f"{s.satisfaction:.2f}"),
            item(str(s.sent_back), (lambda key=s.key: sent_back_ticket_ids(
                shown.conn, shown.period, shown.filters, Dimension.SEAT, key))),
            item(share(fr.share_met if fr else None)),
            item(minutes(fr.times.p90 if fr else None)),
            item(share(res.share_met if res else None)),
            item(minutes(res.times.p90 if res else None)),
            item("-" if s.duty_hours is None else f"{s.duty_hours:.0f}"),
        ])
    return seats_header(), rows


def channels_table(shown: Shown, channels: list[ChannelFigures]
                   ) -> tuple[list[str], list[Row]]:
    rows = []
    for c in channels:
        fr = c.first_response
        rows.append([
            item(channel_label(c.channel)),
            item(str(c.volume), shown.ids(TargetKind.FIRST_RESPONSE, by=Dimension.CHANNEL,
                                          key=c.channel)),
            item(share(fr.share_met if fr else None)),
            item(str(c.rated)),
            item("-" if c.satisfaction is None else f"{c.satisfaction:.2f}"),
        ])
    return channels_header(), rows


def satisfaction_table(shown: Shown, sat: Satisfaction) -> tuple[list[str], list[Row]]:
    """Scores by how they were collected, and the closures nobody confirmed."""
    rows = [
        [item(method_label(m)), *(item(str(scores.get(s, 0))) for s in range(1, 6))]
        for m, scores in sorted(sat.by_method.items())
    ]
    unconfirmed = item(str(sat.unconfirmed), lambda: satisfaction_ticket_ids(
        shown.conn, shown.period, shown.now, unconfirmed=True, filters=shown.filters))
    rows.append([item(QCoreApplication.translate("Reports", "Closed unconfirmed")),
                 unconfirmed, *(item("") for _ in range(4))])
    return [QCoreApplication.translate("Reports", "Method"), "1", "2", "3", "4", "5"], rows


def reasons_table(shown: Shown, figures: ReasonFigures) -> tuple[list[str], list[Row]]:
    """The requesters' comments per reason of the questionnaire's list; a row lists its
    tickets (a click on any of its cells)."""
    rows = []
    for reason, count in figures.counts.items():
        def drill(reason: str = reason) -> list[str]:
            return reason_ticket_ids(shown.conn, shown.period, shown.now, reason,
                                     shown.filters)
        rows.append([item(reason_label(reason), drill), item(str(count), drill),
                     item(share(count / figures.commented if figures.commented else None),
                          drill)])
    return reasons_header(), rows
