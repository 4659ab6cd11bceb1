"""What a queue's selection is dispatched by (app/store/ticket_detail.dispatch_needs)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from app.domain.enums import Level
from app.paths import DataDir
from app.store.ticket_detail import dispatch_needs


def test_several_tickets_rank_by_their_commonest_skill_and_worst_level(
    demo_copy: DataDir,
) -> None:
    with closing(sqlite3.connect(demo_copy.database)) as conn:
        rows = conn.execute("SELECT t.id, c.skill, t.level FROM tickets t JOIN categories c "
                            "ON c.id = t.category_id ORDER BY t.number LIMIT 40").fetchall()
        skills = [skill for _id, skill, _level in rows]
        commonest = max(sorted(set(skills)), key=skills.count)
        needs = dispatch_needs(conn, [row[0] for row in rows])
        assert skills.count(needs[0]) == skills.count(commonest)
        assert needs[1] == Level(min(level for *_, level in rows))
        assert dispatch_needs(conn, []) == ("", Level.THREE)
