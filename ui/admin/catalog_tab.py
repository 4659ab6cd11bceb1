"""The administration page's catalog tab: ticket types above, categories below.

Administrators (``Capability.MANAGE_CATALOG``) add and edit entries (names, colour, icon,
and a category's skill and person responsible), order them, retire and bring them back,
and remove those nothing uses; supervisors see the lists read-only, every button disabled
with a tooltip saying why. A category with nobody responsible, or with someone who has
left, shows it in red. Keys in a list: Enter edits, Ctrl+Up / Ctrl+Down move, Del removes.

After each write the tab announces the table it wrote on ``context.events.records_changed``
and reads everything again when that broadcast names the catalog (or staff and skills, whose
names it shows), whoever wrote them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog.reading import CatalogEntry, CatalogKind, entries, glyphs, owners
from app.domain.roles import Capability
from app.people.reading import skills
from app.services.errors import DeskError
from ui.admin.catalog_dialog import EntryDialog
from ui.context import DeskContext
from ui.icons import badge
from ui.problems import show_problem

if TYPE_CHECKING:
    from app.catalog.admin import EntryForm
    from app.store.database import Store

# Read again when a broadcast names one of these: the catalog, and the names it shows.
SHOWN_TABLES = frozenset({"ticket_types", "categories", "skills", "staff"})
_RETIRED = QColor("#8a8a8a")
_WARNING = QColor("#b3261e")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CatalogPanel(QWidget):
    """One list of the catalog with its buttons; it only shows and asks, the tab writes.

    Signals:
        add_requested(): the administrator wants a new entry.
        edit_requested(object): edit this ``CatalogEntry``.
        move_requested(object, int): move this entry by so many places (-1 up, 1 down).
        retire_requested(object): retire this entry, or bring it back if retired.
        remove_requested(object): remove this entry (nothing uses it).
    """

    add_requested = Signal()
    edit_requested = Signal(object)
    move_requested = Signal(object, int)
    retire_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, kind: CatalogKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._entries: list[CatalogEntry] = []
        self._skills: dict[str, str] = {}
        self._editable, self._why_not = True, ""
        self.title = QLabel(self.tr("Categories") if self.categories
                            else self.tr("Ticket types"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = self._table()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._edit)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.retire_button.clicked.connect(self._retire)
        self.remove_button.clicked.connect(self._remove)
        for keys, slot in ((QKeySequence("Ctrl+Up"), lambda: self._move(-1)),
                           (QKeySequence("Ctrl+Down"), lambda: self._move(1)),
                           (QKeySequence(QKeySequence.StandardKey.Delete), self._remove)):
            shortcut = QShortcut(keys, self.table, slot)
            # Set apart: PySide6 ignores ``context=`` in that constructor, and two lists
            # with window-wide keys would make each key ambiguous.
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._follow_selection()

    @property
    def categories(self) -> bool:
        return self.kind is CatalogKind.CATEGORIES

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.add_button, self.edit_button, self.up_button, self.down_button,
                self.retire_button, self.remove_button)

    def _headers(self) -> list[str]:
        headers = [self.tr("Icon"), self.tr("Code"), self.tr("Name (Chinese)"),
                   self.tr("Name (English)"), self.tr("Colour")]
        if self.categories:
            headers += [self.tr("Skill"), self.tr("Responsible")]
        return [*headers, self.tr("Tickets"), self.tr("State")]

    def _table(self) -> QTableWidget:
        headers = self._headers()
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(self.kind.value)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.itemSelectionChanged.connect(self._follow_selection)
        table.itemActivated.connect(lambda _item: self._edit())
        return table

    # --- showing -----------------------------------------------------------------------

    def set_entries(self, listed: Sequence[CatalogEntry], skill_names: dict[str, str]) -> None:
        """Show ``listed`` in order, keeping the selected entry selected."""
        kept = self.current()
        self._entries, self._skills = list(listed), skill_names
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            for column, item in enumerate(self._cells(entry)):
                if entry.retired:
                    item.setForeground(QBrush(_RETIRED))
                self.table.setItem(row, column, item)
        if kept is not None:
            self.select(kept.id)
        self._follow_selection()

    def _cells(self, entry: CatalogEntry) -> list[QTableWidgetItem]:
        icon = QTableWidgetItem(badge(entry.color, entry.icon, 20), "")
        icon.setToolTip(entry.icon)
        colour = QTableWidgetItem(badge(entry.color, "", 14), entry.color)
        cells = [icon, QTableWidgetItem(entry.code), QTableWidgetItem(entry.name_zh),
                 QTableWidgetItem(entry.name_en), colour]
        if self.categories:
            cells += [QTableWidgetItem(self._skills.get(entry.skill, entry.skill)),
                      self._owner_cell(entry)]
        used = QTableWidgetItem(str(entry.tickets))
        used.setTextAlignment(_RIGHT)
        if entry.articles:
            used.setToolTip(self.tr("%1 tickets and %2 knowledge-base articles").replace(
                "%1", str(entry.tickets)).replace("%2", str(entry.articles)))
        state = QTableWidgetItem(self.tr("Retired") if entry.retired else self.tr("In service"))
        return [*cells, used, state]

    def _owner_cell(self, entry: CatalogEntry) -> QTableWidgetItem:
        if entry.owner_id is None:
            item = QTableWidgetItem(self.tr("Nobody named"))
            item.setToolTip(self.tr("Every category needs a person responsible: edit it "
                                    "to name one."))
        elif not entry.owner_active:
            item = QTableWidgetItem(self.tr("%1 (left)").replace("%1", entry.owner_name))
            item.setToolTip(self.tr("No longer active: edit the category to name someone "
                                    "else."))
        else:
            return QTableWidgetItem(entry.owner_name)
        item.setForeground(QBrush(_WARNING))
        return item

    def current(self) -> CatalogEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self._entries[rows[0].row()] if rows else None

    def select(self, entry_id: str) -> None:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                self.table.selectRow(row)
                return

    def set_editable(self, editable: bool, why_not: str) -> None:
        """Enable the buttons, or disable them with ``why_not`` as their tooltip."""
        self._editable, self._why_not = editable, why_not
        self._follow_selection()

    @Slot()
    def _follow_selection(self) -> None:
        entry = self.current()
        chosen = self._editable and entry is not None
        row = self.table.currentRow() if entry is not None else -1
        self.retire_button.setText(self.tr("Bring back") if entry and entry.retired
                                   else self.tr("Retire"))
        self.add_button.setEnabled(self._editable)
        self.edit_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and 0 <= row < len(self._entries) - 1)
        self.retire_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and entry is not None and not entry.in_use)
        tips = {self.add_button: self.tr("Add a category") if self.categories
                else self.tr("Add a ticket type"),
                self.edit_button: self.tr("Edit the selected entry (Enter)"),
                self.up_button: self.tr("Offer it earlier in the pickers (Ctrl+Up)"),
                self.down_button: self.tr("Offer it later in the pickers (Ctrl+Down)"),
                self.retire_button: self.tr("Retired entries stay on their tickets but are "
                                            "offered for nothing new"),
                self.remove_button: self.tr("Remove an entry nothing uses (Del)")}
        if entry is not None and entry.in_use:
            tips[self.remove_button] = self.tr(
                "Tickets or articles use it: retire it instead, so they keep its name")
        for button, tip in tips.items():
            button.setToolTip(tip if self._editable else self._why_not)

    # --- asking ------------------------------------------------------------------------

    @Slot()
    def _edit(self) -> None:
        entry = self.current()
        if entry is not None and self._editable:
            self.edit_requested.emit(entry)

    def _move(self, step: int) -> None:
        entry = self.current()
        if entry is not None and self._editable:
            self.move_requested.emit(entry, step)

    @Slot()
    def _retire(self) -> None:
        entry = self.current()
        if entry is not None and self._editable:
            self.retire_requested.emit(entry)

    @Slot()
    def _remove(self) -> None:
        entry = self.current()
        if entry is not None and self._editable and not entry.in_use:
            self.remove_requested.emit(entry)


class CatalogTab(QWidget):
    """Ticket types and categories (see the module docstring)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.read_only = QLabel(self)
        self.read_only.setObjectName("read_only")
        self.read_only.setWordWrap(True)
        self.types = CatalogPanel(CatalogKind.TYPES, self)
        self.categories = CatalogPanel(CatalogKind.CATEGORIES, self)
        for panel in (self.types, self.categories):
            self._wire(panel)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.types)
        splitter.addWidget(self.categories)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 480])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addWidget(splitter, 1)
        self._stale = True
        self.follow_seat()
        context.events.seat_changed.connect(self.follow_seat)
        context.events.records_changed.connect(self._records_changed)

    def _wire(self, panel: CatalogPanel) -> None:
        kind = panel.kind
        panel.add_requested.connect(lambda: self.add_entry(kind))
        panel.edit_requested.connect(lambda entry: self.edit_entry(kind, entry))
        panel.move_requested.connect(lambda entry, step: self.move_entry(kind, entry, step))
        panel.retire_requested.connect(lambda entry: self.retire_entry(kind, entry))
        panel.remove_requested.connect(lambda entry: self.remove_entry(kind, entry))

    def panel(self, kind: CatalogKind) -> CatalogPanel:
        return self.types if kind is CatalogKind.TYPES else self.categories

    # --- reading -----------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read both lists again, keeping the selected entries selected; while the tab is
        hidden, only note that they are out of date (counting tickets per type reads every
        ticket, and pulled rows refresh the whole administration page)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        reader, language = self._context.reader, self._context.language
        names = {s.code: s.name(language) for s in skills(reader)}
        for panel in (self.types, self.categories):
            panel.set_entries(entries(reader, panel.kind), names)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if SHOWN_TABLES & set(names):
            self.refresh()

    # --- who may edit --------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self._context.may(Capability.MANAGE_CATALOG)

    @Slot(object)
    def follow_seat(self, _seat: object = None) -> None:
        """Enable editing for a role that manages the catalog; explain why not to others."""
        self.read_only.setText(self.tr(
            "Read-only: only administrators change ticket types and categories."))
        self.read_only.setVisible(not self.editable)
        why_not = self.tr("Only administrators change the catalog")
        for panel in (self.types, self.categories):
            panel.set_editable(self.editable, why_not)

    # --- writing -----------------------------------------------------------------------

    def _write(self, kind: CatalogKind, change: Callable[[Store], Any]) -> Any:
        """Run ``change`` on the write side as the signed-in seat, then announce it."""
        result = change(self._context.store())
        self._context.events.records_changed.emit([kind.value])
        return result

    def _dialog(self, kind: CatalogKind, save: Callable[[str, EntryForm], object],
                entry: CatalogEntry | None) -> EntryDialog:
        reader = self._context.reader
        dialog = EntryDialog(kind, glyphs(reader), skills(reader), owners(reader),
                             self._context.language, save, entry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_entry(self, kind: CatalogKind) -> EntryDialog | None:
        if not self.editable:
            return None
        from app.catalog.admin import add

        def save(code: str, form: EntryForm) -> None:
            new_id = self._write(kind, lambda store: add(
                store, self._context.clock, self._context.signed_in, kind, code, form))
            self.panel(kind).select(new_id)

        return self._dialog(kind, save, None)

    def edit_entry(self, kind: CatalogKind, entry: CatalogEntry) -> EntryDialog | None:
        if not self.editable:
            return None
        from app.catalog.admin import edit

        def save(_code: str, form: EntryForm) -> None:
            self._write(kind, lambda store: edit(
                store, self._context.clock, self._context.signed_in, kind, entry.id, form))

        return self._dialog(kind, save, entry)

    def move_entry(self, kind: CatalogKind, entry: CatalogEntry, step: int) -> None:
        from app.catalog.admin import move

        self._try(kind, lambda store: move(store, self._context.clock,
                                           self._context.signed_in, kind, entry.id, step))

    def retire_entry(self, kind: CatalogKind, entry: CatalogEntry) -> None:
        from app.catalog.admin import set_retired

        self._try(kind, lambda store: set_retired(store, self._context.clock,
                                                  self._context.signed_in, kind, entry.id,
                                                  not entry.retired))

    def remove_entry(self, kind: CatalogKind, entry: CatalogEntry) -> None:
        """Remove an unused entry once the administrator confirms."""
        from app.catalog.admin import remove

        answer = QMessageBox.question(self, self.tr("Remove"), self.tr(
            "Remove %1? Nothing uses it; it disappears from every list, and its code stays "
            "taken.").replace("%1", entry.name(self._context.language)))
        if answer == QMessageBox.StandardButton.Yes:
            self._try(kind, lambda store: remove(store, self._context.clock,
                                                 self._context.signed_in, kind, entry.id))

    def _try(self, kind: CatalogKind, change: Callable[[Store], Any]) -> None:
        try:
            self._write(kind, change)
        except DeskError as error:
            show_problem(self, error)


def build(context: DeskContext, parent: QWidget) -> QWidget:
    """The catalog tab of the administration page (ui/admin/__init__.py)."""
    return CatalogTab(context, parent)
