"""Requester and category names copied onto tickets, with indexes, so the queues sort by
them without joining and sorting every ticket (app/store/sort_keys.py); filled from the
tickets already there.

Revision ID: 0004
Revises: sync_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "sync_0001"
branch_labels = None
depends_on = None

COLUMNS = ("requester_sort", "category_sort_zh", "category_sort_en")


def upgrade() -> None:
    # Adding columns is a plain ALTER TABLE in batch mode: the tickets are not copied.
    with op.batch_alter_table("tickets") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=80), nullable=False,
                                       server_default=""))
    op.execute(
        "UPDATE tickets SET "
        "requester_sort = coalesce((SELECT name FROM requesters r "
        "WHERE r.id = tickets.requester_id), ''), "
        "category_sort_zh = coalesce((SELECT name_zh FROM categories c "
        "WHERE c.id = tickets.category_id), ''), "
        "category_sort_en = coalesce((SELECT name_en FROM categories c "
        "WHERE c.id = tickets.category_id), '')")
    # Indexes after the fill: building one from sorted data is faster than keeping it up
    # to date row by row.
    with op.batch_alter_table("tickets") as batch:
        for name in COLUMNS:
            batch.create_index(f"ix_tickets_{name}_id", [name, "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        for name in COLUMNS:
            batch.drop_index(f"ix_tickets_{name}_id")
            batch.drop_column(name)
