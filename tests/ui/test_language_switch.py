"""Switching the language from the View menu applies at once (issue 22): the desk is built
again in it, the seat still signed in, on the same page; a new ticket being typed is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.paths import DataDir
from app.services.intake_draft import draft_file, read_draft
from app.settings import SettingsFile
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate, intake_form
from ui.desk import Desk, build_desk
from ui.i18n import switch_language
from ui.language_switch import DeskHolder


def language_action(desk: Desk, name: str) -> object:
    for action in desk.window.menuBar().actions():
        menu = action.menu()
        if menu is None:
            continue
        for inner in menu.actions():
            sub = inner.menu()
            if sub is not None:
                for chosen in sub.actions():
                    if chosen.text() == name:
                        return chosen
    raise AssertionError(name)


def answer(qtbot: QtBot, desk: Desk, button: str) -> None:
    qtbot.waitUntil(lambda: desk.window.findChild(QMessageBox, "language_question")
                    is not None)
    box = desk.window.findChild(QMessageBox, "language_question")
    assert box is not None
    found = box.findChild(QPushButton, button)
    assert found is not None
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def test_switching_to_chinese_now_rebuilds_the_desk_in_it(qtbot: QtBot,
                                                         desk_data: DataDir) -> None:
    # Not the desk fixture: its window is replaced here, and qtbot would close it again.
    desk = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "en",
                      seat_of(desk_data))
    holder = DeskHolder(desk)
    seat = desk.context.signed_in
    activate(qtbot, desk.window)
    desk.window.show_page("rota")
    # A new ticket is being typed.
    qtbot.keyClick(desk.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: intake_form(desk) is not None)
    form = intake_form(desk)
    qtbot.keyClicks(form.title, "Projector in room 2 is dark")  # type: ignore[union-attr]
    try:
        language_action(desk, "简体中文").trigger()  # type: ignore[attr-defined]
        answer(qtbot, desk, "switch_now")
        qtbot.waitUntil(lambda: holder.desk is not desk)
        new = holder.desk
        assert new.window.isVisible() and not desk.window.isVisible()
        assert new.context.signed_in == seat and new.context.language == "zh_CN"
        assert new.window.current_page() == "rota"
        nav = new.window.findChild(QListWidget, "navigation")
        assert nav is not None and nav.item(0).text().startswith("队列")
        assert desk.context.settings.settings.language == "zh_CN"
        kept = read_draft(draft_file(desk.context.data.root))
        assert kept is not None and kept.ticket.title == "Projector in room 2 is dark"
        # And back, to English, also at once.
        language_action(new, "English").trigger()  # type: ignore[attr-defined]
        answer(qtbot, new, "switch_now")
        qtbot.waitUntil(lambda: holder.desk is not new)
        nav = holder.desk.window.findChild(QListWidget, "navigation")
        assert nav is not None and nav.item(0).text().startswith("Queues")
    finally:
        holder.desk.close()
        holder.desk.window.deleteLater()
        app = QApplication.instance()
        assert app is not None
        switch_language(app, "en")


def test_at_the_next_start_keeps_this_desk(qtbot: QtBot, desk: Desk) -> None:
    holder = DeskHolder(desk)
    language_action(desk, "简体中文").trigger()  # type: ignore[attr-defined]
    answer(qtbot, desk, "switch_later")
    qtbot.wait(50)
    assert holder.desk is desk and desk.context.language == "en"
    assert desk.context.settings.settings.language == "zh_CN"
