"""All tables of the schema: the core models plus those each feature package defines.

A feature keeps its SQLAlchemy models in its own module (on the shared ``Base``); listing
the module here lets Alembic and the schema tests see them.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

from app.store.models import Base

FEATURE_TABLES: tuple[str, ...] = ("app.rota.tables",)


def all_tables() -> MetaData:
    """The MetaData holding every table, after importing each feature's models."""
    for module in FEATURE_TABLES:
        importlib.import_module(module)
    return Base.metadata
