"""Small benchmark-style instances for the tests of the rules issue 20 added."""

from __future__ import annotations

from app.rota.nrp.instance import NrpInstance, parse_instance

TINY = """# two shifts, a late may not be followed by an early
SECTION_HORIZON
14

SECTION_SHIFTS
E,480,
L,480,E

SECTION_STAFF
A,E=14|L=14,4800,2400,4,2,2,1
B,E=14|L=0,4800,2400,4,2,2,1
C,E=0|L=14,4800,2400,4,2,2,1

SECTION_DAYS_OFF
A,3
B,7,8

SECTION_SHIFT_ON_REQUESTS
A,0,E,2
C,5,L,3

SECTION_SHIFT_OFF_REQUESTS
B,1,E,1

SECTION_COVER
0,E,1,100,1
0,L,1,100,1
1,E,2,100,1
5,L,1,50,2
9,E,1,100,1
"""


def tiny() -> NrpInstance:
    return parse_instance(TINY)
