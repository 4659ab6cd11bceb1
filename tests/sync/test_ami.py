"""The Asterisk Manager Interface adapter against a protocol-level AMI server and the real
sync server (issue 19): it signs in, and a call's DialBegin, DialEnd and Hangup reach the
desk of the extension's seat; an unanswered dial becomes a missed call and a call-back
task; a wrong secret never gets in."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.channels import calls as desk_calls
from app.channels import client as channels
from app.server.channels.ami import AmiBridge, extension_of, http_post
from app.sync.client import ServerClient
from tests.sync.ami_server import AmiServer
from tests.sync.conftest import RunningServer
from tests.sync.test_account_admin import admin
from tests.sync.test_calls import Heard, agent, heard

__all__ = ["admin", "agent", "heard"]


@pytest.fixture
def ami() -> Iterator[AmiServer]:
    server = AmiServer("seatdesk", "ami secret")
    server.start()
    yield server
    server.stop()


class Running:
    """The bridge on an event loop of its own thread, as the adapter's process runs it."""

    def __init__(self, bridge: AmiBridge) -> None:
        self.bridge = bridge
        self._loop = asyncio.new_event_loop()
        self._stop = asyncio.Event()
        self._thread = threading.Thread(target=self._loop.run_until_complete,
                                        args=(bridge.run(self._stop),), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(5)


def bridge_to(server: RunningServer, admin: ServerClient, ami: AmiServer,
              secret: str = "ami secret") -> Running:
    token = channels.create_source(admin, "Asterisk", "pbx").token
    assert token is not None
    return Running(AmiBridge(http_post(server.url, token), host="127.0.0.1", port=ami.port,
                             username="seatdesk", secret=secret, retry=0.1))


def dial(ami: AmiServer, uid: str, caller: str, status: str | None) -> None:
    channel = {"Channel": f"PJSIP/trunk-{uid}", "CallerIDNum": caller, "Uniqueid": uid,
               "Linkedid": uid}
    ami.emit("Newchannel", {**channel, "Exten": "8001"})
    ami.emit("DialBegin", {**channel, "DestChannel": "PJSIP/8001-0000002a",
                           "DestCallerIDNum": "8001", "DestUniqueid": f"{uid}.1",
                           "DialString": "8001"})
    if status is not None:
        ami.emit("DialEnd", {**channel, "DestChannel": "PJSIP/8001-0000002a",
                             "DialStatus": status})


def test_a_call_from_ami_reaches_the_extensions_desk(
        server: RunningServer, admin: ServerClient, agent: ServerClient, heard: Heard,
        ami: AmiServer) -> None:
    desk_calls.set_extension(agent, "8001")
    running = bridge_to(server, admin, ami)
    try:
        _wait(lambda: ami.logins == [("seatdesk", True)])
        dial(ami, "1733380000.42", "13800000009", "ANSWER")
        ami.emit("Hangup", {"Channel": "PJSIP/trunk-1", "Uniqueid": "1733380000.42",
                            "CallerIDNum": "13800000009", "Cause": "16"})
        events = heard.wait_for(3)
        assert [(e.event, e.call_id, e.caller, e.extension) for e in events] == [
            ("ringing", "1733380000.42", "13800000009", "8001"),
            ("answered", "1733380000.42", "13800000009", "8001"),
            ("ended", "1733380000.42", "13800000009", "8001")]
        dial(ami, "1733380001.43", "<unknown>", "NOANSWER")
        missed = heard.wait_for(5)[4]
        assert (missed.event, missed.caller) == ("missed", "")
        assert missed.ticket_id is not None
    finally:
        running.stop()


def test_a_wrong_secret_does_not_get_in(server: RunningServer, admin: ServerClient,
                                        ami: AmiServer) -> None:
    running = bridge_to(server, admin, ami, secret="wrong")
    try:
        _wait(lambda: ami.logins[:1] == [("seatdesk", False)])
        assert not running.bridge.logged_in.is_set()
    finally:
        running.stop()


def test_the_seatdesk_server_ami_command_forwards_calls_until_stopped(
        server: RunningServer, admin: ServerClient, agent: ServerClient, heard: Heard,
        ami: AmiServer) -> None:
    """As the packaged unit runs it: settings and secrets in the environment
    (/etc/seatdesk/ami.env), SIGTERM to stop."""
    desk_calls.set_extension(agent, "8001")
    token = channels.create_source(admin, "Asterisk", "pbx").token
    assert token is not None
    env = {**os.environ, "SEATDESK_SERVER": server.url, "SEATDESK_AMI_HOST": "127.0.0.1",
           "SEATDESK_AMI_PORT": str(ami.port), "SEATDESK_AMI_USER": "seatdesk",
           "SEATDESK_AMI_SECRET": "ami secret", "SEATDESK_PBX_TOKEN": token}
    adapter = subprocess.Popen([sys.executable, "-m", "app.server.cli", "ami"], env=env,
                               cwd=Path(__file__).resolve().parents[2],
                               stderr=subprocess.PIPE, text=True)
    try:
        _wait(lambda: ami.logins == [("seatdesk", True)], timeout=30)
        dial(ami, "1733380002.44", "13800000009", "ANSWER")
        events = heard.wait_for(2)
        assert [(e.event, e.call_id, e.extension) for e in events] == [
            ("ringing", "1733380002.44", "8001"), ("answered", "1733380002.44", "8001")]
    finally:
        adapter.send_signal(signal.SIGTERM)
        _, errors = adapter.communicate(timeout=10)
    assert adapter.returncode == 0, errors


def test_the_ami_command_without_its_secrets_says_which_and_stops(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from app.server.cli import main

    for name in ("SEATDESK_AMI_SECRET", "SEATDESK_SERVER", "SEATDESK_AMI_USER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SEATDESK_PBX_TOKEN", "t")
    assert main(["ami", "--server", "http://127.0.0.1:1", "--ami-user", "seatdesk"]) == 2
    assert "SEATDESK_AMI_SECRET" in capsys.readouterr().err
    assert main(["ami", "--ami-user", "seatdesk"]) == 2
    assert "give --server and --ami-user" in capsys.readouterr().err


def test_the_extension_is_read_from_the_dialled_channel() -> None:
    assert extension_of({"DestChannel": "PJSIP/8001-0000002a"}) == "8001"
    assert extension_of({"DestChannel": "SIP/8002@office-1"}) == "8002"
    assert extension_of({"DialString": "PJSIP/8003"}) == "8003"


def _wait(condition: object, timeout: float = 10.0) -> None:
    import time

    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
