"""Messages by SMS through the desk's gateway: Chinese SMS gateways are HTTP APIs, each
with its own request, so the request is a template (the ``[sms]`` table of mail.toml): the
URL, method, headers and body with ``{phone}`` and ``{text}``, filled with the values
escaped for the body's content type; the answer must be 2xx and, if ``success`` is given,
contain it. A 429, 5xx or no answer is tried again later like an SMTP outage."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import quote

import requests

TEXT_MAX = 300  # characters: a few SMS parts at most


class GatewayBusy(Exception):  # noqa: N818 - an outcome: try again later
    """The gateway did not take the message now."""


@dataclass(frozen=True)
class SmsConfig:
    url: str
    method: str = "POST"
    content_type: str = "application/json"
    body: str = '{"phone": "{phone}", "text": "{text}"}'
    headers: dict[str, str] = field(default_factory=dict)
    success: str = ""
    timeout: float = 10.0


def _escaped(value: str, content_type: str) -> str:
    if "json" in content_type:
        return json.dumps(value, ensure_ascii=False)[1:-1]
    if "urlencoded" in content_type:
        return quote(value, safe="")
    return value


def request_body(config: SmsConfig, phone: str, text: str) -> str:
    values = {"phone": phone, "text": text[:TEXT_MAX]}
    body = config.body
    for name, value in values.items():
        body = body.replace("{" + name + "}", _escaped(value, config.content_type))
    return body


def send_sms(config: SmsConfig, phone: str, text: str) -> None:
    """Hand one SMS to the gateway; ``GatewayBusy`` when later may work, ``ValueError``
    when the gateway refused it for good."""
    url = config.url.replace("{phone}", quote(phone, safe="")) \
        .replace("{text}", quote(text[:TEXT_MAX], safe=""))
    try:
        answer = requests.request(
            config.method, url, data=request_body(config, phone, text).encode(),
            headers={"Content-Type": f"{config.content_type}; charset=utf-8",
                     **config.headers}, timeout=config.timeout)
    except requests.RequestException as error:
        raise GatewayBusy(f"{type(error).__name__}: {error}") from error
    if answer.status_code == 429 or answer.status_code >= 500:
        raise GatewayBusy(f"gateway answered {answer.status_code}")
    if answer.status_code >= 300:
        raise ValueError(f"gateway refused: {answer.status_code} {answer.text[:200]}")
    if config.success and config.success not in answer.text:
        raise ValueError(f"gateway did not confirm: {answer.text[:200]}")
