"""The server's half of the handling process (issue 16), over real HTTP: a level-2 result
is not confirmed unverified, and only the roles of app/domain/roles.py write plans,
verifications and reviews, each under its own name."""

from __future__ import annotations

from collections.abc import Callable

from tests.sync.conftest import AGENT, SUPERVISOR, RunningServer
from tests.sync.test_role_boundaries import (
    AT,
    Seat,
    applied,
    first_key,
    new_id_text,
    refused,
    seat,  # noqa: F401 - the fixture
)

CLOSE = {"state": "closed", "satisfaction": 5, "closed_at": AT,
         "satisfaction_method": "call_back"}


def verification(verifier: str | None, ticket: str, *, approved: bool = True
                 ) -> tuple[str, dict[str, object]]:
    key = new_id_text()
    return key, {"id": key, "ticket_id": ticket, "verifier_id": verifier, "at": AT,
                 "approved": approved, "note": "已复核"}


def test_a_level_2_result_is_confirmed_on_the_server_only_once_verified(
        server: RunningServer, seat: Callable[[str], Seat]) -> None:  # noqa: F811
    agent, lead = seat(AGENT), seat(SUPERVISOR)
    ticket = first_key(server, "tickets", state="resolved")
    assert applied(agent.put("tickets", ticket, {"level": 2, "resolved_at": AT}))
    assert "verified" in refused(agent.put("tickets", ticket, CLOSE))
    key, row = verification(agent.staff_id, ticket)
    assert "may not" in refused(agent.put("process_verifications", key, row))
    key, row = verification(agent.staff_id, ticket)
    assert "own staff member" in refused(lead.put("process_verifications", key, row))
    key, row = verification(lead.staff_id, ticket, approved=False)
    assert applied(lead.put("process_verifications", key, row))
    assert "verified" in refused(agent.put("tickets", ticket, CLOSE))  # a refusal is no pass
    key, row = verification(lead.staff_id, ticket)
    assert applied(lead.put("process_verifications", key, row))
    assert applied(agent.put("tickets", ticket, CLOSE))


def test_level_3_results_and_unconfirmed_closes_need_no_verification(
        server: RunningServer, seat: Callable[[str], Seat]) -> None:  # noqa: F811
    agent = seat(AGENT)
    ticket = first_key(server, "tickets", state="resolved")
    assert applied(agent.put("tickets", ticket, {"level": 3, "resolved_at": AT}))
    assert applied(agent.put("tickets", ticket, CLOSE))
    other = first_key(server, "tickets", state="resolved")
    assert applied(agent.put("tickets", other, {"level": 2, "resolved_at": AT}))
    assert applied(agent.put("tickets", other, {"state": "closed", "closed_at": AT,
                                                "closed_unconfirmed": True}))


def test_plans_and_reviews_are_written_by_their_roles_only(
        server: RunningServer, seat: Callable[[str], Seat]) -> None:  # noqa: F811
    agent, lead = seat(AGENT), seat(SUPERVISOR)
    ticket = first_key(server, "tickets")
    plan = new_id_text()
    row = {"id": plan, "ticket_id": ticket, "kind": "handling", "template": "",
           "summary": "先恢复业务", "expert_id": None, "roles": "{}",
           "author_id": agent.staff_id, "saved_at": AT, "updated_at": AT, "deleted": False}
    assert "may not" in refused(agent.put("process_plans", plan, row))
    assert applied(lead.put("process_plans", plan, {**row, "author_id": lead.staff_id}))
    step = new_id_text()
    assert applied(agent.put("process_plan_steps", step, {
        "id": step, "plan_id": plan, "position": 0, "text": "切换备用链路",
        "owner_id": agent.staff_id, "planned_at": AT, "done_at": AT,
        "author_id": agent.staff_id, "updated_at": AT, "deleted": False}))
    review = new_id_text()
    body = {"id": review, "ticket_id": ticket, "reviewer_id": agent.staff_id, "at": AT,
            "approved": False, "findings": "缺少根因"}
    assert "may not" in refused(agent.put("process_reviews", review, body))
    assert applied(lead.put("process_reviews", review, {**body, "reviewer_id": lead.staff_id}))
