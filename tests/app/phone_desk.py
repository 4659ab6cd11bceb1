"""A desk whose phone figures are known in advance: 30 calls recorded as the server would
sync them, on 1 and 2 December 2026 (Beijing), for two seats (tests/*/test_*phone*.py).

Call i rings at START + i hours. Every tenth call from the ninth is abandoned (8, 18, 28),
from the tenth missed (9, 19, 29); the others are answered after 5 x (i % 5) + 2 seconds,
0.4 to 4.4 rings of 5 s: within 3 rings when i % 5 is 0, 1 or 2. Calls 0-11 ring at the
first seat's extension, the rest at the second's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.channels.tables import PhoneCallRow
from app.store.database import Store

START = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)  # 2026-12-01 00:00 in Beijing
CALLS = 30
FIRST_SEAT_CALLS = 12


def outcome(i: int) -> str:
    return {8: "abandoned", 9: "missed"}.get(i % 10, "answered")


def write_calls(store: Store, seats: tuple[str, str]) -> None:
    with store.unit_of_work() as session:
        for i in range(CALLS):
            rang = START + timedelta(hours=i)
            answered = outcome(i) == "answered"
            session.add(PhoneCallRow(
                id=f"call-{i:02d}", call_id=f"pbx-{i}", extension="8001" if i < 12 else "8002",
                caller=f"1380000{i:04d}", seat_id=seats[0] if i < FIRST_SEAT_CALLS else seats[1],
                ringing_at=rang,
                answered_at=rang + timedelta(seconds=5 * (i % 5) + 2) if answered else None,
                ended_at=None if answered else rang + timedelta(seconds=30), ring_ms=5000,
                outcome=outcome(i), ticket_id=None))
