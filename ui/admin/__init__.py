"""Administration: people, accounts and roles, the catalog, requesters, desk-wide settings,
the audit log, the mail received and the messages to requesters. Shown to the roles that may see it
(``VIEW_ADMINISTRATION``); each tab decides for itself what the signed-in role may change,
and says why when it may not.

Every tab is a module of this package with ``build(context, parent) -> QWidget``; the page
holds them in a tab widget, built when the page is first shown. A tab widget may have
``refresh()`` (F5 and pulled rows call it) and listens to ``context.events`` itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from app.domain.roles import Capability
from ui.context import DeskContext
from ui.icons import badge
from ui.main_window import MainWindow, Page
from ui.page_holder import PageHolder

PAGE_ID = "admin"


def _tabs() -> list[tuple[str, str, Callable[[], str]]]:
    """(object name, module under ui.admin, translated title) in the order shown. Each
    title is spelled out in its own translate() call, so lupdate finds it."""
    return [
        ("people", "people_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Staff, teams and skills")),
        ("accounts", "accounts_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Accounts and roles")),
        ("catalog", "catalog_tab",
         lambda: QCoreApplication.translate("AdministrationPage",
                                            "Ticket types and categories")),
        ("requesters", "requesters_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Requesters")),
        ("settings", "settings_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Desk settings")),
        ("audit", "audit_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Audit log")),
        ("mailboxes", "mailboxes_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Mailboxes")),
        ("mail", "mail_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Mail received")),
        ("templates", "templates_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Messages to requesters")),
        ("alerts", "alerts_tab",
         lambda: QCoreApplication.translate("AdministrationPage", "Alerts and phone")),
    ]


class AdministrationPage(QTabWidget):
    """The tabs of the administration page; a tab whose module is missing is left out."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("administration")
        self.setDocumentMode(True)
        for name, module, title in _tabs():
            try:
                found = importlib.import_module(f"ui.admin.{module}")
            except ModuleNotFoundError as error:
                if error.name != f"ui.admin.{module}":
                    raise
                continue
            tab = found.build(context, self)
            tab.setObjectName(f"admin_{name}")
            self.addTab(tab, title())

    def tab(self, name: str) -> QWidget | None:
        return self.findChild(QWidget, f"admin_{name}")

    def refresh(self) -> None:
        for index in range(self.count()):
            refresh = getattr(self.widget(index), "refresh", None)
            if callable(refresh):
                refresh()


def register(window: MainWindow, context: DeskContext) -> PageHolder:
    """Add the administration page, visible to the roles that may see it."""
    holder = PageHolder(PAGE_ID, lambda parent: AdministrationPage(context, parent), window)
    window.page_changed.connect(holder.on_page_changed)
    window.refresh_requested.connect(holder.refresh)
    context.events.records_changed.connect(lambda _names: holder.refresh())
    title = QCoreApplication.translate("AdministrationPage", "Administration")
    window.add_page(Page(PAGE_ID, title, holder, badge("#455a64", "A", 20)))

    def follow(_seat: object) -> None:
        window.set_page_visible(PAGE_ID, context.may(Capability.VIEW_ADMINISTRATION))

    follow(None)
    context.events.seat_changed.connect(follow)
    return holder
