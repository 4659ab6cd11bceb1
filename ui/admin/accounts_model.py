"""Table model over the accounts (``app.identity.accounts.Account`` value objects).

Roles are named in the desk's language from the roles table (``app.domain.roles``);
disabled accounts are greyed, and an account without a password says it cannot sign in
yet. Searching and sorting go through a ``QSortFilterProxyModel`` over every column.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.roles import spec
from app.identity.accounts import Account

Index = QModelIndex | QPersistentModelIndex
ACCOUNT_ROLE = Qt.ItemDataRole.UserRole
_MUTED = QColor("#8a8a8a")
_WARNING = QColor("#b26a00")


class Column(IntEnum):
    LOGIN = 0
    NAME = 1
    ROLE = 2
    ACTIVE = 3
    PASSWORD = 4


def column_title(column: Column) -> str:
    return {Column.LOGIN: QCoreApplication.translate("AccountsModel", "Login"),
            Column.NAME: QCoreApplication.translate("AccountsModel", "Staff member"),
            Column.ROLE: QCoreApplication.translate("AccountsModel", "Role"),
            Column.ACTIVE: QCoreApplication.translate("AccountsModel", "Status"),
            Column.PASSWORD: QCoreApplication.translate("AccountsModel", "Password")}[column]


class AccountsModel(QAbstractTableModel):
    """Every account of the desk (or of its server), one row each."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._language = language
        self._accounts: list[Account] = []

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        self.endResetModel()

    def accounts(self) -> list[Account]:
        return list(self._accounts)

    def row_of(self, login: str) -> int | None:
        return next((n for n, a in enumerate(self._accounts) if a.login == login), None)

    # --- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return column_title(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        account = self._accounts[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(account, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(account, column)
        if role == ACCOUNT_ROLE:
            return account
        if role == Qt.ItemDataRole.ForegroundRole:
            if not account.active:
                return QBrush(_MUTED)
            if column is Column.PASSWORD and not account.has_password:
                return QBrush(_WARNING)
        return None

    def _text(self, account: Account, column: Column) -> str:
        if column is Column.LOGIN:
            return account.login
        if column is Column.NAME:
            return account.staff_name or "—"
        if column is Column.ROLE:
            return spec(account.role).name(self._language)
        if column is Column.ACTIVE:
            return (QCoreApplication.translate("AccountsModel", "Active") if account.active
                    else QCoreApplication.translate("AccountsModel", "Disabled"))
        return (QCoreApplication.translate("AccountsModel", "Set") if account.has_password
                else QCoreApplication.translate("AccountsModel", "Not set"))

    def _tip(self, account: Account, column: Column) -> str:
        if column is Column.PASSWORD and not account.has_password:
            return QCoreApplication.translate(
                "AccountsModel", "No password yet: this account cannot sign in until an "
                "administrator sets one.")
        if column is Column.NAME and not account.staff_name:
            return QCoreApplication.translate(
                "AccountsModel", "No active staff member has this login: the account cannot "
                "sign in.")
        if column is Column.ACTIVE and not account.active:
            return QCoreApplication.translate(
                "AccountsModel", "Disabled: this account cannot sign in.")
        return self._text(account, column)
