"""Generated tickets with their timelines: channels, levels and states as a real desk has them."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random
from typing import Any

from app.demo import catalog
from app.domain.enums import Channel, EventKind, Rating, Seniority, TicketState
from app.domain.grading import Grading, GradingWeights
from app.domain.ids import seeded_id
from app.domain.numbers import ticket_number

CHANNEL_WEIGHTS = {Channel.PHONE: 45, Channel.EMAIL: 15, Channel.CHAT: 20,
                   Channel.WALK_IN: 3, Channel.MONITORING: 12, Channel.WEB: 5}
TYPE_WEIGHTS = {"consultation": 35, "fault": 40, "maintenance": 10, "service_request": 15}
RATING_WEIGHTS = {Rating.LOW: 50, Rating.MEDIUM: 35, Rating.HIGH: 15}
# Seats take more calls in office hours; the night still has some (7x24 desk).
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 9, 12, 12, 10, 6, 8, 11, 11, 10, 8, 5, 4, 3, 2, 2, 1]


@dataclass(frozen=True)
class Refs:
    """Ids the tickets point at, grouped for quick choices."""

    type_ids: dict[str, str]
    categories: Sequence[tuple[catalog.CategorySeed, str]]
    requesters: Sequence[tuple[str, str]]  # (id, name)
    staff_by_skill: dict[str, list[tuple[str, int, str | None]]]  # (id, seniority, team)


def creation_times(rng: Random, now: datetime, count: int, days: int) -> list[datetime]:
    """``count`` creation moments over the last ``days`` days, oldest first."""
    start = (now - timedelta(days=days)).replace(hour=0, minute=0, second=0, microsecond=0)
    moments: list[datetime] = []
    hours = list(range(24))
    while len(moments) < count:
        day = rng.randrange(days + 1)
        hour = rng.choices(hours, weights=HOUR_WEIGHTS)[0]
        moment = start + timedelta(days=day, hours=hour, seconds=rng.randrange(3600))
        if moment < now:
            moments.append(moment)
    moments.sort()
    return moments


def final_state(rng: Random, age: timedelta) -> TicketState:
    """Old tickets are mostly closed; today's are still being worked on."""
    s = TicketState
    if age < timedelta(hours=2):
        table = {s.NEW: 30, s.ASSIGNED: 25, s.IN_PROGRESS: 30, s.PENDING_REQUESTER: 5,
                 s.RESOLVED: 10}
    elif age < timedelta(days=3):
        table = {s.ASSIGNED: 8, s.IN_PROGRESS: 20, s.PENDING_REQUESTER: 8, s.PENDING_VENDOR: 6,
                 s.RESOLVED: 25, s.CLOSED: 33}
    else:
        table = {s.IN_PROGRESS: 1, s.PENDING_VENDOR: 1, s.RESOLVED: 3, s.CLOSED: 95}
    return rng.choices(list(table), weights=list(table.values()))[0]


