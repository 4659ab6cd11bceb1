"""File > Official holidays…: an administrator enters a year's State Council notice once
(issue 16) - holidays and make-up working days, by pasting the notice or the dates - for a
year the holiday library does not know yet. Saved to the synced ``sla_holiday_years``;
every desk and the escalation service then count business hours with it, and the
deadlines falling in it stop being marked as estimated.

Signals:
    year_saved(int): a year's days were saved (the desk recomputes its running targets).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.sla.holiday_years import (
    YearInvalid,
    YearIssue,
    YearProblem,
    dates_in,
    entered_years,
    library_knows,
    parse_notice,
    save_year,
)
from ui.context import DeskContext


class HolidaysDialog(QDialog):
    year_saved = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.domain.roles import Capability

        self.setWindowTitle(self.tr("Official holidays"))
        self._context = context
        self.editable = context.may(Capability.MANAGE_SLA)
        today = context.clock.now().astimezone(context.time_zone).date()
        self.year = QSpinBox(self)
        self.year.setRange(today.year - 1, today.year + 5)
        self.year.setValue(self._first_unknown(today.year))
        self.year.valueChanged.connect(self._load)
        self.state = QLabel(self)
        self.state.setObjectName("year_state")
        self.state.setWordWrap(True)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. 国务院办公厅关于2027年部分节假日安排的通知"))
        self.notice = QPlainTextEdit(self)
        self.notice.setPlaceholderText(self.tr(
            "Paste the notice here, then read the dates from it: sentences with 放假 name "
            "holidays, sentences with 上班 name make-up working days."))
        self.read_button = QPushButton(self.tr("Read the dates"), self)
        self.read_button.setObjectName("read_dates")
        self.read_button.clicked.connect(self.read_notice)
        self.holidays = QPlainTextEdit(self)
        self.holidays.setObjectName("holidays")
        self.workdays = QPlainTextEdit(self)
        self.workdays.setObjectName("workdays")
        for edit in (self.holidays, self.workdays):
            edit.setPlaceholderText(self.tr("One date or range a line: 2027-02-15 ~ 2027-02-23"))
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._build()
        for widget in (self.title, self.notice, self.read_button, self.holidays, self.workdays,
                       self.save_button):
            widget.setEnabled(self.editable)
        self._load()
        self.resize(760, 620)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Year:"), self.year)
        form.addRow("", self.state)
        form.addRow(self.tr("Notice:"), self.title)
        lists = QGridLayout()
        lists.addWidget(QLabel(self.tr("Public holidays (closed):"), self), 0, 0)
        lists.addWidget(QLabel(self.tr("Make-up working days (调休上班):"), self), 0, 1)
        lists.addWidget(self.holidays, 1, 0)
        lists.addWidget(self.workdays, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice, 1)
        layout.addWidget(self.read_button)
        layout.addLayout(lists, 2)
        if not self.editable:
            layout.addWidget(QLabel(self.tr("Only an administrator can enter official "
                                            "holidays. The page is read-only."), self))
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    def _first_unknown(self, year: int) -> int:
        entered = entered_years(self._context.reader)
        for candidate in (year, year + 1):
            if candidate not in entered and not library_knows(candidate):
                return candidate
        return year + 1

    @Slot()
    def _load(self) -> None:
        year = self.year.value()
        found = entered_years(self._context.reader).get(year)
        if found is not None:
            self.state.setText(self.tr("Entered from the notice: deadlines in %1 count with "
                                       "these days.").replace("%1", str(year)))
            self.title.setText(found.notice)
            self.holidays.setPlainText("\n".join(d.isoformat() for d in sorted(found.holidays)))
            self.workdays.setPlainText("\n".join(d.isoformat() for d in sorted(found.workdays)))
        else:
            text = self.tr("The holiday library knows %1; days entered here win over it.") \
                if library_knows(year) else self.tr(
                    "Nobody knows the official days of %1 yet: its business-hours deadlines "
                    "count Monday to Friday and are marked as estimated.")
            self.state.setText(text.replace("%1", str(year)))
            self.title.clear()
            self.holidays.clear()
            self.workdays.clear()
        self._show([])

    @Slot()
    def read_notice(self) -> None:
        """Fill both lists from the pasted notice (the administrator checks them)."""
        holidays, workdays, bad = parse_notice(self.notice.toPlainText(), self.year.value())
        self.holidays.setPlainText("\n".join(d.isoformat() for d in holidays))
        self.workdays.setPlainText("\n".join(d.isoformat() for d in workdays))
        self._show([YearIssue(YearProblem.UNREADABLE, piece) for piece in bad])

    def _dates(self, edit: QPlainTextEdit, issues: list[YearIssue]) -> list[date]:
        found: list[date] = []
        for line in edit.toPlainText().splitlines():
            if not line.strip():
                continue
            days, bad = dates_in(line, self.year.value())
            if not days and not bad:
                bad = [line.strip()]
            found += days
            issues += [YearIssue(YearProblem.UNREADABLE, piece) for piece in bad]
        return found

    def _issue_text(self, issue: YearIssue) -> str:
        return {
            YearProblem.NO_HOLIDAYS: self.tr("List at least one public holiday."),
            YearProblem.OUTSIDE_YEAR: self.tr("%1 is not in the year chosen."),
            YearProblem.BOTH: self.tr("%1 is listed both as a holiday and as a working day."),
            YearProblem.WORKDAY_ON_WEEKDAY: self.tr(
                "%1 is a weekday: make-up working days fall on a Saturday or Sunday."),
            YearProblem.UNREADABLE: self.tr("\u201c%1\u201d is not a date."),
        }[issue.problem].replace("%1", issue.detail)

    def _show(self, issues: list[YearIssue]) -> None:
        self.problems.setText("\n".join(self._issue_text(i) for i in issues))
        self.problems.setVisible(bool(issues))

    @Slot()
    def save(self) -> bool:
        """Check and save the year, all of it or nothing; True when saved."""
        if not self.editable:
            return False
        issues: list[YearIssue] = []
        holidays = self._dates(self.holidays, issues)
        workdays = self._dates(self.workdays, issues)
        if issues:
            self._show(issues)
            return False
        context = self._context
        try:
            save_year(context.store(), context.clock, context.seat.staff_id,
                      self.year.value(), holidays, workdays, self.title.text())
        except YearInvalid as error:
            self._show(error.issues)
            return False
        self._show([])
        self.year_saved.emit(self.year.value())
        context.events.records_changed.emit(["sla_holiday_years"])
        self.accept()
        return True
