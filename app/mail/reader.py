"""The loop that keeps one mailbox read, on its own thread: take what waits, then IDLE (or
poll) until more comes; on any failure, close, wait with back-off and connect again - a
mail server down for an hour is caught up when it returns, and nothing is lost meanwhile
because nothing was flagged that was not stored.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime
from functools import partial

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.mail.imap import Mailbox, MailboxConfig, MailboxError
from app.mail.intake import Fetched, MailIntake, Outcome, Stored
from app.mail.tables import MailCursorRow
from app.store.database import Store

log = logging.getLogger("seatdesk.mail")
MAX_BACKOFF = 60.0  # seconds between attempts while a mail server stays down


class MailboxReader:
    """Reads ``config``'s mailbox into ``intake``; ``on_stored`` hears of every message
    stored (the service pushes it to the sync server at once)."""

    def __init__(self, config: MailboxConfig, intake: MailIntake, store: Store, clock: Clock,
                 on_stored: Callable[[Stored], None] | None = None) -> None:
        self.config = config
        self._intake, self._store, self._clock = intake, store, clock
        self._on_stored = on_stored
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()
        self.passes = 0  # finished passes over the mailbox (tests wait on it)
        self.last_error = ""

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name=f"seatdesk-mail-{self.config.name}",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            mailbox = Mailbox(self.config)
            try:
                mailbox.connect()
                self.connected.set()
                backoff = 1.0
                self.last_error = ""
                self._serve(mailbox)
            except (OSError, MailboxError, EOFError, ValueError) as error:
                self.last_error = f"{type(error).__name__}: {error}"
                log.warning("mailbox %s: %s; again in %.0f s", self.config.name,
                            self.last_error, backoff)
            except Exception:  # a bug must not end the reading: log, retry later
                self.last_error = "internal error"
                log.exception("mailbox %s failed", self.config.name)
            finally:
                self.connected.clear()
                mailbox.close()
            # Jitter: several services restarting together do not hammer the server at once.
            self._stop.wait(backoff * random.uniform(0.8, 1.2))  # noqa: S311 - not crypto
            backoff = min(MAX_BACKOFF, backoff * 2)

    def _serve(self, mailbox: Mailbox) -> None:
        while not self._stop.is_set():
            self.take_waiting(mailbox)
            if mailbox.can_idle:
                mailbox.idle(self._stop)
            else:
                self._stop.wait(self.config.poll_seconds)
                mailbox.noop()

    def take_waiting(self, mailbox: Mailbox) -> int:
        """Store and mark every message waiting; returns how many were stored."""
        count = 0
        for batch in mailbox.fetch(mailbox.waiting_uids()):
            if self._stop.is_set():
                break
            fetched = [Fetched(self.config.name, mailbox.uidvalidity, waiting.uid,
                               waiting.arrived, waiting.raw, waiting.size, waiting.too_large)
                       for waiting in batch]
            stored = self._intake.store_batch(
                fetched, partial(self._remember, uidvalidity=mailbox.uidvalidity,
                                 uid=max(waiting.uid for waiting in batch)))
            # Only now, with the rows committed, are the messages marked on the server.
            aside = [f.uid for f, s in zip(fetched, stored, strict=True)
                     if s.outcome == Outcome.QUARANTINED]
            mailbox.mark_taken([f.uid for f in fetched if f.uid not in aside])
            mailbox.mark_taken(aside, aside=True)
            for result in stored:
                if not result.again:
                    count += 1
                    if self._on_stored is not None:
                        self._on_stored(result)
        self.passes += 1
        return count

    def _remember(self, session: Session, *, uidvalidity: int, uid: int) -> None:
        now: datetime = self._clock.now()
        statement = insert(MailCursorRow).values(
            mailbox=self.config.name, uidvalidity=uidvalidity, last_uid=uid, checked_at=now)
        session.execute(statement.on_conflict_do_update(
            index_elements=["mailbox"],
            set_={"uidvalidity": uidvalidity, "last_uid": uid, "checked_at": now}))
