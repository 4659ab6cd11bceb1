"""What every feature page gets from the composition root.

Signals (on ``DeskContext.events``):
    tickets_changed(list): tickets were written (their ids); views decide whether to refresh.
    records_changed(list): a sync round wrote rows of these synced tables (their names), so
        the pages that read them (SLA policy book, rota, knowledge base) read them again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from app.domain.clock import Clock
from app.paths import DataDir
from app.settings import SettingsFile
from app.store.queues import Seat

if TYPE_CHECKING:
    from app.store.database import Store


class DeskEvents(QObject):
    """The one "data changed" broadcast of the desk."""

    tickets_changed = Signal(list)
    records_changed = Signal(list)


@dataclass
class DeskContext:
    """The desk's shared dependencies, built once in ui.desk."""

    data: DataDir
    settings: SettingsFile
    clock: Clock
    language: str
    reader: sqlite3.Connection
    seat: Seat
    events: DeskEvents = field(default_factory=DeskEvents)
    _store: Store | None = field(default=None, repr=False)
    # Called with the write side when it opens (sync attaches its outbox writer here).
    store_hooks: list[Callable[[Store], None]] = field(default_factory=list)

    @property
    def time_zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.settings.time_zone)

    def store(self) -> Store:
        """The write side, opened on first use so SQLAlchemy stays off the start-up path."""
        if self._store is None:
            from app.store.database import Store

            self._store = Store(self.data.database)
            for hook in self.store_hooks:
                hook(self._store)
        return self._store

    def when_store_opens(self, hook: Callable[[Store], None]) -> None:
        """Run ``hook`` on the write side now if it is open, else as soon as it opens."""
        self.store_hooks.append(hook)
        if self._store is not None:
            hook(self._store)

    def close(self) -> None:
        self.reader.close()
        if self._store is not None:
            self._store.close()
