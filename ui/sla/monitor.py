"""Runs the SLA monitor on the desk: a single-shot QTimer armed for the next threshold due.

Why a QTimer and not an interval job: the next due moment is known exactly (one index
seek), so the desk wakes once per threshold, on time to the millisecond, and sleeps
otherwise; APScheduler's triggers also read the wall clock, while the monitor must follow
the injected Clock. Webhook escalations run on the thread pool and never block the GUI.
The same monitor functions run headless in the server's escalation service
(``app.sla.service``), which follows the injected Clock with a ``threading.Event`` wait.

Signals:
    thresholds_raised(list): new notifications (``app.sla.monitor.Raised``), once each.
    targets_changed(list): the index was recomputed for these tickets.
    calls_missed(list): phone calls' missed answer targets raised just now
        (``app.sla.calls.CallMiss``), once each.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from app.domain.clock import Clock
from app.sla.escalation import (
    Delivery,
    WebhookCall,
    deliver_webhook,
    record_outcome,
    webhook_calls,
)
from app.sla.monitor import Raised, due_thresholds, open_ticket_ids, refresh_targets
from app.sla.reading import next_due
from app.store.database import Store

# A timer far in the future is re-armed anyway after every write; capping it bounds
# the harm of a clock jump.
MAX_SLEEP_MS = 60_000


class _Delivered(QObject):
    delivered = Signal(str, object)


class _WebhookJob(QRunnable):
    def __init__(self, call: WebhookCall, done: _Delivered) -> None:
        super().__init__()
        self._call, self._done = call, done

    def run(self) -> None:
        try:
            result = deliver_webhook(self._call.url, self._call.payload)
        except Exception as error:  # noqa: BLE001 - a worker must never raise into Qt
            result = Delivery(False, 1, type(error).__name__)
        self._done.delivered.emit(self._call.ledger_id, result)


class MonitorRunner(QObject):
    thresholds_raised = Signal(list)
    targets_changed = Signal(list)
    calls_missed = Signal(list)

    def __init__(self, store: Store, reader: sqlite3.Connection, clock: Clock,
                 parent: QObject | None = None, *,
                 escalates: Callable[[], bool] = lambda: True) -> None:
        """``escalates`` is asked at every check: a standalone desk escalates; a desk
        connected to a server leaves that to the server's escalation service."""
        super().__init__(parent)
        self._store, self._reader, self._clock = store, reader, clock
        self._escalates = escalates
        self._timer = QTimer(self, singleShot=True)
        # A coarse timer may fire 5 % late (3 s on a minute): thresholds must be on time.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._done = _Delivered(self)
        self._done.delivered.connect(self._record)

    def start(self) -> None:
        """Reconcile the index with every open ticket, then raise what is due (the calls'
        missed answers too: a desk that was off catches up on the last day's)."""
        self.refresh(open_ticket_ids(self._reader))
        self.check_calls()

    @Slot()
    def check_calls(self) -> None:
        """Raise the missed answer targets of the calls the server recorded (by sync)."""
        from app.sla.calls import raise_call_misses

        missed = raise_call_misses(self._store, self._reader, self._clock)
        if missed:
            self.calls_missed.emit(missed)

    @Slot(list)
    def refresh(self, ticket_ids: list[str]) -> None:
        if ticket_ids:
            refresh_targets(self._store, self._reader, ticket_ids, self._clock.now())
            self.targets_changed.emit(list(ticket_ids))
        self.check()

    @Slot()
    def check(self) -> None:
        raised = due_thresholds(self._store, self._reader, self._clock,
                                escalate=self._escalates())
        if raised:
            self._escalate(raised)
            self.thresholds_raised.emit(raised)
            self.targets_changed.emit(sorted({r.ticket_id for r in raised}))
        self._arm()

    def _arm(self) -> None:
        due = next_due(self._reader)
        if due is None:
            self._timer.stop()
            return
        wait = (due - self._clock.now()) / timedelta(milliseconds=1)
        self._timer.start(int(max(0, min(MAX_SLEEP_MS, wait + 1))))

    def wait_for_deliveries(self, ms: int = 10_000) -> bool:
        return self._pool.waitForDone(ms)

    def _escalate(self, raised: list[Raised]) -> None:
        for call in webhook_calls(raised):
            self._pool.start(_WebhookJob(call, self._done))

    @Slot(str, object)
    def _record(self, ledger_id: str, delivery: Delivery) -> None:
        record_outcome(self._store, ledger_id, delivery, self._clock.now())
