"""Stage a PyInstaller bundle as a Debian package and build it with ``dpkg-deb``.

    python packaging/deb/make_deb.py desk|server BUNDLE_DIR OUT_DIR

The architecture is the build machine's (``dpkg --print-architecture``): the same command
on an ARM64 machine builds the ARM64 package from an ARM64 bundle.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def _version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def _size_kib(folder: Path) -> int:
    # PyInstaller links some libraries twice by symlink: count each file once.
    return sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) // 1024 + 1


def _control(kind: str, stage: Path) -> None:
    debian = stage / "DEBIAN"
    debian.mkdir(parents=True)
    text = (HERE / kind / "control").read_text(encoding="utf-8")
    text = (text.replace("@VERSION@", _version()).replace("@ARCH@", _architecture())
            .replace("@SIZE@", str(_size_kib(stage))))
    (debian / "control").write_text(text, encoding="utf-8")
    for script in ("preinst", "postinst", "prerm", "postrm", "conffiles"):
        source = HERE / kind / script
        if source.exists():
            shutil.copy2(source, debian / script)
            (debian / script).chmod(0o644 if script == "conffiles" else 0o755)


def _link(stage: Path, command: str, target: str) -> None:
    bin_dir = stage / "usr/bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    (bin_dir / command).symlink_to(target)


def _stage_desk(bundle: Path, stage: Path) -> None:
    shutil.copytree(bundle, stage / "opt/seatdesk", symlinks=True)
    _link(stage, "seatdesk", "/opt/seatdesk/seatdesk")
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    shutil.copy2(ROOT / "packaging/linux/seatdesk.desktop", apps / "seatdesk.desktop")
    icons = stage / "usr/share/icons/hicolor/scalable/apps"
    icons.mkdir(parents=True)
    shutil.copy2(ROOT / "packaging/linux/seatdesk.svg", icons / "seatdesk.svg")
    _docs(stage, "seatdesk", ["README.md"])


def _stage_server(bundle: Path, stage: Path) -> None:
    shutil.copytree(bundle, stage / "opt/seatdesk-server", symlinks=True)
    _link(stage, "seatdesk-server", "/opt/seatdesk-server/seatdesk-server")
    etc = stage / "etc/seatdesk"
    etc.mkdir(parents=True)
    shutil.copy2(HERE / "server/server.toml", etc / "server.toml")
    shutil.copy2(HERE / "server/escalate.env", etc / "escalate.env")
    shutil.copy2(HERE / "server/mail.toml", etc / "mail.toml")
    shutil.copy2(HERE / "server/mail.env", etc / "mail.env")
    shutil.copy2(HERE / "server/ami.env", etc / "ami.env")
    units = stage / "usr/lib/systemd/system"
    units.mkdir(parents=True)
    for unit in sorted((HERE / "server").glob("*.service")):
        shutil.copy2(unit, units / unit.name)
    _docs(stage, "seatdesk-server", ["docs/operations.md", "docs/sync.md", "docs/mail.md",
                                       "docs/channels.md"])


def _docs(stage: Path, package: str, files: list[str]) -> None:
    doc = stage / "usr/share/doc" / package
    doc.mkdir(parents=True)
    for name in files:
        shutil.copy2(ROOT / name, doc / Path(name).name)


def build(kind: str, bundle: Path, out: Path) -> Path:
    package = {"desk": "seatdesk", "server": "seatdesk-server"}[kind]
    stage = out / f"stage-{package}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    (_stage_desk if kind == "desk" else _stage_server)(bundle, stage)
    _control(kind, stage)
    target = out / f"{package}_{_version()}_{_architecture()}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage),
                    str(target)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("desk", "server"):
        raise SystemExit(__doc__)
    print(build(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])))
