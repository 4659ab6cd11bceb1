"""What the countdowns paint from: running targets of the tickets on screen, cached.

The delegate never reads the database while painting: a row whose ticket is not cached
yet is queued, and one batched read (plain sqlite3) fills the cache on the next turn of
the event loop.

Signals:
    board_changed(): cached targets changed; views repaint.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.sla.running import RunningTarget, running_for


class SlaBoard(QObject):
    board_changed = Signal()

    def __init__(self, reader: sqlite3.Connection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader: sqlite3.Connection | None = reader
        self._targets: dict[str, list[RunningTarget]] = {}
        self._wanted: set[str] = set()
        self._load_timer = QTimer(self, singleShot=True, interval=0)
        self._load_timer.timeout.connect(self._load)

    def targets(self, ticket_id: str) -> list[RunningTarget] | None:
        """Cached targets (empty: none run); None if not known yet (a load is queued)."""
        found = self._targets.get(ticket_id)
        if found is None:
            self._wanted.add(ticket_id)
            self._load_timer.start()
        return found

    def invalidate(self, ticket_ids: list[str] | None = None) -> None:
        """Forget some (or all) tickets; they are read again when next painted."""
        if ticket_ids is None:
            self._targets.clear()
        else:
            for ticket_id in ticket_ids:
                self._targets.pop(ticket_id, None)
        self.board_changed.emit()

    def close(self) -> None:
        """The desk is closing its reader: a paint after this must not read any more."""
        self._load_timer.stop()
        self._reader = None

    @Slot()
    def _load(self) -> None:
        if self._reader is None:
            return
        wanted, self._wanted = list(self._wanted), set()
        found = running_for(self._reader, wanted)
        for ticket_id in wanted:
            self._targets[ticket_id] = found.get(ticket_id, [])
        self.board_changed.emit()
