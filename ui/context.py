"""What every feature page gets from the composition root.

Signals (on ``DeskContext.events``):
    tickets_changed(list): tickets were written (their ids); views decide whether to refresh.
    records_changed(list): a sync round wrote rows of these synced tables (their names), so
        the pages that read them (SLA policy book, rota, knowledge base) read them again.
    seat_changed(object): another seat signed in at this desk (an ``app.identity.seat.
        SignedIn``); pages re-read what depends on who sits here and what the role may do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from app.desk_settings import DeskSettings
from app.desk_settings import read as read_desk_settings
from app.domain.clock import Clock
from app.domain.roles import Capability
from app.identity.seat import SignedIn
from app.paths import DataDir
from app.settings import SettingsFile
from app.store.queues import Seat

if TYPE_CHECKING:
    from app.store.database import Store


class DeskEvents(QObject):
    """The one "data changed" broadcast of the desk."""

    tickets_changed = Signal(list)
    records_changed = Signal(list)
    seat_changed = Signal(object)


@dataclass
class DeskContext:
    """The desk's shared dependencies, built once in ui.desk."""

    data: DataDir
    settings: SettingsFile
    clock: Clock
    language: str
    reader: sqlite3.Connection
    signed_in: SignedIn
    events: DeskEvents = field(default_factory=DeskEvents)
    _store: Store | None = field(default=None, repr=False)
    _desk_settings: DeskSettings | None = field(default=None, repr=False)
    # Called with the write side when it opens (sync attaches its outbox writer here).
    store_hooks: list[Callable[[Store], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Connected first, so every page that reads settings on this broadcast reads anew.
        self.events.records_changed.connect(self._forget_desk_settings)

    @property
    def seat(self) -> Seat:
        """Who is looking (the "mine" views) and the author of every write."""
        return self.signed_in.seat

    def may(self, capability: Capability) -> bool:
        """Whether the signed-in seat's role may do this (app.domain.roles)."""
        return self.signed_in.may(capability)

    def switch_seat(self, signed_in: SignedIn) -> None:
        """Another seat signed in: from now on every write is theirs."""
        self.signed_in = signed_in
        if self._store is not None:
            self._store.author_id = signed_in.staff_id
            self._store.author_login = signed_in.login
        self.events.seat_changed.emit(signed_in)

    def desk_settings(self) -> DeskSettings:
        """The desk-wide settings (app/desk_settings.py), read on first use and again after
        a local save or a pull that wrote ``desk_settings``."""
        if self._desk_settings is None:
            self._desk_settings = read_desk_settings(self.reader)
        return self._desk_settings

    def save_desk_settings(self, **changes: object) -> list[str]:
        """Change desk-wide settings as the signed-in seat (DeskError if its role may not),
        then announce it; returns the keys written."""
        from app.desk_settings import save

        written = save(self.store(), self.clock, self.signed_in, **changes)
        if written:
            self.events.records_changed.emit(["desk_settings", "audit_log"])
        return written

    def _forget_desk_settings(self, names: list[str]) -> None:
        if "desk_settings" in names:
            self._desk_settings = None

    def desk_name(self) -> str:
        """The desk's name, as its administrator set it ("" until then)."""
        return self.desk_settings().desk_name

    def confirmation_timeout(self) -> timedelta:
        """How long a resolution waits for the requester's confirmation before it is closed
        unconfirmed (a desk-wide setting)."""
        return self.desk_settings().confirmation_timeout

    @property
    def time_zone(self) -> ZoneInfo:
        """The desk's time zone (a desk-wide setting): how it shows and reads times."""
        return self.desk_settings().zone

    def store(self) -> Store:
        """The write side, opened on first use so SQLAlchemy stays off the start-up path."""
        if self._store is None:
            from app.store.database import Store

            self._store = Store(self.data.database)
            self._store.author_id = self.signed_in.staff_id
            self._store.author_login = self.signed_in.login
            from app.audit.recorder import AuditRecorder

            AuditRecorder(self._store, self.clock)
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
