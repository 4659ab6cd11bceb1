"""What each role may change, over real HTTP against the real server: the pushes a modified
desk could send under a seat's token, and the account endpoints. Each boundary is one
assertion on the server's answer (the push result's rejected reason, or the status).

The tables and capabilities are app/domain/roles.py; the checks app/server/roles.py.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.clock import ManualClock
from app.domain.ids import new_id
from app.server.tables import rows
from app.sla.policy import Policy, Rule, TargetKind
from app.sync.client import Refused, ServerClient
from app.sync.entities import encode_value
from app.sync.protocol import Mutation, MutationResult
from app.sync.tokens import MemoryVault
from tests.conftest import T0
from tests.sync.conftest import (
    ADMIN,
    AGENT,
    ESCALATOR,
    OTHER_AGENT,
    OTHER_SUPERVISOR,
    PASSWORD,
    SUPERVISOR,
    Desk,
    RunningServer,
)

AT = encode_value(T0)
CLOCK = ManualClock(T0)
_desks = itertools.count(1)


class Seat:
    """A signed-in account and the staff member it writes as, pushing single mutations
    under its own token, as a desk would (or a desk changed to send anything)."""

    def __init__(self, server: RunningServer, login: str) -> None:
        self.server, self.login = server, login
        self.client = ServerClient(server.url, MemoryVault())
        self.client.sign_in(login, PASSWORD)
        self.staff_id = server.staff_id(login)

    def put(self, entity: str, key: str, patch: dict[str, Any]) -> MutationResult:
        """One mutation against the server's current version of the row."""
        [result] = self.client.push(f"boundary-{next(_desks)}", [Mutation(
            1, entity, key, "put", patch, self.server_row(entity, key)[1])])
        return result

    def server_row(self, entity: str, key: str) -> tuple[dict[str, Any], int]:
        with self.server.engine.connect() as conn:
            found = conn.execute(select(rows.c.data, rows.c.version).where(
                rows.c.entity == entity, rows.c.key == key)).first()
        return ({}, 0) if found is None else (dict(found.data), int(found.version))


@pytest.fixture
def seat(server: RunningServer) -> Iterator[Callable[[str], Seat]]:
    seats: list[Seat] = []

    def sign_in(login: str) -> Seat:
        seats.append(Seat(server, login))
        return seats[-1]

    yield sign_in
    for each in seats:
        each.client.close()


def refused(result: MutationResult) -> str:
    assert result.status == "rejected", result
    return result.reason


def applied(result: MutationResult) -> bool:
    return result.status == "applied"


def first_key(server: RunningServer, entity: str, **where: str) -> str:
    query = select(rows.c.key).where(rows.c.entity == entity, rows.c.deleted.is_(False))
    for field, value in where.items():
        query = query.where(rows.c.data[field].astext == value)
    with server.engine.connect() as conn:
        return str(conn.execute(query.order_by(rows.c.key).limit(1)).scalar_one())


def copy_of(seat: Seat, entity: str, key: str, **changes: Any) -> tuple[str, dict[str, Any]]:
    """A new row of ``entity`` like the server's row ``key``, with a new id and ``changes``."""
    data, _version = seat.server_row(entity, key)
    fresh = new_id_text()
    return fresh, {**data, "id": fresh, **changes}


def new_id_text() -> str:
    return new_id(CLOCK)


def timeline_entry(seat: Seat, actor: str | None) -> tuple[str, dict[str, Any]]:
    event = first_key(seat.server, "ticket_events")
    return copy_of(seat, "ticket_events", event, actor_id=actor, kind="comment",
                   body="written at the boundary", data="{}")


def audit_line(actor: str | None, subject: str, kind: str) -> tuple[str, dict[str, Any]]:
    line = new_id_text()
    return line, {"id": line, "at": AT, "actor_id": actor, "kind": kind, "subject": subject,
                  "subject_id": "x", "summary": "changed", "before": "{}", "after": "{}"}


def setting(author: str | None) -> dict[str, Any]:
    return {"key": "confirmation_timeout_hours", "value": "72", "updated_at": AT,
            "author_id": author}


def policy(author: str | None) -> dict[str, Any]:
    return {"version": 9, "valid_from": AT, "author_id": author,
            "body": Policy(9, (Rule(TargetKind.RESOLUTION, 240),)).to_json()}


