"""Escalations to the supervisors waiting for one of them, at the top of the notification
centre of a seat that may plan the rota (a supervisor or an administrator).

Listing them here shows them to the supervisor, so it records their delivery to him;
"Acknowledge" records his acknowledgement (``app.sla.receipts``); on a standalone desk,
which writes its own ledger, it also makes the ledger line "done". Once any supervisor has
acknowledged an escalation it leaves every supervisor's list. Hidden for everybody else,
and when nothing waits.

Signals:
    open_requested(str): the supervisor wants to open a ticket (double-click, Enter).
    receipts_written(list): receipts were written for these ledger lines.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability
from app.sla.receipts import (
    ACKNOWLEDGED,
    DELIVERED,
    SupervisorCall,
    awaiting_acknowledgement,
    received_by,
)
from ui.context import DeskContext
from ui.labels import target_label, threshold_label


def receives_escalations(context: DeskContext) -> bool:
    """Whether the seat signed in here is one the escalations to the supervisors reach."""
    return context.seat.staff_id is not None and context.may(Capability.PLAN_ROTA)


class EscalationInbox(QGroupBox):
    open_requested = Signal(str)
    receipts_written = Signal(list)

    def __init__(self, context: DeskContext, escalates: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalation_inbox")
        self.setTitle(self.tr("Escalated to the supervisors"))
        self._context = context
        self._escalates = escalates
        self.calls: list[SupervisorCall] = []
        self.hint = QLabel(self.tr("Acknowledge what you have taken charge of: it is recorded "
                                   "under your name, and leaves every supervisor's list."), self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("escalations")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(140)
        self.list.itemActivated.connect(self._open)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge escalation"), self)
        self.acknowledge_button.setObjectName("acknowledge_escalations")
        self.acknowledge_button.setToolTip(self.tr("Acknowledge the selected escalations"))
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.acknowledge_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.hide()

    def fill(self) -> None:
        """List what waits, for a seat it reaches (called while the centre is shown), and
        record that this supervisor has now been shown it."""
        if not receives_escalations(self._context):
            self.calls = []
            self.list.clear()
            self.hide()
            return
        self.calls = awaiting_acknowledgement(self._context.reader)
        self.list.clear()
        zone = self._context.time_zone
        for call in self.calls:
            when = call.at.astimezone(zone).strftime("%m-%d %H:%M")
            item = QListWidgetItem(self.tr("{number}  {target} {threshold}, escalated at {time}"
                                           "\n{title}").format(
                number=call.number, target=target_label(call.kind),
                threshold=threshold_label(call.threshold), time=when, title=call.title))
            item.setData(Qt.ItemDataRole.UserRole, call.ledger_id)
            self.list.addItem(item)
        self.setTitle(self.tr("Escalated to the supervisors: %n awaiting acknowledgement", "",
                              len(self.calls)))
        self.acknowledge_button.setEnabled(bool(self.calls))
        self.setVisible(bool(self.calls))
        self.record([c.ledger_id for c in self.calls], DELIVERED)

    def _selected(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]

    @Slot()
    def acknowledge_selected(self) -> None:
        """Acknowledge the selected escalations (the current one if none is selected)."""
        chosen = self._selected()
        current = self.list.currentItem()
        if not chosen and current is not None:
            chosen = [current.data(Qt.ItemDataRole.UserRole)]
        if not chosen or not receives_escalations(self._context):
            return
        written = self.record(chosen, ACKNOWLEDGED)
        if written and self._escalates():
            # A standalone desk writes its own ledger: the line is settled at once. With a
            # server, the escalation service settles it when the receipt reaches it.
            from app.sla.receipts import settle_acknowledged

            settle_acknowledged(self._context.store())
        self.fill()

    def record(self, ledger_ids: list[str], step: str) -> list[str]:
        """Record ``step`` (delivered, acknowledged) of these escalations for the seat signed
        in here, where it has none yet; returns the lines that got one."""
        if not receives_escalations(self._context):
            return []
        staff_id = self._context.seat.staff_id
        if not ledger_ids or staff_id is None:
            return []
        # Checked with plain SQL first: showing the list again must not take the write lock.
        had = received_by(self._context.reader, staff_id, step, ledger_ids)
        new = [i for i in ledger_ids if i not in had]
        if not new:
            return []
        from app.sla.receipts import record_receipts

        written = record_receipts(self._context.store(), self._context.clock, new, staff_id,
                                  step)
        if written:
            self.receipts_written.emit(written)
        return written

    @Slot(QListWidgetItem)
    def _open(self, item: QListWidgetItem) -> None:
        ledger_id = item.data(Qt.ItemDataRole.UserRole)
        call = next((c for c in self.calls if c.ledger_id == ledger_id), None)
        if call is not None:
            self.open_requested.emit(call.ticket_id)
