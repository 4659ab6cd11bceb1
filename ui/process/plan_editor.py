"""The level-2 handling plan editor: a summary and steps, each with its owner and planned
time (in the desk's time zone). Saving goes through ``save`` while the dialog stays open,
so a refusal is shown here and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.people import StaffMember
from app.process.reading import Plan
from app.process.service import StepDraft
from ui.dialogs import dialog_buttons, submit_on_ctrl_enter

TEXT, OWNER, PLANNED = range(3)


def to_qt(moment: datetime, zone: ZoneInfo) -> QDateTime:
    local = moment.astimezone(zone)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qt(value: QDateTime, zone: ZoneInfo) -> datetime:
    day, time = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(),
                    tzinfo=zone)


class PlanEditor(QDialog):
    def __init__(self, staff: Sequence[StaffMember], zone: ZoneInfo, now: datetime,
                 plan: Plan | None, save: Callable[[str, list[StepDraft]], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handling plan"))
        self._staff, self._zone, self._now, self._save = staff, zone, now, save
        self.summary = QLineEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(self.tr("The approach in one line"))
        self.steps = QTableWidget(0, 3, self)
        self.steps.setObjectName("steps")
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Owner"),
                                              self.tr("Planned by")])
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OWNER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PLANNED, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Add step"), self)
        self.add_button.setObjectName("add_step")
        self.add_button.clicked.connect(self._add_empty)
        self.remove_button = QPushButton(self.tr("Remove step"), self)
        self.remove_button.setObjectName("remove_step")
        self.remove_button.clicked.connect(self.remove_step)
        hint = QLabel(self.tr("Saved within the hour after assessment, the plan meets the "
                              "level-2 \"handling plan\" target. Each step is carried out "
                              "on the ticket's timeline."), self)
        hint.setWordWrap(True)
        edits = QHBoxLayout()
        edits.addWidget(self.add_button)
        edits.addWidget(self.remove_button)
        edits.addStretch(1)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save, self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.steps, 1)
        layout.addLayout(edits)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        submit_on_ctrl_enter(self, self.submit)
        if plan is not None:
            self.summary.setText(plan.summary)
            for step in plan.steps:
                self.add_step(step.text, step.owner_id, step.planned_at)
        else:
            self.add_step()
        self.resize(820, 420)

    def add_step(self, text: str = "", owner_id: str | None = None,
                 planned: datetime | None = None) -> None:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        edit = QLineEdit(text, self.steps)
        edit.setObjectName(f"step_text_{row}")
        self.steps.setCellWidget(row, TEXT, edit)
        owner = QComboBox(self.steps)
        owner.addItem("—", None)
        for member in self._staff:
            owner.addItem(member.name, member.id)
        owner.setCurrentIndex(max(owner.findData(owner_id), 0) if owner_id else 0)
        self.steps.setCellWidget(row, OWNER, owner)
        when = QDateTimeEdit(to_qt(planned or self._now + timedelta(hours=1 + row),
                                   self._zone), self.steps)
        when.setDisplayFormat("yyyy-MM-dd HH:mm")
        when.setCalendarPopup(True)
        self.steps.setCellWidget(row, PLANNED, when)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_empty(self) -> None:
        self.add_step()

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row < 0:
            row = self.steps.rowCount() - 1
        if row >= 0:
            self.steps.removeRow(row)

    def drafts(self) -> list[StepDraft]:
        found = []
        for row in range(self.steps.rowCount()):
            text = self.steps.cellWidget(row, TEXT)
            owner = self.steps.cellWidget(row, OWNER)
            when = self.steps.cellWidget(row, PLANNED)
            assert isinstance(text, QLineEdit) and isinstance(owner, QComboBox) \
                and isinstance(when, QDateTimeEdit)
            found.append(StepDraft(text.text(), owner.currentData(),
                                   from_qt(when.dateTime(), self._zone)))
        return found

    def submit(self) -> None:
        if self._save(self.summary.text(), self.drafts()):
            self.accept()
