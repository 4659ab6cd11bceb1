"""Full-text index of ticket titles and descriptions (Chinese bigrams), filled from the
tickets already there.

Revision ID: 0003
Revises: sla_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "sla_0001"
branch_labels = None
depends_on = None

# Must match app.kb.segment.FTS_TOKENIZE (the tokens are made by app.kb.segment).
TOKENIZE = "porter unicode61 remove_diacritics 2 tokenchars '-_.'"


def upgrade() -> None:
    op.create_table(
        "ticket_index_rows",
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("search_rowid", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_ticket_index_rows_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("ticket_id", name=op.f("pk_ticket_index_rows")),
        sa.UniqueConstraint("search_rowid", name=op.f("uq_ticket_index_rows_search_rowid")),
    )
    op.execute(f'CREATE VIRTUAL TABLE ticket_search USING fts5(body, tokenize="{TOKENIZE}")')
    from app.store.ticket_index import index_many

    connection = op.get_bind()
    rows = connection.exec_driver_sql(
        "SELECT id, title, description FROM tickets ORDER BY created_at").fetchall()
    raw = connection.connection.dbapi_connection
    assert raw is not None
    index_many(raw, rows, 1)


def downgrade() -> None:
    op.execute("DROP TABLE ticket_search")
    op.drop_table("ticket_index_rows")
