"""The composition root of the desk app: settings, translations, store, window, scheduler."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

from app.cli import DeskArgs
from app.domain.clock import SystemClock
from app.paths import DataDir, default_data_root
from app.settings import SettingsFile, resolve_language

if TYPE_CHECKING:
    from app.identity.seat import SignedIn
    from app.identity.signing_in import Check, SignInAhead
    from ui.main_window import MainWindow

FIRST_START_TICKETS = 3000
NEW_DESK, NO_ACCOUNT = "new_desk", "no_account"  # how _open_data asks for the walk-through
# The sign-in prompt has painted by then; loading the desk's modules takes ~0.1 s of the
# GUI thread, which a seat's first keys wait out (queued, not lost).
PRELOAD_AFTER_MS = 300


def run(args: DeskArgs) -> int:
    """Start the desk app; returns the process exit code."""
    if args.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    data = DataDir(args.data_dir or default_data_root())
    settings = SettingsFile(data.settings)
    ahead = _sign_in_ahead(data, settings, args)  # on its thread while Qt and the desk load
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_translators, system_locale_name

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Seatdesk")
    app.setDesktopFileName("seatdesk")
    language = resolve_language(args.language, settings.settings.language, system_locale_name())
    install_translators(app, language)
    opened = _open_data(data, args, joins_server=bool(settings.settings.server_url))
    if opened is None:
        return 2
    set_up = None
    if opened in (NEW_DESK, NO_ACCOUNT):
        from ui.setup import DEMO, set_up_desk

        set_up = set_up_desk(data, settings, SystemClock(), language,
                             choose=opened == NEW_DESK)
        if set_up is None:
            return 0  # the administrator closed the first-start walk-through
        language = set_up.language
        if set_up.choice == DEMO and _open_data(data, args._replace(demo=True),
                                                joins_server=False) is None:
            return 2
        opened = "ready"
    _adopt_desk_settings(data, settings, standalone=opened == "ready")
    # Whoever finished the walk-through is signed in already (the demo desk's seats are not).
    signed_in = set_up.signed_in if set_up is not None and set_up.signed_in is not None \
        else _sign_in(data, settings, args, ahead)
    if signed_in is None:
        return 0  # the seat chose to quit at the sign-in prompt
    from ui.desk import build_desk

    desk = build_desk(data, settings, SystemClock(), language, signed_in)
    window = desk.window
    if args.page and not _show_page(window, args.page):
        return 2
    if args.screenshot is not None:
        from ui.screenshot import SIZE, save_screenshot

        ok = save_screenshot(desk, args.page, args.screenshot, args.size or SIZE)
        desk.close()
        return 0 if ok else 1
    window.show()
    desk.start_background_work()
    from ui.language_switch import DeskHolder

    running = DeskHolder(desk)  # the seat may switch the language: a new desk, same seat
    # What start-up made lives as long as the desk: frozen, later collections (with
    # collection back on, see main.py) need not walk it, which keeps their pauses short.
    gc.freeze()
    gc.enable()
    _probe_if_asked()
    code = app.exec()
    running.desk.close()
    return code


def _show_page(window: MainWindow, page: str) -> bool:
    """``--page``: one of the window's pages, or a window of its own that ui/screenshot
    takes; else the pages are named and False returned."""
    from ui.screenshot import WINDOW_PAGES

    if page in WINDOW_PAGES or window.show_page(page):
        return True
    pages = ", ".join([*window.page_ids(), *WINDOW_PAGES])
    print(f"unknown page {page!r}; pages: {pages}", file=sys.stderr)
    return False


def _open_data(data: DataDir, args: DeskArgs, *, joins_server: bool) -> str | None:
    """Schema and first-start data; None (after telling the seat) if the desk cannot open,
    else how it starts: "ready"; ``NEW_DESK`` (a new folder: the walk-through asks how it
    starts, ui/setup); ``NO_ACCOUNT`` (a standalone desk nobody can sign in to, e.g. after
    ``--no-demo``: the walk-through makes its administrator). ``--demo``/``--no-demo`` and
    screenshots never ask: a screenshot of a desk without accounts is taken as nobody."""
    from app.services.data_folder import needs_administrator, needs_seed, prepare, seed
    from app.store.schema import DatabaseTooNew

    clock = SystemClock()
    try:
        prepare(data, clock)
        if needs_seed(data) and not joins_server:
            if args.demo is None and args.screenshot is None:
                return NEW_DESK
            # --no-demo: the catalog only; a screenshot without --no-demo: the demo desk.
            if args.demo is False:
                seed(data, clock, None)
            else:  # seconds of work: a window says how far it is (ui/seeding.py)
                from ui.seeding import seed_with_progress

                seed_with_progress(data, clock, FIRST_START_TICKETS)
        if not joins_server and args.screenshot is None and needs_administrator(data):
            return NO_ACCOUNT
    except DatabaseTooNew as error:
        _tell_startup_error("too_new", str(error.path), error.revision)
        return None
    except OSError as error:
        _tell_startup_error("io", str(data.root), str(error))
        return None
    return "ready"


def _adopt_desk_settings(data: DataDir, settings: SettingsFile, *, standalone: bool) -> None:
    """A desk upgraded from a version that kept the desk-wide settings in settings.json:
    a standalone desk moves the values it had changed into the database, once
    (app/desk_settings.py); a connected one takes its server's. The file then keeps only
    this seat's preferences; if the move fails it keeps them too, for the next start."""
    if not settings.moved:
        return
    if standalone and not settings.settings.server_url:
        from app.desk_settings import adopt_settings_file

        try:
            adopt_settings_file(data, SystemClock(), settings.moved)
        except Exception:  # noqa: BLE001 (the desk starts on the defaults, tries next time)
            import logging

            logging.getLogger("seatdesk").exception("desk settings not adopted")
            return
    settings.forget_moved()


