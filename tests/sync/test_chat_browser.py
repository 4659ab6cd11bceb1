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
from tests.sync.test_chat_limits import limited_server
from tests.sync.test_sync_ui import connect, fresh_desk
from ui import sound
from ui.announce import Announcer
from ui.channels import PhoneDesk
from ui.desk import Desk
from ui.status import Connection

__all__ = ["fresh_desk", "limited_server"]


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
    panel = window.panel
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.reply.isEnabled, timeout=10_000)
    qtbot.waitUntil(lambda: "VPN 连不上了" in panel.conversation.toPlainText(),
                    timeout=10_000)
    qtbot.keyClicks(panel.reply, "Please restart the VPN client")
    qtbot.keyClick(panel.reply, Qt.Key.Key_Return)
    wait.until(lambda d: "Please restart the VPN client" in d.find_element(By.ID, "log").text)
    browser.save_screenshot(str(tmp_path / "chat-page.png"))  # to look at when it fails
    log = browser.find_element(By.ID, "log").text
    assert "VPN 连不上了" in log and "is with you" in log
    # A reload keeps the conversation (the page kept the chat's token).
    browser.refresh()
    wait.until(lambda d: "Please restart the VPN client" in d.find_element(By.ID, "log").text)
    assert "VPN 连不上了" in browser.find_element(By.ID, "log").text


def start_in(browser: webdriver.Chrome, url: str, contact: str) -> None:
    browser.get(f"{url}/chat")
    browser.find_element(By.ID, "name").send_keys("李明")
    browser.find_element(By.ID, "contact").send_keys(contact)
    browser.find_element(By.CSS_SELECTOR, "#start button").click()


def test_the_page_says_why_the_server_refused_a_message_or_a_chat(
        limited_server: RunningServer, browser: webdriver.Chrome, tmp_path: Path) -> None:
    """The rate limit (tests/sync/test_chat_limits.py: 3 messages a minute per chat, 2
    chats an hour per address) as the requester meets it: told in Chinese and English,
    the unsent text kept in its box."""
    wait = WebDriverWait(browser, 15)
    start_in(browser, limited_server.url, "13900000078")
    wait.until(lambda d: d.find_element(By.ID, "chat").is_displayed())
    body, error = browser.find_element(By.ID, "body"), browser.find_element(By.ID, "say-error")
    for n in range(4):
        body.send_keys(f"第{n + 1}条消息")
        browser.find_element(By.CSS_SELECTOR, "#say button").click()
        if n < 3:
            wait.until(lambda d, n=n: f"第{n + 1}条消息" in d.find_element(By.ID, "log").text
                       and not body.get_attribute("value"))
    wait.until(lambda _d: error.text)
    assert error.text.startswith("发送太快了，消息未发送，请 ")
    assert "Sending too fast, not sent: please try again in " in error.text
    assert body.get_attribute("value") == "第4条消息"
    browser.save_screenshot(str(tmp_path / "chat-limited.png"))
    # A second chat from the same address is taken, a third refused with the wait in minutes.
    browser.execute_script("localStorage.clear()")
    start_in(browser, limited_server.url, "13900000079")
    wait.until(lambda d: d.find_element(By.ID, "chat").is_displayed())
    browser.execute_script("localStorage.clear()")
    start_in(browser, limited_server.url, "13900000080")
    refused = browser.find_element(By.ID, "start-error")
    wait.until(lambda _d: refused.text)
    assert refused.text.startswith("同一网络发起的咨询过多，请 ")
    assert " 分钟后再试。Too many chats from this network: please try again in " in refused.text
    assert not browser.find_element(By.ID, "chat").is_displayed()
