"""The online questionnaire in a real browser (Debian's chromium, headless, driven by
chromedriver): a seat resolves an e-mail ticket, the requester's "resolved" message carries
the link, the page refuses an incomplete answer, takes the answer, and every desk sees the
ticket confirmed "collected by questionnaire"; the reused link gets a clear page."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from app.mail.service import MailService
from app.services.ticket_flow import TicketFlow
from tests.mail import messages
from tests.mail.dovecot import Dovecot
from tests.mail.smtp import SmtpServer
from tests.mail.test_mail_service import mail_service  # noqa: F401 - the fixture
from tests.sync.conftest import AGENT, Desk


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=412,915", "--lang=zh-CN"):  # a phone's screen
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def shown(browser: webdriver.Chrome, element_id: str) -> str:
    """The text of ``element_id`` once the page showing it has loaded (a busy machine
    answers a post in seconds)."""
    return str(WebDriverWait(browser, 30).until(
        expected_conditions.presence_of_element_located((By.ID, element_id))).text)


def until(what: Callable[[], object], seconds: float = 40) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := what():
            return found
        time.sleep(0.2)
    raise AssertionError("timed out")


def one(desk: Desk, sql: str) -> tuple[object, ...] | None:
    desk.syncer.sync_once()
    with closing(sqlite3.connect(desk.data.database)) as conn:
        return conn.execute(sql).fetchone()


def test_the_requester_confirms_in_the_browser_and_every_desk_sees_it(
        mail_service: MailService, make_desk: Callable[..., Desk],  # noqa: F811
        dovecot: Dovecot, mailbox_user: str, smtp_server: SmtpServer,
        browser: webdriver.Chrome, tmp_path: Path) -> None:
    desk = make_desk(AGENT)
    desk.clock.set(datetime.now(UTC))
    dovecot.deliver(mailbox_user, messages.plain("打印机无法连接", "三楼打印机无法连接。"))
    found = until(lambda: one(desk, "SELECT t.id, t.version FROM tickets t "
                                    "JOIN mail_messages m ON m.ticket_id = t.id"))
    assert isinstance(found, tuple)
    ticket_id, version = str(found[0]), int(str(found[1]))
    flow = TicketFlow(desk.store, desk.clock, desk.staff_id)
    version = flow.take(ticket_id, version)
    flow.resolve(ticket_id, version, solution="已重新安装打印机驱动。")
    desk.syncer.sync_once()
    until(lambda: len(smtp_server.inbox.messages) >= 2)
    resolved = smtp_server.inbox.messages[1].get_content()
    assert "已重新安装打印机驱动" in resolved and "在线确认并评价" in resolved
    match = re.search(r"(http://127\.0\.0\.1:\d+/q/\S+)", resolved)
    assert match is not None
    link = match.group(1)

    browser.get(link)
    assert "打印机无法连接" in browser.page_source
    browser.find_element(By.ID, "submit").click()  # nothing chosen
    assert "请选择问题是否已解决" in shown(browser, "error")
    browser.find_element(By.CSS_SELECTOR, "input[name=solved][value=yes]").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=score][value='5']").click()
    Select(browser.find_element(By.ID, "reason")).select_by_value("fast")
    browser.find_element(By.ID, "comment").send_keys("很快就好了，谢谢！")
    browser.execute_script("window.scrollTo(0, 0)")  # the web front's header in the picture
    browser.save_screenshot(str(tmp_path / "questionnaire-zh.png"))
    browser.find_element(By.ID, "submit").click()
    assert "感谢您的评价" in shown(browser, "thanks")

    closed = until(lambda: one(desk, "SELECT state, satisfaction, satisfaction_method "
                                     f"FROM tickets WHERE id = '{ticket_id}' "
                                     "AND state = 'closed'"))
    assert closed == ("closed", 5, "questionnaire")
    comment = one(desk, "SELECT body FROM ticket_events WHERE kind = 'satisfaction' "
                        f"AND ticket_id = '{ticket_id}'")
    assert comment is not None and "很快就好了" in str(comment[0]) and "处理及时" in str(comment[0])
    browser.get(link)  # the link is single-use
    assert "已提交过" in shown(browser, "refused")
