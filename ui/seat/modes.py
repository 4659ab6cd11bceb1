"""Why the sign-in prompt is asked for; apart from the prompt (ui/seat/sign_in.py) so that
the desk can name a mode without importing the dialog's Qt classes at start."""

from __future__ import annotations

from enum import Enum


class Mode(Enum):
    START = "start"  # the desk is starting: Quit instead of Cancel
    LOCKED = "locked"  # the seat stepped away: only a sign-in opens the desk again
    SWITCH = "switch"  # a shift change: another seat takes the desk
