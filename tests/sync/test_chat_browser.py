"""Online chat in a real browser (Debian's chromium, headless, through its driver) against
a real desk and the real server (issue 19): the requester starts a chat and writes, the
seat's desk is told at once, the seat accepts and answers with the keyboard, the page
shows the answer, and a reload keeps the conversation."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.sync.conftest import PASSWORD, RunningServer
from tests.sync.test_sync_ui import connect, fresh_desk
from ui import sound
from ui.announce import Announcer
from ui.channels import PhoneDesk
from ui.desk import Desk
from ui.status import Connection

__all__ = ["fresh_desk"]


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.fail("chromium and chromedriver are required (apt-get install chromium "
                    "chromium-driver)", pytrace=False)
    options = Options()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=760,900"):
        options.add_argument(argument)
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    yield chrome
    chrome.quit()


def test_a_requester_chats_with_a_seat_in_a_real_browser(
        qtbot: QtBot, fresh_desk: Desk, server: RunningServer, browser: webdriver.Chrome,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    desk = fresh_desk
    announced: list[str] = []
    monkeypatch.setattr(Announcer, "announce",
                        lambda _self, title, _body, **_kw: announced.append(title))
    class Chime:  # the sound itself is ui/sound.py's and its tests' (no audio device here)
        def __init__(self, _parent: object = None) -> None:
            pass

        def play(self) -> None:
            announced.append("chime")

    monkeypatch.setattr(sound, "Chime", Chime)
    connect(qtbot, desk, server.url, PASSWORD)
    qtbot.waitUntil(lambda: desk.window.connection.state == Connection.ONLINE,
                    timeout=30_000)
    phone = desk.window.findChild(PhoneDesk)
    assert phone is not None
    qtbot.waitUntil(lambda: phone.status.text() == "☎ Calls: listening", timeout=10_000)
    window = phone.chat_window
    browser.get(f"{server.url}/chat")
    browser.find_element(By.ID, "name").send_keys("李明")
    browser.find_element(By.ID, "unit").send_keys("市财政局")
    browser.find_element(By.ID, "contact").send_keys("13900000077")
    browser.find_element(By.CSS_SELECTOR, "#start button").click()
    wait = WebDriverWait(browser, 15)
    wait.until(lambda d: d.find_element(By.ID, "chat").is_displayed())
    browser.find_element(By.ID, "body").send_keys("VPN 连不上了")
    browser.find_element(By.CSS_SELECTOR, "#say button").click()
    # The desk is told at once: the chat window comes up with the waiting chat.
    qtbot.waitUntil(lambda: window.isVisible() and window.chat_list.count() == 1,
                    timeout=10_000)
    assert announced == ["New chat", "chime"]
    assert window.chat_list.item(0).text() == "李明 · 市财政局 — waiting"
    qtbot.mouseClick(window.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.reply.isEnabled, timeout=10_000)
    qtbot.waitUntil(lambda: "VPN 连不上了" in window.conversation.toPlainText(),
                    timeout=10_000)
    qtbot.keyClicks(window.reply, "Please restart the VPN client")
    qtbot.keyClick(window.reply, Qt.Key.Key_Return)
    wait.until(lambda d: "Please restart the VPN client" in d.find_element(By.ID, "log").text)
    browser.save_screenshot(str(tmp_path / "chat-page.png"))  # to look at when it fails
    log = browser.find_element(By.ID, "log").text
    assert "VPN 连不上了" in log and "is with you" in log
    # A reload keeps the conversation (the page kept the chat's token).
    browser.refresh()
    wait.until(lambda d: "Please restart the VPN client" in d.find_element(By.ID, "log").text)
    assert "VPN 连不上了" in browser.find_element(By.ID, "log").text
