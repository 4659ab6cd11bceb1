"""The dialog of the catalog tab: a ticket type or a category.

Code, both names, colour (QColorDialog) and icon (a glyph picked from those in use and a
few more, or typed), with a preview of the badge the queues and pickers draw; a category
also asks for its skill and the person responsible. OK hands what was typed to a ``save``
callable; when the desk refuses it, the dialog stays open with the translated reason and
the cursor in the field at fault. The code is read-only once saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.admin import ICON_MAX, EntryForm
from app.catalog.reading import CatalogEntry, CatalogKind, Owner
from app.people.admin import CODE_MAX, NAME_MAX
from app.people.reading import CodedName
from app.services.errors import DeskError
from ui.admin.people_dialogs import RefusalShown, named, problem_label
from ui.dialogs import dialog_buttons
from ui.icons import badge

NEW_COLOUR = "#607d8b"


class ColourButton(QPushButton):
    """Shows a colour (a swatch and its #rrggbb) and asks for another when clicked.

    Signals:
        colour_changed(str): another colour was chosen (#rrggbb).
    """

    colour_changed = Signal(str)

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(28, 16))
        self.clicked.connect(self.ask)
        self.set_colour(colour)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = colour
        self.setText(colour)
        self.setIcon(badge(colour, "", 16))
        self.colour_changed.emit(colour)

    @Slot()
    def ask(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self,
                                       self.tr("Colour of the badge"))
        if chosen.isValid():
            self.set_colour(chosen.name())


class EntryDialog(QDialog):
    """Add (``entry`` None) or edit a ticket type or a category."""

    def __init__(self, kind: CatalogKind, glyphs: Sequence[str], skills: Sequence[CodedName],
                 owners: Sequence[Owner], language: str,
                 save: Callable[[str, EntryForm], object], entry: CatalogEntry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind, self._save = kind, save
        category = kind is CatalogKind.CATEGORIES
        if entry is None:
            self.setWindowTitle(self.tr("Add a category") if category
                                else self.tr("Add a ticket type"))
        else:
            self.setWindowTitle(self.tr("Edit %1").replace("%1", entry.name(language)))
        self.code = QLineEdit(entry.code if entry else "", self)
        self.code.setMaxLength(CODE_MAX)
        self.code.setPlaceholderText("video_conferencing" if category else "complaint")
        if entry is not None:
            self.code.setReadOnly(True)
            self.code.setToolTip(self.tr("A code never changes: SLA policies and other "
                                         "desks refer to it."))
        self.name_zh = QLineEdit(entry.name_zh if entry else "", self)
        self.name_en = QLineEdit(entry.name_en if entry else "", self)
        for line in (self.name_zh, self.name_en):
            line.setMaxLength(NAME_MAX)
        self.colour = ColourButton(entry.color if entry else NEW_COLOUR, self)
        self.icon = self._icon_picker(glyphs, entry.icon if entry else "")
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.skill = QComboBox(self)
        self.owner = QComboBox(self)
        if category:
            self._fill_skills(skills, language, entry.skill if entry else "")
            self._fill_owners(owners, entry)
        self.problem = problem_label(self)
        self._refusal = RefusalShown(self.problem, {
            "code": self.code, "name_zh": self.name_zh, "name_en": self.name_en,
            "color": self.colour, "icon": self.icon, "skill": self.skill,
            "owner": self.owner})
        self._layout(category)
        self.colour.colour_changed.connect(self._show_preview)
        self.icon.currentTextChanged.connect(self._show_preview)
        self._show_preview()
        (self.name_zh if entry is not None else self.code).setFocus()

    def _icon_picker(self, glyphs: Sequence[str], current: str) -> QComboBox:
        """An editable list of glyphs: those in use and a few more, or any typed."""
        box = QComboBox(self)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for glyph in glyphs:
            box.addItem(glyph)
        line = box.lineEdit()
        assert line is not None
        line.setMaxLength(ICON_MAX)
        box.setCurrentText(current)
        box.setMinimumContentsLength(3)
        box.setToolTip(self.tr("One to three characters drawn in white on the colour: "
                               "pick one or type your own."))
        return box

    def _fill_skills(self, skills: Sequence[CodedName], language: str, current: str) -> None:
        """Skills in service, and the category's own even if it was retired since."""
        for skill in skills:
            if not skill.retired or skill.code == current:
                self.skill.addItem(named(skill, language), skill.code)
        self.skill.setCurrentIndex(self.skill.findData(current) if current else -1)
        self.skill.setToolTip(self.tr("Dispatch suggests people who have this skill."))

    def _fill_owners(self, owners: Sequence[Owner], entry: CatalogEntry | None) -> None:
        """The active staff. A person responsible who has left is shown, marked, so the
        administrator sees who to replace; saving asks for an active one."""
        for owner in owners:
            self.owner.addItem(f"{owner.name} ({owner.login})", owner.id)
        current = entry.owner_id if entry else None
        if entry is not None and current is not None and self.owner.findData(current) < 0:
            self.owner.addItem(self.tr("%1 (no longer active)").replace(
                "%1", entry.owner_name), current)
        self.owner.setCurrentIndex(self.owner.findData(current) if current else -1)
        self.owner.setPlaceholderText(self.tr("Choose a person"))
        self.owner.setToolTip(self.tr("The person answerable for this kind of problem."))

    def _layout(self, category: bool) -> None:
        looks = QHBoxLayout()
        looks.addWidget(self.colour)
        looks.addWidget(_buddy(self.tr("I&con"), self.icon, self))
        looks.addWidget(self.icon)
        looks.addWidget(self.preview)
        looks.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("Name (&Chinese)"), self.name_zh)
        form.addRow(self.tr("Name (&English)"), self.name_en)
        form.addRow(_buddy(self.tr("C&olour"), self.colour, self), looks)
        if category:
            form.addRow(self.tr("&Skill"), self.skill)
            form.addRow(self.tr("&Responsible"), self.owner)
        else:
            self.skill.hide()
            self.owner.hide()
        hint = QLabel(self.tr("The code never changes once saved. One name is enough; the "
                              "other language shows it until it has its own."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(dialog_buttons(self, on_accept=self.submit))
        self.resize(480, 300 if category else 240)

    @Slot()
    def _show_preview(self) -> None:
        glyph = self.icon.currentText().strip()
        self.preview.setPixmap(badge(self.colour.colour(), glyph, 24).pixmap(24, 24))

    def form(self) -> EntryForm:
        owner = self.owner.currentData()
        return EntryForm(self.name_zh.text(), self.name_en.text(), self.colour.colour(),
                         self.icon.currentText(), str(self.skill.currentData() or ""),
                         None if owner is None else str(owner))

    @Slot()
    def submit(self) -> None:
        try:
            self._save(self.code.text(), self.form())
        except DeskError as error:
            self._refusal.show(error)
            return
        self.accept()


def _buddy(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A label whose mnemonic focuses ``buddy`` (a form row that holds a layout has none)."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label
