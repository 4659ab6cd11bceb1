"""The administration page's people tab: staff on the left, teams and skills on the right.

Administrators (``Capability.MANAGE_PEOPLE``) add and edit people, deactivate and
reactivate them (never delete: history keeps the person), and add, rename and retire teams
and skills; other roles that see the page read it, every edit button disabled with a
tooltip saying why. Keys in the tab: Ctrl+N adds a person (instead of a new ticket), Enter
edits the selected one, Del deactivates them after asking.

After each write the tab announces the tables it wrote on ``context.events.
records_changed`` (the desk's one broadcast for records other than tickets), and it reads
everything again when that broadcast names staff, teams or skills, whoever wrote them.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability
from app.people.reading import CodedName, Person, open_tickets, people, skills, teams
from app.services.errors import DeskError
from ui.admin.people_dialogs import CodedNameDialog, StaffDialog, named
from ui.admin.people_lists import CodedNamesPanel
from ui.admin.people_model import PERSON_ROLE, SORT_ROLE, Column, StaffModel
from ui.context import DeskContext
from ui.problems import show_problem

if TYPE_CHECKING:
    from app.people.admin import StaffForm
    from app.store.database import Store

PEOPLE_TABLES = frozenset({"staff", "staff_skills", "teams", "skills"})
IMPORT_MODULE = "ui.admin.import_dialog"
WIDEST = 220
Dialog = TypeVar("Dialog", bound=QDialog)


class PeopleTab(QWidget):
    """Staff, teams and skills (see the module docstring)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._teams: list[CodedName] = []
        self._skills: list[CodedName] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, login, team, skill, phone…"))
        self.model = StaffModel(context.language)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.search.textChanged.connect(self._search)
        self.table = self._staff_table()
        self.summary = QLabel(self)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.import_button.setVisible(_import_available())
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.active_button.clicked.connect(self.toggle_active)
        self.import_button.clicked.connect(self.import_staff)
        self.read_only = QLabel(self)
        self.read_only.setObjectName("read_only")
        self.read_only.setWordWrap(True)
        self.teams_panel = CodedNamesPanel(self.tr("Members"), self)
        self.skills_panel = CodedNamesPanel(self.tr("People"), self)
        self._wire_panels()
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                           self.deactivate_selected)
        # Set apart: PySide6 ignores ``context=`` in that constructor, and Del anywhere in
        # the window would deactivate the selected person.
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._layout()
        self.refresh()
        self.follow_seat()
        context.events.seat_changed.connect(self.follow_seat)
        context.events.records_changed.connect(self._records_changed)

    def _staff_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("staff")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.LOGIN, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        table.horizontalHeader().setSectionResizeMode(Column.SKILLS,
                                                      QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda _index: self.edit_person())
        table.selectionModel().selectionChanged.connect(lambda *_: self._follow_selection())
        return table

    def _wire_panels(self) -> None:
        self.teams_panel.add_requested.connect(self.add_team)
        self.teams_panel.rename_requested.connect(self.rename_team)
        self.teams_panel.retire_requested.connect(self.retire_team)
        self.skills_panel.add_requested.connect(self.add_skill)
        self.skills_panel.rename_requested.connect(self.rename_skill)
        self.skills_panel.retire_requested.connect(self.retire_skill)

    def _layout(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.active_button,
                       self.import_button):
            tools.addWidget(button)
        staff = QWidget(self)
        box = QVBoxLayout(staff)
        box.addLayout(tools)
        box.addWidget(self.table, 1)
        box.addWidget(self.summary)
        # Sections rather than a side list: the staff table needs the width for its eight
        # columns, and teams and skills are short lists looked at now and then.
        self.sections = QTabWidget(self)
        self.sections.setObjectName("sections")
        for section in (staff, self.teams_panel, self.skills_panel):
            self.sections.addTab(section, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addWidget(self.sections, 1)

    # --- reading -----------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read staff, teams and skills again, keeping the selected person selected."""
        kept = self.current()
        reader, language = self._context.reader, self._context.language
        self._teams, self._skills = teams(reader), skills(reader)
        everyone = people(reader)
        self.model.set_people(everyone, {t.id: named(t, language) for t in self._teams},
                              {s.code: named(s, language) for s in self._skills})
        self.table.resizeColumnsToContents()
        # A long team name would push the skills (which stretch) out of sight; the tooltip
        # has it whole.
        self.table.setColumnWidth(Column.TEAM, min(self.table.columnWidth(Column.TEAM),
                                                   WIDEST))
        self.teams_panel.set_entries(self._teams)
        self.skills_panel.set_entries(self._skills)
        for index, title in enumerate((self.tr("Staff (%1)"), self.tr("Teams (%1)"),
                                       self.tr("Skills (%1)"))):
            count = (everyone, self._teams, self._skills)[index]
            self.sections.setTabText(index, title.replace("%1", str(len(count))))
        active = sum(p.active for p in everyone)
        self.summary.setText(self.tr("%1 people, %2 active, %3 deactivated").replace(
            "%1", str(len(everyone))).replace("%2", str(active)).replace(
            "%3", str(len(everyone) - active)))
        if kept is not None:
            self.select(kept.id)
        self._follow_selection()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if PEOPLE_TABLES & set(names):
            self.refresh()

    def current(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(PERSON_ROLE) if rows else None

    def select(self, staff_id: str) -> None:
        row = self.model.row_of(staff_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    @Slot(str)
    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())

    # --- who may edit --------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self._context.may(Capability.MANAGE_PEOPLE)

    @Slot(object)
    def follow_seat(self, _seat: object = None) -> None:
        """Enable editing for a role that manages people; explain why not to the others."""
        self.read_only.setText(self.tr(
            "Read-only: only administrators change staff, teams and skills."))
        self.read_only.setVisible(not self.editable)
        self.teams_panel.set_editable(self.editable, self.tr(
            "Only administrators change teams and skills"))
        self.skills_panel.set_editable(self.editable, self.tr(
            "Only administrators change teams and skills"))
        self._follow_selection()

    def _follow_selection(self) -> None:
        who = self.current()
        editable = self.editable
        self.active_button.setText(self.tr("&Reactivate") if who is not None and not who.active
                                   else self.tr("&Deactivate"))
        self.add_button.setEnabled(editable)
        self.import_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and who is not None)
        self.active_button.setEnabled(editable and who is not None)
        tips = {self.add_button: self.tr("Add a staff member (Ctrl+N)"),
                self.edit_button: self.tr("Edit the selected person (Enter)"),
                self.active_button: self.tr("Deactivate (Del) or reactivate the selected "
                                            "person; history keeps them either way"),
                self.import_button: self.tr("Import staff from a CSV or XLSX file")}
        why_not = self.tr("Only administrators change staff")
        for button, tip in tips.items():
            button.setToolTip(tip if editable else why_not)

    # --- keys --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+N while the tab has the focus: here it adds a person, not a ticket."""
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.New)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.New):
            shown = self.sections.currentWidget()
            if shown is self.teams_panel:
                self.teams_panel.add_requested.emit()
            elif shown is self.skills_panel:
                self.skills_panel.add_requested.emit()
            else:
                self.add_person()
            return
        super().keyPressEvent(event)

    # --- staff -------------------------------------------------------------------------

    def _write(self, tables: list[str], change: Callable[[Store], Any]) -> Any:
        """Run ``change`` on the write side as the signed-in seat, then announce it."""
        result = change(self._context.store())
        self._context.events.records_changed.emit(tables)
        return result

    @Slot()
    def add_person(self) -> StaffDialog | None:
        if not self.editable:
            return None
        from app.people.admin import add_staff

        def save(form: StaffForm) -> None:
            new_id = self._write(["staff", "staff_skills"], lambda store: add_staff(
                store, self._context.clock, self._context.signed_in, form))
            self.search.clear()
            self.select(new_id)

        return self._open(StaffDialog(self._teams, self._skills, self._context.language, save,
                                      None, self))

    @Slot()
    def edit_person(self) -> StaffDialog | None:
        who = self.current()
        if who is None or not self.editable:
            return None
        from app.people.admin import edit_staff

        def save(form: StaffForm) -> None:
            self._write(["staff", "staff_skills"], lambda store: edit_staff(
                store, self._context.clock, self._context.signed_in, who.id, form))

        return self._open(StaffDialog(self._teams, self._skills, self._context.language, save,
                                      who, self))

    @Slot()
    def toggle_active(self) -> None:
        who = self.current()
        if who is None:
            return
        if who.active:
            self.deactivate_selected()
        else:
            self._set_active(who, True)

    @Slot()
    def deactivate_selected(self) -> None:
        """Deactivate the selected person once the administrator confirms."""
        who = self.current()
        if who is None or not who.active or not self.editable:
            return
        text = self.tr("Deactivate %1 (%2)? They keep their history and can be reactivated, "
                       "but are offered no new tickets or shifts and cannot sign in.").replace(
            "%1", who.name).replace("%2", who.login)
        waiting = open_tickets(self._context.reader, who.id)
        if waiting:
            text += "\n\n" + self.tr("%1 open ticket(s) stay assigned to them until someone "
                                     "reassigns them.").replace("%1", str(waiting))
        answer = QMessageBox.question(self, self.tr("Deactivate"), text)
        if answer == QMessageBox.StandardButton.Yes:
            self._set_active(who, False)

    def _set_active(self, who: Person, active: bool) -> None:
        from app.people.admin import set_staff_active

        try:
            self._write(["staff"], lambda store: set_staff_active(
                store, self._context.clock, self._context.signed_in, who.id, active))
        except DeskError as error:
            show_problem(self, error)

    @Slot()
    def import_staff(self) -> None:
        """Hand over to the staff import (ui/admin/import_dialog.py) when the desk has it."""
        if not self.editable:
            return
        # The import announces the tables it wrote itself (records_changed), which
        # refreshes this tab with everything else that reads them.
        importlib.import_module(IMPORT_MODULE).open_import(self._context, self)

    # --- teams and skills --------------------------------------------------------------

    @Slot()
    def add_team(self) -> CodedNameDialog:
        from app.people.admin import add_team

        return self._add_coded(self.tr("Add a team"), "teams", add_team, self.teams_panel)

    @Slot(object)
    def rename_team(self, entry: CodedName) -> CodedNameDialog:
        from app.people.admin import rename_team

        return self._rename_coded(self.tr("Rename the team"), "teams", rename_team, entry)

    @Slot(object)
    def retire_team(self, entry: CodedName) -> None:
        from app.people.admin import set_team_retired

        self._retire_coded("teams", set_team_retired, entry)

    @Slot()
    def add_skill(self) -> CodedNameDialog:
        from app.people.admin import add_skill

        return self._add_coded(self.tr("Add a skill"), "skills", add_skill, self.skills_panel)

    @Slot(object)
    def rename_skill(self, entry: CodedName) -> CodedNameDialog:
        from app.people.admin import rename_skill

        return self._rename_coded(self.tr("Rename the skill"), "skills", rename_skill, entry)

    @Slot(object)
    def retire_skill(self, entry: CodedName) -> None:
        from app.people.admin import set_skill_retired

        self._retire_coded("skills", set_skill_retired, entry)

    def _add_coded(self, title: str, table: str, add: Callable[..., str],
                   panel: CodedNamesPanel) -> CodedNameDialog:
        def save(code: str, name_zh: str, name_en: str) -> None:
            new_id = self._write([table], lambda store: add(
                store, self._context.clock, self._context.signed_in, code, name_zh, name_en))
            panel.select(new_id)

        return self._open(CodedNameDialog(title, save, None, self))

    def _rename_coded(self, title: str, table: str, rename: Callable[..., None],
                      entry: CodedName) -> CodedNameDialog:
        def save(_code: str, name_zh: str, name_en: str) -> None:
            self._write([table], lambda store: rename(
                store, self._context.clock, self._context.signed_in, entry.id, name_zh,
                name_en))

        return self._open(CodedNameDialog(title, save, entry, self))

    def _retire_coded(self, table: str, retire: Callable[..., None], entry: CodedName) -> None:
        try:
            self._write([table], lambda store: retire(
                store, self._context.clock, self._context.signed_in, entry.id,
                not entry.retired))
        except DeskError as error:
            show_problem(self, error)

    def _open(self, dialog: Dialog) -> Dialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _import_available() -> bool:
    """Whether the staff import (another module of this package) is installed."""
    try:
        return importlib.util.find_spec(IMPORT_MODULE) is not None
    except (ImportError, ValueError):
        return False


def build(context: DeskContext, parent: QWidget) -> QWidget:
    """The people tab of the administration page (ui/admin/__init__.py)."""
    return PeopleTab(context, parent)

