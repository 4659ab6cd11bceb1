"""The handling process: level-2 plans and verification, level-3 reviews, emergency plans
(issue 16, part 2).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _time(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _id(name: str, *, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, sa.String(length=36), nullable=nullable)


def _synced() -> list[sa.Column[object]]:
    return [_id("id", nullable=False), sa.Column("version", sa.Integer(), nullable=False),
            _time("updated_at"), sa.Column("deleted", sa.Boolean(), nullable=False)]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "process_plans",
        _id("ticket_id", nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("template", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        _id("expert_id"),
        sa.Column("roles", sa.Text(), nullable=False),
        _id("author_id"),
        _time("saved_at"),
        *_synced(),
        _fk("process_plans", "ticket_id", "tickets"),
        _fk("process_plans", "expert_id", "staff"),
        _fk("process_plans", "author_id", "staff"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_process_plans")),
    )
    op.create_index("ix_process_plans_ticket", "process_plans", ["ticket_id"])
    op.create_table(
        "process_plan_steps",
        _id("plan_id", nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _id("owner_id"),
        _time("planned_at", nullable=True),
        _time("done_at", nullable=True),
        _id("author_id"),
        *_synced(),
        _fk("process_plan_steps", "plan_id", "process_plans"),
        _fk("process_plan_steps", "owner_id", "staff"),
        _fk("process_plan_steps", "author_id", "staff"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_process_plan_steps")),
    )
    op.create_index("ix_process_plan_steps_plan", "process_plan_steps", ["plan_id", "position"])
    for table, person, extra in (
            ("process_verifications", "verifier_id",
             [sa.Column("approved", sa.Boolean(), nullable=False),
              sa.Column("note", sa.Text(), nullable=False)]),
            ("process_reviews", "reviewer_id",
             [sa.Column("approved", sa.Boolean(), nullable=False),
              sa.Column("findings", sa.Text(), nullable=False)]),
            ("process_analyses", "author_id",
             [sa.Column("analysis", sa.Text(), nullable=False),
              sa.Column("planned_minutes", sa.Integer(), nullable=False)])):
        op.create_table(
            table,
            _id("id", nullable=False),
            _id("ticket_id", nullable=False),
            _id(person),
            _time("at"),
            *extra,
            _fk(table, "ticket_id", "tickets"),
            _fk(table, person, "staff"),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        op.create_index(f"ix_{table}_ticket", table, ["ticket_id", "at"])
    op.create_index("ix_tickets_level_resolved", "tickets", ["level", "resolved_at"])


def downgrade() -> None:
    op.drop_index("ix_tickets_level_resolved", table_name="tickets")
    for table in ("process_analyses", "process_reviews", "process_verifications",
                  "process_plan_steps", "process_plans"):
        op.drop_table(table)
