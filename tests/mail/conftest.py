"""Fixtures of the mail tests: one real Dovecot for the session, a mailbox user per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.mail.dovecot import Dovecot
from tests.mail.smtp import SmtpServer


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    imap = Dovecot.create()
    imap.start()
    yield imap
    imap.remove()


@pytest.fixture
def mailbox_user(dovecot: Dovecot) -> str:
    return dovecot.add_user()


# The sync server over a real PostgreSQL, as the sync tests run it.
from tests.sync.conftest import (  # noqa: E402, F401
    make_desk,
    pg_template,
    server,
    server_clock,
    server_db,
)


@pytest.fixture
def smtp_server(dovecot: Dovecot) -> Iterator[SmtpServer]:
    """A real SMTP server requiring STARTTLS, with the Dovecot fixture's certificate."""
    server_ = SmtpServer(dovecot.root / "cert.pem", dovecot.root / "key.pem")
    server_.start()
    yield server_
    server_.stop()
