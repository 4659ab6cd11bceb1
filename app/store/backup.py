"""Local backups with SQLite's online backup API: consistent while the desk keeps writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.domain.clock import Clock

BACKUP_SUFFIX = ".sqlite3"


def backup_database(source: Path, folder: Path, clock: Clock, *, label: str = "auto") -> Path:
    """Copy the live database at ``source`` into ``folder``; returns the new file.

    The copy is written under a temporary name and renamed when complete, so a crash in
    the middle never leaves a truncated file that looks like a good backup.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"seatdesk-{stamp}-{label}{BACKUP_SUFFIX}"
    partial = target.with_suffix(".partial")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def prune_backups(folder: Path, keep: int, *, label: str = "auto") -> list[Path]:
    """Delete all but the newest ``keep`` backups carrying ``label``; returns what was deleted."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    backups = sorted(folder.glob(f"seatdesk-*-{label}{BACKUP_SUFFIX}"))
    doomed = backups[:-keep]
    for path in doomed:
        path.unlink()
    return doomed


def scheduled_backup(source: Path, folder: Path, clock: Clock, keep: int) -> Path:
    """The scheduled job: one new backup, then only the newest ``keep`` remain."""
    target = backup_database(source, folder, clock)
    prune_backups(folder, keep)
    return target
