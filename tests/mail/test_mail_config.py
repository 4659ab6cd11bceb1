"""mail.toml: the packaged example reads as written; mistakes stop the service with the
setting named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.mail.config import mailboxes_of, rules_of, smtp_of
from app.server.cli import main

EXAMPLE = Path(__file__).parents[2] / "packaging/deb/server/mail.toml"


def test_the_packaged_example_reads_as_documented_once_completed() -> None:
    # As an administrator completes it: the mailbox's password filled in.
    file = tomllib.loads(EXAMPLE.read_text().replace('password = ""', 'password = "secret"'))
    [box] = mailboxes_of(file)
    assert (box.name, box.port, box.security, box.after, box.idle) == (
        "support", 993, "ssl", "flag", True)
    rules = rules_of(file["intake"])
    smtp = smtp_of(file)
    assert smtp is not None and (smtp.port, smtp.security, smtp.domain) == (
        587, "starttls", "example.gov.cn")
    assert (rules.attachment_limit, rules.per_sender_per_hour) == (10 * 1024 * 1024, 30)


@pytest.mark.parametrize(("text", "message"), [
    ("", "names no [[mailbox]]"),
    ('[[mailbox]]\nname="a"\nhost="h"\nuser="u"\n', "needs password"),
    ('[[mailbox]]\nname="a"\nhost="h"\nuser="u"\npassword="p"\nsecurity="tls"\n',
     "security is one of"),
    ('[[mailbox]]\nname="a"\nhost="h"\nuser="u"\npassword="p"\nfolders="x"\n',
     "unknown settings: folders"),
])
def test_a_wrong_configuration_is_refused_naming_the_setting(
        text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "mail.toml"
    config.write_text('server = "http://127.0.0.1:1"\ndata_dir = "x"\nlogin = "mail"\n' + text)
    assert main(["--config", str(config), "mail"]) == 2
    assert message in capsys.readouterr().err
