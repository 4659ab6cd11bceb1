"""Choosing an assignee by the dispatch ranking, for a ticket window or a queue's selection.

Shared by features (like ``ui/dialogs.py``): the ticket window and the queues both assign,
and neither imports the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from app.domain.dispatch import suggest
from app.domain.enums import Level
from app.people.reading import teams
from app.rota.reading import on_duty_ids
from app.store.directory import staff
from app.store.ticket_detail import open_workload
from ui.context import DeskContext

if TYPE_CHECKING:
    from ui.dispatch.dialog import AssignDialog


def ranking_dialog(parent: QWidget | None, context: DeskContext, skill: str, level: Level,
                   title: str) -> AssignDialog:
    """The assign dialog for work asking ``skill`` at ``level``: every active staff member,
    best first."""
    from ui.dispatch.dialog import AssignDialog
    from ui.dispatch.model import CandidateModel

    members = staff(context.reader)
    ranked = suggest(members, skill, level, open_workload(context.reader),
                     limit=len(members), on_duty=on_duty_ids(context.reader, context.clock))
    zh = context.language.startswith("zh")
    names = {team.id: team.name_zh if zh else team.name_en for team in teams(context.reader)}
    return AssignDialog(CandidateModel(ranked, names), title, parent)


def ask_assignee(parent: QWidget | None, context: DeskContext, skill: str, level: Level,
                 title: str) -> tuple[str, str | None] | None:
    """(staff id, team id) of the person chosen, or None if the seat cancelled."""
    dialog = ranking_dialog(parent, context, skill, level, title)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
