"""Warning percentages and escalation offsets over a real store: each threshold is raised
exactly when due, once, and not again after a restart; a policy version only applies to
tickets created while it is in force."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from app.domain.clock import ManualClock
from app.domain.enums import Channel
from app.domain.grading import GradingWeights
from app.paths import DataDir
from app.services.intake import Intake, TicketDraft
from app.services.ticket_flow import TicketFlow
from app.sla.escalation import Action, Escalation
from app.sla.monitor import due_thresholds, open_ticket_ids, refresh_targets
from app.sla.policy import DEFAULT_RULES, Policy, Rule, TargetKind
from app.sla.problems import PolicyInvalid, PolicyProblem, read_percentages
from app.sla.tables import SlaPolicyRow
from app.sla.thresholds import counted, is_breach, offset, parse, used
from app.store.database import Store
from app.store.reading import read_connection
from tests.app.helpers import first_id


@pytest.fixture
def reader(demo_copy: DataDir) -> sqlite3.Connection:
    return read_connection(demo_copy.database)


def log_fault(store: Store, data: DataDir, clock: ManualClock) -> str:
    """A phone fault answered at once: only resolution (1 h) and pickup (15 min) run."""
    db = data.database
    seat = first_id(db, "staff")
    draft = TicketDraft("存储卷只读", "数据库服务器挂载的存储卷变为只读。",
                        first_id(db, "requesters"), Channel.PHONE,
                        first_id(db, "ticket_types", "code='fault'"), first_id(db, "categories"))
    ticket = Intake(store, clock, GradingWeights(), seat).log(draft).id
    TicketFlow(store, clock, seat).first_response(ticket, 1)
    return ticket


def publish(store: Store, policy: Policy, valid_from: datetime) -> None:
    with store.unit_of_work() as session:
        session.add(SlaPolicyRow(version=policy.version, valid_from=valid_from,
                                 body=policy.to_json()))


def warned_policy(version: int = 2) -> Policy:
    """The shipped rules with 70/80/90 % warnings on the fault's resolution target."""
    rules = tuple(replace(rule, warnings=(70, 80, 90))
                  if rule.kind is TargetKind.RESOLUTION and rule.type_code == "fault"
                  else rule for rule in DEFAULT_RULES)
    return Policy(version, rules, escalations=(
        Escalation(Action.NOTIFY_SUPERVISOR, offset(30), "resolution"),))


def start_warned(store: Store, data: DataDir, reader: sqlite3.Connection,
                 clock: ManualClock) -> tuple[str, datetime]:
    """A fault under ``warned_policy``, indexed; returns it and when it was logged."""
    publish(store, warned_policy(), clock.now())
    created = clock.now()
    ticket = log_fault(store, data, clock)
    refresh_targets(store, reader, [ticket], clock.now())
    return ticket, created


def raised(reader: sqlite3.Connection, ticket: str, kind: str = "resolution") -> list[str]:
    return [row[0] for row in reader.execute(
        "SELECT threshold FROM sla_notifications WHERE ticket_id = ? AND kind = ? "
        "ORDER BY due_at, threshold", (ticket, kind))]


def check(store: Store, reader: sqlite3.Connection, clock: ManualClock,
          ticket: str) -> list[str]:
    return [r.threshold for r in due_thresholds(store, reader, clock)
            if r.ticket_id == ticket and r.kind == "resolution"]


def test_threshold_codes() -> None:
    hour = timedelta(hours=1)
    assert counted(used(70), hour, 0.75) == timedelta(minutes=42)
    assert counted("at_risk", hour, 0.75) == timedelta(minutes=45)
    assert counted(offset(30), hour, 0.75) == timedelta(minutes=90)
    assert counted(offset(-15), hour, 0.75) == timedelta(minutes=45)
    assert counted(offset(-90), hour, 0.75) == timedelta(0)  # before the start: at the start
    assert offset(0) == "breached" and parse("used_100") is None and parse("due+0m") is None
    assert [is_breach(c) for c in ("breached", "due+30m", "due-15m", "used_90", "at_risk")] \
        == [True, True, False, False, False]
    assert read_percentages("90，70 80%", 0) == (70, 80, 90)


def test_warnings_at_70_80_90_percent_each_raised_once(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock) -> None:
    ticket, created = start_warned(demo_store, demo_copy, reader, clock)
    moments = {70: 42, 80: 48, 90: 54}  # minutes into the 1-hour fault target
    for percent, minute in moments.items():
        clock.set(created + timedelta(minutes=minute) - timedelta(seconds=1))
        assert used(percent) not in check(demo_store, reader, clock, ticket)
        clock.set(created + timedelta(minutes=minute))
        assert check(demo_store, reader, clock, ticket) == [used(percent)]
        assert check(demo_store, reader, clock, ticket) == []  # once
    # A restart recomputes the whole index: nothing is raised twice.
    refresh_targets(demo_store, reader, open_ticket_ids(reader), clock.now())
    assert check(demo_store, reader, clock, ticket) == []
    assert raised(reader, ticket) == ["used_70", "at_risk", "used_80", "used_90"]


