"""The Reports page: a period and filters, then targets, response times, seats,
channels and satisfaction as tables and charts. Every figure opens the tickets behind it.

Signals: ``tickets_requested(str, list)`` - a title and the ticket ids behind a figure;
``figures_changed()`` - the tabs show newly computed figures;
``monthly_written(str, str)`` - the monthly report's PDF and XLSX were written (off the GUI
thread) to these paths.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.reports.analysis import response_analysis
from app.reports.chart_drill import created_at_hour, first_responses_between
from app.reports.facts import estimated_targets
from app.reports.monthly import names
from app.reports.people import (
    Satisfaction,
    SeatFigures,
    channels,
    satisfaction,
    satisfaction_ticket_ids,
    seats,
)
from app.reports.period import Filters, Period, Span
from app.reports.phone import phone_report
from app.reports.satisfaction_reasons import ReasonFigures, reasons
from app.reports.targets import Dimension, TargetFigures
from app.reports.ticket_rows import ticket_rows
from app.sla.causes import cause_counts
from app.sla.policy import TargetKind
from app.sla.running import to_ms
from app.store.reading import read_connection
from ui import background
from ui.context import DeskContext
from ui.files import documents_folder, tell_written
from ui.reports import tables
from ui.reports.chart_view import ChartView
from ui.reports.phone_table import phone_table
from ui.reports.texts import channel_label, histogram_labels, target_header, weekdays


class ReportsPage(QWidget):
    tickets_requested = Signal(str, list)
    figures_changed = Signal()
    monthly_written = Signal(str, str)

    def __init__(  # noqa: PLR0915 (the page's widgets)
        self,
        context: DeskContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._running, self._again = False, False
        self._writing = False  # the monthly report is being written
        self._worker_conn: sqlite3.Connection | None = None
        self._zone = context.time_zone.key
        conn = context.reader
        self._names = names(conn, context.language)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.span = QComboBox()
        for span, label in (
            (Span.DAY, QCoreApplication.translate("Reports", "Day")),
            (Span.WEEK, QCoreApplication.translate("Reports", "Week")),
            (Span.MONTH, QCoreApplication.translate("Reports", "Month")),
            (Span.CUSTOM, QCoreApplication.translate("Reports", "Custom")),
        ):
            self.span.addItem(label, span)
        self.span.setCurrentIndex(2)
        today = context.clock.now().date()
        self.first = QDateEdit(QDate(today.year, today.month, 1))
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(QLabel(QCoreApplication.translate("Reports", "Period")))
        bar.addWidget(self.span)
        bar.addWidget(self.first)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.last)
        self.level = self._combo(
            QCoreApplication.translate("Reports", "Any level"),
            [(str(n), f"L{n}") for n in (1, 2, 3)],
        )
        self.channel = self._combo(
            QCoreApplication.translate("Reports", "Any channel"),
            [
                (c, channel_label(c))
                for c in ("phone", "email", "chat", "walk_in", "monitoring", "web")
            ],
        )
        self.type = self._combo(
            QCoreApplication.translate("Reports", "Any type"),
            sorted(self._names[Dimension.TYPE].items()),
        )
        self.category = self._combo(
            QCoreApplication.translate("Reports", "Any category"),
            sorted(self._names[Dimension.CATEGORY].items(), key=lambda kv: kv[1]),
        )
        self.team = self._combo(
            QCoreApplication.translate("Reports", "Any team"),
            sorted(self._names[Dimension.TEAM].items()),
        )
        self.seat = self._combo(
            QCoreApplication.translate("Reports", "Any seat"),
            sorted(self._names[Dimension.SEAT].items(), key=lambda kv: kv[1]),
        )
        for combo in (self.level, self.channel, self.type, self.category, self.team, self.seat):
            bar.addWidget(combo)
        self.show_button = QPushButton(QCoreApplication.translate("Reports", "Show"))
        self.monthly_button = QPushButton(QCoreApplication.translate("Reports", "Monthly report…"))
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.monthly_button)
        layout.addLayout(bar)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.targets_table = self._table()
        self.phone_table = self._table()  # issue 19: the calls' answer target
        self.histogram = ChartView()
        self.heat = ChartView()
        self.breakdown_by = QComboBox()
        for by, label in (
            (Dimension.CHANNEL, QCoreApplication.translate("Reports", "By channel")),
            (Dimension.CATEGORY, QCoreApplication.translate("Reports", "By category")),
            (Dimension.LEVEL, QCoreApplication.translate("Reports", "By level")),
            (Dimension.TEAM, QCoreApplication.translate("Reports", "By team")),
        ):
            self.breakdown_by.addItem(label, by)
        self.breakdown = self._table()
        self.seats_table = self._table()
        self.channels_table = self._table()
        self.scores = ChartView()
        self.satisfaction_table = self._table()
        self.reasons_table = self._table()
        self.causes_table = self._table()
        self.tabs.addTab(
            self._stack(self.targets_table, self.phone_table, self.histogram),
            QCoreApplication.translate("Reports", "Targets"),
        )
        self.tabs.addTab(
            self._stack(self.heat, self.breakdown_by, self.breakdown),
            QCoreApplication.translate("Reports", "Response times"),
        )
        self.tabs.addTab(self.seats_table, QCoreApplication.translate("Reports", "Seats"))
        self.tabs.addTab(self.channels_table, QCoreApplication.translate("Reports", "Channels"))
        self.tabs.addTab(
            self._stack(self.scores, self.satisfaction_table, self.reasons_table),
            QCoreApplication.translate("Reports", "Satisfaction"),
        )
        self.tabs.addTab(self.causes_table,
                         QCoreApplication.translate("Reports", "Missed-target causes"))
        self.show_button.clicked.connect(self.refresh)
        self.span.currentIndexChanged.connect(self._span_changed)
        self.first.dateChanged.connect(self._span_changed)
        self.breakdown_by.currentIndexChanged.connect(self._fill_breakdown)
        self.monthly_button.clicked.connect(self.write_monthly)
        self.histogram.part_clicked.connect(self._histogram_clicked)
        self.heat.part_clicked.connect(self._heat_clicked)
        self.scores.part_clicked.connect(self._score_clicked)
        self._span_changed()

    # --- layout helpers -------------------------------------------------------------------

    def _combo(self, anything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(anything, None)
        for key, label in items:
            combo.addItem(label, key)
        return combo

    def _table(self) -> QTableWidget:
        table = QTableWidget()
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.cellClicked.connect(lambda r, c, t=table: self._cell_clicked(t, r, c))
        return table

    def _stack(self, *widgets: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            lay.addWidget(w, 0 if isinstance(w, QComboBox) else 1)
        return box

    # --- period and filters ---------------------------------------------------------------

    def period(self) -> Period:
        span = Span(self.span.currentData())
        first = self.first.date().toPython()
        assert isinstance(first, date)
        if span is Span.CUSTOM:
            last = self.last.date().toPython()
            assert isinstance(last, date)
            return Period(first, max(first, last), self._zone, span)
        return Period.of(span, first, self._zone)

    def filters(self) -> Filters:
        def one(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return () if value is None else (str(value),)

        level = self.level.currentData()
        return Filters(
            levels=() if level is None else (int(level),),
            type_ids=one(self.type),
            channels=one(self.channel),
            category_ids=one(self.category),
            team_ids=one(self.team),
            seat_ids=one(self.seat),
        )

    @Slot()
    def _span_changed(self) -> None:
        custom = Span(self.span.currentData()) is Span.CUSTOM
        self.last.setEnabled(custom)
        if not custom:
            period = self.period()
            self.last.blockSignals(True)
            self.last.setDate(QDate(period.last.year, period.last.month, period.last.day))
            self.last.blockSignals(False)

    # --- filling --------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Compute the figures off the GUI thread (a desk's first report builds the facts
        of every ticket: tens of seconds on a large desk), then fill the tabs."""
        if self._running:
            self._again = True
            return
        self._running, self._again = True, False
        self.summary.setText(QCoreApplication.translate("Reports", "Counting…"))
        if self._worker_conn is None:
            self._worker_conn = read_connection(self._context.data.database)
        conn, now = self._worker_conn, self._context.clock.now()
        period, filters = self.period(), self.filters()

        def work(_progress: Callable[[int, int], bool]) -> Any:
            analysis = response_analysis(conn, period, now, filters)
            by = analysis.breakdowns
            rows = ticket_rows(conn, period, filters)  # one read for the per-ticket tabs
            return (
                period,
                filters,
                now,
                analysis,
                channels(conn, period, now, filters, by[Dimension.CHANNEL], rows),
                seats(conn, period, now, filters, Dimension.SEAT, by[Dimension.SEAT], rows),
                satisfaction(conn, period, now, filters, rows),
                reasons(conn, period, now, filters, rows),
                # Issue 16: why targets were missed, and which figures are estimates.
                cause_counts(conn, period.start, period.end),
                estimated_targets(conn, to_ms(period.start) or 0, to_ms(period.end) or 0),
                phone_report(conn, period, now, filters, refresh=False,
                             targets=analysis.totals),
            )

        background.start(work, self, done=self._computed, failed=self._failed)

    def _failed(self, message: str) -> None:
        self._running = False
        self.summary.setText(
            QCoreApplication.translate("Reports", "The figures could not be computed: %1").replace(
                "%1", message
            )
        )

    def _computed(self, result: Any) -> None:
        self._running = False
        (self._period, self._filters, self._now, self.analysis, self._channels, seat_rows, sat,
         sat_reasons, causes, estimated, phone) = result
        count = sum(c.volume for c in self._channels)
        period = self._period
        self.summary.setText(
            QCoreApplication.translate("Reports", "%1 to %2: %3 tickets")
            .replace("%1", period.first.isoformat())
            .replace("%2", period.last.isoformat())
            .replace("%3", str(count))
            + ("" if not estimated else " · " + QCoreApplication.translate(
                "Reports", "%n target(s) counted through a year whose official holidays are "
                "not entered: their figures are estimated", "", estimated))
        )
        self._fill_causes(causes)
        self._fill_targets(self.analysis.totals)
        tables.set_rows(self.phone_table,
                        *phone_table(phone, self._names[Dimension.SEAT]))
        self._fill_heat()
        self._fill_breakdown()
        self._fill_seats(seat_rows)
        self._fill_channels()
        self._fill_satisfaction(sat, sat_reasons)
        self.figures_changed.emit()
        if self._again:
            self.refresh()

    def _shown(self) -> tables.Shown:
        return tables.Shown(self._context.reader, self._period, self._now, self._filters,
                            self._names)

    def _fill_causes(self, causes: dict[str, Counter[str]]) -> None:
        tables.set_rows(self.causes_table, *tables.causes_table(causes))

    def _fill_targets(self, figures: dict[TargetKind, TargetFigures]) -> None:
        self._figures = figures
        tables.set_rows(
            self.targets_table,
            target_header(QCoreApplication.translate("Reports", "Target")),
            tables.targets_rows(self._shown(), figures),
        )
        first = figures.get(TargetKind.FIRST_RESPONSE)
        self.histogram.show_bars(
            QCoreApplication.translate(
                "Reports", "First response: distribution of the actual times"
            ),
            histogram_labels(),
            [float(b) for b in first.times.bins] if first else [],
        )

    def _fill_heat(self) -> None:
        heat = self.analysis.heat
        self.heat.show_heat(
            QCoreApplication.translate(
                "Reports", "First response by weekday and hour: tickets, colour = share missed"
            ),
            weekdays(),
            {k: 1 - (c.share_met or 0.0) for k, c in heat.items()},
            {k: c.count for k, c in heat.items()},
        )

    @Slot()
    def _fill_breakdown(self) -> None:
        if not hasattr(self, "analysis"):
            return
        by = Dimension(self.breakdown_by.currentData())
        tables.set_rows(self.breakdown, target_header(""),
                        tables.breakdown_rows(self._shown(), self.analysis, by))

    def _fill_seats(self, seat_rows: list[SeatFigures]) -> None:
        tables.set_rows(self.seats_table, *tables.seats_table(self._shown(), seat_rows))

    def _fill_channels(self) -> None:
        tables.set_rows(self.channels_table,
                        *tables.channels_table(self._shown(), self._channels))

    def _fill_satisfaction(self, sat: Satisfaction, sat_reasons: ReasonFigures) -> None:
        self._satisfaction = sat
        self.scores.show_bars(
            QCoreApplication.translate("Reports", "Satisfaction scores"),
            [str(s) for s in range(1, 6)],
            [float(sat.scores.get(s, 0)) for s in range(1, 6)],
        )
        tables.set_rows(self.satisfaction_table,
                        *tables.satisfaction_table(self._shown(), sat))
        tables.set_rows(self.reasons_table, *tables.reasons_table(self._shown(), sat_reasons))

    # --- drilling down --------------------------------------------------------------------

    def _cell_clicked(self, table: QTableWidget, row: int, column: int) -> None:
        item = table.item(row, column)
        drill = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if callable(drill):
            label = table.item(row, 0)
            header = table.horizontalHeaderItem(column)
            title = " · ".join(x.text() for x in (label, header) if x is not None and x.text())
            self.tickets_requested.emit(title, list(drill()))

    @Slot(object)
    def _histogram_clicked(self, index: object) -> None:
        from app.reports.targets import BIN_EDGES

        if not isinstance(index, int):
            return
        low = 0 if index == 0 else BIN_EDGES[index - 1]
        high = BIN_EDGES[index] if index < len(BIN_EDGES) else None
        ids = first_responses_between(self._context.reader, self._period, self._filters,
                                      low, high)
        self.tickets_requested.emit(histogram_labels()[index], ids)

    @Slot(object)
    def _heat_clicked(self, key: object) -> None:
        if not isinstance(key, tuple):
            return
        weekday, hour = key
        ids = created_at_hour(self._context.reader, self._period, self._filters, weekday,
                              hour)
        self.tickets_requested.emit(f"{weekdays()[weekday]} {hour:02d}:00", ids)

    @Slot(object)
    def _score_clicked(self, index: object) -> None:
        if isinstance(index, int):
            self.tickets_requested.emit(
                str(index + 1),
                satisfaction_ticket_ids(
                    self._context.reader, self._period, self._now, index + 1, filters=self._filters
                ),
            )

    # --- the monthly report ---------------------------------------------------------------

    @Slot()
    def write_monthly(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("Reports", "Write the monthly report into"),
            documents_folder(),
        )
        if folder:
            self.write_monthly_into(Path(folder))

    def write_monthly_into(self, folder: Path) -> None:
        """Write the month's PDF and XLSX into ``folder`` off the GUI thread (seconds on a
        large desk: the window keeps drawing and the seat keeps working), then say where.
        QPdfWriter and QPainter draw off the GUI thread; the report's charts are painted,
        not widgets."""
        if self._writing:
            return
        from ui.reports.command import write_monthly

        self._writing = True
        self.monthly_button.setEnabled(False)
        month = self.period().first.replace(day=1)
        database, language = self._context.data.database, self._context.language
        now = self._context.clock.now()
        self.summary.setText(QCoreApplication.translate(
            "Reports", "Writing the monthly report of %1…").replace("%1", month.strftime("%Y-%m")))

        def work(_progress: Callable[[int, int], bool]) -> Any:
            return write_monthly(database, month, folder, language, now)

        background.start(work, self, done=self._monthly_written, failed=self._monthly_failed)

    def _monthly_written(self, result: Any) -> None:
        self._writing = False
        self.monthly_button.setEnabled(True)
        pdf, xlsx = result
        self.summary.setText(
            QCoreApplication.translate("Reports", "Written: %1").replace("%1", str(pdf))
        )
        self.monthly_written.emit(str(pdf), str(xlsx))
        tell_written(self, pdf.parent, 2)

    def _monthly_failed(self, message: str) -> None:
        self._writing = False
        self.monthly_button.setEnabled(True)
        self.summary.setText(QCoreApplication.translate(
            "Reports", "The monthly report was not written: %1").replace("%1", message))
