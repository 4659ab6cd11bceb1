"""Against the real server over HTTP: a new desk joins it from the first-start walk-through
(signed in with the server's account, everything pulled, able to sign in offline), and an
administrator's connected desk manages the server's accounts from the accounts tab."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.domain.clock import ManualClock
from app.identity.seat import SignedIn
from app.identity.signing_in import sign_in_locally, sign_in_to_server
from app.paths import DataDir
from app.services.data_folder import prepare
from app.settings import SettingsFile
from app.sync.client import ServerClient
from app.sync.tokens import KeyringVault, MemoryVault
from tests.conftest import T0
from tests.sync.conftest import ADMIN, AGENT, PASSWORD, SUPERVISOR, RunningServer
from tests.ui.conftest import activate, shown_page
from ui.admin import AdministrationPage
from ui.admin.account_dialogs import NewAccountDialog, PasswordDialog
from ui.admin.accounts_model import Column
from ui.admin.accounts_tab import AccountsTab
from ui.desk import Desk, build_desk
from ui.setup import SERVER, SetupWizard

Button = QWizard.WizardButton


@pytest.fixture
def new_folder(tmp_path: Path) -> DataDir:
    data = DataDir(tmp_path / "joining")
    prepare(data, ManualClock(T0))
    return data


def join_page(qtbot: QtBot, data: DataDir) -> SetupWizard:
    wizard = SetupWizard(data, SettingsFile(data.settings), ManualClock(T0), "en",
                         vault=MemoryVault)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    way = wizard.start_page.server
    qtbot.mouseClick(way, Qt.MouseButton.LeftButton, pos=QPoint(8, way.height() // 2))
    qtbot.mouseClick(wizard.button(Button.NextButton), Qt.MouseButton.LeftButton)
    return wizard


def sign_in_on_page(qtbot: QtBot, wizard: SetupWizard, url: str, password: str) -> None:
    page = wizard.server_page
    page.url.clear()
    qtbot.keyClicks(page.url, url)
    page.login.clear()
    qtbot.keyClicks(page.login, AGENT)
    qtbot.keyClicks(page.password, password)
    qtbot.mouseClick(wizard.button(Button.FinishButton), Qt.MouseButton.LeftButton)


def test_a_new_desk_joins_from_the_walk_through_signed_in_with_the_servers_account(
        qtbot: QtBot, new_folder: DataDir, server: RunningServer) -> None:
    wizard = join_page(qtbot, new_folder)
    sign_in_on_page(qtbot, wizard, server.url, "not the password")
    page = wizard.server_page
    qtbot.waitUntil(lambda: page.message.text() == "Wrong user name or password.",
                    timeout=15_000)
    assert wizard.outcome is None and page.password.text() == ""
    sign_in_on_page(qtbot, wizard, server.url, PASSWORD)
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=60_000)
    outcome = wizard.outcome
    assert outcome is not None and outcome.choice == SERVER
    seat = outcome.signed_in
    assert seat is not None and (seat.login, seat.role) == (AGENT, "agent")
    settings = SettingsFile(new_folder.settings).settings
    assert (settings.server_url, settings.server_login, settings.server_role) == (
        server.url, AGENT, "agent")
    with closing(sqlite3.connect(new_folder.database)) as conn:
        assert conn.execute("SELECT count(*) FROM tickets").fetchone()[0] == 600
        assert seat.staff_id == conn.execute("SELECT id FROM staff WHERE login = ?",
                                             (AGENT,)).fetchone()[0]
        # No local account was made: the joined desk signs in with the server's.
        assert conn.execute("SELECT count(*) FROM desk_accounts").fetchone()[0] == 0
    # During an outage the seat still signs in on this desk, with its role.
    server.stop()
    offline = sign_in_to_server(new_folder.database, server.url, MemoryVault(), AGENT,
                                PASSWORD)
    assert (offline.login, offline.role, offline.offline) == (AGENT, "agent", True)


def test_a_desk_holding_records_of_its_own_is_not_joined(
        qtbot: QtBot, demo_copy: DataDir, server: RunningServer) -> None:
    wizard = join_page(qtbot, demo_copy)
    sign_in_on_page(qtbot, wizard, server.url, PASSWORD)
    page = wizard.server_page
    qtbot.waitUntil(lambda: "holds records of its own" in page.message.text(), timeout=15_000)
    assert wizard.outcome is None
    assert SettingsFile(demo_copy.settings).settings.server_url == ""


# --- the accounts tab of a connected desk ------------------------------------------------

@pytest.fixture
def connected_desk(qtbot: QtBot, new_folder: DataDir, server: RunningServer
                   ) -> Iterator[Desk]:
    """An administrator's desk that joined the server (its pull done by a Syncer)."""
    from app.store.database import Store
    from app.sync.syncer import Syncer

    vault = KeyringVault()  # the desk's: the tab finds the token where sign-in put it
    store = Store(new_folder.database)
    client = ServerClient(server.url, vault)
    client.sign_in(ADMIN, PASSWORD)
    Syncer(store, client, ManualClock(T0)).sync_once()
    client.close()
    store.close()
    seat = sign_in_to_server(new_folder.database, server.url, vault, ADMIN, PASSWORD)
    settings = SettingsFile(new_folder.settings)
    desk = build_desk(new_folder, settings, ManualClock(T0), "en", seat)
    qtbot.addWidget(desk.window)
    # Connected from now on (set after building: the test's desk runs no sync loop).
    settings.update(server_url=server.url, server_login=ADMIN, server_role="admin")
    yield desk
    desk.close()


