"""Words for the staff import: its columns, what a row does, and its problems, in the seat's
language (``app.people`` gives codes and data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.people.staff_file import Field, Finding, ImportProblem
from app.people.staff_import import AccountAction, RowAction


def field_name(field: Field) -> str:
    return {
        Field.NAME: QCoreApplication.translate("StaffImport", "Name"),
        Field.LOGIN: QCoreApplication.translate("StaffImport", "Login"),
        Field.TEAM: QCoreApplication.translate("StaffImport", "Team"),
        Field.SKILLS: QCoreApplication.translate("StaffImport", "Skills"),
        Field.SENIORITY: QCoreApplication.translate("StaffImport", "Seniority"),
        Field.PHONE: QCoreApplication.translate("StaffImport", "Phone"),
        Field.EMAIL: QCoreApplication.translate("StaffImport", "E-mail"),
        Field.ROLE: QCoreApplication.translate("StaffImport", "Role"),
    }[field]


def action_name(action: RowAction) -> str:
    return {
        RowAction.NEW: QCoreApplication.translate("StaffImport", "New"),
        RowAction.UPDATE: QCoreApplication.translate("StaffImport", "Update"),
        RowAction.REACTIVATE: QCoreApplication.translate("StaffImport", "Update, reactivate"),
    }[action]


def account_note(account: AccountAction) -> str:
    return {
        AccountAction.NONE: "",
        AccountAction.NEW: QCoreApplication.translate("StaffImport", "new account"),
        AccountAction.KEPT: QCoreApplication.translate("StaffImport", "account kept"),
    }[account]


def _problem_text(problem: ImportProblem) -> str:
    P = ImportProblem
    return {
        P.UNREADABLE: QCoreApplication.translate(
            "StaffImport", "The file cannot be read: {detail}"),
        P.NOT_TEXT: QCoreApplication.translate(
            "StaffImport", "The file is neither UTF-8 nor GBK text. Save it from Excel or WPS "
            "as CSV or XLSX."),
        P.MALFORMED: QCoreApplication.translate(
            "StaffImport", "The file is not valid CSV (near row {detail})."),
        P.NOT_A_WORKBOOK: QCoreApplication.translate(
            "StaffImport", "The file is not an XLSX workbook."),
        P.OLD_WORKBOOK: QCoreApplication.translate(
            "StaffImport", "Old Excel (.xls) and WPS (.et) workbooks cannot be read. Save the "
            "file as XLSX or CSV."),
        P.MISSING_COLUMN: QCoreApplication.translate(
            "StaffImport", "No column named “{field}” in the first five rows."),
        P.DUPLICATE_COLUMN: QCoreApplication.translate(
            "StaffImport", "Two columns are named “{field}”: keep one."),
        P.NO_ROWS: QCoreApplication.translate("StaffImport", "The file has no staff rows."),
        P.TOO_MANY_ROWS: QCoreApplication.translate(
            "StaffImport", "The file has more than {detail} rows: split it."),
        P.MISSING_VALUE: QCoreApplication.translate("StaffImport", "{field} missing"),
        P.TOO_LONG: QCoreApplication.translate(
            "StaffImport", "{field} longer than {detail} characters"),
        P.LOGIN_INVALID: QCoreApplication.translate(
            "StaffImport", "login “{detail}” may only have letters, digits and . _ @ -"),
        P.DUPLICATE_LOGIN: QCoreApplication.translate(
            "StaffImport", "same login as row {detail}"),
        P.LOGIN_OF_REMOVED: QCoreApplication.translate(
            "StaffImport", "login “{detail}” belonged to a removed staff member"),
        P.UNKNOWN_TEAM: QCoreApplication.translate(
            "StaffImport", "no team “{detail}” in service"),
        P.UNKNOWN_SKILL: QCoreApplication.translate(
            "StaffImport", "no skill “{detail}” in service"),
        P.UNKNOWN_SENIORITY: QCoreApplication.translate(
            "StaffImport", "seniority “{detail}” is not 1, 2 or 3"),
        P.BAD_PHONE: QCoreApplication.translate(
            "StaffImport", "“{detail}” is not a phone number"),
        P.BAD_EMAIL: QCoreApplication.translate(
            "StaffImport", "“{detail}” is not an e-mail address"),
        P.UNKNOWN_ROLE: QCoreApplication.translate("StaffImport", "no role “{detail}”"),
    }[problem]


def finding_text(finding: Finding) -> str:
    """One problem as a short sentence."""
    field = field_name(finding.field) if finding.field is not None else ""
    return _problem_text(finding.problem).format(field=field, detail=finding.detail)


def findings_text(findings: tuple[Finding, ...]) -> str:
    separator = QCoreApplication.translate("StaffImport", "; ", "between a row's problems")
    return separator.join(finding_text(finding) for finding in findings)
