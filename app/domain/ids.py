"""UUIDv7 identifiers (RFC 9562 section 5.7), generated where a row is created.

Python 3.11 has no ``uuid.uuid7``; the layout is a few bit shifts, and building it here
lets the timestamp come from the injected clock and the random part from a seeded
generator, which makes demo data reproducible.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime
from random import Random

from app.domain.clock import Clock

_RAND_BITS = 74


def uuid7_at(moment: datetime, rand: int) -> str:
    """The UUIDv7 string for ``moment`` with the given 74 random bits."""
    ms = int(moment.timestamp() * 1000)
    if not 0 <= ms < 1 << 48:
        raise ValueError(f"timestamp out of UUIDv7 range: {moment!r}")
    rand &= (1 << _RAND_BITS) - 1
    rand_a, rand_b = rand >> 62, rand & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return str(uuid.UUID(int=value))


def new_id(clock: Clock) -> str:
    """A fresh UUIDv7 for a new row, timestamped by ``clock``."""
    return uuid7_at(clock.now(), secrets.randbits(_RAND_BITS))


def seeded_id(moment: datetime, rng: Random) -> str:
    """A reproducible UUIDv7 for generated data."""
    return uuid7_at(moment, rng.getrandbits(_RAND_BITS))


def id_time(identifier: str) -> int:
    """Milliseconds since the epoch encoded in a UUIDv7."""
    return uuid.UUID(identifier).int >> 80
