"""The editable lists of the SLA policy page: target rules, escalation rules and the
calendar override table. Each edits value objects of ``app.sla`` and gives them back;
checking them is the policy's own business (``app.sla.problems``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Level
from app.sla.admin import CalendarOverride
from app.sla.escalation import Action, Escalation
from app.sla.policy import CalendarName, Rule, TargetKind
from app.sla.problems import Issue, PolicyInvalid, read_percentages
from app.sla.thresholds import AT_RISK, BREACHED, parse, used
from ui.labels import channel_label, level_label, target_label
from ui.sla.policy_texts import MOMENTS, action_label, moment_label

Choices = Sequence[tuple[str, Any]]
MAX_MINUTES = 366 * 24 * 60


def combo(parent: QWidget, choices: Choices, current: Any) -> QComboBox:
    box = QComboBox(parent)
    for text, value in choices:
        box.addItem(text, value)
    # Compared in Python: "any" is None, which Qt's findData does not match.
    box.setCurrentIndex(next((i for i, (_text, value) in enumerate(choices)
                              if value == current), 0))
    return box


def line(text: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setCursorPosition(0)  # show the start of a long note, not its end
    return edit


def spin(parent: QWidget, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class RowsEditor(QWidget):
    """A table of rows made of editor widgets, with Add and Remove buttons."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # An explicit context: self.tr() in a subclass would look under its own name.
        self.add_button = QPushButton(QCoreApplication.translate("RowsEditor", "Add"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("RowsEditor", "Remove"),
                                         self)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.show()

    def new_row(self, widgets: list[QWidget]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, widget in enumerate(widgets):
            self.table.setCellWidget(row, column, widget)
        return row

    def cell(self, row: int, column: int) -> Any:
        return self.table.cellWidget(row, column)

    def fill(self, items: Sequence[Any]) -> None:
        self.table.setRowCount(0)
        for item in items:
            self.add(item)

    def add(self, item: Any) -> None:
        raise NotImplementedError

    def fit(self, stretch: int) -> None:
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    @Slot()
    def remove_current(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    @Slot()
    def _add_clicked(self) -> None:
        self.add_blank()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def add_blank(self) -> None:
        raise NotImplementedError


class RulesEditor(RowsEditor):
    """Targets: kind x level x type x channel -> minutes (the phone's answer: rings),
    calendar, warnings, note."""

    def __init__(self, types: Choices, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Target"), self.tr("Level"), self.tr("Type"),
                          self.tr("Channel"), self.tr("Time"), self.tr("Calendar"),
                          self.tr("Warnings (% used)"), self.tr("Note")], parent)
        anything = self.tr("Any")
        self._kinds = [(target_label(k), str(k)) for k in TargetKind]
        self._levels = [(anything, None), *((level_label(v), int(v)) for v in Level)]
        self._types = [(anything, None), *types]
        self._channels = [(anything, None), *((channel_label(c), str(c)) for c in Channel)]
        self._calendars = [(self.tr("24x7"), str(CalendarName.ROUND_THE_CLOCK)),
                           (self.tr("Business hours"), str(CalendarName.BUSINESS))]

    def load(self, rules: Sequence[Rule]) -> None:
        self.fill(rules)
        self.fit(7)

    def add(self, rule: Rule) -> None:
        t = self.table
        warnings = line(", ".join(str(p) for p in rule.warnings), t)
        warnings.setPlaceholderText(self.tr("e.g. 70, 80, 90"))
        kind, amount = combo(t, self._kinds, str(rule.kind)), spin(t, 0, MAX_MINUTES,
                                                                   rule.minutes)
        self.new_row([kind, combo(t, self._levels, rule.level),
                      combo(t, self._types, rule.type_code),
                      combo(t, self._channels, rule.channel), amount,
                      combo(t, self._calendars, str(rule.calendar)), warnings,
                      line(rule.note, t)])

        def unit() -> None:
            # The phone's answer target counts rings, every other target minutes.
            amount.setSuffix(self.tr(" rings") if kind.currentData() == TargetKind.ANSWER
                             else self.tr(" min"))

        kind.currentIndexChanged.connect(unit)
        unit()

    def add_blank(self) -> None:
        self.add(Rule(TargetKind.RESOLUTION, 60))

    def rules(self, issues: list[Issue]) -> tuple[Rule, ...]:
        """The rules as edited; unreadable warnings go to ``issues``."""
        result = []
        for row in range(self.table.rowCount()):
            try:
                warnings = read_percentages(self.cell(row, 6).text(), row)
            except PolicyInvalid as error:
                issues.extend(error.issues)
                warnings = ()
            result.append(Rule(
                TargetKind(self.cell(row, 0).currentData()), self.cell(row, 4).value(),
                self.cell(row, 1).currentData(), self.cell(row, 2).currentData(),
                self.cell(row, 3).currentData(), CalendarName(self.cell(row, 5).currentData()),
                self.cell(row, 7).text().strip(), warnings))
        return tuple(result)


def moment_of(threshold: str) -> tuple[str, int]:
    """The page's (moment, value) for a threshold code."""
    mark = parse(threshold)
    if threshold in (AT_RISK, BREACHED) or mark is None:
        return (threshold if threshold in MOMENTS else BREACHED), 0
    if mark.share is not None and mark.share < 1:
        return "used", round(mark.share * 100)
    return ("after" if mark.minutes > 0 else "before"), abs(mark.minutes)


def threshold_of(moment: str, value: int) -> str:
    """The threshold code for the page's (moment, value); a zero keeps the code invalid so
    the check says so instead of silently meaning the deadline."""
    if moment == "used":
        return used(value)
    if moment in ("before", "after"):
        return f"due{'-' if moment == 'before' else '+'}{value}m"
    return moment


class EscalationsEditor(RowsEditor):
    """Escalation rules: target, moment (share used, deadline, offset), action, detail."""

    def __init__(self, teams: Choices, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Target"), self.tr("When"), self.tr("Value"),
                          self.tr("Action"), self.tr("Senior group"),
                          self.tr("Webhook address")], parent)
        self._kinds = [(self.tr("Any"), None), *((target_label(k), str(k)) for k in TargetKind)]
        self._moments = [(moment_label(m), m) for m in MOMENTS]
        self._actions = [(action_label(str(a)), str(a)) for a in Action]
        self._teams = [(self.tr("(none)"), ""), *teams]

    def load(self, escalations: Sequence[Escalation]) -> None:
        self.fill(escalations)
        self.fit(5)

    def add(self, escalation: Escalation) -> None:
        t = self.table
        moment, amount = moment_of(escalation.threshold)
        when, value = combo(t, self._moments, moment), spin(t, 0, MAX_MINUTES, amount)
        action = combo(t, self._actions, str(escalation.action))
        team, url = combo(t, self._teams, escalation.team), line(escalation.url, t)
        url.setPlaceholderText("https://")
        self.new_row([combo(t, self._kinds, escalation.kind), when, value, action, team, url])

        def follow() -> None:
            value.setEnabled(when.currentData() in ("used", "before", "after"))
            team.setEnabled(action.currentData() == Action.REASSIGN)
            url.setEnabled(action.currentData() == Action.WEBHOOK)

        when.currentIndexChanged.connect(follow)
        action.currentIndexChanged.connect(follow)
        follow()

    def add_blank(self) -> None:
        self.add(Escalation(Action.NOTIFY_SUPERVISOR, BREACHED, str(TargetKind.RESOLUTION)))

    def escalations(self) -> tuple[Escalation, ...]:
        result = []
        for row in range(self.table.rowCount()):
            action = Action(self.cell(row, 3).currentData())
            result.append(Escalation(
                action, threshold_of(self.cell(row, 1).currentData(), self.cell(row, 2).value()),
                self.cell(row, 0).currentData(),
                self.cell(row, 5).text().strip() if action is Action.WEBHOOK else "",
                self.cell(row, 4).currentData() if action is Action.REASSIGN else ""))
        return tuple(result)


class OverridesEditor(RowsEditor):
    """The calendar override table: a date is a working day or a day off, with a note."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__([self.tr("Date"), self.tr("Day"), self.tr("Note")], parent)
        self._today = today
        self._kinds = [(self.tr("Working day"), True), (self.tr("Day off"), False)]

    def load(self, overrides: Sequence[CalendarOverride]) -> None:
        self.fill(overrides)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 150)
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)

    def add(self, override: CalendarOverride) -> None:
        t = self.table
        day = QDateEdit(QDate(override.day.year, override.day.month, override.day.day), t)
        day.setCalendarPopup(True)
        day.setDisplayFormat("yyyy-MM-dd")
        self.new_row([day, combo(t, self._kinds, override.working), line(override.note, t)])

    def add_blank(self) -> None:
        self.add(CalendarOverride(self._today, False))

    def overrides(self) -> list[CalendarOverride]:
        result = []
        for row in range(self.table.rowCount()):
            picked = self.cell(row, 0).date()
            result.append(CalendarOverride(date(picked.year(), picked.month(), picked.day()),
                                           bool(self.cell(row, 1).currentData()),
                                           self.cell(row, 2).text()))
        return result
