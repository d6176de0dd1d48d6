"""The technician's Settings dialog: forms and TOML text checked as you type, tests, save, import.

The work is done by ``console.profile_edit`` and ``console.profile_form`` (Qt-free); the tabs are
in ``ui.settings_forms``. The text is the one source of truth: a form edit rewrites it, a text
edit refreshes the forms. New devices take effect after a restart, so a save says so.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.access import Mode
from console.config.loader import ProfileError, backup_path, read_profile_text
from console.config.models import RoomProfile
from console.profile_edit import (
    TEST_TIMEOUT,
    ConnectionResult,
    DeviceEntry,
    export_profile,
    import_profile,
    profile_text,
    running_device,
    save_text,
    test_connection,
    validate_text,
)
from ui.i18n import retranslate_on_change
from ui.language_choice import apply_profile_language
from ui.settings_forms.device_rows import DeviceList, DeviceRow
from ui.settings_forms.file_dialogs import ask_export_file, ask_import_file
from ui.settings_forms.form_tabs import SettingsTabs
from ui.settings_forms.sections import FormModel
from ui.settings_forms.status_text import status_html
from ui.settings_forms.style import SETTINGS_STYLE
from ui.settings_forms.text_tab import ProfileTextEdit

if TYPE_CHECKING:
    from console.room import Room
    from ui.operator_day import OperatorDay

__all__ = [
    "DEBOUNCE_MS",
    "DeviceRow",
    "ProfileTextEdit",
    "SettingsEditor",
    "SettingsLauncher",
    "install_settings",
    "open_settings",
]

_LOGGER = logging.getLogger(__name__)

DEBOUNCE_MS = 300  # validate once typing pauses, not on every key


class SettingsEditor(QDialog):
    """The technician's Settings (not modal: the room keeps running meanwhile)."""

    saved = Signal(str)  # the path written; the operator is told to restart

    def __init__(
        self,
        path: Path | None,
        text: str,
        room: Room | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsEditor")
        self.setStyleSheet(SETTINGS_STYLE)
        self.path = path  # None: the demo, nothing is saved
        self.room = room
        self.profile: RoomProfile | None = None  # of the current text, when it is valid
        self.error: ProfileError | None = None
        self.test_timeout = TEST_TIMEOUT  # seconds a device gets to answer "Test connection"
        self._tasks: set[asyncio.Future[ConnectionResult]] = set()
        self._saved_text = text
        self._overwrite_ok: str | None = None  # file content the technician chose to replace
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.validate_now)
        self._build()
        self.editor.setPlainText(text)
        self.editor.textChanged.connect(self._on_text_changed)
        self.model.edited.connect(self._on_form_edited)
        self.validate_now()
        self.retranslate()
        retranslate_on_change(self, self.retranslate)
        self.resize(1180, 720)

    def _build(self) -> None:
        self.model = FormModel(parent=self)
        self.devices_box = DeviceList(self.test_device, self)
        self.devices_hint = self.devices_box.hint
        self.tabs = SettingsTabs(self.model, self.devices_box, self.path, self)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.editor = self.tabs.text_tab.editor
        self.path_label = self.tabs.text_tab.path_label
        self.cursor_label = self.tabs.text_tab.cursor_label
        self.status_label = QLabel(self)
        self.status_label.setObjectName("settingsStatus")
        self.status_label.setWordWrap(True)
        self.status_label.linkActivated.connect(self._on_error_link)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("settingsNote")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self._on_import)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self._on_export)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)

    @property
    def rows(self) -> list[DeviceRow]:
        """The device rows (each with "Test connection")."""
        return self.devices_box.rows

    def retranslate(self) -> None:
        """Word everything again after a language switch."""
        self.setWindowTitle(self.tr("Settings — room setup"))
        self.devices_box.setTitle(self.tr("Devices"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close"))
        self.devices_box.retranslate()
        self._update_status()

    # --- validation ---------------------------------------------------------------------------

    def text(self) -> str:
        """Return the profile text as typed."""
        return self.editor.toPlainText()

    def _on_text_changed(self) -> None:
        self.model.text = self.text()  # a form edit meanwhile applies to what was typed
        self._timer.start()  # restarts: validate DEBOUNCE_MS after the last key
        self.save_button.setEnabled(False)  # until the new text is known to be valid

    def _on_form_edited(self, text: str) -> None:
        """Show a form's edit in the text tab and check it at once."""
        self.editor.replace_text(text)
        self.validate_now()

    def _on_tab_changed(self, _index: int) -> None:
        if self._timer.isActive():
            self.validate_now()  # the forms show what was just typed in the text

    def validate_now(self) -> None:
        """Check the text; show OK or the error on its line and field; refresh the forms."""
        self._timer.stop()
        text = self.text()
        result = validate_text(text, self.path or Path("room.toml"))
        if isinstance(result, ProfileError):
            self.profile, self.error = None, result
        else:
            self.profile, self.error = result, None
            self.devices_box.update_devices(result)
        self.model.text = text
        self.tabs.refresh(text)
        self.tabs.mark(self.error)
        self.editor.mark_line(self.error.line if self.error else None)
        self.devices_box.allow_tests(self.profile is not None)
        self._update_status()

    def _update_status(self) -> None:
        text, state = status_html(self.error)
        self.status_label.setText(text)
        self.status_label.setProperty("state", state)
        if self.profile is None:
            hint = self.tr("Correct the error first to test the devices.")
        elif not self.rows:
            hint = self.tr("This room setup names no cameras, mixer or codec.")
        else:
            hint = self.tr("Test each device before saving.")
        self.devices_hint.setText(hint)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.save_button.setEnabled(self.can_save())

    def _on_error_link(self, _link: str) -> None:
        if self.error is not None and self.error.line is not None:
            self.tabs.setCurrentWidget(self.tabs.text_tab)
            self.editor.go_to_line(self.error.line)

    def can_save(self) -> bool:
        """Save only a valid text, to a real file, when it differs from what is there."""
        if self.path is None or self.profile is None:
            return False
        return self.is_modified() or not self.path.exists()

    def is_modified(self) -> bool:
        """Tell whether the text differs from the file as last read or saved."""
        return self.text() != self._saved_text

    # --- devices ------------------------------------------------------------------------------

    def test_device(self, row: DeviceRow) -> asyncio.Future[ConnectionResult]:
        """Start "Test connection" for ``row``; the row shows the answer."""
        entry = row.entry
        running = running_device(self.room, entry) if self.room is not None else None
        row.show_testing()
        coro = test_connection(entry, timeout=self.test_timeout, running=running)
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._on_tested(done, row, entry))
        return task

    def _on_tested(
        self, task: asyncio.Future[ConnectionResult], row: DeviceRow, tested: DeviceEntry
    ) -> None:
        self._tasks.discard(task)
        if task.cancelled() or not shiboken6.isValid(row):
            return
        error = task.exception()
        if error is not None:  # a bug, not a device problem: keep the traceback in the log
            _LOGGER.error("%s: connection test failed", row.entry.name, exc_info=error)
        stale = tested.settings() != row.entry.settings()  # edited while it was tested
        row.show_result(None if error is not None or stale else task.result())

    # --- save, import, export -----------------------------------------------------------------

    def save(self) -> bool:
        """Write the valid text atomically with a backup; never writes an invalid text."""
        self.validate_now()
        if not self.can_save() or self.path is None:
            return False
        if self._changed_elsewhere(self.path):
            return False
        try:
            save_text(self.text(), self.path)
        except (ProfileError, OSError) as exc:
            _LOGGER.error("settings: saving %s failed: %s", self.path, exc)
            self._show_note(self.tr("Not saved: {reason}").format(reason=str(exc)))
            return False
        self._saved_text = self.text()
        self._update_status()
        self._show_note(self.restart_text())
        self.saved.emit(str(self.path))
        return True

    def _changed_elsewhere(self, path: Path) -> bool:
        """Warn once when the file changed since it was opened (a preset saved meanwhile)."""
        try:
            disk = read_profile_text(path)
        except ProfileError:
            return False  # missing or unreadable: nothing of value to lose, .bak keeps it
        if disk in (self._saved_text, self._overwrite_ok):
            return False
        self._overwrite_ok = disk  # a second Save replaces it
        self._show_note(
            self.tr(
                "The file was changed since you opened it (for example a preset was saved). "
                "Press Save again to replace it; the other version is kept as {backup}."
            ).format(backup=backup_path(path).name)
        )
        return True

    def restart_text(self) -> str:
        """Say what a save means for the operator."""
        return self.tr(
            "Settings saved. Close and start Room Console again to use the changed devices."
        )

    def import_from(self, src: Path) -> bool:
        """Put a checked profile file into the editor (saved only with Save); refuse a bad one."""
        current = self.room.profile if self.room is not None else self.profile
        try:
            text = import_profile(src, current)
        except ProfileError as error:
            self._show_note(self.tr("Not imported: {error}").format(error=str(error)))
            return False
        self.editor.setPlainText(text)
        self.validate_now()
        self._show_note(self.tr("Imported {file}. Check it, then press Save.").format(file=src))
        return True

    def export_to(self, dest: Path) -> bool:
        """Write the text without secrets for another site (refused while invalid)."""
        try:
            export_profile(self.text(), dest)
        except (ProfileError, OSError) as exc:
            self._show_note(self.tr("Not exported: {reason}").format(reason=str(exc)))
            return False
        self._show_note(
            self.tr("Exported to {file} (PIN hash and passwords removed).").format(file=dest)
        )
        return True

    def _show_note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.show()

    def _on_import(self) -> None:
        chosen = ask_import_file(self)
        if chosen is not None:
            self.import_from(chosen)

    def _on_export(self) -> None:
        chosen = ask_export_file(self)
        if chosen is not None:
            self.export_to(chosen)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: D102 - Qt API
        for task in self._tasks:
            task.cancel()  # each test closes its driver as it unwinds
        super().closeEvent(event)


def open_settings(room: Room, parent: QWidget | None = None) -> SettingsEditor:
    """Make the editor on the room's profile file (or its in-memory profile in the demo)."""
    path = room.profile_path
    try:
        text = read_profile_text(path) if path is not None else None
    except ProfileError as exc:
        _LOGGER.warning("settings: cannot read %s, editing the running profile: %s", path, exc)
        text = None
    return SettingsEditor(path, text or profile_text(room.profile), room, parent)


class SettingsLauncher(QObject):
    """The technician's "Settings" action; the editor closes with the window or technician mode."""

    def __init__(self, day: OperatorDay) -> None:
        super().__init__(day.window)
        self.day = day
        self.editor: SettingsEditor | None = None
        self.action = QAction(day.window)
        self.action.triggered.connect(lambda _checked=False: self.open())
        self._retranslate()
        retranslate_on_change(self, self._retranslate)
        day.add_technician_action(self.action)
        day.modes.mode_changed.connect(self._on_mode_changed)
        day.window.installEventFilter(self)

    def open(self) -> SettingsEditor:
        """Show the editor (the same one again: unsaved text survives closing it)."""
        if self.editor is None or not shiboken6.isValid(self.editor):
            self.editor = open_settings(self.day.room, self.day.window)
            self.editor.saved.connect(self._on_saved)
        self.editor.show()
        self.editor.raise_()
        return self.editor

    def close_editor(self) -> None:
        """Close the editor if it is open (its connection tests stop)."""
        if self.editor is not None and shiboken6.isValid(self.editor):
            self.editor.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Close the editor with the main window, so no connection test outlives the room."""
        if watched is self.day.window and event.type() is QEvent.Type.Close:
            self.close_editor()
        return False

    def _on_mode_changed(self, mode: str) -> None:
        if mode != Mode.TECHNICIAN.value:
            self.close_editor()  # the operator never gets the editor left open

    def _on_saved(self, _path: str) -> None:
        if self.editor is None:
            return
        self.day.show_banner(self.editor.restart_text())
        app = QApplication.instance()
        if self.editor.profile is not None and isinstance(app, QApplication):
            apply_profile_language(app, self.editor.profile.site.language)

    def _retranslate(self) -> None:
        self.action.setText(QCoreApplication.translate("SettingsEditor", "Settings"))


def install_settings(day: OperatorDay) -> SettingsLauncher:
    """Add "Settings" (the profile editor) to the technician's toolbar."""
    return SettingsLauncher(day)
