"""Storing leave, unavailability and wanted/unwanted days, for whoever ``access`` allows."""

from __future__ import annotations

from dataclasses import replace

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.rota.access import Editor, may_edit_absence, may_edit_wish
from app.rota.model import Absence, Preference
from app.rota.tables import AbsenceRow, PreferenceRow
from app.rota.writing import bump
from app.store.database import Store

MAX_WISH_WEIGHT = 1000


def add_absence(store: Store, clock: Clock, absence: Absence, editor: Editor) -> Absence:
    """Store a new absence; returns it with its id."""
    if not may_edit_absence(editor, absence):
        raise PermissionError("this desk may not enter that absence")
    if absence.last < absence.first:
        raise ValueError("an absence ends on or after the day it starts")
    stored = replace(absence, id=new_id(clock), note=absence.note.strip())
    with store.unit_of_work() as session:
        session.add(AbsenceRow(id=stored.id, staff_id=stored.staff_id, first_day=stored.first,
                               last_day=stored.last, kind=stored.kind.value, note=stored.note,
                               version=1, updated_at=clock.now(), deleted=False))
    return stored


def remove_absence(store: Store, clock: Clock, absence: Absence, editor: Editor) -> None:
    """Tombstone a stored absence (sync expects tombstones, not deletes)."""
    if not may_edit_absence(editor, absence):
        raise PermissionError("this desk may not remove that absence")
    with store.unit_of_work() as session:
        bump(session.get_one(AbsenceRow, absence.id), clock, deleted=True)


def add_preference(store: Store, clock: Clock, wish: Preference, editor: Editor
                   ) -> Preference:
    """Store a wanted or unwanted day; returns it with its id."""
    if not may_edit_wish(editor, wish):
        raise PermissionError("this desk may not enter that wish")
    if wish.weight and not editor.supervises:
        # How much a wish counts is the supervisor's call, or every seat's would be strong.
        raise PermissionError("only a supervisor weighs a wish")
    if not 0 <= wish.weight <= MAX_WISH_WEIGHT:
        raise ValueError(f"a wish's weight is 0 to {MAX_WISH_WEIGHT}")
    stored = replace(wish, id=new_id(clock))
    with store.unit_of_work() as session:
        session.add(PreferenceRow(id=stored.id, staff_id=wish.staff_id, day=wish.day,
                                  shift_code=wish.shift, wanted=wish.wanted,
                                  weight=wish.weight, version=1,
                                  updated_at=clock.now(), deleted=False))
    return stored


def remove_preference(store: Store, clock: Clock, wish: Preference, editor: Editor) -> None:
    if not may_edit_wish(editor, wish):
        raise PermissionError("this desk may not remove that wish")
    with store.unit_of_work() as session:
        bump(session.get_one(PreferenceRow, wish.id), clock, deleted=True)

