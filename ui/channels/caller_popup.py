"""The caller pop-up: who is calling the seat's extension, shown when it rings.

Ringing: the number, the requester the desk knows by it (or "Unknown number"), their unit
and last tickets with their state. Answered: F8 (or the button) opens the new-ticket form
for this call. Missed: the call-back task the server opened. The window stays on top and
never takes the focus from what the seat is typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.channels.calls import Caller, CallEvent
from app.domain.enums import TicketState
from ui.labels import state_label


class CallerPopup(QFrame):
    """Signals: ``log_call_requested(Caller, CallEvent)`` (F8 after the call was answered),
    ``ticket_requested(str)`` (a double-clicked recent ticket's id)."""

    log_call_requested = Signal(object, object)
    ticket_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("caller_popup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("Call"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caller: Caller | None = None
        self.call: CallEvent | None = None
        self.heading = QLabel(self, objectName="heading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14pt")
        self.number = QLabel(self, objectName="number")
        self.who = QLabel(self, objectName="who")
        self.who.setStyleSheet("font-size: 13pt")
        self.unit = QLabel(self, objectName="unit")
        self.rings = QLabel(self, objectName="rings")
        self.recent = QListWidget(self, objectName="recent")
        self.recent.setMaximumHeight(110)
        self.log_call = QPushButton(self.tr("Log this call (F8)"), self, objectName="log_call")
        self.log_call.clicked.connect(self._log)
        close = QPushButton(self.tr("Close"), self, objectName="close")
        close.clicked.connect(self.hide)
        QShortcut(QKeySequence("F8"), self, activated=self._log)
        self.recent.itemDoubleClicked.connect(
            lambda item: self.ticket_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.number, self.who, self.unit, self.rings):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Last tickets"), self))
        layout.addWidget(self.recent)
        layout.addWidget(self.log_call)
        layout.addWidget(close)
        self.resize(360, 320)

    def show_call(self, event: CallEvent, caller: Caller, limit: int | None = 3) -> None:
        """Show the call; ``limit``: the rings the SLA policy allows (None: no target)."""
        self.call, self.caller = event, caller
        self.heading.setText({
            "ringing": self.tr("Incoming call"), "answered": self.tr("On the call"),
            "ended": self.tr("Call ended"), "missed": self.tr("Missed call")}.get(
                event.event, event.event))
        self.number.setText(caller.number or self.tr("Number withheld"))
        self.who.setText(caller.name or self.tr("Unknown number"))
        self.unit.setText(caller.unit)
        self.unit.setVisible(bool(caller.unit))
        self._show_rings(event, limit)
        self.recent.clear()
        for ticket in caller.tickets:
            self.recent.addItem(f"{ticket.number}  {state_label(TicketState(ticket.state))}  "
                                f"{ticket.title}")
            self.recent.item(self.recent.count() - 1).setData(Qt.ItemDataRole.UserRole,
                                                              ticket.id)
        if not caller.tickets:
            self.recent.addItem(self.tr("No tickets yet"))
        self.log_call.setEnabled(event.event in ("answered", "ended"))
        self.show()
        self.raise_()

    def _show_rings(self, event: CallEvent, limit: int | None) -> None:
        if event.event == "missed":
            self.rings.setText(self.tr("Not answered: a call-back task was opened")
                               if event.ticket_id else self.tr("Not answered"))
            self.rings.setStyleSheet("color: #c62828")
        elif event.rings is not None:
            late = limit is not None and event.rings > limit
            self.rings.setText(self.tr("Answered after %1 rings").replace(
                "%1", f"{event.rings:g}") + (self.tr(" - over the %1-ring target").replace(
                    "%1", str(limit)) if late else ""))
            self.rings.setStyleSheet("color: #c62828" if late else "color: #2e7d32")
        else:
            self.rings.setText("")
        self.rings.setVisible(bool(self.rings.text()))

    @Slot()
    def _log(self) -> None:
        if self.caller is not None and self.call is not None and self.log_call.isEnabled():
            self.log_call_requested.emit(self.caller, self.call)
