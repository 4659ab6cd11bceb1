"""SLA policies: which targets a ticket gets, by level x type x channel.

A policy is a list of rules; for each target kind the most specific matching rule wins
(a rule naming the channel beats one naming only the level). Policies are versioned:
a ticket keeps the version in force when it was created, so an administrator's edit
applies to new tickets only.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from app.sla.escalation import DEFAULT_ESCALATIONS, Action, Escalation
from app.sla.problems import (
    PolicyInvalid,
    escalation_issues,
    hours_issues,
    rule_issues,
    share_issues,
)
from app.sla.thresholds import AT_RISK, BREACHED, counted, used


class TargetKind(StrEnum):
    FIRST_RESPONSE = "first_response"
    UPDATE = "update"  # progress-update cadence, restarts on each update the requester sees
    RESOLUTION = "resolution"  # resolution or initial solution
    PICKUP = "pickup"  # taken or assigned: a new ticket nobody picked up is escalated
    # Issue 16. Analysis: the seat's first written assessment (a work-log entry, an internal
    # note, or an entry marked as the analysis), or a resolution on the spot.
    ANALYSIS = "analysis"
    # A consultation's answer: the first reply the requester sees that is not the marked
    # "received" first response, or its resolution.
    CONSULTATION = "consultation"
    # After resolution: call the requester back / chase the confirmation. Runs from the
    # resolution until a reply the requester sees, the confirmation, a close or a reopen.
    FOLLOW_UP = "follow_up"
    PLAN = "plan"  # level 2: a handling plan saved (app/process/plans.py)
    # Issue 19. A phone call answered within N rings: a target of each call, not of a
    # ticket (its rule's ``minutes`` are rings), judged from the server's call records
    # (app/sla/calls.py). Never a ticket clock.
    ANSWER = "answer"
    # The call-back task a missed or abandoned call opens: runs from the missed call until
    # the seat records the call back (a call note, a reply the requester sees, the marked
    # first response) or the ticket is resolved.
    CALL_BACK = "call_back"


class CalendarName(StrEnum):
    ROUND_THE_CLOCK = "24x7"
    BUSINESS = "business"


@dataclass(frozen=True)
class WorkingHours:
    """When the business-hours calendar opens and closes: local wall-clock times in
    ``zone`` (an IANA name) on every working day. Part of the policy, hence versioned: a
    ticket counts in the hours of the version it was created under."""

    opens: time = time(9, 0)
    closes: time = time(18, 0)
    zone: str = "Asia/Shanghai"

    def to_dict(self) -> dict[str, str]:
        return {"opens": self.opens.strftime("%H:%M"), "closes": self.closes.strftime("%H:%M"),
                "zone": self.zone}

    @classmethod
    def from_dict(cls, body: dict[str, str]) -> WorkingHours:
        """What ``to_dict`` wrote; a missing field is the built-in one."""
        built_in = cls()
        return cls(time.fromisoformat(body["opens"]) if "opens" in body else built_in.opens,
                   time.fromisoformat(body["closes"]) if "closes" in body else built_in.closes,
                   body.get("zone", built_in.zone))


@dataclass(frozen=True)
class Rule:
    """A target for the tickets the rule matches; ``None`` matches anything."""

    kind: TargetKind
    minutes: int
    level: int | None = None
    type_code: str | None = None
    channel: str | None = None
    calendar: CalendarName = CalendarName.ROUND_THE_CLOCK
    note: str = ""
    warnings: tuple[int, ...] = ()  # percent of the budget used, each raises a warning

    def matches(self, level: int, type_code: str, channel: str) -> bool:
        return ((self.level is None or self.level == level)
                and (self.type_code is None or self.type_code == type_code)
                and (self.channel is None or self.channel == channel))

    @property
    def specificity(self) -> int:
        return sum(x is not None for x in (self.level, self.type_code, self.channel))


@dataclass(frozen=True)
class Target:
    """One clock a ticket runs: its kind, budget and calendar."""

    kind: TargetKind
    budget: timedelta
    calendar: CalendarName
    warnings: tuple[int, ...] = ()


@dataclass(frozen=True)
class Policy:
    version: int
    rules: tuple[Rule, ...]
    at_risk_share: float = 0.75
    escalations: tuple[Escalation, ...] = field(default=DEFAULT_ESCALATIONS)
    hours: WorkingHours = field(default_factory=WorkingHours)

    def __post_init__(self) -> None:
        issues = share_issues(self.at_risk_share)
        issues += hours_issues(self.hours.opens, self.hours.closes, self.hours.zone)
        for row, rule in enumerate(self.rules):
            issues += rule_issues(row, rule.minutes, rule.warnings)
        for row, escalation in enumerate(self.escalations):
            issues += escalation_issues(row, escalation)
        if issues:
            raise PolicyInvalid(issues)

    def targets_for(self, level: int, type_code: str, channel: str) -> dict[TargetKind, Target]:
        """The targets of a ticket; later rules win ties of equal specificity."""
        chosen: dict[TargetKind, Rule] = {}
        for rule in self.rules:
            if not rule.matches(level, type_code, channel):
                continue
            held = chosen.get(rule.kind)
            if held is None or rule.specificity >= held.specificity:
                chosen[rule.kind] = rule
        return {kind: Target(kind, timedelta(minutes=rule.minutes), rule.calendar,
                             rule.warnings)
                for kind, rule in chosen.items()}

    def answer_rings(self) -> int | None:
        """How many rings a phone call may ring before it is answered (None: no target).
        A call has no level or type yet: the phone channel's rule, else one for any."""
        rules = [r for r in self.rules if r.kind is TargetKind.ANSWER
                 and r.channel in (None, "phone") and r.level is None and r.type_code is None]
        return max(rules, key=lambda r: r.specificity).minutes if rules else None

    def thresholds(self, target: Target) -> tuple[tuple[str, timedelta], ...]:
        """The target's thresholds with their counting time from the clock's start, in
        order: at risk, the deadline, the rule's warnings and every point an escalation
        of this kind names (so each raises its notification even without a warning)."""
        codes = {AT_RISK, BREACHED, *(used(p) for p in target.warnings),
                 *(e.threshold for e in self.escalations if e.kind in (None, target.kind))}
        points = [(code, point) for code in codes
                  if (point := counted(code, target.budget, self.at_risk_share)) is not None]
        return tuple(sorted(points, key=lambda item: (item[1], item[0])))

    def to_json(self) -> str:
        body: dict[str, Any] = {"at_risk_share": self.at_risk_share,
                                "rules": [asdict(rule) for rule in self.rules],
                                "escalations": [e._asdict() for e in self.escalations],
                                "hours": self.hours.to_dict()}
        return json.dumps(body, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, version: int, text: str) -> Policy:
        body = json.loads(text)
        rules = tuple(Rule(kind=TargetKind(r["kind"]), minutes=int(r["minutes"]),
                           level=r.get("level"), type_code=r.get("type_code"),
                           channel=r.get("channel"),
                           calendar=CalendarName(r.get("calendar", "24x7")),
                           note=r.get("note", ""),
                           warnings=tuple(int(p) for p in r.get("warnings", ())))
                      for r in body["rules"])
        escalations = tuple(Escalation(Action(e["action"]), e.get("threshold", "breached"),
                                       e.get("kind"), e.get("url", ""), e.get("team", ""))
                            for e in body.get("escalations", ()))
        # Versions written before the hours were editable have none: the built-in ones.
        return cls(version, rules, float(body.get("at_risk_share", 0.75)),
                   escalations if "escalations" in body else DEFAULT_ESCALATIONS,
                   WorkingHours.from_dict(body.get("hours", {})))