def published_period(server: RunningServer) -> str:
    with server.engine.connect() as conn:
        return str(conn.execute(select(rows.c.key).where(
            rows.c.entity == "rota_periods",
            rows.c.data["published_at"].astext.is_not(None))).scalars().first())


def assignment_in(seat: Seat, period: str) -> str:
    data, _version = seat.server_row("rota_periods", period)
    with seat.server.engine.connect() as conn:
        return str(conn.execute(select(rows.c.key).where(
            rows.c.entity == "rota_assignments", rows.c.deleted.is_(False),
            rows.c.data["day"].astext.between(data["first_day"], data["last_day"]))
            .order_by(rows.c.key)).scalars().first())


def saved_filter(owner: str | None) -> tuple[str, dict[str, Any]]:
    key = new_id_text()
    return key, {"id": key, "owner_id": owner, "name": "我的待办", "definition": "{}",
                 "position": 0, "updated_at": AT, "deleted": False}


# -- an agent ------------------------------------------------------------------------------

def test_an_agent_cannot_administer_accounts_or_roles(seat: Callable[[str], Seat]) -> None:
    agent = seat(AGENT).client
    calls: dict[str, Callable[[], object]] = {
        "list": agent.list_accounts,
        "create": lambda: agent.create_account("seat020", "新人", "admin", "a new password"),
        "role": lambda: agent.set_role(AGENT, "admin"),
        "disable": lambda: agent.set_active(OTHER_AGENT, False),
        "password": lambda: agent.reset_password(OTHER_AGENT, "a new password"),
    }
    for name, call in calls.items():
        with pytest.raises(Refused) as refusal:
            call()
        assert (refusal.value.status, refusal.value.code) == (403, "forbidden"), name


def test_an_agent_cannot_change_the_catalog(seat: Callable[[str], Seat],
                                            server: RunningServer) -> None:
    agent = seat(AGENT)
    kind, category = first_key(server, "ticket_types"), first_key(server, "categories")
    assert refused(agent.put("ticket_types", kind, {"name_zh": "改名"})) == \
        "your role may not change ticket_types"
    assert refused(agent.put("categories", category, {"name_en": "Renamed"})) == \
        "your role may not change categories"


def test_an_agent_cannot_change_people_teams_or_skills(seat: Callable[[str], Seat],
                                                      server: RunningServer) -> None:
    agent = seat(AGENT)
    assert refused(agent.put("staff", server.staff_id(OTHER_AGENT) or "", {
        "phone": "13900000000"})) == "your role may not change staff"
    assert refused(agent.put("teams", first_key(server, "teams"), {"name_zh": "改名"})) == \
        "your role may not change teams"
    assert refused(agent.put("skills", first_key(server, "skills"), {"name_zh": "改名"})) == \
        "your role may not change skills"


def test_an_agent_cannot_change_desk_settings(seat: Callable[[str], Seat]) -> None:
    agent = seat(AGENT)
    assert refused(agent.put("desk_settings", "confirmation_timeout_hours",
                             setting(agent.staff_id))) == "your role may not change desk_settings"


def test_an_agent_cannot_change_the_sla_policies(seat: Callable[[str], Seat]) -> None:
    agent = seat(AGENT)
    assert refused(agent.put("sla_policies", "9", policy(agent.staff_id))) == \
        "your role may not change sla_policies"
    assert refused(agent.put("sla_calendar_overrides", "2026-12-31", {
        "day": "2026-12-31", "working": False, "note": "停机检修"})) == \
        "your role may not change sla_calendar_overrides"


def test_only_an_administrator_enters_a_years_official_holidays(
        seat: Callable[[str], Seat]) -> None:
    # Issue 16: sla_holiday_years is the policy's, written under its author.
    agent, admin = seat(AGENT), seat(ADMIN)
    year = {"year": 2027, "holidays": "2027-01-01", "workdays": "", "notice": "",
            "author_id": agent.staff_id, "saved_at": AT}
    assert refused(agent.put("sla_holiday_years", "2027", year)) == \
        "your role may not change sla_holiday_years"
    assert "author" in refused(admin.put("sla_holiday_years", "2027", year))
    assert applied(admin.put("sla_holiday_years", "2027", {**year,
                                                           "author_id": admin.staff_id}))


