"""The packages as a government desk's IT installs them: into a clean Debian root made by
``debootstrap``, with ``apt-get install ./package.deb`` resolving the declared Depends
from Debian's archive, so a missing dependency shows up here and not on a seat's machine.

Run by ``packaging/build --test`` (root, debootstrap and PostgreSQL on 127.0.0.1:5432), not
by the normal test command: building and installing takes minutes.
"""

from __future__ import annotations

import os
import shutil
import socket
import struct
import subprocess
import time
import urllib.request
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ROOT / "dist" / "packages"
CHROOT = ROOT / "build" / "debian-root"
SUITE = os.environ.get("SEATDESK_DEBIAN_SUITE", "bookworm")
MIRROR = os.environ.get("SEATDESK_DEBIAN_MIRROR", "http://deb.debian.org/debian")
PG = os.environ.get("SEATDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _run(*args: str, timeout: float = 900, check: bool = True,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                            check=False, env=env)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(args)} exited {result.returncode}:\n{result.stdout[-3000:]}"
                    f"\n{result.stderr[-3000:]}", pytrace=False)
    return result


def _in_root(*args: str, timeout: float = 900, check: bool = True
             ) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "LANG": "C.UTF-8",
           "DEBIAN_FRONTEND": "noninteractive"}
    return _run("chroot", str(CHROOT), *args, timeout=timeout, check=check, env=env)


def _package(name: str) -> Path:
    found = sorted(PACKAGES.glob(f"{name}_*.deb"))
    if not found:
        pytest.fail(f"no {name} package in {PACKAGES}: run packaging/build first",
                    pytrace=False)
    return found[-1]


@pytest.fixture(scope="session")
def debian_root() -> Iterator[Path]:
    """A minimal Debian with only what debootstrap's minbase brings, made once per run."""
    if shutil.which("debootstrap") is None:
        pytest.fail("debootstrap is needed (apt-get install debootstrap)", pytrace=False)
    shutil.rmtree(CHROOT, ignore_errors=True)
    CHROOT.parent.mkdir(parents=True, exist_ok=True)
    _run("debootstrap", "--variant=minbase", SUITE, str(CHROOT), MIRROR, timeout=1800)
    shutil.copy2("/etc/resolv.conf", CHROOT / "etc/resolv.conf")
    _run("mount", "-t", "proc", "proc", str(CHROOT / "proc"))
    try:
        _in_root("apt-get", "update", "-qq")
        for deb in (_package("seatdesk"), _package("seatdesk-server")):
            shutil.copy2(deb, CHROOT / "tmp" / deb.name)
        yield CHROOT
    finally:
        _run("umount", str(CHROOT / "proc"), check=False)


def _install(name: str) -> None:
    deb = _package(name)
    _in_root("apt-get", "install", "-y", "-qq", "--no-install-recommends", f"/tmp/{deb.name}")


