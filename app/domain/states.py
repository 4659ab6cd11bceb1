"""The ticket state machine (DESIGN.md section 4).

new -> assigned -> in progress <-> pending (requester / vendor) -> resolved -> closed,
with reopen from resolved or closed. A desk may answer a simple consultation on the spot,
so a new ticket may go straight to resolved.
"""

from __future__ import annotations

from app.domain.enums import TicketState as S

TRANSITIONS: dict[S, frozenset[S]] = {
    S.NEW: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED}),
    S.ASSIGNED: frozenset({S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.PENDING_REQUESTER,
                           S.PENDING_VENDOR, S.RESOLVED}),
    S.IN_PROGRESS: frozenset({S.ASSIGNED, S.PENDING_REQUESTER, S.PENDING_VENDOR, S.RESOLVED}),
    S.PENDING_REQUESTER: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED}),
    S.PENDING_VENDOR: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.ASSIGNED}),
    S.CLOSED: frozenset({S.ASSIGNED}),
}

OPEN_STATES = frozenset({S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.PENDING_REQUESTER,
                         S.PENDING_VENDOR})
PENDING_STATES = frozenset({S.PENDING_REQUESTER, S.PENDING_VENDOR})
NEEDS_ASSIGNEE = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.PENDING_REQUESTER, S.PENDING_VENDOR})


class IllegalTransition(ValueError):
    """A state change the state machine does not allow."""

    def __init__(self, current: S, target: S) -> None:
        super().__init__(f"a ticket cannot go from {current.value} to {target.value}")
        self.current = current
        self.target = target


def can_transition(current: S, target: S) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: S, target: S, *, has_assignee: bool) -> None:
    """Raise if ``current -> target`` is not allowed for a ticket in this situation."""
    if not can_transition(current, target):
        raise IllegalTransition(current, target)
    if target in NEEDS_ASSIGNEE and not has_assignee:
        raise IllegalTransition(current, target)
