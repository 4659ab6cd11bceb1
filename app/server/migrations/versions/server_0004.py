"""Messages to the requester: the online questionnaire's links and answers (issue 18,
part 2; app/server/questionnaires.py).

Revision ID: server_0004
Revises: server_0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.server import questionnaires  # noqa: F401  (registers the table in metadata)
from app.server.tables import metadata

revision = "server_0004"
down_revision = "server_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("questionnaires"):
        metadata.tables["questionnaires"].create(bind)


def downgrade() -> None:
    metadata.tables["questionnaires"].drop(op.get_bind(), checkfirst=True)
