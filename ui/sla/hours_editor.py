"""The business hours of an SLA policy: opening and closing time and the time zone they
are read in. Part of the policy version (``app.sla.policy.WorkingHours``); whether they
make sense is the policy's own check (``app.sla.problems.hours_issues``)."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from app.sla.policy import WorkingHours
from ui.dialogs import edited_time, time_edit


class HoursEditor(QGroupBox):
    """Opening time, closing time and zone of the business-hours calendar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Business hours"), parent)
        built_in = WorkingHours()
        self.opens = time_edit(built_in.opens, self)
        self.closes = time_edit(built_in.closes, self)
        self.zone = QComboBox(self)
        # Any IANA name may be typed; the list and its completer help find one.
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.addItems(sorted(available_timezones()))
        self.zone.setMinimumContentsLength(22)
        completer = QCompleter(self.zone.model(), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone.setCompleter(completer)
        span = QHBoxLayout()
        span.addWidget(self.opens)
        span.addWidget(QLabel(self.tr("to"), self))
        span.addWidget(self.closes)
        span.addStretch(1)
        zone = QHBoxLayout()
        zone.addWidget(self.zone)
        zone.addStretch(1)
        hint = QLabel(self.tr(
            "Business-hours targets count only between these times on working days. The "
            "hours belong to the policy version: tickets logged after saving follow them, "
            "tickets already logged keep the hours of their version."), self)
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Open from:"), span)
        form.addRow(self.tr("Time zone:"), zone)
        form.addRow(hint)

    def load(self, hours: WorkingHours) -> None:
        for edit, value in ((self.opens, hours.opens), (self.closes, hours.closes)):
            edit.setTime(QTime(value.hour, value.minute))
        self.zone.setCurrentText(hours.zone)

    def hours(self) -> WorkingHours:
        """The hours as edited, checked or not (the policy checks them)."""
        return WorkingHours(edited_time(self.opens), edited_time(self.closes),
                            self.zone.currentText().strip())
