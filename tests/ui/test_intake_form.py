"""The intake form as a seat on a call uses it (issue 22): Esc asks before discarding, an
autosaved draft survives a crash and is offered by the next Ctrl+N, refused saves point at
the field, invalid input is never "Complete", fields stop at their limit, pickers are
chosen by typing (pinyin initials too), and Tab follows the form."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.clock import ManualClock
from app.domain.validation import TEXT_MAX, TITLE_MAX
from app.paths import DataDir
from app.services.intake_draft import draft_file
from app.settings import SettingsFile
from tests.conftest import T0, seat_of
from tests.ui.conftest import activate, intake_form
from ui.desk import Desk, build_desk
from ui.intake.dialog import IntakeDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def quick_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing writes the draft within 50 ms instead of 2 s, so tests need not wait."""
    monkeypatch.setattr("ui.intake.dialog.AUTOSAVE_MS", 50)


@pytest.fixture
def chinese_desk(qtbot: QtBot, desk_data: DataDir) -> Iterator[Desk]:
    built = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "zh_CN",
                       seat_of(desk_data))
    qtbot.addWidget(built.window)
    yield built
    built.close()


def press_ctrl_n(qtbot: QtBot, desk: Desk) -> IntakeDialog:
    activate(qtbot, desk.window)
    qtbot.keyClick(desk.window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: intake_form(desk) is not None)
    dialog = intake_form(desk)
    assert isinstance(dialog, IntakeDialog)
    return dialog


def open_intake(qtbot: QtBot, desk: Desk) -> IntakeDialog:
    dialog = press_ctrl_n(qtbot, desk)
    activate(qtbot, dialog)
    return dialog


def fill_by_keys(qtbot: QtBot, dialog: IntakeDialog) -> None:
    """A new requester, type, category and title, typed."""
    dialog.new_requester.setFocus()
    qtbot.keyClick(dialog.new_requester, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.new_name, "Li Si")
    qtbot.keyClicks(dialog.new_phone, "13800138000")
    dialog.ticket_type.setFocus()
    qtbot.keyClicks(dialog.ticket_type, "fault")
    dialog.category.setFocus()
    qtbot.keyClicks(dialog.category, "network")
    qtbot.keyClicks(dialog.title, "VPN drops every hour")


def message_box(qtbot: QtBot, parent: IntakeDialog, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: (box := parent.findChild(QMessageBox, name)) is not None
                    and box.isVisible())
    box = parent.findChild(QMessageBox, name)
    assert isinstance(box, QMessageBox)
    return box