def test_an_agent_cannot_change_a_published_rota(seat: Callable[[str], Seat],
                                                 server: RunningServer) -> None:
    agent = seat(AGENT)
    period = published_period(server)
    assignment = assignment_in(agent, period)
    assert refused(agent.put("rota_periods", period, {
        "published_at": None, "published_by": None})) == "only supervisors change rota_periods"
    assert refused(agent.put("rota_assignments", assignment, {
        "staff_id": agent.staff_id})) == "only supervisors change rota_assignments"


def test_an_agent_writes_the_timeline_only_as_himself(seat: Callable[[str], Seat],
                                                      server: RunningServer) -> None:
    agent = seat(AGENT)
    colleague = server.staff_id(OTHER_AGENT)
    key, entry = timeline_entry(agent, colleague)
    assert refused(agent.put("ticket_events", key, entry)) == \
        "ticket_events: actor_id must be the signed-in account's own staff member"
    key, entry = timeline_entry(agent, None)  # nor as "the system"
    assert refused(agent.put("ticket_events", key, entry)) == \
        "ticket_events: actor_id must be the signed-in account's own staff member"
    key, entry = timeline_entry(agent, agent.staff_id)
    assert applied(agent.put("ticket_events", key, entry))


def test_an_agent_writes_audit_lines_only_as_himself_and_of_what_he_may_change(
        seat: Callable[[str], Seat], server: RunningServer) -> None:
    agent = seat(AGENT)
    key, line = audit_line(server.staff_id(OTHER_AGENT), "kb_articles", "kb")
    assert refused(agent.put("audit_log", key, line)) == \
        "audit_log: actor_id must be the signed-in account's own staff member"
    key, line = audit_line(agent.staff_id, "categories", "catalog")
    assert refused(agent.put("audit_log", key, line)) == \
        "your role may not record changes of categories"
    key, line = audit_line(agent.staff_id, "accounts", "accounts")
    assert refused(agent.put("audit_log", key, line)) == \
        "your role may not record changes of accounts"
    key, line = audit_line(agent.staff_id, "kb_articles", "kb")  # he publishes articles
    assert applied(agent.put("audit_log", key, line))


def test_an_agent_edits_only_his_own_saved_filters(seat: Callable[[str], Seat]) -> None:
    agent, colleague = seat(AGENT), seat(OTHER_AGENT)
    theirs, row = saved_filter(colleague.staff_id)
    assert applied(colleague.put("saved_filters", theirs, row))
    assert refused(agent.put("saved_filters", theirs, {"name": "被改了"})) == \
        "only its owner changes a row of saved_filters"
    assert refused(agent.put("saved_filters", theirs, {"owner_id": agent.staff_id})) == \
        "only its owner changes a row of saved_filters"
    planted, row = saved_filter(colleague.staff_id)  # nor makes one in someone's name
    assert refused(agent.put("saved_filters", planted, row)) == \
        "only its owner changes a row of saved_filters"


def test_an_agent_saves_article_versions_only_as_their_editor(
        seat: Callable[[str], Seat], server: RunningServer) -> None:
    agent = seat(AGENT)
    version = first_key(server, "kb_article_versions")
    key, row = copy_of(agent, "kb_article_versions", version, number=99,
                       editor_id=server.staff_id(OTHER_AGENT))
    assert refused(agent.put("kb_article_versions", key, row)) == \
        "kb_article_versions: editor_id must be the signed-in account's own staff member"
    key, row = copy_of(agent, "kb_article_versions", version, number=99,
                       editor_id=agent.staff_id)
    assert applied(agent.put("kb_article_versions", key, row))


def test_only_an_account_without_a_staff_member_writes_system_entries(
        seat: Callable[[str], Seat]) -> None:
    service = seat(ESCALATOR)
    assert service.staff_id is None
    key, entry = timeline_entry(service, None)
    assert applied(service.put("ticket_events", key, entry))
    key, entry = timeline_entry(service, service.server.staff_id(AGENT))
    assert refused(service.put("ticket_events", key, entry)) == \
        "ticket_events: actor_id must be the signed-in account's own staff member"