def _pick(rng: Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class TicketWriter:
    """Builds ticket rows and their timeline events, one ticket at a time."""

    def __init__(self, rng: Random, now: datetime, refs: Refs, weights: GradingWeights) -> None:
        self.rng = rng
        self.now = now
        self.refs = refs
        self.weights = weights

    def tickets(self, moments: Sequence[datetime], first_number: int = 1
                ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        for offset, created in enumerate(moments):
            yield self._ticket(first_number + offset, created)

    def _ticket(self, number: int, created: datetime
                ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        rng = self.rng
        channel: Channel = _pick(rng, CHANNEL_WEIGHTS)
        category, category_id = rng.choice(self.refs.categories)
        type_code = "fault" if channel == Channel.MONITORING else _pick(rng, TYPE_WEIGHTS)
        grading = Grading(_pick(rng, RATING_WEIGHTS), _pick(rng, RATING_WEIGHTS),
                          _pick(rng, RATING_WEIGHTS))
        level = grading.level(self.weights)
        system = rng.choice(catalog.SYSTEMS)
        state = final_state(rng, self.now - created)
        assignee, team = self._assignee(category.skill, int(level), state)
        ticket_id = seeded_id(created, rng)
        # Monitoring alerts come from a system, not from a requester.
        requester: tuple[str | None, str] = (
            (None, "") if channel == Channel.MONITORING else rng.choice(self.refs.requesters))
        requester_id, _requester_name = requester
        row: dict[str, Any] = {
            "id": ticket_id, "number": ticket_number(number),
            "title": rng.choice(category.titles).format(system=system),
            "description": rng.choice(category.descriptions).format(system=system),
            "requester_id": requester_id, "channel": str(channel),
            "type_id": self.refs.type_ids[type_code], "category_id": category_id,
            "urgency": int(grading.urgency), "impact": int(grading.impact),
            "importance": int(grading.importance), "level": int(level), "level_reason": "",
            "state": str(state), "pending_reason": "", "assignee_id": assignee,
            "team_id": team, "created_at": created, "first_response_at": None,
            "resolved_at": None, "closed_at": None, "version": 1, "deleted": False,
            "solution": "", "cause": "", "satisfaction": None, "closed_unconfirmed": False,
            # The names the queues sort by are filed by the generator as it inserts
            # (app/store/sort_keys.file_new_rows).
        }
        events = self._timeline(row, created, state)
        row["updated_at"] = events[-1]["at"]
        return row, events

    def _assignee(self, skill: str, level: int, state: TicketState
                  ) -> tuple[str | None, str | None]:
        if state == TicketState.NEW:
            return None, None
        candidates = self.refs.staff_by_skill.get(skill, [])
        if not candidates:
            return None, None
        wanted = {1: Seniority.SENIOR_EXPERT, 2: Seniority.EXPERIENCED, 3: Seniority.ENGINEER}
        fitting = [c for c in candidates if c[1] >= wanted[level]] or candidates
        member_id, _, team_id = self.rng.choice(fitting)
        return member_id, team_id

    def _timeline(self, row: dict[str, Any], created: datetime, state: TicketState
                  ) -> list[dict[str, Any]]:
        rng, ticket_id = self.rng, row["id"]
        at = created
        events = [self._event(ticket_id, at, None, EventKind.CREATED, "",
                              {"channel": row["channel"]})]

        def step(max_minutes: int) -> datetime:
            nonlocal at
            at = min(self.now, at + timedelta(seconds=rng.randrange(20, max_minutes * 60)))
            return at

        if state == TicketState.NEW:
            return events
        row["first_response_at"] = step(2)
        actor = row["assignee_id"]
        events.append(self._event(ticket_id, at, actor, EventKind.ASSIGNED, "",
                                  {"assignee_id": actor}))
        path = [TicketState.NEW, *_path_to(state)]
        for previous, target in zip(path, path[1:], strict=False):
            if target != TicketState.ASSIGNED:
                step(240 if target == TicketState.RESOLVED else 60)
            body = ""
            if target == TicketState.RESOLVED:
                body = rng.choice(catalog.SOLUTIONS)
                row["resolved_at"], row["solution"] = at, body
                row["cause"] = rng.choice(catalog.CAUSES)
            elif target == TicketState.CLOSED:
                row["closed_at"] = at
                row["satisfaction"] = rng.choice([5, 5, 5, 4, 4, 3])
                events.append(self._event(ticket_id, at, actor, EventKind.SATISFACTION, "",
                                          {"score": row["satisfaction"]}))
            elif target != TicketState.ASSIGNED and rng.random() < 0.3:
                events.append(self._event(ticket_id, at, actor, EventKind.COMMENT,
                                          rng.choice(catalog.COMMENTS), {"internal": True}))
            events.append(self._event(ticket_id, at, actor, EventKind.STATE_CHANGED, body,
                                      {"from": str(previous), "to": str(target)}))
        return events

    def _event(self, ticket_id: str, at: datetime, actor: str | None, kind: EventKind,
               body: str, data: dict[str, Any]) -> dict[str, Any]:
        return {"id": seeded_id(at, self.rng), "ticket_id": ticket_id, "at": at,
                "actor_id": actor, "kind": str(kind), "body": body,
                "data": json.dumps(data, ensure_ascii=False)}


def _path_to(state: TicketState) -> list[TicketState]:
    """The states a ticket went through after assignment to reach ``state``."""
    s = TicketState
    paths = {
        s.ASSIGNED: [s.ASSIGNED],
        s.IN_PROGRESS: [s.ASSIGNED, s.IN_PROGRESS],
        s.PENDING_REQUESTER: [s.ASSIGNED, s.IN_PROGRESS, s.PENDING_REQUESTER],
        s.PENDING_VENDOR: [s.ASSIGNED, s.IN_PROGRESS, s.PENDING_VENDOR],
        s.RESOLVED: [s.ASSIGNED, s.IN_PROGRESS, s.RESOLVED],
        s.CLOSED: [s.ASSIGNED, s.IN_PROGRESS, s.RESOLVED, s.CLOSED],
    }
    return paths[state]
