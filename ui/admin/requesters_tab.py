"""The administration page's requesters tab: requesters on the left, their units and the
likely duplicates on the right.

The list searches name, unit, phone and e-mail as the seat types and shows each requester's
live tickets; several selected can be merged into one of them (the survivor keeps its
details, every ticket of the others moves to it). Units are text on requesters: renaming one
renames it on all its requesters at once, and renaming it to another unit's name joins the
two. Likely duplicates - the same phone number however written, or the same name in the same
unit - are listed in groups to merge in two clicks.

Editing needs ``Capability.WORK_TICKETS`` (agents correct requesters at intake too);
merging and renaming units need ``Capability.MERGE_REQUESTERS`` (supervisors and
administrators); other buttons are disabled with a tooltip saying why. Keys: Enter edits
the selected requester, Ctrl+M merges the selected ones.

After each write the tab announces it (``records_changed(["requesters"])``, and a merge's
moved tickets on ``tickets_changed``) and reads again when a broadcast names requesters.
The units and duplicates lists are read only while shown: finding duplicates reads every
requester.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability
from app.requesters.reading import (
    LIST_LIMIT,
    DuplicateGroup,
    Likeness,
    RequesterLine,
    Unit,
    likely_duplicates,
    requester_count,
    requesters,
    units,
)
from ui.admin.requester_dialogs import MergeDialog, RequesterDialog, UnitDialog
from ui.admin.requester_model import REQUESTER_ROLE, SORT_ROLE, Column, RequesterModel
from ui.context import DeskContext

if TYPE_CHECKING:
    from app.requesters.admin import RequesterForm
    from app.store.database import Store

SEARCH_DELAY_MS = 200
Opened = TypeVar("Opened", bound=QDialog)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class UnitsPanel(QWidget):
    """Units with their requesters and tickets; the tab wires the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units: list[Unit] = []
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("units")
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Requesters"),
                                              self.tr("Tickets")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.show_button = QPushButton(self.tr("Show requesters"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.rename_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_units(self, listed: Sequence[Unit]) -> None:
        kept = self.current()
        self.units = list(listed)
        self.table.setRowCount(len(self.units))
        for row, unit in enumerate(self.units):
            name = QTableWidgetItem(unit.name or self.tr("(no unit)"))
            people, tickets = QTableWidgetItem(str(unit.requesters)), QTableWidgetItem(
                str(unit.tickets))
            people.setTextAlignment(_RIGHT)
            tickets.setTextAlignment(_RIGHT)
            for column, item in enumerate((name, people, tickets)):
                self.table.setItem(row, column, item)
        if kept is not None:
            self.select(kept.name)

    def current(self) -> Unit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.units[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        for row, unit in enumerate(self.units):
            if unit.name == name:
                self.table.selectRow(row)
                return


class DuplicatesPanel(QWidget):
    """Groups of likely duplicates, most tickets first; the tab wires the button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[DuplicateGroup] = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicates")
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Unit"), self.tr("Phone"),
                                   self.tr("E-mail"), self.tr("Tickets")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def set_groups(self, groups: Sequence[DuplicateGroup]) -> None:
        self.groups = list(groups)
        self.tree.clear()
        for number, group in enumerate(self.groups):
            title = (self.tr("Same phone: %1") if group.likeness is Likeness.PHONE
                     else self.tr("Same name and unit: %1")).replace("%1", group.key)
            top = QTreeWidgetItem([title])
            top.setFirstColumnSpanned(True)
            top.setData(0, Qt.ItemDataRole.UserRole, number)
            for line in group.requesters:
                child = QTreeWidgetItem([line.name, line.unit, line.phone, line.email,
                                         str(line.tickets)])
                child.setTextAlignment(4, _RIGHT)
                child.setData(0, Qt.ItemDataRole.UserRole, number)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self.summary.setText(
            self.tr("%1 group(s) of requesters that look like one person: the same phone "
                    "number, or the same name in the same unit.").replace(
                "%1", str(len(self.groups))) if self.groups else
            self.tr("No likely duplicates: no two requesters share a phone number, or a name "
                    "in one unit."))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def current(self) -> DuplicateGroup | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        number = item.data(0, Qt.ItemDataRole.UserRole)
        return self.groups[number] if isinstance(number, int) else None


class RequestersTab(QWidget):
    """Requesters, units and likely duplicates (see the module docstring)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._stale = {"list": True, "units": True, "duplicates": True}
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, unit, phone, e-mail…"))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.read_list)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.model = RequesterModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._table()
        self.summary = QLabel(self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.edit_button.clicked.connect(self.edit_requester)
        self.merge_button.clicked.connect(self.merge_selected)
        merge = QShortcut(QKeySequence("Ctrl+M"), self.table, self.merge_selected)
        merge.setContext(Qt.ShortcutContext.WidgetShortcut)  # not kept from the constructor
        self.units = UnitsPanel(self)
        self.units.show_button.clicked.connect(self.show_unit)
        self.units.rename_button.clicked.connect(self.rename_unit)
        self.units.table.itemActivated.connect(lambda _item: self.show_unit())
        self.units.table.itemSelectionChanged.connect(self._follow_selection)
        self.duplicates = DuplicatesPanel(self)
        self.duplicates.merge_button.clicked.connect(self.merge_group)
        self.duplicates.tree.currentItemChanged.connect(lambda *_: self._follow_selection())
        self.read_only = QLabel(self)
        self.read_only.setObjectName("read_only")
        self.read_only.setWordWrap(True)
        self._layout()
        self.follow_seat()
        context.events.seat_changed.connect(self.follow_seat)
        context.events.records_changed.connect(self._records_changed)

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("requesters")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.EMAIL, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda _index: self.edit_requester())
        table.selectionModel().selectionChanged.connect(lambda *_: self._follow_selection())
        return table

    def _layout(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.edit_button)
        tools.addWidget(self.merge_button)
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(tools)
        box.addWidget(self.table, 1)
        box.addWidget(self.summary)
        self.lists = QTabWidget(self)
        self.lists.addTab(self.units, self.tr("Units"))
        self.lists.addTab(self.duplicates, self.tr("Likely duplicates"))
        self.lists.currentChanged.connect(lambda _index: self._read_shown())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.lists)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addWidget(splitter, 1)

    # --- reading -----------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the list again (keeping the selection), and the units or duplicates when
        shown; what is hidden is read when it is next shown."""
        self._stale = dict.fromkeys(self._stale, True)
        self._read_shown()

    @Slot()
    def read_list(self) -> None:
        self._search_timer.stop()
        self._stale["list"] = False
        kept = {line.id for line in self.selected()}
        reader, text = self._context.reader, self.search.text()
        found = requesters(reader, text)
        self.model.set_lines(found)
        total = requester_count(reader, text) if len(found) >= LIST_LIMIT else len(found)
        self.summary.setText(
            self.tr("%1 requesters").replace("%1", str(total)) if total == len(found) else
            self.tr("The first %1 of %2 requesters: search to narrow them down").replace(
                "%1", str(len(found))).replace("%2", str(total)))
        self.select(kept)
        self._follow_selection()

    def _read_shown(self) -> None:
        if not self.isVisible():
            return
        if self._stale["list"]:
            self.read_list()
        shown = self.lists.currentWidget()
        if shown is self.units and self._stale["units"]:
            self._stale["units"] = False
            self.units.set_units(units(self._context.reader))
        elif shown is self.duplicates and self._stale["duplicates"]:
            self._stale["duplicates"] = False
            self.duplicates.set_groups(likely_duplicates(self._context.reader))
        self._follow_selection()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._read_shown()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if "requesters" in names:
            self.refresh()

    def selected(self) -> list[RequesterLine]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(REQUESTER_ROLE) for index in rows]

    def select(self, requester_ids: set[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        for requester_id in requester_ids:
            row = self.model.row_of(requester_id)
            if row is not None:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.select(index, flags)
                self.table.scrollTo(index)

    # --- who may do what -------------------------------------------------------------------

    @Slot(object)
    def follow_seat(self, _seat: object = None) -> None:
        may_merge = self._context.may(Capability.MERGE_REQUESTERS)
        self.read_only.setText(self.tr(
            "Only supervisors and administrators merge requesters and rename units."))
        self.read_only.setVisible(not may_merge)
        self._follow_selection()

    def _follow_selection(self) -> None:
        may_edit = self._context.may(Capability.WORK_TICKETS)
        may_merge = self._context.may(Capability.MERGE_REQUESTERS)
        chosen = len(self.selected())
        self.edit_button.setEnabled(may_edit and chosen == 1)
        self.merge_button.setEnabled(may_merge and chosen >= 2)
        self.units.rename_button.setEnabled(may_merge and self.units.current() is not None)
        self.units.show_button.setEnabled(self.units.current() is not None)
        self.duplicates.merge_button.setEnabled(may_merge and
                                                self.duplicates.current() is not None)
        why_not = self.tr("Only supervisors and administrators merge requesters and rename "
                          "units")
        tips: dict[QPushButton, tuple[bool, str]] = {
            self.edit_button: (may_edit, self.tr("Edit the selected requester (Enter)")),
            self.merge_button: (may_merge, self.tr(
                "Merge the selected requesters into one of them (Ctrl+M); select two or "
                "more with Ctrl or Shift")),
            self.units.rename_button: (may_merge, self.tr(
                "Rename the selected unit on all its requesters")),
            self.duplicates.merge_button: (may_merge, self.tr(
                "Merge the selected group into the requester you choose")),
        }
        for button, (allowed, tip) in tips.items():
            button.setToolTip(tip if allowed else why_not if button is not self.edit_button
                              else self.tr("Your role does not work tickets"))

    # --- writing -----------------------------------------------------------------------

    def _write(self, change: Callable[[Store], Any]) -> Any:
        """Run ``change`` on the write side as the signed-in seat, then announce it."""
        result = change(self._context.store())
        self._context.events.records_changed.emit(["requesters"])
        return result

    def _open(self, dialog: Opened) -> Opened:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _unit_names(self) -> list[str]:
        return [unit.name for unit in units(self._context.reader) if unit.name]

    @Slot()
    def edit_requester(self) -> RequesterDialog | None:
        chosen = self.selected()
        if len(chosen) != 1 or not self._context.may(Capability.WORK_TICKETS):
            return None
        line = chosen[0]
        from app.requesters.admin import edit_requester

        def save(form: RequesterForm) -> None:
            self._write(lambda store: edit_requester(
                store, self._context.clock, self._context.signed_in, line.id, form))

        return self._open(RequesterDialog(line, self._unit_names(), save, self))

    @Slot()
    def merge_selected(self) -> MergeDialog | None:
        chosen = self.selected()
        if len(chosen) < 2:
            return None
        survivor = max(chosen, key=lambda line: line.tickets)
        return self._merge(chosen, survivor.id)

    @Slot()
    def merge_group(self) -> MergeDialog | None:
        group = self.duplicates.current()
        if group is None:
            return None
        return self._merge(group.requesters, group.requesters[0].id)

    def _merge(self, lines: Sequence[RequesterLine], survivor_id: str) -> MergeDialog | None:
        if not self._context.may(Capability.MERGE_REQUESTERS):
            return None
        from app.requesters.admin import merge_requesters

        def save(kept: str, others: list[str]) -> None:
            merged = self._write(lambda store: merge_requesters(
                store, self._context.clock, self._context.signed_in, kept, others))
            if merged.ticket_ids:
                self._context.events.tickets_changed.emit(list(merged.ticket_ids))
            self.select({kept})

        return self._open(MergeDialog(lines, survivor_id, save, self))

    @Slot()
    def show_unit(self) -> None:
        """List the selected unit's requesters."""
        unit = self.units.current()
        if unit is not None and unit.name:
            self.search.setText(unit.name)
            self.read_list()

    @Slot()
    def rename_unit(self) -> UnitDialog | None:
        unit = self.units.current()
        if unit is None or not self._context.may(Capability.MERGE_REQUESTERS):
            return None
        from app.requesters.admin import rename_unit

        def save(new_name: str) -> None:
            self._write(lambda store: rename_unit(
                store, self._context.clock, self._context.signed_in, unit.name, new_name))
            self.units.select(new_name.strip())

        return self._open(UnitDialog(unit.name, unit.requesters,
                                     [u.name for u in self.units.units if u.name], save, self))


def build(context: DeskContext, parent: QWidget) -> QWidget:
    """The requesters tab of the administration page (ui/admin/__init__.py)."""
    return RequestersTab(context, parent)
