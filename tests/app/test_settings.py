from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.grading import GradingWeights
from app.settings import Settings, SettingsFile, resolve_language


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    assert SettingsFile(tmp_path / "settings.json").settings == Settings()


def test_update_writes_and_notifies(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    heard: list[Settings] = []
    settings = SettingsFile(path)
    settings.subscribe(heard.append)
    settings.update(language="en", backups_kept=3)
    assert [s.backups_kept for s in heard] == [3]
    reread = SettingsFile(path).settings
    assert reread.language == "en" and reread.backups_kept == 3
    assert not path.with_suffix(".partial").exists()


def test_grading_weights_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    weights = GradingWeights(urgency=0.5, impact=0.25, importance=0.25)
    SettingsFile(path).update(grading=weights)
    assert SettingsFile(path).settings.grading == weights


def test_bad_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "backups_kept": "many", "time_zone": 8, "unknown": 1,
        "backup_interval_hours": 2, "grading": {"urgency": -5},
    }))
    settings = SettingsFile(path).settings
    assert settings.backups_kept == Settings().backups_kept
    assert settings.time_zone == "Asia/Shanghai"
    assert settings.backup_interval_hours == 2.0
    assert settings.grading == GradingWeights()


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
