"""Pinyin initials for type-ahead (app/domain/pinyin.py)."""

from __future__ import annotations

import pytest

from app.domain.pinyin import initials


@pytest.mark.parametrize(("text", "expected"), [
    ("网络", "wl"), ("数据库", "sjk"), ("故障", "gz"), ("咨询", "zx"), ("服务请求", "fwqq"),
    ("维护", "wh"), ("主机存储组", "zjccz"), ("云平台组", "yptz"), ("低", "d"), ("中", "z"),
    ("高", "g"), ("啊", "a"), ("哦", "o"), ("怕", "p"), ("日", "r"),
    ("ORA-00600 数据库", "ora00600sjk"), ("12345热线", "12345rx"),
])
def test_initials_of_common_words(text: str, expected: str) -> None:
    assert initials(text) == expected


def test_characters_without_a_known_initial_are_skipped() -> None:
    # 罍 is a level-2 GB2312 character (ordered by radical, not pinyin); 𠀀 is outside it.
    assert initials("罍𠀀，。") == ""
