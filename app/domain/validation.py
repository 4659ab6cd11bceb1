"""Checks on what a seat types: contact details and text sizes."""

from __future__ import annotations

import re

TITLE_MAX = 200
TEXT_MAX = 20_000

# Mobile (11 digits starting 13-19), landline with area code (010-12345678, 0755 1234567,
# optional extension), or a 5-digit service number such as 12345.
_PHONE = re.compile(
    r"^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:[- ]?(?:ext\.?|转)?\d{1,6})?|\d{5})$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def is_phone(text: str) -> bool:
    return bool(_PHONE.match(text.strip()))


def is_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def digits(text: str) -> str:
    """Only the digits: phone numbers are searched without separators."""
    return "".join(ch for ch in text if ch.isdigit())
