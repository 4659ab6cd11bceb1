"""The desk's sync face, driven as a seat would: connect through the dialog against the real
server, see the status bar follow the link, and find a refused change in the sync panel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.domain.roles import Capability, may
from app.paths import DataDir
from app.services.data_folder import prepare
from app.settings import SettingsFile
from app.store.models import CategoryRow
from tests.conftest import T0, seat_of
from tests.sync.conftest import AGENT, PASSWORD, RunningServer
from tests.ui.conftest import activate
from ui.desk import Desk, build_desk
from ui.status import Connection
from ui.sync.connect import ConnectDialog
from ui.sync.panel import SyncPanel


def new_desk(qtbot: QtBot, folder: Path) -> Desk:
    """A desk on a new data folder, not yet connected (close it after)."""
    data = DataDir(folder)
    data.root.mkdir()
    prepare(data, ManualClock(T0))
    desk = build_desk(data, SettingsFile(data.settings), ManualClock(T0), "en",
                      seat_of(data))
    qtbot.addWidget(desk.window)
    return desk


@pytest.fixture
def fresh_desk(qtbot: QtBot, tmp_path: Path, server: RunningServer) -> Iterator[Desk]:
    desk = new_desk(qtbot, tmp_path / "seat")
    yield desk
    desk.close()


def connect(qtbot: QtBot, desk: Desk, url: str, password: str,
            login: str = AGENT) -> ConnectDialog:
    desk.sync.show_connect()
    dialog = desk.window.findChild(ConnectDialog)
    assert dialog is not None
    dialog.url.setText(url)
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.sign_in()
    return dialog


def test_a_wrong_password_is_refused_with_a_message_and_nothing_is_saved(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer) -> None:
    dialog = connect(qtbot, fresh_desk, server.url, "not the password")
    qtbot.waitUntil(lambda: "Wrong user name or password" in dialog.message.text(),
                    timeout=10_000)
    assert fresh_desk.context.settings.settings.server_url == ""
    assert fresh_desk.sync.runner is None


def test_connecting_syncs_the_desk_and_a_refused_change_shows_in_the_panel(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer) -> None:
    connect(qtbot, fresh_desk, server.url, PASSWORD)
    indicator = fresh_desk.window.connection
    qtbot.waitUntil(lambda: indicator.state == Connection.ONLINE, timeout=30_000)
    assert fresh_desk.context.settings.settings.server_url == server.url
    assert fresh_desk.context.settings.settings.server_role == "agent"
    assert not may(fresh_desk.context.settings.settings.server_role, Capability.PLAN_ROTA)
    reader = fresh_desk.context.reader
    assert reader.execute("SELECT count(*) FROM tickets").fetchone()[0] == 600
    # An agent renames a category: the server refuses it, the status bar says so.
    with fresh_desk.context.store().unit_of_work() as session:
        row = session.query(CategoryRow).order_by(CategoryRow.id).first()
        assert row is not None
        row.name_en = "Renamed"
    fresh_desk.context.events.tickets_changed.emit([])
    # The change and its audit line.
    qtbot.waitUntil(lambda: "2 need attention" in indicator._text.text(), timeout=10_000)
    assert fresh_desk.sync.syncer is not None
    # A click on the status-bar indicator opens the sync panel.
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    panel = fresh_desk.window.findChild(SyncPanel)
    assert panel is not None and panel.isVisible()
    assert panel.tabs.currentWidget() is panel.rejected
    reasons = {panel.rejected.item(row, 4).text() for row in range(2)}
    assert reasons == {"your role may not change categories",
                       "your role may not record changes of categories"}
    for row in range(2):
        fresh_desk.sync.syncer.discard(int(panel.rejected.item(row, 0).text()))
    panel.refresh()
    assert panel.rejected.rowCount() == 0


def test_a_desk_with_its_own_records_is_not_joined_to_a_server(
        qtbot: QtBot, demo_copy: DataDir, server: RunningServer) -> None:
    desk = build_desk(demo_copy, SettingsFile(demo_copy.settings), ManualClock(T0), "en",
                   seat_of(demo_copy))
    qtbot.addWidget(desk.window)
    try:
        dialog = connect(qtbot, desk, server.url, PASSWORD)
        assert "already holds its own records" in dialog.message.text()
        assert dialog.buttons.isEnabled()  # nothing was sent
        assert desk.context.settings.settings.server_url == ""
    finally:
        desk.close()


def test_the_joining_account_is_the_seat_and_signs_in_offline_during_an_outage(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer) -> None:
    """A connected desk checks passwords with the server; once a seat has signed in on this
    desk, the verifier it keeps lets that seat in while the server cannot be reached."""
    from ui.seat.sign_in import Mode

    connect(qtbot, fresh_desk, server.url, PASSWORD)
    qtbot.waitUntil(lambda: fresh_desk.window.connection.state == Connection.ONLINE,
                    timeout=30_000)
    # The joining account sits at the desk, as its staff member once the pull brought it.
    qtbot.waitUntil(lambda: fresh_desk.context.signed_in.staff_id is not None,
                    timeout=30_000)
    seat = fresh_desk.context.signed_in
    assert seat.login == AGENT and seat.staff_id == fresh_desk.context.reader.execute(
        "SELECT id FROM staff WHERE login = ?", (AGENT,)).fetchone()[0]
    activate(qtbot, fresh_desk.window)
    qtbot.keyClick(fresh_desk.window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    lock = fresh_desk.seat.dialog
    assert lock is not None and lock.mode is Mode.LOCKED
    assert fresh_desk.window.centralWidget().isHidden()
    server.stop()  # the network is gone
    try:
        lock.password.setText("not the password")
        qtbot.mouseClick(lock.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Wrong login or password" in lock.message.text(),
                        timeout=20_000)
        assert fresh_desk.window.centralWidget().isHidden()
        lock.password.setText(PASSWORD)
        qtbot.mouseClick(lock.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: fresh_desk.seat.dialog is None, timeout=20_000)
        assert not fresh_desk.window.centralWidget().isHidden()
        assert fresh_desk.context.signed_in.login == AGENT
    finally:
        server.start(server.port)
