"""The administration page's mail tab: every message the mail service took (app/mail),
newest first, with what became of it - a ticket, a reply on one, an automatic message left
unanswered, one over its sender's rate, or one kept aside as malformed, with the reason.

A filter above the list picks one outcome ("Kept aside" is what needs an administrator:
the message is still on the mail server, flagged ``$SeatdeskAside`` or in the quarantine
folder). The pane under the list shows the selected message's reason and whole text. The
list is read again when ``context.events.records_changed`` names ``mail_messages`` (a pull
brought messages) and at F5.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.mail.reading import ReceivedMail, counts, received
from ui.context import DeskContext

MAIL_TABLES = frozenset({"mail_messages", "tickets"})


def outcome_label(outcome: str) -> str:
    return {
        "ticket": QCoreApplication.translate("MailTab", "New ticket"),
        "reply": QCoreApplication.translate("MailTab", "Reply on a ticket"),
        "automatic": QCoreApplication.translate("MailTab", "Automatic (not answered)"),
        "rate_limited": QCoreApplication.translate("MailTab", "Over the sender's rate"),
        "quarantined": QCoreApplication.translate("MailTab", "Kept aside"),
    }.get(outcome, outcome)


def reason_text(reason: str) -> str:
    """The service's reason (English, with the detail) led by what it means, translated."""
    lead = QCoreApplication.translate("MailTab", "It could not be stored")
    if reason.startswith(("no sender address", "no headers")):
        lead = QCoreApplication.translate("MailTab", "No sender address could be read")
    elif reason.startswith("message of "):
        lead = QCoreApplication.translate("MailTab", "The message is over the size limit")
    elif reason.startswith("more than "):
        lead = QCoreApplication.translate("MailTab",
                                          "The sender sent more than the hourly limit")
    elif reason.startswith(("Auto-Submitted", "Precedence", "X-Auto", "delivery status",
                            "empty return path", "sender ", "auto-reply")):
        lead = QCoreApplication.translate(
            "MailTab", "Sent automatically (an auto-reply or a bounce): never answered")
    return QCoreApplication.translate("MailTab", "Why: %1 (%2)") \
        .replace("%1", lead).replace("%2", reason)


OUTCOMES = ("quarantined", "ticket", "reply", "automatic", "rate_limited")


class MailTab(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._shown: list[ReceivedMail] = []
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome")
        self.outcome.addItem(self.tr("All messages"), "")
        for code in OUTCOMES:
            self.outcome.addItem(outcome_label(code), code)
        self.outcome.currentIndexChanged.connect(self.refresh)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("messages")
        self.table.setHorizontalHeaderLabels([
            self.tr("Received"), self.tr("Mailbox"), self.tr("From"), self.tr("Subject"),
            self.tr("What became of it"), self.tr("Ticket"), self.tr("Attachments")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Select a message to read it here."))
        top = QHBoxLayout()
        label = QLabel(self.tr("&Show:"), self)
        label.setBuddy(self.outcome)
        top.addWidget(label)
        top.addWidget(self.outcome)
        top.addStretch(1)
        top.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter)
        context.events.records_changed.connect(self._records_changed)
        self.refresh()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if MAIL_TABLES & set(names):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        reader = self._context.reader
        self._shown = received(reader, str(self.outcome.currentData() or ""))
        zone = self._context.time_zone
        self.table.setRowCount(len(self._shown))
        for row, mail in enumerate(self._shown):
            sender = f"{mail.sender_name} <{mail.sender}>" if mail.sender_name else mail.sender
            cells = (mail.received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
                     mail.mailbox, sender, mail.subject, outcome_label(mail.outcome),
                     mail.ticket_number, str(mail.attachments) if mail.attachments else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if mail.outcome == "quarantined":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        total = counts(reader)
        self.count.setText(self.tr("%1 messages, %2 kept aside")
                           .replace("%1", str(sum(total.values())))
                           .replace("%2", str(total.get("quarantined", 0))))
        self.detail.clear()

    @Slot()
    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._shown):
            self.detail.clear()
            return
        mail = self._shown[rows[0].row()]
        reason = reason_text(mail.reason) + "\n\n" if mail.reason else ""
        self.detail.setPlainText(reason + mail.body)


def build(context: DeskContext, parent: QWidget) -> QWidget:
    return MailTab(context, parent)
