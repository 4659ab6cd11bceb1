"""What each role may do: the one table both the desk's UI and the sync server read.

A role is a row of ``ROLES``: its code, its names and the capabilities it grants. Adding a
role is adding a row; a table's writers are named by capability in ``TABLE_WRITERS``, so
neither the UI nor the server ever compares role names.

- Agents work tickets and write the knowledge base, as in Zammad and Jira Service
  Management; in the rota they state only their own wishes and unavailable days.
- Technical leads write level-2 handling plans (supervisors too, and level-1 emergency
  plans) and verify level-2 results; senior reviewers review level-3 results (the
  customer's process, REQUIREMENTS.md section 3). Otherwise both work as agents.
- Supervisors plan and publish the rota, merge requesters, read the audit log and reports,
  and see the administration pages read-only.
- Administrators change people, accounts, the catalog, desk-wide settings and the SLA
  policy book: each decides how every desk works.
- The escalation service's account alone writes the escalation ledger, and otherwise works
  tickets like an agent.
- The mail service's account alone records the messages it read from mailboxes (so no seat
  can forge a received e-mail) and the messages it sends to requesters, and otherwise works
  tickets like an agent; administrators word those messages (the templates).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Capability(StrEnum):
    WORK_TICKETS = "work_tickets"  # tickets, requesters, timeline entries, saved filters
    WRITE_KB = "write_kb"
    PLAN_ROTA = "plan_rota"  # every rota row: plan, publish, cover, leave
    MERGE_REQUESTERS = "merge_requesters"  # and remove requesters
    READ_AUDIT = "read_audit"
    READ_REPORTS = "read_reports"
    VIEW_ADMINISTRATION = "view_administration"  # the administration pages, read-only
    MANAGE_PEOPLE = "manage_people"  # staff, teams, skills
    MANAGE_ACCOUNTS = "manage_accounts"  # accounts and their roles
    MANAGE_CATALOG = "manage_catalog"  # ticket types and categories
    MANAGE_SETTINGS = "manage_settings"  # desk-wide settings
    MANAGE_SLA = "manage_sla"  # SLA policy versions and calendar overrides
    VERIFY_RESOLUTIONS = "verify_resolutions"  # level 2: the technical lead's verification
    REVIEW_RESOLUTIONS = "review_resolutions"  # level 3: the senior engineer's review
    WRITE_LEDGER = "write_ledger"  # the escalation ledger
    WRITE_PLANS = "write_plans"  # level-2 handling plans and level-1 emergency plans
    RECEIVE_MAIL = "receive_mail"  # the mail service's record of the messages it read
    SEND_MESSAGES = "send_messages"  # the messages to requesters and their sending state
    MANAGE_CHANNELS = "manage_channels"  # alert sources and rules, phone and chat set-up
    # The phone calls' record: written by the sync server from the PBX's events, by no
    # account (a seat cannot forge or erase a late answer).
    RECORD_CALLS = "record_calls"


class Role(StrEnum):
    AGENT = "agent"
    TECHNICAL_LEAD = "technical_lead"
    SENIOR_REVIEWER = "senior_reviewer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    ESCALATOR = "escalator"
    MAIL = "mail"


class RoleSpec(NamedTuple):
    role: Role
    name_zh: str
    name_en: str
    capabilities: frozenset[Capability]
    assignable: bool = True  # offered in the accounts page (not the service account)

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name_en


C = Capability
_AGENT = frozenset({C.WORK_TICKETS, C.WRITE_KB})
_SUPERVISOR = _AGENT | {C.PLAN_ROTA, C.MERGE_REQUESTERS, C.READ_AUDIT, C.READ_REPORTS,
                        C.VIEW_ADMINISTRATION, C.VERIFY_RESOLUTIONS, C.REVIEW_RESOLUTIONS,
                        C.WRITE_PLANS}

ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(Role.AGENT, "坐席", "Agent", _AGENT),
    RoleSpec(Role.TECHNICAL_LEAD, "技术负责人", "Technical lead",
             _AGENT | {C.VERIFY_RESOLUTIONS, C.WRITE_PLANS}),
    RoleSpec(Role.SENIOR_REVIEWER, "高级审核工程师", "Senior reviewer",
             _AGENT | {C.REVIEW_RESOLUTIONS}),
    RoleSpec(Role.SUPERVISOR, "值班长", "Supervisor", _SUPERVISOR),
    RoleSpec(Role.ADMIN, "管理员", "Administrator",
             frozenset(Capability) - {C.WRITE_LEDGER, C.RECEIVE_MAIL, C.SEND_MESSAGES,
                                      C.RECORD_CALLS}),
    RoleSpec(Role.ESCALATOR, "升级服务", "Escalation service",
             _AGENT | {C.WRITE_LEDGER}, assignable=False),
    RoleSpec(Role.MAIL, "邮件服务", "Mail service",
             _AGENT | {C.RECEIVE_MAIL, C.SEND_MESSAGES}, assignable=False),
)
_BY_ROLE = {spec.role: spec for spec in ROLES}

# Who may write each synced table. Tables not named here are written by whoever works
# tickets; ``audit_log`` by anyone (each line under its own author, checked by the server).
TABLE_WRITERS: dict[str, Capability] = {
    "ticket_types": C.MANAGE_CATALOG, "categories": C.MANAGE_CATALOG,
    "teams": C.MANAGE_PEOPLE, "staff": C.MANAGE_PEOPLE, "staff_skills": C.MANAGE_PEOPLE,
    "skills": C.MANAGE_PEOPLE,
    "sla_policies": C.MANAGE_SLA, "sla_calendar_overrides": C.MANAGE_SLA,
    "sla_holiday_years": C.MANAGE_SLA,
    "desk_settings": C.MANAGE_SETTINGS,
    "sla_escalations": C.WRITE_LEDGER,
    "kb_articles": C.WRITE_KB, "kb_article_versions": C.WRITE_KB,
    "kb_ticket_links": C.WRITE_KB, "kb_article_events": C.WRITE_KB,
    "process_plans": C.WRITE_PLANS,
    "process_verifications": C.VERIFY_RESOLUTIONS, "process_reviews": C.REVIEW_RESOLUTIONS,
    "mail_messages": C.RECEIVE_MAIL, "mail_attachments": C.RECEIVE_MAIL,
    "outgoing_messages": C.SEND_MESSAGES, "message_templates": C.MANAGE_SETTINGS,
    "phone_calls": C.RECORD_CALLS,
}
ROTA_PREFIX = "rota_"  # every rota table needs PLAN_ROTA, but for a seat's own rows
ANYONE_WRITES: frozenset[str] = frozenset({"audit_log"})
# Removing (tombstoning) rows of these tables needs more than writing them: an agent adds
# requesters at intake, only a supervisor merges them away.
TABLE_REMOVERS: dict[str, Capability] = {"requesters": C.MERGE_REQUESTERS}


def spec(role: Role | str) -> RoleSpec:
    """The row of ``role``; an unknown role name (a newer server) has no capabilities."""
    try:
        return _BY_ROLE[Role(role)]
    except ValueError:
        return RoleSpec(Role.AGENT, str(role), str(role), frozenset(), assignable=False)


def may(role: Role | str, capability: Capability) -> bool:
    return capability in spec(role).capabilities


def writer_of(table: str) -> Capability | None:
    """The capability writing ``table`` needs (None: anyone signed in)."""
    if table in ANYONE_WRITES:
        return None
    if table.startswith(ROTA_PREFIX):
        return C.PLAN_ROTA
    return TABLE_WRITERS.get(table, C.WORK_TICKETS)


def assignable_roles() -> tuple[RoleSpec, ...]:
    return tuple(row for row in ROLES if row.assignable)
