"""The mail service's configuration (mail.toml; packaging/ has the example): the intake
rules and one ``[[mailbox]]`` table per mailbox. Mistakes are refused at start with the
name of the setting, never guessed around."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from app.mail.imap import MailboxConfig
from app.mail.intake import Rules
from app.mail.sending import SmtpConfig
from app.mail.sms import SmsConfig

MB = 1024 * 1024
_SECURITY = ("ssl", "starttls", "none")
_AFTER = ("flag", "move")


def rules_of(table: Mapping[str, Any]) -> Rules:
    known = {"type", "category", "attachment_limit_mb", "message_limit_mb",
             "per_sender_per_hour"}
    if unknown := set(table) - known:
        raise ValueError(f"[intake] has unknown settings: {', '.join(sorted(unknown))}")
    default = Rules()
    try:
        return Rules(
            type_code=str(table.get("type", "")), category_code=str(table.get("category", "")),
            attachment_limit=int(float(table.get("attachment_limit_mb",
                                                 default.attachment_limit / MB)) * MB),
            message_limit=int(float(table.get("message_limit_mb",
                                              default.message_limit / MB)) * MB),
            per_sender_per_hour=int(table.get("per_sender_per_hour",
                                              default.per_sender_per_hour)))
    except (TypeError, ValueError) as error:
        raise ValueError(f"[intake]: {error}") from error


def mailbox_of(table: Mapping[str, Any], number: int) -> MailboxConfig:
    names = {field.name for field in fields(MailboxConfig)}
    where = f"[[mailbox]] {table.get('name') or number}"
    if unknown := set(table) - names:
        raise ValueError(f"{where} has unknown settings: {', '.join(sorted(unknown))}")
    for required in ("name", "host", "user", "password"):
        if not str(table.get(required, "")).strip():
            raise ValueError(f"{where} needs {required}")
    values = dict(table)
    if values.get("security", "ssl") not in _SECURITY:
        raise ValueError(f"{where}: security is one of {', '.join(_SECURITY)}")
    if values.get("after", "flag") not in _AFTER:
        raise ValueError(f"{where}: after is one of {', '.join(_AFTER)}")
    values.setdefault("port", {"ssl": 993, "starttls": 143, "none": 143}[
        str(values.get("security", "ssl"))])
    return MailboxConfig(**values)


def mailboxes_of(file: Mapping[str, Any]) -> list[MailboxConfig]:
    tables = file.get("mailbox", [])
    if not isinstance(tables, list) or not tables:
        raise ValueError("the configuration names no [[mailbox]]")
    boxes = [mailbox_of(table, number) for number, table in enumerate(tables, 1)]
    names = [box.name for box in boxes]
    if len(set(names)) != len(names):
        raise ValueError("two [[mailbox]] tables have the same name")
    return boxes


def smtp_of(file: Mapping[str, Any]) -> SmtpConfig | None:
    """The ``[smtp]`` table (None: the desk sends no messages)."""
    table = file.get("smtp")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ValueError("[smtp] is a table")
    names = {field.name for field in fields(SmtpConfig)}
    if unknown := set(table) - names:
        raise ValueError(f"[smtp] has unknown settings: {', '.join(sorted(unknown))}")
    for required in ("host", "sender"):
        if not str(table.get(required, "")).strip():
            raise ValueError(f"[smtp] needs {required}")
    values = dict(table)
    if values.get("security", "starttls") not in _SECURITY:
        raise ValueError(f"[smtp]: security is one of {', '.join(_SECURITY)}")
    values.setdefault("port", {"ssl": 465, "starttls": 587, "none": 25}[
        str(values.get("security", "starttls"))])
    return SmtpConfig(**values)


def sms_of(file: Mapping[str, Any]) -> SmsConfig | None:
    """The ``[sms]`` table: the SMS gateway's HTTP request (None: no SMS)."""
    table = file.get("sms")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ValueError("[sms] is a table")
    names = {field.name for field in fields(SmsConfig)}
    if unknown := set(table) - names:
        raise ValueError(f"[sms] has unknown settings: {', '.join(sorted(unknown))}")
    if not str(table.get("url", "")).startswith(("http://", "https://")):
        raise ValueError("[sms] needs url (http:// or https://)")
    return SmsConfig(**table)
