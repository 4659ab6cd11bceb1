"""The administration page's desk settings tab: the desk-wide settings (app/desk_settings.py).

One form: the desk's name and time zone, the grading weights and thresholds, the
confirmation timeout and the automatic-assignment team, the backup schedule. Every value is
checked as it is typed (the first problem is shown under the form and Save waits for it to
be mended); Save writes the changed values as the signed-in administrator, Revert shows the
saved ones again. Beside each field, its tooltip says who changed it last and when; under
the form, the latest change of any.

Roles without ``Capability.MANAGE_SETTINGS`` read the form: every field disabled, with a
tooltip and a line saying why. The tab reads the settings again when
``context.events.records_changed`` names ``desk_settings`` (a save here, or a pull); an
administrator's unsaved edits are kept then, and the line under the form says newer values
arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.desk_settings import DESK_NAME_MAX, RANGES, DeskSettings, Stamp, checked, stamps
from app.domain.roles import Capability
from app.services.errors import DeskError
from ui.context import DeskContext
from ui.problems import problem_text

SETTINGS_TABLES = frozenset({"desk_settings", "teams"})
GRADING_FIELDS = ("urgency", "impact", "importance", "level_one_from", "level_two_from")


def setting_label(key: str) -> str:
    """What a desk-wide setting (or one of the grading's fields) is called on the page."""
    labels = {
        "desk_name": QCoreApplication.translate("DeskSettingsTab", "Desk name"),
        "time_zone": QCoreApplication.translate("DeskSettingsTab", "Time zone"),
        "grading": QCoreApplication.translate("DeskSettingsTab", "Grading"),
        "confirmation_timeout_hours": QCoreApplication.translate(
            "DeskSettingsTab", "Confirmation timeout"),
        "backup_interval_hours": QCoreApplication.translate("DeskSettingsTab",
                                                            "Backup every"),
        "backups_kept": QCoreApplication.translate("DeskSettingsTab", "Backups kept"),
        "auto_assign_team": QCoreApplication.translate("DeskSettingsTab",
                                                       "Automatic assignment"),
        "review_sample_percent": QCoreApplication.translate("DeskSettingsTab",
                                                            "Level-3 results reviewed"),
        "urgency": QCoreApplication.translate("DeskSettingsTab", "Urgency weight"),
        "impact": QCoreApplication.translate("DeskSettingsTab", "Impact scope weight"),
        "importance": QCoreApplication.translate("DeskSettingsTab",
                                                 "Business importance weight"),
        "level_one_from": QCoreApplication.translate("DeskSettingsTab", "Level 1 from score"),
        "level_two_from": QCoreApplication.translate("DeskSettingsTab", "Level 2 from score"),
    }
    return labels.get(key, key)


def _zones() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(zone for zone in available_timezones()
                  if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "posix/",
                                                          "right/")))


def _spin(parent: QWidget, low: float, high: float, step: float, decimals: int,
          suffix: str = "") -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(True)
    spin.setMinimumWidth(110)
    return spin


