"""Writes the demo desk: catalog, teams, staff, requesters and tickets, in one transaction.

Deterministic: the same seed and the same clock reading give the same database, ids
included, so benchmarks and screenshots are comparable from run to run.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from random import Random
from typing import Any

from sqlalchemy import Connection, insert, update

from app.demo import catalog
from app.demo.accounts import skill_rows, write_accounts
from app.demo.people import requester_rows, staff_rows
from app.demo.tickets import Refs, TicketWriter, creation_times
from app.domain.clock import Clock
from app.domain.grading import GradingWeights
from app.domain.ids import seeded_id
from app.store.database import Store
from app.store.models import (
    CategoryRow,
    CounterRow,
    RequesterRow,
    SkillRow,
    StaffRow,
    StaffSkillRow,
    TeamRow,
    TicketEventRow,
    TicketRow,
    TicketTypeRow,
)
from app.store.sort_keys import file_new_rows
from app.store.ticket_index import index_many

CHUNK = 5000

# Feature packages that add demo data of their own (articles, rotas...): each module has
# ``write_demo(conn: Connection, rng: Random, now: datetime) -> None`` and reads the staff,
# categories and tickets it needs from ``conn``. Called in this order, in the same
# transaction, after the core desk is written.
FEATURE_DEMOS: tuple[str, ...] = ("app.kb.demo", "app.rota.demo", "app.process.demo")

# How far along the demo desk is: the stage now running ("catalog", "tickets", or a
# feature module of FEATURE_DEMOS) and the share done, 0.0 to 1.0. A first start shows it
# (ui/seeding.py): the demo desk takes seconds, most of them writing tickets and planning
# the rota.
Progress = Callable[[str, float], None]
TICKETS_FROM, TICKETS_TO = 0.05, 0.5  # shares of the bar: the rest is the feature demos
PROGRESS_EVERY = 250  # tickets


def _no_progress(_stage: str, _done: float) -> None:
    pass


@dataclass(frozen=True)
class DemoSpec:
    """What to generate."""

    tickets: int
    seed: int = 20261126
    days: int = 60
    catalog_only: bool = False
    weights: GradingWeights = GradingWeights()


def write_demo(store: Store, clock: Clock, spec: DemoSpec,
               progress: Progress = _no_progress) -> None:
    """Write the demo desk described by ``spec``; all or nothing. ``progress`` hears of
    each stage (from whichever thread this runs in)."""
    rng = Random(spec.seed)
    now = clock.now()
    progress("catalog", 0.0)
    with store.engine.begin() as conn:
        type_ids, categories = _write_catalog(conn, rng, now)
        team_ids = _write_teams(conn, rng, now)
        if spec.catalog_only:
            _set_counter(conn, 0)
            return
        staff, skills = staff_rows(rng, now, team_ids)
        conn.execute(insert(StaffRow), staff)
        conn.execute(insert(StaffSkillRow), skills)
        # Own random streams: the ids of everything else stay as they were.
        write_accounts(conn, Random(spec.seed + 1), now, staff)
        _name_category_owners(conn, staff, skills)
        requesters = requester_rows(rng, now, min(2000, max(50, spec.tickets // 40)))
        conn.execute(insert(RequesterRow), requesters)
        by_skill: dict[str, list[tuple[str, int, str | None]]] = defaultdict(list)
        seniority = {member["id"]: (member["seniority"], member["team_id"]) for member in staff}
        for skill in skills:
            level, team = seniority[skill["staff_id"]]
            by_skill[skill["skill"]].append((skill["staff_id"], level, team))
        refs = Refs(type_ids, categories, [(r["id"], r["name"]) for r in requesters],
                    dict(by_skill))
        _write_tickets(conn, TicketWriter(rng, now, refs, spec.weights),
                       creation_times(rng, now, spec.tickets, spec.days), progress)
        _set_counter(conn, spec.tickets)
        # Marks the demo desk: its sign-in prompt names the demo accounts and password.
        conn.execute(insert(CounterRow), [{"name": "demo_desk", "value": 1}])
        share = (1.0 - TICKETS_TO) / len(FEATURE_DEMOS)
        for position, module in enumerate(FEATURE_DEMOS):
            progress(module, TICKETS_TO + position * share)
            importlib.import_module(module).write_demo(conn, Random(spec.seed), now)
    progress("done", 1.0)


def _write_catalog(conn: Connection, rng: Random, now: datetime
                   ) -> tuple[dict[str, str], list[tuple[catalog.CategorySeed, str]]]:
    type_ids: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    for position, seed in enumerate(catalog.TICKET_TYPES):
        type_ids[seed.code] = seeded_id(now, rng)
        rows.append({"id": type_ids[seed.code], "code": seed.code, "name_zh": seed.name_zh,
                     "name_en": seed.name_en, "color": seed.color, "icon": seed.icon,
                     "position": position, **_fresh(now)})
    conn.execute(insert(TicketTypeRow), rows)
    categories = [(seed, seeded_id(now, rng)) for seed in catalog.CATEGORIES]
    category_rows = [
        {"id": cid, "code": seed.code, "name_zh": seed.name_zh, "name_en": seed.name_en,
         "color": seed.color, "icon": seed.icon, "skill": seed.skill, "position": position,
         **_fresh(now)}
        for position, (seed, cid) in enumerate(categories)]
    conn.execute(insert(CategoryRow), category_rows)
    conn.execute(insert(SkillRow), skill_rows(now, category_rows))
    return type_ids, categories


def _name_category_owners(conn: Connection, staff: list[dict[str, Any]],
                          skills: list[dict[str, Any]]) -> None:
    """Every category answers to the most senior person with its skill (the customer asks
    that every kind of problem has a named owner)."""
    by_id = {member["id"]: member for member in staff}
    best: dict[str, dict[str, Any]] = {}
    for skill in skills:
        member = by_id[skill["staff_id"]]
        held = best.get(skill["skill"])
        if held is None or (member["seniority"], held["login"]) > (held["seniority"],
                                                                    member["login"]):
            best[skill["skill"]] = member
    for code, member in best.items():
        conn.execute(update(CategoryRow).where(CategoryRow.skill == code)
                     .values(owner_id=member["id"]))


def _write_teams(conn: Connection, rng: Random, now: datetime) -> dict[str, str]:
    team_ids = {team.code: seeded_id(now, rng) for team in catalog.TEAMS}
    conn.execute(insert(TeamRow), [
        {"id": team_ids[team.code], "code": team.code, "name_zh": team.name_zh,
         "name_en": team.name_en, **_fresh(now)}
        for team in catalog.TEAMS
    ])
    return team_ids


def _write_tickets(conn: Connection, writer: TicketWriter, moments: list[datetime],
                   progress: Progress = _no_progress) -> None:
    tickets: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    next_rowid = 1
    total = max(1, len(moments))
    for done, (ticket, timeline) in enumerate(writer.tickets(moments), 1):
        tickets.append(ticket)
        events.extend(timeline)
        if len(tickets) >= CHUNK:
            next_rowid = _flush(conn, tickets, events, next_rowid)
        if done % PROGRESS_EVERY == 0:
            progress("tickets", TICKETS_FROM + (TICKETS_TO - TICKETS_FROM) * done / total)
    _flush(conn, tickets, events, next_rowid)


def _flush(conn: Connection, tickets: list[dict[str, Any]], events: list[dict[str, Any]],
           next_rowid: int) -> int:
    """Write a chunk of tickets, their timelines and their search index entries."""
    if tickets:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        file_new_rows(raw, tickets)  # the names the queues sort by, as sync files them
        conn.execute(insert(TicketRow), tickets)
        conn.execute(insert(TicketEventRow), events)
        next_rowid = index_many(raw, ((t["id"], t["title"], t["description"])
                                      for t in tickets), next_rowid)
    tickets.clear()
    events.clear()
    return next_rowid


def _set_counter(conn: Connection, value: int) -> None:
    conn.execute(insert(CounterRow), [{"name": "ticket_number", "value": value}])


def _fresh(now: datetime) -> dict[str, Any]:
    return {"updated_at": now, "version": 1, "deleted": False}
