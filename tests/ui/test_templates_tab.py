"""The administration page's message templates tab: an administrator rewords what the
requester is told on an event, sees the preview as he types, saves, and the mail service's
messages use the new wording; other roles only read it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.demo.accounts import DEMO_SUPERVISOR
from app.mail.templates import MessageEvent, Template, template
from app.paths import DataDir
from tests.ui.conftest import activate, shown_page
from tests.ui.test_accounts_tab import desk_as
from ui.admin import AdministrationPage
from ui.admin.templates_tab import TemplatesTab
from ui.desk import Desk


def templates_tab(qtbot: QtBot, desk: Desk) -> TemplatesTab:
    activate(qtbot, desk.window)
    page = shown_page(desk, "admin", AdministrationPage)
    found = page.tab("templates")
    assert isinstance(found, TemplatesTab)
    page.setCurrentWidget(found)
    qtbot.waitUntil(found.isVisible)
    return found


def test_an_administrator_rewords_a_message_with_a_live_preview(
        qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    tab = templates_tab(qtbot, desk)
    tab.event_choice.setCurrentIndex(list(MessageEvent).index(MessageEvent.RESOLVED))
    tab.language.setCurrentIndex(1)  # English
    assert tab.subject.text() == "[{number}] Resolved - please confirm: {title}"
    tab.subject.selectAll()
    qtbot.keyClicks(tab.subject, "Solved: {title}")
    preview = tab.preview.toPlainText()
    # The number goes in front when the wording leaves it out: replies must find the ticket.
    assert preview.startswith("Subject: [SD-000123] Solved: VPN 无法连接")
    tab.body.selectAll()
    qtbot.keyClick(tab.body, Qt.Key.Key_Delete)
    assert not tab.save_button.isEnabled() and "subject and a text" in tab.note.text()
    qtbot.keyClicks(tab.body, "Dear {requester}, {text}")
    assert "Dear 张伟, 已重置 VPN 账号" in tab.preview.toPlainText()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.note.text() == "Saved. New messages use this wording."
    with closing(sqlite3.connect(desk.context.data.database)) as conn:
        assert template(conn, MessageEvent.RESOLVED, "en") == Template(
            "Solved: {title}", "Dear {requester}, {text}")
        assert conn.execute("SELECT author_id IS NOT NULL FROM message_templates") \
            .fetchone() == (1,)
    tab.window().grab().save(str(tmp_path / "admin-templates-en.png"))
    qtbot.mouseClick(tab.built_in_button, Qt.MouseButton.LeftButton)
    assert tab.subject.text() == "[{number}] Resolved - please confirm: {title}"


def test_a_supervisor_reads_the_templates_without_changing_them(
        qtbot: QtBot, desk_data: DataDir) -> None:
    desk = desk_as(qtbot, desk_data, DEMO_SUPERVISOR)
    try:
        tab = templates_tab(qtbot, desk)
        assert not tab.subject.isEnabled() and not tab.save_button.isEnabled()
        assert "Only administrators" in tab.note.text()
        assert tab.subject.text().startswith("[{number}] 已收到您的请求")
    finally:
        desk.close()
