"""Tickets and what classifies them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.enums import Channel, Level, Rating, TicketState


@dataclass(frozen=True)
class TicketType:
    """Consultation, fault, maintenance, service request...: data, each with colour and icon."""

    id: str
    code: str
    name_zh: str
    name_en: str
    color: str
    icon: str


@dataclass(frozen=True)
class Category:
    """The domain a ticket belongs to (hosts, network...); its skill drives dispatch."""

    id: str
    code: str
    name_zh: str
    name_en: str
    color: str
    icon: str
    skill: str


@dataclass(frozen=True)
class Ticket:
    """One request on the desk."""

    id: str
    number: str
    title: str
    description: str
    requester_id: str | None
    channel: Channel
    type_id: str
    category_id: str
    urgency: Rating
    impact: Rating
    importance: Rating
    level: Level
    level_reason: str
    state: TicketState
    assignee_id: str | None
    team_id: str | None
    created_at: datetime
    updated_at: datetime
    version: int