class DeskSettingsTab(QWidget):
    """The desk-wide settings form (see the module docstring)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._saved = DeskSettings()
        self._stamps: dict[str, Stamp] = {}
        self._loading = False
        self._build_fields()
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save")
        self.revert_button = QPushButton(self.tr("&Revert"), self)
        self.revert_button.setObjectName("revert")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.read_only = QLabel(self)
        self.read_only.setObjectName("read_only")
        self.read_only.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.last_change = QLabel(self)
        self.last_change.setObjectName("last_change")
        self.last_change.setWordWrap(True)
        self._layout()
        for edit in self._edits().values():
            _on_change(edit, self._edited)
        self._load()
        self.follow_seat()
        context.events.seat_changed.connect(self.follow_seat)
        context.events.records_changed.connect(self._records_changed)

    # --- building ----------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.desk_name = QLineEdit(self)
        self.desk_name.setObjectName("desk_name")
        self.desk_name.setMaxLength(DESK_NAME_MAX)
        self.desk_name.setPlaceholderText(self.tr("e.g. City Government Cloud Service Desk"))
        self.time_zone = QComboBox(self)
        self.time_zone.setObjectName("time_zone")
        # Any IANA name may be typed; the list and its completer help find one.
        self.time_zone.setEditable(True)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_zone.addItems(_zones())
        self.time_zone.setMinimumContentsLength(22)
        completer = QCompleter(self.time_zone.model(), self.time_zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.time_zone.setCompleter(completer)
        self.weights = {name: _spin(self, 0.0, 10.0, 0.05, 2) for name in GRADING_FIELDS[:3]}
        self.weights.update({name: _spin(self, 1.0, 3.0, 0.1, 2)
                             for name in GRADING_FIELDS[3:]})
        for name, spin in self.weights.items():
            spin.setObjectName(name)
        hours = self.tr(" h")
        low, high = RANGES["confirmation_timeout_hours"]
        self.confirmation_timeout = _spin(self, low, high, 1.0, 1, hours)
        self.confirmation_timeout.setObjectName("confirmation_timeout_hours")
        self.auto_assign_team = QComboBox(self)
        self.auto_assign_team.setObjectName("auto_assign_team")
        low, high = RANGES["backup_interval_hours"]
        self.backup_interval = _spin(self, low, high, 0.5, 1, hours)
        self.backup_interval.setObjectName("backup_interval_hours")
        self.backups_kept = QSpinBox(self)
        self.backups_kept.setObjectName("backups_kept")
        low, high = RANGES["backups_kept"]
        self.backups_kept.setRange(int(low), int(high))
        self.backups_kept.setMinimumWidth(110)
        self.review_sample = QSpinBox(self)
        self.review_sample.setObjectName("review_sample_percent")
        low, high = RANGES["review_sample_percent"]
        self.review_sample.setRange(int(low), int(high))
        self.review_sample.setSuffix(" %")
        self.review_sample.setMinimumWidth(110)

    def _edits(self) -> dict[str, QWidget]:
        """Each key's input (the grading's five fields under their own names)."""
        return {"desk_name": self.desk_name, "time_zone": self.time_zone, **self.weights,
                "confirmation_timeout_hours": self.confirmation_timeout,
                "auto_assign_team": self.auto_assign_team,
                "backup_interval_hours": self.backup_interval,
                "backups_kept": self.backups_kept,
                "review_sample_percent": self.review_sample}

    def _layout(self) -> None:
        desk = QGroupBox(self.tr("The desk"), self)
        form = QFormLayout(desk)
        form.addRow(setting_label("desk_name") + ":", self.desk_name)
        form.addRow(setting_label("time_zone") + ":", _left(self.time_zone))
        form.addRow(_hint(self.tr("The time zone every desk shows and reads times in (pages "
                                  "already open follow it at the next start). SLA business "
                                  "hours belong to the SLA policy."), desk))
        grading = QGroupBox(self.tr("Request grading"), self)
        form = QFormLayout(grading)
        for name in GRADING_FIELDS:
            form.addRow(setting_label(name) + ":", _left(self.weights[name]))
        form.addRow(_hint(self.tr(
            "Urgency, impact scope and business importance are rated 1 (low) to 3 (high); "
            "their weighted average is the score. A score from the level 1 threshold up is "
            "level 1, from the level 2 threshold up level 2, below it level 3. New and "
            "re-graded tickets use the weights saved here."), grading))
        loop = QGroupBox(self.tr("Closing the loop"), self)
        form = QFormLayout(loop)
        form.addRow(setting_label("confirmation_timeout_hours") + ":",
                    _left(self.confirmation_timeout))
        form.addRow(_hint(self.tr("A resolved ticket the requester has not confirmed is "
                                  "closed unconfirmed after this time."), loop))
        form.addRow(setting_label("auto_assign_team") + ":", _left(self.auto_assign_team))
        form.addRow(setting_label("review_sample_percent") + ":", _left(self.review_sample))
        form.addRow(_hint(self.tr("A senior engineer reviews this share of the resolved "
                              "level-3 tickets (100 %: all of them), the same sample on "
                              "every desk."), loop))
        backups = QGroupBox(self.tr("Backups"), self)
        form = QFormLayout(backups)
        form.addRow(setting_label("backup_interval_hours") + ":", _left(self.backup_interval))
        form.addRow(setting_label("backups_kept") + ":", _left(self.backups_kept))
        form.addRow(_hint(self.tr("Each desk keeps online copies of its own database in "
                                  "its data folder's backups folder."), backups))
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(desk)
        left.addWidget(loop)
        left.addWidget(backups)
        left.addStretch(1)
        right.addWidget(grading)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        body = QWidget(self)
        body.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.last_change, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    # --- reading -----------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Show the saved settings (unsaved edits are kept: see ``_records_changed``)."""
        if self.dirty:
            self._show_stamps()
            return
        self._load()

    def _load(self) -> None:
        self._saved = self._context.desk_settings()
        self._stamps = stamps(self._context.reader)
        self._loading = True
        try:
            saved = self._saved
            self.desk_name.setText(saved.desk_name)
            self.time_zone.setCurrentText(saved.time_zone)
            for name, spin in self.weights.items():
                spin.setValue(getattr(saved.grading, name))
            self.confirmation_timeout.setValue(saved.confirmation_timeout_hours)
            self._fill_teams(saved.auto_assign_team)
            self.backup_interval.setValue(saved.backup_interval_hours)
            self.backups_kept.setValue(saved.backups_kept)
            self.review_sample.setValue(saved.review_sample_percent)
        finally:
            self._loading = False
        self._show_stamps()
        self._edited()

    def _fill_teams(self, chosen: str) -> None:
        column = "name_zh" if self._context.language.startswith("zh") else "name_en"
        rows = self._context.reader.execute(
            f"SELECT code, coalesce(nullif({column}, ''), code), retired FROM teams "
            "WHERE deleted = 0 AND (retired = 0 OR code = ?) ORDER BY code", (chosen,))
        self.auto_assign_team.clear()
        self.auto_assign_team.addItem(self.tr("Off: every ticket is dispatched by hand"), "")
        for code, name, _retired in rows:
            self.auto_assign_team.addItem(
                self.tr("New tickets go to the best available member of %1").replace(
                    "%1", name), code)
        found = self.auto_assign_team.findData(chosen)
        self.auto_assign_team.setCurrentIndex(max(found, 0))

    def _show_stamps(self) -> None:
        zone = self._context.time_zone
        for key, edits in (("desk_name", [self.desk_name]), ("time_zone", [self.time_zone]),
                           ("grading", list(self.weights.values())),
                           ("confirmation_timeout_hours", [self.confirmation_timeout]),
                           ("auto_assign_team", [self.auto_assign_team]),
                           ("backup_interval_hours", [self.backup_interval]),
                           ("backups_kept", [self.backups_kept]),
                           ("review_sample_percent", [self.review_sample])):
            stamp = self._stamps.get(key)
            tip = self._stamp_text(stamp, zone) if stamp else self.tr("The built-in value: "
                                                                      "never changed")
            for edit in edits:
                edit.setToolTip(tip if self.editable else self._why_not())
        latest = max(self._stamps.values(), key=lambda s: s.at) if self._stamps else None
        self.last_change.setText(
            self.tr("Last change: %1, %2").replace("%1", setting_label(latest.key))
            .replace("%2", self._stamp_text(latest, zone)) if latest is not None
            else self.tr("Every setting has its built-in value."))

    def _stamp_text(self, stamp: Stamp, zone: Any) -> str:
        when = stamp.at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        if not stamp.author:
            return self.tr("taken over from this desk's settings file on %1").replace(
                "%1", when)
        return self.tr("changed by %1 on %2").replace("%1", stamp.author).replace("%2", when)

    @Slot(list)
    def _records_changed(self, names: list[str]) -> None:
        if not SETTINGS_TABLES & set(names):
            return
        if self.dirty and "desk_settings" in names:
            self._stamps = stamps(self._context.reader)
            self._show_stamps()
            self.last_change.setText(self.tr(
                "Settings were changed meanwhile (%1). Revert shows them; Save keeps yours.")
                .replace("%1", self.last_change.text()))
            return
        self.refresh()

    # --- the form's values -------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the form shows, as ``app.desk_settings.save`` takes it (not yet checked)."""
        return {
            "desk_name": self.desk_name.text(),
            "time_zone": self.time_zone.currentText(),
            "grading": {name: spin.value() for name, spin in self.weights.items()},
            "confirmation_timeout_hours": self.confirmation_timeout.value(),
            "auto_assign_team": self.auto_assign_team.currentData() or "",
            "backup_interval_hours": self.backup_interval.value(),
            "backups_kept": self.backups_kept.value(),
            "review_sample_percent": self.review_sample.value(),
        }

    def changes(self) -> dict[str, Any]:
        """The values that differ from the saved ones (checked); DeskError for the first
        that cannot be saved."""
        found: dict[str, Any] = {}
        for key, value in self.values().items():
            kept = checked(key, value)
            if kept != getattr(self._saved, key):
                found[key] = kept
        return found

    @property
    def dirty(self) -> bool:
        try:
            return bool(self.changes())
        except DeskError:
            return True

    @property
    def editable(self) -> bool:
        return self._context.may(Capability.MANAGE_SETTINGS)

    def _why_not(self) -> str:
        return self.tr("Only administrators change desk-wide settings")

    @Slot()
    def _edited(self) -> None:
        if self._loading:
            return
        try:
            dirty = bool(self.changes())
            self.problem.clear()
            self.problem.hide()
            valid = True
        except DeskError as error:
            dirty, valid = True, False
            self._show_problem(error)
        editable = self.editable
        self.save_button.setEnabled(editable and dirty and valid)
        self.revert_button.setEnabled(editable and dirty)

    def _show_problem(self, error: DeskError) -> None:
        label = setting_label(error.field or "")
        self.problem.setText(f"{label}: {problem_text(error.problem, error.detail)}")
        self.problem.show()

    # --- who may edit ------------------------------------------------------------------

    @Slot(object)
    def follow_seat(self, _seat: object = None) -> None:
        """Enable the form for a role that manages settings; explain why not to others."""
        editable = self.editable
        self.read_only.setText(self.tr("Read-only: only administrators change desk-wide "
                                       "settings. They apply to every desk of this service "
                                       "desk."))
        self.read_only.setVisible(not editable)
        for edit in self._edits().values():
            edit.setEnabled(editable)
        for button in (self.save_button, self.revert_button):
            button.setToolTip("" if editable else self._why_not())
        if not editable and self.dirty:
            self._load()  # a seat who may not save sees the saved values, not someone's edit
        self._show_stamps()
        self._edited()

    # --- writing -----------------------------------------------------------------------

    @Slot()
    def save(self) -> list[str]:
        """Save the changed values as the signed-in seat; returns the keys written."""
        if not self.editable:
            return []
        try:
            written = self._context.save_desk_settings(**self.changes())
        except DeskError as error:
            self._show_problem(error)
            return []
        self._load()  # the broadcast found the form dirty; now it is saved
        return written

    @Slot()
    def revert(self) -> None:
        """Show the saved values again, dropping unsaved edits."""
        self._load()


def _on_change(edit: QWidget, slot: Callable[[], None]) -> None:
    if isinstance(edit, QLineEdit):
        edit.textChanged.connect(slot)
    elif isinstance(edit, QComboBox):
        edit.currentIndexChanged.connect(slot)
        edit.editTextChanged.connect(slot)
    elif isinstance(edit, QDoubleSpinBox | QSpinBox):
        edit.valueChanged.connect(slot)


def _left(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #546e7a")
    return label


def build(context: DeskContext, parent: QWidget) -> QWidget:
    """The desk settings tab of the administration page (ui/admin/__init__.py)."""
    return DeskSettingsTab(context, parent)
