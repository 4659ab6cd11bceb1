"""The dialogs of the people tab: a staff member, and a team or skill (code and names).

OK hands what was typed to a ``save`` callable; when the desk refuses it (a DeskError),
the dialog stays open with the translated reason under the form and the cursor in the
field at fault. A login and a code are typed once: they are read-only when editing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Seniority
from app.people.admin import CODE_MAX, EMAIL_MAX, LOGIN_MAX, NAME_MAX, PHONE_MAX, StaffForm
from app.people.reading import CodedName, Person
from app.services.errors import DeskError
from ui.dialogs import dialog_buttons
from ui.labels import seniority_label
from ui.problems import problem_text


def problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


def _line(text: str, limit: int, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setMaxLength(limit)
    return edit


class RefusalShown:
    """Shows a DeskError in ``label`` and puts the cursor in the field it names."""

    def __init__(self, label: QLabel, fields: dict[str, QWidget]) -> None:
        self._label, self._fields = label, fields

    def show(self, error: DeskError) -> None:
        self._label.setText(problem_text(error.problem, error.detail))
        self._label.show()
        widget = self._fields.get(error.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()


class StaffDialog(QDialog):
    """Add (``person`` None) or edit a staff member."""

    def __init__(self, teams: Sequence[CodedName], skills: Sequence[CodedName],
                 language: str, save: Callable[[StaffForm], object],
                 person: Person | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a staff member") if person is None
                            else self.tr("Edit %1").replace("%1", person.name))
        self._save = save
        self.name = _line(person.name if person else "", NAME_MAX, self)
        self.login = _line(person.login if person else "", LOGIN_MAX, self)
        if person is not None:
            self.login.setReadOnly(True)
            self.login.setToolTip(self.tr("A login never changes: accounts and sign-in find "
                                          "the person by it."))
        self.team = QComboBox(self)
        self.team.addItem(self.tr("(no team)"), None)
        for team in teams:
            if not team.retired or (person is not None and team.id == person.team_id):
                self.team.addItem(named(team, language), team.id)
        self.team.setCurrentIndex(max(0, self.team.findData(
            person.team_id if person else None)))
        self.seniority = QComboBox(self)
        for level in Seniority:
            self.seniority.addItem(seniority_label(level), int(level))
        self.seniority.setCurrentIndex(self.seniority.findData(
            int(person.seniority if person else Seniority.ENGINEER)))
        self.skills = self._skill_list(skills, language, person)
        self.phone = _line(person.phone if person else "", PHONE_MAX, self)
        self.phone.setPlaceholderText("13800138000 / 010-66668888")
        self.email = _line(person.email if person else "", EMAIL_MAX, self)
        self.problem = problem_label(self)
        self._refusal = RefusalShown(self.problem, {
            "name": self.name, "login": self.login, "team": self.team,
            "seniority": self.seniority, "skills": self.skills, "phone": self.phone,
            "email": self.email})
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Login"), self.login)
        form.addRow(self.tr("&Team"), self.team)
        form.addRow(self.tr("&Seniority"), self.seniority)
        form.addRow(self.tr("S&kills"), self.skills)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&E-mail"), self.email)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, on_accept=self.submit))
        self.resize(460, 480)

    def _skill_list(self, skills: Sequence[CodedName], language: str,
                    person: Person | None) -> QListWidget:
        """Skills in service to tick, and the retired ones the person keeps."""
        has = set(person.skills) if person else set()
        box = QListWidget(self)
        box.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for skill in skills:
            if skill.retired and skill.code not in has:
                continue
            item = QListWidgetItem(named(skill, language), box)
            item.setData(Qt.ItemDataRole.UserRole, skill.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if skill.code in has
                               else Qt.CheckState.Unchecked)
        return box

    def form(self) -> StaffForm:
        ticked = frozenset(
            str(self.skills.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.skills.count())
            if self.skills.item(n).checkState() == Qt.CheckState.Checked)
        return StaffForm(self.name.text(), self.login.text(), self.team.currentData(),
                         int(self.seniority.currentData()), ticked, self.phone.text(),
                         self.email.text())

    @Slot()
    def submit(self) -> None:
        try:
            self._save(self.form())
        except DeskError as error:
            self._refusal.show(error)
            return
        self.accept()


class CodedNameDialog(QDialog):
    """Add (``entry`` None) or rename a team or a skill: a code and two names."""

    def __init__(self, title: str, save: Callable[[str, str, str], object],
                 entry: CodedName | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.code = _line(entry.code if entry else "", CODE_MAX, self)
        self.code.setPlaceholderText("network_security")
        if entry is not None:
            self.code.setReadOnly(True)
        self.name_zh = _line(entry.name_zh if entry else "", NAME_MAX, self)
        self.name_en = _line(entry.name_en if entry else "", NAME_MAX, self)
        hint = QLabel(self.tr("The code never changes once saved: other records refer to "
                              "it. Names may change at any time; one name is enough."), self)
        hint.setWordWrap(True)
        self.problem = problem_label(self)
        self._refusal = RefusalShown(self.problem, {
            "code": self.code, "name_zh": self.name_zh, "name_en": self.name_en})
        form = QFormLayout()
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("Name (&Chinese)"), self.name_zh)
        form.addRow(self.tr("Name (&English)"), self.name_en)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, on_accept=self.submit))
        self.resize(420, 220)
        (self.name_zh if entry is not None else self.code).setFocus()

    @Slot()
    def submit(self) -> None:
        try:
            self._save(self.code.text(), self.name_zh.text(), self.name_en.text())
        except DeskError as error:
            self._refusal.show(error)
            return
        self.accept()


def named(entry: CodedName, language: str) -> str:
    """A team's or skill's name in the desk language, marked if it is retired."""
    name = entry.name(language)
    if entry.retired:
        return QCoreApplication.translate("PeopleTab", "%1 (retired)").replace("%1", name)
    return name
