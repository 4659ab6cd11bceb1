"""How the audit log page names kinds, actions, records and fields, and shows values.

A line stores what the rows held (column names, ids, JSON values); the page shows it in
words: translated names for kinds, actions, tables and the common fields, people and teams
by name, times in the desk's zone, yes/no for flags, a desk setting's value as the settings
tab shows it.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.audit.reading import AuditLine, Change
from app.audit.recorder import REDACTED, Action, AuditKind
from ui.admin.settings_tab import GRADING_FIELDS, setting_label

_ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")
_HOURS = frozenset({"confirmation_timeout_hours", "backup_interval_hours"})
ADOPTED = "settings.json"  # the subject of the line recording an adoption of that file


def kind_names() -> dict[str, str]:
    """Every kind (``AuditKind``) with its name, in the order the filter offers them."""
    return {
        AuditKind.ACCOUNTS: QCoreApplication.translate("AuditLog", "Accounts and roles"),
        AuditKind.PEOPLE: QCoreApplication.translate("AuditLog", "Staff, teams and skills"),
        AuditKind.CATALOG: QCoreApplication.translate("AuditLog", "Ticket types and categories"),
        AuditKind.REQUESTERS: QCoreApplication.translate("AuditLog", "Requesters"),
        AuditKind.SETTINGS: QCoreApplication.translate("AuditLog", "Desk settings"),
        AuditKind.SLA: QCoreApplication.translate("AuditLog", "SLA policy"),
        AuditKind.ROTA: QCoreApplication.translate("AuditLog", "Rota"),
        AuditKind.KB: QCoreApplication.translate("AuditLog", "Knowledge base"),
        AuditKind.IMPORT: QCoreApplication.translate("AuditLog", "Imports"),
    }


def action_names() -> dict[str, str]:
    return {
        Action.CREATED: QCoreApplication.translate("AuditLog", "Added"),
        Action.CHANGED: QCoreApplication.translate("AuditLog", "Changed"),
        Action.REMOVED: QCoreApplication.translate("AuditLog", "Removed"),
        Action.PUBLISHED: QCoreApplication.translate("AuditLog", "Published"),
        Action.MERGED: QCoreApplication.translate("AuditLog", "Merged"),
        Action.IMPORTED: QCoreApplication.translate("AuditLog", "Imported"),
        Action.PASSWORD_SET: QCoreApplication.translate("AuditLog", "Password set"),
    }


def _subject_names() -> dict[str, str]:
    return {
        "staff": QCoreApplication.translate("AuditLog", "Person"),
        "teams": QCoreApplication.translate("AuditLog", "Team"),
        "skills": QCoreApplication.translate("AuditLog", "Skill"),
        "staff_skills": QCoreApplication.translate("AuditLog", "Skill of a person"),
        "ticket_types": QCoreApplication.translate("AuditLog", "Ticket type"),
        "categories": QCoreApplication.translate("AuditLog", "Category"),
        "desk_settings": QCoreApplication.translate("AuditLog", "Desk setting"),
        "sla_policies": QCoreApplication.translate("AuditLog", "SLA policy version"),
        "sla_calendar_overrides": QCoreApplication.translate("AuditLog", "Calendar day"),
        "rota_periods": QCoreApplication.translate("AuditLog", "Rota period"),
        "rota_overrides": QCoreApplication.translate("AuditLog", "Rota cover"),
        "kb_articles": QCoreApplication.translate("AuditLog", "Article"),
        "desk_accounts": QCoreApplication.translate("AuditLog", "Account"),
        "accounts": QCoreApplication.translate("AuditLog", "Account"),
        "requesters": QCoreApplication.translate("AuditLog", "Requester"),
        "units": QCoreApplication.translate("AuditLog", "Unit"),
    }


def _field_names() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("AuditLog", "Name"),
        "name_zh": QCoreApplication.translate("AuditLog", "Chinese name"),
        "name_en": QCoreApplication.translate("AuditLog", "English name"),
        "login": QCoreApplication.translate("AuditLog", "Login"),
        "role": QCoreApplication.translate("AuditLog", "Role"),
        "team_id": QCoreApplication.translate("AuditLog", "Team"),
        "seniority": QCoreApplication.translate("AuditLog", "Seniority"),
        "phone": QCoreApplication.translate("AuditLog", "Phone"),
        "email": QCoreApplication.translate("AuditLog", "E-mail"),
        "active": QCoreApplication.translate("AuditLog", "Active"),
        "status": QCoreApplication.translate("AuditLog", "Status"),
        "code": QCoreApplication.translate("AuditLog", "Code"),
        "color": QCoreApplication.translate("AuditLog", "Colour"),
        "icon": QCoreApplication.translate("AuditLog", "Icon"),
        "skill": QCoreApplication.translate("AuditLog", "Skill"),
        "owner_id": QCoreApplication.translate("AuditLog", "Person responsible"),
        "retired": QCoreApplication.translate("AuditLog", "Retired"),
        "deleted": QCoreApplication.translate("AuditLog", "Removed"),
        "position": QCoreApplication.translate("AuditLog", "Position"),
        "title": QCoreApplication.translate("AuditLog", "Title"),
        "state": QCoreApplication.translate("AuditLog", "State"),
        "published_at": QCoreApplication.translate("AuditLog", "Published at"),
        "published_by": QCoreApplication.translate("AuditLog", "Published by"),
        "author_id": QCoreApplication.translate("AuditLog", "Author"),
        "password_hash": QCoreApplication.translate("AuditLog", "Password"),
        "unit": QCoreApplication.translate("AuditLog", "Unit"),
        "value": QCoreApplication.translate("AuditLog", "Value"),
        "key": QCoreApplication.translate("AuditLog", "Setting"),
        "staff_id": QCoreApplication.translate("AuditLog", "Person"),
    }


def kind_name(kind: str) -> str:
    return kind_names().get(kind, kind)


def action_name(action: str) -> str:
    return action_names().get(action, action)


def field_name(line: AuditLine, field: str) -> str:
    """A field's name; a desk setting's fields by the setting's own names."""
    if line.subject == "desk_settings" and (field in GRADING_FIELDS or line.subject_id == ADOPTED
                                            or field == "value"):
        return setting_label(line.subject_id if field == "value" else field)
    return _field_names().get(field, field)


