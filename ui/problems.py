"""Translated messages for refused operations (app.services.errors.Problem)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.errors import DeskError, Problem


def problem_text(problem: Problem, detail: str = "") -> str:
    t = {
        Problem.TITLE_MISSING: QCoreApplication.translate("Problem", "Give the ticket a title."),
        Problem.TITLE_TOO_LONG: QCoreApplication.translate(
            "Problem", "The title is too long (at most %1 characters)."),
        Problem.TEXT_TOO_LONG: QCoreApplication.translate(
            "Problem", "The text is too long (at most %1 characters)."),
        Problem.REQUESTER_MISSING: QCoreApplication.translate(
            "Problem", "Choose the requester, or create a new one."),
        Problem.REQUESTER_NAME_MISSING: QCoreApplication.translate(
            "Problem", "The requester needs a name."),
        Problem.PHONE_INVALID: QCoreApplication.translate(
            "Problem", "This is not a valid phone number (e.g. 13800138000 or 010-66668888)."),
        Problem.EMAIL_INVALID: QCoreApplication.translate(
            "Problem", "This is not a valid e-mail address."),
        Problem.CONTACT_MISSING: QCoreApplication.translate(
            "Problem", "Give a phone number or an e-mail address for the requester."),
        Problem.CATEGORY_MISSING: QCoreApplication.translate("Problem", "Choose a category."),
        Problem.TYPE_MISSING: QCoreApplication.translate("Problem", "Choose a ticket type."),
        Problem.OVERRIDE_REASON_MISSING: QCoreApplication.translate(
            "Problem", "Overriding the computed level needs a reason."),
        Problem.ILLEGAL_TRANSITION: QCoreApplication.translate(
            "Problem", "This step is not possible in the ticket's current state."),
        Problem.ASSIGNEE_MISSING: QCoreApplication.translate(
            "Problem", "The ticket needs an assignee first."),
        Problem.REASON_MISSING: QCoreApplication.translate("Problem", "Please give a reason."),
        Problem.SOLUTION_MISSING: QCoreApplication.translate(
            "Problem", "Describe the solution before resolving."),
        Problem.SCORE_INVALID: QCoreApplication.translate(
            "Problem", "Satisfaction is scored from 1 to 5."),
        Problem.NOT_FOUND: QCoreApplication.translate("Problem", "The ticket no longer exists."),
        Problem.STALE: QCoreApplication.translate(
            "Problem", "Someone changed this ticket in the meantime. It has been reloaded; "
            "please check it and try again."),
        Problem.CONFIRMATION_PENDING: QCoreApplication.translate(
            "Problem", "The requester has not confirmed yet and the confirmation timeout "
            "has not passed."),
        Problem.LINK_INVALID: QCoreApplication.translate(
            "Problem", "A ticket cannot be linked to itself."),
        Problem.PASSWORD_TOO_SHORT: QCoreApplication.translate(
            "Problem", "A password needs at least %1 characters."),
        Problem.LOGIN_TAKEN: QCoreApplication.translate(
            "Problem", "This login is already taken."),
        Problem.SIGN_IN_REFUSED: QCoreApplication.translate(
            "Problem", "Wrong login or password, or the account is disabled."),
        Problem.NOT_ALLOWED: QCoreApplication.translate(
            "Problem", "Your role may not do this."),
        Problem.STAFF_NOT_FOUND: QCoreApplication.translate(
            "Problem", "No active staff member has this login."),
        Problem.ACCOUNT_NOT_FOUND: QCoreApplication.translate(
            "Problem", "There is no account with this login."),
        Problem.NAME_MISSING: QCoreApplication.translate("Problem", "Give a name."),
        Problem.LOGIN_INVALID: QCoreApplication.translate(
            "Problem", "A login is letters, digits, '.', '_', '-' or '@', without spaces, "
            "at most %1 characters."),
        Problem.CODE_INVALID: QCoreApplication.translate(
            "Problem", "A code starts with a letter and has only lower-case letters, digits "
            "and '_', at most %1 characters."),
        Problem.CODE_TAKEN: QCoreApplication.translate(
            "Problem", "This code is already taken (perhaps by a retired entry)."),
        Problem.COLOUR_INVALID: QCoreApplication.translate(
            "Problem", "Choose a colour (#rrggbb)."),
        Problem.ICON_INVALID: QCoreApplication.translate(
            "Problem", "An icon is one to %1 characters without spaces, e.g. ! or SD or 网."),
        Problem.SKILL_MISSING: QCoreApplication.translate(
            "Problem", "Choose the skill this category asks for."),
        Problem.OWNER_MISSING: QCoreApplication.translate(
            "Problem", "Name the person responsible for this category: an active staff "
            "member."),
        Problem.IN_USE: QCoreApplication.translate(
            "Problem", "Still used by %1 ticket(s) or article(s): retire it instead, so "
            "they keep its name."),
        Problem.MERGE_INVALID: QCoreApplication.translate(
            "Problem", "Choose the requester to keep and at least one other to merge into "
            "it."),
        Problem.TEAM_UNKNOWN: QCoreApplication.translate(
            "Problem", "Choose a team that is in service."),
        Problem.SKILL_UNKNOWN: QCoreApplication.translate(
            "Problem", "The skill %1 does not exist or is retired."),
        Problem.SENIORITY_INVALID: QCoreApplication.translate(
            "Problem", "Choose a seniority: engineer, experienced or senior expert."),
        Problem.RECORD_GONE: QCoreApplication.translate(
            "Problem", "It is no longer there: someone removed it in the meantime."),
        Problem.OWN_SEAT: QCoreApplication.translate(
            "Problem", "You cannot deactivate your own seat; another administrator can."),
        Problem.LOGIN_FIXED: QCoreApplication.translate(
            "Problem", "A login never changes: accounts and sign-in find the person by it."),
        Problem.IMPORT_HAS_PROBLEMS: QCoreApplication.translate(
            "Problem", "Nothing was imported: %1 rows have problems. Correct the file and "
            "open it again."),
        Problem.IMPORT_OUTDATED: QCoreApplication.translate(
            "Problem", "Nothing was imported: staff or accounts changed since the preview. "
            "Open the file again."),
        Problem.LAST_ADMINISTRATOR: QCoreApplication.translate(
            "Problem", "This is the last active account that may manage accounts: give "
            "another account that role first, or nobody could manage accounts any more."),
        Problem.PASSWORDS_DIFFER: QCoreApplication.translate(
            "Problem", "The two passwords differ: type the same password twice."),
        Problem.TIME_ZONE_UNKNOWN: QCoreApplication.translate(
            "Problem", "Choose a time zone from the list, e.g. Asia/Shanghai."),
        Problem.SETTING_INVALID: QCoreApplication.translate(
            "Problem", "This value cannot be used for this setting."),
        Problem.SETTING_OUT_OF_RANGE: QCoreApplication.translate(
            "Problem", "Give a number from %1."),
        Problem.GRADING_INVALID: QCoreApplication.translate(
            "Problem", "The grading weights must not be negative nor all zero, and the "
            "thresholds must satisfy 1 ≤ level 2 ≤ level 1 ≤ 3."),
        Problem.NOT_VERIFIED: QCoreApplication.translate(
            "Problem", "A level-2 result is confirmed only after the technical lead has "
            "verified it: ask a technical lead to verify the resolution first."),
        Problem.PLAN_EMPTY: QCoreApplication.translate(
            "Problem", "A plan needs at least one step."),
        Problem.STEP_TEXT_MISSING: QCoreApplication.translate(
            "Problem", "Step %1 has no text: say what is to be done."),
        Problem.WRONG_LEVEL: QCoreApplication.translate(
            "Problem", "This step is for level-%1 tickets only."),
        Problem.NOT_RESOLVED: QCoreApplication.translate(
            "Problem", "Only a resolved ticket can be verified or reviewed."),
        Problem.EXPERT_NOT_SENIOR: QCoreApplication.translate(
            "Problem", "A level-1 emergency is led by a senior expert: choose one."),
        Problem.PLANNED_TIME_INVALID: QCoreApplication.translate(
            "Problem", "Give the planned time in minutes, from %1."),
    }[problem]
    return t.replace("%1", detail)


def show_problem(parent: QWidget | None, error: DeskError) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Problem", "Not saved"),
                        problem_text(error.problem, error.detail))
