"""The administration page's mailbox tab on a standalone desk, against a real Dovecot: an
administrator types the mailbox, tries the connection (off the GUI thread), saves, and the
desk's own readers turn the waiting mail into tickets; the password file is private."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.mail import desk_mail
from tests.mail import messages
from tests.mail.conftest import dovecot, mailbox_user  # noqa: F401 - fixtures
from tests.mail.dovecot import PASSWORD, Dovecot
from tests.ui.conftest import activate, shown_page
from ui.admin import AdministrationPage
from ui.admin.mailboxes_tab import MailboxesTab
from ui.desk import Desk


def test_an_administrator_sets_up_the_desks_mailbox_and_mail_becomes_tickets(
        qtbot: QtBot, desk: Desk, dovecot: Dovecot, mailbox_user: str,  # noqa: F811
        tmp_path: Path) -> None:
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    tab = page.tab("mailboxes")
    assert isinstance(tab, MailboxesTab)
    page.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    qtbot.mouseClick(tab.try_button, Qt.MouseButton.LeftButton)
    assert "Give the mail server" in tab.result.text()
    qtbot.keyClicks(tab.host, "127.0.0.1")
    tab.security.setCurrentIndex(tab.security.findData("none"))
    tab.port.setValue(dovecot.port)
    qtbot.keyClicks(tab.user, mailbox_user)
    qtbot.keyClicks(tab.password, "wrong password")
    qtbot.mouseClick(tab.try_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Could not connect" in tab.result.text(), timeout=15_000)
    tab.password.clear()
    qtbot.keyClicks(tab.password, PASSWORD)
    dovecot.deliver(mailbox_user, messages.plain("门禁系统故障", "一楼门禁刷卡无反应。"))
    qtbot.mouseClick(tab.try_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result.text().startswith("Connected: 1"), timeout=15_000)
    tab.window().grab().save(str(tmp_path / "admin-mailboxes-en.png"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.result.text() == "Saved; the desk reads this mailbox now."
    path = desk_mail.config_path(desk.context.data.root)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    def ticket() -> bool:
        with closing(sqlite3.connect(desk.context.data.database)) as conn:
            return conn.execute("SELECT count(*) FROM tickets WHERE title = '门禁系统故障' "
                                "AND channel = 'email'").fetchone() == (1,)

    qtbot.waitUntil(ticket, timeout=20_000)
    assert "$Seatdesk" in dovecot.flags(mailbox_user)[0]


def test_the_desk_looks_for_the_mailbox_file_the_settings_write() -> None:
    """ui.mail_in spells the file's name to keep the mail readers out of every start-up."""
    from ui import mail_in

    assert mail_in.MAIL_FILE == desk_mail.FILE