def subject_text(line: AuditLine) -> str:
    """What the line is about: "Person: 王晓明", "Desk setting: Confirmation timeout"."""
    what = _subject_names().get(line.subject, line.subject)
    if line.subject == "desk_settings":
        name = (QCoreApplication.translate(
            "AuditLog", "taken over from this desk's settings file")
            if line.subject_id == ADOPTED else setting_label(line.subject_id))
    else:
        name = line.subject_name
    return f"{what}: {name}" if name else what


def actor_text(line: AuditLine) -> str:
    """Who: the person's name, or the desk itself for a line without an author."""
    if line.actor:
        return line.actor
    if line.actor_id is None:
        return QCoreApplication.translate("AuditLog", "(the desk itself)")
    return line.actor_id  # a person this desk has not pulled yet


def value_text(line: AuditLine, field: str, value: Any, name: str, zone: tzinfo) -> str:
    """One value in words (``name``: a person's or team's name for an id)."""
    if line.subject == "desk_settings" and field == "value" and isinstance(value, str):
        try:
            return setting_value(line.subject_id, json.loads(value))
        except ValueError:
            return value
    if line.subject == "desk_settings" and line.subject_id == ADOPTED:
        return setting_value(field, value)
    if field == "role" and isinstance(value, str) and value:
        from app.domain.roles import spec

        return spec(value).name(QLocale().name())  # "Supervisor", not "supervisor"
    if name:
        return name
    return plain_value(value, zone)


def setting_value(key: str, value: Any) -> str:
    """A desk setting's value as the settings tab shows it."""
    if key == "grading" and isinstance(value, dict):
        return ", ".join(f"{setting_label(k)} {value[k]:g}" for k in GRADING_FIELDS
                         if isinstance(value.get(k), int | float))
    if key in _HOURS and isinstance(value, int | float):
        return QCoreApplication.translate("AuditLog", "%1 h").replace("%1", f"{value:g}")
    if key == "auto_assign_team" and value == "":
        return QCoreApplication.translate("AuditLog", "Off")
    return plain_value(value, None)


def plain_value(value: Any, zone: tzinfo | None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("AuditLog", "yes")
        return QCoreApplication.translate("AuditLog", "no")
    if value == REDACTED:
        return QCoreApplication.translate("AuditLog", "(not shown)")
    if isinstance(value, str):
        if zone is not None and _ISO_TIME.match(value):
            return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(
                zone).strftime("%Y-%m-%d %H:%M")
        return value
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def visible(line: AuditLine, changes: list[Change]) -> list[Change]:
    """The changes worth showing: not the record's own id, nor (for a desk setting) its key
    and author, which the line already says, nor "not removed" on a new record."""
    hidden = {"id"} | ({"key", "author_id"} if line.subject == "desk_settings" else set())
    return [c for c in changes if c.field not in hidden
            and not (c.field == "deleted" and not c.had_before and c.after is False)]


def change_summary(line: AuditLine, changes: list[Change], zone: tzinfo,
                   limit: int = 4) -> str:
    """A one-line digest of a line's changes, for the table: "Seniority: 2 → 3; …"."""
    parts: list[str] = []
    changes = visible(line, changes)
    for change in changes[:limit]:
        label = field_name(line, change.field)
        after = value_text(line, change.field, change.after, change.after_name, zone)
        if change.had_before and change.had_after:
            before = value_text(line, change.field, change.before, change.before_name, zone)
            parts.append(f"{label}: {before} → {after}")
        elif change.had_after:
            parts.append(f"{label}: {after}")
        else:
            before = value_text(line, change.field, change.before, change.before_name, zone)
            parts.append(f"{label}: {before}")
    if len(changes) > limit:
        parts.append("…")
    return "; ".join(parts)
