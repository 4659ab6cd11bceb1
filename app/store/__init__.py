"""The local store: SQLAlchemy models and sessions for writes, plain SQL read models for
the hot read paths, Alembic migrations and backups."""
