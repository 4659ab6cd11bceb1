"""Automatic assignment for a team: a newly logged ticket goes straight to the best-ranked
available member of the chosen team, by the same dispatch ranking the seat sees (skill,
seniority for the level, open workload, on duty by the published rota). If nobody in the
team is available the ticket stays unassigned for a person to dispatch."""

from __future__ import annotations

import sqlite3

from app.domain.clock import Clock
from app.domain.dispatch import Suggestion, suggest
from app.rota.reading import on_duty_ids
from app.services.ticket_flow import TicketFlow
from app.store.database import Store
from app.store.directory import staff
from app.store.ticket_detail import TicketDetail, open_workload, ticket_detail


def pick(reader: sqlite3.Connection, clock: Clock, detail: TicketDetail,
         team_id: str) -> Suggestion | None:
    """The team member the ticket should go to, or None if nobody there is available."""
    members = [m for m in staff(reader) if m.team_id == team_id]
    if not members:
        return None
    ranked = suggest(members, detail.category_skill, detail.level, open_workload(reader),
                     limit=len(members), on_duty=on_duty_ids(reader, clock))
    available = [s for s in ranked if s.availability > 0]
    return available[0] if available else None


def auto_assign(store: Store, reader: sqlite3.Connection, clock: Clock, actor_id: str | None,
                ticket_id: str, team_code: str) -> Suggestion | None:
    """Assign ``ticket_id`` within the team ``team_code``; the chosen suggestion, or None."""
    found = reader.execute("SELECT id FROM teams WHERE code = ? AND deleted = 0",
                           (team_code,)).fetchone()
    detail = ticket_detail(reader, ticket_id, "en")
    if found is None or detail is None:
        return None
    chosen = pick(reader, clock, detail, str(found[0]))
    if chosen is not None:
        TicketFlow(store, clock, actor_id).assign(ticket_id, detail.version, chosen.staff.id)
    return chosen
