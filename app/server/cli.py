"""``seatdesk-server``: initialise the database, manage users, import a desk, serve, and
run the escalation and mail services and the Asterisk (AMI) adapter.

Configuration: command-line options first, then the environment (``SEATDESK_DB``,
``SEATDESK_HOST``, ``SEATDESK_PORT``, ``SEATDESK_WORKERS``, ``SEATDESK_TLS_CERT``,
``SEATDESK_TLS_KEY``, ``SEATDESK_FORWARDED_ALLOW_IPS``, the chat page's rate limit
``SEATDESK_CHAT_STARTS_PER_HOUR``, ``SEATDESK_CHAT_MESSAGES_PER_MINUTE``,
``SEATDESK_CHAT_ADDRESS_MESSAGES_PER_MINUTE``, ``SEATDESK_CHAT_STREAMS_PER_CHAT``,
``SEATDESK_CHAT_ADDRESS_STREAMS``; for ``escalate`` and ``mail``
``SEATDESK_SERVER``, ``SEATDESK_LOGIN``, ``SEATDESK_PASSWORD``; for ``ami``
``SEATDESK_SERVER``, ``SEATDESK_AMI_HOST``, ``SEATDESK_AMI_PORT``, ``SEATDESK_AMI_USER``
and, only there, the secrets ``SEATDESK_AMI_SECRET`` and ``SEATDESK_PBX_TOKEN``), then a
TOML file given with ``--config`` (the packaged server's is /etc/seatdesk/server.toml; the
mail service's mailboxes are in /etc/seatdesk/mail.toml).
Logs are JSON lines on standard error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import tomllib
from pathlib import Path
from typing import Any

DEFAULT_PORT = 8765
# Longer than any pause of a desk's between requests on one connection (rounds come every
# 45 s): uvicorn's 5 s closed kept-alive connections just as desks sent on them.
KEEP_ALIVE = 75


class JsonLogs(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {"at": self.formatTime(record), "level": record.levelname,
                                "logger": record.name, "message": record.getMessage()}
        if record.exc_info:  # a failure's traceback, which the message alone loses
            line["traceback"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["traceback"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


def log_as_json() -> None:
    """JSON lines on standard error, for this process (each server worker calls it)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLogs())
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def _config(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _setting(args: argparse.Namespace, file: dict[str, Any], name: str, default: Any) -> Any:
    given = getattr(args, name, None)
    if given not in (None, ""):
        return given
    env = os.environ.get(f"SEATDESK_{name.upper()}")
    return env if env else file.get(name, default)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="seatdesk-server",
                                     description="Seatdesk sync server")
    parser.add_argument("--config", help="TOML file with db, host, port")
    parser.add_argument("--db", help="database URL, e.g. postgresql://postgres@127.0.0.1/test")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init-db", help="create or upgrade the schema")
    user = commands.add_parser("create-user", help="add a user")
    user.add_argument("login")
    user.add_argument("--name", default="")
    user.add_argument("--role", choices=("agent", "supervisor", "admin", "escalator", "mail"),
                      default="agent")
    user.add_argument("--password-stdin", action="store_true",
                      help="read the password from standard input instead of asking")
    imported = commands.add_parser("import-desk", help="load a desk's data into an empty server")
    imported.add_argument("--data-dir", required=True, type=Path)
    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int,
                       help="server processes (default 1; one per core, docs/sync.md)")
    serve.add_argument("--tls-cert", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--tls-key", help="the certificate's private key (PEM)")
    escalate = commands.add_parser(
        "escalate", help="run the escalation service (one per server) against a running API")
    escalate.add_argument("--data-dir", type=Path,
                          help="the service's own data folder (a replica, kept between runs)")
    escalate.add_argument("--server", help="the API's URL, e.g. http://127.0.0.1:8765")
    escalate.add_argument("--login", help="an account made with --role escalator")
    escalate.add_argument("--password-stdin", action="store_true",
                          help="read the password from standard input")
    mail = commands.add_parser(
        "mail", help="run the mail service (one per server) against a running API: "
                     "the mailboxes of --config read into tickets")
    mail.add_argument("--data-dir", type=Path,
                      help="the service's own data folder (a replica, kept between runs)")
    mail.add_argument("--server", help="the API's URL, e.g. http://127.0.0.1:8765")
    mail.add_argument("--login", help="an account made with --role mail")
    mail.add_argument("--password-stdin", action="store_true",
                      help="read the password from standard input")
    ami = commands.add_parser(
        "ami", help="run the Asterisk adapter: the PBX's calls from its Manager Interface to "
                    "the API's call events (secrets SEATDESK_AMI_SECRET, SEATDESK_PBX_TOKEN)")
    ami.add_argument("--server", help="the API's URL, e.g. http://127.0.0.1:8765")
    ami.add_argument("--ami-host", help="Asterisk's address (default 127.0.0.1)")
    ami.add_argument("--ami-port", type=int, help="its Manager Interface port (default 5038)")
    ami.add_argument("--ami-user", help="a manager.conf user with read = call")
    return parser


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise SystemExit("the passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    log_as_json()
    file = _config(args.config)
    if args.command == "escalate":
        return _escalate(args, file)
    if args.command == "mail":
        return _mail(args, file)
    if args.command == "ami":
        return _ami(args, file)
    url = _setting(args, file, "db", "")
    if not url:
        print("seatdesk-server: give the database with --db or SEATDESK_DB", file=sys.stderr)
        return 2
    from app.domain.clock import SystemClock
    from app.server.schema import server_engine, upgrade
    from app.store.schema import DatabaseTooNew

    engine = server_engine(url)
    clock = SystemClock()
    try:
        if args.command == "init-db":
            upgrade(engine)
            print("schema up to date")
        elif args.command == "create-user":
            from app.domain.roles import Role
            from app.server.accounts import create_user

            with engine.begin() as conn:
                create_user(conn, clock, args.login, args.name or args.login, Role(args.role),
                            _password(args))
            print(f"user {args.login} created")
        elif args.command == "import-desk":
            from app.paths import DataDir
            from app.server.seeding import import_folder

            count = import_folder(engine, DataDir(args.data_dir), clock)
            print(f"{count} rows imported")
        else:
            return _serve(args, file, url, engine, clock)
    except (ValueError, OSError, DatabaseTooNew) as error:
        print(f"seatdesk-server: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def _serve(args: argparse.Namespace, file: dict[str, Any], url: str, engine: Any,
           clock: Any) -> int:
    import uvicorn

    from app.server.api import create_app

    host = str(_setting(args, file, "host", "127.0.0.1"))
    port = int(_setting(args, file, "port", DEFAULT_PORT))
    workers = int(_setting(args, file, "workers", 1))
    if workers < 1:
        print("seatdesk-server: workers must be at least 1", file=sys.stderr)
        return 2
    # TLS in the server itself, for a desk without a reverse proxy in front.
    cert, key = _setting(args, file, "tls_cert", ""), _setting(args, file, "tls_key", "")
    if bool(cert) != bool(key):
        print("seatdesk-server: give both tls_cert and tls_key, or neither", file=sys.stderr)
        return 2
    # Streams and long-polls would hold a graceful shutdown for up to a minute: desks
    # reconnect anyway.
    options: dict[str, Any] = {
        "host": host, "port": port, "log_config": None, "access_log": False,
        "timeout_graceful_shutdown": 3, "timeout_keep_alive": KEEP_ALIVE,
        "ssl_certfile": cert or None, "ssl_keyfile": key or None,
        # The proxies whose X-Forwarded-For names the client (the chat page's rate limit
        # counts per client address); uvicorn trusts 127.0.0.1 unless told otherwise.
        "forwarded_allow_ips": _setting(args, file, "forwarded_allow_ips", "") or None}
    from app.server.channels.chat_limits import ChatLimits

    limits = ChatLimits.from_settings(lambda name, default: _setting(args, file, name,
                                                                     default))
    if workers > 1:
        # Each worker builds its own app (its own pool, LISTEN connection and feed) from
        # the environment: uvicorn starts them as new processes from an import string.
        engine.dispose()
        os.environ["SEATDESK_DB"] = url
        os.environ.update(limits.environment())
        uvicorn.run("app.server.asgi:create", factory=True, workers=workers, **options)
        return 0
    app = create_app(engine, clock, listen_dsn=url.replace("postgresql+psycopg://",
                                                           "postgresql://"),
                     chat_limits=limits)
    uvicorn.run(app, **options)
    return 0


def _escalate(args: argparse.Namespace, file: dict[str, Any]) -> int:
    """Run the escalation service until SIGINT or SIGTERM."""
    from app.domain.clock import SystemClock
    from app.sla.service import open_service
    from app.sync.client import Offline, Refused

    folder, server = _setting(args, file, "data_dir", ""), _setting(args, file, "server", "")
    login = _setting(args, file, "login", "")
    if not (folder and server and login):
        print("seatdesk-server escalate: give --data-dir, --server and --login",
              file=sys.stderr)
        return 2
    password = _service_password(args, file, str(login))
    try:
        service = open_service(Path(folder), str(server), str(login), password, SystemClock())
    except (ValueError, OSError, Offline, Refused) as error:
        print(f"seatdesk-server escalate: {error}", file=sys.stderr)
        return 1
    service.start()
    _run_until_signalled("seatdesk.escalation", f"escalation service running against {server}")
    service.close()
    return 0


def _service_password(args: argparse.Namespace, file: dict[str, Any], login: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return os.environ.get("SEATDESK_PASSWORD") or str(file.get("password", "")) \
        or getpass.getpass(f"Password of {login}: ")


def _ami(args: argparse.Namespace, file: dict[str, Any]) -> int:
    """Run the Asterisk adapter until SIGINT or SIGTERM."""
    server, user = _setting(args, file, "server", ""), _setting(args, file, "ami_user", "")
    host = str(_setting(args, file, "ami_host", "127.0.0.1"))
    port = int(_setting(args, file, "ami_port", 5038))
    # Secrets only from the environment (the unit's EnvironmentFile), never the command line.
    secret, token = (os.environ.get("SEATDESK_AMI_SECRET", ""),
                     os.environ.get("SEATDESK_PBX_TOKEN", ""))
    if not (server and user):
        print("seatdesk-server ami: give --server and --ami-user", file=sys.stderr)
        return 2
    if not (secret and token):
        print("seatdesk-server ami: set SEATDESK_AMI_SECRET (the AMI user's secret) and "
              "SEATDESK_PBX_TOKEN (the pbx source's token) in the environment",
              file=sys.stderr)
        return 2
    import asyncio
    import signal

    from app.server.channels.ami import AmiBridge, http_post

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(number, stop.set)
        bridge = AmiBridge(http_post(str(server), token), host=host, port=port,
                           username=str(user), secret=secret)
        logging.getLogger("seatdesk.ami").info(
            "AMI adapter: %s:%s to %s", host, port, server)
        await bridge.run(stop)

    asyncio.run(run())
    return 0


def _run_until_signalled(name: str, message: str) -> None:
    import signal
    import threading

    stopping = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda _number, _frame: stopping.set())
    logging.getLogger(name).info(message)
    while not stopping.wait(1.0):  # a timed wait lets the signal handlers run
        pass


def _mail(args: argparse.Namespace, file: dict[str, Any]) -> int:
    """Run the mail service until SIGINT or SIGTERM."""
    from app.domain.clock import SystemClock
    from app.mail.config import mailboxes_of, rules_of, sms_of, smtp_of
    from app.mail.service import open_service
    from app.sync.client import Offline, Refused

    folder, server = _setting(args, file, "data_dir", ""), _setting(args, file, "server", "")
    login = _setting(args, file, "login", "")
    if not (folder and server and login):
        print("seatdesk-server mail: give --data-dir, --server and --login", file=sys.stderr)
        return 2
    try:
        mailboxes, rules = mailboxes_of(file), rules_of(file.get("intake", {}))
        smtp, sms = smtp_of(file), sms_of(file)
    except (TypeError, ValueError) as error:
        print(f"seatdesk-server mail: {args.config or 'no --config'}: {error}",
              file=sys.stderr)
        return 2
    password = _service_password(args, file, str(login))
    try:
        service = open_service(Path(folder), str(server), str(login), password, SystemClock(),
                               mailboxes, rules, smtp, sms)
    except (ValueError, OSError, Offline, Refused) as error:
        print(f"seatdesk-server mail: {error}", file=sys.stderr)
        return 1
    service.start()
    _run_until_signalled("seatdesk.mail", f"mail service running against {server}: "
                         + ", ".join(box.name for box in mailboxes))
    service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
