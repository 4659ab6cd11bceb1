"""The administration page's accounts tab: who can sign in, with which role.

A standalone desk lists and changes its own accounts (app/identity/administration.py
``LocalAccounts``, through the Store: each change is audited in its transaction under the
signed-in administrator). A connected desk's accounts are the server's: the tab lists and
changes them through the server (``ServerAccounts``), off the GUI thread, signed in as
the seat at the desk, and shows a refusal or an outage in words.

Only roles that may manage accounts (``Capability.MANAGE_ACCOUNTS``) change anything;
the others see the list read-only, every button disabled with a tooltip saying why. The
last active administrator can neither disable their account nor give it another role: the
buttons say so. New accounts are made for staff members who have none (people are added
under Staff, teams and skills, or imported); a password is typed twice and never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Capability, assignable_roles
from app.identity.accounts import Account
from app.identity.administration import last_manager, manages_accounts
from app.services.errors import DeskError
from ui import background
from ui.admin.account_dialogs import NewAccount, NewAccountDialog, PasswordDialog, RoleDialog
from ui.admin.accounts_model import ACCOUNT_ROLE, AccountsModel, Column
from ui.context import DeskContext
from ui.problems import problem_text

if TYPE_CHECKING:
    from app.identity.administration import AccountBook
    from ui.admin.account_dialogs import _AccountDialog

# Tables whose change may change the list: accounts, and the staff names beside them.
WATCHED = frozenset({"desk_accounts", "staff"})
Dialog = TypeVar("Dialog", NewAccountDialog, PasswordDialog, RoleDialog)


class AccountsTab(QWidget):
    """Accounts and roles (see the module docstring)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._server_book: AccountBook | None = None
        self._server_seat = ""
        self._working = False
        self.read_only = QLabel(self)
        self.read_only.setObjectName("read_only")
        self.read_only.setWordWrap(True)
        self.where = QLabel(self)
        self.where.setObjectName("where")
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #546e7a")
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search login, name or role…"))
        self.model = AccountsModel(context.language)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(
            lambda text: self.proxy.setFilterFixedString(text.strip()))
        self.table = self._table()
        self.new_button = QPushButton(self.tr("&New account…"), self)
        self.password_button = QPushButton(self)
        self.role_button = QPushButton(self.tr("Change &role…"), self)
        self.active_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_account)
        self.password_button.clicked.connect(self.set_password)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self._lay_out()
        self.follow_seat()
        context.events.seat_changed.connect(self.follow_seat)
        context.events.records_changed.connect(self._records_changed)

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("accounts")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.LOGIN, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.activated.connect(lambda _index: self.set_password())
        table.selectionModel().selectionChanged.connect(lambda *_: self._follow_selection())
        return table

    def _lay_out(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        for button in (self.new_button, self.password_button, self.role_button,
                       self.active_button):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addWidget(self.where)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    # --- where the accounts are ----------------------------------------------------------

    @property
    def connected(self) -> bool:
        return bool(self._context.settings.settings.server_url)

    def _book(self) -> AccountBook:
        """The accounts this desk administers, as the seat signed in now."""
        from app.identity.administration import LocalAccounts, ServerAccounts

        context = self._context
        if not self.connected:
            return LocalAccounts(context.store(), context.data.database, context.clock,
                                 context.signed_in)
        seat = context.signed_in
        if self._server_book is None or self._server_seat != seat.login:
            from app.sync.client import ServerClient
            from app.sync.tokens import KeyringVault

            client = ServerClient(context.settings.settings.server_url, KeyringVault(),
                                  login=seat.login)
            self._server_book, self._server_seat = ServerAccounts(client, seat), seat.login
        return self._server_book

    def _run(self, work: Callable[[AccountBook], Any], done: Callable[[Any], None],
             dialog: _AccountDialog | None = None, *,
             failed: Callable[[Exception], None] | None = None) -> None:
        """Run ``work`` on the accounts: at once on a standalone desk, off the GUI thread
        on a connected one. ``done(result)`` follows success; a refusal goes to
        ``failed``, else is said in ``dialog`` if there is one, else in a message box."""
        book = self._book()
        if not self.connected:
            try:
                result = work(book)
            except DeskError as error:
                (failed or (lambda e: self._refused(e, dialog)))(error)
                return
            done(result)
            return

        def job(_progress: object) -> object:
            try:
                return work(book)
            except Exception as error:  # noqa: BLE001 (said to the administrator)
                return _Failure(error)

        def answered(result: object) -> None:
            self._set_working(False, dialog)
            if isinstance(result, _Failure):
                (failed or (lambda e: self._refused(e, dialog)))(result.error)
            else:
                done(result)

        self._set_working(True, dialog)
        background.start(job, self, done=answered,
                         failed=lambda message: answered(_Failure(RuntimeError(message))))

    def _set_working(self, working: bool, dialog: _AccountDialog | None) -> None:
        self._working = working
        if dialog is not None:
            dialog.busy(working)
        self._follow_selection()

    def _refused(self, error: Exception, dialog: _AccountDialog | None) -> None:
        text = refusal_text(error)
        if dialog is not None:
            dialog.refuse(text)
        else:
            QMessageBox.warning(self, self.tr("Not changed"), text)

    # --- reading -----------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """List the accounts again (from the server on a connected desk)."""
        if self._working:
            return
        self.where.setText(self.tr(
            "The accounts of the sync server %1: they sign in on every desk connected to "
            "it.").replace("%1", self._context.settings.settings.server_url)
            if self.connected else self.tr("The accounts of this desk."))
        if self.connected and not self.editable:
            # The server lists its accounts to those who manage them only.
            self.model.set_accounts([])
            self._follow_selection()
            self.summary.setText(self.tr("Only administrators see the server's accounts."))
            return
        if self.connected:
            self.summary.setText(self.tr("Reading the accounts from the server…"))
        self._run(lambda book: book.listed(), self._show, failed=self._not_listed)

    def _not_listed(self, error: Exception) -> None:
        """Opening the page must not raise a box: the list says why it is empty."""
        self.summary.setText(refusal_text(error))

    def _show(self, accounts: list[Account]) -> None:
        kept = self.current()
        self.model.set_accounts(accounts)
        self.table.resizeColumnsToContents()
        for column in Column:  # room for the longer names of the other language
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), 110))
        if kept is not None:
            self.select(kept.login)
        self._follow_selection()

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if WATCHED & set(names):
            self.refresh()

    def current(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        found = rows[0].data(ACCOUNT_ROLE) if rows else None
        return found if isinstance(found, Account) else None

    def select(self, login: str) -> None:
        row = self.model.row_of(login)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    # --- who may do what -----------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self._context.may(Capability.MANAGE_ACCOUNTS)

    @Slot(object)
    def follow_seat(self, _seat: object = None) -> None:
        """Enable changes for a role that manages accounts; explain why not to the others."""
        self.read_only.setText(self.tr(
            "Read-only: only administrators create accounts, set passwords and change "
            "roles."))
        self.read_only.setVisible(not self.editable)
        self.refresh()

    def locked(self, account: Account) -> bool:
        """True if ``account`` is the last that may manage accounts and no other role that
        may is on offer: disabling it, or any other role, would leave nobody to do so."""
        others = [row for row in assignable_roles()
                  if manages_accounts(str(row.role)) and str(row.role) != account.role]
        return last_manager(self.model.accounts(), account.login) and not others

    def _follow_selection(self) -> None:
        account = self.current()
        editable = self.editable and not self._working
        chosen = editable and account is not None
        locked = account is not None and self.locked(account)
        self.password_button.setText(self.tr("Set &password…") if account is not None
                                     and not account.has_password
                                     else self.tr("Reset &password…"))
        self.active_button.setText(self.tr("&Enable") if account is not None
                                   and not account.active else self.tr("&Disable"))
        self.new_button.setEnabled(editable)
        self.password_button.setEnabled(chosen)
        self.role_button.setEnabled(chosen and not locked)
        self.active_button.setEnabled(chosen and not (locked and account is not None
                                                      and account.active))
        if not self.editable:
            why = self.tr("Only administrators manage accounts")
            for button in (self.new_button, self.password_button, self.role_button,
                           self.active_button):
                button.setToolTip(why)
        else:
            last = self.tr("This is the last active administrator's account: give another "
                           "account the administrator's role first.")
            self.new_button.setToolTip(self.tr("An account for a staff member who has none"))
            self.password_button.setToolTip(self.tr("A new password for the selected "
                                                    "account (Enter)"))
            self.role_button.setToolTip(last if locked else self.tr(
                "Another role for the selected account"))
            self.active_button.setToolTip(last if locked else self.tr(
                "Disable the selected account (it can no longer sign in) or enable it "
                "again"))
        self._summarise(account, locked)

    def _summarise(self, account: Account | None, locked: bool) -> None:
        if self._working:
            return
        accounts = self.model.accounts()
        text = self.tr("%1 accounts, %2 active, %3 without a password").replace(
            "%1", str(len(accounts))).replace(
            "%2", str(sum(a.active for a in accounts))).replace(
            "%3", str(sum(not a.has_password for a in accounts)))
        if locked and account is not None and account.login == self._context.signed_in.login:
            text += "\n" + self.tr("You are the last active administrator: your account can "
                                   "be neither disabled nor given another role until another "
                                   "account is an administrator.")
        self.summary.setText(text)

    # --- changes -----------------------------------------------------------------------

    def _changed(self, login: str, dialog: _AccountDialog | None = None) -> None:
        if dialog is not None:
            dialog.accept()
        if not self.connected:
            self._context.events.records_changed.emit(["desk_accounts"])  # refreshes
        else:
            self.refresh()
        self.select(login)

    def _candidates(self) -> list[tuple[str, str]]:
        """Active staff members without an account: (login, name)."""
        have = {account.login for account in self.model.accounts()}
        rows = self._context.reader.execute(
            "SELECT login, name FROM staff WHERE deleted = 0 AND active = 1 "
            "ORDER BY name, login").fetchall()
        return [(str(login), str(name)) for login, name in rows if login not in have]

    @Slot()
    def new_account(self) -> NewAccountDialog | None:
        if not self.editable or self._working:
            return None
        dialog: NewAccountDialog

        def submit(new: NewAccount) -> None:
            self._run(lambda book: book.create(new.login, new.name, new.role, new.password),
                      lambda _result: self._changed(new.login, dialog), dialog)

        dialog = NewAccountDialog(self._candidates(), self._context.language, submit, self)
        return self._open(dialog)

    @Slot()
    def set_password(self) -> PasswordDialog | None:
        account = self.current()
        if account is None or not self.editable or self._working:
            return None
        dialog: PasswordDialog

        def submit(password: str) -> None:
            self._run(lambda book: book.reset_password(account.login, password),
                      lambda _result: self._changed(account.login, dialog), dialog)

        dialog = PasswordDialog(account, submit, self)
        return self._open(dialog)

    @Slot()
    def change_role(self) -> RoleDialog | None:
        account = self.current()
        if account is None or not self.editable or self._working or self.locked(account):
            return None
        dialog: RoleDialog

        def submit(role: str) -> None:
            self._run(lambda book: book.set_role(account.login, role),
                      lambda _result: self._changed(account.login, dialog), dialog)

        dialog = RoleDialog(account, self._context.language, submit, self)
        return self._open(dialog)

    @Slot()
    def toggle_active(self) -> None:
        """Disable the selected account once the administrator confirms, or enable it."""
        account = self.current()
        if account is None or not self.editable or self._working:
            return
        if account.active:
            if self.locked(account):
                return
            answer = QMessageBox.question(self, self.tr("Disable"), self.tr(
                "Disable the account %1 (%2)? It can no longer sign in; its history stays, "
                "and it can be enabled again.").replace("%1", account.login).replace(
                "%2", account.staff_name or account.login))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(lambda book: book.set_active(account.login, not account.active),
                  lambda _result: self._changed(account.login))

    def _open(self, dialog: Dialog) -> Dialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class _Failure:
    """An exception carried back from the background job as its result."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def refusal_text(error: Exception) -> str:
    """What the administrator reads when a change of accounts is not made: the desk's own
    refusals, and the server's in the words every server refusal has (ui/server_refusals)."""
    from PySide6.QtCore import QCoreApplication

    from app.sync.client import Offline, Refused, SignInNeeded

    if isinstance(error, DeskError):
        return problem_text(error.problem, error.detail)
    if isinstance(error, (Offline, Refused, SignInNeeded)):
        from ui.server_refusals import refusal_text as server_refusal

        return server_refusal(error)
    return QCoreApplication.translate(
        "AccountsTab", "The accounts could not be changed: %1").replace("%1", str(error))


def build(context: DeskContext, parent: QWidget) -> QWidget:
    """The accounts tab of the administration page (ui/admin/__init__.py)."""
    return AccountsTab(context, parent)
