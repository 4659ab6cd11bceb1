"""Demo data of the handling process: handling plans on open level-2 tickets (their first
step done), verifications of resolved level-2 results, level-3 analyses, and reviews of
recent level-3 results (one sent back with findings). Written like the desk writes them:
each with its timeline entry, authored by the demo's technical lead (seat004) and senior
reviewer (seat005). No emergency is in force on the demo desk: its banner would cover
every first start."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy import Connection, insert, text

from app.domain.enums import EventKind
from app.domain.ids import seeded_id
from app.process.tables import AnalysisRow, PlanRow, PlanStepRow, ReviewRow, VerificationRow
from app.store.models import TicketEventRow
from app.store.reading import parse_sqlite_utc

LEAD, REVIEWER = "seat004", "seat005"
STEPS = (("收集告警与日志，确认影响范围", 60), ("实施处置方案并观察业务恢复", 120),
         ("验证恢复并向请求人通报", 240))
ANALYSES = ("初步判断为配置变更引起，需核对变更记录", "疑似容量不足，需查看近一周监控趋势",
            "需与厂商确认补丁兼容性", "权限配置问题，按标准流程处理")
FINDINGS = "解决方案未写明根因，缺少恢复验证记录，请补充后重新提交。"


def _staff(conn: Connection, login: str) -> str | None:
    row = conn.execute(text("SELECT id FROM staff WHERE login = :login"),
                       {"login": login}).first()
    return None if row is None else str(row[0])


def _tickets(conn: Connection, level: int, states: tuple[str, ...], limit: int
             ) -> list[tuple[str, datetime, str | None, datetime | None]]:
    rows = conn.execute(text(
        "SELECT id, created_at, assignee_id, resolved_at FROM tickets WHERE level = :level "
        f"AND state IN ({','.join(repr(s) for s in states)}) AND deleted = 0 "
        "ORDER BY created_at DESC LIMIT :limit"), {"level": level, "limit": limit})
    return [(r[0], parse_sqlite_utc(str(r[1])), r[2],
             parse_sqlite_utc(str(r[3])) if r[3] is not None else None) for r in rows]


def write_demo(conn: Connection, rng: Random, now: datetime) -> None:
    lead, reviewer = _staff(conn, LEAD), _staff(conn, REVIEWER)
    if lead is None or reviewer is None:
        return
    events: list[dict[str, Any]] = []

    def event(ticket: str, at: datetime, actor: str | None, kind: EventKind, body: str,
              data: dict[str, Any]) -> None:
        events.append({"id": seeded_id(at, rng), "ticket_id": ticket, "at": at,
                       "actor_id": actor, "kind": str(kind), "body": body,
                       "data": json.dumps(data, ensure_ascii=False)})

    fresh = {"version": 1, "deleted": False}
    plans, steps = [], []
    for ticket, created, assignee, _resolved in _tickets(
            conn, 2, ("assigned", "in_progress", "pending_vendor"), 5):
        saved = min(created + timedelta(minutes=rng.randint(15, 50)), now)
        plan = seeded_id(saved, rng)
        plans.append({"id": plan, "ticket_id": ticket, "kind": "handling", "template": "",
                      "summary": "先恢复业务，再根治问题", "expert_id": None, "roles": "{}",
                      "author_id": lead, "saved_at": saved, "updated_at": saved, **fresh})
        event(ticket, saved, lead, EventKind.PLAN_SAVED, "先恢复业务，再根治问题",
              {"plan_id": plan, "kind": "handling", "steps": len(STEPS), "first": True})
        for position, (what, minutes) in enumerate(STEPS):
            planned = saved + timedelta(minutes=minutes)
            done = min(saved + timedelta(minutes=minutes - 10), now) if position == 0 else None
            step = seeded_id(saved, rng)
            steps.append({"id": step, "plan_id": plan, "position": position, "text": what,
                          "owner_id": assignee or lead, "planned_at": planned,
                          "done_at": done, "author_id": assignee or lead,
                          "updated_at": done or saved, **fresh})
            if done is not None:
                event(ticket, done, assignee or lead, EventKind.STEP_DONE, what,
                      {"plan_id": plan, "step_id": step, "position": position,
                       "late": False})
    verifications = []
    for ticket, _created, _assignee, resolved in _tickets(conn, 2, ("resolved",), 3):
        if resolved is None:
            continue
        at = min(resolved + timedelta(minutes=rng.randint(5, 40)), now)
        verifications.append({"id": seeded_id(at, rng), "ticket_id": ticket,
                              "verifier_id": lead, "at": at, "approved": True,
                              "note": "已现场复核，业务恢复正常"})
        event(ticket, at, lead, EventKind.VERIFIED, "已现场复核，业务恢复正常",
              {"approved": True})
    analyses = []
    for index, (ticket, created, assignee, _resolved) in enumerate(
            _tickets(conn, 3, ("assigned", "in_progress", "resolved", "closed"), 12)):
        at = min(created + timedelta(minutes=rng.randint(1, 4)), now)
        minutes = rng.choice((30, 60, 90, 120, 240))
        analyses.append({"id": seeded_id(at, rng), "ticket_id": ticket,
                         "author_id": assignee, "at": at,
                         "analysis": ANALYSES[index % len(ANALYSES)],
                         "planned_minutes": minutes})
        event(ticket, at, assignee, EventKind.ANALYSED, ANALYSES[index % len(ANALYSES)],
              {"planned_minutes": minutes})
    reviews = []
    for ticket, _created, _assignee, resolved in _tickets(conn, 3, ("closed",), 4):
        if resolved is None:
            continue
        at = min(resolved + timedelta(hours=rng.randint(1, 6)), now)
        reviews.append({"id": seeded_id(at, rng), "ticket_id": ticket, "reviewer_id": reviewer,
                        "at": at, "approved": True, "findings": ""})
        event(ticket, at, reviewer, EventKind.REVIEWED, "", {"approved": True})
    # One result sent back: the ticket is at work again, the findings on its timeline.
    for ticket, created, _assignee, _resolved in _tickets(conn, 3, ("in_progress",), 1):
        at = min(created + timedelta(hours=3), now)
        reviews.append({"id": seeded_id(at, rng), "ticket_id": ticket, "reviewer_id": reviewer,
                        "at": at, "approved": False, "findings": FINDINGS})
        event(ticket, at, reviewer, EventKind.REVIEWED, FINDINGS, {"approved": False})
    for table, values in ((PlanRow, plans), (PlanStepRow, steps),
                          (VerificationRow, verifications), (AnalysisRow, analyses),
                          (ReviewRow, reviews), (TicketEventRow, events)):
        if values:
            conn.execute(insert(table), values)
