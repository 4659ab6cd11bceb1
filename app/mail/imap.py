"""Reading one IMAP mailbox (imaplib, on the caller's thread): connect over IMAPS or
STARTTLS, take the messages not yet taken, mark each taken only after it is stored, and
wait for new mail with IDLE (RFC 2177) where the server offers it.

Taken messages stay on the server: flagged with the ``$Seatdesk`` keyword (``after =
"flag"``), or moved to a folder (``after = "move"``); malformed ones are flagged
``$SeatdeskAside`` too, or moved to the quarantine folder. Nothing is deleted before its
row is committed, so a crash between the two leaves an unflagged message whose key is
already stored: the next pass only flags it.
"""

from __future__ import annotations

import imaplib
import io
import re
import select
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

TAKEN = "$Seatdesk"
ASIDE = "$SeatdeskAside"
_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")
_FETCHED = re.compile(rb"UID (\d+)|RFC822\.SIZE (\d+)|INTERNALDATE \"([^\"]+)\"")
BATCH = 50  # messages per FETCH: round trips amortised, memory bounded


class MailboxError(RuntimeError):
    """The mail server refused or failed a command (the service reconnects later)."""


@dataclass(frozen=True)
class MailboxConfig:
    """One mailbox (a ``[[mailbox]]`` table of mail.toml)."""

    name: str
    host: str
    user: str
    password: str
    port: int = 993
    security: str = "ssl"  # ssl | starttls | none (none: tests and a local relay only)
    folder: str = "INBOX"
    after: str = "flag"  # flag | move
    done_folder: str = "Seatdesk/Done"
    quarantine_folder: str = ""  # "" : malformed mail stays, flagged $SeatdeskAside
    poll_seconds: float = 60.0  # without IDLE
    idle: bool = True
    idle_seconds: float = 25 * 60.0  # RFC 2177: re-issue IDLE within 29 minutes
    max_message: int = 40 * 1024 * 1024  # larger ones: headers only, kept aside
    cafile: str = ""  # a private CA's certificate (PEM); "" : the system's
    timeout: float = 30.0


@dataclass(frozen=True)
class Waiting:
    uid: int
    size: int
    arrived: datetime
    raw: bytes
    too_large: str = ""


