"""The online questionnaire's fixed choices, shared by the page the server serves and the
mail service that applies the answers (issue 18)."""

from __future__ import annotations

COMMENT_MAX = 2000
# The main reason a requester may pick: code -> (Chinese, English).
REASONS: dict[str, tuple[str, str]] = {
    "fast": ("处理及时", "Handled quickly"),
    "skill": ("专业可靠", "Knew what to do"),
    "attitude": ("服务态度好", "Kind and clear"),
    "slow": ("处理太慢", "Too slow"),
    "unclear": ("沟通不清楚", "Unclear communication"),
    "other": ("其他", "Something else"),
}
