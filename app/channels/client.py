"""Alert sources and rules as a connected administrator's desk reads and changes them on
the sync server (``/v1/alerts/...``); every call raises ``Refused`` or ``Offline`` like the
other server calls."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from app.sync.client import ServerClient


@dataclass(frozen=True)
class AlertSource:
    id: str
    name: str
    kind: str  # alertmanager | zabbix
    active: bool
    storm_threshold: int
    storm_window: int
    token: str | None = None  # only in the answer that made or replaced it

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> AlertSource:
        return cls(str(body["id"]), str(body["name"]), str(body["kind"]), bool(body["active"]),
                   int(body["storm_threshold"]), int(body["storm_window"]),
                   body.get("token"))


@dataclass(frozen=True)
class AlertRule:
    label: str
    pattern: str
    type_code: str
    category_code: str
    level: int
    resolve: bool = False
    source_id: str | None = None

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> AlertRule:
        return cls(str(body["label"]), str(body["pattern"]), str(body["type_code"]),
                   str(body["category_code"]), int(body["level"]), bool(body["resolve"]),
                   body.get("source_id"))


def list_sources(client: ServerClient) -> list[AlertSource]:
    return [AlertSource.from_json(s) for s in client.call("GET", "/v1/alerts/sources")]


def create_source(client: ServerClient, name: str, kind: str, *, storm_threshold: int = 20,
                  storm_window: int = 300) -> AlertSource:
    """A new source; its ``token`` is in this answer only."""
    return AlertSource.from_json(client.call("POST", "/v1/alerts/sources", json={
        "name": name, "kind": kind, "storm_threshold": storm_threshold,
        "storm_window": storm_window}))


def replace_token(client: ServerClient, source_id: str) -> AlertSource:
    return AlertSource.from_json(client.call("POST", f"/v1/alerts/sources/{source_id}/token"))


def set_active(client: ServerClient, source_id: str, active: bool) -> AlertSource:
    return AlertSource.from_json(client.call("PUT", f"/v1/alerts/sources/{source_id}",
                                             json={"active": active}))


def read_rules(client: ServerClient) -> list[AlertRule]:
    return [AlertRule.from_json(r) for r in client.call("GET", "/v1/alerts/rules")["rules"]]


def save_rules(client: ServerClient, rules: list[AlertRule]) -> list[AlertRule]:
    """The whole rule book, in order (first match wins)."""
    answer = client.call("PUT", "/v1/alerts/rules",
                         json={"rules": [asdict(rule) for rule in rules]})
    return [AlertRule.from_json(r) for r in answer["rules"]]
