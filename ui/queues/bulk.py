"""Bulk actions on the selected rows of a queue: take, assign, start, resolve, comment,
close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.services.bulk import BulkResult, apply_to_each
from app.store.ticket_detail import dispatch_needs
from ui import dispatch
from ui.context import DeskContext
from ui.dialogs import ask_resolution
from ui.problems import problem_text


def _flow(context: DeskContext) -> object:
    from app.services.ticket_flow import TicketFlow  # the write side loads on first use

    return TicketFlow(context.store(), context.clock, context.seat.staff_id,
                      context.confirmation_timeout())


def run_bulk(parent: QWidget, context: DeskContext, ticket_ids: list[str], action: str) -> None:
    """Ask what is needed for ``action``, apply it to every ticket, report the outcome."""
    flow = _flow(context)
    step = _step(parent, context, flow, action, ticket_ids)
    if step is None:
        return
    result = apply_to_each(context.reader, ticket_ids, step)
    if result.done:
        context.events.tickets_changed.emit(result.done)
    _report(parent, result)


def _step(parent: QWidget, context: DeskContext, flow: object, action: str,
          ticket_ids: list[str]) -> Callable[[str, int], object] | None:
    from app.services.ticket_flow import NoteKind, TicketFlow

    assert isinstance(flow, TicketFlow)
    if action == "take":
        return flow.take
    if action == "start":
        return flow.start
    if action == "close":
        return flow.close_unconfirmed
    if action == "assign":
        # Ranked for the skill most of them ask for, at the most severe level among them.
        skill, level = dispatch_needs(context.reader, ticket_ids)
        title = QCoreApplication.translate("QueueBulk", "Assign %n ticket(s)", "",
                                           len(ticket_ids))
        chosen = dispatch.ask_assignee(parent, context, skill, level, title)
        if chosen is None:
            return None
        member_id, team_id = chosen
        return lambda tid, version: flow.assign(tid, version, member_id, team_id)
    if action == "resolve":
        answer = ask_resolution(parent)
        if answer is None:
            return None
        solution, cause = answer
        # An empty solution is refused per ticket and reported with the others.
        return lambda tid, version: flow.resolve(tid, version, solution=solution, cause=cause)
    if action == "comment":
        text, ok = QInputDialog.getMultiLineText(
            parent, QCoreApplication.translate("QueueBulk", "Comment"),
            QCoreApplication.translate("QueueBulk", "Internal comment for every selected ticket:"))
        if not ok:
            return None
        return lambda tid, _version: flow.note(tid, NoteKind.INTERNAL, text)
    raise ValueError(action)


def _report(parent: QWidget, result: BulkResult) -> None:
    if not result.refused:
        return
    reasons = sorted({problem_text(error.problem, error.detail) for _, error in result.refused})
    QMessageBox.information(
        parent, QCoreApplication.translate("QueueBulk", "Bulk action"),
        QCoreApplication.translate("QueueBulk", "%1 ticket(s) changed, %2 refused:")
        .replace("%1", str(len(result.done))).replace("%2", str(len(result.refused)))
        + "\n" + "\n".join(reasons))
