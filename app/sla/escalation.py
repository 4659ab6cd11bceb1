"""Escalation (升级): what happens when a target breaches, and the webhook call.

Rules hang off the policy (per target kind and threshold). Raising the level and handing
over are done when the breach is raised. Two actions start "pending" in the ledger and are
finished later by whoever escalates (the standalone desk, or the escalation service):
- "notify the supervisor" is *sent* then; supervisors' desks write receipts when they show
  it and when a supervisor acknowledges it (``app.sla.receipts``), and the first
  acknowledgement makes the line "done" (``settle_acknowledged``);
- a webhook is *deferred*: whoever escalates delivers ``webhook_calls`` with
  ``deliver_webhook`` (timeout, retries) off the GUI thread, then records the outcome with
  ``record_outcome``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from app.sla.monitor import Raised
    from app.store.database import Store


class Action(StrEnum):
    NOTIFY_SUPERVISOR = "notify_supervisor"
    RAISE_LEVEL = "raise_level"
    REASSIGN = "reassign"
    WEBHOOK = "webhook"


class Escalation(NamedTuple):
    """One rule: on ``threshold`` of target ``kind`` (None: any target) do ``action``."""

    action: Action
    threshold: str = "breached"
    kind: str | None = None
    url: str = ""
    team: str = ""  # REASSIGN: the code of the senior group

    @property
    def deferred(self) -> bool:
        return self.action is Action.WEBHOOK

    def describe(self) -> str:
        if self.action is Action.WEBHOOK:
            return self.url
        return self.team if self.action is Action.REASSIGN else ""


# REQUIREMENTS.md section 2: an overdue fault or complex problem escalates automatically.
DEFAULT_ESCALATIONS: tuple[Escalation, ...] = (
    Escalation(Action.NOTIFY_SUPERVISOR, "breached", "resolution"),
    Escalation(Action.NOTIFY_SUPERVISOR, "breached", "pickup"),
    # Issue 16: a level-2 ticket with no handling plan after its hour.
    Escalation(Action.NOTIFY_SUPERVISOR, "breached", "plan"),
)


def plan_escalations(rules: tuple[Escalation, ...], kind: str,
                     threshold: str) -> tuple[Escalation, ...]:
    """The escalations a raised threshold of target ``kind`` triggers."""
    return tuple(rule for rule in rules
                 if rule.threshold == threshold and rule.kind in (None, kind))


class WebhookCall(NamedTuple):
    """A deferred webhook escalation: its ledger line, where to post, what."""

    ledger_id: str
    url: str
    payload: dict[str, object]


def webhook_calls(raised: Iterable[Raised]) -> list[WebhookCall]:
    """The webhooks that new raises' escalations must call (their ledger lines wait)."""
    return [WebhookCall(ledger_id, escalation.url, {
                "ticket_id": item.ticket_id, "target": item.kind,
                "threshold": item.threshold, "due_at": item.due_at.isoformat()})
            for item in raised for ledger_id, escalation in item.escalations
            if escalation.action is Action.WEBHOOK and escalation.url]


class Delivery(NamedTuple):
    ok: bool
    attempts: int
    detail: str


def deliver_webhook(url: str, payload: dict[str, object], timeout: float = 5.0,
                    retries: int = 2, backoff: float = 0.5) -> Delivery:
    """POST ``payload`` as JSON; retry on network errors and 5xx. Blocks: run it off the
    GUI thread."""
    import requests

    detail = ""
    for attempt in range(1, retries + 2):
        try:
            response = requests.post(url, data=json.dumps(payload, ensure_ascii=False),
                                     headers={"Content-Type": "application/json"},
                                     timeout=timeout)
            if response.status_code < 500:
                return Delivery(response.ok, attempt, f"HTTP {response.status_code}")
            detail = f"HTTP {response.status_code}"
        except requests.RequestException as error:
            detail = type(error).__name__
        if attempt <= retries:
            time.sleep(backoff * attempt)
    return Delivery(False, retries + 1, detail)


def record_outcome(store: Store, ledger_id: str, delivery: Delivery, at: datetime) -> None:
    """Write a deferred escalation's result into the ledger."""
    from app.sla.tables import SlaEscalationRow

    with store.unit_of_work() as session:
        row = session.get(SlaEscalationRow, ledger_id)
        if row is not None:
            row.outcome = "done" if delivery.ok else "failed"
            row.detail = f"{row.detail} {delivery.detail} ({delivery.attempts}x) " \
                f"{at.isoformat(timespec='seconds')}".strip()
