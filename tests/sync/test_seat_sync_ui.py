"""A shift change at a connected desk: the sync loop follows the seat now signed in."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.identity.seat import SignedIn
from app.sync.client import ServerClient
from tests.sync.conftest import OTHER_AGENT, PASSWORD, RunningServer
from tests.sync.test_sync_ui import connect, fresh_desk
from ui.desk import Desk
from ui.status import Connection

__all__ = ["fresh_desk"]  # the fixture, shared with the sync face's tests


def test_a_seat_change_makes_the_sync_loop_pull_as_the_new_seat(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer) -> None:
    connect(qtbot, fresh_desk, server.url, PASSWORD)
    qtbot.waitUntil(lambda: fresh_desk.window.connection.state == Connection.ONLINE,
                    timeout=30_000)
    client = ServerClient(server.url, fresh_desk.sync.vault())  # B signs in at this desk
    client.sign_in(OTHER_AGENT, PASSWORD)
    client.close()
    fresh_desk.context.switch_seat(SignedIn(OTHER_AGENT, server.staff_id(OTHER_AGENT), None,
                                            "B", "agent"))
    settings = fresh_desk.context.settings.settings
    assert (settings.server_login, settings.server_role) == (OTHER_AGENT, "agent")
    assert fresh_desk.sync.syncer is not None
    assert fresh_desk.sync.syncer.client.login_name == OTHER_AGENT
    qtbot.waitUntil(lambda: fresh_desk.window.connection.state == Connection.ONLINE,
                    timeout=30_000)
