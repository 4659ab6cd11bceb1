"""The notification centre: SLA at-risk and breach notifications, newest first.

Double-click (or Enter) opens the ticket; Acknowledge (or Delete) removes a notification
for good and leaves the next one selected, so Delete after Delete works down the list;
Snooze hides it for a while. Above the list the seat narrows it to the tickets assigned to
them or to their team, and to breaches only. The list is stored, so it survives a restart.
Above it, a supervisor sees the escalations to the supervisors nobody has acknowledged yet
(``ui/sla/escalations.py``).

Signals:
    open_requested(str): the seat wants to open a ticket.
    unread_changed(int): the number of unread notifications changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.sla.notices import (
    Notice,
    NoticeFilter,
    acknowledge,
    mark_read,
    notices,
    snooze,
    unread_count,
)
from app.sla.thresholds import is_breach
from ui.context import DeskContext
from ui.labels import call_miss_text, target_label, threshold_label
from ui.sla.escalations import EscalationInbox

SNOOZE = timedelta(minutes=15)
ALL, MINE, MY_TEAM = "all", "mine", "team"


class NotificationCentre(QWidget):
    open_requested = Signal(str)
    unread_changed = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None, *,
                 escalates: Callable[[], bool] = lambda: True) -> None:
        """``escalates``: whether this desk writes the escalation ledger itself (standalone)."""
        super().__init__(parent)
        self._context = context
        self.escalations = EscalationInbox(context, escalates, self)
        self.escalations.open_requested.connect(self.open_requested)
        self._notices: list[Notice] = []
        self._stale = True  # the list waits to be shown (see refresh)
        self.unread = 0
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.list = QListWidget(self)
        self.list.setObjectName("notifications")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.itemActivated.connect(self._open)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge"), self)
        self.snooze_button = QPushButton(self.tr("Snooze 15 minutes"), self)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.snooze_button.clicked.connect(self.snooze_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self.acknowledge_selected)
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        self.scope.addItem(self.tr("All tickets"), ALL)
        self.scope.addItem(self.tr("Assigned to me"), MINE)
        self.scope.addItem(self.tr("My team's"), MY_TEAM)
        self.breaches_only = QCheckBox(self.tr("&Breaches only"), self)
        self.breaches_only.setObjectName("breaches_only")
        self.scope.currentIndexChanged.connect(self._filter_changed)
        self.breaches_only.toggled.connect(self._filter_changed)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:"), self))
        filters.addWidget(self.scope)
        filters.addWidget(self.breaches_only)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.acknowledge_button)
        self.calendar_warning = QLabel(self)
        self.calendar_warning.setObjectName("calendar_warning")
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet(
            "background: #fff4e5; color: #7a4b00; padding: 6px; border: 1px solid #f0c36d")
        self.calendar_warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.calendar_warning)
        layout.addWidget(self.escalations)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.refresh()

    def check_calendar(self, horizon: timedelta = timedelta(days=45)) -> tuple[int, ...]:
        """Flag the years (from now to ``horizon`` ahead) without official holiday data:
        their business-hours deadlines count Monday to Friday, and the seat must know."""
        from app.sla.holiday_years import unknown_years

        today = self._context.clock.now().astimezone(self._context.time_zone).date()
        missing = unknown_years(self._context.reader, [today, today + horizon])
        if missing:
            years = ", ".join(str(y) for y in missing)
            self.calendar_warning.setText(self.tr(
                "No official holiday data for %1 yet: business-hours targets count Monday to "
                "Friday there, without public holidays or make-up working days, and are marked "
                "as estimated. Enter the days with File > Official holidays… once they are "
                "announced.").replace("%1", years))
        self.calendar_warning.setVisible(bool(missing))
        return missing

    @Slot()
    def refresh(self) -> None:
        now = self._context.clock.now()
        # The list is filled only where the seat can see it: a desk back from a night of
        # breaches holds hundreds, ~50 ms to lay out at every start and every threshold.
        # Hidden, only the unread count follows; the list is filled when shown.
        if self.isVisible():
            self._fill(now)
        else:
            self._stale = True
        unread = unread_count(self._context.reader, now)
        self.unread = unread
        self.summary.setText(self.tr("%n unread notification(s)", "", unread))
        self.unread_changed.emit(unread)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self._fill(self._context.clock.now())
        super().showEvent(event)

    def _fill(self, now: datetime) -> None:
        self._stale = False
        self.escalations.fill()
        self._notices = notices(self._context.reader, now, chosen=self.chosen())
        self.list.clear()
        zone = self._context.time_zone
        for notice in self._notices:
            when = notice.due_at.astimezone(zone).strftime("%m-%d %H:%M:%S")
            call = notice.call
            text = self.tr("{number}  {target} {threshold} at {time}\n{title}").format(
                number=notice.number if call is None else call.caller or "-",
                target=target_label(notice.kind),
                threshold=threshold_label(notice.threshold), time=when,
                title=notice.title if call is None else call_miss_text(
                    call, call.limit_at(notice.due_at)))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, notice.id)
            item.setForeground(QBrush(QColor(
                "#c62828" if is_breach(notice.threshold) else "#c77700")))
            if not notice.read:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)

    def chosen(self) -> NoticeFilter:
        """The seat's filter. "Mine" and "my team's" of a seat without a staff member or a
        team list nothing rather than everything."""
        seat = self._context.seat
        scope = self.scope.currentData()
        return NoticeFilter(
            assignee=(seat.staff_id or "") if scope == MINE else None,
            team=(seat.team_id or "") if scope == MY_TEAM else None,
            breaches_only=self.breaches_only.isChecked())

    @Slot()
    def _filter_changed(self) -> None:
        if self.isVisible():
            self._fill(self._context.clock.now())
            if self.list.count():
                self.list.setCurrentRow(0)
        else:
            self._stale = True

    def _selected(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    def _first_selected_row(self) -> int:
        rows = [self.list.row(item) for item in self.list.selectedItems()]
        return min(rows) if rows else self.list.currentRow()

    def _select_after_removal(self, row: int) -> None:
        """The next notification takes the removed ones' place in the selection (the last
        one when they were at the end), so the seat works down the list by keys alone."""
        if row < 0 or not self.list.count():
            return
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    @Slot()
    def acknowledge_selected(self) -> None:
        row = self._first_selected_row()
        acknowledge(self._context.store(), self._selected(), self._context.clock.now())
        self.refresh()
        self._select_after_removal(row)

    @Slot()
    def snooze_selected(self) -> None:
        row = self._first_selected_row()
        snooze(self._context.store(), self._selected(), self._context.clock.now() + SNOOZE)
        self.refresh()
        self._select_after_removal(row)

    @Slot(QListWidgetItem)
    def _open(self, item: QListWidgetItem) -> None:
        notice_id = item.data(Qt.ItemDataRole.UserRole)
        notice = next((n for n in self._notices if n.id == notice_id), None)
        if notice is None:
            return
        row = self.list.row(item)
        mark_read(self._context.store(), [notice.id], self._context.clock.now())
        if notice.ticket_id:  # a call answered late has no ticket to open
            self.open_requested.emit(notice.ticket_id)
        self.refresh()
        self._select_after_removal(row)  # the keys go on from where the seat was
