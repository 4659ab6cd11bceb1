"""The handling process at the desk (issue 16), driven as a person does: the panel's keys
and buttons on a ticket window, the dialogs they open, the Reviews page and the level-1
emergency banner."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import Channel, Level, Rating
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.errors import Problem
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from tests.app.helpers import first_id
from tests.ui.conftest import activate, shown_page
from ui.desk import Desk
from ui.process.dialogs import VerdictDialog
from ui.process.emergency_dialog import EmergencyDialog
from ui.process.panel import ProcessPanel
from ui.process.plan_editor import PlanEditor
from ui.process.reviews_page import ReviewsPage
from ui.ticket.dialogs import SatisfactionDialog
from ui.ticket.window import TicketWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def log(desk: Desk, data: DataDir, level: Level, *, resolved: bool = False,
        type_code: str = "maintenance") -> str:
    db = data.database
    draft = TicketDraft("核心交换机端口故障", "核心交换机第 3 板卡端口全部掉线。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", f"code='{type_code}'"),
                        first_id(db, "categories", "code='network'"),
                        Rating.LOW, Rating.LOW, Rating.LOW, level, "按预案定级")
    context = desk.context
    ticket = Intake(context.store(), context.clock, GradingWeights(),
                    context.seat.staff_id).log(draft).id
    if resolved:
        flow = TicketFlow(context.store(), context.clock, context.seat.staff_id)
        flow.resolve(ticket, flow.take(ticket, 1), solution="更换板卡后端口恢复")
    return ticket


def answer_with(qtbot: QtBot, kind: type[QWidget], act: Callable[[QWidget], None]
                ) -> list[bool]:
    """Run ``act`` on the modal dialog of ``kind`` as soon as it shows (a button's
    shortcut clicks it a moment after the key)."""
    done: list[bool] = []
    tries = [250]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, answer)
            return
        try:
            act(dialog)
        except BaseException:
            dialog.close()  # never leave a modal dialog waiting: the test would hang
            raise
        done.append(True)

    QTimer.singleShot(0, answer)
    return done


def pressed(qtbot: QtBot, window: QWidget, key: Qt.Key, done: list[bool]) -> None:
    """Ctrl+Shift+``key`` on ``window``, then wait for the dialog it opens to be answered."""
    qtbot.keyClick(window, key, CTRL_SHIFT)
    qtbot.waitUntil(lambda: done == [True], timeout=5000)


def panel_of(window: TicketWindow) -> ProcessPanel:
    panel = window.findChild(ProcessPanel)
    assert panel is not None
    return panel


def state_of(data: DataDir, ticket: str) -> str:
    with sqlite3.connect(data.database) as conn:
        return str(conn.execute("SELECT state FROM tickets WHERE id = ?",
                                (ticket,)).fetchone()[0])


def test_ctrl_shift_p_writes_the_handling_plan(qtbot: QtBot, desk: Desk, desk_data: DataDir,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Problem] = []
    monkeypatch.setattr("ui.ticket.window.show_problem",
                        lambda _parent, error: shown.append(error.problem))
    ticket = log(desk, desk_data, Level.TWO)
    window = desk.tickets.open(ticket)
    panel = panel_of(window)
    assert "handling plan is due" in panel.status.text()

    def write(dialog: QWidget) -> None:
        assert isinstance(dialog, PlanEditor)
        first = dialog.findChild(QLineEdit, "step_text_0")
        assert first is not None
        qtbot.keyClicks(first, "Switch to the standby port")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        second = dialog.findChild(QLineEdit, "step_text_1")
        assert second is not None
        qtbot.keyClicks(second, "Replace the line card")
        qtbot.keyClicks(dialog.summary, "Service first, then hardware")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    activate(qtbot, window)
    done = answer_with(qtbot, PlanEditor, write)
    pressed(qtbot, window, Qt.Key.Key_P, done)
    assert shown == []
    assert panel.steps.topLevelItemCount() == 2
    assert "0/2 steps done" in panel.status.text()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)  # the first open step is done
    qtbot.waitUntil(lambda: "1/2 steps done" in panel.status.text())
    assert panel.steps.topLevelItem(0).text(3) != ""  # type: ignore[union-attr]
    assert "1/2 steps done" in panel.status.text()
    timeline = window.findChild(QWidget, "timeline")
    assert "saved the handling plan (2 steps)" in timeline.toPlainText()  # type: ignore[union-attr]
    assert "carried out plan step 1" in timeline.toPlainText()  # type: ignore[union-attr]


def test_confirming_before_verification_is_refused_with_a_clear_message(
        qtbot: QtBot, desk: Desk, desk_data: DataDir, monkeypatch: pytest.MonkeyPatch) -> None:
    ticket = log(desk, desk_data, Level.TWO, resolved=True)
    window = desk.tickets.open(ticket)
    shown: list[Problem] = []
    monkeypatch.setattr("ui.ticket.window.show_problem",
                        lambda _parent, error: shown.append(error.problem))

    def rate(dialog: QWidget) -> None:
        assert isinstance(dialog, SatisfactionDialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    # Refused before the requester is asked for a score: no rating dialog opens.
    qtbot.mouseClick(window.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert shown == [Problem.NOT_VERIFIED]
    assert QApplication.activeModalWidget() is None
    assert state_of(desk_data, ticket) == "resolved"
    from ui.problems import problem_text

    assert "technical lead" in problem_text(Problem.NOT_VERIFIED)
    assert "Waiting for the technical lead" in panel_of(window).status.text()

    def verify(dialog: QWidget) -> None:
        assert isinstance(dialog, VerdictDialog)
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)

    activate(qtbot, window)
    done = answer_with(qtbot, VerdictDialog, verify)
    pressed(qtbot, window, Qt.Key.Key_V, done)
    assert "Verified by" in panel_of(window).status.text()
    done = answer_with(qtbot, SatisfactionDialog, rate)
    qtbot.mouseClick(window.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert done == [True] and shown == [Problem.NOT_VERIFIED]  # no second refusal
    assert state_of(desk_data, ticket) == "closed"


def test_a_review_sent_back_from_the_reviews_page_reopens_the_ticket(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    ticket = log(desk, desk_data, Level.THREE, resolved=True)
    page = shown_page(desk, "reviews", ReviewsPage)
    page.refresh()
    row = next(i for i, item in enumerate(page.items) if item.ticket_id == ticket)
    page.queue.selectRow(row)

    def send_back(dialog: QWidget) -> None:
        assert isinstance(dialog, VerdictDialog)
        qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)  # refused: empty
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.text, "Root cause missing")
        qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)

    done = answer_with(qtbot, VerdictDialog, send_back)
    _close_warnings(qtbot)
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    assert done == [True]
    assert state_of(desk_data, ticket) == "assigned"
    assert ticket not in [item.ticket_id for item in page.items]
    assert "Root cause missing" in [page.findings.item(r, 3).text()  # type: ignore[union-attr]
                       for r in range(page.findings.rowCount())]
    window = desk.tickets.open(ticket)
    assert "Sent back by" in panel_of(window).status.text()
    assert "Root cause missing" in panel_of(window).status.text()


def _close_warnings(qtbot: QtBot) -> None:
    """Dismiss the "text required" warning the empty send-back raises."""
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.windowTitle() == "Not saved":
                box = widget.findChild(QDialogButtonBox)
                if box is not None and box.buttons():
                    qtbot.mouseClick(box.buttons()[0], Qt.MouseButton.LeftButton)
                    return
        QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_a_level_1_emergency_shows_on_the_desk_until_resolved(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    ticket = log(desk, desk_data, Level.ONE, type_code="fault")
    window = desk.tickets.open(ticket)
    banner = desk.banner
    assert banner is not None and not banner.isVisibleTo(desk.window)

    def declare(dialog: QWidget) -> None:
        assert isinstance(dialog, EmergencyDialog)
        assert dialog.chosen().code == "infrastructure"  # the network's plan first
        assert dialog.expert.count() > 0
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    activate(qtbot, window)
    done = answer_with(qtbot, EmergencyDialog, declare)
    pressed(qtbot, window, Qt.Key.Key_E, done)
    assert banner.isVisibleTo(desk.window)
    text = banner.findChild(QLabel, "emergency_text")
    assert text is not None and "LEVEL-1 EMERGENCY" in text.text()
    assert "Emergency:" in panel_of(window).status.text()
    flow = TicketFlow(desk.context.store(), desk.context.clock, desk.context.seat.staff_id)
    detail = window.detail
    assert detail is not None
    flow.resolve(ticket, detail.version, solution="已切换备机")
    desk.context.events.tickets_changed.emit([ticket])
    assert not banner.isVisibleTo(desk.window)


def test_an_agent_sees_no_process_actions_it_may_not_take(desk: Desk,
                                                         desk_data: DataDir) -> None:
    from tests.conftest import seat_of

    ticket = log(desk, desk_data, Level.TWO, resolved=True)
    agent = seat_of(desk_data, "seat010")
    desk.context.switch_seat(agent)
    desk.context.events.seat_changed.emit(agent)
    window = desk.tickets.open(ticket)
    panel = panel_of(window)
    assert not panel.buttons["verify"].isEnabled() and not panel.buttons["plan"].isEnabled()
    assert panel.buttons["verify"].isVisibleTo(panel)
    assert not desk.window.page_visible("reviews")


def test_the_level_3_analysis_typed_at_intake_is_recorded_on_the_ticket(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    from app.process.reading import analysis_of
    from tests.ui.test_intake_form import fill_by_keys, open_intake
    from ui.process.intake_analysis import IntakeAnalysis

    dialog = open_intake(qtbot, desk)
    box = dialog.findChild(IntakeAnalysis)
    assert box is not None
    fill_by_keys(qtbot, dialog)  # low urgency, impact and importance: level 3
    qtbot.keyClicks(box.analysis, "Link flaps, check the VPN concentrator")
    box.minutes.setValue(90)
    dialog.title.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with sqlite3.connect(desk_data.database) as conn:
        qtbot.waitUntil(lambda: conn.execute(
            "SELECT count(*) FROM tickets WHERE title = 'VPN drops every hour'")
            .fetchone()[0] == 1)
        ticket, level = conn.execute("SELECT id, level FROM tickets "
                                     "WHERE title = 'VPN drops every hour'").fetchone()
    assert level == 3
    found = analysis_of(desk.context.reader, ticket)
    assert found is not None and (found.analysis, found.planned_minutes) == (
        "Link flaps, check the VPN concentrator", 90)
    assert box.analysis.toPlainText() == ""  # ready for the next call


def test_an_emergency_in_force_shows_at_the_next_start_whatever_layout_was_saved(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    from app.domain.clock import ManualClock
    from app.process.library import plans_for
    from app.process.service import Process
    from app.settings import SettingsFile
    from tests.conftest import T0, seat_of
    from ui.desk import build_desk

    desk.window.save_layout()  # saved while no emergency is in force: banner hidden
    ticket = log(desk, desk_data, Level.ONE, type_code="fault")
    with sqlite3.connect(desk_data.database) as conn:
        expert = conn.execute("SELECT id FROM staff WHERE seniority = 3 AND active = 1 "
                              "ORDER BY login LIMIT 1").fetchone()[0]
    Process(desk.context.store(), desk.context.clock, desk.context.signed_in) \
        .declare_emergency(ticket, 1, plans_for("network")[0].code, expert, {}, "en")
    again = build_desk(desk_data, SettingsFile(desk_data.settings), ManualClock(T0), "en",
                       seat_of(desk_data))
    qtbot.addWidget(again.window)
    try:
        assert again.banner is not None and again.banner.isVisibleTo(again.window)
        assert [e.ticket_id for e in again.banner.shown] == [ticket]
    finally:
        again.close()
