from __future__ import annotations

import pytest

from app.domain.enums import TicketState as S
from app.domain.states import (
    NEEDS_ASSIGNEE,
    OPEN_STATES,
    TRANSITIONS,
    IllegalTransition,
    check_transition,
)


def test_every_state_has_an_entry_and_closed_only_reopens() -> None:
    assert set(TRANSITIONS) == set(S)
    assert TRANSITIONS[S.CLOSED] == {S.ASSIGNED}


@pytest.mark.parametrize(
    ("current", "target"),
    [(S.NEW, S.CLOSED), (S.NEW, S.PENDING_VENDOR), (S.CLOSED, S.RESOLVED),
     (S.RESOLVED, S.PENDING_REQUESTER), (S.IN_PROGRESS, S.NEW), (S.IN_PROGRESS, S.CLOSED)],
)
def test_illegal_transitions_are_refused(current: S, target: S) -> None:
    with pytest.raises(IllegalTransition) as raised:
        check_transition(current, target, has_assignee=True)
    assert raised.value.current == current and raised.value.target == target


def test_the_closed_loop_can_be_walked() -> None:
    path = [S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.PENDING_REQUESTER, S.IN_PROGRESS,
            S.RESOLVED, S.CLOSED, S.ASSIGNED]
    for current, target in zip(path, path[1:], strict=False):
        check_transition(current, target, has_assignee=True)


def test_work_states_need_an_assignee() -> None:
    for target in NEEDS_ASSIGNEE & TRANSITIONS[S.NEW]:
        with pytest.raises(IllegalTransition):
            check_transition(S.NEW, target, has_assignee=False)
    check_transition(S.NEW, S.RESOLVED, has_assignee=False)  # answered on the spot


def test_open_states_are_the_ones_before_resolution() -> None:
    assert S.RESOLVED not in OPEN_STATES and S.CLOSED not in OPEN_STATES
    assert S.NEW in OPEN_STATES and S.PENDING_VENDOR in OPEN_STATES
