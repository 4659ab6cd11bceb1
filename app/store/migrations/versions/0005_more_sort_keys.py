"""Type, unit and assignee names copied onto tickets, with indexes, and an index on the
time of the last change, so every queue column sorts without joining and sorting every
ticket (app/store/sort_keys.py); filled from the tickets already there.

Revision ID: 0005
Revises: sla_0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "sla_0002"
branch_labels = None
depends_on = None

COLUMNS = (("type_sort_zh", 80), ("type_sort_en", 80), ("unit_sort", 120),
           ("assignee_sort", 80))


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        for name, length in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=False,
                                       server_default=""))
    # Spelled out, not imported from app/store/sort_keys.py: a migration stays as written.
    op.execute(
        "UPDATE tickets SET "
        "unit_sort = coalesce((SELECT unit FROM requesters r "
        "WHERE r.id = tickets.requester_id), ''), "
        "type_sort_zh = coalesce((SELECT name_zh FROM ticket_types y "
        "WHERE y.id = tickets.type_id), ''), "
        "type_sort_en = coalesce((SELECT name_en FROM ticket_types y "
        "WHERE y.id = tickets.type_id), ''), "
        "assignee_sort = coalesce((SELECT name FROM staff s "
        "WHERE s.id = tickets.assignee_id), '')")
    # Indexes after the fill: building one from sorted data is faster than keeping it up
    # to date row by row.
    with op.batch_alter_table("tickets") as batch:
        for name, _length in COLUMNS:
            batch.create_index(f"ix_tickets_{name}_id", [name, "id"], unique=False)
        batch.create_index("ix_tickets_updated_id", ["updated_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_index("ix_tickets_updated_id")
        for name, _length in COLUMNS:
            batch.drop_index(f"ix_tickets_{name}_id")
            batch.drop_column(name)