def _png_text(path: Path) -> dict[str, str]:
    """The tEXt chunks of a PNG (Qt writes long values compressed, as zTXt)."""
    data, texts, at = path.read_bytes(), {}, 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            texts[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _language, _, rest = rest.partition(b"\0")
            _translated, _, value = rest.partition(b"\0")
            texts[key.decode("latin-1")] = (zlib.decompress(value) if compressed
                                            else value).decode("utf-8")
        at += 12 + length
    return texts


def _screenshot(data_dir: str, png: str) -> dict[str, str]:
    started = time.monotonic()
    result = _in_root("env", "QT_QPA_PLATFORM=offscreen", "seatdesk", "--data-dir", data_dir,
                      "--lang", "zh_CN", "--screenshot", png, timeout=300)
    assert "Traceback" not in result.stderr
    print(f"installed desk: first start with demo data and screenshot in "
          f"{time.monotonic() - started:.1f} s")
    picture = CHROOT / png.lstrip("/")
    shutil.copy2(picture, PACKAGES / "installed-desk-zh_CN.png")
    width, height = struct.unpack(">II", picture.read_bytes()[16:24])
    assert (width, height) == (1440, 900)
    return _png_text(picture)


def test_the_installed_desk_starts_in_chinese_on_a_new_data_folder(debian_root: Path) -> None:
    _install("seatdesk")
    assert (debian_root / "usr/share/applications/seatdesk.desktop").is_file()
    assert (debian_root / "usr/share/icons/hicolor/scalable/apps/seatdesk.svg").is_file()
    bundled = debian_root / "opt/seatdesk/_internal"
    for part in ("PySide6/Qt/translations/qtbase_zh_CN.qm",  # Qt's own dialogs in Chinese
                 "resources/translations/seatdesk_zh_CN.qm", "resources/sounds/notify.wav",
                 "PySide6/Qt/plugins/platforms/libqxcb.so", "ortools/sat"):
        assert (bundled / part).exists(), part
    shown = _screenshot("/root/seatdesk-data", "/tmp/desk.png")
    assert shown["Seatdesk-Page"] == "queues"
    navigation = shown["Seatdesk-Navigation"].split("|")
    assert navigation[0] == "队列", navigation  # the queues, in Chinese
    assert (debian_root / "root/seatdesk-data/seatdesk.sqlite3").stat().st_size > 1_000_000


def test_an_upgrade_keeps_the_data_and_removal_keeps_it_too(debian_root: Path,
                                                           tmp_path: Path) -> None:
    _install("seatdesk")
    data = debian_root / "root/upgrade-data"
    _screenshot("/root/upgrade-data", "/tmp/before.png")
    before = (data / "seatdesk.sqlite3").stat().st_size
    # The same package with a newer version number, as the next release would be.
    unpacked = tmp_path / "unpacked"
    _run("dpkg-deb", "-R", str(_package("seatdesk")), str(unpacked))
    control = unpacked / "DEBIAN" / "control"
    lines = control.read_text().splitlines()
    lines = [f"{line}+next" if line.startswith("Version:") else line for line in lines]
    control.write_text("\n".join(lines) + "\n")
    _run("dpkg-deb", "--root-owner-group", "-b", str(unpacked), str(debian_root / "tmp/next.deb"))
    _in_root("apt-get", "install", "-y", "-qq", "/tmp/next.deb")
    assert "+next" in _in_root("dpkg-query", "-W", "-f=${Version}", "seatdesk").stdout
    assert (data / "seatdesk.sqlite3").stat().st_size >= before
    assert _screenshot("/root/upgrade-data", "/tmp/after.png")["Seatdesk-Page"] == "queues"
    _in_root("apt-get", "purge", "-y", "-qq", "seatdesk")
    assert not (debian_root / "opt/seatdesk").exists()
    assert (data / "seatdesk.sqlite3").is_file()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server_database() -> Iterator[str]:
    name = f"seatdesk_pkg_{uuid.uuid4().hex[:8]}"
    admin = PG.rsplit("/", 1)[0]
    _run("psql", PG, "-c", f'CREATE DATABASE "{name}"')
    yield f"{admin}/{name}"
    _run("psql", PG, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', check=False)


def test_the_installed_server_answers_health_as_its_own_user(debian_root: Path,
                                                             server_database: str) -> None:
    _install("seatdesk-server")
    assert "seatdesk" in _in_root("getent", "passwd", "seatdesk").stdout
    for unit in ("seatdesk-server.service", "seatdesk-escalate.service",
                 "seatdesk-mail.service"):
        text = (debian_root / "usr/lib/systemd/system" / unit).read_text()
        assert "User=seatdesk" in text and "Restart=on-failure" in text
    config = debian_root / "etc/seatdesk/server.toml"
    port = _free_port()
    config.write_text(config.read_text().replace(
        'db = "postgresql://seatdesk@127.0.0.1:5432/seatdesk"', f'db = "{server_database}"')
        .replace("port = 8765", f"port = {port}"))
    _in_root("seatdesk-server", "--config", "/etc/seatdesk/server.toml", "init-db")
    serve = subprocess.Popen(
        ["chroot", "--userspec=seatdesk:seatdesk", str(debian_root),
         "/usr/bin/seatdesk-server", "--config", "/etc/seatdesk/server.toml", "serve"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        body = _health(port, serve)
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    assert b'"ok"' in body or b"ok" in body.lower()


def _health(port: int, serve: subprocess.Popen[str]) -> bytes:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if serve.poll() is not None:
            pytest.fail(f"the server stopped: {serve.stderr.read() if serve.stderr else ''}",
                        pytrace=False)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                assert r.status == 200
                return r.read()
        except OSError:
            time.sleep(0.3)
    pytest.fail("the installed server did not answer /v1/health within 60 s", pytrace=False)
