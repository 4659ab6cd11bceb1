"""knowledge base: articles, versions, ticket links, usage events, tags and the FTS5 index

Revision ID: kb_0001
Revises: 0002
Create Date: 2026-11-26 23:09:02.730678
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "kb_0001"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kb_articles",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=True),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("applies_to", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("reviewer_id", sa.String(length=36), nullable=True),
        sa.Column("source_ticket_id", sa.String(length=36), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["staff.id"], name=op.f("fk_kb_articles_author_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name=op.f("fk_kb_articles_category_id_categories")
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["staff.id"], name=op.f("fk_kb_articles_reviewer_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["source_ticket_id"],
            ["tickets.id"],
            name=op.f("fk_kb_articles_source_ticket_id_tickets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_articles")),
    )
    with op.batch_alter_table("kb_articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kb_articles_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index("ix_kb_articles_state_updated", ["state", "updated_at"], unique=False)

    op.create_table(
        "kb_article_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff.id"], name=op.f("fk_kb_article_events_actor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["kb_articles.id"],
            name=op.f("fk_kb_article_events_article_id_kb_articles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_article_events")),
    )
    with op.batch_alter_table("kb_article_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_kb_article_events_article_kind", ["article_id", "kind"], unique=False
        )

    op.create_table(
        "kb_article_tags",
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("tag", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["kb_articles.id"],
            name=op.f("fk_kb_article_tags_article_id_kb_articles"),
        ),
        sa.PrimaryKeyConstraint("article_id", "tag", name=op.f("pk_kb_article_tags")),
    )
    with op.batch_alter_table("kb_article_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_article_tags_tag"), ["tag"], unique=False)

    op.create_table(
        "kb_article_versions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("editor_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=True),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("applies_to", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["kb_articles.id"],
            name=op.f("fk_kb_article_versions_article_id_kb_articles"),
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_kb_article_versions_category_id_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["editor_id"], ["staff.id"], name=op.f("fk_kb_article_versions_editor_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_article_versions")),
    )
    with op.batch_alter_table("kb_article_versions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_kb_article_versions_article", ["article_id", "number"], unique=False
        )

    op.create_table(
        "kb_ticket_links",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff.id"], name=op.f("fk_kb_ticket_links_actor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["kb_articles.id"],
            name=op.f("fk_kb_ticket_links_article_id_kb_articles"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_kb_ticket_links_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_ticket_links")),
    )
    with op.batch_alter_table("kb_ticket_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kb_ticket_links_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_kb_ticket_links_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "kb_index_rows",
        sa.Column("article_id", sa.String(length=36), nullable=False),
        sa.Column("search_rowid", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["kb_articles.id"],
            name=op.f("fk_kb_index_rows_article_id_kb_articles"),
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_kb_index_rows")),
        sa.UniqueConstraint("search_rowid", name=op.f("uq_kb_index_rows_search_rowid")),
    )
    # The search index over pre-tokenised text (app/kb/segment.py); article_id points back.
    # The tokenizer string must match app.kb.segment.FTS_TOKENIZE.
    op.execute(
        "CREATE VIRTUAL TABLE kb_search USING fts5("
        "article_id UNINDEXED, title, tags, summary, body, solution, "
        "tokenize = \"porter unicode61 remove_diacritics 2 tokenchars '-_.'\")"
    )


def downgrade() -> None:
    op.execute("DROP TABLE kb_search")
    op.drop_table("kb_index_rows")
    with op.batch_alter_table("kb_ticket_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_ticket_links_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_kb_ticket_links_article_id"))

    op.drop_table("kb_ticket_links")
    with op.batch_alter_table("kb_article_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_kb_article_versions_article")

    op.drop_table("kb_article_versions")
    with op.batch_alter_table("kb_article_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_article_tags_tag"))

    op.drop_table("kb_article_tags")
    with op.batch_alter_table("kb_article_events", schema=None) as batch_op:
        batch_op.drop_index("ix_kb_article_events_article_kind")

    op.drop_table("kb_article_events")
    with op.batch_alter_table("kb_articles", schema=None) as batch_op:
        batch_op.drop_index("ix_kb_articles_state_updated")
        batch_op.drop_index(batch_op.f("ix_kb_articles_category_id"))

    op.drop_table("kb_articles")
