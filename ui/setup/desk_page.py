"""The walk-through's desk page: the desk's name and its time zone.

The time zone is typed or picked from the zones this machine knows (Asia/Shanghai unless
changed); the page shows its offset from UTC now, so a wrong pick is seen before it
counts every deadline. Nothing is written here: the administrator page writes it all in
one step.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizardPage,
)

from app.desk_settings import DEFAULT_TIME_ZONE, DESK_NAME_MAX
from app.services.desk_setup import DeskIdentity, check_desk, time_zones
from app.services.errors import DeskError
from ui.problems import problem_text
from ui.setup.wizard import PageId

if TYPE_CHECKING:
    from ui.setup.wizard import SetupWizard

PROBLEM_RED = "#c62828"


def utc_offset(zone: str, now: datetime | None = None) -> str:
    """``UTC+08:00`` for Asia/Shanghai; "" for a zone this machine does not know."""
    if zone not in time_zones():
        return ""
    offset = (now or datetime.now(UTC)).astimezone(ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class DeskPage(QWizardPage):
    def __init__(self, parent: SetupWizard) -> None:
        super().__init__(parent)
        self.setObjectName("setup_desk")
        self._setup = parent
        self.desk_name = QLineEdit(self)
        self.desk_name.setObjectName("desk_name")
        self.desk_name.setMaxLength(DESK_NAME_MAX)
        self.time_zone = QComboBox(self)
        self.time_zone.setObjectName("time_zone")
        self.time_zone.setEditable(True)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_zone.addItems(list(time_zones()))
        self.time_zone.setCurrentText(DEFAULT_TIME_ZONE)
        completer = QCompleter(list(time_zones()), self.time_zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.time_zone.setCompleter(completer)
        self.offset = QLabel(self)
        self.offset.setObjectName("offset")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {PROBLEM_RED}")
        self.name_label, self.zone_label = QLabel(self), QLabel(self)
        self.name_label.setBuddy(self.desk_name)
        self.zone_label.setBuddy(self.time_zone)
        self.name_hint, self.zone_hint = QLabel(self), QLabel(self)
        for hint in (self.name_hint, self.zone_hint):
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #546e7a")
        form = QFormLayout()
        form.addRow(self.name_label, self.desk_name)
        form.addRow("", self.name_hint)
        form.addRow(self.zone_label, self.time_zone)
        form.addRow("", self.offset)
        form.addRow("", self.zone_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        self.desk_name.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.time_zone.currentTextChanged.connect(self._zone_changed)
        self.retranslate()
        self._zone_changed(self.time_zone.currentText())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your service desk"))
        self.setSubTitle(self.tr("Seats see the desk's name when they sign in; deadlines, "
                                 "shifts and reports count in its time zone."))
        self.name_label.setText(self.tr("Desk &name:"))
        self.zone_label.setText(self.tr("&Time zone:"))
        self.desk_name.setPlaceholderText(self.tr("e.g. 市政务云服务台"))
        self.name_hint.setText(self.tr("An administrator can change it later under "
                                       "Administration → Desk settings."))
        self.zone_hint.setText(self.tr("Type a part of the name to find a zone, e.g. "
                                       "Shanghai or Urumqi."))
        self._zone_changed(self.time_zone.currentText())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(str)
    def _zone_changed(self, zone: str) -> None:
        offset = utc_offset(zone.strip())
        self.offset.setText(self.tr("Now %1").replace("%1", offset) if offset
                            else self.tr("Not a time zone this desk knows"))
        self.completeChanged.emit()

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        return PageId.ADMIN

    def desk(self) -> DeskIdentity:
        return DeskIdentity(self.desk_name.text(), self.time_zone.currentText())

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return bool(self.desk_name.text().strip()) and bool(
            utc_offset(self.time_zone.currentText().strip()))

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        try:
            check_desk(self.desk())
        except DeskError as error:
            self.message.setText(problem_text(error.problem, error.detail))
            (self.time_zone if error.field == "time_zone" else self.desk_name).setFocus()
            return False
        self.message.clear()
        return True
