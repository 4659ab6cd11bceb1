"""Bulk actions on the selected rows of a queue: take, assign, start, resolve, comment,
close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.services.bulk import BulkResult, apply_to_each
from app.store.directory import staff
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
    step = _step(parent, context, flow, action)
    if step is None:
        return
    result = apply_to_each(context.reader, ticket_ids, step)
    if result.done:
        context.events.tickets_changed.emit(result.done)
    _report(parent, result)


def _step(parent: QWidget, context: DeskContext, flow: object,
          action: str) -> Callable[[str, int], object] | None:
    from app.services.ticket_flow import NoteKind, TicketFlow

    assert isinstance(flow, TicketFlow)
    if action == "take":
        return flow.take
    if action == "start":
        return flow.start
    if action == "close":
        return flow.close_unconfirmed
    if action == "assign":
        members = staff(context.reader)
        names = [member.name for member in members]
        name, ok = QInputDialog.getItem(
            parent, QCoreApplication.translate("QueueBulk", "Assign"),
            QCoreApplication.translate("QueueBulk", "Assign the selected tickets to:"),
            names, 0, False)
        if not ok:
            return None
        member = members[names.index(name)]
        return lambda tid, version: flow.assign(tid, version, member.id, member.team_id)
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
