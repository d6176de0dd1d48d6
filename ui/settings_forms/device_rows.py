"""The device list of the Settings dialog: one row per device with "Test connection"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from console.config.models import RoomProfile
from console.profile_edit import ConnectionResult, DeviceEntry, DeviceRole, list_devices
from drivers.roles.base import Availability, DeviceStatus
from ui.messages import DeviceKind, problem_text, status_text, warning_text


class DeviceRow(QWidget):
    """One device of the profile: its name, where it is, "Test connection" and the answer."""

    def __init__(self, entry: DeviceEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.testing = False
        self.allowed = True  # False while the editor's text is invalid
        self.name_label = QLabel(entry.name, self)
        self.name_label.setStyleSheet("font-weight: 600;")
        self.where_label = QLabel(self)
        self.where_label.setObjectName("deviceWhere")
        self.where_label.setWordWrap(True)
        self.test_button = QPushButton(self)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("deviceResult")
        self.result_label.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.test_button, 0, 1, 2, 1)
        grid.addWidget(self.where_label, 1, 0)
        grid.addWidget(self.result_label, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Word the button again (the result is worded when it arrives)."""
        self.test_button.setText(self.tr("Test connection"))
        roles = {
            DeviceRole.CAMERA: self.tr("Camera"),
            DeviceRole.MIXER: self.tr("Mixer"),
            DeviceRole.CODEC: self.tr("Codec"),
        }
        where = f"{roles[self.entry.role]} · {self.entry.where}"
        # A long address may wrap after a ':' (zero-width space) instead of being cut off.
        self.where_label.setText(where.replace(":", ":\u200b"))
        self.where_label.setToolTip(where)

    def show_testing(self) -> None:
        """Say a test is running and block a second one."""
        self.testing = True
        self._update_button()
        self._set_result(self.tr("Testing…"), "")

    def set_entry(self, entry: DeviceEntry) -> None:
        """Follow an edit of the text; a result about other settings is cleared."""
        if entry.settings() != self.entry.settings() and not self.testing:
            self._set_result("", "")
        self.entry = entry
        self.name_label.setText(entry.name)
        self.retranslate()

    def allow_test(self, allowed: bool) -> None:
        """Offer the test only while the editor's text is valid."""
        self.allowed = allowed
        self._update_button()

    def _update_button(self) -> None:
        self.test_button.setEnabled(self.allowed and not self.testing)

    def show_result(self, result: ConnectionResult | None) -> None:
        """Say in plain words whether the device answered (None: the test itself failed)."""
        self.testing = False
        self._update_button()
        if result is None:
            self._set_result("", "")
            return
        kind = DeviceKind.CAMERA if self.entry.role is DeviceRole.CAMERA else DeviceKind.OTHER
        name = self.entry.name
        if result.ok and result.problem is None:
            text = status_text(DeviceStatus(Availability.ONLINE), name, kind)
        elif result.ok and result.problem is not None:
            text = warning_text(result.problem, name, kind)
        else:
            assert result.problem is not None
            text = problem_text(result.problem, name, kind)
        self._set_result(("✔ " if result.ok else "✖ ") + text, "ok" if result.ok else "error")
        self.result_label.setToolTip(result.detail)

    def _set_result(self, text: str, state: str) -> None:
        self.result_label.setText(text)
        self.result_label.setProperty("state", state)
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)


def _shown(entry: DeviceEntry) -> tuple[str, str, str, str]:
    """Return what a device row shows: a change here rebuilds the list."""
    return (entry.role.value, entry.key, entry.name, entry.where)


class DeviceList(QGroupBox):
    """Every device the profile names, each with its own "Test connection" button."""

    def __init__(self, on_test: Callable[[DeviceRow], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[DeviceRow] = []
        self._on_test = on_test
        self._layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("settingsPath")
        self.hint.setWordWrap(True)
        self._layout.addWidget(self.hint)
        self._layout.addStretch(1)

    def update_devices(self, profile: RoomProfile) -> None:
        """Follow the profile: same devices keep their rows (and the results that still hold)."""
        entries = list_devices(profile)
        if [_shown(row.entry) for row in self.rows] == [_shown(entry) for entry in entries]:
            for row, entry in zip(self.rows, entries, strict=True):
                row.set_entry(entry)
            return
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for entry in entries:
            row = DeviceRow(entry, self)
            row.test_button.clicked.connect(lambda _c=False, r=row: self._on_test(r))
            self._layout.insertWidget(self._layout.count() - 1, row)
            self.rows.append(row)

    def allow_tests(self, allowed: bool) -> None:
        """Offer the tests only while the text is valid."""
        for row in self.rows:
            row.allow_test(allowed)

    def retranslate(self) -> None:
        """Word the rows again."""
        for row in self.rows:
            row.retranslate()