def test_an_offset_after_the_deadline_fires_then_once_and_not_after_restart(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock) -> None:
    ticket, created = start_warned(demo_store, demo_copy, reader, clock)
    clock.set(created + timedelta(minutes=60))
    assert "breached" in check(demo_store, reader, clock, ticket)
    clock.set(created + timedelta(minutes=90) - timedelta(milliseconds=1))
    assert check(demo_store, reader, clock, ticket) == []  # not a moment early
    row = reader.execute("SELECT next_threshold, next_due_ms FROM sla_running "
                         "WHERE ticket_id = ? AND kind = 'resolution'", (ticket,)).fetchone()
    assert row == ("due+30m", round((created + timedelta(minutes=90)).timestamp() * 1000))
    clock.set(created + timedelta(minutes=90))
    assert check(demo_store, reader, clock, ticket) == ["due+30m"]
    ledger = reader.execute("SELECT threshold, action, outcome FROM sla_escalations "
                            "WHERE ticket_id = ? AND kind = 'resolution'", (ticket,)).fetchall()
    assert ledger == [("due+30m", "notify_supervisor", "pending")]
    # Much later and after a restart: never again.
    clock.advance(timedelta(hours=3))
    assert check(demo_store, reader, clock, ticket) == []
    refresh_targets(demo_store, reader, open_ticket_ids(reader), clock.now())
    assert check(demo_store, reader, clock, ticket) == []
    assert raised(reader, ticket).count("due+30m") == 1
    assert reader.execute("SELECT count(*) FROM sla_escalations WHERE ticket_id = ? AND "
                          "threshold = 'due+30m'", (ticket,)).fetchone()[0] == 1


def test_a_desk_that_was_off_catches_up_in_order(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock) -> None:
    ticket, created = start_warned(demo_store, demo_copy, reader, clock)
    clock.set(created + timedelta(hours=2))
    assert check(demo_store, reader, clock, ticket) == [
        "used_70", "at_risk", "used_80", "used_90", "breached", "due+30m"]


def test_a_pause_holds_back_an_offset_with_the_deadline(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock) -> None:
    ticket, created = start_warned(demo_store, demo_copy, reader, clock)
    seat = first_id(demo_copy.database, "staff")
    flow = TicketFlow(demo_store, clock, seat)
    version = flow.take(ticket, 2)
    clock.set(created + timedelta(minutes=70))
    version = flow.pend(ticket, version, vendor=True, reason="等待厂商")
    refresh_targets(demo_store, reader, [ticket], clock.now())
    check(demo_store, reader, clock, ticket)
    clock.set(created + timedelta(minutes=150))  # 80 minutes paused
    assert check(demo_store, reader, clock, ticket) == []
    flow.start(ticket, version)
    refresh_targets(demo_store, reader, [ticket], clock.now())
    clock.set(created + timedelta(minutes=169, seconds=59))
    assert check(demo_store, reader, clock, ticket) == []
    clock.set(created + timedelta(minutes=170))  # 90 counted minutes
    assert check(demo_store, reader, clock, ticket) == ["due+30m"]


def test_a_new_policy_version_applies_to_new_tickets_only(
        demo_store: Store, demo_copy: DataDir, reader: sqlite3.Connection,
        clock: ManualClock) -> None:
    older = log_fault(demo_store, demo_copy, clock)
    clock.advance(timedelta(minutes=1))
    faster = tuple(replace(rule, minutes=30) if rule.type_code == "fault" else rule
                   for rule in DEFAULT_RULES)
    publish(demo_store, Policy(2, faster, escalations=(
        Escalation(Action.NOTIFY_SUPERVISOR, used(50), "resolution"),)), clock.now())
    newer = log_fault(demo_store, demo_copy, clock)
    refresh_targets(demo_store, reader, [older, newer], clock.now())
    budgets = dict(reader.execute(
        "SELECT ticket_id, budget_s || '/' || policy_version FROM sla_running "
        "WHERE kind = 'resolution' AND ticket_id IN (?, ?)", (older, newer)))
    assert budgets == {older: "3600/0", newer: "1800/2"}  # 0: built in, before CUT_OVER
    clock.advance(timedelta(minutes=15))  # half of the new ticket's 30 minutes
    assert check(demo_store, reader, clock, newer) == ["used_50"]
    assert check(demo_store, reader, clock, older) == []
    clock.advance(timedelta(minutes=60))
    due_thresholds(demo_store, reader, clock)
    assert "used_50" not in raised(reader, older)  # version 1 names no such threshold
    ledger = reader.execute("SELECT ticket_id, threshold FROM sla_escalations WHERE "
                            "kind = 'resolution' AND ticket_id IN (?, ?) ORDER BY at",
                            (older, newer)).fetchall()
    # Each ticket escalates by its own version: the new rule only for the new ticket.
    assert (newer, "used_50") in ledger and (older, "breached") in ledger
    assert (newer, "breached") not in ledger


def test_an_invalid_policy_names_every_problem() -> None:
    with pytest.raises(PolicyInvalid) as caught:
        Policy(2, (Rule(TargetKind.RESOLUTION, 0), Rule(TargetKind.PICKUP, 5, warnings=(100,))),
               at_risk_share=1.0, escalations=(
                   Escalation(Action.WEBHOOK, "breached", None, "ftp://example.org/x"),
                   Escalation(Action.REASSIGN, "due+5m", None, team="")))
    found = {(i.problem, i.row) for i in caught.value.issues}
    assert found == {(PolicyProblem.SHARE_OUT_OF_RANGE, None),
                     (PolicyProblem.MINUTES_NOT_POSITIVE, 0),
                     (PolicyProblem.WARNING_OUT_OF_RANGE, 1),
                     (PolicyProblem.WEBHOOK_URL_INVALID, 0),
                     (PolicyProblem.TEAM_MISSING, 1)}


def test_old_policy_json_still_reads() -> None:
    text = ('{"at_risk_share": 0.8, "rules": [{"kind": "resolution", "minutes": 60}], '
            '"escalations": [{"action": "notify_supervisor", "threshold": "breached"}]}')
    policy = Policy.from_json(3, text)
    assert policy.rules[0].warnings == () and policy.at_risk_share == 0.8
    assert Policy.from_json(3, policy.to_json()) == policy
