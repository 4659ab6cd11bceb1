"""Into service: local accounts, the audit log, desk-wide settings, skills, category owners,
retiring catalog entries, deactivating staff, merging requesters, how a satisfaction rating
was collected, and the receipts of "notify the supervisor".

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FALSE = sa.false()


def _synced_columns() -> list[sa.Column[object]]:
    return [sa.Column("id", sa.String(length=36), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("deleted", sa.Boolean(), nullable=False)]


def upgrade() -> None:
    for table in ("ticket_types", "teams"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("retired", sa.Boolean(), nullable=False,
                                       server_default="0"))
    with op.batch_alter_table("categories") as batch:
        batch.add_column(sa.Column("owner_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("retired", sa.Boolean(), nullable=False, server_default="0"))
        batch.create_foreign_key(batch.f("fk_categories_owner_id_staff"), "staff",
                                 ["owner_id"], ["id"])
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("active", sa.Boolean(), nullable=False, server_default="1"))
    with op.batch_alter_table("requesters") as batch:
        batch.add_column(sa.Column("merged_into", sa.String(length=36), nullable=True))
    # A plain ADD COLUMN: a rebuilt outbox could lose AUTOINCREMENT, and with it the
    # promise that a mutation id is never reused.
    op.add_column("sync_outbox", sa.Column("login", sa.String(length=80), nullable=False,
                                           server_default=""))
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("satisfaction_method", sa.String(length=20), nullable=False,
                                   server_default=""))
    op.create_table(
        "skills",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_zh", sa.String(length=80), nullable=False),
        sa.Column("name_en", sa.String(length=80), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False, server_default="0"),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
        sa.UniqueConstraint("code", name=op.f("uq_skills_code")),
    )
    # Every skill code in use gets a row, named after the category asking for it. The id
    # comes from the code, so every desk upgrading gives a skill the same row.
    op.execute("""
        INSERT INTO skills (id, code, name_zh, name_en, retired, version, updated_at, deleted)
        SELECT 'skill:' || substr(s.skill, 1, 30), s.skill,
               coalesce((SELECT name_zh FROM categories c WHERE c.skill = s.skill
                         ORDER BY position LIMIT 1), s.skill),
               coalesce((SELECT name_en FROM categories c WHERE c.skill = s.skill
                         ORDER BY position LIMIT 1), s.skill),
               0, 1, strftime('%Y-%m-%d %H:%M:%f000', 'now'), 0
        FROM (SELECT skill FROM categories UNION SELECT skill FROM staff_skills) s
        WHERE s.skill <> ''""")
    op.create_table(
        "desk_settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["author_id"], ["staff.id"],
                                name=op.f("fk_desk_settings_author_id_staff")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_desk_settings")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.String(length=120), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["staff.id"],
                                name=op.f("fk_audit_log_actor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at", "id"])
    op.create_index("ix_audit_log_actor_at", "audit_log", ["actor_id", "at"])
    op.create_index("ix_audit_log_kind_at", "audit_log", ["kind", "at"])
    op.create_table(
        "desk_accounts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("login", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("password_set_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_accounts")),
        sa.UniqueConstraint("login", name=op.f("uq_desk_accounts_login")),
    )
    op.create_table(
        "sla_escalation_receipts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("escalation_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("step", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["escalation_id"], ["sla_escalations.id"],
                                name=op.f("fk_sla_escalation_receipts_escalation_id_"
                                          "sla_escalations")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"],
                                name=op.f("fk_sla_escalation_receipts_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_escalation_receipts")),
    )
    op.create_index("ix_sla_escalation_receipts_escalation", "sla_escalation_receipts",
                    ["escalation_id", "at"])


def downgrade() -> None:
    op.drop_table("sla_escalation_receipts")
    op.drop_table("desk_accounts")
    op.drop_table("audit_log")
    op.drop_table("desk_settings")
    op.drop_table("skills")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("satisfaction_method")
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("login")
    with op.batch_alter_table("requesters") as batch:
        batch.drop_column("merged_into")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("active")
    with op.batch_alter_table("categories") as batch:
        batch.drop_constraint("fk_categories_owner_id_staff", type_="foreignkey")
        batch.drop_column("retired")
        batch.drop_column("owner_id")
    for table in ("teams", "ticket_types"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("retired")
