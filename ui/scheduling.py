"""The desk's scheduler (APScheduler's QtScheduler): jobs run on Qt's event loop or its
thread pool, and call plain functions from app/.

Jobs:
- ``local-backup``: an online backup every ``backup_interval_hours``, the newest
  ``backups_kept`` kept (desk-wide settings: rescheduled when an administrator changes them
  here or on another desk).
- ``close-unconfirmed``: every 5 minutes, and once 30 s after the scheduler starts, close
  the resolved tickets whose confirmation timeout has run out
  (``app.services.unconfirmed``) - only on a standalone desk. With a sync server the
  escalation service does it, once for every desk, as it escalates (docs/sla.md); the job
  asks at every run, so a desk that connects to a server stops closing at once.
"""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Signal

from app.desk_settings import read as read_desk_settings
from app.services.unconfirmed import CLOSE_EVERY, FIRST_CLOSE_AFTER, close_unconfirmed_due
from app.store.backup import scheduled_backup
from app.store.reading import read_connection
from ui.context import DeskContext

BACKUP_JOB = "local-backup"
UNCONFIRMED_JOB = "close-unconfirmed"


class ScheduledClose(QObject):
    """The scheduled close on this desk. Runs on the scheduler's thread pool (a backlog of
    closes must not hold the window); the tickets it closed are announced on the GUI thread.

    Signals:
        tickets_closed(list): ids of the tickets just closed unconfirmed (queued to the
            thread this object lives in, and passed on to ``tickets_changed``).
    """

    tickets_closed = Signal(list)

    def __init__(self, context: DeskContext) -> None:
        super().__init__()
        self._context = context
        # Opened here, on the GUI thread: the write side's hooks (sync outbox, audit) attach
        # once, never from a worker.
        self._store = context.store()
        self.tickets_closed.connect(context.events.tickets_changed)

    def closes_here(self) -> bool:
        """Whether this desk closes unconfirmed tickets: a standalone one does; with a
        server the escalation service does (as with ``SlaDesk.escalates``)."""
        return not self._context.settings.settings.server_url

    def run(self) -> list[str]:
        """One pass (the job; also called directly by tests)."""
        if not self.closes_here():
            return []
        with closing(read_connection(self._context.data.database)) as reader:
            # The timeout from this thread's own connection: the context's reader is the
            # GUI thread's (DeskContext.confirmation_timeout reads through it).
            closed = close_unconfirmed_due(self._store, reader, self._context.clock,
                                           read_desk_settings(reader).confirmation_timeout)
        if closed:
            self.tickets_closed.emit(closed)
        return closed


def start_scheduler(context: DeskContext) -> QtScheduler:
    """Start the scheduler with the local backup job (SQLite online backup, keep the last N)
    and the scheduled close of unconfirmed resolutions."""
    scheduler = QtScheduler(timezone="UTC")
    _schedule_backups(scheduler, context)
    context.events.records_changed.connect(
        lambda names: _schedule_backups(scheduler, context) if "desk_settings" in names
        else None)
    closer = ScheduledClose(context)
    scheduler.add_job(
        closer.run,
        "interval",
        seconds=CLOSE_EVERY.total_seconds(),
        # APScheduler times its triggers on the wall clock; the close itself decides on the
        # desk's injected clock.
        next_run_time=datetime.now(UTC) + FIRST_CLOSE_AFTER,
        id=UNCONFIRMED_JOB,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=int(CLOSE_EVERY.total_seconds()),
    )
    _schedule_monthly_report(scheduler, context)
    scheduler.start()
    return scheduler


def _schedule_monthly_report(scheduler: QtScheduler, context: DeskContext) -> None:
    """Last month's service report into the data folder's reports/ (ui/reports/schedule.py):
    asked every day at 06:00 desk time and soon after start; written once."""
    from ui.reports.schedule import JOB_ID, write_if_missing

    zone = context.desk_settings().time_zone
    scheduler.add_job(
        write_if_missing, "cron", hour=6, timezone=zone, id=JOB_ID, replace_existing=True,
        args=(context.data.database, context.data.root / "reports", context.clock,
              context.language, zone),
        next_run_time=datetime.now(UTC) + timedelta(minutes=2),
        coalesce=True, max_instances=1, misfire_grace_time=6 * 3600)


def _schedule_backups(scheduler: QtScheduler, context: DeskContext) -> None:
    """(Re)schedule the backup job with the desk's interval and number kept; an unchanged
    interval keeps its next run time."""
    settings = context.desk_settings()
    job = scheduler.get_job(BACKUP_JOB)
    args = (context.data.database, context.data.backups, context.clock, settings.backups_kept)
    if job is not None and job.trigger.interval.total_seconds() == \
            settings.backup_interval_hours * 3600:
        if job.args != args:
            job.modify(args=args)
        return
    scheduler.add_job(
        scheduled_backup,
        "interval",
        hours=settings.backup_interval_hours,
        id=BACKUP_JOB,
        replace_existing=True,
        args=args,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )
