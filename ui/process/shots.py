"""The handling process in screenshot mode (ui/screenshot.py): nothing is written.

- ``plan``: the plan editor over a level-2 ticket, filled with the ticket's plan;
- ``verify``: a resolved level-2 ticket waiting for the technical lead's verification;
- ``review``: the Reviews page;
- ``emergency``: the desk with the level-1 emergency banner, as it shows while the
  newest open level-1 ticket is an emergency with the library plan for its category.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.process.emergencies import Emergency
from app.process.reading import needs_verification, plans_of

if TYPE_CHECKING:
    from ui.desk import Desk


def _first(desk: Desk, sql: str) -> str | None:
    row = desk.context.reader.execute(sql).fetchone()
    return None if row is None else str(row[0])


def process_window(desk: Desk, name: str, settle: Callable[[], None]) -> QWidget | None:
    context = desk.context
    if name == "plan":
        from app.store.directory import staff
        from ui.process.plan_editor import PlanEditor

        ticket = _first(desk, "SELECT ticket_id FROM process_plans WHERE kind = 'handling' "
                              "ORDER BY saved_at DESC LIMIT 1")
        if ticket is None:
            return None
        window = desk.tickets.open(ticket)
        plan = next((p for p in plans_of(context.reader, ticket) if p.kind == "handling"),
                    None)
        editor = PlanEditor(staff(context.reader), context.time_zone, context.clock.now(),
                            plan, lambda _summary, _steps: False, window)
        editor.resize(900, 460)
        settle()
        return editor
    if name == "verify":
        rows = context.reader.execute(
            "SELECT id FROM tickets WHERE level = 2 AND state = 'resolved' AND deleted = 0 "
            "ORDER BY resolved_at DESC").fetchall()
        ticket = next((r[0] for r in rows if needs_verification(context.reader, r[0])), None)
        return None if ticket is None else desk.tickets.open(ticket)
    if name == "review":
        desk.window.show_page("reviews")
        settle()
        return desk.window
    if name == "emergency":
        from app.process.library import plans_for

        row = context.reader.execute(
            "SELECT t.id, t.number, t.title, c.code, t.created_at FROM tickets t "
            "JOIN categories c ON c.id = t.category_id WHERE t.level = 1 AND t.deleted = 0 "
            "AND t.state IN ('assigned', 'in_progress') ORDER BY t.created_at DESC LIMIT 1"
        ).fetchone()
        expert = _first(desk, "SELECT name FROM staff WHERE seniority = 3 AND active = 1 "
                              "ORDER BY login LIMIT 1")
        if row is None or desk.banner is None:
            return None
        plan = plans_for(row[3])[0].name(context.language)
        desk.banner.show_emergencies([Emergency(row[0], row[1], row[2], plan, expert or "",
                                                context.clock.now())])
        settle()
        return desk.window
    return None