def test_esc_on_an_empty_form_just_closes(qtbot: QtBot, desk: Desk) -> None:
    dialog = open_intake(qtbot, desk)
    qtbot.keyClick(dialog.requester_search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.findChild(QMessageBox, "discard_question") is None


def test_esc_on_a_filled_form_asks_and_keep_editing_is_the_default(
    qtbot: QtBot, desk: Desk
) -> None:
    dialog = open_intake(qtbot, desk)
    qtbot.keyClicks(dialog.title, "Printer on floor 3 jams")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    box = message_box(qtbot, dialog, "discard_question")
    keep = box.findChild(type(box.defaultButton()), "keep_editing")
    assert box.defaultButton() is keep
    # Enter answers with the default: the form stays, with what was typed.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible() and dialog.title.text() == "Printer on floor 3 jams"
    path = draft_file(desk.context.data.root)
    qtbot.waitUntil(path.exists)

    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    box = message_box(qtbot, dialog, "discard_question")
    discard = box.findChild(type(box.defaultButton()), "discard")
    assert discard is not None
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not path.exists()  # discarded by the seat: no draft is offered next time


def test_the_draft_survives_a_crash_and_the_next_ctrl_n_restores_it(
    qtbot: QtBot, desk: Desk
) -> None:
    dialog = open_intake(qtbot, desk)
    fill_by_keys(qtbot, dialog)
    qtbot.keyClicks(dialog.description, "Since this morning")
    path = draft_file(desk.context.data.root)
    qtbot.waitUntil(lambda: path.exists() and "Since this morning" in path.read_text("utf-8"))
    kept = json.loads(path.read_text("utf-8"))
    assert kept["ticket"]["title"] == "VPN drops every hour"
    assert kept["new_requester"]["phone"] == "13800138000"
    assert kept["ticket"]["category_id"] == dialog.category.currentData()

    # The desk dies with the form open: nothing closes it, the file is all that is left.
    dialog.hide()
    dialog.setParent(None)
    dialog.deleteLater()
    qtbot.wait(10)

    again = press_ctrl_n(qtbot, desk)
    box = message_box(qtbot, again, "restore_question")
    assert "VPN drops every hour" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Restore is the default
    qtbot.waitUntil(lambda: not box.isVisible())
    assert again.title.text() == "VPN drops every hour"
    assert again.description.toPlainText() == "Since this morning"
    assert again.new_requester.isChecked() and again.new_phone.text() == "13800138000"
    assert again.category.currentData() == kept["ticket"]["category_id"]
    assert again.missing.text() == "Complete"

    activate(qtbot, again)
    with qtbot.waitSignal(again.ticket_logged):
        qtbot.keyClick(again, Qt.Key.Key_S, CTRL)
    assert not path.exists()  # saved: the draft is gone


def test_a_draft_the_seat_declines_is_removed(qtbot: QtBot, desk: Desk) -> None:
    dialog = open_intake(qtbot, desk)
    qtbot.keyClicks(dialog.title, "Half a ticket")
    path = draft_file(desk.context.data.root)
    qtbot.waitUntil(path.exists)
    dialog.reject()  # the desk closes the form (quitting): the draft stays
    assert path.exists()

    again = press_ctrl_n(qtbot, desk)
    box = message_box(qtbot, again, "restore_question")
    discard = box.findChild(type(box.defaultButton()), "discard")
    assert discard is not None
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert again.title.text() == "" and not path.exists()


def test_a_refused_save_puts_the_cursor_in_the_field_it_names(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: messages.append(text))
    dialog = open_intake(qtbot, desk)
    fill_by_keys(qtbot, dialog)
    dialog.new_phone.clear()
    qtbot.keyClicks(dialog.new_phone, "1234567")
    dialog.title.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    assert messages and "phone number" in messages[-1]
    assert QApplication.focusWidget() is dialog.new_phone

    dialog.new_phone.clear()
    qtbot.keyClicks(dialog.new_phone, "13800138000")
    dialog.category.setCurrentIndex(-1)
    qtbot.keyClick(dialog, Qt.Key.Key_S, CTRL)
    assert messages[-1] == "Choose a category."
    assert QApplication.focusWidget() is dialog.category


def test_complete_never_shows_while_a_field_is_not_valid(qtbot: QtBot, desk: Desk) -> None:
    dialog = open_intake(qtbot, desk)
    fill_by_keys(qtbot, dialog)
    qtbot.keyClicks(dialog.description, "All users")
    assert dialog.missing.text() == "Complete"
    qtbot.keyClicks(dialog.new_email, "li.si@")
    assert dialog.missing.text() == "Not valid: e-mail"
    dialog.new_email.clear()
    dialog.new_phone.clear()
    assert dialog.missing.text() == "Missing: phone or e-mail"
    qtbot.keyClicks(dialog.new_phone, "1234567")
    assert dialog.missing.text() == "Not valid: phone"
    dialog.new_phone.clear()
    qtbot.keyClicks(dialog.new_phone, "010-66668888")
    assert dialog.missing.text() == "Complete"


def test_fields_stop_taking_input_at_their_limit(qtbot: QtBot, desk: Desk) -> None:
    dialog = open_intake(qtbot, desk)
    qtbot.keyClicks(dialog.title, "x" * (TITLE_MAX + 5))
    assert len(dialog.title.text()) == TITLE_MAX
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("日志" * (TEXT_MAX // 2 + 10))
    qtbot.keyClicks(dialog.description, "start ")
    qtbot.keyClick(dialog.description, Qt.Key.Key_V, CTRL)
    text = dialog.description.toPlainText()
    assert len(text) == TEXT_MAX and text.startswith("start 日志")
    # Typing on at the limit adds nothing.
    qtbot.keyClicks(dialog.description, "more")
    assert dialog.description.toPlainText() == text


def test_tab_goes_from_the_new_requester_to_channel(qtbot: QtBot, desk: Desk) -> None:
    dialog = open_intake(qtbot, desk)
    dialog.new_requester.setChecked(True)
    dialog.new_email.setFocus()
    qtbot.keyClick(dialog.new_email, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.channel


def test_chinese_pickers_are_chosen_by_typing(qtbot: QtBot, chinese_desk: Desk) -> None:
    dialog = open_intake(qtbot, chinese_desk)
    category = dialog.category
    category.setFocus()
    qtbot.keyClicks(category, "wl")  # 网络, by its pinyin initials
    assert category.currentText() == "网络"
    qtbot.wait(1100)  # a pause starts a new search
    qtbot.keyClicks(category, "stor")  # 存储, by its English name
    assert category.currentText() == "存储"
    # Characters committed by an input method.
    commit = QInputMethodEvent()
    commit.setCommitString("数据")
    QApplication.sendEvent(category, commit)
    assert category.currentText().startswith("数据")
    dialog.ticket_type.setFocus()
    qtbot.keyClicks(dialog.ticket_type, "gz")
    assert dialog.ticket_type.currentText() == "故障"


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_an_opened_list_starts_at_its_first_item(qtbot: QtBot, desk: Desk) -> None:
    dialog = open_intake(qtbot, desk)
    category = dialog.category
    category.setFocus()
    assert category.currentIndex() == -1
    qtbot.keyClick(category, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(category.view().isVisible)
    qtbot.keyClick(category.view(), Qt.Key.Key_Down)
    qtbot.keyClick(category.view(), Qt.Key.Key_Return)
    assert category.currentIndex() == 0



def test_the_form_leaves_the_desk_usable_and_ctrl_n_brings_it_back(
        qtbot: QtBot, desk: Desk) -> None:
    """A seat on a call looks things up while the form stays open (it is not modal); the
    next Ctrl+N brings the same form back rather than a second one."""
    from app.demo.accounts import DEMO_PASSWORD
    from ui.queues.page import QueuesPage

    dialog = open_intake(qtbot, desk)
    qtbot.keyClicks(dialog.title, "Mail bounces")
    assert QApplication.activeModalWidget() is None
    activate(qtbot, desk.window)
    queues = desk.window.findChild(QueuesPage)
    assert queues is not None
    qtbot.keyClicks(queues.search, "VPN")  # the queue takes keys with the form open
    assert queues.search.text() == "VPN"
    qtbot.keyClick(desk.window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert intake_form(desk) is dialog and dialog.title.text() == "Mail bounces"
    # Locking from the form hides it with the rest of the desk; unlocking brings it back.
    qtbot.keyClick(dialog.title, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    lock = desk.seat.dialog
    assert lock is not None and not dialog.isVisible()
    qtbot.keyClicks(lock.password, DEMO_PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.seat.dialog is None, timeout=10_000)
    assert dialog.isVisible() and dialog.title.text() == "Mail bounces"
