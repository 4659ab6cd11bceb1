"""Why a desk operation was refused: a code the UI translates, never a traceback."""

from __future__ import annotations

from enum import StrEnum


class Problem(StrEnum):
    """What was wrong with a request; each has a translated message in ui/."""

    TITLE_MISSING = "title_missing"
    TITLE_TOO_LONG = "title_too_long"
    TEXT_TOO_LONG = "text_too_long"
    REQUESTER_MISSING = "requester_missing"
    REQUESTER_NAME_MISSING = "requester_name_missing"
    PHONE_INVALID = "phone_invalid"
    EMAIL_INVALID = "email_invalid"
    CONTACT_MISSING = "contact_missing"
    CATEGORY_MISSING = "category_missing"
    TYPE_MISSING = "type_missing"
    OVERRIDE_REASON_MISSING = "override_reason_missing"
    ILLEGAL_TRANSITION = "illegal_transition"
    ASSIGNEE_MISSING = "assignee_missing"
    REASON_MISSING = "reason_missing"
    SOLUTION_MISSING = "solution_missing"
    SCORE_INVALID = "score_invalid"
    NOT_FOUND = "not_found"
    STALE = "stale"
    CONFIRMATION_PENDING = "confirmation_pending"
    LINK_INVALID = "link_invalid"
    PASSWORD_TOO_SHORT = "password_too_short"
    LOGIN_TAKEN = "login_taken"
    SIGN_IN_REFUSED = "sign_in_refused"
    NOT_ALLOWED = "not_allowed"  # the signed-in role may not do this
    STAFF_NOT_FOUND = "staff_not_found"  # no (active) staff member has this login
    ACCOUNT_NOT_FOUND = "account_not_found"
    NAME_MISSING = "name_missing"  # a person, team or skill without a name
    LOGIN_INVALID = "login_invalid"
    CODE_INVALID = "code_invalid"  # a team's or skill's code
    CODE_TAKEN = "code_taken"
    COLOUR_INVALID = "colour_invalid"  # a catalog entry's colour is not #rrggbb
    ICON_INVALID = "icon_invalid"  # a catalog entry's icon glyph (detail: most characters)
    SKILL_MISSING = "skill_missing"  # a category asks for no skill
    OWNER_MISSING = "owner_missing"  # a category without an active person responsible
    IN_USE = "in_use"  # removing what tickets or articles use (detail: how many)
    MERGE_INVALID = "merge_invalid"  # a requester merge without a survivor and duplicates
    TEAM_UNKNOWN = "team_unknown"  # no such team, or one retired
    SKILL_UNKNOWN = "skill_unknown"  # no such skill, or one retired (detail: its code)
    SENIORITY_INVALID = "seniority_invalid"
    RECORD_GONE = "record_gone"  # the person, team or skill is no longer there
    OWN_SEAT = "own_seat"  # deactivating the seat that is signed in
    LOGIN_FIXED = "login_fixed"  # a staff member's login never changes
    IMPORT_HAS_PROBLEMS = "import_has_problems"  # a staff import's preview (detail: rows)
    IMPORT_OUTDATED = "import_outdated"  # staff or accounts changed since the preview
    LAST_ADMINISTRATOR = "last_administrator"  # nobody would be left to manage accounts
    PASSWORDS_DIFFER = "passwords_differ"  # a new password and its repetition
    TIME_ZONE_UNKNOWN = "time_zone_unknown"  # not an IANA time zone this machine knows
    SETTING_INVALID = "setting_invalid"  # a desk-wide setting of the wrong kind
    SETTING_OUT_OF_RANGE = "setting_out_of_range"  # a desk-wide number (detail: its range)
    GRADING_INVALID = "grading_invalid"  # negative or all-zero weights, thresholds unordered
    # The handling process (app/process, issue 16).
    NOT_VERIFIED = "not_verified"  # a level-2 result confirmed before its verification
    PLAN_EMPTY = "plan_empty"  # a plan without a step
    STEP_TEXT_MISSING = "step_text_missing"  # a plan step without its text (detail: number)
    WRONG_LEVEL = "wrong_level"  # the step is for another level (detail: the level it needs)
    NOT_RESOLVED = "not_resolved"  # verifying or reviewing what is not resolved
    EXPERT_NOT_SENIOR = "expert_not_senior"  # an emergency's expert is not a senior expert
    PLANNED_TIME_INVALID = "planned_time_invalid"  # level-3 planned minutes out of range


class DeskError(Exception):
    """A refused operation; ``field`` names the input at fault when there is one."""

    def __init__(self, problem: Problem, field: str | None = None, detail: str = "") -> None:
        where = f" ({field})" if field else ""
        super().__init__(f"{problem.value}{where}{': ' + detail if detail else ''}")
        self.problem = problem
        self.field = field
        self.detail = detail
