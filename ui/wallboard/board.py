"""The wallboard's face: draws one ``app.wallboard.snapshot.Snapshot`` (and today's figures
per channel) as headline tiles and five small tables. The same widget serves the page and
the full-screen wall display (``wall=True``: dark background, big type).

Signals:
    open_requested(str): a ticket's line was activated (double-click or Enter).
    view_requested(str): a tile was clicked: list its tickets in this queue view.
    figure_requested(str, object): any other figure was clicked (or Enter on it): list the
        tickets behind this ``app.wallboard.drill.Figure``, under this title.
"""

from __future__ import annotations

from datetime import datetime
from time import monotonic
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Level, TicketState
from app.domain.states import OPEN_STATES
from app.wallboard.drill import (
    BREACHED_NOW,
    COUNT,
    FIRST_RESPONSE_MET,
    NOT_PICKED_UP,
    OPEN_TOTAL,
    RESOLUTION_MET,
    SEAT,
    TODAY,
    Figure,
)
from app.wallboard.snapshot import Snapshot
from ui.labels import (
    LEVEL_COLORS,
    channel_label,
    escalation_action_label,
    escalation_outcome_label,
    level_label,
    state_label,
    target_label,
    threshold_label,
)

TICKET_ID = Qt.ItemDataRole.UserRole
FIGURE = Qt.ItemDataRole.UserRole + 1  # the drill.Figure behind a number
_STATE_ORDER = [s for s in TicketState if s in OPEN_STATES]
TILES = ("open", "at_risk", "breached", "unassigned", "not_picked_up")
# The queue view (app.store.queues.View) behind a tile's figure: the same count, listed.
QUEUE_VIEWS = {"at_risk": "at_risk", "breached": "breached", "unassigned": "unassigned"}
# The other tiles list their tickets (no queue view counts them the same way).
TILE_FIGURES = {"open": Figure(OPEN_TOTAL), "not_picked_up": Figure(NOT_PICKED_UP)}
_TILE_COLORS = {"at_risk": "#ef6c00", "breached": "#c62828"}


class Today(NamedTuple):
    """Today's figures: per channel (``app.reports.targets.today_by_channel``, keyed by
    the channel's value), and the calls against the answer target (issue 19)."""

    channels: dict[str, Any]
    phone: Any  # app.reports.phone.PhoneReport: imported when first computed

_WALL_STYLE = """
QWidget#board { background: #10151c; color: #e8eef4; }
QGroupBox { color: #9fb3c8; font-weight: bold; border: 1px solid #2a3644; border-radius: 6px;
            margin-top: 1.2em; padding-top: 0.4em; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QTableWidget { background: #10151c; color: #e8eef4; gridline-color: #2a3644;
               border: none; alternate-background-color: #161d26; }
QHeaderView { background: #1b2430; }
QHeaderView::section { background: #1b2430; color: #9fb3c8; border: none; padding: 4px; }
QLabel { color: #e8eef4; }
QFrame#tile { background: #18212c; border-radius: 8px; }
"""


