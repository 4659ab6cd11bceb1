"""Issue 16: a consultation answered at 4 minutes meets its 5-minute target; answered at 6
it misses it, and the ticket view asks why until a seat records a cause."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTextBrowser
from pytestqt.qtbot import QtBot

from app.domain.enums import Channel
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import NoteKind, TicketFlow
from app.sla.policy import CUT_OVER
from tests.app.helpers import first_id
from tests.ui.test_sla_desk import clock_of
from ui.desk import Desk
from ui.sla.missed_cause import MissedCauseDialog
from ui.sla.ticket_panel import SlaTicketPanel


def consultation(desk: Desk, data: DataDir, answered_after: timedelta) -> str:
    clock = clock_of(desk)
    clock.set(CUT_OVER + timedelta(days=4, hours=2))  # the issue-16 defaults apply
    db = data.database
    draft = TicketDraft("VPN 客户端如何配置", "新员工询问 VPN 客户端的配置步骤。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='consultation'"),
                        first_id(db, "categories"))
    seat = first_id(db, "staff")
    ticket = Intake(desk.context.store(), clock, GradingWeights(), seat).log(draft).id
    flow = TicketFlow(desk.context.store(), clock, seat)
    flow.first_response(ticket, 1)  # "received": does not answer it
    clock.advance(timedelta(minutes=1))
    flow.note(ticket, NoteKind.INTERNAL, "分析：标准配置问题，按知识库答复。")  # analysis
    clock.advance(answered_after - timedelta(minutes=1))
    flow.note(ticket, NoteKind.TO_REQUESTER, "请按知识库文章配置，服务器地址见附件。")
    desk.context.events.tickets_changed.emit([ticket])
    return ticket


def consultation_line(panel: SlaTicketPanel) -> str:
    return next(label.text() for label in panel.lines
                if label.text().startswith("<b>Consultation answered</b>"))


def test_answered_at_4_minutes_meets_the_target_and_asks_nothing(
        qtbot: QtBot, desk: Desk, desk_data: DataDir) -> None:
    ticket = consultation(desk, desk_data, timedelta(minutes=4))
    window = desk.tickets.open(ticket)
    qtbot.addWidget(window)
    panel = window.findChild(SlaTicketPanel)
    assert panel is not None
    assert "met" in consultation_line(panel)
    assert not panel.why_button.isVisibleTo(panel)


def test_answered_at_6_minutes_misses_it_and_asks_why(qtbot: QtBot, desk: Desk,
                                                      desk_data: DataDir) -> None:
    ticket = consultation(desk, desk_data, timedelta(minutes=6))
    window = desk.tickets.open(ticket)
    qtbot.addWidget(window)
    window.show()
    panel = window.findChild(SlaTicketPanel)
    assert panel is not None
    assert "missed" in consultation_line(panel)
    assert panel.why_button.isVisible()
    assert panel.why_text.text() == "Missed: Consultation answered. Why?"
    steps: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MissedCauseDialog)
        # "Other" without a word is refused, in the dialog, and nothing is written.
        dialog.cause.setFocus()
        qtbot.keyClick(dialog.cause, Qt.Key.Key_End)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.problem.text() == "Please give a reason."
        steps.append("refused")
        qtbot.keyClick(dialog.cause, Qt.Key.Key_Home)  # waiting on a vendor
        qtbot.keyClick(dialog.cause, Qt.Key.Key_Down)  # wrong category or level
        qtbot.keyClicks(dialog.text, "Logged as a fault; it was a question")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        steps.append("saved")

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(panel.why_button, Qt.MouseButton.LeftButton)
    assert steps == ["refused", "saved"]
    with sqlite3.connect(desk_data.database) as conn:
        rows = conn.execute("SELECT actor_id, body, data FROM ticket_events WHERE "
                            "ticket_id = ? AND kind = 'missed_cause'", (ticket,)).fetchall()
    assert len(rows) == 1
    actor, body, data = rows[0]
    assert actor == desk.context.seat.staff_id and body == "Logged as a fault; it was a question"
    assert '"cause": "wrong_category"' in data and '"target": "consultation"' in data
    assert not panel.why_button.isVisibleTo(panel)  # asked once, answered
    browser = window.findChild(QTextBrowser, "timeline")
    assert browser is not None
    assert "said why Consultation answered was missed: Wrong category or level" in \
        browser.toPlainText()
