"""The countdown in a queue row: remaining time, colour by state, a thin progress bar."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from app.domain.clock import Clock
from app.sla.running import RunningTarget, from_ms, to_ms
from ui.sla.board import SlaBoard

COLORS = {"ok": "#2e7d32", "at_risk": "#c77700", "breached": "#c62828", "paused": "#6b7280"}


def most_urgent(targets: list[RunningTarget]) -> RunningTarget | None:
    """The target to show in one cell: the nearest deadline; paused ones last."""
    if not targets:
        return None
    return min(targets, key=lambda t: (t.deadline_ms is None, t.deadline_ms or 0))


def format_remaining(ms: int) -> str:
    """"12:34", "3h 05m", "2d 4h"; a minus sign when overdue."""
    sign, seconds = ("-" if ms < 0 else ""), abs(ms) // 1000
    if seconds < 3600:
        return f"{sign}{seconds // 60}:{seconds % 60:02d}"
    if seconds < 86400:
        return f"{sign}{seconds // 3600}h {seconds % 3600 // 60:02d}m"
    return f"{sign}{seconds // 86400}d {seconds % 86400 // 3600}h"


def state_at(target: RunningTarget, now_ms: int) -> str:
    """The state at this very moment (the index's state lags up to one monitor pass)."""
    if target.deadline_ms is None:
        return "paused" if target.state == "ok" or target.paused else target.state
    if now_ms >= target.deadline_ms:
        return "breached"
    if target.at_risk_ms is not None and now_ms >= target.at_risk_ms:
        return "at_risk"
    return "ok"


def estimated_text(deadline: datetime, zone: ZoneInfo) -> str:
    """What a deadline counted through a year without official holidays says (issue 16)."""
    return QCoreApplication.translate(
        "CountdownDelegate", "estimated: the official holidays of %1 are not entered yet "
        "(File > Official holidays…)").replace("%1", str(deadline.astimezone(zone).year))


class CountdownDelegate(QStyledItemDelegate):
    """Paints the most urgent running target of the row's ticket (id in UserRole)."""

    def __init__(self, board: SlaBoard, clock: Clock, parent: object = None,
                 zone: ZoneInfo | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._board = board
        self._clock = clock
        self._zone = zone or ZoneInfo("Asia/Shanghai")
        self.now: datetime | None = None  # set once per tick: every cell shows one instant

    def tooltip(self, ticket_id: str | None) -> str:
        """Every running target of the row's ticket, nearest deadline first, each with its
        deadline and whether that deadline is an estimate (issue 16)."""
        from ui.labels import target_label

        targets = self._board.targets(ticket_id) if ticket_id else None
        lines: list[str] = []
        for target in sorted(targets or [], key=lambda t: (t.deadline_ms is None,
                                                           t.deadline_ms or 0)):
            if target.deadline_ms is None:
                lines.append(QCoreApplication.translate("CountdownDelegate", "%1: paused")
                             .replace("%1", target_label(target.kind)))
                continue
            deadline = from_ms(target.deadline_ms)
            line = QCoreApplication.translate("CountdownDelegate", "%1: due %2").replace(
                "%1", target_label(target.kind)).replace(
                "%2", deadline.astimezone(self._zone).strftime("%Y-%m-%d %H:%M"))
            if target.estimated:
                line += f" ({estimated_text(deadline, self._zone)})"
            lines.append(line)
        return "\n".join(lines)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 (Qt)
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip(index.data(Qt.ItemDataRole.UserRole))
            if text:
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        ticket_id = index.data(Qt.ItemDataRole.UserRole)
        targets = self._board.targets(ticket_id) if ticket_id else None
        target = most_urgent(targets or [])
        if target is None:
            return
        now_ms = to_ms(self.now or self._clock.now()) or 0
        state = state_at(target, now_ms)
        color = QColor(COLORS.get(state, COLORS["ok"]))
        budget_ms = target.budget_s * 1000
        if target.deadline_ms is None:
            text = QCoreApplication.translate("CountdownDelegate", "paused")
            used = 0.0
        else:
            remaining = target.deadline_ms - now_ms
            text = format_remaining(remaining)
            used = 1.0 if budget_ms <= 0 else min(1.0, max(0.0, 1 - remaining / budget_ms))
        rect: QRect = option.rect.adjusted(4, 2, -4, -5)  # type: ignore[attr-defined]
        painter.save()
        # Asked of the view, not of option.state: reading that flag makes PySide build every
        # enum of QStyle (~15 ms), and this delegate paints the first page at start-up.
        view = option.widget  # type: ignore[attr-defined]
        selected = view is not None and view.selectionModel() is not None \
            and view.selectionModel().isSelected(index)
        painter.setPen(option.palette.highlightedText().color() if selected  # type: ignore[attr-defined]
                       else color)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         text)
        bar = QRect(rect.left(), option.rect.bottom() - 3,  # type: ignore[attr-defined]
                    rect.width(), 2)
        painter.fillRect(bar, QColor("#e5e7eb"))
        painter.fillRect(QRect(bar.left(), bar.top(), round(bar.width() * used), 2), color)
        painter.restore()
