"""Each seat's changes go to the server under that seat's account (issue 14).

Seats take turns at one desk (a shift change without a restart). The outbox records who
made each change (``sync_outbox.login``); the push walks it in id order and hands out
batches of consecutive changes of one seat, each sent with that seat's token under that
seat's desk id - so the server's order is the desk's order, and nobody's change travels
under another's name. A seat with no token on this desk (signed out, or never signed in
since) holds its changes back, shown as waiting, until it signs in again; so does every
later change that touches a held row or names one (a note on a ticket the held seat
logged), which could not be taken before it. Changes recorded before seats were told
apart (no login) go with the seat signed in now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.sync.protocol import MAX_PUSH, Mutation
from app.sync.references import reference_fields

Key = tuple[str, str]


@dataclass(frozen=True)
class Queued:
    """A waiting change and the login of the seat that made it."""

    login: str
    mutation: Mutation


@dataclass(frozen=True)
class Batch:
    login: str
    mutations: list[Mutation]


class PushPlan:
    """The order a push sends the outbox in: ``next`` gives one seat's next batch.

    ``read(after)`` gives the next waiting changes after mutation id ``after`` in id order;
    ``has_token(login)`` whether that seat can push now.
    """

    def __init__(self, read: Callable[[int], list[Queued]], has_token: Callable[[str], bool],
                 size: int = MAX_PUSH) -> None:
        self._read, self._has_token, self._size = read, has_token, size
        self._after = 0
        self._buffer: list[Queued] = []
        self._held: set[Key] = set()
        self._tokens: dict[str, bool] = {}
        self.waiting: set[str] = set()  # seats whose changes wait for them to sign in

    def next(self) -> Batch | None:
        """Consecutive changes of one seat (at most ``size``), or None when done."""
        login: str | None = None
        batch: list[Mutation] = []
        while True:
            if not self._buffer:
                self._buffer = self._read(self._after)
                if not self._buffer:
                    break
            item = self._buffer[0]
            if self._holds(item):
                self._buffer.pop(0)
                self._after = item.mutation.id
                continue
            if login is None:
                login = item.login
            elif item.login != login or len(batch) == self._size:
                break
            batch.append(item.mutation)
            self._buffer.pop(0)
            self._after = item.mutation.id
        return Batch(login, batch) if login is not None and batch else None

    def _holds(self, item: Queued) -> bool:
        mutation = item.mutation
        if item.login not in self._tokens:
            self._tokens[item.login] = self._has_token(item.login)
        if not self._tokens[item.login]:
            self.waiting.add(item.login)
        elif (mutation.entity, mutation.key) not in self._held and not self._names_held(
                mutation):
            return False
        self._held.add((mutation.entity, mutation.key))
        return True

    def _names_held(self, mutation: Mutation) -> bool:
        if not self._held or mutation.op != "put":
            return False
        try:
            fields = reference_fields(mutation.entity)
        except KeyError:  # an entity this desk does not know: the server says so
            return False
        return any((target, mutation.patch.get(field)) in self._held
                   for field, target in fields.items())
