"""The escalation service (``seatdesk-server escalate``): with a sync server, the one place
escalations are carried out (DESIGN.md section 5).

It is a headless desk replica: a data folder of its own (the desk's ``Store`` and
migrations), kept in step with the server by the desk's ``Syncer`` and ``SyncRunner``
under a service account (role ``escalator``), running the desk's monitor functions -
``refresh_targets``, ``due_thresholds(escalate=True)``, ``webhook_calls`` /
``deliver_webhook`` / ``record_outcome``. Its escalations (levels raised, hand-overs,
timeline entries, ledger lines and their outcomes) leave through the outbox like any desk
edit, so the server's merge rules apply and every desk receives them; desks connected to
the server only notify (``escalate=False``).

It wakes when the next threshold is due (a ``threading.Event`` wait on ``next_due``,
measured on the injected Clock like the desk's QTimer, capped so a clock jump costs at most
a minute), after every pull that brought tickets or policy changes, and on ``wake()``. It
starts checking only after its first successful sync: it acts on the server's state, never
on an old copy. Webhooks run on their own small pool: a slow or failing hook never holds
the next check.

Two more jobs that must run in one place run here, on the same loop and clock:
- the scheduled close (``app.services.unconfirmed``): on its first pass and every 5 minutes
  after, resolved tickets unconfirmed past the confirmation timeout are closed, authored
  by the system; connected desks never do it;
- settling "notify the supervisor" lines (``app.sla.receipts``): when a supervisor's
  acknowledgement arrives by sync, the service - the ledger's only writer - makes the line
  "done".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from sqlite3 import Connection

from app.domain.clock import Clock
from app.services.unconfirmed import CLOSE_EVERY, close_unconfirmed_due
from app.sla.escalation import Delivery, WebhookCall, deliver_webhook, record_outcome, webhook_calls
from app.sla.monitor import (
    Raised,
    due_thresholds,
    open_ticket_ids,
    refresh_targets,
    tickets_changed_by,
)
from app.sla.reading import next_due
from app.sla.receipts import settle_acknowledged
from app.sla.running import POLICY_TABLES
from app.store.database import Store
from app.store.reading import read_connection
from app.sync.runner import Link, SyncRunner
from app.sync.syncer import Syncer, SyncReport, SyncStatus

log = logging.getLogger("seatdesk.escalation")
MAX_SLEEP = 60.0  # seconds; as the desk's monitor: bounds the harm of a clock jump
Deliver = Callable[[str, dict[str, object]], Delivery]
RECEIPTS = "sla_escalation_receipts"


def built_in_timeout() -> timedelta:
    """The confirmation timeout when none is given: the desk-wide setting's default."""
    from app.desk_settings import DEFAULTS

    return DEFAULTS.confirmation_timeout


