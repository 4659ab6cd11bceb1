"""E-mail in on a standalone desk: the desk's own mailbox settings, in ``mail.toml`` in its
data folder (the service's format, so a desk that later joins a server hands the file to
the mail service as it is), readable by the desk's user only (it holds the password)."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import asdict
from pathlib import Path

from app.mail.config import mailboxes_of, rules_of
from app.mail.imap import Mailbox, MailboxConfig
from app.mail.intake import Rules

FILE = "mail.toml"
_KEPT = ("name", "host", "port", "security", "user", "password", "folder", "poll_seconds")


def config_path(root: Path) -> Path:
    return root / FILE


def read(root: Path) -> tuple[list[MailboxConfig], Rules] | None:
    """The desk's mailboxes and rules (None: none set up)."""
    path = config_path(root)
    if not path.exists():
        return None
    with path.open("rb") as handle:
        file = tomllib.load(handle)
    return mailboxes_of(file), rules_of(file.get("intake", {}))


def write(root: Path, box: MailboxConfig) -> None:
    """Save ``box`` as the desk's one mailbox (checked as the service checks it)."""
    values = {name: value for name, value in asdict(box).items() if name in _KEPT}
    mailboxes_of({"mailbox": [values]})  # refuses what the service would refuse
    lines = ["# The desk's mailbox (Administration → Mailboxes); the mail service's format."]
    lines.append("[[mailbox]]")
    for name, value in values.items():
        # JSON strings are TOML basic strings; numbers are the same in both.
        lines.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    path = config_path(root)
    temporary = path.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.chmod(temporary, 0o600)
    temporary.replace(path)


def try_connecting(box: MailboxConfig) -> int:
    """Sign in and open the folder; how many messages wait there (raises on failure)."""
    mailbox = Mailbox(box)
    try:
        mailbox.connect()
        return len(mailbox.waiting_uids())
    finally:
        mailbox.close()
