"""Declaring a level-1 emergency: a plan from the library (those for the ticket's category
first), the senior expert who leads it, a person for each of the plan's named roles, and
the steps the plan will put on the ticket."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QWidget,
)

from app.domain.enums import Seniority
from app.domain.people import StaffMember
from app.process.library import EmergencyPlan
from ui.dialogs import dialog_buttons


class EmergencyDialog(QDialog):
    def __init__(self, plans: Sequence[EmergencyPlan], staff: Sequence[StaffMember],
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Level-1 emergency"))
        self._plans, self._staff, self._language = list(plans), list(staff), language
        self.plan = QComboBox(self)
        self.plan.setObjectName("plan")
        for plan in self._plans:
            self.plan.addItem(plan.name(language), plan.code)
        self.expert = QComboBox(self)
        self.expert.setObjectName("expert")
        for member in self._staff:
            if member.seniority >= Seniority.SENIOR_EXPERT:
                self.expert.addItem(member.name, member.id)
        self.roles: dict[str, QComboBox] = {}
        self.steps = QListWidget(self)
        self.steps.setObjectName("plan_steps")
        self._form = QFormLayout(self)
        hint = QLabel(self.tr("Every desk shows the emergency until the ticket is resolved. "
                              "The senior expert is assigned the ticket."), self)
        hint.setWordWrap(True)
        self._form.addRow(hint)
        self._form.addRow(self.tr("Emergency plan"), self.plan)
        self._form.addRow(self.tr("Senior expert"), self.expert)
        self._roles_at = self._form.rowCount()
        self._form.addRow(self.tr("Steps"), self.steps)
        self._form.addRow(dialog_buttons(self, QDialogButtonBox.StandardButton.Ok,
                                         self.submit))
        self.plan.currentIndexChanged.connect(self._show_plan)
        self._show_plan()
        self.resize(560, 520)

    def chosen(self) -> EmergencyPlan:
        return self._plans[max(self.plan.currentIndex(), 0)]

    def _show_plan(self) -> None:
        for combo in self.roles.values():
            self._form.removeRow(combo)
        self.roles.clear()
        plan = self.chosen()
        for offset, role in enumerate(r for r in plan.roles if r.code != "expert"):
            combo = QComboBox(self)
            combo.setObjectName(f"role_{role.code}")
            combo.addItem("—", None)
            for member in self._staff:
                combo.addItem(member.name, member.id)
            self._form.insertRow(self._roles_at + offset, role.name(self._language), combo)
            self.roles[role.code] = combo
        self.steps.clear()
        names = {role.code: role.name(self._language) for role in plan.roles}
        for number, step in enumerate(plan.steps, 1):
            self.steps.addItem(f"{number}. {step.text(self._language)} "
                               f"({names.get(step.role, step.role)}, +{step.minutes} min)")

    def submit(self) -> None:
        if self.expert.currentData() is None:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("No senior expert is in service: a level-1 "
                                        "emergency needs one to lead it."))
            return
        self.accept()

    def answer(self) -> tuple[str, str, dict[str, str | None]]:
        return (self.chosen().code, str(self.expert.currentData()),
                {code: combo.currentData() for code, combo in self.roles.items()})
