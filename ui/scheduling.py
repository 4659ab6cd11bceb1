"""The desk's scheduler (APScheduler's QtScheduler): jobs run on Qt's event loop or its
thread pool, and call plain functions from app/."""

from __future__ import annotations

from apscheduler.schedulers.qt import QtScheduler

from app.store.backup import scheduled_backup
from ui.context import DeskContext

BACKUP_JOB = "local-backup"


def start_scheduler(context: DeskContext) -> QtScheduler:
    """Start the scheduler with the local backup job (SQLite online backup, keep the last N)."""
    settings = context.settings.settings
    scheduler = QtScheduler(timezone="UTC")
    scheduler.add_job(
        scheduled_backup,
        "interval",
        hours=settings.backup_interval_hours,
        id=BACKUP_JOB,
        args=(context.data.database, context.data.backups, context.clock,
              settings.backups_kept),
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )
    scheduler.start()
    return scheduler