def _sign_in_ahead(data: DataDir, settings: SettingsFile, args: DeskArgs
                   ) -> SignInAhead | None:
    """An unattended start (``--login``, the password in the environment) of a desk whose
    schema is current checks the password from the first moment, on a thread of its own:
    argon2id's 0.1-0.2 s then pass while Qt and the desk's modules load. Other starts
    check after the data folder is opened (and upgraded or filled), as ``_sign_in`` does."""
    password = os.environ.get("SEATDESK_PASSWORD", "")
    if not args.login or not password or args.screenshot is not None:
        return None
    from app.services.data_folder import needs_administrator, needs_seed
    from app.store.schema import schema_head, stored_revision

    if stored_revision(data.database) != schema_head():
        return None
    # A first start that stopped before its data was written: the accounts come with the
    # data (or the walk-through), so a check now would refuse a seat who exists later.
    if needs_seed(data) or (not settings.settings.server_url and needs_administrator(data)):
        return None
    from app.identity.signing_in import SignInAhead

    return SignInAhead(_checker(data, settings), args.login, password)


def _checker(data: DataDir, settings: SettingsFile) -> Check:
    from app.identity.signing_in import checker

    vault = _desk_vault()
    return checker(data.database, lambda: settings.settings.server_url, lambda: vault)


def _sign_in(data: DataDir, settings: SettingsFile, args: DeskArgs,
             ahead: SignInAhead | None = None) -> SignedIn | None:
    """The seat at this desk: the account named with --login (password from the
    environment, perhaps already being checked: ``ahead``), the first administrator for a
    screenshot, else whoever signs in at the prompt. None when the seat quits instead."""
    import sqlite3
    from contextlib import closing

    from app.identity.seat import NOBODY, first_administrator
    from app.identity.signing_in import SignInAhead

    if args.screenshot is not None:
        with closing(sqlite3.connect(data.database)) as conn:
            return first_administrator(conn) or NOBODY
    check = _checker(data, settings)
    password = os.environ.get("SEATDESK_PASSWORD", "")
    if args.login and password:
        ahead = ahead or SignInAhead(check, args.login, password)
        _load_desk_modules()  # while the password is checked on its thread
        try:
            return ahead.seat()
        except Exception as error:  # noqa: BLE001 (the prompt below says why)
            from ui.seat.sign_in import refusal_text

            print(refusal_text(error), file=sys.stderr)
    from PySide6.QtCore import QTimer

    from ui.seat.sign_in import Mode, SignInDialog

    dialog = SignInDialog(check, Mode.START, login=args.login or settings.settings.last_login,
                          hint=_demo_hint(data), desk_name=_desk_name(data))
    # While the seat types: the desk then opens that much sooner after the password.
    QTimer.singleShot(PRELOAD_AFTER_MS, _load_desk_modules)
    _probe_if_asked()  # bench/startup.py's "prompt": the seat's first window
    if not dialog.exec() or dialog.result_seat is None:
        return None
    settings.update(last_login=dialog.result_seat.login)
    return dialog.result_seat


def _probe_if_asked() -> None:
    """With SEATDESK_STARTUP_PROBE set (bench/startup.py), report when the window just
    shown is ready and painted, then quit."""
    if os.environ.get("SEATDESK_STARTUP_PROBE"):
        from PySide6.QtWidgets import QApplication

        from ui.startup_probe import report_when_idle

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        report_when_idle(app)


def _load_desk_modules() -> None:
    """Import what building the desk needs (~0.1 s of Python), e.g. while a password is
    checked: the check's C code releases the GIL, so both go on at once."""
    import ui.desk  # noqa: F401
    import ui.language_switch  # noqa: F401
    import ui.mail_in  # noqa: F401
    import ui.process.banner  # noqa: F401


def _desk_name(data: DataDir) -> str:
    import sqlite3
    from contextlib import closing

    from app.desk_settings import read

    with closing(sqlite3.connect(data.database)) as conn:
        return read(conn).desk_name


def _desk_vault() -> object:
    from app.sync.tokens import KeyringVault

    return KeyringVault()


def _demo_hint(data: DataDir) -> str:
    """On the demo desk, who to sign in as (its accounts share one published password)."""
    import sqlite3
    from contextlib import closing

    from PySide6.QtCore import QCoreApplication

    from app.demo.accounts import DEMO_ADMIN, DEMO_AGENT, DEMO_PASSWORD, DEMO_SUPERVISOR

    with closing(sqlite3.connect(data.database)) as conn:
        found = conn.execute("SELECT count(*) FROM desk_accounts WHERE login IN (?, ?, ?)",
                             (DEMO_ADMIN, DEMO_SUPERVISOR, DEMO_AGENT)).fetchone()[0]
        demo = conn.execute("SELECT value FROM counters WHERE name = 'demo_desk'").fetchone()
    if found < 3 or demo is None:
        return ""
    return QCoreApplication.translate(
        "SignInDialog", "Demo desk: sign in as %1 (administrator), %2 (supervisor) or %3 "
        "(agent); the password is \"%4\".").replace("%1", DEMO_ADMIN).replace(
        "%2", DEMO_SUPERVISOR).replace("%3", DEMO_AGENT).replace("%4", DEMO_PASSWORD)


def _tell_startup_error(kind: str, where: str, detail: str) -> None:
    # Imported only when needed: QMessageBox's enums cost a normal start ~5 ms.
    from ui.errors import show_startup_error

    show_startup_error(kind, where, detail)