class EscalationService:
    """Escalates for a whole server. ``sign_in`` (if given) is called when the server asks
    for a new sign-in (a revoked token); ``deliver`` posts a webhook (tests replace it);
    ``confirmation_timeout`` is asked before every scheduled close."""

    def __init__(self, store: Store, syncer: Syncer, clock: Clock, *,
                 deliver: Deliver = deliver_webhook,
                 sign_in: Callable[[], None] | None = None,
                 confirmation_timeout: Callable[[], timedelta] = built_in_timeout) -> None:
        self._store, self._syncer, self._clock = store, syncer, clock
        self._deliver_hook, self._sign_in = deliver, sign_in
        self._timeout = confirmation_timeout
        self._next_close: datetime | None = None  # None: at the first pass
        self._receipts = True  # acknowledgements to settle (all of them at the first pass)
        self._runner = SyncRunner(syncer, self._on_link, self._on_report)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._synced = threading.Event()
        self._state = threading.Condition()
        self._changed: set[str] = set()
        self._everything = True  # the first pass reconciles every open ticket
        self._asked = self._served = 0
        self._webhooks = ThreadPoolExecutor(2, thread_name_prefix="seatdesk-webhook")
        self._deliveries: set[Future[None]] = set()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._runner.start()
        self._thread = threading.Thread(target=self._run, name="seatdesk-escalation",
                                        daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Check now (after a clock jump; tests after moving their fake clock)."""
        with self._state:
            self._asked += 1
        self._wake.set()

    def settle(self, timeout: float = 10.0) -> bool:
        """Check now and wait for that check and the webhooks it started to finish."""
        with self._state:
            self._asked += 1
            asked = self._asked
        self._wake.set()
        with self._state:
            if not self._state.wait_for(lambda: self._served >= asked, timeout):
                return False
            pending = set(self._deliveries)
        return not wait(pending, timeout).not_done

    @property
    def store(self) -> Store:
        return self._store

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._webhooks.shutdown(wait=True)
        self._runner.stop()
        try:  # the last outcomes go out now, not at the next start
            self._syncer.sync_once()
        except Exception as error:  # noqa: BLE001 - offline: they wait in the outbox
            log.info("escalations left in the outbox: %s", error)

    def close(self) -> None:
        """Stop, then release the connection and the data folder."""
        self.stop()
        self._syncer.client.close()
        self._store.close()

    # --- sync callbacks (on the runner's thread) ------------------------------------------
    def _on_link(self, link: Link, _status: SyncStatus) -> None:
        if link is Link.ONLINE:
            self._synced.set()
        elif link is Link.SIGNED_OUT and self._sign_in is not None:
            try:
                self._sign_in()
            except Exception as error:  # noqa: BLE001 - the runner retries within the hour
                log.warning("escalation service cannot sign in again: %s", error)
                return
            self._runner.wake()

    def _on_report(self, report: SyncReport) -> None:
        everything = bool(POLICY_TABLES & report.entities)
        receipts = RECEIPTS in report.entities
        if report.ticket_ids or everything or receipts:
            with self._state:
                self._changed |= report.ticket_ids
                self._everything = self._everything or everything
                self._receipts = self._receipts or receipts
            self._wake.set()

    # --- the monitor (its own thread) -----------------------------------------------------
    def _run(self) -> None:
        while not self._synced.wait(0.2):
            if self._stop.is_set():
                return
        reader = read_connection(self._store.path)
        try:
            while not self._stop.is_set():
                self._wake.clear()
                with self._state:
                    asked = self._asked
                try:
                    self.check(reader)
                except Exception:  # a bug must not stop escalations: log, try again later
                    log.exception("escalation check failed")
                try:
                    self.close_unconfirmed(reader)
                except Exception:  # nor must a failed close
                    log.exception("scheduled close failed")
                with self._state:
                    self._served = asked
                    self._state.notify_all()
                self._wake.wait(self._sleep(reader))
        finally:
            reader.close()

    def check(self, reader: Connection) -> list[Raised]:
        """One pass: recompute what sync changed, raise and escalate what is due, settle
        the supervisors' acknowledgements that arrived."""
        with self._state:
            everything, changed = self._everything, sorted(self._changed)
            receipts = self._receipts
            self._everything, self._changed, self._receipts = False, set(), False
        if receipts and settle_acknowledged(self._store):
            self._runner.wake()
        # Changed tickets too when reconciling: one closed meanwhile leaves the index.
        ids = [*open_ticket_ids(reader), *changed] if everything else changed
        if ids:
            refresh_targets(self._store, reader, ids, self._clock.now())
        raised = due_thresholds(self._store, reader, self._clock, escalate=True)
        if not raised:
            return raised
        escalated = [r for r in raised if r.escalations]
        log.info("%d thresholds raised, %d escalated", len(raised), len(escalated))
        # A raised level has other targets: recompute those tickets on the next pass.
        if moved := tickets_changed_by(raised):
            with self._state:
                self._changed.update(moved)
            self._wake.set()
        for call in webhook_calls(raised):
            future = self._webhooks.submit(self._deliver, call)
            with self._state:
                self._deliveries.add(future)
            future.add_done_callback(self._delivered)
        self._runner.wake()  # the escalations go to the server now
        return raised

    def close_unconfirmed(self, reader: Connection, *, force: bool = False) -> list[str]:
        """The scheduled close, when due (at the first pass, then every ``CLOSE_EVERY`` on
        the service's clock) or ``force``d: resolved tickets unconfirmed past the timeout
        are closed, and the closes go to the server."""
        now = self._clock.now()
        if not force and self._next_close is not None and now < self._next_close:
            return []
        self._next_close = now + CLOSE_EVERY
        closed = close_unconfirmed_due(self._store, reader, self._clock, self._timeout())
        if closed:
            log.info("%d ticket(s) closed unconfirmed", len(closed))
            self._runner.wake()
        return closed

    def _deliver(self, call: WebhookCall) -> None:
        try:
            result = self._deliver_hook(call.url, call.payload)
        except Exception as error:  # noqa: BLE001 - a hook's failure is an outcome
            result = Delivery(False, 1, type(error).__name__)
        record_outcome(self._store, call.ledger_id, result, self._clock.now())
        log.info("webhook %s: %s", call.url, result.detail)
        self._runner.wake()

    def _delivered(self, future: Future[None]) -> None:
        with self._state:
            self._deliveries.discard(future)
        if (error := future.exception()) is not None:
            log.error("recording a webhook's outcome failed: %s", error)

    def _sleep(self, reader: Connection) -> float:
        now = self._clock.now()
        wakes = [due for due in (next_due(reader), self._next_close) if due is not None]
        if not wakes:
            return MAX_SLEEP
        return max(0.0, min(MAX_SLEEP, (min(wakes) - now).total_seconds() + 0.001))


class NotAnEscalator(ValueError):
    """The account given to the service may not write the escalation ledger."""


def open_service(folder: Path, server_url: str, login: str, password: str, clock: Clock,
                 *, deliver: Deliver = deliver_webhook) -> EscalationService:
    """Prepare the service's data folder, sign in and build the (not yet started) service.

    The folder is the service's own replica: its notifications are its memory of what it
    raised (a restart repeats nothing); if it is lost, the ledger pulled from the server
    still keeps every raise from being escalated twice. The confirmation timeout of the
    scheduled close is the desk-wide setting as the replica last pulled it, read at every
    close (``app/desk_settings.py``).
    """
    from app.services.replica import open_replica

    data, store, client = open_replica(folder, server_url, login, password, clock,
                                       role="escalator", service="escalation service",
                                       refused=NotAnEscalator)
    syncer = Syncer(store, client, clock, leases_numbers=False)

    def sign_in_again() -> None:
        client.sign_in(login, password)

    def timeout() -> timedelta:
        from app.desk_settings import read

        with closing(read_connection(data.database)) as conn:
            return read(conn).confirmation_timeout

    return EscalationService(store, syncer, clock, deliver=deliver, sign_in=sign_in_again,
                             confirmation_timeout=timeout)
