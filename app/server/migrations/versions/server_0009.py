"""The calls taken before the phone's answer target (issue 19) get their record: a synced
``phone_calls`` row for each call that stopped ringing, as the server writes one since, so
the desks' reports count them (a desk pulls them at its next round, like any new row).

What the old ``calls`` rows cannot say is recorded as the nearest truth: a call hung up
while ringing was kept as "missed" then (not "abandoned"), and the seat is the extension's
seat at the upgrade. A call that has its record already is left alone.

Revision ID: server_0009
Revises: server_0008
"""

from __future__ import annotations

from alembic import op

revision = "server_0009"
down_revision = "server_0008"
branch_labels = None
depends_on = None

_ISO = """to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')"""

_BACKFILL = f"""
WITH done AS (
    SELECT c.*, s.ring_seconds, md5(c.source_id || '|' || c.call_id)::uuid::text AS key,
           row_number() OVER (ORDER BY c.ringing_at, c.source_id, c.call_id) AS n
    FROM calls c JOIN alert_sources s ON s.id = c.source_id
    WHERE c.state IN ('answered', 'ended', 'missed')
      AND NOT EXISTS (SELECT 1 FROM sync_rows r WHERE r.entity = 'phone_calls'
                      AND r.data ->> 'call_id' = c.call_id
                      AND r.data ->> 'extension' = c.extension)
), taken AS (
    UPDATE sync_counters SET value = value + (SELECT count(*) FROM done)
    WHERE name = 'change' RETURNING value AS top
)
INSERT INTO sync_rows (entity, key, data, field_versions, version, deleted, seq)
SELECT 'phone_calls', done.key, jsonb_build_object(
           'id', done.key, 'call_id', done.call_id, 'extension', done.extension,
           'caller', done.caller,
           'seat_id', (SELECT r.key FROM phone_extensions e JOIN sync_rows r
                       ON r.entity = 'staff' AND NOT r.deleted
                       AND r.data ->> 'login' = e.login
                       WHERE e.extension = done.extension LIMIT 1),
           'ringing_at', {_ISO.format(column="done.ringing_at")},
           'answered_at', {_ISO.format(column="done.answered_at")},
           'ended_at', CASE WHEN done.state = 'missed'
                       THEN {_ISO.format(column="done.ended_at")} END,
           'ring_ms', round(done.ring_seconds * 1000)::integer,
           'outcome', CASE WHEN done.state = 'missed' THEN 'missed' ELSE 'answered' END,
           'ticket_id', done.ticket_id),
       jsonb_build_object('', jsonb_build_array(1, 'pbx@server')), 1, false,
       taken.top - (SELECT count(*) FROM done) + done.n
FROM done, taken
"""


def upgrade() -> None:
    op.execute(_BACKFILL)


def downgrade() -> None:
    # The rows stay: desks have pulled them, and a synced row is never taken back silently.
    pass
