"""Quoted replies trimmed for the timeline: the requester's new words, not the whole thread
again. The message keeps its full text (``mail_messages.body``); only what the seat reads
first is shortened."""

from __future__ import annotations

import re

# Where mail clients start the quoted original: Outlook, Foxmail and QQ Mail (Chinese and
# English), Gmail/Thunderbird/Apple Mail ("On ... wrote:"), NetEase ("在 ... 写道:").
_MARKERS = (
    re.compile(r"^-{2,}\s*(Original Message|原始邮件|Forwarded message|转发邮件)\s*-{2,}\s*$",
               re.IGNORECASE),
    re.compile(r"^(On|Am|Le) .{5,200}(wrote|schrieb|écrit)\s*:\s*$", re.IGNORECASE),
    re.compile(r"^在 ?.{3,200}写道\s*[:：]\s*$"),
    re.compile(r"^_{10,}\s*$"),  # Outlook's rule above the "From:" block
)
_HEADER_BLOCK = re.compile(r"^\s*(From|发件人)\s*[:：]")
_NEXT_HEADER = re.compile(r"^\s*(Sent|Date|To|Subject|发送时间|日期|收件人|主题)\s*[:：]")


def trim_quoted(text: str) -> str:
    """``text`` up to the first quoted original; ``>`` lines dropped. A message that is
    nothing but a quote stays whole: a forwarded request is the request."""
    lines = text.splitlines()
    kept: list[str] = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        if any(marker.match(stripped) for marker in _MARKERS):
            break
        following = lines[number + 1:number + 4]
        if _HEADER_BLOCK.match(stripped) and any(_NEXT_HEADER.match(nxt) for nxt in following):
            break
        if stripped.startswith(">"):
            continue
        kept.append(line.rstrip())
    trimmed = "\n".join(kept).strip()
    return trimmed if trimmed else text.strip()
