"""The shift supervisor's wallboard page, and its full-screen wall display.

It follows the desk's one broadcast: local writes (``tickets_changed``), pulled rows
(``records_changed``) and the SLA monitor's index (``index_changed``, wired by ui/desk.py
to ``refresh``). Every such event only *schedules* a refresh on a zero-delay single-shot
timer, so a burst of writes (a bulk action, a pulled page) costs one reading. The board's
counts are read on the GUI thread (about 2 ms on 100 000 tickets, bench/wallboard.py);
today's figures per channel (``app.reports.targets.today_by_channel``, which may first
have to bring the reports' derived facts up to date) are computed off the GUI thread on a
connection of their own. Nothing is read while neither the page nor the wall display is
in sight: a hidden board only remembers that it is stale. A 30 s timer moves what depends
on the clock alone (waiting times, who is on duty, the rollover of "today").

Signals:
    open_requested(str): open this ticket (wired by ui/desk.py to the ticket windows).
    view_requested(str): list the tickets behind a figure in this queue view
        (``app.store.queues.View``; wired by ui/desk.py to the queues page).
    tickets_requested(str, list): any other figure was clicked: its title and the ids of
        the tickets it counts (``app.wallboard.drill``; ui/desk.py lists them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from app.store.reading import read_connection
from app.wallboard import snapshot
from ui import background
from ui.context import DeskContext
from ui.wallboard.board import BoardView, Today

CLOCK_TICK_MS = 30_000
# Synced tables whose pulled rows change what the board shows.
_FOLLOWED = ("tickets", "ticket_events", "sla_", "rota_", "staff", "teams")


class WallDisplay(QWidget):
    """The board alone on a screen: dark, big type, full screen. F11 or Esc closes it."""

    closed = Signal()

    def __init__(self, context: DeskContext, parent: QWidget) -> None:
        # A window of its own, owned by the page: it goes when the desk's window goes.
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wall_display")
        self.setWindowTitle(self.tr("Seatdesk wallboard"))
        self.board = BoardView(context.time_zone, wall=True, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The board's big type can ask for more than a small screen has: a window made
        # larger than its screen leaves full screen (Qt drops the state on the resize), so
        # the board is fitted to the screen instead of the screen to the board.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.board)
        for key in (Qt.Key.Key_F11, Qt.Key.Key_Escape):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(self.close)

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        self.closed.emit()
        super().closeEvent(event)  # type: ignore[arg-type]


class WallboardPage(QWidget):
    open_requested = Signal(str)
    view_requested = Signal(str)
    tickets_requested = Signal(str, list)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallboard")
        self._context = context
        self._stale = True
        self._today_running = False
        self._today_stale = True
        self._today_conn: sqlite3.Connection | None = None
        self.refreshes = 0  # readings done (tests, bench)
        self.wall: WallDisplay | None = None
        self.board = BoardView(context.time_zone, parent=self)
        self.board.open_requested.connect(self.open_requested)
        self.board.view_requested.connect(self.view_requested)
        self.board.figure_requested.connect(self.list_figure)
        self.full_screen = QPushButton(self)
        self.full_screen.setObjectName("full_screen")
        self.full_screen.clicked.connect(self.toggle_wall)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.full_screen)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.board, 1)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._refresh_now)
        self._tick = QTimer(self)
        self._tick.setInterval(CLOCK_TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        context.events.tickets_changed.connect(self._tickets_changed)
        context.events.records_changed.connect(self._records_changed)
        self.retranslate()

    @Slot(str, object)
    def list_figure(self, title: str, figure: object) -> None:
        """The tickets behind a clicked figure, read as the board counts them."""
        from app.wallboard.drill import Figure, tickets_behind

        if not isinstance(figure, Figure):
            return
        ids = tickets_behind(self._context.reader, figure, self._context.clock.now(),
                             self._context.time_zone)
        self.tickets_requested.emit(title, ids)

    # --- following the desk ------------------------------------------------------------

    def in_sight(self) -> bool:
        return self.isVisible() or (self.wall is not None and self.wall.isVisible())

    @Slot()
    def refresh(self) -> None:
        """Read the board again soon (coalesced), or when it is next in sight."""
        self._stale = self._today_stale = True
        if self.in_sight():
            self._soon.start()

    @Slot(list)
    def _tickets_changed(self, _ids: list[Any]) -> None:
        self.refresh()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if any(name.startswith(_FOLLOWED) for name in names):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self._soon.start()

    @Slot()
    def _refresh_now(self) -> None:
        if not self.in_sight():
            return
        self.read_board()
        if self._today_stale:
            self._read_today()

    def read_board(self) -> snapshot.Snapshot:
        """Read the board's counts now and draw them (and on the wall display)."""
        taken = snapshot.take(self._context.reader, self._context.clock)
        self._stale = False
        self.refreshes += 1
        for board in self._boards():
            board.show_snapshot(taken)
        return taken

    def _boards(self) -> list[BoardView]:
        return [self.board] + ([self.wall.board] if self.wall is not None else [])

    def _read_today(self) -> None:
        """Today's figures per channel, off the GUI thread; one computation at a time (a
        change during it asks for one more when it ends)."""
        if self._today_running:
            return
        self._today_stale = False
        self._today_running = True
        if self._today_conn is None:
            self._today_conn = read_connection(self._context.data.database)
        conn, clock, zone = self._today_conn, self._context.clock, self._context.time_zone

        def work(_progress: Callable[[int, int], bool]) -> Any:
            return today_figures(conn, clock, zone)

        background.start(work, self, done=self._today_done, failed=self._today_failed)

    def _today_done(self, figures: object) -> None:
        self._today_running = False
        for board in self._boards():
            board.show_today(figures if isinstance(figures, Today) else None)
        if self._today_stale and self.in_sight():
            self._read_today()

    def _today_failed(self, _message: str) -> None:
        self._today_running = False
        for board in self._boards():
            board.show_today(None)

    # --- full screen -------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # F11 is also the main window's View > Full screen: within the wallboard page it
        # means the wall display, so the page claims the key before the shortcut sees it.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_F11 and not event.modifiers():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_F11 and not event.modifiers():
            self.toggle_wall()
            return
        super().keyPressEvent(event)

    @Slot()
    def toggle_wall(self) -> None:
        """Open the wall display full screen on this screen, or close it."""
        if self.wall is not None:
            self.wall.close()
            return
        self.wall = WallDisplay(self._context, self)
        self.wall.board.open_requested.connect(self.open_requested)
        self.wall.closed.connect(self._wall_closed)
        screen = self.screen()
        if screen is not None:
            self.wall.setGeometry(screen.geometry())
        self.wall.showFullScreen()
        self.wall.activateWindow()
        self._stale = self._today_stale = True
        self._refresh_now()

    @Slot()
    def _wall_closed(self) -> None:
        wall, self.wall = self.wall, None
        if wall is not None:
            wall.deleteLater()

    # --- texts -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.full_screen.setText(self.tr("Full screen (F11)"))
        self.full_screen.setToolTip(self.tr("Show the wallboard alone on this screen, for a "
                                            "wall display; F11 or Esc returns"))

    def stop(self) -> None:
        self._tick.stop()
        if self.wall is not None:
            self.wall.close()


def today_figures(conn: sqlite3.Connection, clock: Any, zone: Any) -> Today:
    """Today's first-response and resolution figures per channel, from the reports, and
    today's calls against the answer target (issue 19). Run off the GUI thread; a failure
    shows "not available", the counts do not depend on it."""
    from app.reports.period import Period, Span
    from app.reports.phone import phone_report
    from app.reports.targets import today_by_channel

    now = clock.now()
    today = Period.of(Span.DAY, now.astimezone(zone).date(), zone.key)
    return Today(dict(today_by_channel(conn, clock, zone)),
                 phone_report(conn, today, now, refresh=False, targets={}))
