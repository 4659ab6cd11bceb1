"""``seatdesk-server serve`` as the packaged service runs it: configured by a TOML file, and
serving HTTPS itself when the desk has no reverse proxy in front."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.sync.conftest import create_database, drop_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database() -> Iterator[str]:
    name = f"seatdesk_serve_{os.getpid()}"
    yield create_database(name)
    drop_database(name)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "server.crt", folder / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def _serve(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "app.server.cli", "--config", str(config),
                             "serve"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_the_server_serves_https_from_its_config_file(database: str, tmp_path: Path) -> None:
    cert, key = _certificate(tmp_path)
    port = _free_port()
    config = tmp_path / "server.toml"
    config.write_text(f'db = "{database}"\nhost = "127.0.0.1"\nport = {port}\n'
                      f'tls_cert = "{cert}"\ntls_key = "{key}"\n', encoding="utf-8")
    server = _serve(config)
    try:
        deadline, answer = time.monotonic() + 60, None
        while answer is None and time.monotonic() < deadline:
            assert server.poll() is None, server.communicate()[1]
            try:
                answer = requests.get(f"https://127.0.0.1:{port}/v1/health", verify=str(cert),
                                      timeout=2)
            except requests.ConnectionError:
                time.sleep(0.2)
        assert answer is not None and answer.json()["status"] == "ok"
        with pytest.raises(requests.ConnectionError):  # no plain HTTP beside it
            requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=2)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_certificate_without_its_key_is_refused_with_a_message(database: str,
                                                                 tmp_path: Path) -> None:
    cert, _key = _certificate(tmp_path)
    config = tmp_path / "server.toml"
    config.write_text(f'db = "{database}"\nport = {_free_port()}\ntls_cert = "{cert}"\n',
                      encoding="utf-8")
    done = _serve(config)
    _out, err = done.communicate(timeout=60)
    assert done.returncode == 2
    assert "give both tls_cert and tls_key" in err
    assert "Traceback" not in err


def test_the_chat_limit_is_configured_and_counts_the_forwarded_address(
        database: str, tmp_path: Path) -> None:
    """``chat_starts_per_hour`` from the TOML file, in every worker of two (the counts are in
    PostgreSQL), per client address as the proxy forwards it."""
    port = _free_port()
    config = tmp_path / "server.toml"
    config.write_text(f'db = "{database}"\nport = {port}\nworkers = 2\n'
                      'forwarded_allow_ips = "127.0.0.1"\nchat_starts_per_hour = 2\n',
                      encoding="utf-8")
    server = _serve(config)
    url = f"http://127.0.0.1:{port}"

    def start(address: str) -> int:
        return requests.post(f"{url}/v1/chat/start", timeout=10,
                             headers={"X-Forwarded-For": address},
                             json={"name": "李明", "contact": "13900000001"}).status_code

    try:
        deadline, up = time.monotonic() + 60, False
        while not up and time.monotonic() < deadline:
            assert server.poll() is None, server.communicate()[1]
            try:
                up = requests.get(f"{url}/v1/health", timeout=2).ok
            except requests.ConnectionError:
                time.sleep(0.2)
        # Several requests, so both workers answer some.
        assert [start("203.0.113.5") for _ in range(4)] == [201, 201, 429, 429]
        assert start("203.0.113.6") == 201
    finally:
        server.terminate()
        server.wait(timeout=30)
