"""Reading a period's target facts for the tallies, as few Python objects as possible.

Handing a row from SQLite to Python costs about as much per column as the SQL that found
it, and a year of a busy desk is ~330 000 rows. So each row comes back as its counted time
and one integer packing the target kind, the outcome and the numbers (``rep.codes``) of
every coded dimension asked for, in mixed radix; numpy takes it apart again. Dimensions
without numbers (level, hour, weekday) come as columns of their own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.reports import facts, tally
from app.reports.tally import Codes

OUTCOMES = 4  # met, missed, breached, running (tally.Facts)
_LIMIT = 2 ** 62  # a packed integer stays below it (SQLite's are 64-bit, signed)


@dataclass(frozen=True)
class Column:
    """One dimension to read: its SQL, or the name of its numbers (``facts.CODED``)."""

    sql: str
    coded: str | None = None


@dataclass(frozen=True)
class Read:
    facts: tally.Facts
    groups: list[tuple[list[object], Codes]]  # per column asked for: keys, row -> key


def _packs(radices: list[int], first: int) -> list[list[int]]:
    """The coded columns' indexes split into integers that stay below the limit; the first
    integer holds the kind and outcome too (``first`` values)."""
    packs: list[list[int]] = [[]]
    room = _LIMIT // first
    for index, radix in enumerate(radices):
        if radix > room:
            packs.append([])
            room = _LIMIT
        packs[-1].append(index)
        room //= radix
    return packs


def _radices(numbered: dict[str, dict[str, int]], names: list[str]) -> list[int]:
    return [len(numbered.get(name, {})) + 1 for name in names]  # numbers run 1..n, 0 none


def read(conn: sqlite3.Connection, where: str, params: Sequence[object],
         kinds: Sequence[str], outcome_sql: str, columns: Sequence[Column]) -> Read | None:
    """The facts ``FROM rep.target_facts f WHERE ...`` (``where``) of ``kinds``, with each of
    ``columns`` grouped; None when there are none."""
    coded = [c.coded for c in columns if c.coded is not None]
    plain = [c for c in columns if c.coded is None]
    named = facts.codes(conn)
    while True:
        radices = _radices(named, coded)
        packs = _packs(radices, len(kinds) * OUTCOMES)
        # Straight from the cursor into typed columns (None -> NaN), no list of row tuples.
        layout = [("elapsed", "f8"), *((f"pack{p}", "i8") for p in range(len(packs))),
                  *((f"plain{i}", "O") for i in range(len(plain)))]
        rows = np.fromiter(conn.execute(
            _sql(where, kinds, outcome_sql, columns, coded, radices, packs),
            [*kinds, *params, *kinds]), dtype=np.dtype(layout))
        # Numbers are only ever added: if none was added since the radices were read, no
        # row holds one too big for them (else read again, seldom).
        named = facts.codes(conn)
        if _radices(named, coded) == radices:
            break
    if not len(rows):
        return None
    numbers: dict[str, Codes] = {}
    top = np.zeros(0, dtype=np.int64)
    for p, pack in enumerate(packs):
        value = rows[f"pack{p}"]
        for index in reversed(pack):
            value, numbers[coded[index]] = np.divmod(value, radices[index])
        if p == 0:
            top = value
    kind, outcome = np.divmod(top, OUTCOMES)
    table = tally.Facts(list(kinds), kind.astype(np.intp), outcome.astype(np.intp),
                        rows["elapsed"])
    others = iter(range(len(plain)))
    groups = [tally.decoded(numbers[c.coded].astype(np.intp), named[c.coded])
              if c.coded is not None else tally.codes_of(rows[f"plain{next(others)}"].tolist())
              for c in columns]
    return Read(table, groups)


def _sql(where: str, kinds: Sequence[str], outcome_sql: str, columns: Sequence[Column],
         coded: list[str], radices: list[int], packs: list[list[int]]) -> str:
    kind = "CASE f.kind " + " ".join(f"WHEN ? THEN {i}" for i in range(len(kinds))) + " END"
    packed = []
    for p, pack in enumerate(packs):
        value = f"({kind}) * {OUTCOMES} + ({outcome_sql})" if p == 0 else "0"
        for index in pack:
            value = f"({value}) * {radices[index]} + f.{coded[index]}_code"
        packed.append(value)
    plain = [c.sql for c in columns if c.coded is None]
    return (f"SELECT f.elapsed_s, {', '.join([*packed, *plain])} FROM rep.target_facts f "
            f"WHERE {where} AND f.kind IN ({','.join('?' * len(kinds))})")
