"""The escalation ledger page (升级台账): every escalation with its ticket, rule, time, owner
at the time, action, outcome and who it reached; filters (period, action, outcome,
category, team), export to XLSX or CSV, and the analysis of the lines shown (counts by
rule, category and team; time from escalation to resolution as percentiles).

The ledger is read on the GUI thread: it holds one line per escalation (hundreds to a few
thousand a year), read with plain sqlite3 in a few milliseconds. It is read again when the
page is shown after a change, on F5 and when pulled ledger lines or receipts arrive.

Signals:
    open_requested(str): open this ticket (double-click or Enter on a line).
    exported(str): the ledger was written to this file.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.escalations.analysis import PERCENTILES, LedgerAnalysis, analyse
from app.escalations.ledger import LedgerEntry, LedgerFilter, choices, read_ledger
from ui.context import DeskContext
from ui.escalations.model import TICKET_ID, Column, LedgerModel, hours_text
from ui.labels import (
    escalation_action_label,
    escalation_outcome_label,
    target_label,
    threshold_label,
)

PERIODS = ("today", "week", "month", "year", "all", "chosen")
_DAYS = {"today": 0, "week": 6, "month": 29, "year": 364}
_FOLLOWED = ("sla_escalations", "sla_escalation_receipts", "tickets", "ticket_events")


class EscalationsPage(QWidget):
    open_requested = Signal(str)
    exported = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalations")
        self._context = context
        self._stale = True
        self.entries: list[LedgerEntry] = []
        self.analysis: LedgerAnalysis | None = None
        self.model = LedgerModel(context.time_zone, self)
        self._build()
        self.retranslate()
        context.events.records_changed.connect(self._records_changed)
        context.events.tickets_changed.connect(lambda _ids: self._changed())

    # --- building ----------------------------------------------------------------------

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.currentIndexChanged.connect(self._filter_changed)
        return combo

    def _build(self) -> None:
        self.period = self._combo("period")
        self.first_day = self._date_edit("first_day")
        self.last_day = self._date_edit("last_day")
        self.action = self._combo("action")
        self.outcome = self._combo("outcome")
        self.category = self._combo("category")
        self.team = self._combo("team")
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.ask_export)
        self.table = self._lines_table()
        self.by_rule = self._small_table("by_rule")
        self.by_category = self._small_table("by_category")
        self.by_team = self._small_table("by_team")
        self.spread = QLabel(self)
        self.spread.setObjectName("spread")
        self.spread.setWordWrap(True)
        self.boxes = {name: QGroupBox(self) for name in ("by_rule", "by_category", "by_team")}
        filters = QHBoxLayout()
        self.labels: dict[str, QLabel] = {}
        for name, widget in (("period", self.period), ("first_day", self.first_day),
                             ("last_day", self.last_day), ("action", self.action),
                             ("outcome", self.outcome), ("category", self.category),
                             ("team", self.team)):
            if name not in ("first_day", "last_day"):
                self.labels[name] = QLabel(self)
                self.labels[name].setBuddy(widget)
                filters.addWidget(self.labels[name])
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        filters.addWidget(self.export_button)
        analysis = self._analysis_panel()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(analysis)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        for widget in (self.first_day, self.last_day):
            widget.setVisible(False)

    def _lines_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("lines")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.TIME, 130), (Column.TICKET, 100), (Column.RULE, 170),
                              (Column.ACTION, 150), (Column.OUTCOME, 140),
                              (Column.OWNER, 90), (Column.FOLLOWED_BY, 90),
                              (Column.TEAM, 110), (Column.CATEGORY, 110),
                              (Column.SEEN, 170)):
            table.setColumnWidth(column, width)
        table.activated.connect(self._activated)
        table.doubleClicked.connect(self._activated)
        return table

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        today = self._today()
        edit.setDate(QDate(today.year, today.month, today.day))
        edit.dateChanged.connect(self._filter_changed)
        return edit

    def _analysis_panel(self) -> QWidget:
        panel = QWidget(self)
        row = QHBoxLayout(panel)
        row.setContentsMargins(0, 0, 0, 0)
        for name in ("by_rule", "by_category", "by_team"):
            inner = QVBoxLayout(self.boxes[name])
            inner.addWidget(getattr(self, name))
            row.addWidget(self.boxes[name], 2 if name == "by_rule" else 1)
        self.spread_box = QGroupBox(self)
        QVBoxLayout(self.spread_box).addWidget(self.spread)
        row.addWidget(self.spread_box, 1)
        return panel

    def _small_table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 2, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        return table

    # --- texts -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = {"period": self.tr("&Period:"), "action": self.tr("&Action:"),
                 "outcome": self.tr("O&utcome:"), "category": self.tr("&Category:"),
                 "team": self.tr("&Team:")}
        for name, text in names.items():
            self.labels[name].setText(text)
        periods = {"today": self.tr("Today"), "week": self.tr("Last 7 days"),
                   "month": self.tr("Last 30 days"), "year": self.tr("Last 365 days"),
                   "all": self.tr("Everything"), "chosen": self.tr("Chosen days")}
        chosen = self.period.currentData() or "month"
        self.period.blockSignals(True)
        self.period.clear()
        for code in PERIODS:
            self.period.addItem(periods[code], code)
        self.period.setCurrentIndex(PERIODS.index(chosen))
        self.period.blockSignals(False)
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Write the lines shown to an Excel (XLSX) or "
                                              "CSV file"))
        self.boxes["by_rule"].setTitle(self.tr("By rule"))
        self.boxes["by_category"].setTitle(self.tr("By category"))
        self.boxes["by_team"].setTitle(self.tr("By team (owner's)"))
        self.spread_box.setTitle(self.tr("From escalation to resolution"))
        for table, first in ((self.by_rule, self.tr("Rule")),
                             (self.by_category, self.tr("Category")),
                             (self.by_team, self.tr("Team"))):
            table.setHorizontalHeaderLabels([first, self.tr("Escalations")])
        self._fill_choices()
        self._show_analysis()

    def _fill_choices(self) -> None:
        found = choices(self._context.reader, self._context.language)
        labels = {"action": escalation_action_label, "outcome": escalation_outcome_label}
        for name, combo in (("action", self.action), ("outcome", self.outcome),
                            ("category", self.category), ("team", self.team)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), "")
            label = labels.get(name)
            for code, text in found[f"{name}s" if name != "category" else "categories"]:
                combo.addItem(label(code) if label else text, code)
            at = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(0, at))
            combo.blockSignals(False)

    # --- reading -----------------------------------------------------------------------

    def _today(self) -> date:
        return self._context.clock.now().astimezone(self._context.time_zone).date()

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self._context.time_zone)

    def chosen(self) -> LedgerFilter:
        """The filter the seat has set."""
        period = self.period.currentData() or "month"
        since = until = None
        if period in _DAYS:
            since = self._midnight(self._today() - timedelta(days=_DAYS[period]))
        elif period == "chosen":
            first, last = _day(self.first_day.date()), _day(self.last_day.date())
            since, until = self._midnight(first), self._midnight(last + timedelta(days=1))

        def one(combo: QComboBox) -> frozenset[str]:
            value = combo.currentData()
            return frozenset({str(value)}) if value else frozenset()

        return LedgerFilter(since, until, one(self.action), one(self.outcome),
                            one(self.category), one(self.team))

    @Slot()
    def _filter_changed(self) -> None:
        chosen_days = self.period.currentData() == "chosen"
        self.first_day.setVisible(chosen_days)
        self.last_day.setVisible(chosen_days)
        self.read()

    def read(self) -> None:
        """Read the lines the filters match and analyse them."""
        self._stale = False
        self.entries = read_ledger(self._context.reader, self._context.language, self.chosen())
        self.model.set_entries(self.entries)
        self.analysis = analyse(self.entries)
        self.count.setText(self.tr("%n escalation(s)", "", len(self.entries)))
        self.export_button.setEnabled(bool(self.entries))
        self._show_analysis()

    def refresh(self) -> None:
        self._fill_choices()
        self._changed()

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.read()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if any(name in _FOLLOWED for name in names):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.read()

    def _show_analysis(self) -> None:
        found = self.analysis
        if found is None:
            return

        def rule_text(rule: str) -> str:
            entry = next((e for e in self.entries if e.rule == rule), None)
            if entry is None:
                return rule
            return (f"{target_label(entry.kind)} · {threshold_label(entry.threshold)} → "
                    f"{escalation_action_label(entry.action)}")

        for table, rows, name in ((self.by_rule, found.by_rule, rule_text),
                                  (self.by_category, found.by_category, None),
                                  (self.by_team, found.by_team, None)):
            table.setRowCount(len(rows))
            for row, (key, count) in enumerate(rows):
                text = name(key) if name is not None else (key or self.tr("(no team)"))
                table.setItem(row, 0, QTableWidgetItem(text))
                number = QTableWidgetItem(str(count))
                number.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, 1, number)
        spread = found.to_resolution
        lines = [self.tr("Resolved after the escalation: %1; not resolved yet: %2")
                 .replace("%1", str(spread.resolved)).replace("%2", str(spread.unresolved))]
        for share in PERCENTILES:
            if share in spread.percentiles:
                lines.append(self.tr("p%1: %2").replace("%1", str(share)).replace(
                    "%2", hours_text(spread.percentiles[share])))
        self.spread.setText("\n".join(lines))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        ticket_id = index.data(TICKET_ID)
        if ticket_id:
            self.open_requested.emit(str(ticket_id))

    # --- export ------------------------------------------------------------------------

    @Slot()
    def ask_export(self) -> None:
        """Ask where to write the lines shown (Documents first), then write them."""
        from ui.files import in_documents

        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")
        stamp = self._context.clock.now().astimezone(self._context.time_zone)
        name = f"escalation-ledger-{stamp:%Y%m%d-%H%M}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the escalation ledger"), in_documents(name),
            f"{xlsx};;{csv}")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
        self.export(target)

    def export(self, path: Path) -> int:
        """Write the lines shown to ``path`` (XLSX for .xlsx, else CSV) and say where."""
        from app.escalations.export import Words, export_file
        from ui.files import tell_written

        names: dict[str, Any] = {}
        for entry in self.entries:
            names[entry.kind] = target_label(entry.kind)
            names[entry.threshold] = threshold_label(entry.threshold)
            names[entry.action] = escalation_action_label(entry.action)
            names[entry.outcome] = escalation_outcome_label(entry.outcome)
        words = Words(headings=(
            self.tr("Time (%1)").replace("%1", self._context.time_zone.key), self.tr("Ticket"),
            self.tr("Title"), self.tr("Target"), self.tr("Threshold"), self.tr("Action"),
            self.tr("Outcome"), self.tr("Detail"), self.tr("Owner then"), self.tr("Team"),
            self.tr("Category"), self.tr("Delivered to"), self.tr("Acknowledged by"),
            self.tr("Resolved"), self.tr("Hours to resolution"), self.tr("Followed by")),
            names=names)
        try:
            written = export_file(path, self.entries, self._context.time_zone, words)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Not exported"),
                                self.tr("The ledger could not be written: %1").replace(
                                    "%1", error.strerror or str(error)))
            return 0
        tell_written(self, path)
        self.exported.emit(str(path))
        return written


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
