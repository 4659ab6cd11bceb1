"""Hardening (issue 15): mutation outcomes, desk ids bound to their account and incarnation,
token families and repeatable refreshes.

``server_0001`` creates its tables from the current metadata, so a database made new already
has the columns added here: each is added only where it is missing.

Revision ID: server_0002
Revises: server_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.server.tables import metadata

revision = "server_0002"
down_revision = "server_0001"
branch_labels = None
depends_on = None


def _columns() -> dict[str, tuple[sa.Column[object], ...]]:
    return {
        "desks": (
            sa.Column("incarnation", sa.String(36), nullable=False, server_default=""),
            sa.Column("retired", sa.Boolean, nullable=False, server_default=sa.false()),
            sa.Column("outcomes_from", sa.BigInteger, nullable=False, server_default="0")),
        "tokens": (
            sa.Column("family", sa.String(64), nullable=True),
            sa.Column("parent", sa.String(64), nullable=True),
            sa.Column("spent", sa.Boolean, nullable=False, server_default=sa.false()),
            sa.Column("used", sa.Boolean, nullable=False, server_default=sa.false()))}


_INDEXED = ("family", "parent")


def upgrade() -> None:
    bind = op.get_bind()
    found = sa.inspect(bind)
    for table, columns in _columns().items():
        present = {c["name"] for c in found.get_columns(table)}
        for column in columns:
            if column.name in present:
                continue
            op.add_column(table, column)
            if table == "tokens" and column.name in _INDEXED:
                op.create_index(f"ix_tokens_{column.name}", table, [column.name])
    if not found.has_table("mutation_outcomes"):
        metadata.tables["mutation_outcomes"].create(bind)


def downgrade() -> None:
    op.drop_table("mutation_outcomes")
    for table, columns in _columns().items():
        for column in columns:
            op.drop_column(table, column.name)
