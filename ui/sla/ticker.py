"""One timer drives every countdown: once a second it repaints the SLA column of the rows
each attached view shows, and nothing else (hidden views and off-screen rows cost nothing).

Signals:
    ticked(): a second passed; the delegates' "now" was moved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QTimer, Signal, Slot
from PySide6.QtWidgets import QTableView

from app.domain.clock import Clock
from ui.sla.delegate import CountdownDelegate

TICK_MS = 1000


class CountdownTicker(QObject):
    ticked = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._views: list[tuple[QTableView, int, CountdownDelegate]] = []
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)

    def attach(self, view: QTableView, column: int, delegate: CountdownDelegate) -> None:
        view.setItemDelegateForColumn(column, delegate)
        self._views.append((view, column, delegate))

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def tick(self) -> None:
        now = self._clock.now()
        for view, column, delegate in self._views:
            delegate.now = now
            if not view.isVisible() or view.isColumnHidden(column):
                continue
            # Only the column's strip inside the viewport: Qt repaints just the visible
            # cells of it.
            left = view.columnViewportPosition(column)
            strip = QRect(left, 0, view.columnWidth(column), view.viewport().height())
            view.viewport().update(strip)
        self.ticked.emit()
