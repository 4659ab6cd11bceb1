"""The caller pop-up on a real desk connected to the real server (issue 19): the seat sets
his extension, a PBX's ringing event pops the right requester with their last tickets on
his desk, an answer after 4 rings is shown as over the 3-ring target, and F8 opens the
new-ticket form for the call, whose saved ticket was received when the phone rang."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.channels import client as channels
from app.domain.clock import ManualClock
from app.domain.enums import Channel
from app.sla.notices import notices
from tests.sync.conftest import ADMIN, PASSWORD, RunningServer
from tests.sync.test_account_admin import signed_in
from tests.sync.test_sync_ui import connect, fresh_desk
from ui.announce import Announcer
from ui.channels import PhoneDesk
from ui.channels.caller_popup import CallerPopup
from ui.desk import Desk
from ui.intake.dialog import IntakeDialog
from ui.status import Connection

__all__ = ["fresh_desk"]


def pbx_poster(server: RunningServer) -> Callable[..., requests.Response]:
    admin = signed_in(server, ADMIN)
    token = channels.create_source(admin, "PBX", "pbx").token
    admin.close()

    def post(event: str, caller: str, extension: str = "8001") -> requests.Response:
        answer = requests.post(f"{server.url}/v1/calls/events", timeout=10, json={
            "call_id": "call-1", "event": event, "caller": caller, "extension": extension},
            headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200, answer.text
        return answer
    return post


def late_answer_raised(qtbot: QtBot, desk: Desk, announced: list[tuple[str, str]],
                       number: str) -> None:
    """The late answer is an SLA miss of the call, raised when the server's record of it
    arrives by sync, and listed in the notification centre."""
    late = ("Phone answer target missed",
            f"Call from {number} to extension 8001 answered after 4 rings (target 3)")
    qtbot.waitUntil(lambda: late in announced, timeout=15_000)
    assert announced.count(late) == 1
    [notice] = [n for n in notices(desk.context.reader, desk.context.clock.now())
                if n.call is not None]
    assert notice.call is not None
    assert (notice.kind, notice.threshold, notice.call.rings) == ("answer", "breached", 4.0)
    assert desk.sla.centre.unread >= 1


def log_the_call(qtbot: QtBot, desk: Desk, popup: CallerPopup, requester: str,
                 rang_at: datetime) -> None:
    """F8 on the answered call's pop-up, the form filled and saved five minutes later."""
    # The seat talks for five minutes before pressing F8 and saving.
    desk_clock = desk.context.clock
    assert isinstance(desk_clock, ManualClock)
    desk_clock.advance(timedelta(minutes=5))
    qtbot.keyClick(popup, Qt.Key.Key_F8)
    forms = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, IntakeDialog) and w.isVisible()]
    assert len(forms) == 1
    form = forms[0]
    draft = form.draft()
    assert (draft.requester_id, draft.channel) == (requester, Channel.PHONE)
    form.title.setText("Cannot reach the portal")
    form.ticket_type.setCurrentIndex(0)
    form.category.setCurrentIndex(0)
    with qtbot.waitSignal(form.ticket_logged, timeout=10_000) as logged:
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    created, channel, requester_of = desk.context.reader.execute(
        "SELECT created_at, channel, requester_id FROM tickets WHERE id = ?",
        (logged.args[0],)).fetchone()
    # The SLA clocks run from the ring, not from the save five minutes later.
    assert datetime.fromisoformat(created).replace(tzinfo=UTC) == rang_at
    assert (channel, requester_of) == (str(Channel.PHONE), requester)
    # Its creation names the call it was logged for (the reports count such calls).
    [data] = desk.context.reader.execute(
        "SELECT data FROM ticket_events WHERE ticket_id = ? AND kind = 'created'",
        (logged.args[0],)).fetchone()
    assert json.loads(data)["call_id"] == "call-1"


def test_ringing_pops_the_caller_on_the_seats_desk_and_f8_logs_the_call(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer, server_clock: ManualClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    desk = fresh_desk
    phone = desk.window.findChild(PhoneDesk)
    assert phone is not None
    assert phone.status.text() == "☎ Call events need the server"
    connect(qtbot, desk, server.url, PASSWORD)
    qtbot.waitUntil(lambda: desk.window.connection.state == Connection.ONLINE,
                    timeout=30_000)
    qtbot.waitUntil(lambda: phone.status.text() == "☎ Calls: listening", timeout=10_000)
    # The seat gives his extension (File > Phone extension…).
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("8001", True))
    with qtbot.waitSignal(phone.extension_saved, timeout=10_000) as saved:
        [action] = [a for a in desk.window.file_menu.actions()
                    if a.text() == "Phone &extension…"]
        action.trigger()
    assert saved.args == ["8001"]
    requester, name, number = desk.context.reader.execute(
        "SELECT r.id, r.name, r.phone FROM requesters r JOIN tickets t "
        "ON t.requester_id = r.id WHERE r.phone != '' ORDER BY r.id LIMIT 1").fetchone()
    post = pbx_poster(server)
    assert desk.window.findChild(CallerPopup) is None  # made when a call first arrives
    server_clock.advance(timedelta(seconds=30))
    rang_at = server_clock.now()
    post("ringing", number)
    qtbot.waitUntil(lambda: desk.window.findChild(CallerPopup) is not None, timeout=10_000)
    popup = desk.window.findChild(CallerPopup)
    assert popup is not None
    qtbot.waitUntil(lambda: popup.isVisible() and popup.who.text() == name, timeout=10_000)
    assert popup.heading.text() == "Incoming call" and popup.number.text() == number
    assert popup.recent.count() >= 1 and popup.recent.item(0).text().startswith("SD-")
    assert not popup.log_call.isEnabled()
    server_clock.advance(timedelta(seconds=20))
    desk.sla.start()  # as the desk does once its window shows
    announced: list[tuple[str, str]] = []
    monkeypatch.setattr(Announcer, "announce",
                        lambda _self, title, body, **_kw: announced.append((title, body)))
    post("answered", number)
    qtbot.waitUntil(lambda: popup.heading.text() == "On the call", timeout=10_000)
    assert popup.rings.text() == "Answered after 4 rings - over the 3-ring target"
    late_answer_raised(qtbot, desk, announced, number)
    log_the_call(qtbot, desk, popup, requester, rang_at)


def test_an_extension_the_server_refuses_is_told_in_the_desks_language(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Another seat holds extension 8002: File > Phone extension… says so in the desk's
    words (the server's English sentence is for its log), in English and in Chinese."""
    from app.channels.calls import set_extension
    from tests.sync.conftest import OTHER_AGENT
    from ui.i18n import install_translators

    colleague = signed_in(server, OTHER_AGENT)
    assert set_extension(colleague, "8002") == "8002"
    colleague.close()
    desk = fresh_desk
    phone = desk.window.findChild(PhoneDesk)
    assert phone is not None
    connect(qtbot, desk, server.url, PASSWORD)
    qtbot.waitUntil(lambda: phone.status.text() == "☎ Calls: listening", timeout=30_000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("8002", True))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: warned.append(text))
    [action] = [a for a in desk.window.file_menu.actions()
                if a.text() == "Phone &extension…"]
    action.trigger()
    qtbot.waitUntil(lambda: len(warned) == 1, timeout=10_000)
    assert warned == ["This extension is another seat's on the server."]
    app = QApplication.instance()
    assert app is not None
    translators = install_translators(app, "zh_CN")
    try:
        action.trigger()
        qtbot.waitUntil(lambda: len(warned) == 2, timeout=10_000)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        install_translators(app, "en")
    assert warned[1] == "该分机在服务器上已属于另一位坐席。"
