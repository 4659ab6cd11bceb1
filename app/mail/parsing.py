"""A raw message as the desk needs it: who wrote, about what, the readable text, the
attachments, what it replies to, and whether a machine sent it.

Chinese mail is often labelled with a narrower charset than it uses (GB2312 with GBK
characters, GBK with GB18030 ones): every GB label decodes as GB18030, their superset, and
undecodable bytes become U+FFFD instead of failing the message. Headers are decoded the
same way (RFC 2047 encoded words, and raw 8-bit GB or UTF-8 headers some clients send).
"""

from __future__ import annotations

import email
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from app.mail.automatic import automatic_reason
from app.mail.html_text import html_to_text

_GB = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"})
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")
_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


class Malformed(ValueError):
    """A message the desk cannot take (kept aside with this reason, never dropped)."""


def codec(charset: str | None) -> str:
    name = (charset or "utf-8").strip().strip('"').lower()
    if name in _GB:
        return "gb18030"
    if name in ("us-ascii", "ascii", "unknown-8bit", "x-unknown", ""):
        return "utf-8"
    try:
        "".encode(name)
    except LookupError:
        return "utf-8"
    return name


def _raw_text(value: bytes) -> str:
    """8-bit header bytes without a declared charset: UTF-8 if they are, else GB18030."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("gb18030", errors="replace")


def header_text(message: Message, name: str) -> str:
    value = message.get(name)
    if value is None:
        return ""
    parts = []
    for chunk, charset in decode_header(str(value) if not isinstance(value, str) else value):
        if isinstance(chunk, bytes):
            parts.append(chunk.decode(codec(charset), errors="replace") if charset
                         else _raw_text(chunk))
        else:
            parts.append(chunk)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class ParsedMail:
    message_key: str  # the Message-ID, else a digest of the raw bytes
    subject: str
    sender: str  # the address, lower case
    sender_name: str
    sent_at: datetime | None
    text: str
    in_reply_to: tuple[str, ...]  # In-Reply-To and References, newest first
    automatic: str  # why a machine sent it ("" when a person did)
    attachments: tuple[Attachment, ...] = field(default=())


def _payload_text(part: Message) -> str:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    return data.decode(codec(part.get_content_charset()), errors="replace")


def _filename(part: Message) -> str:
    raw = part.get_param("filename", header="content-disposition") \
        or part.get_param("name", header="content-type")
    if raw is None:
        return ""
    if isinstance(raw, tuple):  # RFC 2231: (charset, language, value)
        charset, _language, value = raw
        return value.encode("latin-1", "replace").decode(codec(charset), errors="replace") \
            if charset else str(value)
    text = str(raw)
    if "=?" in text:
        parts = decode_header(text)
        return "".join(chunk.decode(codec(cs), errors="replace") if isinstance(chunk, bytes)
                       else chunk for chunk, cs in parts)
    return text


def _walk(message: Message) -> tuple[str, str, list[Attachment]]:
    plain: list[str] = []
    markup: list[str] = []
    attachments: list[Attachment] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        disposition = (part.get_content_disposition() or "").lower()
        name = _filename(part)
        if disposition == "attachment" or (name and kind not in ("text/plain", "text/html")):
            data = part.get_payload(decode=True)
            attachments.append(Attachment(name or "attachment", kind,
                                          data if isinstance(data, bytes) else b""))
        elif kind == "text/plain":
            plain.append(_payload_text(part))
        elif kind == "text/html":
            markup.append(_payload_text(part))
    return "\n\n".join(plain), "\n\n".join(markup), attachments


def _ids(message: Message) -> tuple[str, ...]:
    found: list[str] = []
    for name in ("In-Reply-To", "References"):
        ids = _MESSAGE_ID.findall(str(message.get(name, "")))
        for value in reversed(ids) if name == "References" else ids:
            if value not in found:
                found.append(value)
    return tuple(found)


def message_key(message: Message, raw: bytes) -> str:
    found = _MESSAGE_ID.search(str(message.get("Message-ID", "")))
    if found and len(found.group(1)) <= 250:
        return found.group(1)
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def message_key_of(raw: bytes) -> str:
    """The key of a message that could not be parsed whole (the headers may still be)."""
    try:
        return message_key(email.message_from_bytes(raw), raw)
    except Exception:  # noqa: BLE001 - a message too broken even for that: its digest
        return "sha256:" + hashlib.sha256(raw).hexdigest()


def headers_of(raw: bytes) -> tuple[str, str]:
    """From and Subject of a message that could not be parsed whole, as far as they read
    (what an administrator needs to find it in the mailbox)."""
    try:
        message = email.message_from_bytes(raw)
        return header_text(message, "From")[:254], header_text(message, "Subject")
    except Exception:  # noqa: BLE001 - too broken even for that
        return "", ""


def parse(raw: bytes) -> ParsedMail:
    """Parse ``raw``; raises ``Malformed`` when no sender can be read from it."""
    message = email.message_from_bytes(raw)
    if not message.keys():
        raise Malformed("no headers")
    from_header = header_text(message, "From")
    addresses = [(name, address) for name, address in getaddresses([from_header])
                 if _ADDRESS.match(address or "")]
    if not addresses:
        raise Malformed(f"no sender address in From: {from_header[:120]!r}")
    sender_name, sender = addresses[0]
    subject = header_text(message, "Subject")
    try:
        sent = parsedate_to_datetime(str(message["Date"])) if message["Date"] else None
        sent_at = sent.astimezone(UTC) if sent is not None and sent.tzinfo else None
    except (TypeError, ValueError, IndexError):
        sent_at = None
    plain, markup, attachments = _walk(message)
    text = plain.strip() or (html_to_text(markup) if markup else "")
    return ParsedMail(
        message_key=message_key(message, raw), subject=subject, sender=sender.lower(),
        sender_name=sender_name.strip(), sent_at=sent_at,
        text=text.replace("\r\n", "\n").replace("\x00", ""),
        in_reply_to=_ids(message),
        automatic=automatic_reason(message, sender.lower(), subject),
        attachments=tuple(attachments))
