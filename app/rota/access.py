"""Who may enter leave, unavailability and wishes (no database here: the page asks it).

Supervisors enter anything for anyone. A seat (a desk that does not supervise) enters only
his own unavailability and wishes: leave is granted, not declared, so it stays with the
supervisor, and so does removing leave. The seat is the signed-in seat's staff id; whether
it supervises is its role's ``PLAN_ROTA`` capability (app/domain/roles.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.rota.model import Absence, AbsenceKind, Preference


@dataclass(frozen=True)
class Editor:
    """Who is editing: a supervisor, or the seat ``staff_id`` (None: nobody known)."""

    supervises: bool
    staff_id: str | None


def may_edit_absence(editor: Editor, absence: Absence) -> bool:
    if editor.supervises:
        return True
    return (editor.staff_id is not None and absence.staff_id == editor.staff_id
            and absence.kind is AbsenceKind.UNAVAILABLE)


def may_edit_wish(editor: Editor, wish: Preference) -> bool:
    return editor.supervises or (editor.staff_id is not None
                                 and wish.staff_id == editor.staff_id)
