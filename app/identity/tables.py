"""Local accounts of a standalone desk (schema 0007). Never synced: password hashes stay
where they were made (a connected desk signs in with the server's accounts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import ID, Base
from app.store.types import UTCDateTime


class DeskAccountRow(Base):
    """An account on this desk: its login is the login of exactly one staff member."""

    __tablename__ = "desk_accounts"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(24))  # app.domain.roles.Role
    password_hash: Mapped[str] = mapped_column(String(200), default="")  # "" = none set yet
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    password_set_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
