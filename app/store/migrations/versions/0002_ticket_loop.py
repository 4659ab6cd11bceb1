"""Closed loop: solution, cause, satisfaction on tickets; ticket links; saved filters.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("solution", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("cause", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("satisfaction", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("closed_unconfirmed", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.create_index("ix_tickets_state_deleted", ["state", "deleted"], unique=False)
        batch.create_index("ix_tickets_level_id", ["level", "id"], unique=False)
        batch.create_index("ix_tickets_channel_id", ["channel", "id"], unique=False)
    op.create_table(
        "ticket_links",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("other_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["staff.id"],
                                name=op.f("fk_ticket_links_actor_id_staff")),
        sa.ForeignKeyConstraint(["other_id"], ["tickets.id"],
                                name=op.f("fk_ticket_links_other_id_tickets")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_ticket_links_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_links")),
    )
    with op.batch_alter_table("ticket_links") as batch:
        batch.create_index("ix_ticket_links_other", ["other_id"], unique=False)
        batch.create_index(batch.f("ix_ticket_links_ticket_id"), ["ticket_id"], unique=False)
    op.create_table(
        "saved_filters",
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["staff.id"],
                                name=op.f("fk_saved_filters_owner_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filters")),
    )
    with op.batch_alter_table("saved_filters") as batch:
        batch.create_index(batch.f("ix_saved_filters_owner_id"), ["owner_id"], unique=False)


def downgrade() -> None:
    op.drop_table("saved_filters")
    op.drop_table("ticket_links")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_index("ix_tickets_state_deleted")
        batch.drop_index("ix_tickets_level_id")
        batch.drop_index("ix_tickets_channel_id")
        for column in ("closed_unconfirmed", "satisfaction", "cause", "solution"):
            batch.drop_column(column)