def waited(since: datetime, now: datetime) -> str:
    """How long a ticket has waited, in the largest two units ("3 d 4 h", "25 min")."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("Wallboard", "%1 d %2 h").replace(
            "%1", str(days)).replace("%2", str(hours))
    if hours:
        return QCoreApplication.translate("Wallboard", "%1 h %2 min").replace(
            "%1", str(hours)).replace("%2", str(mins))
    return QCoreApplication.translate("Wallboard", "%1 min").replace("%1", str(mins))


def share_text(met: int, decided: int) -> str:
    """"93 % (40/43)", or a dash when nothing was decided yet."""
    if not decided:
        return "–"
    return f"{round(100 * met / decided)} % ({met}/{decided})"


def met_text(figures: Any) -> str:
    """A target's share met today from the reports' ``TargetFigures`` (counts SQL left
    empty read as none)."""
    if figures is None:
        return "–"
    met, missed, breached = (figures.met or 0), (figures.missed or 0), (figures.breached or 0)
    return share_text(met, met + missed + breached)


class Tile(QFrame):
    """A headline figure: a big number over its name, clicked to see its tickets (the
    queue view behind it, ``QUEUE_VIEWS``, or the list of ``TILE_FIGURES``).

    Signals:
        clicked(): the tile was clicked.
    """

    clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–", self)
        self.value.setObjectName(f"tile_{name}")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class BoardView(QWidget):
    """Headline tiles, open tickets by state and level, who is on duty, today per channel,
    the oldest waiting tickets and the last escalations."""

    open_requested = Signal(str)
    view_requested = Signal(str)
    figure_requested = Signal(str, object)

    def __init__(self, zone: ZoneInfo, wall: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.wall = wall
        self._zone = zone
        self._snapshot: Snapshot | None = None
        self._today: Today | None = None
        self._today_known = False
        self._last_figure: Figure | None = None
        self._last_at = 0.0
        self.tiles = {name: Tile(name, self) for name in TILES}
        for name, view in QUEUE_VIEWS.items():
            self.tiles[name].clicked.connect(lambda v=view: self.view_requested.emit(v))
        for name, figure in TILE_FIGURES.items():
            self.tiles[name].clicked.connect(
                lambda n=name, f=figure: self.figure_requested.emit(
                    self.tiles[n].caption.text(), f))
        self.stamp = QLabel(self)
        self.stamp.setObjectName("stamp")
        self.title = QLabel(self)
        self.title.setObjectName("board_title")
        # The column of each table that takes the room left (the others fit their text).
        self.counts = self._table("counts", 5, stretch=0)
        self.duty = self._table("duty", 3, stretch=0)
        self.today = self._table("today", 4, stretch=0)
        self.phone_today = QLabel(self, objectName="phone_today")
        self.phone_today.setWordWrap(True)
        self.oldest = self._table("oldest", 6, stretch=2)
        self.escalations = self._table("escalations", 6, stretch=5)
        self.boxes = {name: QGroupBox(self) for name in
                      ("counts", "duty", "today", "oldest", "escalations")}
        self._layout()
        self._style()
        self.retranslate()

    # --- building ----------------------------------------------------------------------

    def _table(self, name: str, columns: int, stretch: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setFocusPolicy(Qt.FocusPolicy.StrongFocus if not self.wall
                             else Qt.FocusPolicy.NoFocus)
        # Sized once per refresh (``_fitted``): with ResizeToContents every setItem measured
        # the whole column again - 25 ms of a refresh for 140 cells.
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        if self.wall:  # nobody scrolls a wall
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.activated.connect(self._activated)
        table.doubleClicked.connect(self._activated)
        table.clicked.connect(self._figure_clicked)
        return table

    def _layout(self) -> None:
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.stamp)
        grid = QGridLayout()
        for (name, table), (row, column, span) in zip(
                ((n, getattr(self, n)) for n in ("counts", "duty", "today", "oldest",
                                                  "escalations")),
                ((0, 0, 1), (0, 1, 1), (0, 2, 1), (1, 0, 1), (1, 1, 2)), strict=True):
            box = self.boxes[name]
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 6, 6, 6)
            inner.addWidget(table)
            if name == "today":
                inner.addWidget(self.phone_today)
            grid.addWidget(box, row, column, 1, span)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)

    def _style(self) -> None:
        base = self.font()
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        scale = 1.6 if self.wall else 1.0
        if self.wall:
            self.setStyleSheet(_WALL_STYLE)
        big = QFont(base)
        big.setPointSizeF(size * (4.2 if self.wall else 2.4))
        big.setBold(True)
        caption = QFont(base)
        caption.setPointSizeF(size * scale)
        for tile in self.tiles.values():
            tile.value.setFont(big)
            tile.caption.setFont(caption)
        title = QFont(base)
        title.setPointSizeF(size * (2.0 if self.wall else 1.3))
        title.setBold(True)
        self.title.setFont(title)
        self.stamp.setFont(caption)
        self.phone_today.setFont(caption)
        table_font = QFont(base)
        table_font.setPointSizeF(size * scale)
        for name in self.boxes:
            table = getattr(self, name)
            table.setFont(table_font)
            table.horizontalHeader().setFont(caption)
            table.verticalHeader().setDefaultSectionSize(int(26 * scale * 1.1))
            self.boxes[name].setFont(caption)
        for name, color in _TILE_COLORS.items():
            self.tiles[name].value.setStyleSheet(f"color: {color};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Wallboard"))
        captions = {"open": self.tr("Open tickets"), "at_risk": self.tr("SLA at risk"),
                    "breached": self.tr("SLA breached"), "unassigned": self.tr("Unassigned"),
                    "not_picked_up": self.tr("Not picked up")}
        for name, text in captions.items():
            self.tiles[name].caption.setText(text)
        self.tiles["not_picked_up"].setToolTip(
            self.tr("Given to a seat who has not started it yet"))
        self.tiles["unassigned"].setToolTip(self.tr("Open tickets nobody holds; click to list "
                                                    "them in the queue"))
        for name in ("at_risk", "breached"):
            self.tiles[name].setToolTip(self.tr("Click to list these tickets in the queue"))
        titles = {"counts": self.tr("Open tickets by state and level"),
                  "duty": self.tr("On duty now"),
                  "today": self.tr("Today per channel (tickets logged today)"),
                  "oldest": self.tr("Oldest waiting tickets"),
                  "escalations": self.tr("Last escalations")}
        for name, text in titles.items():
            self.boxes[name].setTitle(text)
        self.counts.setHorizontalHeaderLabels(
            [self.tr("State"), *(level_label(level) for level in Level), self.tr("Total")])
        self.duty.setHorizontalHeaderLabels(
            [self.tr("Seat"), self.tr("Shift"), self.tr("Open tickets")])
        self.today.setHorizontalHeaderLabels(
            [self.tr("Channel"), self.tr("First response met"), self.tr("Resolution met"),
             self.tr("Breached now")])
        self.oldest.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Level"), self.tr("Title"), self.tr("State"),
             self.tr("Waiting"), self.tr("Assignee")])
        self.escalations.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Ticket"), self.tr("Rule"), self.tr("Action"),
             self.tr("Outcome"), self.tr("Seen by")])
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)
        self._fill_today()

    # --- showing -----------------------------------------------------------------------

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw ``snapshot`` (today's figures keep what ``show_today`` gave last)."""
        self._snapshot = snapshot
        values = {"open": snapshot.open_total, "at_risk": snapshot.at_risk,
                  "breached": snapshot.breached, "unassigned": snapshot.unassigned,
                  "not_picked_up": snapshot.not_picked_up}
        for name, value in values.items():
            self.tiles[name].value.setText(str(value))
        local = snapshot.taken_at.astimezone(self._zone)
        self.stamp.setText(self.tr("As of %1").replace("%1", local.strftime("%Y-%m-%d %H:%M:%S")))
        self._fill_counts(snapshot)
        self._fill_duty(snapshot)
        self._fill_oldest(snapshot)
        self._fill_escalations(snapshot)
        for table in (self.counts, self.duty, self.oldest, self.escalations):
            self._fitted(table)

    def show_today(self, today: Today | None) -> None:
        """Today's figures, or None when they could not be computed."""
        self._today, self._today_known = today, True
        self._fill_today()
        self._fitted(self.today)

    def _cell(self, table: QTableWidget, row: int, column: int, text: str,
              ticket_id: str | None = None, color: str | None = None,
              right: bool = False, figure: Figure | None = None) -> None:
        item = QTableWidgetItem(text)
        if ticket_id is not None:
            item.setData(TICKET_ID, ticket_id)
        if figure is not None:
            item.setData(FIGURE, figure)
            item.setToolTip(self.tr("Click to list these tickets"))
        if color is not None:
            item.setForeground(QColor(color))
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, item)

    @staticmethod
    def _fitted(table: QTableWidget) -> None:
        """Columns as wide as their contents, measured once after a table is filled; the
        stretching one takes the rest (``resizeColumnsToContents`` would fix it too)."""
        header = table.horizontalHeader()
        for column in range(table.columnCount()):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                table.resizeColumnToContents(column)

    def _fill_counts(self, snapshot: Snapshot) -> None:
        table = self.counts
        table.setRowCount(len(_STATE_ORDER) + 1)
        for row, state in enumerate(_STATE_ORDER):
            self._cell(table, row, 0, state_label(state))
            for column, level in enumerate(Level, start=1):
                self._cell(table, row, column,
                           str(snapshot.open_counts.get((state, level), 0)), right=True,
                           figure=Figure(COUNT, state, level))
            self._cell(table, row, 4, str(snapshot.by_state(state)), right=True,
                       figure=Figure(COUNT, state))
        last = len(_STATE_ORDER)
        self._cell(table, last, 0, self.tr("All open"))
        for column, level in enumerate(Level, start=1):
            self._cell(table, last, column, str(snapshot.by_level(level)),
                       color=LEVEL_COLORS[level], right=True, figure=Figure(COUNT, level=level))
        self._cell(table, last, 4, str(snapshot.open_total), right=True,
                   figure=Figure(OPEN_TOTAL))

    def _fill_duty(self, snapshot: Snapshot) -> None:
        table = self.duty
        if snapshot.on_duty is None:
            table.setRowCount(1)
            self._cell(table, 0, 0, self.tr("No published rota covers this moment"))
            table.setItem(0, 1, QTableWidgetItem(""))
            table.setItem(0, 2, QTableWidgetItem(""))
            return
        table.setRowCount(len(snapshot.on_duty))
        for row, seat in enumerate(snapshot.on_duty):
            self._cell(table, row, 0, seat.name)
            shift = seat.shift + (" " + self.tr("(on call)") if seat.on_call else "")
            self._cell(table, row, 1, shift)
            self._cell(table, row, 2, str(seat.open_load), right=True,
                       figure=Figure(SEAT, staff_id=seat.staff_id))

    def _fill_phone(self) -> None:
        """Today's calls answered within the policy's rings (hidden until known)."""
        phone = self._today.phone if self._today else None
        self.phone_today.setVisible(phone is not None and phone.limit is not None)
        if phone is None or phone.limit is None:
            return
        f = phone.totals
        self.phone_today.setText(self.tr("Phone today: no calls") if not f.calls else self.tr(
            "Phone today: %1 of the calls answered within %2 rings; %3 not answered")
            .replace("%1", share_text(f.within, f.judged)).replace("%2", str(phone.limit))
            .replace("%3", str(f.missed + f.abandoned)))
        missed = f.judged - f.within
        self.phone_today.setStyleSheet(f"color: {_TILE_COLORS['breached']};" if missed else "")

    def _fill_today(self) -> None:
        self._fill_phone()
        table = self.today
        if not self._today_known:
            table.setRowCount(1)
            self._cell(table, 0, 0, self.tr("Counting…"))
            return
        if self._today is None:
            table.setRowCount(1)
            self._cell(table, 0, 0, self.tr("Not available"))
            return
        channels = [c for c in Channel if c.value in self._today.channels]
        table.setRowCount(max(1, len(channels)))
        if not channels:
            self._cell(table, 0, 0, self.tr("No tickets logged today"))
            for column in (1, 2, 3):
                table.setItem(0, column, QTableWidgetItem(""))
            return
        for row, channel in enumerate(channels):
            figures = self._today.channels[channel.value]
            first, resolution = figures.first_response, figures.resolution
            self._cell(table, row, 0, channel_label(channel))
            self._cell(table, row, 1, met_text(first), right=True, figure=Figure(
                TODAY, channel=channel.value, target=FIRST_RESPONSE_MET))
            self._cell(table, row, 2, met_text(resolution), right=True, figure=Figure(
                TODAY, channel=channel.value, target=RESOLUTION_MET))
            breached = sum(f.breached or 0 for f in (first, resolution) if f is not None)
            self._cell(table, row, 3, str(breached), right=True,
                       color=_TILE_COLORS["breached"] if breached else None,
                       figure=Figure(TODAY, channel=channel.value, target=BREACHED_NOW))

    def _fill_oldest(self, snapshot: Snapshot) -> None:
        table = self.oldest
        table.setRowCount(len(snapshot.oldest))
        for row, ticket in enumerate(snapshot.oldest):
            self._cell(table, row, 0, ticket.number, ticket.id)
            self._cell(table, row, 1, level_label(ticket.level), ticket.id,
                       LEVEL_COLORS[ticket.level])
            self._cell(table, row, 2, ticket.title, ticket.id)
            self._cell(table, row, 3, state_label(ticket.state), ticket.id)
            self._cell(table, row, 4, waited(ticket.created_at, snapshot.taken_at), ticket.id,
                       right=True)
            self._cell(table, row, 5, ticket.assignee or self.tr("nobody"), ticket.id)

    def _fill_escalations(self, snapshot: Snapshot) -> None:
        table = self.escalations
        table.setRowCount(len(snapshot.escalations))
        for row, line in enumerate(snapshot.escalations):
            when = line.at.astimezone(self._zone).strftime("%m-%d %H:%M")
            self._cell(table, row, 0, when, line.ticket_id)
            self._cell(table, row, 1, line.number, line.ticket_id)
            self._cell(table, row, 2, f"{target_label(line.kind)} · "
                       f"{threshold_label(line.threshold)}", line.ticket_id)
            self._cell(table, row, 3, escalation_action_label(line.action), line.ticket_id)
            self._cell(table, row, 4, escalation_outcome_label(line.outcome), line.ticket_id,
                       _TILE_COLORS["at_risk"] if line.outcome == "pending" else None)
            if line.acknowledged_by:
                seen = self.tr("acknowledged: %1").replace("%1", ", ".join(line.acknowledged_by))
            elif line.delivered_to:
                seen = self.tr("shown to: %1").replace("%1", ", ".join(line.delivered_to))
            else:
                seen = ""
            self._cell(table, row, 5, seen, line.ticket_id)

    @Slot(object)
    def _activated(self, index: Any) -> None:
        ticket_id = index.data(TICKET_ID)
        if ticket_id:
            self.open_requested.emit(str(ticket_id))
        else:
            self._figure_clicked(index)

    @Slot(object)
    def _figure_clicked(self, index: Any) -> None:
        """A number was clicked (or Enter on it): the tickets it counts, titled by its row
        and column ("In progress · Level 2: 7")."""
        figure = index.data(FIGURE)
        if not isinstance(figure, Figure):
            return
        # A double-click also clicks (and may activate): one list, not two or three.
        moment = monotonic()
        if self._last_figure == figure and moment - self._last_at < 0.6:
            return
        self._last_figure, self._last_at = figure, moment
        model = index.model()
        row = str(model.index(index.row(), 0).data() or "")
        column = str(model.headerData(index.column(), Qt.Orientation.Horizontal) or "")
        self.figure_requested.emit(f"{row} · {column}: {index.data()}", figure)
