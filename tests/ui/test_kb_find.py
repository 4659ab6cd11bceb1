"""Ctrl+F focuses the knowledge-base search while that page is shown, and the queue's
search while the queues are (issue 22)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate, shown_page
from ui.desk import Desk
from ui.kb.page import KnowledgePage
from ui.queues.page import QueuesPage

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_f_goes_to_the_search_of_the_page_shown(qtbot: QtBot, desk: Desk) -> None:
    activate(qtbot, desk.window)
    kb = shown_page(desk, "kb", KnowledgePage)
    qtbot.waitUntil(kb.isVisible)  # built on first show, shown once the event loop runs
    kb.query.setText("网络")
    kb.results.setFocus()
    qtbot.keyClick(desk.window, Qt.Key.Key_F, CTRL)
    assert kb.query.hasFocus() and kb.query.selectedText() == "网络"

    queues = shown_page(desk, "queues", QueuesPage)
    queues.table.setFocus()
    qtbot.keyClick(desk.window, Qt.Key.Key_F, CTRL)
    assert queues.search.hasFocus()
