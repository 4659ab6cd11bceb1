"""Ticket windows: one per ticket, raised again when opened twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from app.services.errors import DeskError
from ui.context import DeskContext
from ui.problems import show_problem

if TYPE_CHECKING:
    from ui.ticket.window import TicketWindow


class TicketWindows(QObject):
    """Opens ticket windows and passes their writes on to the desk's broadcast."""

    def __init__(self, context: DeskContext, parent: QWidget,
                 extend: Callable[[TicketWindow], None] | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._extend = extend
        self.open_windows: dict[str, TicketWindow] = {}

    @Slot(str)
    def open(self, ticket_id: str) -> TicketWindow:
        # Windows and the write side load on first use, off the start-up path.
        from ui.ticket.window import TicketWindow

        window = self.open_windows.get(ticket_id)
        if window is None:
            window = TicketWindow(self._context, ticket_id, self._parent)
            # A closed window is freed, and with it its subscription to the broadcast.
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _obj=None, tid=ticket_id:
                                     self.open_windows.pop(tid, None))
            window.ticket_changed.connect(
                lambda tid: self._context.events.tickets_changed.emit([tid]))
            self._context.events.tickets_changed.connect(window.on_tickets_changed)
            self.open_windows[ticket_id] = window
            if self._extend is not None:
                self._extend(window)
            window.place(self._parent.window(), len(self.open_windows) - 1)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    @Slot()
    def close_all(self) -> None:
        """Another seat is signing in: the windows opened by the last one close (each
        was working as that seat)."""
        for window in list(self.open_windows.values()):
            window.close()

    @Slot(str)
    def take(self, ticket_id: str) -> None:
        """Take a ticket straight from a queue (Ctrl+T)."""
        # Imported on first use, like the windows: off the start-up path.
        from app.services.ticket_flow import TicketFlow
        from app.store.ticket_detail import ticket_detail

        detail = ticket_detail(self._context.reader, ticket_id, self._context.language)
        if detail is None:
            return

        flow = TicketFlow(self._context.store(), self._context.clock,
                          self._context.seat.staff_id, self._context.confirmation_timeout())
        try:
            flow.take(ticket_id, detail.version)
        except DeskError as error:
            show_problem(self._parent, error)
            return
        self._context.events.tickets_changed.emit([ticket_id])
