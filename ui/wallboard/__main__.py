"""Preview the wallboard, its wall display or the escalation ledger on a demo desk.

    python -m ui.wallboard [--wall | --ledger] [--lang zh_CN] [--data-dir DIR]
                           [--screenshot out.png] [--size 1920x1080]

The wall display fills its screen: to render it offscreen at 1920×1080, give Qt's offscreen
platform a screen that size (``QT_QPA_PLATFORM=offscreen:configfile=screen.json`` with
``{"screens": [{"name": "wall", "x": 0, "y": 0, "width": 1920, "height": 1080}]}``).

Without ``--data-dir`` a demo desk of 3 000 tickets is written to a temporary folder. The
SLA monitor runs once before the window opens (standalone: it escalates), so the board has
risk to show and the ledger has lines; a supervisor has acknowledged the newest of them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from app.domain.clock import SystemClock
from app.paths import DataDir


def prepare_desk(folder: Path | None) -> DataDir:
    """A demo desk with its SLA index filled and due escalations carried out."""
    from app.services.data_folder import needs_seed, prepare, seed
    from app.sla.monitor import due_thresholds, open_ticket_ids, refresh_targets
    from app.sla.receipts import ACKNOWLEDGED, record_receipts, settle_acknowledged
    from app.store.database import Store
    from app.store.reading import read_connection

    data = DataDir(folder or Path(tempfile.mkdtemp(prefix="seatdesk-wallboard-")))
    clock = SystemClock()
    prepare(data, clock)
    if needs_seed(data):
        seed(data, clock, 3000)
    store, reader = Store(data.database), read_connection(data.database)
    refresh_targets(store, reader, open_ticket_ids(reader), clock.now())
    due_thresholds(store, reader, clock)
    newest = reader.execute("SELECT id FROM sla_escalations WHERE action = "
                            "'notify_supervisor' ORDER BY id DESC LIMIT 2").fetchall()
    supervisor = reader.execute("SELECT s.id FROM staff s JOIN desk_accounts a ON "
                                "a.login = s.login WHERE a.role = 'supervisor' "
                                "ORDER BY s.login LIMIT 1").fetchone()
    if newest and supervisor:
        record_receipts(store, clock, [newest[0][0]], supervisor[0], ACKNOWLEDGED)
        settle_acknowledged(store)  # as the standalone desk's monitor does
    store.close()
    reader.close()
    return data


def settle(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--wall", action="store_true", help="the full-screen wall display")
    parser.add_argument("--ledger", action="store_true", help="the escalation ledger page")
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    app = QApplication(sys.argv)
    from ui.i18n import install_translators

    translators = install_translators(app, args.lang)  # noqa: F841 (kept alive)
    data = prepare_desk(args.data_dir)
    from app.identity.seat import NOBODY, first_administrator
    from app.settings import SettingsFile
    from app.store.reading import read_connection
    from ui.desk import build_desk

    conn = read_connection(data.database)
    seat = first_administrator(conn) or NOBODY
    conn.close()
    desk = build_desk(data, SettingsFile(data.settings), SystemClock(), args.lang, seat)
    desk.window.resize(width, height)
    desk.window.show()
    desk.window.show_page("escalations" if args.ledger else "wallboard")
    settle(1.0)
    shown: QWidget = desk.window
    if args.wall:
        from ui.wallboard.page import WallboardPage

        page = desk.window.findChild(WallboardPage)
        assert page is not None
        page.toggle_wall()
        assert page.wall is not None
        shown = page.wall
        settle(1.5)
    if args.screenshot is None:
        return app.exec()
    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    ok = shown.grab().save(str(args.screenshot), "PNG")
    from ui.background import wait_for_jobs

    wait_for_jobs()
    desk.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
