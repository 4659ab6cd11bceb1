"""SLA policies for administrators (File > SLA policies…): targets, at-risk share,
escalation rules, the business hours and calendar override table, and the version history.

Saving writes a new policy version valid from now (tickets already logged keep theirs)
and the override table, in one transaction, or nothing at all when a value is wrong; the
problems are listed in the page. On a desk signed in to a sync server only an
administrator's account may save; everyone else sees the page read-only.

Signals:
    policy_saved(object): saved; carries the new version number, or None when only the
        calendar overrides changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.sla.admin import (
    PolicyVersion,
    calendar_overrides,
    policy_versions,
    save_policy,
)
from app.sla.policy import Policy
from app.sla.problems import Issue, PolicyInvalid, override_issues
from ui.context import DeskContext
from ui.sla.hours_editor import HoursEditor
from ui.sla.policy_tables import EscalationsEditor, OverridesEditor, RulesEditor
from ui.sla.policy_texts import issue_text


class PolicyDialog(QDialog):
    policy_saved = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SLA policies"))
        self._context = context
        from app.domain.roles import Capability

        self.editable = context.may(Capability.MANAGE_SLA)
        self._versions = policy_versions(context.reader)
        current = self._versions[-1].policy
        language = "name_zh" if context.language.startswith("zh") else "name_en"
        types = [(str(name), str(code)) for code, name in context.reader.execute(
            f"SELECT code, {language} FROM ticket_types WHERE deleted = 0 ORDER BY position")]
        teams = [(str(name), str(code)) for code, name in context.reader.execute(
            f"SELECT code, {language} FROM teams WHERE deleted = 0 ORDER BY code")]

        self.share = QDoubleSpinBox(self)
        self.rules = RulesEditor(types, self)
        targets = self._targets_tab(current)

        self.escalations = EscalationsEditor(teams, self)
        self.escalations.load(current.escalations)
        self.escalations.set_hint(self.tr(
            "Each rule acts when its target reaches the moment: a share of the time used, "
            "the deadline, or minutes before or past it (counted in the target's calendar, "
            "so pauses move it too). Every moment also raises a notification on the desk."))
        today = context.clock.now().astimezone(context.time_zone).date()
        self.overrides = OverridesEditor(today, self)
        self.overrides.load(calendar_overrides(context.reader))
        self.overrides.set_hint(self.tr(
            "Days listed here win over the official holidays and make-up working days for "
            "business-hours targets; they apply to every ticket, whatever its version."))
        self.hours = HoursEditor(self)
        self.hours.load(current.hours)
        self.history = self._history_table(self._versions)

        self.escalations.layout().setContentsMargins(9, 9, 9, 9)  # a tab page: a margin
        calendar = QWidget(self)
        box = QVBoxLayout(calendar)
        box.addWidget(self.hours)
        box.addWidget(self.overrides, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(targets, self.tr("Targets"))
        self.tabs.addTab(self.escalations, self.tr("Escalations"))
        self.tabs.addTab(calendar, self.tr("Calendar"))
        self.tabs.addTab(self.history, self.tr("Versions"))
        self._build_footer()
        for editor in (self.share, self.rules, self.escalations, self.hours, self.overrides):
            editor.setEnabled(self.editable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.resize(1060, 620)

    def _targets_tab(self, current: Policy) -> QWidget:
        self.share.setRange(0, 100)
        self.share.setDecimals(1)
        self.share.setSuffix(" %")
        self.share.setValue(current.at_risk_share * 100)
        self.share.setMaximumWidth(110)
        self.rules.load(current.rules)
        targets = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("At risk when this share of the time is used:"), self.share)
        hint = QLabel(self.tr("For each target the most specific matching row wins. Warnings "
                              "raise a notification at each share of the time used."), self)
        hint.setWordWrap(True)
        box = QVBoxLayout(targets)
        box.addLayout(form)
        box.addWidget(hint)
        box.addWidget(self.rules, 1)
        return targets

    def _build_footer(self) -> None:
        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.hide()
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setText(
            self.tr("Saving creates version %1, valid from now: tickets logged from then on "
                    "follow it, tickets already logged keep their version.").replace(
                "%1", str(max(v.version for v in self._versions) + 1))
            if self.editable else
            self.tr("Only an administrator's account can change SLA policies on a desk "
                    "signed in to a server. The page is read-only."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(self.editable)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _history_table(self, versions: list[PolicyVersion]) -> QTableWidget:
        table = QTableWidget(len(versions), 6, self)
        table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Valid from"),
                                         self.tr("By"), self.tr("Targets"),
                                         self.tr("Escalations"), self.tr("Business hours")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        zone = self._context.time_zone
        for row, version in enumerate(reversed(versions)):
            since = self._built_in(version.version) if version.valid_from is None else \
                version.valid_from.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            hours = version.policy.hours
            cells = (str(version.version), since, version.author or "—",
                     str(len(version.policy.rules)), str(len(version.policy.escalations)),
                     f"{hours.opens:%H:%M}–{hours.closes:%H:%M} {hours.zone}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        for column, width in enumerate((80, 160, 200, 100, 100)):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _built_in(self, number: int) -> str:
        """The built-in versions: 0 for tickets logged before the cut-over (issue 16)."""
        from app.sla.policy import CUT_OVER, LEGACY_POLICY

        day = CUT_OVER.astimezone(self._context.time_zone).strftime("%Y-%m-%d")
        if number == LEGACY_POLICY.version:
            return self.tr("Built in, tickets before %1").replace("%1", day)
        return self.tr("Built in, from %1").replace("%1", day)

    def _show(self, issues: list[Issue]) -> None:
        self.problems.setText("\n".join(issue_text(issue) for issue in issues))
        self.problems.setVisible(bool(issues))

    @Slot()
    def save(self) -> bool:
        """Check everything, then save all of it or nothing; True when saved."""
        if not self.editable:  # the button is disabled; a shortcut must not get round it
            return False
        issues: list[Issue] = []
        rules = self.rules.rules(issues)
        policy = None
        try:
            policy = Policy(self._versions[-1].version + 1, rules,
                            self.share.value() / 100, self.escalations.escalations(),
                            self.hours.hours())
        except PolicyInvalid as error:
            issues += error.issues
        overrides = self.overrides.overrides()
        issues += override_issues(o.day for o in overrides)
        if issues or policy is None:
            self._show(issues)
            return False
        context = self._context
        saved = save_policy(context.store(), context.clock, context.seat.staff_id, policy,
                            overrides)
        self._show([])
        self.policy_saved.emit(saved.version)
        self.accept()
        return True