# -- a supervisor --------------------------------------------------------------------------

def test_a_supervisor_publishes_a_rota_only_as_himself(seat: Callable[[str], Seat],
                                                       server: RunningServer) -> None:
    lead = seat(SUPERVISOR)
    period = published_period(server)
    assert refused(lead.put("rota_periods", period, {
        "published_at": AT, "published_by": server.staff_id(OTHER_SUPERVISOR)})) == \
        "rota_periods: published_by must be the signed-in account's own staff member"
    assert applied(lead.put("rota_periods", period, {
        "published_at": AT, "published_by": lead.staff_id}))
    assert applied(lead.put("rota_assignments", assignment_in(lead, period), {
        "staff_id": server.staff_id(OTHER_AGENT)}))
    # A draft has no publisher yet: that is nobody's act, not a forged one.
    draft = new_id_text()
    assert applied(lead.put("rota_periods", draft, {
        "id": draft, "first_day": "2027-01-01", "last_day": "2027-01-31",
        "published_at": None, "published_by": None, "updated_at": AT, "deleted": False}))


def test_a_supervisor_cannot_change_the_catalog_settings_or_accounts(
        seat: Callable[[str], Seat], server: RunningServer) -> None:
    lead = seat(SUPERVISOR)
    assert refused(lead.put("ticket_types", first_key(server, "ticket_types"), {
        "name_zh": "改名"})) == "your role may not change ticket_types"
    assert refused(lead.put("desk_settings", "confirmation_timeout_hours",
                            setting(lead.staff_id))) == "your role may not change desk_settings"
    assert refused(lead.put("sla_policies", "9", policy(lead.staff_id))) == \
        "your role may not change sla_policies"
    with pytest.raises(Refused) as refusal:
        lead.client.set_role(AGENT, "supervisor")
    assert refusal.value.status == 403


# -- an administrator ----------------------------------------------------------------------

def test_an_administrator_may_change_all_of_it(seat: Callable[[str], Seat],
                                               server: RunningServer) -> None:
    admin = seat(ADMIN)
    assert applied(admin.put("ticket_types", first_key(server, "ticket_types"), {
        "name_zh": "改名"}))
    assert applied(admin.put("categories", first_key(server, "categories"), {
        "name_en": "Renamed"}))
    assert applied(admin.put("desk_settings", "confirmation_timeout_hours",
                             setting(admin.staff_id)))
    assert applied(admin.put("sla_policies", "9", policy(admin.staff_id)))
    period = published_period(server)
    assert applied(admin.put("rota_periods", period, {
        "published_at": AT, "published_by": admin.staff_id}))
    assert applied(admin.put("rota_assignments", assignment_in(admin, period), {
        "staff_id": server.staff_id(OTHER_AGENT)}))
    key, line = audit_line(admin.staff_id, "categories", "catalog")
    assert applied(admin.put("audit_log", key, line))
    assert admin.client.set_role(OTHER_AGENT, "technical_lead").role == "technical_lead"
    # ...but not as another: authorship binds administrators too.
    assert refused(admin.put("desk_settings", "confirmation_timeout_hours",
                             setting(server.staff_id(SUPERVISOR)))) == \
        "desk_settings: author_id must be the signed-in account's own staff member"


# -- the record ----------------------------------------------------------------------------

def test_the_server_writes_the_audit_line_of_an_account_change_and_desks_pull_it(
        seat: Callable[[str], Seat], make_desk: Callable[..., Desk],
        server: RunningServer) -> None:
    desk = make_desk(SUPERVISOR)  # supervisors read the audit log
    admin = seat(ADMIN)
    admin.client.set_role(AGENT, "supervisor")
    report = desk.syncer.sync_once()
    assert "audit_log" in report.entities
    with closing(sqlite3.connect(desk.data.database)) as conn:
        lines = conn.execute("SELECT actor_id, kind, subject, subject_id, summary, before, "
                             "after FROM audit_log WHERE kind = 'accounts'").fetchall()
    assert [(actor, kind, subject, who, summary, json.loads(before), json.loads(after))
            for actor, kind, subject, who, summary, before, after in lines] == [
        (admin.staff_id, "accounts", "accounts", AGENT, "changed", {"role": "agent"},
         {"role": "supervisor"})]
