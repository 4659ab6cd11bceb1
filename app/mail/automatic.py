"""Auto-replies and bounces, recognised so the desk never answers them (no mail loops) and
never makes tickets of them: RFC 3834 ``Auto-Submitted``, ``Precedence``, the headers
Exchange and others set, delivery status notifications (RFC 3464, ``multipart/report``),
and the senders and subjects mail systems use."""

from __future__ import annotations

import re
from email.message import Message

# "list" is left out: a requester may well write through a mailing list.
_PRECEDENCE = frozenset({"bulk", "junk", "auto_reply"})
# Not "noreply@": monitoring systems send their alerts from such addresses, and those are
# requests.
_SENDERS = re.compile(r"^(mailer-daemon|postmaster)@", re.IGNORECASE)
_SUBJECTS = re.compile(
    r"^(auto(matic)?[ -]?reply|out of (the )?office|undeliverable|undelivered mail|"
    r"delivery status notification|mail delivery (failed|failure)|returned mail|"
    r"自动回复|退信|系统退信|投递失败|未送达)", re.IGNORECASE)


def automatic_reason(message: Message, sender: str, subject: str) -> str:
    """Why ``message`` is automatic ("" when a person wrote it)."""
    submitted = str(message.get("Auto-Submitted", "")).strip().lower()
    if submitted and submitted != "no":
        return f"Auto-Submitted: {submitted}"
    precedence = str(message.get("Precedence", "")).strip().lower()
    if precedence in _PRECEDENCE:
        return f"Precedence: {precedence}"
    for header in ("X-Autoreply", "X-Autorespond", "X-Auto-Reply"):
        if message.get(header) is not None:
            return header
    if message.get_content_type() == "multipart/report":
        return "delivery status notification"
    if message.get("Return-Path", "").strip() == "<>":
        return "empty return path"
    if _SENDERS.match(sender):
        return f"sender {sender}"
    if _SUBJECTS.match(subject.strip()):
        return "auto-reply subject"
    return ""
