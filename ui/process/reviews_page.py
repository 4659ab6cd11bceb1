"""The Reviews page (issue 16): level-3 results waiting for a senior engineer's review -
all of them or the desk's sample - approved or sent back with findings from here, and the
findings of the last 30 days (they go to the reports too: ``app.reports.reviews``)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability
from app.process.reading import COUNT_CAP, ReviewItem, review_queue, waiting_reviews
from app.reports.reviews import review_figures
from app.services.errors import DeskError, Problem
from app.store.ticket_detail import ticket_detail
from ui.context import DeskContext
from ui.labels import state_label
from ui.problems import show_problem
from ui.process.panel import PROCESS_TABLES, review_ticket

WINDOW = timedelta(days=30)  # results resolved, and findings made, in the last 30 days
SHOWN = 500  # the newest waiting results listed (the heading counts them all)


class ReviewsPage(QWidget):
    open_requested = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.items: list[ReviewItem] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("review_heading")
        self.heading.setWordWrap(True)
        self.queue = QTableWidget(0, 5, self)
        self.queue.setObjectName("review_queue")
        self.queue.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Title"),
                                              self.tr("Assignee"), self.tr("Resolved"),
                                              self.tr("Solution")])
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.queue.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.queue.verticalHeader().setVisible(False)
        self.queue.doubleClicked.connect(self._open)
        self.open_button = QPushButton(self.tr("Open ticket"), self)
        self.open_button.setObjectName("open_ticket")
        self.open_button.clicked.connect(self._open)
        self.review_button = QPushButton(self.tr("Review…"), self)
        self.review_button.setObjectName("review")
        self.review_button.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.review_button.setToolTip("Ctrl+Shift+R")
        self.review_button.clicked.connect(self._review)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.queue, self._open)
        self.findings_heading = QLabel(self)
        self.findings_heading.setObjectName("findings_heading")
        self.findings = QTableWidget(0, 4, self)
        self.findings.setObjectName("findings")
        self.findings.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Reviewer"),
                                                 self.tr("When"), self.tr("Findings")])
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.findings.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.findings.verticalHeader().setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.queue, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.findings_heading)
        layout.addWidget(self.findings, 2)
        context.events.tickets_changed.connect(self._changed)
        context.events.records_changed.connect(self._records_changed)
        self.refresh()

    @Slot(list)
    def _changed(self, _ids: list[str]) -> None:
        if self.isVisible():
            self.refresh()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if PROCESS_TABLES & set(names) or "desk_settings" in names:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        now = self._context.clock.now()
        percent = self._context.desk_settings().review_sample_percent
        self.items = review_queue(self._context.reader, now - WINDOW, percent, SHOWN)
        waiting = waiting_reviews(self._context.reader, now - WINDOW, percent)
        zone = self._context.time_zone
        self.heading.setText(
            (self.tr("%n level-3 result(s) resolved in the last 30 days wait for review",
                     "", waiting) if waiting <= COUNT_CAP else
             self.tr("More than %1 level-3 results resolved in the last 30 days wait for "
                     "review").replace("%1", str(COUNT_CAP)))
            + " · " + (self.tr("every result is reviewed") if percent >= 100 else
                       self.tr("a sample of %1 % is reviewed").replace("%1", str(percent))))
        self.queue.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            values = [item.number, item.title, item.assignee,
                      item.resolved_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                      item.solution]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value if column in (1, 4) else state_label(item.state))
                self.queue.setItem(row, column, cell)
        if self.items and self.queue.currentRow() < 0:
            self.queue.selectRow(0)
        # Up to and including this instant: a review just made counts.
        figures = review_figures(self._context.reader, now - WINDOW,
                                 now + timedelta(seconds=1))
        self.findings_heading.setText(
            self.tr("Last 30 days: %1 reviewed, %2 approved, %3 sent back with findings")
            .replace("%1", str(figures.reviewed)).replace("%2", str(figures.approved))
            .replace("%3", str(figures.sent_back)))
        self.findings.setRowCount(len(figures.findings))
        for row, finding in enumerate(figures.findings):
            values = [finding.number, finding.reviewer,
                      finding.at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                      finding.findings]
            for column, value in enumerate(values):
                self.findings.setItem(row, column, QTableWidgetItem(value))
        self.review_button.setEnabled(bool(self.items)
                                      and self._context.may(Capability.REVIEW_RESOLUTIONS))
        self.open_button.setEnabled(bool(self.items))

    def current(self) -> ReviewItem | None:
        row = self.queue.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    @Slot()
    def _open(self) -> None:
        if (item := self.current()) is not None:
            self.open_requested.emit(item.ticket_id)

    @Slot()
    def _review(self) -> None:
        item = self.current()
        if item is None:
            return

        def apply(action: object) -> bool:
            detail = ticket_detail(self._context.reader, item.ticket_id,
                                   self._context.language)
            if detail is None:
                show_problem(self, DeskError(Problem.NOT_FOUND))
                return False
            try:
                action(detail.version)  # type: ignore[operator]
            except DeskError as error:
                show_problem(self, error)
                return False
            self._context.events.tickets_changed.emit([item.ticket_id])
            return True

        if review_ticket(self, self._context, item.ticket_id, apply):
            self.refresh()
