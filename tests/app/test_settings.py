from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.settings import Settings, SettingsFile, resolve_language


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    assert SettingsFile(tmp_path / "settings.json").settings == Settings()


def test_update_writes_and_notifies(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    heard: list[Settings] = []
    settings = SettingsFile(path)
    settings.subscribe(heard.append)
    settings.update(language="en", last_page="rota")
    assert [s.last_page for s in heard] == ["rota"]
    reread = SettingsFile(path).settings
    assert reread.language == "en" and reread.last_page == "rota"
    assert not path.with_suffix(".partial").exists()


def test_an_older_files_desk_wide_values_are_kept_until_adopted(tmp_path: Path) -> None:
    """Desk-wide settings moved to the database (app/desk_settings.py): an older file's
    values for them survive every save until the desk has adopted them."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "backups_kept": 3,
                                "grading": {"urgency": 0.5}}))
    settings = SettingsFile(path)
    assert settings.moved == {"backups_kept": 3, "grading": {"urgency": 0.5}}
    settings.update(last_page="rota")
    assert json.loads(path.read_text())["backups_kept"] == 3
    settings.forget_moved()
    assert "backups_kept" not in json.loads(path.read_text())
    assert SettingsFile(path).moved == {}


def test_bad_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "notification_sound": "loud", "language": 8, "unknown": 1, "version": 1.5,
    }))
    settings = SettingsFile(path).settings
    assert settings.notification_sound is False
    assert settings.language == ""
    assert settings.version == Settings().version


def test_a_corrupt_file_does_not_stop_the_desk(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert SettingsFile(path).settings == Settings()


@pytest.mark.parametrize(
    ("requested", "configured", "system", "expected"),
    [(None, "", "zh_CN", "zh_CN"), (None, "", "zh_TW", "zh_CN"), (None, "", "en_US", "en"),
     (None, "", "C", "en"), (None, "en", "zh_CN", "en"), ("zh_CN", "en", "en_US", "zh_CN")],
)
def test_language_choice(requested: str | None, configured: str, system: str,
                         expected: str) -> None:
    assert resolve_language(requested, configured, system) == expected


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        resolve_language("fr", "", "en_US")
