"""A real Dovecot IMAP server for the mail tests and the benchmark: Debian's dovecot-imapd
started in the foreground on free ports, in a folder of its own, with a self-signed
certificate for IMAPS and STARTTLS; mail is delivered to it with IMAP APPEND."""

from __future__ import annotations

import datetime as dt
import imaplib
import ipaddress
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.mail.imap import MailboxConfig

DOVECOT = "/usr/sbin/dovecot"
PASSWORD = "mail-secret-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


_CONF = """
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {ssl_port}
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
"""


@dataclass
class Dovecot:
    root: Path
    port: int
    ssl_port: int
    cafile: Path
    process: subprocess.Popen[bytes] | None = None
    users: int = 0

    @classmethod
    def create(cls) -> Dovecot:
        if not Path(DOVECOT).exists():
            raise RuntimeError("Dovecot is missing: apt-get install dovecot-imapd "
                               "(.ci/run installs it)")
        # Not pytest's tmp_path: it is private to root, and Dovecot's mail processes run as
        # the dovecot user.
        root = Path(tempfile.mkdtemp(prefix="seatdesk-dovecot-"))
        root.chmod(0o755)
        account = pwd.getpwnam("dovecot")
        for name in ("run", "state", "mail"):
            (root / name).mkdir()
        os.chown(root / "mail", account.pw_uid, account.pw_gid)
        # Every account up front: Dovecot may not notice a passwd-file changed within the
        # same second it last read it.
        (root / "users").write_text("".join(f"desk{n}:{{PLAIN}}{PASSWORD}\n"
                                            for n in range(1, 201)))
        cert, key = _certificate(root)
        server = cls(root, free_port(), free_port(), cert)
        (root / "dovecot.conf").write_text(_CONF.format(
            root=root, cert=cert, key=key, uid=account.pw_uid, gid=account.pw_gid,
            port=server.port, ssl_port=server.ssl_port))
        return server

    def start(self) -> None:
        # A session of its own: stopping it ends its login and mail processes too, so the
        # clients' connections drop as when a mail server goes down.
        self.process = subprocess.Popen([DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        start_new_session=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    error = self.process.stderr.read() if self.process.stderr else b""
                    raise RuntimeError(f"Dovecot did not start: {error!r}") from None
                time.sleep(0.05)
        raise RuntimeError("Dovecot did not open its port")

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.process is not None:
            group = self.process.pid  # the session leader's pid is its group's id
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                self.process.wait(15)
            try:
                os.killpg(group, signal.SIGKILL)  # whatever of it is left
            except ProcessLookupError:
                pass
        self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def add_user(self) -> str:
        """A mailbox of its own (the accounts desk1 ... desk200)."""
        self.users += 1
        return f"desk{self.users}"

    def config(self, user: str, *, security: str = "none", **changes: object) -> MailboxConfig:
        values: dict[str, object] = dict(
            name=f"support-{user}", host="127.0.0.1", user=user, password=PASSWORD,
            port=self.ssl_port if security == "ssl" else self.port, security=security,
            cafile=str(self.cafile), poll_seconds=0.5)
        values.update(changes)
        return MailboxConfig(**values)  # type: ignore[arg-type]

    def client(self, user: str) -> imaplib.IMAP4:
        imap = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        imap.login(user, PASSWORD)
        return imap

    def deliver(self, user: str, raw: bytes, *, folder: str = "INBOX",
                when: dt.datetime | None = None) -> None:
        """Put a message into the mailbox as a mail server would (APPEND)."""
        imap = self.client(user)
        try:
            stamp = imaplib.Time2Internaldate(when or dt.datetime.now(dt.UTC))
            typ, data = imap.append(folder, "", stamp, raw)
            if typ != "OK":
                raise RuntimeError(f"APPEND failed: {data!r}")
        finally:
            imap.logout()

    def deliver_many(self, user: str, raws: list[bytes]) -> None:
        """Many messages over one connection (the benchmark's 1 000)."""
        imap = self.client(user)
        try:
            for raw in raws:
                typ, data = imap.append("INBOX", "", None, raw)
                if typ != "OK":
                    raise RuntimeError(f"APPEND failed: {data!r}")
        finally:
            imap.logout()

    def flags(self, user: str, folder: str = "INBOX") -> list[str]:
        """Each message's flags, in UID order."""
        imap = self.client(user)
        try:
            imap.select(f'"{folder}"')
            typ, data = imap.uid("FETCH", "1:*", "(FLAGS)")
            return [item.decode() for item in data if isinstance(item, bytes)]
        finally:
            imap.logout()

    def count(self, user: str, folder: str = "INBOX") -> int:
        imap = self.client(user)
        try:
            typ, data = imap.select(f'"{folder}"', readonly=True)
            return int(data[0]) if typ == "OK" and data[0] else 0
        finally:
            imap.logout()
