"""Pinyin initials of Chinese text, for type-ahead in pickers (网络故障 → wlgz).

No dictionary: GB2312 orders its 3755 level-1 characters (the common ones, which is what
catalog names, teams and people's names use) by pinyin, so a character's initial follows
from its code. Less common characters and other scripts have no initial and are skipped;
for a character with two readings (重 zhong/chong) the one GB2312 sorts it by counts. A
dictionary package (pypinyin: ~1.5 MB of data, ~0.3 s to load) would know every reading,
but type-ahead needs only a first letter per character.
"""

from __future__ import annotations

from bisect import bisect_right

# The first GB2312 code of each initial in the level-1 block (0xB0A1-0xD7F9).
_FIRST_CODES = (45217, 45253, 45761, 46318, 46826, 47010, 47297, 47614, 48119, 49062, 49324,
                49896, 50371, 50614, 50622, 50906, 51387, 51446, 52218, 52698, 52980, 53689,
                54481)
_INITIALS = "abcdefghjklmnopqrstwxyz"
_LAST_CODE = 55289


def initial(char: str) -> str:
    """The pinyin initial of one Chinese character; the letter or digit itself, lower case;
    "" for anything else."""
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(encoded) != 2:
        return ""
    code = encoded[0] * 256 + encoded[1]
    if not _FIRST_CODES[0] <= code <= _LAST_CODE:
        return ""
    return _INITIALS[bisect_right(_FIRST_CODES, code) - 1]


def initials(text: str) -> str:
    """The initials of ``text``: one letter per Chinese character, letters and digits kept."""
    return "".join(initial(char) for char in text)
