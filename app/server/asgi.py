"""The app of one server worker process (``seatdesk-server serve --workers N``): uvicorn
starts each worker from this import string, with the database in ``SEATDESK_DB``."""

from __future__ import annotations

import os

from fastapi import FastAPI

from app.domain.clock import SystemClock
from app.server.api import create_app
from app.server.channels.chat_limits import ChatLimits
from app.server.cli import log_as_json
from app.server.schema import server_engine


def create() -> FastAPI:
    log_as_json()
    url = os.environ["SEATDESK_DB"]
    limits = ChatLimits.from_settings(
        lambda name, default: os.environ.get(f"SEATDESK_{name.upper()}") or default)
    return create_app(server_engine(url), SystemClock(),
                      listen_dsn=url.replace("postgresql+psycopg://", "postgresql://"),
                      chat_limits=limits)
