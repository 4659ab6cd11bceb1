"""The alert payloads the server takes, read into one shape (``Report``).

- Prometheus Alertmanager's webhook (``version`` "4"): a group of alerts, each with its
  ``status`` (firing / resolved), ``labels``, ``annotations``, ``startsAt`` and
  ``fingerprint`` (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
- Zabbix: a webhook media type posts what its script builds from macros; the server takes
  the object documented in docs/channels.md (``event_id`` = {EVENT.ID}, ``status`` =
  {EVENT.STATUS} or {EVENT.VALUE}, ``severity``, ``host``, ``trigger``, ``message``,
  ``tags``). {EVENT.ID} names the problem in its recovery message too, so it is the
  fingerprint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

NO_NUL = r"^[^\x00]*$"
MAX_ALERTS = 1000  # per request; Alertmanager's max_alerts caps its groups the same way
Text = Field(default="", max_length=2000, pattern=NO_NUL)


class _Open(BaseModel):
    # Senders add fields over the versions; unknown ones are ignored, not refused.
    model_config = ConfigDict(extra="ignore")


class AlertmanagerAlert(_Open):
    status: str = Field(pattern="^(firing|resolved)$")
    labels: dict[str, str] = Field(default_factory=dict, max_length=100)
    annotations: dict[str, str] = Field(default_factory=dict, max_length=100)
    startsAt: str = Field(default="", max_length=40, pattern=NO_NUL)  # noqa: N815
    fingerprint: str = Field(default="", max_length=200, pattern=NO_NUL)


class AlertmanagerBody(_Open):
    version: str = Field(default="4", max_length=10)
    status: str = Field(default="firing", pattern="^(firing|resolved)$")
    alerts: list[AlertmanagerAlert] = Field(max_length=MAX_ALERTS)


class ZabbixBody(_Open):
    event_id: str = Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z_.:-]+$")
    # {EVENT.STATUS} ("PROBLEM" / "RESOLVED") or {EVENT.VALUE} ("1" / "0").
    status: str = Field(pattern="^(PROBLEM|RESOLVED|OK|UPDATE|1|0)$")
    severity: str = Field(default="", max_length=40, pattern=NO_NUL)
    host: str = Field(default="", max_length=200, pattern=NO_NUL)
    trigger: str = Field(default="", max_length=400, pattern=NO_NUL)
    message: str = Text
    tags: dict[str, str] = Field(default_factory=dict, max_length=100)


@dataclass(frozen=True)
class Report:
    """One alert as received: ``occurrence`` tells a resend (same) from a new firing."""

    fingerprint: str
    firing: bool
    labels: dict[str, str]
    title: str
    detail: str
    occurrence: str


def _check_text(values: dict[str, str]) -> None:
    for name, value in values.items():
        if "\x00" in name or "\x00" in value or len(name) > 200 or len(value) > 4000:
            raise ValueError("labels and annotations are text without NUL, at most 4000 "
                             "characters")


def from_alertmanager(body: AlertmanagerBody) -> list[Report]:
    reports = []
    for alert in body.alerts:
        _check_text(alert.labels)
        _check_text(alert.annotations)
        # Alertmanager computes the fingerprint from the labels; an older one without the
        # field gets the same identity from the sorted labels.
        fingerprint = alert.fingerprint or "|".join(
            f"{k}={v}" for k, v in sorted(alert.labels.items()))[:200]
        if not fingerprint:
            raise ValueError("an alert needs a fingerprint or labels")
        name = alert.labels.get("alertname", "alert")
        where = alert.labels.get("instance") or alert.labels.get("job", "")
        summary = alert.annotations.get("summary", "")
        title = " - ".join(part for part in (name, where, summary) if part)
        detail = alert.annotations.get("description", "") or summary
        reports.append(Report(fingerprint, alert.status == "firing", dict(alert.labels),
                              title[:200], _labels_text(alert.labels, detail),
                              alert.startsAt))
    return reports


def from_zabbix(body: ZabbixBody) -> list[Report]:
    _check_text(body.tags)
    labels = {**body.tags, "severity": body.severity, "host": body.host,
              "trigger": body.trigger}
    firing = body.status in ("PROBLEM", "1", "UPDATE")
    title = " - ".join(part for part in (body.trigger or "Zabbix problem", body.host) if part)
    # One problem event per occurrence: its id is the occurrence and the fingerprint alike.
    return [Report(body.event_id, firing, labels, title[:200],
                   _labels_text(labels, body.message), body.event_id)]


def _labels_text(labels: dict[str, str], detail: str) -> str:
    listed = "\n".join(f"{k}: {v}" for k, v in sorted(labels.items()) if v)
    return f"{detail}\n\n{listed}".strip()[:4000]


def severity_level(labels: dict[str, Any]) -> int:
    """The level of an alert no rule maps: the severity words of Alertmanager's usual
    labels and Zabbix's severities."""
    severity = str(labels.get("severity", "")).lower()
    if severity in ("critical", "disaster", "high", "page", "emergency", "fatal"):
        return 1
    if severity in ("warning", "average", "major", "error"):
        return 2
    return 3