class Mailbox:
    """A connection to one mailbox; every method raises ``MailboxError`` or ``OSError``."""

    def __init__(self, config: MailboxConfig) -> None:
        self.config = config
        self._imap: imaplib.IMAP4 | None = None
        self.uidvalidity = 0
        self._keywords = True

    def connect(self) -> None:
        config = self.config
        context = ssl.create_default_context(cafile=config.cafile or None)
        if config.security == "ssl":
            imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(config.host, config.port,
                                                    ssl_context=context,
                                                    timeout=config.timeout)
        else:
            imap = imaplib.IMAP4(config.host, config.port, timeout=config.timeout)
            if config.security == "starttls":
                imap.starttls(context)
        self._imap = imap
        self._ok(imap.login(config.user, config.password), "LOGIN")
        typ, _data = imap.select(_quoted(config.folder))
        self._ok((typ, _data), "SELECT")
        validity = imap.untagged_responses.get("UIDVALIDITY", [b"0"])[0]
        self.uidvalidity = int(validity) if isinstance(validity, bytes) else 0
        flags = b" ".join(item for item in imap.untagged_responses.get("PERMANENTFLAGS", [])
                          if isinstance(item, bytes))
        self._keywords = b"\\*" in flags or TAKEN.encode() in flags
        for folder in (config.done_folder if config.after == "move" else "",
                       config.quarantine_folder):
            if folder:
                imap.create(_quoted(folder))  # "already exists" is fine

    @property
    def imap(self) -> imaplib.IMAP4:
        if self._imap is None:
            raise MailboxError("not connected")
        return self._imap

    def close(self) -> None:
        imap, self._imap = self._imap, None
        if imap is None:
            return
        try:
            imap.logout()
        except (OSError, imaplib.IMAP4.error, ValueError):
            pass

    @staticmethod
    def _ok(answer: tuple[str, Any], what: str) -> list[Any]:
        typ, data = answer
        if typ != "OK":
            raise MailboxError(f"{what}: {typ} {data!r}"[:300])
        return list(data)

    # --- taking messages ---------------------------------------------------------------------
    def waiting_uids(self) -> list[int]:
        """Messages not yet taken, oldest first."""
        if self.config.after == "move":
            criteria = ["ALL"]
        elif self._keywords:
            criteria = ["UNKEYWORD", TAKEN]
        else:  # no custom keywords: \Seen is all there is (a person reading may race us)
            criteria = ["UNSEEN"]
        data = self._ok(self.imap.uid("SEARCH", *criteria), "SEARCH")
        found = data[0] if data and isinstance(data[0], bytes) else b""
        return sorted(int(uid) for uid in found.split())

    def fetch(self, uids: list[int]) -> Iterator[list[Waiting]]:
        """The messages of ``uids``, a FETCH batch at a time; oversized ones by their
        headers only."""
        for start in range(0, len(uids), BATCH):
            batch = uids[start:start + BATCH]
            sizes = self._sizes(batch)
            small = [uid for uid in batch if sizes.get(uid, (0, None))[0]
                     <= self.config.max_message]
            bodies = self._bodies(small, "BODY.PEEK[]") if small else {}
            large = [uid for uid in batch if uid in sizes and uid not in small]
            heads = self._bodies(large, "BODY.PEEK[HEADER]") if large else {}
            found = []
            for uid in batch:
                if uid not in sizes:
                    continue  # expunged meanwhile by someone else
                size, arrived = sizes[uid]
                if uid in bodies:
                    found.append(Waiting(uid, size, arrived, bodies[uid]))
                elif uid in heads:
                    found.append(Waiting(uid, size, arrived, heads[uid],
                                         too_large=f"message of {size} bytes is over the "
                                                   f"{self.config.max_message}-byte limit"))
            if found:
                yield found

    def _sizes(self, uids: list[int]) -> dict[int, tuple[int, datetime]]:
        data = self._ok(self.imap.uid("FETCH", _set(uids), "(RFC822.SIZE INTERNALDATE)"),
                        "FETCH")
        found: dict[int, tuple[int, datetime]] = {}
        for item in data:
            line = item if isinstance(item, bytes) else b""
            uid = size = 0
            arrived = datetime.now(UTC)
            for match in _FETCHED.finditer(line):
                if match.group(1):
                    uid = int(match.group(1))
                elif match.group(2):
                    size = int(match.group(2))
                elif match.group(3):
                    arrived = _internal_date(match.group(3))
            if uid:
                found[uid] = (size, arrived)
        return found

    def _bodies(self, uids: list[int], item: str) -> dict[int, bytes]:
        data = self._ok(self.imap.uid("FETCH", _set(uids), f"(UID {item})"), "FETCH")
        found: dict[int, bytes] = {}
        for part in data:
            if isinstance(part, tuple) and len(part) == 2:
                head, body = part
                match = re.search(rb"UID (\d+)", head)
                if match and isinstance(body, bytes):
                    found[int(match.group(1))] = body
        return found

    def mark_taken(self, uids: list[int], *, aside: bool = False) -> None:
        """After the messages' rows are committed: flag them, or move them out of the way."""
        if not uids:
            return
        folder = self.config.quarantine_folder if aside else (
            self.config.done_folder if self.config.after == "move" else "")
        if folder:
            self._move(_set(uids), folder)
            return
        flags = f"({TAKEN} {ASIDE})" if aside else f"({TAKEN})"
        if not self._keywords:
            flags = "(\\Seen)"
        self._ok(self.imap.uid("STORE", _set(uids), "+FLAGS.SILENT", flags), "STORE")

    def _move(self, uid: str, folder: str) -> None:
        imap = self.imap
        if "MOVE" in imap.capabilities:
            self._ok(imap.uid("MOVE", uid, _quoted(folder)), "MOVE")
            return
        # Without MOVE: copied first, the original removed only once the copy exists.
        self._ok(imap.uid("COPY", uid, _quoted(folder)), "COPY")
        self._ok(imap.uid("STORE", uid, "+FLAGS.SILENT", "(\\Deleted)"), "STORE")
        if "UIDPLUS" in imap.capabilities:
            self._ok(imap.uid("EXPUNGE", uid), "EXPUNGE")

    # --- waiting for new mail ---------------------------------------------------------------
    @property
    def can_idle(self) -> bool:
        return self.config.idle and "IDLE" in self.imap.capabilities

    def idle(self, stop: threading.Event) -> bool:
        """Wait in IDLE until the mailbox changes (True), the IDLE period ends or ``stop``
        is set (False). imaplib of Python 3.11 has no IDLE: the command is spoken here."""
        imap = self.imap
        tag = imap._new_tag().decode()  # noqa: SLF001 - imaplib's own tag sequence
        imap.send(f"{tag} IDLE\r\n".encode())
        line = imap.readline()
        if not line.startswith(b"+"):
            raise MailboxError(f"IDLE refused: {line[:200]!r}")
        changed, waited = False, 0.0
        while not stop.is_set() and waited < self.config.idle_seconds:
            if not self._readable():
                select.select([imap.sock], [], [], 0.5)  # ``stop`` is seen within 0.5 s
                waited += 0.5
                continue
            line = imap.readline()
            if not line:
                raise MailboxError("the server closed the connection in IDLE")
            if b"EXISTS" in line or b"RECENT" in line:
                changed = True
                break
        imap.send(b"DONE\r\n")
        while True:
            line = imap.readline()
            if not line:
                raise MailboxError("the server closed the connection after IDLE")
            if line.startswith(tag.encode()):
                if b" OK" not in line[:len(tag) + 4]:
                    raise MailboxError(f"IDLE ended badly: {line[:200]!r}")
                return changed
            if b"EXISTS" in line:
                changed = True

    def _readable(self) -> bool:
        """Whether a line can be read without waiting: what imaplib's buffered reader holds
        already, or what the socket (or its TLS layer) has, taken in without blocking. A
        socket timeout instead would leave imaplib's reader unusable ("cannot read from
        timed out object"), and select() alone misses bytes already buffered."""
        imap = self.imap
        imap.sock.setblocking(False)
        try:
            return bool(cast(io.BufferedReader, imap.file).peek(1))
        except (ssl.SSLWantReadError, BlockingIOError):
            return False
        finally:
            imap.sock.settimeout(self.config.timeout)

    def noop(self) -> None:
        self._ok(self.imap.noop(), "NOOP")


def _set(uids: list[int]) -> str:
    return ",".join(str(uid) for uid in uids)


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _internal_date(text: bytes) -> datetime:
    try:
        return datetime.strptime(text.decode(), "%d-%b-%Y %H:%M:%S %z").astimezone(UTC)
    except ValueError:
        return datetime.now(UTC)
