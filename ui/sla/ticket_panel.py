"""The SLA panel of the ticket view: every target of the ticket on its own line - state,
deadline, time left or overdue, pauses - not only the nearest one. Times come from the
ticket's history at each tick of the injected clock, so the panel and the queue agree.
Below them, each time the supervisors were notified: to whom it was delivered and who
acknowledged it, when (``app.sla.receipts``), following receipts as they arrive."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.sla.causes import Miss, unexplained
from app.sla.clock import RUNNING_STATES, TargetClock
from app.sla.reading import ticket_clocks
from app.sla.receipts import ACKNOWLEDGED, DELIVERED, SENT, CallRecord, supervisor_calls_of
from ui.context import DeskContext
from ui.labels import target_label, threshold_label
from ui.sla.delegate import COLORS, estimated_text, format_remaining

TICK_MS = 1000
LEDGER_TABLES = frozenset({"sla_escalations", "sla_escalation_receipts"})


def _ms(delta: timedelta) -> int:
    return int(delta / timedelta(milliseconds=1))


class SlaTicketPanel(QGroupBox):
    def __init__(self, context: DeskContext, ticket_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Service levels"))
        self.setObjectName("sla_panel")
        self._context = context
        self.ticket_id = ticket_id
        self._clocks: list[TargetClock] = []
        self.lines: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self.escalations = QLabel(self)
        self.escalations.setObjectName("sla_escalations")
        self.escalations.setWordWrap(True)
        self.escalations.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.escalations)
        self._misses: list[Miss] = []
        self._ask_why = QWidget(self)
        self._ask_why.setObjectName("missed_cause")
        self.why_text = QLabel(self._ask_why)
        self.why_text.setWordWrap(True)
        self.why_text.setStyleSheet(f"color: {COLORS['breached']};")
        self.why_button = QPushButton(self.tr("Say why…"), self._ask_why)
        self.why_button.setObjectName("missed_cause_button")
        self.why_button.clicked.connect(self.ask_why)
        row = QHBoxLayout(self._ask_why)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.why_text, 1)
        row.addWidget(self.why_button)
        self._ask_why.hide()
        self._layout.addWidget(self._ask_why)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.render)
        context.events.records_changed.connect(self.on_records_changed)
        self.reload()

    @Slot(list)
    def on_tickets_changed(self, ticket_ids: list[str]) -> None:
        if self.ticket_id in ticket_ids:
            self.reload()

    @Slot(list)
    def on_records_changed(self, names: list[str]) -> None:
        """Ledger lines or receipts arrived (or this desk wrote a receipt)."""
        if LEDGER_TABLES & set(names):
            self.show_escalations()

    def reload(self) -> None:
        """Recompute the clocks from the ticket's history (after any change to it)."""
        self._clocks = ticket_clocks(self._context.reader, self.ticket_id,
                                     self._context.clock.now())
        while len(self.lines) < len(self._clocks) + 1:
            label = QLabel(self)
            label.setWordWrap(True)
            self._layout.insertWidget(len(self.lines), label)  # above the escalations
            self.lines.append(label)
        self.render()
        self.show_escalations()
        self.show_misses()
        running = any(c.state in RUNNING_STATES for c in self._clocks)
        if running and not self._timer.isActive():
            self._timer.start(TICK_MS)
        elif not running:
            self._timer.stop()

    def render(self) -> None:
        now = self._context.clock.now()
        for label, clock in zip(self.lines, self._clocks, strict=False):
            label.setText(self._line(clock, now))
            label.show()
        for label in self.lines[len(self._clocks):]:
            label.hide()
        if not self._clocks:
            self.lines[0].setText(self.tr("No service-level targets apply to this ticket."))
            self.lines[0].show()

    def _line(self, clock: TargetClock, now: datetime) -> str:
        state, color = self._state(clock, now)
        zone = self._context.time_zone
        parts = [f"<b>{target_label(str(clock.kind))}</b> "
                 f"<span style='color:{color}'>● {state}</span>"]
        if clock.state in RUNNING_STATES and clock.deadline is not None:
            parts.append(self.tr("due %1").replace(
                "%1", clock.deadline.astimezone(zone).strftime("%m-%d %H:%M")))
            if clock.estimated:
                parts.append(f"<i>{html.escape(estimated_text(clock.deadline, zone))}</i>")
            ms = _ms(clock.deadline - now)
            parts.append((self.tr("overdue by %1") if ms < 0 else self.tr("%1 left"))
                         .replace("%1", format_remaining(abs(ms))))
        elif clock.state in RUNNING_STATES:  # paused: the time left stands still
            parts.append(self.tr("%1 left when it resumes").replace(
                "%1", format_remaining(max(0, _ms(clock.remaining)))))
        elif clock.stopped_at is not None:
            parts.append(self.tr("stopped %1").replace(
                "%1", clock.stopped_at.astimezone(zone).strftime("%m-%d %H:%M")))
        paused = sum(((run.end or now) - run.start for run in clock.pauses), timedelta())
        if clock.pauses:
            parts.append(self.tr("paused %n time(s), %1 in all", "", len(clock.pauses))
                         .replace("%1", format_remaining(_ms(paused))))
        if str(clock.kind) == "update":
            parts.append(self.tr("restarts with every update visible to the requester"))
            if clock.missed_windows:
                parts.append(self.tr("%n update window(s) missed", "", clock.missed_windows))
        return " · ".join(parts)

    def show_misses(self) -> None:
        """A missed (or overdue) target asks why until someone says (issue 16)."""
        from app.domain.roles import Capability

        self._misses = unexplained(self._context.reader, self.ticket_id, self._clocks)
        if self._misses:
            # The list separator differs: "a, b" in English, "a、b" in Chinese.
            names = self.tr(", ").join(target_label(m.kind) for m in self._misses)
            self.why_text.setText(self.tr("Missed: %1. Why?").replace("%1", names))
        self.why_button.setEnabled(self._context.may(Capability.WORK_TICKETS))
        self._ask_why.setVisible(bool(self._misses))

    @Slot()
    def ask_why(self) -> None:
        from ui.sla.missed_cause import MissedCauseDialog

        if self._misses:
            MissedCauseDialog(self._context, self.ticket_id, self._misses, self).exec()

    def show_escalations(self) -> None:
        calls = supervisor_calls_of(self._context.reader, self.ticket_id)
        self.escalations.setText("<br>".join(self._call(call) for call in calls))
        self.escalations.setVisible(bool(calls))

    def _call(self, call: CallRecord) -> str:
        zone = self._context.time_zone

        def when(moment: datetime) -> str:
            return moment.astimezone(zone).strftime("%m-%d %H:%M")

        head = self.tr("Supervisors notified (%1 %2, %3)").replace(
            "%1", target_label(call.kind)).replace(
            "%2", threshold_label(call.threshold)).replace("%3", when(call.at))
        parts = [f"<b>{html.escape(head)}</b>"]
        for step, text in ((DELIVERED, self.tr("delivered to %1 %2")),
                           (ACKNOWLEDGED, self.tr("acknowledged by %1 %2"))):
            people = [text.replace("%1", r.staff_name or "?").replace("%2", when(r.at))
                      for r in call.receipts if r.step == step]
            parts += [html.escape(p) for p in people]
        if call.first(ACKNOWLEDGED) is None and call.outcome == SENT:
            waiting = self.tr("not acknowledged yet") if call.receipts \
                else self.tr("not seen by a supervisor yet")
            parts.append(f"<span style='color:{COLORS['at_risk']}'>"
                         f"{html.escape(waiting)}</span>")
        return " · ".join(parts)

    def _state(self, clock: TargetClock, now: datetime) -> tuple[str, str]:
        key = str(clock.state)
        if clock.state in RUNNING_STATES:  # the state moves with the clock between reloads
            if clock.deadline is None:
                key = "paused"
            elif now >= clock.deadline:
                key = "breached"
            elif clock.at_risk_at is not None and now >= clock.at_risk_at:
                key = "at_risk"
            else:
                key = "ok"
        labels = {"ok": self.tr("on track"), "at_risk": self.tr("at risk"),
                  "breached": self.tr("breached"), "met": self.tr("met"),
                  "missed": self.tr("missed"), "paused": self.tr("paused")}
        colors = {**COLORS, "met": "#2e7d32", "missed": "#c62828"}
        return labels[key], colors.get(key, COLORS["ok"])
