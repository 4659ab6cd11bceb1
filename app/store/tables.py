"""All tables of the schema: the core models plus those each feature package defines.

A feature keeps its SQLAlchemy models in its own module (on the shared ``Base``); listing
the module here lets Alembic and the schema tests see them.
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import MetaData

from app.store.models import Base

FEATURE_TABLES: tuple[str, ...] = ("app.kb.tables", "app.rota.tables", "app.sla.tables",
                                   "app.sync.tables", "app.audit.tables",
                                   "app.identity.tables", "app.process.tables",
                                   "app.mail.tables", "app.channels.tables")

# Tables made with raw SQL in migrations, which the models cannot describe: FTS5 virtual
# tables and the shadow tables SQLite keeps for them (``<name>_data``, ``<name>_idx``...).
RAW_SQL_TABLES: tuple[str, ...] = ("kb_search", "ticket_search")


def all_tables() -> MetaData:
    """The MetaData holding every table, after importing each feature's models."""
    for module in FEATURE_TABLES:
        importlib.import_module(module)
    return Base.metadata


def include_object(_obj: Any, name: str | None, type_: str, _reflected: bool,
                   _compare_to: Any) -> bool:
    """Alembic's filter: leave the raw-SQL tables (and their indexes) out of comparisons."""
    if type_ == "table" and name is not None:
        return not any(name == raw or name.startswith(f"{raw}_") for raw in RAW_SQL_TABLES)
    return True
