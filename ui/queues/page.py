"""The queues page: views with live counts, quick search, and the ticket table.

Signals:
    open_requested(str): the seat wants to open a ticket (Enter or double-click).
    take_requested(str): the seat takes the current ticket (Ctrl+T).

The selected tickets are assigned with Ctrl+G and resolved with Ctrl+E, the same keys as in
the ticket window.

Keyboard: Down in the search box moves into the results, Enter there opens the current (or
first) result; reaching the table by Tab selects its current row, so Ctrl+T, Ctrl+G and
Ctrl+E act on what the seat sees highlighted.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import DeskError
from app.services.saved_filters import SavedFilter, saved_filters
from app.store.queues import QueueFilter, QueueReader, View
from ui.context import DeskContext
from ui.problems import show_problem
from ui.queues.columns import ColumnFitter
from ui.queues.model import Column, QueueModel, column_title
from ui.sort_arrow import point_sort_arrows

SEARCH_DELAY_MS = 250


def view_label(view: View) -> str:
    return {
        View.MINE: QCoreApplication.translate("QueuesPage", "My open tickets"),
        View.TEAM: QCoreApplication.translate("QueuesPage", "My team's"),
        View.UNASSIGNED: QCoreApplication.translate("QueuesPage", "Unassigned"),
        View.PENDING: QCoreApplication.translate("QueuesPage", "Pending"),
        View.AWAITING_CONFIRMATION: QCoreApplication.translate(
            "QueuesPage", "Awaiting confirmation"),
        View.AT_RISK: QCoreApplication.translate("QueuesPage", "SLA at risk"),
        View.BREACHED: QCoreApplication.translate("QueuesPage", "SLA breached"),
        View.ALL: QCoreApplication.translate("QueuesPage", "All tickets"),
    }[view]


class QueuesPage(QWidget):
    open_requested = Signal(str)
    # The column the SLA feature paints its countdowns in (ui/desk.py wires the delegate).
    sla_column = Column.SLA
    take_requested = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._reader = QueueReader(context.reader, context.language)
        self._saved: dict[str, SavedFilter] = {}
        # Several sources announce changes in one turn of the event loop (a write, then the
        # SLA index recomputed for it): one reload serves them all.
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.model = QueueModel(self._reader, context.seat, context.time_zone)
        context.events.seat_changed.connect(self._seat_changed)
        self.views = QListWidget(self)
        self.views.setObjectName("views")
        # Built-in views are never cut (see _fit_views); a saved filter's long name loses its
        # middle rather than its count, and shows whole in its tooltip.
        self.views.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.views.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for view in View:
            item = QListWidgetItem(view_label(view))
            item.setData(Qt.ItemDataRole.UserRole, view.value)
            self.views.addItem(item)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Search: ticket number, requester, phone, words in title or description"))
        self._summary = QLabel(self)
        self._summary.setObjectName("summary")
        self._settings = context.settings
        self._seat_hidden = {  # the columns the seat chose to hide (the header's menu)
            Column[name.upper()] for name in
            context.settings.settings.queue_hidden_columns.split(",")
            if name.upper() in Column.__members__}
        self.table = self._build_table()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._open_from_search)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.save_filter = QPushButton(self.tr("Save as filter…"), self, objectName="save_filter")
        self.save_filter.clicked.connect(self._save_filter)
        self.views.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.views.customContextMenuRequested.connect(self._views_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self._load_saved_filters()
        self.views.currentRowChanged.connect(lambda _row: self._apply_search())
        self._layout()
        self._add_actions()
        self.views.setCurrentRow(list(View).index(View.ALL))

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("queue")
        table.setModel(self.model)
        point_sort_arrows(table.horizontalHeader())
        table.horizontalHeader().setSortIndicator(Column.CREATED, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        # Widths follow the content and the room there is (ui/queues/columns.py).
        self.columns = ColumnFitter(table, lambda column: column in self._seat_hidden)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        table.doubleClicked.connect(lambda index: self.open_requested.emit(
            self.model.item(index.row()).id))
        return table

    def _layout(self) -> None:
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.save_filter)
        right.addLayout(top)
        right.addWidget(self._summary)
        right.addWidget(self.table)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.views)
        layout.addLayout(right, 1)

    def _add_actions(self) -> None:
        def action(owner: QWidget, text: str, keys: list[QKeySequence], slot: object,
                   context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QAction:
            act = QAction(text, owner)
            act.setShortcuts(keys)
            act.setShortcutContext(context)
            act.triggered.connect(slot)
            owner.addAction(act)
            return act

        # Ctrl+F works from anywhere in the window while the queues are the current page.
        action(self, self.tr("Find"), [QKeySequence.StandardKey.Find], self._focus_search,
               Qt.ShortcutContext.WindowShortcut)
        # Enter and Ctrl+T act on the table only: Enter in the search box must search.
        action(self.table, self.tr("Open ticket"),
               [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
               self._open_current)
        action(self.table, self.tr("Take ticket"), [QKeySequence("Ctrl+T")], self._take_current)
        # The same keys as in the ticket window; here they act on every selected ticket, and
        # the table's context menu shows them.
        self._assign_selected = action(self.table, self.tr("Assign to…"),
                                       [QKeySequence("Ctrl+G")], self._assign_tickets)
        self._resolve_selected = action(self.table, self.tr("Resolve…"),
                                        [QKeySequence("Ctrl+E")], self._resolve_tickets)

    def _column_menu(self, position: QPoint) -> None:
        """Right-click on the header: choose the visible columns (remembered)."""
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for column in Column:
            action = menu.addAction(column_title(column))
            action.setCheckable(True)
            action.setChecked(column not in self._seat_hidden)
            action.setEnabled(column not in (Column.NUMBER, Column.TITLE))
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        menu.exec(header.mapToGlobal(position))

    def set_column_visible(self, column: Column, visible: bool) -> None:
        if visible:
            self._seat_hidden.discard(column)
        else:
            self._seat_hidden.add(column)
        self.columns.fit()
        hidden = sorted(c.name.lower() for c in self._seat_hidden)
        self._settings.update(queue_hidden_columns=",".join(hidden))

    # --- behaviour ------------------------------------------------------------------------

    def current_view(self) -> View:
        return self._current_filter()[0]

    def show_view(self, view: View) -> None:
        """Select ``view`` in the list of views (the wallboard opens its figures here)."""
        for row in range(self.views.count()):
            if self.views.item(row).data(Qt.ItemDataRole.UserRole) == view.value:
                self.views.setCurrentRow(row)
                return

    def _current_filter(self) -> tuple[View, QueueFilter]:
        """The selected view (or saved filter) narrowed by the search box."""
        item = self.views.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item else View.ALL.value
        text = self.search.text()
        if key in self._saved:
            saved = self._saved[key]
            combined = f"{saved.filters.text} {text}".strip() if text else saved.filters.text
            return saved.view, saved.filters._replace(text=combined)
        return View(key), QueueFilter(text=text)

    def selected_tickets(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.item(row).id for row in rows]

    # --- saved filters and bulk actions ---------------------------------------------------

    def _load_saved_filters(self) -> None:
        for row in reversed(range(len(View), self.views.count())):
            self.views.takeItem(row)
        self._saved = {f.id: f for f in saved_filters(self._context.reader,
                                                      self._context.seat.staff_id)}
        for saved in self._saved.values():
            item = QListWidgetItem(f"★ {saved.name}")
            item.setData(Qt.ItemDataRole.UserRole, saved.id)
            item.setToolTip(saved.name)
            self.views.addItem(item)

    @Slot()
    def _save_filter(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name:"))
        if not ok:
            return
        from app.services.saved_filters import save_filter

        view, filters = self._current_filter()
        try:
            save_filter(self._context.store(), self._context.clock,
                        self._context.seat.staff_id, name, view, filters)
        except DeskError as error:
            show_problem(self, error)
            return
        self._load_saved_filters()
        self._update_counts()

    def _views_menu(self, position: QPoint) -> None:
        item = self.views.itemAt(position)
        key = item.data(Qt.ItemDataRole.UserRole) if item else None
        if key not in self._saved:
            return
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Delete saved filter"))
        if menu.exec(self.views.mapToGlobal(position)) is remove:
            from app.services.saved_filters import delete_filter

            delete_filter(self._context.store(), self._context.clock, key)
            self.views.setCurrentRow(list(View).index(View.ALL))
            self._load_saved_filters()
            self._update_counts()

    def _table_menu(self, position: QPoint) -> None:
        tickets = self.selected_tickets()
        if not tickets:
            return
        menu = QMenu(self)
        take = menu.addAction(self.tr("Take"))
        # The table's own actions show their shortcuts and run themselves when chosen.
        menu.addAction(self._assign_selected)
        start = menu.addAction(self.tr("Start work"))
        menu.addAction(self._resolve_selected)
        comment = menu.addAction(self.tr("Add internal comment…"))
        close = menu.addAction(self.tr("Close without confirmation"))
        chosen = menu.exec(self.table.viewport().mapToGlobal(position))
        actions = {take: "take", start: "start", comment: "comment", close: "close"}
        if chosen in actions:
            self.bulk(tickets, actions[chosen])

    def bulk(self, tickets: list[str], action: str) -> None:
        from ui.queues.bulk import run_bulk

        run_bulk(self, self._context, tickets, action)

    def current_ticket(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()).id if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) \
                    and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.enter_results()
                return True
        elif watched is self.table and event.type() == QEvent.Type.FocusIn:
            self._select_current_row()
        return super().eventFilter(watched, event)

    def enter_results(self) -> bool:
        """From the search box into the table: the search runs now if it was still waiting,
        and the current row (else the first) is selected. False if nothing was found."""
        if self._search_timer.isActive():
            self._apply_search()
        if self.model.rowCount() == 0:
            return False
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._select_current_row()
        return True

    def _select_current_row(self) -> None:
        """Reaching the table selects the row the seat sees as current (else the first), so
        the table's shortcuts act on it instead of on an empty selection."""
        selection = self.table.selectionModel()
        if selection.hasSelection() or self.model.rowCount() == 0:
            return
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        selection.setCurrentIndex(self.model.index(row, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)

    @Slot()
    def _open_from_search(self) -> None:
        """Enter in the search box: into the results, and open the current one."""
        if self.enter_results():
            self._open_current()

    @Slot()
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot()
    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.show(*self._current_filter())
        self._update_counts()

    @Slot()
    def _open_current(self) -> None:
        ticket = self.current_ticket()
        if ticket is not None:
            self.open_requested.emit(ticket)

    @Slot()
    def _take_current(self) -> None:
        ticket = self.current_ticket()
        if ticket is not None:
            self.take_requested.emit(ticket)

    def _acted_on(self) -> list[str]:
        """The selected tickets, else the current one: never silently nothing."""
        self._select_current_row()
        return self.selected_tickets()

    @Slot()
    def _assign_tickets(self) -> None:
        if tickets := self._acted_on():
            self.bulk(tickets, "assign")

    @Slot()
    def _resolve_tickets(self) -> None:
        if tickets := self._acted_on():
            self.bulk(tickets, "resolve")

    def stop(self) -> None:
        """The desk is closing its reader: a reload still pending must not run."""
        if shiboken6.isValid(self._refresh_timer):  # gone with a window Qt already deleted
            self._refresh_timer.stop()

    @Slot()
    def refresh_soon(self) -> None:
        """Reload in place once control returns to the event loop."""
        self._refresh_timer.start()

    @Slot()
    def _seat_changed(self, _signed_in: object) -> None:
        self.model.set_seat(self._context.seat)
        self._load_saved_filters()
        self.refresh()

    def refresh(self) -> None:
        """Reload in place: the same rows stay selected and the scroll position is kept."""
        selected = {self.model.item(i.row()).id for i in self.table.selectionModel().selectedRows()}
        current = self.current_ticket()
        scroll = self.table.verticalScrollBar().value()
        self.model.reload(keep_rows=self.model.rowCount())
        selection = self.table.selectionModel()
        for ticket_id in selected:
            row = self.model.row_of(ticket_id)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if current is not None and (row := self.model.row_of(current)) >= 0:
            selection.setCurrentIndex(self.model.index(row, 0),
                                      selection.SelectionFlag.NoUpdate)
        self.table.verticalScrollBar().setValue(scroll)
        self._update_counts()

    def _update_counts(self) -> None:
        filters = QueueFilter(text=self.search.text())
        current = self.views.currentItem()
        for row in range(self.views.count()):
            item = self.views.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            saved = self._saved.get(key)
            view, narrowed = (saved.view, saved.filters) if saved else (View(key), filters)
            # The shown view was just counted by the model; don't count it twice.
            count = self.model.total if item is current else self._reader.count(
                view, self._context.seat, narrowed)
            label = f"★ {saved.name}" if saved else view_label(view)
            item.setText(f"{label}  ({count})")
        self._fit_views()
        self._summary.setText(self.tr("%n ticket(s)", "", self.model.total))

    def _fit_views(self) -> None:
        """Make the view list as wide as its longest built-in view with its count, in the
        language shown. It never narrows again: typing a search shrinks the counts, and the
        list should not jump under the seat's eyes."""
        views = self.views
        text = max(views.sizeHintForIndex(views.model().index(row, 0)).width()
                   for row in range(len(View)))
        # Also room for a vertical scroll bar: many saved filters bring one, and it must not
        # cut the built-in views' labels.
        # (The scroll bar's own size hint: the width it takes in the style in use.)
        scroll_bar = views.verticalScrollBar().sizeHint().width()
        width = text + scroll_bar + 2 * views.frameWidth()
        if width > views.minimumWidth():
            views.setFixedWidth(width)
