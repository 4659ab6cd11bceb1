"""rota: shift types, coverage, rules, contracts, leave, preferences, periods,
assignments and overrides

Revision ID: rota_0001
Revises: kb_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "rota_0001"
down_revision = "kb_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rota_coverage",
        sa.Column("shift_code", sa.String(length=8), nullable=False),
        sa.Column("day_kind", sa.String(length=10), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("seniors", sa.Integer(), nullable=False),
        sa.Column("skills", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_coverage")),
    )
    op.create_table(
        "rota_rules",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("hard", sa.Boolean(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_rules")),
        sa.UniqueConstraint("kind", name=op.f("uq_rota_rules_kind")),
    )
    op.create_table(
        "rota_shift_types",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name_zh", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=40), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("color", sa.String(length=9), nullable=False),
        sa.Column("on_call", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_shift_types")),
        sa.UniqueConstraint("code", name=op.f("uq_rota_shift_types_code")),
    )
    op.create_table(
        "rota_absences",
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_rota_absences_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_absences")),
    )
    with op.batch_alter_table("rota_absences", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rota_absences_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "rota_assignments",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("shift_code", sa.String(length=8), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_rota_assignments_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_assignments")),
    )
    with op.batch_alter_table("rota_assignments", schema=None) as batch_op:
        batch_op.create_index("ix_rota_assignments_day_staff", ["day", "staff_id"], unique=False)

    op.create_table(
        "rota_contracts",
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("hours_per_week", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_rota_contracts_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_contracts")),
        sa.UniqueConstraint("staff_id", name=op.f("uq_rota_contracts_staff_id")),
    )
    op.create_table(
        "rota_overrides",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("shift_code", sa.String(length=8), nullable=False),
        sa.Column("absent_id", sa.String(length=36), nullable=True),
        sa.Column("cover_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["absent_id"], ["staff.id"], name=op.f("fk_rota_overrides_absent_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["cover_id"], ["staff.id"], name=op.f("fk_rota_overrides_cover_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_overrides")),
    )
    with op.batch_alter_table("rota_overrides", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rota_overrides_day"), ["day"], unique=False)

    op.create_table(
        "rota_periods",
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["published_by"], ["staff.id"], name=op.f("fk_rota_periods_published_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_periods")),
    )
    with op.batch_alter_table("rota_periods", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rota_periods_first_day"), ["first_day"], unique=False)

    op.create_table(
        "rota_preferences",
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("shift_code", sa.String(length=8), nullable=True),
        sa.Column("wanted", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_rota_preferences_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_preferences")),
    )
    with op.batch_alter_table("rota_preferences", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rota_preferences_staff_id"), ["staff_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("rota_preferences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rota_preferences_staff_id"))

    op.drop_table("rota_preferences")
    with op.batch_alter_table("rota_periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rota_periods_first_day"))

    op.drop_table("rota_periods")
    with op.batch_alter_table("rota_overrides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rota_overrides_day"))

    op.drop_table("rota_overrides")
    op.drop_table("rota_contracts")
    with op.batch_alter_table("rota_assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_rota_assignments_day_staff")

    op.drop_table("rota_assignments")
    with op.batch_alter_table("rota_absences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rota_absences_staff_id"))

    op.drop_table("rota_absences")
    op.drop_table("rota_shift_types")
    op.drop_table("rota_rules")
    op.drop_table("rota_coverage")
