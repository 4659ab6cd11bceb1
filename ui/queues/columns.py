"""The queue's columns sized by what they hold and by how much a seat needs them.

On a small screen (1024×700) fixed widths pushed Created and the SLA countdown off the
right edge while a wide category squeezed the title (issue 22). Here every column gets the
width its content asks for (header and the rows loaded, within a cap); when the table is
narrower than that, the least needed columns give way first: they shrink to their minimum,
then hide, until the title keeps ``TITLE_MIN`` and everything shown fits without scrolling.
The title takes whatever is left. Columns the seat hid stay hidden; columns hidden for lack
of room come back when there is room again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from app.domain.enums import Channel, TicketState
from ui.labels import channel_label, state_label
from ui.queues.model import Column

# Most needed first: the number and countdown identify and rank a ticket for a seat on
# shift; the unit and channel are seldom what they look for.
PRIORITY: tuple[Column, ...] = (
    Column.NUMBER, Column.SLA, Column.LEVEL, Column.STATE, Column.CREATED,
    Column.ASSIGNEE, Column.CATEGORY, Column.REQUESTER, Column.TYPE, Column.CHANNEL,
    Column.UNIT)
NEVER_HIDDEN = frozenset({Column.NUMBER, Column.SLA})
TITLE_MIN = 180
# Widths content may ask for at most (longer text is elided, whole in the ticket).
CAP = {Column.TYPE: 130, Column.CATEGORY: 150, Column.REQUESTER: 110, Column.UNIT: 170,
       Column.CHANNEL: 100, Column.STATE: 130, Column.ASSIGNEE: 100}
# Below this a column is no use; fixed-format columns never shrink below their content.
FLOOR = 56
SAMPLED_ROWS = 60  # the rows in view and a little more: 1-2 ms to measure
# Same width on every row (a number, a level, a date): one row says it.
FIXED_FORMAT = frozenset({Column.NUMBER, Column.LEVEL, Column.CREATED})
# Columns of a closed set of labels: measured from the set, not the rows (translating
# each row's label again cost 10 ms a measure).
ENUM_LABELS: dict[Column, Callable[[], list[str]]] = {
    Column.CHANNEL: lambda: [channel_label(c) for c in Channel],
    Column.STATE: lambda: [state_label(s) for s in TicketState],
}
SLA_SAMPLE = "-00:00:00 ⚠"
PADDING = 18  # cell margins and a decoration's gap
HEADER_EXTRA = 26  # the sort arrow beside the header's text


class ColumnFitter(QObject):
    """Keeps ``table``'s columns fitted to its width (see the module's docstring)."""

    def __init__(self, table: QTableView, seat_hidden: Callable[[Column], bool]) -> None:
        super().__init__(table)
        self._table = table
        self._seat_hidden = seat_hidden
        self.wanted: dict[Column, int] = {}
        self.least: dict[Column, int] = {}
        self.squeezed: set[Column] = set()  # hidden for lack of room
        header = table.horizontalHeader()
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(FLOOR // 2)
        # Coalesced: a reset and the resize it causes fit once.
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        model = table.model()
        # Measured again when the rows are replaced (another view, a search, a refresh
        # after a write); rows fetched further down while scrolling keep the widths.
        model.modelReset.connect(self.measure_soon)
        # The table's own resizes, not its viewport's: PySide's first viewport() call costs
        # start-up ~15 ms (ui/sla/__init__.py), and the fit runs after the resize anyway.
        table.installEventFilter(self)
        self._measured = False
        # Measuring waits for the table to show (its first resize): off the start-up path.
        for column in Column:
            header.setSectionHidden(column, seat_hidden(column))

    def measure_soon(self) -> None:
        self._measured = False
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def measure(self) -> None:
        """Each column's wanted and least width from its header and loaded rows."""
        table = self._table
        model = table.model()
        text = getattr(model, "text", None)
        metrics = table.fontMetrics()
        header_metrics = table.horizontalHeader().fontMetrics()
        rows = min(model.rowCount(), SAMPLED_ROWS)
        for column in Column:
            if column is Column.TITLE:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            head = header_metrics.horizontalAdvance(title) + HEADER_EXTRA
            texts: Sequence[str] | set[str]
            if column is Column.SLA:
                texts = [SLA_SAMPLE]
            elif column in ENUM_LABELS:  # a few labels, whichever rows are loaded
                texts = ENUM_LABELS[column]()
            else:
                sampled = range(min(rows, 1)) if column in FIXED_FORMAT else range(rows)
                texts = {text(row, column) if text is not None
                         else str(model.index(row, column).data() or "") for row in sampled}
            content = max((metrics.horizontalAdvance(t) for t in texts), default=0) + PADDING
            if column in (Column.TYPE, Column.CATEGORY):
                content += 20  # the coloured badge before the name
            if column in CAP:
                wanted = max(FLOOR, min(max(content, head), CAP[column]))
                least = max(FLOOR, min(wanted, metrics.horizontalAdvance("MMMMM") + PADDING))
            else:  # numbers, dates, levels, countdowns: cut, they would mislead
                wanted = max(content, head)
                least = content
            self.wanted[column], self.least[column] = wanted, min(least, wanted)
        self._measured = True

    def _room(self, header: QHeaderView) -> int:
        """The viewport's width. The table lays its header out over the viewport, so the
        header says it: the first paint need not call viewport(), whose first call makes
        the Python types of all of Qt's widget classes (~15 ms, see ui/sla/__init__.py)."""
        return header.width() if not header.isHidden() else self._table.viewport().width()

    def fit(self) -> None:
        if not self._measured:
            self.measure()
        header = self._table.horizontalHeader()
        shown = [c for c in PRIORITY if not self._seat_hidden(c)]
        width, self.squeezed = share_out(shown, self.wanted, self.least,
                                         self._room(header))
        for column in Column:
            if column is Column.TITLE:
                continue
            hidden = self._seat_hidden(column) or column in self.squeezed
            if header.isSectionHidden(column) != hidden:
                header.setSectionHidden(column, hidden)
            if not hidden and header.sectionSize(column) != width[column]:
                header.resizeSection(column, width[column])


def share_out(shown: list[Column], wanted: dict[Column, int], least: dict[Column, int],
              available: int) -> tuple[dict[Column, int], set[Column]]:
    """Widths of the ``shown`` columns (most needed first) and those that must hide, so
    that they and ``TITLE_MIN`` of title fit in ``available`` pixels."""
    width = {c: wanted[c] for c in shown}
    need = sum(width.values()) + TITLE_MIN
    for column in reversed(shown):  # the least needed shrink first
        if need <= available:
            break
        cut = min(width[column] - least[column], need - available)
        width[column] -= cut
        need -= cut
    squeezed: set[Column] = set()
    for column in reversed(shown):  # then hide, least needed first
        if need <= available:
            break
        if column not in NEVER_HIDDEN:
            squeezed.add(column)
            need -= width[column]
    # Hiding may have freed more than was missing: the most needed get it back first.
    spare = available - need
    for column in shown:
        if spare <= 0:
            break
        if column not in squeezed:
            given = min(wanted[column] - width[column], spare)
            width[column] += given
            spare -= given
    return width, squeezed
