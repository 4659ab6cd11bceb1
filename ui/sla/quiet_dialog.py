"""The seat's own notification preferences (File > Notification settings…): a sound with
SLA messages, and quiet hours that hold back tray messages and sounds - never for a
breach of a level-1 ticket. Notifications always reach the notification centre."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.settings import SettingsFile
from app.sla.quiet import read_time
from ui.dialogs import dialog_buttons, time_edit


class QuietHoursDialog(QDialog):
    def __init__(self, settings: SettingsFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Notification settings"))
        self._settings = settings
        current = settings.settings
        self.sound = QCheckBox(self.tr("Play a sound with SLA messages"), self)
        self.sound.setChecked(current.notification_sound)
        self.quiet = QCheckBox(self.tr("Quiet hours"), self)
        self.quiet.setChecked(bool(read_time(current.quiet_hours_from)
                                   and read_time(current.quiet_hours_to)))
        self.start = time_edit(read_time(current.quiet_hours_from) or time(22, 0), self)
        self.end = time_edit(read_time(current.quiet_hours_to) or time(7, 0), self)
        span = QHBoxLayout()
        span.addWidget(self.start)
        span.addWidget(QLabel(self.tr("to"), self))
        span.addWidget(self.end)
        span.addStretch(1)
        self.quiet.toggled.connect(self.start.setEnabled)
        self.quiet.toggled.connect(self.end.setEnabled)
        self.start.setEnabled(self.quiet.isChecked())
        self.end.setEnabled(self.quiet.isChecked())
        form = QFormLayout()
        form.addRow(self.sound)
        form.addRow(self.quiet, span)
        rule = QLabel(self.tr("During quiet hours SLA messages and sounds wait in the "
                              "notification centre. Breaches of level-1 tickets are always "
                              "shown and heard."), self)
        rule.setWordWrap(True)
        buttons = dialog_buttons(self, on_accept=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(buttons)
        self.resize(460, 200)

    @Slot()
    def save(self) -> None:
        quiet = self.quiet.isChecked()
        self._settings.update(
            notification_sound=self.sound.isChecked(),
            quiet_hours_from=self.start.time().toString("HH:mm") if quiet else "",
            quiet_hours_to=self.end.time().toString("HH:mm") if quiet else "")
        self.accept()
