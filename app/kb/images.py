"""Images of articles live in the desk's own folder (``<data>/kb-images``); Markdown refers
to them by file name, and the viewer resolves names there. Import copies the images a
file links relatively; export copies them back next to the files.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

FOLDER = "kb-images"
_IMAGE = re.compile(r"(!\[[^\]]*\]\()([^)\s]+)(\))")


def images_folder(data_root: Path) -> Path:
    """Where a desk keeps article images."""
    return data_root / FOLDER


def _is_local(target: str) -> bool:
    return "://" not in target and not target.startswith(("data:", "/", "#"))


def adopt_images(markdown: str, source: Path, images: Path) -> str:
    """Copy the images ``markdown`` (read from file ``source``) links relatively into
    ``images`` and point the links at the copies; links to missing files stay as written."""

    def copy(found: re.Match[str]) -> str:
        target = found.group(2)
        if not _is_local(target):
            return found.group(0)
        original = (source.parent / target).resolve()
        if not original.is_file():
            return found.group(0)
        digest = hashlib.sha1(original.read_bytes()).hexdigest()[:10]  # noqa: S324 (a name)
        name = f"{digest}-{original.name}"
        images.mkdir(parents=True, exist_ok=True)
        if not (images / name).exists():
            shutil.copyfile(original, images / name)
        return f"{found.group(1)}{name}{found.group(3)}"

    return _IMAGE.sub(copy, markdown)


def export_images(markdown: str, images: Path, folder: Path) -> None:
    """Copy the desk images ``markdown`` links into ``folder`` (where its file is written)."""
    for found in _IMAGE.finditer(markdown):
        name = found.group(2)
        if _is_local(name) and "/" not in name and (images / name).is_file():
            shutil.copyfile(images / name, folder / name)
