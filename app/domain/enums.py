"""Enumerations of the service desk. Values are stored in the database; never renumber them."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Channel(StrEnum):
    """How a request reached the desk."""

    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"
    WALK_IN = "walk_in"
    MONITORING = "monitoring"
    WEB = "web"


class TicketState(StrEnum):
    """Where a ticket stands in the closed loop (DESIGN.md section 4)."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    PENDING_REQUESTER = "pending_requester"
    PENDING_VENDOR = "pending_vendor"
    RESOLVED = "resolved"
    CLOSED = "closed"


class SatisfactionMethod(StrEnum):
    """How the requester's satisfaction was collected (schema 0007: tickets.satisfaction_method;
    "" on tickets rated before it was recorded)."""

    CALL_BACK = "call_back"
    QUESTIONNAIRE = "questionnaire"


class Rating(IntEnum):
    """A three-step rating used for urgency, impact scope and business importance."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3


class Level(IntEnum):
    """Handling level; level 1 is the most severe (REQUIREMENTS.md section 3)."""

    ONE = 1
    TWO = 2
    THREE = 3


class Seniority(IntEnum):
    """Who may take which level: level 1 goes to senior experts."""

    ENGINEER = 1
    EXPERIENCED = 2
    SENIOR_EXPERT = 3


class StaffStatus(StrEnum):
    """A staff member's own availability, used by dispatch until the rota lands."""

    AVAILABLE = "available"
    BUSY = "busy"
    AWAY = "away"


class EventKind(StrEnum):
    """Kinds of entries on a ticket's append-only timeline."""

    CREATED = "created"
    STATE_CHANGED = "state_changed"
    ASSIGNED = "assigned"
    COMMENT = "comment"
    CALL_NOTE = "call_note"
    WORK_LOG = "work_log"
    LEVEL_CHANGED = "level_changed"
    EDITED = "edited"
    ESCALATED = "escalated"
    SATISFACTION = "satisfaction"
    # The handling process (issue 16, app/process): a plan saved (meets the "plan" target),
    # a plan step done, a level-2 verification, a level-3 review, the level-3 analysis at
    # intake, a level-1 emergency declared.
    PLAN_SAVED = "plan_saved"
    STEP_DONE = "step_done"
    VERIFIED = "verified"
    REVIEWED = "reviewed"
    ANALYSED = "analysed"
    EMERGENCY = "emergency"
    MISSED_CAUSE = "missed_cause"  # why an SLA target was missed (issue 16, app/sla/causes.py)
    MAIL_RECEIVED = "mail_received"  # an e-mail from the requester (app/mail/intake.py)
    MAIL_SENT = "mail_sent"  # a message sent to the requester (app/mail/sending.py)
    MAIL_FAILED = "mail_failed"  # ...or given up on, with the reason
