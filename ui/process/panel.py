"""The handling process beside a ticket (issue 16): its plan and steps, where verification
(level 2), analysis and review (level 3) stand, and the actions the seat's role may take:

- Handling plan… (Ctrl+Shift+P, level 2): write or edit the plan;
- Step done (Ctrl+Shift+D): the step chosen in the list is carried out;
- Verify… (Ctrl+Shift+V, level 2, resolved): the technical lead's verdict;
- Review… (Ctrl+Shift+R, level 3, resolved or closed): the senior engineer's verdict;
- Analysis… (Ctrl+Shift+A, level 3): the seat's analysis and planned time;
- Emergency… (Ctrl+Shift+E, level 1): the emergency plan from the library.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Level, TicketState
from app.domain.roles import Capability
from app.process.reading import Plan, analysis_of, needs_verification, plans_of, verdicts
from app.process.service import Process
from ui.context import DeskContext

if TYPE_CHECKING:
    from ui.ticket.window import TicketWindow

S = TicketState
PROCESS_TABLES = frozenset({"process_plans", "process_plan_steps", "process_verifications",
                            "process_reviews", "process_analyses"})


class ProcessPanel(QGroupBox):
    def __init__(self, context: DeskContext, window: TicketWindow) -> None:
        super().__init__(window)
        self.setObjectName("process_panel")
        self.setTitle(self.tr("Handling process"))
        self._context, self._window = context, window
        self.status = QLabel(self)
        self.status.setObjectName("process_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.steps = QTreeWidget(self)
        self.steps.setObjectName("plan_steps")
        self.steps.setHeaderLabels([self.tr("Step"), self.tr("Owner"), self.tr("Planned"),
                                    self.tr("Done")])
        self.steps.setRootIsDecorated(False)
        self.steps.setColumnWidth(0, 200)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("emergency", self.tr("Emergency…"), "Ctrl+Shift+E", self._emergency),
            ("plan", self.tr("Handling plan…"), "Ctrl+Shift+P", self._plan),
            ("step_done", self.tr("Step done"), "Ctrl+Shift+D", self._step_done),
            ("verify", self.tr("Verify…"), "Ctrl+Shift+V", self._verify),
            ("analysis", self.tr("Analysis…"), "Ctrl+Shift+A", self._analysis),
            ("review", self.tr("Review…"), "Ctrl+Shift+R", self._review),
        ]
        for position, (key, text, keys, slot) in enumerate(specs):
            button = QPushButton(text, self)
            button.setObjectName(f"process_{key}")
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(keys)
            button.clicked.connect(slot)
            self.buttons[key] = button
            grid.addWidget(button, position // 3, position % 3)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.steps, 1)
        layout.addStretch(0)
        layout.addLayout(grid)
        self._plans: list[Plan] = []
        self.refresh()

    # --- showing --------------------------------------------------------------------------

    @Slot(list)
    def on_tickets_changed(self, ticket_ids: list[str]) -> None:
        if self._window.ticket_id in ticket_ids:
            self.refresh()

    @Slot(list)
    def on_records_changed(self, names: list[str]) -> None:
        if PROCESS_TABLES & set(names):
            self.refresh()

    def refresh(self) -> None:
        detail = self._window.detail
        if detail is None:
            self.setEnabled(False)
            return
        reader, ticket = self._context.reader, self._window.ticket_id
        self._plans = plans_of(reader, ticket)
        self._fill_steps()
        lines = [self._plan_line(plan) for plan in self._plans]
        if detail.level == Level.ONE and detail.state not in (S.RESOLVED, S.CLOSED) \
                and not any(p.kind == "emergency" for p in self._plans):
            lines.append(self._red(self.tr("Level 1: declare the emergency and choose its "
                                           "plan (Ctrl+Shift+E).")))
        if detail.level == Level.TWO:
            if not any(p.kind == "handling" for p in self._plans) \
                    and detail.state not in (S.RESOLVED, S.CLOSED):
                lines.append(self._red(self.tr("Level 2: a handling plan is due within the "
                                               "hour (Ctrl+Shift+P).")))
            lines += self._verdict_lines("process_verifications",
                                         self.tr("Verified by %1 on %2"),
                                         self.tr("Not verified by %1 on %2: %3"))
            if needs_verification(reader, ticket):
                lines.append(self._red(self.tr("Waiting for the technical lead's "
                                               "verification before the requester confirms.")))
        if detail.level == Level.THREE:
            found = analysis_of(reader, ticket)
            lines.append(self.tr("Analysis by %1: %2 (planned: %3 min)")
                         .replace("%1", html.escape(found.author))
                         .replace("%2", html.escape(found.analysis))
                         .replace("%3", str(found.planned_minutes)) if found is not None
                         else self.tr("No analysis recorded yet (Ctrl+Shift+A)."))
            lines += self._verdict_lines("process_reviews", self.tr("Reviewed by %1 on %2"),
                                         self.tr("Sent back by %1 on %2: %3"))
        self.status.setText("<br>".join(lines) or "—")
        self._enable(detail.level, detail.state)

    def _plan_line(self, plan: Plan) -> str:
        when = plan.saved_at.astimezone(self._context.time_zone).strftime("%m-%d %H:%M")
        if plan.kind == "emergency":
            return self._red(self.tr("Emergency: %1, led by %2 (%3/%4 steps done)")
                             .replace("%1", html.escape(plan.summary))
                             .replace("%2", html.escape(plan.expert))
                             .replace("%3", str(plan.done))
                             .replace("%4", str(len(plan.steps))))
        return self.tr("Plan by %1 on %2 (%3/%4 steps done): %5") \
            .replace("%1", html.escape(plan.author)).replace("%2", when) \
            .replace("%3", str(plan.done)).replace("%4", str(len(plan.steps))) \
            .replace("%5", html.escape(plan.summary) or "—")

    def _verdict_lines(self, table: str, approved: str, refused: str) -> list[str]:
        lines = []
        zone = self._context.time_zone
        for verdict in verdicts(self._context.reader, self._window.ticket_id, table):
            when = verdict.at.astimezone(zone).strftime("%m-%d %H:%M")
            text = (approved if verdict.approved else refused) \
                .replace("%1", html.escape(verdict.by)).replace("%2", when) \
                .replace("%3", html.escape(verdict.text))
            lines.append(text if verdict.approved else self._red(text))
        return lines

    @staticmethod
    def _red(text: str) -> str:
        return f"<span style='color:#c62828'>{text}</span>"

    def _fill_steps(self) -> None:
        self.steps.clear()
        zone, now = self._context.time_zone, self._context.clock.now()
        for plan in self._plans:
            for step in plan.steps:
                planned = step.planned_at.astimezone(zone).strftime("%m-%d %H:%M") \
                    if step.planned_at else ""
                done = step.done_at.astimezone(zone).strftime("%m-%d %H:%M") \
                    if step.done_at else ""
                item = QTreeWidgetItem([f"{step.position + 1}. {step.text}", step.owner,
                                        planned, done])
                item.setData(0, Qt.ItemDataRole.UserRole, step.id)
                item.setToolTip(0, step.text)
                if step.overdue(now):
                    item.setForeground(2, QColor("#c62828"))
                self.steps.addTopLevelItem(item)
        items = [self.steps.topLevelItem(i) for i in range(self.steps.topLevelItemCount())]
        first_open = next((item for item in items if item is not None and not item.text(3)),
                          None)
        if first_open is not None:
            self.steps.setCurrentItem(first_open)

    def _enable(self, level: Level, state: S) -> None:
        may = self._context.may
        open_states = state not in (S.RESOLVED, S.CLOSED)
        has_emergency = any(p.kind == "emergency" for p in self._plans)
        shown = {"emergency": level == Level.ONE, "plan": level == Level.TWO,
                 "step_done": bool(self._plans), "verify": level == Level.TWO,
                 "analysis": level == Level.THREE, "review": level == Level.THREE}
        allowed = {
            "emergency": may(Capability.WRITE_PLANS) and open_states and not has_emergency,
            "plan": may(Capability.WRITE_PLANS) and open_states,
            "step_done": open_states and self.steps.topLevelItemCount() > 0,
            "verify": may(Capability.VERIFY_RESOLUTIONS) and state == S.RESOLVED,
            "analysis": open_states,
            "review": may(Capability.REVIEW_RESOLUTIONS) and state in (S.RESOLVED, S.CLOSED),
        }
        for key, button in self.buttons.items():
            button.setVisible(shown[key])
            button.setEnabled(allowed[key])
        self.steps.setVisible(bool(self._plans))
        # Without steps the status takes the room, its text at the top.
        self.layout().setStretchFactor(self.status, 0 if self._plans else 1)

    # --- acting ---------------------------------------------------------------------------

    def _process(self) -> Process:
        return Process(self._context.store(), self._context.clock, self._context.signed_in)

    @Slot()
    def _plan(self) -> None:
        from app.process.service import StepDraft
        from app.store.directory import staff
        from ui.process.plan_editor import PlanEditor

        process = self._process()
        current = next((p for p in self._plans if p.kind == "handling"), None)

        def save(summary: str, steps: list[StepDraft]) -> bool:
            return self._window.apply(lambda v: process.save_plan(
                self._window.ticket_id, v, summary, steps))

        editor = PlanEditor(staff(self._context.reader), self._context.time_zone,
                            self._context.clock.now(), current, save, self)
        editor.exec()

    @Slot()
    def _step_done(self) -> None:

        item = self.steps.currentItem()
        if item is None or item.text(3):
            return
        process = self._process()
        step_id = str(item.data(0, Qt.ItemDataRole.UserRole))
        self._window.apply(lambda v: process.step_done(self._window.ticket_id, v, step_id))

    @Slot()
    def _verify(self) -> None:
        from ui.process.dialogs import VerdictDialog

        dialog = VerdictDialog(self.tr("Verify the resolution"),
                               self.tr("Check the result before the requester is asked to "
                                       "confirm. Not verified, the ticket goes back to work "
                                       "with your reason."),
                               self.tr("Verified"), self.tr("Not verified…"), self)
        if dialog.exec() != VerdictDialog.DialogCode.Accepted:
            return
        approved, note = dialog.verdict()
        process = self._process()
        self._window.apply(lambda v: process.verify(self._window.ticket_id, v,
                                                    approved=approved, note=note))

    @Slot()
    def _review(self) -> None:
        review_ticket(self, self._context, self._window.ticket_id, self._window.apply)

    @Slot()
    def _analysis(self) -> None:
        from ui.process.dialogs import AnalysisDialog

        dialog = AnalysisDialog(self)
        if dialog.exec() != AnalysisDialog.DialogCode.Accepted:
            return
        text, minutes = dialog.answer()
        process = self._process()
        self._window.apply(lambda v: process.record_analysis(self._window.ticket_id, v,
                                                             text, minutes))

    @Slot()
    def _emergency(self) -> None:
        from app.process.library import plans_for
        from app.store.directory import staff
        from ui.process.emergency_dialog import EmergencyDialog

        row = self._context.reader.execute(
            "SELECT c.code FROM tickets t JOIN categories c ON c.id = t.category_id "
            "WHERE t.id = ?", (self._window.ticket_id,)).fetchone()
        dialog = EmergencyDialog(plans_for(row[0] if row else ""), staff(self._context.reader),
                                 self._context.language, self)
        if dialog.exec() != EmergencyDialog.DialogCode.Accepted:
            return
        template, expert, roles = dialog.answer()
        process = self._process()
        self._window.apply(lambda v: process.declare_emergency(
            self._window.ticket_id, v, template, expert, roles, self._context.language))


def review_ticket(parent: QWidget, context: DeskContext, ticket_id: str,
                  apply: Callable[[Callable[[int], object]], bool]) -> bool:
    """Ask the senior engineer's verdict on a level-3 result and record it through
    ``apply`` (which passes the ticket's version and reports problems)."""
    from ui.process.dialogs import VerdictDialog

    dialog = VerdictDialog(
        QCoreApplication.translate("ProcessPanel", "Review the result"),
        QCoreApplication.translate(
            "ProcessPanel", "Approve the level-3 result, or send it back with your "
            "findings: the ticket reopens and the findings go to its timeline and to the "
            "reports."),
        QCoreApplication.translate("ProcessPanel", "Approve"),
        QCoreApplication.translate("ProcessPanel", "Send back…"), parent)
    if dialog.exec() != VerdictDialog.DialogCode.Accepted:
        return False
    approved, findings = dialog.verdict()
    process = Process(context.store(), context.clock, context.signed_in)
    return apply(lambda v: process.review(ticket_id, v, approved=approved, findings=findings))
