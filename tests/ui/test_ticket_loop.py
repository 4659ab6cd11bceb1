"""A seat's phone ticket, by keyboard: log it, find it by phone, dispatch, resolve, confirm,
close, reopen — through the real widgets."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate, intake_form
from ui.desk import Desk
from ui.intake.dialog import IntakeDialog
from ui.queues.page import QueuesPage
from ui.ticket import dialogs
from ui.ticket.window import TicketWindow


def type_in(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Type like a seat: ASCII key by key; Chinese arrives committed from the input method,
    which QTest cannot drive, so it is inserted as the IME would commit it."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif isinstance(widget, QLineEdit):
        widget.insert(text)
    else:
        widget.insertPlainText(text)


def open_intake(qtbot: QtBot, desk: Desk) -> IntakeDialog:
    activate(qtbot, desk.window)
    qtbot.keyClick(desk.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: intake_form(desk) is not None)
    dialog = intake_form(desk)
    assert isinstance(dialog, IntakeDialog)
    activate(qtbot, dialog)
    return dialog


def test_log_find_dispatch_resolve_confirm_close_reopen(  # noqa: PLR0915 (one scenario)
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_intake(qtbot, desk)
    # New requester inline, by keyboard only.
    dialog.new_requester.setFocus()
    qtbot.keyClick(dialog.new_requester, Qt.Key.Key_Space)
    assert dialog.new_requester.isChecked()
    for widget, text in ((dialog.new_name, "王小明"), (dialog.new_unit, "市医保局"),
                         (dialog.new_phone, "13912345678")):
        type_in(qtbot, widget, text)
    for combo, steps in ((dialog.ticket_type, 2), (dialog.category, 10), (dialog.urgency, 2),
                         (dialog.impact, 2), (dialog.importance, 1)):
        combo.setFocus()
        for _ in range(steps):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert "Level 1" in dialog.level.text()
    type_in(qtbot, dialog.title, "医保结算系统无法访问")
    assert "description" in dialog.missing.text()
    type_in(qtbot, dialog.description, "全市定点医院无法结算。")
    assert dialog.missing.text() == "Complete"
    with qtbot.waitSignal(dialog.ticket_logged) as logged:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket_id, number = logged.args
    assert number == "SD-000601"

    queues = desk.window.findChild(QueuesPage)
    assert queues is not None
    queues.search.setText("13912345678")
    qtbot.keyClick(queues.search, Qt.Key.Key_Return)
    assert [queues.model.item(r).number for r in range(queues.model.rowCount())] == [number]

    activate(qtbot, desk.window)
    queues.table.setFocus()
    queues.table.selectRow(0)
    qtbot.keyClick(queues.table, Qt.Key.Key_Return)
    window = desk.tickets.open_windows[ticket_id]
    assert isinstance(window, TicketWindow) and window.detail is not None

    # Dispatch: the dialog ranks staff (ui/dispatch); Enter gives it to the top suggestion.
    seen: list[list[str]] = []

    def first_suggestion() -> None:
        from ui.dispatch.dialog import AssignDialog

        shown = QApplication.activeModalWidget()
        if not isinstance(shown, AssignDialog):
            QTimer.singleShot(10, first_suggestion)
            return
        seen.append([shown.model.why(row) for row in range(shown.model.rowCount())])
        activate(qtbot, shown)
        qtbot.keyClick(shown.search, Qt.Key.Key_Return)

    QTimer.singleShot(0, first_suggestion)
    window.buttons["assign"].click()
    assert "skill +50" in seen[0][0]  # the best candidate knows the category
    assert window.detail.state.value == "assigned"

    window.buttons["start"].click()
    monkeypatch.setattr("ui.ticket.window.ask_resolution",
                        lambda _p: ("重启结算服务", "连接池耗尽"))
    window.buttons["resolve"].click()
    assert window.detail.state.value == "resolved"
    monkeypatch.setattr("ui.ticket.window.ask_satisfaction", lambda _p: dialogs.Satisfaction(
        4, dialogs.SatisfactionMethod.CALL_BACK, "恢复及时"))
    window.buttons["confirm"].click()
    assert window.detail.state.value == "closed" and window.detail.satisfaction == 4
    monkeypatch.setattr("ui.ticket.window.QInputDialog.getText",
                        lambda *a, **k: ("再次出现", True))
    window.buttons["reopen"].click()
    assert window.detail.state.value == "assigned"
    timeline = window.findChild(type(window._timeline), "timeline")
    assert timeline is not None and "Resolved → Closed" in timeline.toPlainText()


def test_bad_input_gets_a_message_and_saves_nothing(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: messages.append(text))
    dialog = open_intake(qtbot, desk)
    dialog.new_requester.setChecked(True)
    dialog.new_name.setText("李四")
    dialog.new_phone.setText("12345")  # five digits is a service number, valid
    dialog.new_phone.setText("1234567")
    dialog.title.setText("测试")
    dialog.submit()
    assert messages and "phone number" in messages[0]
    with sqlite3.connect(desk.context.data.database) as conn:
        assert conn.execute("SELECT count(*) FROM requesters WHERE name='李四'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM tickets").fetchone() == (600,)
    # A valid new requester but a ticket the desk refuses (no category): the requester is
    # not saved either, so discarding the form leaves nothing behind (issue 22 #2).
    dialog.new_phone.setText("13800138000")
    dialog.category.setCurrentIndex(-1)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(messages) == 2 and messages[1].startswith("Choose a")
    with sqlite3.connect(desk.context.data.database) as conn:
        assert conn.execute("SELECT count(*) FROM requesters WHERE name='李四'").fetchone() == (0,)
    dialog.reject()


def test_two_windows_on_one_ticket_cannot_overwrite_each_other(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text: messages.append(text))
    ticket_id = desk.context.reader.execute(
        "SELECT id FROM tickets WHERE state = 'in_progress' LIMIT 1").fetchone()[0]
    first = TicketWindow(desk.context, ticket_id)
    second = TicketWindow(desk.context, ticket_id)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    monkeypatch.setattr("ui.ticket.window.QInputDialog.getText",
                        lambda *a, **k: ("等待用户提供日志", True))
    first.buttons["pend_requester"].click()
    second.buttons["pend_vendor"].click()
    assert messages and "changed this ticket in the meantime" in messages[0]
    assert second.detail is not None and second.detail.state.value == "pending_requester"


def test_edit_note_link_and_merge_from_the_ticket_window(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.domain.enums import Rating
    from app.services.ticket_flow import NoteKind
    from ui.ticket.edit_dialog import EditDialog
    from ui.ticket.note_dialog import NoteDialog

    reader = desk.context.reader
    ticket_id, master_number = (reader.execute(
        "SELECT id FROM tickets WHERE state='in_progress' LIMIT 1").fetchone()[0],
        reader.execute("SELECT number FROM tickets WHERE state='closed' LIMIT 1").fetchone()[0])
    window = desk.tickets.open(ticket_id)
    qtbot.addWidget(window)

    def edited(dialog: EditDialog) -> int:
        dialog.title.setText("标题已更正")
        for combo in dialog.ratings:
            combo.setCurrentIndex(combo.findData(Rating.HIGH))
        return EditDialog.DialogCode.Accepted

    monkeypatch.setattr(EditDialog, "exec", edited)
    window.buttons["edit"].click()
    assert window.detail is not None and window.detail.title == "标题已更正"
    assert window.detail.level.value == 1

    def work_log(dialog: NoteDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData(NoteKind.WORK_LOG))
        dialog.minutes.setValue(25)
        dialog.text.setPlainText("排查链路")
        return NoteDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", work_log)
    window.buttons["note"].click()
    text = window._timeline.toPlainText()
    assert "logged work (25 min)" in text and "changed the level: Level" in text

    monkeypatch.setattr("ui.ticket.window.ask_link", lambda _p: (master_number.lower(), "merge"))
    window.buttons["link"].click()
    assert window.detail.state.value == "closed"
    assert f"duplicate of {master_number}" in window.findChild(QLabel, "links").text()


def test_intake_suggests_articles_and_links_the_inserted_one(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.kb.suggestions import ArticleSuggestions

    dialog = open_intake(qtbot, desk)
    panel = dialog.findChild(ArticleSuggestions, "article_suggestions")
    assert panel is not None
    with qtbot.waitSignal(panel.suggestions_changed, timeout=10_000) as shown:
        type_in(qtbot, dialog.title, "数据库连接数耗尽")
    assert shown.args[0] > 0
    article = panel.current_article_id()
    assert article is not None
    panel.insert_solution()
    assert "Answer given:" in dialog.description.toPlainText()
    dialog.new_requester.setChecked(True)
    dialog.new_name.setText("赵六")
    dialog.new_phone.setText("13800138000")
    dialog.ticket_type.setCurrentIndex(0)
    dialog.category.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.ticket_logged) as logged:
        dialog.submit()
    links = desk.context.reader.execute(
        "SELECT article_id, kind FROM kb_ticket_links WHERE ticket_id = ?",
        (logged.args[0],)).fetchall()
    assert links == [(article, "inserted")]


def test_ticket_window_suggests_articles_and_replies_with_a_solution(
    qtbot: QtBot, desk: Desk
) -> None:
    from ui.kb.suggestions import ArticleSuggestions

    ticket_id = desk.context.reader.execute(
        "SELECT id FROM tickets WHERE state = 'in_progress' "
        "ORDER BY title LIKE '%数据库%' DESC LIMIT 1").fetchone()[0]
    window = desk.tickets.open(ticket_id)
    qtbot.addWidget(window)
    panel = window.findChild(ArticleSuggestions, "article_suggestions")
    assert panel is not None
    qtbot.waitUntil(lambda: panel.current_article_id() is not None, timeout=10_000)
    article = panel.current_article_id()
    with qtbot.waitSignal(window.ticket_changed):
        panel.insert_solution()
    assert "replied to the requester" in window._timeline.toPlainText()
    links = desk.context.reader.execute(
        "SELECT article_id FROM kb_ticket_links WHERE ticket_id = ?", (ticket_id,)).fetchall()
    assert links == [(article,)]


def test_a_closed_ticket_window_is_freed_and_reopened_fresh(qtbot: QtBot, desk: Desk) -> None:
    ticket_id = desk.context.reader.execute("SELECT id FROM tickets LIMIT 1").fetchone()[0]
    first = desk.tickets.open(ticket_id)
    assert desk.tickets.open(ticket_id) is first  # opening twice raises the same window
    first.close()
    qtbot.waitUntil(lambda: ticket_id not in desk.tickets.open_windows)
    again = desk.tickets.open(ticket_id)
    qtbot.addWidget(again)
    assert again.detail is not None and again.detail.id == ticket_id


def test_a_ticket_answered_on_the_call_is_saved_with_its_first_response(
        qtbot: QtBot, desk: Desk) -> None:
    dialog = open_intake(qtbot, desk)
    # Enter in the requester search picks the first match; it never saves the form.
    type_in(qtbot, dialog.requester_search, "1")
    qtbot.keyClick(dialog.requester_search, Qt.Key.Key_Return)
    assert dialog.isVisible() and "requester" not in dialog.missing.text()
    for combo in (dialog.ticket_type, dialog.category):
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    type_in(qtbot, dialog.title, "VPN账号解锁")
    type_in(qtbot, dialog.description, "用户连续输错密码，已在电话中指导解锁。")
    assert dialog.missing.text() == "Complete"
    with qtbot.waitSignal(dialog.ticket_logged) as logged:
        qtbot.keyClick(dialog, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ticket_id = logged.args[0]
    reader = desk.context.reader
    first, created = reader.execute("SELECT first_response_at, created_at FROM tickets "
                                    "WHERE id = ?", (ticket_id,)).fetchone()
    assert first is not None and first == created  # the clock never ran
    kinds = [r[0] for r in reader.execute(
        "SELECT data FROM ticket_events WHERE ticket_id = ? ORDER BY at, rowid", (ticket_id,))]
    assert '{"first_response": true}' in kinds


def test_a_new_ticket_is_assigned_automatically_when_a_team_is_chosen(
        qtbot: QtBot, desk: Desk) -> None:
    code = desk.context.reader.execute(
        "SELECT t.code FROM teams t JOIN staff s ON s.team_id = t.id GROUP BY t.id "
        "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    desk.context.save_desk_settings(auto_assign_team=code)
    dialog = open_intake(qtbot, desk)
    type_in(qtbot, dialog.requester_search, "1")
    qtbot.keyClick(dialog.requester_search, Qt.Key.Key_Return)
    for combo in (dialog.ticket_type, dialog.category):
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    type_in(qtbot, dialog.title, "邮件系统退信")
    type_in(qtbot, dialog.description, "外部邮件全部退信。")
    with qtbot.waitSignal(dialog.ticket_logged) as logged:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    state, team = desk.context.reader.execute(
        "SELECT t.state, tm.code FROM tickets t JOIN staff s ON s.id = t.assignee_id "
        "JOIN teams tm ON tm.id = s.team_id WHERE t.id = ?", (logged.args[0],)).fetchone()
    assert (state, team) == ("assigned", code)
    assert "Assigned automatically to" in desk.window.statusBar().currentMessage()
