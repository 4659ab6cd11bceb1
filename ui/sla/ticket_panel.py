"""The SLA panel of the ticket view: every target of the ticket on its own line - state,
deadline, time left or overdue, pauses - not only the nearest one. Times come from the
ticket's history at each tick of the injected clock, so the panel and the queue agree."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from app.sla.clock import RUNNING_STATES, TargetClock
from app.sla.reading import ticket_clocks
from ui.context import DeskContext
from ui.labels import target_label
from ui.sla.delegate import COLORS, format_remaining

TICK_MS = 1000


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
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.render)
        self.reload()

    @Slot(list)
    def on_tickets_changed(self, ticket_ids: list[str]) -> None:
        if self.ticket_id in ticket_ids:
            self.reload()

    def reload(self) -> None:
        """Recompute the clocks from the ticket's history (after any change to it)."""
        self._clocks = ticket_clocks(self._context.reader, self.ticket_id,
                                     self._context.clock.now())
        while len(self.lines) < len(self._clocks) + 1:
            label = QLabel(self)
            label.setWordWrap(True)
            self._layout.addWidget(label)
            self.lines.append(label)
        self.render()
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