K = TargetKind
# The rules shipped before issue 16 (no level-1 targets, no analysis, consultation or
# follow-up): built-in version 0, kept for the tickets created before ``CUT_OVER`` on a desk
# whose administrator never saved a policy, so their deadlines do not move under them.
_LEVEL_2_PLAN_AS_RESOLUTION = Rule(K.RESOLUTION, 60, level=2,
                                   note="level 2: handling plan within 1 hour")
LEGACY_RULES: tuple[Rule, ...] = (
    Rule(K.FIRST_RESPONSE, 1, note="first response within 1 minute"),
    Rule(K.FIRST_RESPONSE, 60, channel="email", note="e-mail read and first reply within 1 hour"),
    Rule(K.FIRST_RESPONSE, 1, channel="chat", note="online chat answered within 1 minute"),
    Rule(K.RESOLUTION, 24 * 60, note="complex problem: initial solution within 24 hours"),
    _LEVEL_2_PLAN_AS_RESOLUTION,
    Rule(K.RESOLUTION, 10, type_code="consultation", note="simple consultation: 10 minutes"),
    Rule(K.RESOLUTION, 60, type_code="fault", note="general fault: 1 hour"),
    Rule(K.UPDATE, 120, level=2, note="level 2: progress update every 2 hours"),
    Rule(K.PICKUP, 15, note="a new ticket is taken or assigned within 15 minutes"),
)
# The customer's numbers (REQUIREMENTS.md sections 1-3): the shipped configuration. The
# level-1 rules come after the type rules, so that a level-1 fault gets the emergency's 30
# minutes, not a fault's hour. The level-2 "handling plan
# within 1 hour" is a target of its own (PLAN, met when the plan is saved: app/process),
# no longer a resolution deadline.
DEFAULT_RULES: tuple[Rule, ...] = (
    *(rule for rule in LEGACY_RULES if rule is not _LEVEL_2_PLAN_AS_RESOLUTION),
    Rule(K.PLAN, 60, level=2, note="level 2: handling plan within 1 hour"),
    Rule(K.ANALYSIS, 2, note="analysis within 2 minutes of receipt"),
    Rule(K.CONSULTATION, 5, type_code="consultation",
         note="a consultation answered or solved within 5 minutes"),
    Rule(K.FOLLOW_UP, 24 * 60, note="follow-up with the requester within 24 hours of "
         "resolution"),
    # Level 1 (emergency, 一级): the strictest clocks. The document says "at once" and "the
    # shortest time" without numbers; these are the desk's choice (docs/sla.md).
    Rule(K.FIRST_RESPONSE, 1, level=1, note="level 1: first response within 1 minute, "
         "whatever the channel"),
    Rule(K.PICKUP, 1, level=1, note="level 1: taken by a senior expert within 1 minute"),
    Rule(K.RESOLUTION, 30, level=1, note="level 1: recovery within 30 minutes"),
    Rule(K.RESOLUTION, 10, level=1, type_code="consultation",
         note="level 1 consultation: 10 minutes"),
    Rule(K.UPDATE, 30, level=1, note="level 1: stakeholders updated every 30 minutes"),
    Rule(K.FOLLOW_UP, 60, level=1, note="level 1: follow-up within 1 hour of resolution"),
    # Issue 16 part 2: the emergency plan (from the library, roles named) is the level-1
    # plan; declaring the emergency meets it.
    Rule(K.PLAN, 15, level=1, note="level 1: emergency plan declared within 15 minutes"),
    # Issue 19: the phone promise (电话咨询在响铃3声内接听); this rule's number is rings.
    Rule(K.ANSWER, 3, channel="phone", note="phone answered within 3 rings"),
    # The document names no call-back time; a call-back ticket is a consultation, and the
    # call back is where it is first answered: the consultation's 5 minutes (docs/sla.md).
    Rule(K.CALL_BACK, 5, channel="phone", note="a missed call called back within 5 minutes"),
)

# Tickets created before this moment on a desk with no saved policy keep version 0 (the
# release of the issue-16 defaults).
CUT_OVER = datetime(2026, 12, 5, tzinfo=UTC)
LEGACY_POLICY = Policy(version=0, rules=LEGACY_RULES)
# A resolved ticket nobody followed up within its time is brought to the supervisors, like an
# overdue one (REQUIREMENTS.md section 2: "overdue tickets are tracked and supervised"); so
# is a missed call nobody called back in time (its task is a ticket overdue like any).
DEFAULT_POLICY = Policy(version=1, rules=DEFAULT_RULES, escalations=(
    *DEFAULT_ESCALATIONS, Escalation(Action.NOTIFY_SUPERVISOR, "breached", "follow_up"),
    Escalation(Action.NOTIFY_SUPERVISOR, "breached", "call_back")))


def built_in_for(created_at: datetime) -> Policy:
    """The built-in policy of a ticket created at ``created_at``."""
    return LEGACY_POLICY if created_at < CUT_OVER else DEFAULT_POLICY
