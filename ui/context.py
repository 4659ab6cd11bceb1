"""What every feature page gets from the composition root."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.domain.clock import Clock
from app.paths import DataDir
from app.settings import SettingsFile

if TYPE_CHECKING:
    from app.store.database import Store


@dataclass
class DeskContext:
    """The desk's shared dependencies, built once in ui.launch."""

    data: DataDir
    settings: SettingsFile
    clock: Clock
    language: str
    reader: sqlite3.Connection
    _store: Store | None = field(default=None, repr=False)

    @property
    def time_zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.settings.time_zone)

    def store(self) -> Store:
        """The write side, opened on first use so SQLAlchemy stays off the start-up path."""
        if self._store is None:
            from app.store.database import Store

            self._store = Store(self.data.database)
        return self._store

    def close(self) -> None:
        self.reader.close()
        if self._store is not None:
            self._store.close()