def accounts_tab(qtbot: QtBot, desk: Desk) -> AccountsTab:
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    tab = page.tab("accounts")
    assert isinstance(tab, AccountsTab)
    page.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and tab.new_button.isEnabled(),
                    timeout=15_000)
    return tab


def select(tab: AccountsTab, login: str) -> None:
    row = next(r for r in range(tab.proxy.rowCount())
               if tab.proxy.index(r, Column.LOGIN).data() == login)
    tab.table.selectionModel().setCurrentIndex(
        tab.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def closed(dialog: NewAccountDialog | PasswordDialog) -> bool:
    """Closed (a dialog of the tab is deleted once closed)."""
    return not isValid(dialog) or not dialog.isVisible()


def ok(qtbot: QtBot, dialog: NewAccountDialog | PasswordDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_an_administrator_manages_the_servers_accounts_from_a_connected_desk(
        qtbot: QtBot, connected_desk: Desk, server: RunningServer) -> None:
    tab = accounts_tab(qtbot, connected_desk)
    assert server.url in tab.where.text()
    logins = {tab.model.index(r, Column.LOGIN).data() for r in range(tab.model.rowCount())}
    assert {ADMIN, AGENT, SUPERVISOR} <= logins
    # The last administrator: the tab keeps the account, as the server would.
    select(tab, ADMIN)
    assert not tab.active_button.isEnabled() and not tab.role_button.isEnabled()
    # A new server account for a staff member the desk pulled, who has none there.
    tab.new_account()
    dialog = next(d for d in tab.findChildren(NewAccountDialog) if d.isVisible())
    index = next(i for i in range(dialog.person.count())
                 if dialog.person.itemData(i)[0] == "seat020")
    dialog.person.setCurrentIndex(index)
    qtbot.keyClicks(dialog.password, "seat020 first")
    qtbot.keyClicks(dialog.again, "seat020 first")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog), timeout=15_000)
    qtbot.waitUntil(lambda: tab.model.row_of("seat020") is not None, timeout=15_000)
    # A new password for the agent: the old one no longer signs in, the new one does.
    qtbot.waitUntil(tab.password_button.isEnabled, timeout=15_000)
    select(tab, AGENT)
    tab.set_password()
    reset = next(d for d in tab.findChildren(PasswordDialog) if d.isVisible())
    qtbot.keyClicks(reset.password, "agent new one")
    qtbot.keyClicks(reset.again, "agent new one")
    ok(qtbot, reset)
    qtbot.waitUntil(lambda: closed(reset), timeout=15_000)
    client = ServerClient(server.url, MemoryVault())
    try:
        assert client.sign_in(AGENT, "agent new one").role == "agent"
        assert client.sign_in("seat020", "seat020 first").login == "seat020"
    finally:
        client.close()
    # Nothing of it became a local account: the desk's accounts are the server's.
    with closing(sqlite3.connect(connected_desk.context.data.database)) as conn:
        assert conn.execute("SELECT count(*) FROM desk_accounts").fetchone()[0] == 0
        with pytest.raises(Exception, match="sign_in_refused"):
            sign_in_locally(conn, "seat020", "seat020 first")


def test_an_outage_is_said_in_words_and_a_refusal_in_the_dialog(
        qtbot: QtBot, connected_desk: Desk, server: RunningServer) -> None:
    tab = accounts_tab(qtbot, connected_desk)
    select(tab, AGENT)
    tab.set_password()
    reset = next(d for d in tab.findChildren(PasswordDialog) if d.isVisible())
    server.stop()
    qtbot.keyClicks(reset.password, "agent new one")
    qtbot.keyClicks(reset.again, "agent new one")
    ok(qtbot, reset)
    qtbot.waitUntil(lambda: "cannot be reached" in reset.message.text(), timeout=20_000)
    assert reset.isVisible()
    assert reset.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    reset.reject()
    # Reading the list during the outage: said under the list, no message box.
    tab.refresh()
    qtbot.waitUntil(lambda: "cannot be reached" in tab.summary.text(), timeout=20_000)
    # A supervisor's desk does not ask: the server lists accounts to administrators only.
    connected_desk.context.switch_seat(SignedIn(SUPERVISOR, None, None, "值班长", "supervisor"))
    assert tab.summary.text() == "Only administrators see the server's accounts."
    assert tab.model.rowCount() == 0 and not tab.new_button.isEnabled()
