"""Edit the rota rules: on/off, hard or soft, weight, and the rule's value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.rota.rules import Rule, RuleKind
from ui.dialogs import dialog_buttons
from ui.rota.texts import rule_name

# Rules whose value means something (hours, days, tolerated spread).
WITH_VALUE = {RuleKind.MIN_REST, RuleKind.MAX_CONSECUTIVE_DAYS, RuleKind.MAX_HOURS_WEEK,
              RuleKind.MAX_HOURS_MONTH, RuleKind.FAIR_NIGHTS, RuleKind.FAIR_WEEKENDS,
              RuleKind.FAIR_HOLIDAYS, RuleKind.MIN_CONSECUTIVE_DAYS, RuleKind.MIN_DAYS_OFF,
              RuleKind.MAX_WEEKENDS}


class RulesDialog(QDialog):
    def __init__(self, rules: tuple[Rule, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rota rules"))
        self._rules = rules
        self.table = QTableWidget(len(rules), 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("On"), self.tr("Hard"), self.tr("Weight"),
             self.tr("Value")])
        self.table.verticalHeader().hide()
        self._widgets: list[tuple[QCheckBox, QCheckBox, QSpinBox, QSpinBox]] = []
        for row, rule in enumerate(rules):
            name = QTableWidgetItem(rule_name(rule.kind))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            enabled, hard = QCheckBox(self.table), QCheckBox(self.table)
            enabled.setChecked(rule.enabled)
            hard.setChecked(rule.hard)
            weight, value = QSpinBox(self.table), QSpinBox(self.table)
            weight.setRange(1, 1000)
            weight.setValue(rule.weight)
            value.setRange(0, 400)
            value.setValue(rule.value)
            value.setEnabled(rule.kind in WITH_VALUE)
            weight.setEnabled(not rule.hard)
            hard.toggled.connect(lambda on, w=weight: w.setEnabled(not on))
            for column, widget in enumerate((enabled, hard, weight, value), start=1):
                self.table.setCellWidget(row, column, widget)
            self._widgets.append((enabled, hard, weight, value))
        self.table.resizeColumnsToContents()
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def rules(self) -> tuple[Rule, ...]:
        """The rules as edited."""
        return tuple(
            Rule(rule.kind, hard.isChecked(), weight.value(), value.value(), enabled.isChecked())
            for rule, (enabled, hard, weight, value) in zip(self._rules, self._widgets,
                                                            strict=True))
