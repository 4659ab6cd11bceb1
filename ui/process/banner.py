"""The level-1 emergency state on every desk: a red banner at the top of the window while
any emergency is in force (until its ticket is resolved), and a critical tray message when
one starts. A click on the banner opens the ticket.

It reads one small query (``app.process.emergencies.emergencies``) after every ticket change,
every sync round that brought plans or tickets, and every 30 seconds (an emergency
declared at another desk arrives by sync)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from app.process.emergencies import Emergency, emergencies
from ui.announce import Announcer
from ui.context import DeskContext

REFRESH_MS = 30_000
WATCHED = frozenset({"process_plans", "tickets"})


class EmergencyBanner(QToolBar):
    def __init__(self, window: QMainWindow, context: DeskContext, announcer: Announcer,
                 open_ticket: Callable[[str], object]) -> None:
        super().__init__(window)
        self.setObjectName("emergency_banner")
        self.setWindowTitle(self.tr("Emergency"))
        self.setMovable(False)
        self.setFloatable(False)
        self.setStyleSheet("QToolBar#emergency_banner { background: #c62828; border: 0; }")
        self.label = QLabel(self)
        self.label.setObjectName("emergency_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setStyleSheet("color: white; font-weight: bold; padding: 4px 8px;")
        self.label.linkActivated.connect(open_ticket)
        self.addWidget(self.label)
        self._context, self._announcer = context, announcer
        self._known: set[str] | None = None  # None: not read yet (nothing to announce)
        self.shown: list[Emergency] = []
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        context.events.tickets_changed.connect(self._tickets_changed)
        context.events.records_changed.connect(self._records_changed)
        self.refresh()

    @Slot(list)
    def _tickets_changed(self, _ids: list[str]) -> None:
        self.refresh()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if WATCHED & set(names):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.show_emergencies(emergencies(self._context.reader))

    def show_emergencies(self, found: list[Emergency]) -> None:
        """Show ``found`` (the emergencies in force); announce those not shown before."""
        self.shown = found
        self.setVisible(bool(self.shown))
        if not self.shown:
            self._known = set()
            return
        import html  # only with an emergency in force: its entity table costs a start ~2 ms

        parts = [self.tr("LEVEL-1 EMERGENCY: %1 %2 — %3, led by %4")
                 .replace("%1", f"<a style='color:white' href='{e.ticket_id}'>"
                                f"{html.escape(e.number)}</a>")
                 .replace("%2", html.escape(e.title)).replace("%3", html.escape(e.plan))
                 .replace("%4", html.escape(e.expert)) for e in self.shown]
        self.label.setText(" · ".join(parts))
        new = [e for e in self.shown if self._known is not None and e.ticket_id not in
               self._known]
        self._known = {e.ticket_id for e in self.shown}
        for emergency in new:
            self._announcer.announce(
                self.tr("Level-1 emergency"),
                f"{emergency.number} {emergency.title} — {emergency.plan}", breach=True)
        if self._announcer.tray is not None:
            self._announcer.tray.setToolTip(self.tr("%n level-1 emergency(s) in force", "",
                                                    len(self.shown)))
