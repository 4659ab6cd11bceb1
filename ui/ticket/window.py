"""The ticket window: header, timeline and the actions the state machine allows. Esc closes
it; it opens inside the screen's free area (``place``), cascading from the desk's window.

Signals:
    ticket_changed(str): this window wrote to the ticket (its id).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import TicketState
from app.domain.states import can_transition
from app.services.errors import DeskError, Problem
from app.services.ticket_flow import LinkKind, NoteKind, TicketFlow
from app.store.ticket_detail import (
    TicketDetail,
    TimelineEntry,
    ticket_by_number,
    ticket_detail,
    ticket_links,
    timeline,
)
from ui.context import DeskContext
from ui.dialogs import ask_resolution
from ui.labels import (
    LEVEL_COLORS,
    channel_label,
    level_label,
    satisfaction_method_label,
    state_label,
)
from ui.problems import show_problem
from ui.ticket.dialogs import ask_assignee, ask_link, ask_satisfaction
from ui.ticket.timeline import timeline_html

S = TicketState

WANTED_SIZE = QSize(960, 720)
CASCADE = 30  # each further window opens this much lower and to the right


def fit_on_screen(wanted: QSize, frame: QMargins, available: QRect, near: QPoint) -> QRect:
    """Where a window of about ``wanted`` (without its frame) goes so that its frame stays
    inside ``available`` (a screen less its panels): as near ``near`` as fits, smaller if
    the screen is. Returns the geometry without the frame, as ``setGeometry`` takes it."""
    width = max(1, min(wanted.width(), available.width() - frame.left() - frame.right()))
    height = max(1, min(wanted.height(), available.height() - frame.top() - frame.bottom()))
    x = min(max(near.x(), available.left() + frame.left()),
            available.left() + available.width() - frame.right() - width)
    y = min(max(near.y(), available.top() + frame.top()),
            available.top() + available.height() - frame.bottom() - height)
    return QRect(x, y, width, height)


class TicketWindow(QWidget):
    ticket_changed = Signal(str)

    def __init__(self, context: DeskContext, ticket_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._context = context
        self.ticket_id = ticket_id
        self.detail: TicketDetail | None = None
        self._flow = TicketFlow(context.store(), context.clock, context.seat.staff_id,
                                context.confirmation_timeout())
        self._header = QLabel(self)
        self._header.setObjectName("header")
        self._header.setTextFormat(Qt.TextFormat.RichText)
        self._fields = QFormLayout()
        self._timeline = QTextBrowser(self)
        self._timeline.setObjectName("timeline")
        self.buttons: dict[str, QPushButton] = {}
        self._layout()
        self.reload()
        self.resize(WANTED_SIZE)

    def place(self, anchor: QWidget | None, order: int = 0) -> None:
        """Open inside the free area of ``anchor``'s screen, cascading from its top left by
        ``order`` steps; never past the bottom of a small screen."""
        screen = (anchor.screen() if anchor is not None else None) \
            or QGuiApplication.primaryScreen()
        if screen is None:
            return
        # Before it is shown, a window's frame is unknown: the desk's own window has one.
        frame = QMargins()
        if anchor is not None and anchor.isVisible():
            outer, inner = anchor.frameGeometry(), anchor.geometry()
            frame = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                             outer.right() - inner.right(), outer.bottom() - inner.bottom())
        origin = anchor.geometry().topLeft() if anchor is not None else QPoint()
        step = CASCADE * (1 + order % 8)
        self.setGeometry(fit_on_screen(WANTED_SIZE, frame, screen.availableGeometry(),
                                       origin + QPoint(step, step)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.close()  # the ticket is saved as it goes: nothing to ask
            return
        super().keyPressEvent(event)

    def _layout(self) -> None:
        actions = QGridLayout()
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("first_response", self.tr("First response given"), "Ctrl+1", self._first_response),
            ("take", self.tr("Take"), "Ctrl+T", self._take),
            ("assign", self.tr("Assign…"), "Ctrl+G", self._assign),
            ("start", self.tr("Start work"), "Ctrl+W", self._start),
            ("pend_requester", self.tr("Wait for requester…"), "", self._pend_requester),
            ("pend_vendor", self.tr("Wait for vendor…"), "", self._pend_vendor),
            ("resolve", self.tr("Resolve…"), "Ctrl+E", self._resolve),
            ("confirm", self.tr("Requester confirmed…"), "", self._confirm),
            ("close_unconfirmed", self.tr("Close without confirmation"), "", self._close),
            ("reopen", self.tr("Reopen…"), "", self._reopen),
            ("note", self.tr("Add note…"), "Ctrl+M", self._note),
            ("edit", self.tr("Edit…"), "F2", self._edit),
            ("link", self.tr("Link or merge…"), "Ctrl+L", self._link),
        ]
        for position, (key, text, shortcut, slot) in enumerate(specs):
            button = QPushButton(text, self)
            button.setObjectName(key)
            if shortcut:
                button.setShortcut(QKeySequence(shortcut))
                button.setToolTip(shortcut)
            button.clicked.connect(slot)
            self.buttons[key] = button
            # Five a row: the window fits an 800-px-wide screen (six needed 850 px).
            actions.addWidget(button, position // 5, position % 5)
        top = QHBoxLayout()
        top.addLayout(self._fields, 1)
        self._top = top
        layout = QVBoxLayout(self)
        layout.addWidget(self._header)
        layout.addLayout(top)
        layout.addLayout(actions)
        self._bottom = QHBoxLayout()
        self._bottom.addWidget(self._timeline, 3)
        layout.addLayout(self._bottom, 1)

    @Slot(list)
    def on_tickets_changed(self, ticket_ids: list[str]) -> None:
        """Another window or a queue wrote to tickets: show this one's new state."""
        if self.ticket_id in ticket_ids:
            self.reload()

    def add_summary_widget(self, widget: QWidget) -> None:
        """Show another feature's summary beside the ticket's fields (wired by ui/desk.py)."""
        self._top.addWidget(widget, 1)

    def add_side_widget(self, widget: QWidget, stretch: int = 2) -> None:
        """Show another feature's panel beside the timeline (wired by ui/desk.py); the
        timeline's share of the width is 3."""
        self._bottom.addWidget(widget, stretch)

    def reply_to_requester(self, text: str) -> bool:
        """Record a reply to the requester (e.g. an article's solution) on the timeline."""
        try:
            self._flow.note(self.ticket_id, NoteKind.TO_REQUESTER, text)
        except DeskError as error:
            show_problem(self, error)
            return False
        self.reload()
        self.ticket_changed.emit(self.ticket_id)
        return True

    # --- showing --------------------------------------------------------------------------

    def reload(self) -> None:
        detail = ticket_detail(self._context.reader, self.ticket_id, self._context.language)
        self.detail = detail
        if detail is None:
            self._header.setText(self.tr("This ticket no longer exists."))
            return
        self.setWindowTitle(f"{detail.number} {detail.title}")
        color = LEVEL_COLORS[detail.level]
        self._header.setText(
            f"<h2>{html.escape(detail.number)} · {html.escape(detail.title)}</h2>"
            f"<p><span style='color:{color}'><b>{level_label(detail.level)}</b></span> · "
            f"{state_label(detail.state)} · {html.escape(detail.type_name)} · "
            f"{html.escape(detail.category_name)} · {channel_label(detail.channel)}</p>")
        while self._fields.rowCount():
            self._fields.removeRow(0)
        entries = timeline(self._context.reader, self.ticket_id)
        contact = " · ".join(x for x in (detail.unit, detail.phone, detail.email) if x)
        rows = [("requester", self.tr("Requester"), f"{detail.requester}  {contact}"),
                ("assignee", self.tr("Assignee"), f"{detail.assignee}  {detail.team}"),
                ("description", self.tr("Description"), detail.description),
                ("solution", self.tr("Solution"), detail.solution),
                ("cause", self.tr("Cause"), detail.cause),
                ("time_spent", self.tr("Time spent"), self._time_spent_text(entries)),
                ("satisfaction", self.tr("Satisfaction"), self._satisfaction_text(detail)),
                ("links", self.tr("Links"), self._links_text())]
        for name, label, value in rows:
            if name == "cause" and not value:
                continue  # only a resolution records a cause
            text = QLabel(value or "—")
            text.setObjectName(name)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fields.addRow(label, text)
        self._timeline.setHtml(timeline_html(entries, self._context.time_zone))
        self._enable(detail.state, detail)

    def _enable(self, state: S, detail: TicketDetail) -> None:
        allowed = {
            "first_response": detail.first_response_at is None and state != S.CLOSED,
            "take": state in (S.NEW, S.ASSIGNED)
            and detail.assignee_id != self._context.seat.staff_id,
            "assign": state not in (S.CLOSED,),
            "start": can_transition(state, S.IN_PROGRESS),
            "pend_requester": can_transition(state, S.PENDING_REQUESTER),
            "pend_vendor": can_transition(state, S.PENDING_VENDOR),
            "resolve": can_transition(state, S.RESOLVED),
            "confirm": state == S.RESOLVED,
            "close_unconfirmed": state == S.RESOLVED,
            "reopen": state in (S.RESOLVED, S.CLOSED),
            "note": True,
            "edit": state != S.CLOSED,
            "link": True,
        }
        for key, button in self.buttons.items():
            button.setEnabled(allowed[key])

    # --- acting ---------------------------------------------------------------------------

    def apply(self, action: Callable[[int], object]) -> bool:
        """Another feature's write on this ticket (the handling process): as the window's
        own actions, with the version shown, problems reported and the window reloaded."""
        return self._apply(action)

    def _apply(self, action: Callable[[int], object]) -> bool:
        """Run one write with the version this window showed; report problems, reload."""
        if self.detail is None:
            return False
        try:
            action(self.detail.version)
        except DeskError as error:
            show_problem(self, error)
            if error.problem in (Problem.STALE, Problem.NOT_FOUND):
                self.reload()
            return False
        self.reload()
        self.ticket_changed.emit(self.ticket_id)
        return True

    @Slot()
    def _first_response(self) -> None:
        self._apply(lambda v: self._flow.first_response(self.ticket_id, v))

    @Slot()
    def _take(self) -> None:
        self._apply(lambda v: self._flow.take(self.ticket_id, v))

    @Slot()
    def _assign(self) -> None:
        if self.detail is None:
            return
        choice = ask_assignee(self, self._context, self.detail)
        if choice is not None:
            self._apply(lambda v: self._flow.assign(self.ticket_id, v, choice[0], choice[1]))

    @Slot()
    def _start(self) -> None:
        self._apply(lambda v: self._flow.start(self.ticket_id, v))

    def _pend(self, vendor: bool) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Pending"), self.tr("Waiting for what?"))
        if ok:
            self._apply(lambda v: self._flow.pend(self.ticket_id, v, vendor=vendor,
                                                  reason=reason))

    @Slot()
    def _pend_requester(self) -> None:
        self._pend(vendor=False)

    @Slot()
    def _pend_vendor(self) -> None:
        self._pend(vendor=True)

    @Slot()
    def _resolve(self) -> None:
        answer = ask_resolution(self)
        if answer is not None:
            self._apply(lambda v: self._flow.resolve(self.ticket_id, v, solution=answer[0],
                                                     cause=answer[1]))

    @Slot()
    def _confirm(self) -> None:
        from app.process.reading import needs_verification

        # Level 2: said before the seat asks the requester for a score (the write would
        # refuse it anyway, after the call).
        if needs_verification(self._context.reader, self.ticket_id):
            show_problem(self, DeskError(Problem.NOT_VERIFIED, "verification"))
            return
        answer = ask_satisfaction(self)
        if answer is not None:
            self._apply(lambda v: self._flow.confirm(self.ticket_id, v, score=answer.score,
                                                     method=answer.method,
                                                     comment=answer.comment))

    @Slot()
    def _close(self) -> None:
        self._apply(lambda v: self._flow.close_unconfirmed(self.ticket_id, v))

    @Slot()
    def _reopen(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Reopen"), self.tr("Why is it reopened?"))
        if ok:
            self._apply(lambda v: self._flow.reopen(self.ticket_id, v, reason))

    @Slot()
    def _note(self) -> None:
        from ui.ticket.note_dialog import NoteDialog

        dialog = NoteDialog(self)
        if dialog.exec() != NoteDialog.DialogCode.Accepted:
            return
        kind, text, minutes = dialog.note()
        try:
            self._flow.note(self.ticket_id, kind, text, minutes)
        except DeskError as error:
            show_problem(self, error)
            return
        self.reload()
        self.ticket_changed.emit(self.ticket_id)

    @Slot()
    def _edit(self) -> None:
        from ui.ticket.edit_dialog import EditDialog

        detail = self.detail
        if detail is None:
            return
        dialog = EditDialog(self._context, detail,
                            (detail.urgency, detail.impact, detail.importance), detail.type_id,
                            self)
        if dialog.exec() == EditDialog.DialogCode.Accepted:
            edits, weights = dialog.edits(), self._context.desk_settings().grading
            self._apply(lambda v: self._flow.edit(self.ticket_id, v, edits, weights))

    @Slot()
    def _link(self) -> None:
        answer = ask_link(self)
        if answer is None:
            return
        number, kind = answer
        other = ticket_by_number(self._context.reader, number)
        if other is None:
            show_problem(self, DeskError(Problem.NOT_FOUND, "other"))
            return
        if kind == "merge":
            self._apply(lambda v: self._flow.merge(self.ticket_id, v, other))
            return
        try:
            self._flow.link(self.ticket_id, other, LinkKind(kind))
        except DeskError as error:
            show_problem(self, error)
            return
        self.reload()
        self.ticket_changed.emit(self.ticket_id)

    def _time_spent_text(self, entries: list[TimelineEntry]) -> str:
        """The minutes the seats gave with their notes (work log, calls), summed."""
        minutes = sum(int(value) for entry in entries
                      if isinstance(value := entry.data.get("minutes"), int | float))
        if minutes <= 0:
            return ""
        hours, rest = divmod(minutes, 60)
        if not hours:
            return self.tr("%1 min").replace("%1", str(rest))
        return self.tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))

    def _satisfaction_text(self, detail: TicketDetail) -> str:
        if detail.satisfaction is None:
            return self.tr("closed without the requester's confirmation") \
                if detail.closed_unconfirmed else ""
        score = self.tr("%1/5").replace("%1", str(detail.satisfaction))
        method = satisfaction_method_label(detail.satisfaction_method)
        return self.tr("%1, collected by %2").replace("%1", score).replace("%2", method) \
            if method else score

    def _links_text(self) -> str:
        names = {"duplicate_of": self.tr("duplicate of"), "related": self.tr("related to"),
                 "caused_by": self.tr("caused by"),
                 "reverse:duplicate_of": self.tr("has duplicate"),
                 "reverse:related": self.tr("related to"),
                 "reverse:caused_by": self.tr("causes")}
        return "; ".join(f"{names.get(kind, kind)} {number} {title}" for kind, number, title
                         in ticket_links(self._context.reader, self.ticket_id))
