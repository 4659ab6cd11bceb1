"""The administration page's mail tab and the ticket timeline of an e-mail ticket: what the
mail service took, kept-aside messages with their reason, shown to an administrator in
English and Chinese (screenshots in the test's folder)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.mail.intake import Fetched, MailIntake
from tests.conftest import T0
from tests.mail import messages
from tests.ui.conftest import activate, shown_page
from ui.admin import AdministrationPage
from ui.admin.mail_tab import MailTab
from ui.desk import Desk
from ui.ticket.window import TicketWindow


def taken(desk: Desk) -> None:
    """Four messages as the mail service stores them: a request, a reply with an
    attachment, an auto-reply and a malformed one."""
    clock = desk.context.clock
    assert isinstance(clock, ManualClock)
    intake = MailIntake(desk.context.store(), clock)

    def store(uid: int, raw: bytes) -> str | None:
        clock.set(T0 + timedelta(minutes=uid))
        return intake.store(Fetched("support", 7, uid, clock.now(), raw, len(raw))).number

    number = store(1, messages.gbk("朱镕基路机房空调故障", "机房空调停机，温度升高。"))
    store(2, messages.with_attachment(f"Re: [{number}] 机房空调故障",
                                      "附上温度曲线。\n\n> 原邮件", "温度.csv", b"10:00,28\n",
                                      sender="li.na@example.gov.cn"))
    store(3, messages.plain("自动回复：休假中", "我正在休假。", Auto_Submitted="auto-replied"))
    store(4, b"From: nobody\r\nSubject: broken\r\n\r\nno address\r\n")


@pytest.fixture
def tab(qtbot: QtBot, desk: Desk) -> MailTab:
    taken(desk)
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    found = page.tab("mail")
    assert isinstance(found, MailTab)
    page.setCurrentWidget(found)
    qtbot.waitUntil(found.isVisible)
    return found


def column(tab: MailTab, number: int) -> list[str]:
    return [tab.table.item(row, number).text() for row in range(tab.table.rowCount())]


def test_every_message_with_its_outcome_and_the_kept_aside_with_their_reason(
        qtbot: QtBot, tab: MailTab, tmp_path: Path) -> None:
    assert column(tab, 4) == ["Kept aside", "Automatic (not answered)", "Reply on a ticket",
                              "New ticket"]
    assert column(tab, 3)[3] == "朱镕基路机房空调故障"
    assert column(tab, 5)[2] == column(tab, 5)[3] != ""  # the reply joined its ticket
    assert tab.count.text() == "4 messages, 1 kept aside"
    tab.outcome.setFocus()
    qtbot.keyClick(tab.outcome, Qt.Key.Key_Down)  # "Kept aside", the first outcome listed
    assert column(tab, 4) == ["Kept aside"]
    assert (column(tab, 2), column(tab, 3)) == (["nobody"], ["broken"])
    tab.table.selectRow(0)
    assert tab.detail.toPlainText().startswith(
        "Why: No sender address could be read (no sender address in From: 'nobody')")
    tab.window().grab().save(str(tmp_path / "admin-mail-en.png"))


def test_the_timeline_shows_each_mail_with_quotes_trimmed_and_its_attachments(
        qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    taken(desk)
    ticket_id = desk.context.reader.execute(
        "SELECT ticket_id FROM mail_messages WHERE outcome='reply'").fetchone()[0]
    window = TicketWindow(desk.context, ticket_id)
    qtbot.addWidget(window)
    window.show()
    text = window.findChild(type(window._timeline), "timeline").toPlainText()  # noqa: SLF001
    assert "e-mail from li.na@example.gov.cn: Re: [SD-" in text
    assert "] 机房空调故障; attachment 温度.csv (1 KB)" in text
    assert "附上温度曲线。" in text and "原邮件" not in text
    window.grab().save(str(tmp_path / "ticket-mail-en.png"))
