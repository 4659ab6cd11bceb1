"""The desk's face of sync: the Sync menu, the status-bar counts, the connect dialog and
the sync panel. The loop itself (``app.sync.runner``) runs on its own threads; this package
only turns its callbacks into queued Qt signals and never waits on the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from ui.context import DeskContext
from ui.main_window import MainWindow
from ui.status import Connection

if TYPE_CHECKING:
    from app.identity.seat import SignedIn
    from app.store.database import Store
    from app.sync.runner import Link, SyncRunner
    from app.sync.syncer import Syncer, SyncReport, SyncStatus
    from app.sync.tokens import TokenVault

START_DELAY_MS = 1500  # after the window shows: sync needs SQLAlchemy, start-up does not


class SyncBridge(QObject):
    """Carries the runner's callbacks (from its threads) to the GUI thread."""

    link_changed = Signal(str, int, int, int)  # link, pending, rejected, conflicts
    tickets_arrived = Signal(list)
    records_arrived = Signal(list)  # names of the synced tables the round wrote

    def on_link(self, link: Link, status: SyncStatus) -> None:
        self.link_changed.emit(str(link), status.pending, status.rejected, status.conflicts)

    def on_report(self, report: SyncReport) -> None:
        if report.ticket_ids:
            self.tickets_arrived.emit(sorted(report.ticket_ids))
        if report.entities:
            self.records_arrived.emit(sorted(report.entities))


class SyncDesk(QObject):
    def __init__(self, window: MainWindow, context: DeskContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self.bridge = SyncBridge(self)
        self.syncer: Syncer | None = None
        self.runner: SyncRunner | None = None
        self._vault: TokenVault | None = None
        self._recording = False
        self._closed = False  # the desk closed: a round's late report reads nothing
        self.bridge.link_changed.connect(self._show_link)
        self.bridge.tickets_arrived.connect(context.events.tickets_changed)
        self.bridge.records_arrived.connect(context.events.records_changed)
        self.bridge.records_arrived.connect(self._staff_arrived)
        context.events.tickets_changed.connect(self._local_change)
        context.events.seat_changed.connect(self._seat_changed)
        window.connection.clicked.connect(self.show_panel)
        self._build_menu()

    def _build_menu(self) -> None:
        bar = self._window.menuBar()
        menu = QMenu(self.tr("S&ync"), bar)
        bar.insertMenu(self._window.help_menu.menuAction(), menu)
        connect = menu.addAction(self.tr("&Connect to a server…"))
        connect.triggered.connect(self.show_connect)
        now = menu.addAction(self.tr("Sync &now"))
        now.setShortcut(QKeySequence("F9"))
        now.triggered.connect(self.sync_now)
        panel = menu.addAction(self.tr("Sync &status…"))
        panel.triggered.connect(self.show_panel)

    def vault(self) -> TokenVault:
        """One vault for the desk's life: where no OS keyring exists the token lives only in
        memory, and the sign-in dialog and the sync loop must see the same one."""
        if self._vault is None:
            from app.sync.tokens import KeyringVault

            self._vault = KeyringVault()
        return self._vault

    # --- lifecycle -----------------------------------------------------------------------
    def start_later(self) -> None:
        if self._context.settings.settings.server_url:
            self._record_changes()
            # The seat who signed in at start (against this server) is the one to sync as,
            # whoever was connected last.
            seat = self._context.signed_in
            if seat.login:
                self.follow_seat(seat.login, seat.role)
            QTimer.singleShot(START_DELAY_MS, self.start)

    def _record_changes(self) -> None:
        """From now on every write of the desk also goes to the outbox (once per desk)."""
        if self._recording:
            return
        self._recording = True

        def attach(store: Store) -> None:
            from app.sync.outbox import OutboxWriter

            OutboxWriter(store, self._context.clock)

        self._context.when_store_opens(attach)

    def start(self) -> None:
        """Start syncing with the configured server (the seat signed in before)."""
        from app.sync.client import ServerClient
        from app.sync.runner import SyncRunner
        from app.sync.syncer import Syncer
        settings = self._context.settings.settings
        if not settings.server_url or self.runner is not None:
            return
        store = self._context.store()
        self._record_changes()
        client = ServerClient(settings.server_url, self.vault(), login=settings.server_login)
        self.syncer = Syncer(store, client, self._context.clock)
        self.runner = SyncRunner(self.syncer, self.bridge.on_link, self.bridge.on_report)
        self.runner.start()

    def close(self) -> None:
        """The desk closes its database next: a report queued from the runner's last round
        must not reach a slot that reads it."""
        self._closed = True
        self.bridge.blockSignals(True)
        self.stop()

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()
            self.runner = None
        if self.syncer is not None:
            self.syncer.close()
            self.syncer = None

    # --- seats ---------------------------------------------------------------------------
    def _seat_changed(self, signed_in: SignedIn) -> None:
        self.follow_seat(signed_in.login, signed_in.role)

    def follow_seat(self, login: str, role: str = "") -> None:
        """Another seat signed in at this connected desk: from now on the sync loop pulls,
        pokes and leases numbers as that seat. Each seat's waiting changes still go under
        its own account (app/sync/seats.py)."""
        settings = self._context.settings
        if not settings.settings.server_url:
            return
        if settings.settings.server_login != login:
            settings.update(server_login=login, server_role=role or settings.settings.server_role)
        if self.runner is not None:
            self.runner.follow_seat(login)

    # --- actions -------------------------------------------------------------------------
    def _local_change(self, _ids: list[str]) -> None:
        if self.runner is not None:
            self.runner.wake(pull=False)

    def sync_now(self) -> None:
        if self.runner is not None:
            self.runner.wake()
        else:
            self.show_connect()

    def _show_link(self, link: str, pending: int, rejected: int, conflicts: int) -> None:
        self._window.connection.set_state(Connection(link), pending, rejected, conflicts)

    def show_connect(self) -> None:
        from ui.sync.connect import ConnectDialog

        dialog = ConnectDialog(self._context, self.vault(), self._window)
        dialog.connected.connect(self._connected)
        dialog.open()

    def _connected(self, url: str, login: str, role: str) -> None:
        from app.identity.seat import SignedIn, staff_of

        self.stop()
        self._context.settings.update(server_url=url, server_login=login, server_role=role)
        # The account that joined the desk sits at it; its staff row may come with the
        # first pull (then _staff_arrived completes the seat).
        seat = staff_of(self._context.reader, login, role)
        self._context.switch_seat(seat or SignedIn(login, None, None, login, role))
        self.start()

    def _staff_arrived(self, tables: list[str]) -> None:
        """A pull brought staff rows: a seat signed in before its row reached this desk
        (a desk joining a server) becomes that staff member, the author of its writes."""
        seat = self._context.signed_in
        if self._closed or "staff" not in tables or seat.staff_id is not None or not seat.login:
            return
        from app.identity.seat import staff_of

        found = staff_of(self._context.reader, seat.login, seat.role, offline=seat.offline)
        if found is not None:
            self._context.switch_seat(found)

    def show_panel(self) -> None:
        from ui.sync.panel import SyncPanel

        SyncPanel(self._context, self, self._window).open()

    def sign_out(self) -> None:
        """Forget the seat's token at a sign-out (the desk keeps recording changes for the
        next sign-in)."""
        if self.syncer is None:
            return
        from ui import background

        client, runner = self.syncer.client, self.runner
        background.start(lambda _progress: client.sign_out(), self,
                         done=lambda _result: runner.wake() if runner else None)


def register(window: MainWindow, context: DeskContext) -> SyncDesk:
    desk = SyncDesk(window, context)
    desk.start_later()
    return desk
