"""Preset grid: big named buttons; tap recalls; long-press or right-click to save/rename/clear."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from drivers.observable import Unsubscribe
from ui.device_calls import DeviceCalls
from ui.off_preset import CheckState, OffPresetBadge, PresetCheck, PresetPictures

if TYPE_CHECKING:
    from console.presets import Preset, PresetBook
    from console.thumbnails import ThumbnailStore

_LOGGER = logging.getLogger(__name__)

_LONG_PRESS_MS = 600
_COLUMNS = 3
THUMBNAIL_ICON = QSize(80, 45)  # 16:9, fits the button beside its two text lines


class PresetButton(QPushButton):
    """A big preset button that also reports a long press and a right-click."""

    menu_requested = Signal(QPoint)  # global position

    def __init__(self, number: int, key: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.key = key  # 1-9: the keyboard digit that recalls it
        self.setObjectName("presetButton")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(100, 64)
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.timeout.connect(self._on_long_press)
        self._swallow_click = False
        self.pressed.connect(self._on_pressed)
        self.released.connect(self._long_press.stop)

    def minimumSizeHint(self) -> QSize:  # noqa: D102 - Qt API
        # A long shot name must not widen the whole window past a 1366-pixel screen:
        # the grid shares the width out evenly and a very long name is cut at the edges.
        return QSize(100, 64)

    def set_state(self, state: str) -> None:
        """Style hook: "empty", "set", "active" or "movedoff"."""
        if self.property("state") == state:
            return
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)

    def state(self) -> str:
        """Return the style state shown now."""
        return str(self.property("state"))

    def nextCheckState(self) -> None:  # noqa: D102 - Qt API: never toggled
        pass

    def mouseReleaseEvent(self, event: object) -> None:  # noqa: D102 - Qt API
        if self._swallow_click:  # the long press already opened the menu: no recall
            self._swallow_click = False
            self.setDown(False)
            return
        super().mouseReleaseEvent(event)  # type: ignore[arg-type]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: D102 - Qt API
        self._long_press.stop()
        self.menu_requested.emit(event.globalPos())

    def _on_pressed(self) -> None:
        self._swallow_click = False
        self._long_press.start(_LONG_PRESS_MS)

    def _on_long_press(self) -> None:
        self._swallow_click = True
        # The menu grabs the mouse, so the release never reaches this button: left down, it
        # looked lit like the active shot (two presets lit at once).
        self.setDown(False)
        self.menu_requested.emit(self.mapToGlobal(self.rect().center()))


class PresetGrid(QWidget):
    """Shows one camera's preset book; the active preset is highlighted, "moved off" shown."""

    def __init__(
        self,
        book: PresetBook,
        numbers: list[int],
        calls: DeviceCalls,
        parent: QWidget | None = None,
        *,
        thumbnails: ThumbnailStore | None = None,
        pictures: PresetPictures | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._thumbnails = thumbnails  # None: nowhere to keep pictures
        self.pictures = pictures  # None: no preview of this camera to take pictures from
        self._icons: dict[str, tuple[tuple[int, int], QIcon]] = {}
        self._device = book.camera.name
        self._calls = calls
        self._presets: dict[int, Preset] = {}
        self._remembered: int | None = None  # the last preset the camera was on
        self._buttons: dict[int, PresetButton] = {}
        self.dialog: QWidget | None = None  # the open confirmation/rename dialog (tests use it)
        self.menu: QMenu | None = None
        self._caption = QLabel(self)
        self._caption.setObjectName("presetCaption")
        self._caption.setWordWrap(True)  # long in Vietnamese: wrap, never widen the window
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, number in enumerate(numbers):
            button = PresetButton(number, index + 1, self)
            button.clicked.connect(lambda _=False, n=number: self.recall(n))
            button.menu_requested.connect(lambda pos, n=number: self.open_menu(n, pos))
            grid.addWidget(button, index // _COLUMNS, index % _COLUMNS)
            self._buttons[number] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid, 1)
        layout.addWidget(self._caption)
        self.badge = OffPresetBadge(self)
        self.badge.recall_again.connect(self.recall)
        layout.addWidget(self.badge)
        self._unsubscribe: list[Unsubscribe] = [
            book.presets.subscribe(self._on_presets),
            book.active.subscribe(self._on_active),
        ]
        if pictures is not None:
            self._unsubscribe.append(pictures.check.subscribe(self._on_check))
        self._remembered = book.active.value
        self._on_presets(book.presets.value)

    # -- queries used by the panel, the keyboard and tests -----------------------------------
    def button(self, number: int) -> PresetButton:
        """Return the button for preset ``number``."""
        return self._buttons[number]

    def number_for_key(self, key: int) -> int | None:
        """Return the preset number the digit ``key`` (1-9) stands for."""
        for button in self._buttons.values():
            if button.key == key:
                return button.number
        return None

    def caption(self) -> str:
        """Return the line under the grid (which shot is on, or that the camera moved off it)."""
        return self._caption.text()

    def detach(self) -> None:
        """Stop following the model."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if self.pictures is not None:
            self.pictures.forget()

    # -- operator actions ---------------------------------------------------------------------
    def recall(self, number: int) -> None:
        """Tap: go to the preset (an empty slot offers its menu instead)."""
        if number not in self._presets:
            self.open_menu(number, self._buttons[number].mapToGlobal(QPoint(0, 0)))
            return
        if self._book.in_standby and not self._book.wake_on_preset:
            self._confirm(
                self.tr("Camera in standby"),
                self.tr('{camera} is in standby. Switch it on and go to "{name}"?').format(
                    camera=self._device, name=self._name(number)
                ),
                self.tr("Switch on and go"),
                lambda: self._start_recall(number, wake=True),
            )
            return
        self._start_recall(number)

    def _start_recall(self, number: int, *, wake: bool | None = None) -> None:
        if self.pictures is not None:
            self.pictures.forget()  # the badge belongs to the previous recall
        self._calls.start(self._recall(number, wake), self._device)

    def request_save(self, number: int) -> None:
        """Save the current shot here, asking first when that would overwrite a preset."""
        preset = self._presets.get(number)
        if preset is None:
            self._save(number)
            return
        self._confirm(
            self.tr("Replace preset shot"),
            self.tr('Replace "{name}" with what the camera shows now?').format(
                name=self._name(number)
            ),
            self.tr("Replace"),
            lambda: self._save(number),
        )

    def request_rename(self, number: int) -> None:
        """Ask for a new name."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename preset shot"))
        dialog.setLabelText(self.tr("New name for this preset shot:"))
        dialog.setTextValue(self._name(number))
        # Our own words: Qt's "OK"/"Cancel" would stay English in the Vietnamese interface.
        dialog.setOkButtonText(self.tr("Rename"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.textValueSelected.connect(lambda text: self._rename(number, text))
        self._show_dialog(dialog)

    def request_clear(self, number: int) -> None:
        """Clear the preset after a confirmation."""
        self._confirm(
            self.tr("Clear preset shot"),
            self.tr('Clear "{name}"? The stored position will be forgotten.').format(
                name=self._name(number)
            ),
            self.tr("Clear"),
            lambda: self._calls.start(self._book.clear(number), self._device),
        )

    def open_menu(self, number: int, position: QPoint) -> QMenu:
        """Open the long-press / right-click menu of one preset button."""
        menu = QMenu(self)
        menu.setObjectName("presetMenu")
        save = menu.addAction(self.tr("Save the current shot here"))
        save.triggered.connect(lambda: self.request_save(number))
        rename = menu.addAction(self.tr("Rename…"))
        rename.triggered.connect(lambda: self.request_rename(number))
        clear = menu.addAction(self.tr("Clear"))
        clear.triggered.connect(lambda: self.request_clear(number))
        defined = number in self._presets
        rename.setEnabled(defined)
        clear.setEnabled(defined)
        self.menu = menu
        menu.popup(position)
        return menu

    # -- model -> widgets ---------------------------------------------------------------------
    def _on_presets(self, presets: tuple[Preset, ...]) -> None:
        self._presets = {preset.number: preset for preset in presets}
        self._update_buttons()

    def _on_active(self, active: int | None) -> None:
        if active is not None:
            self._remembered = active
        checked = self.pictures.check.value.number if self.pictures is not None else None
        if self.pictures is not None and checked is not None and active != checked:
            self.pictures.forget()  # the operator moved on: the verdict is about an old shot
        self._update_buttons()

    def _on_check(self, check: PresetCheck) -> None:
        if check.state is CheckState.OFF_PRESET and check.number is not None:
            self.badge.show_for(check.number, self._name(check.number))
            self._caption.hide()  # the badge takes the caption's place: no taller panel
        else:
            self.badge.clear()
            self._caption.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        active = self._book.active.value
        empty = self.tr("Empty")  # outside the f-string, where lupdate can see it
        for number, button in self._buttons.items():
            defined = number in self._presets
            mark = "  ⚠" if number == self.badge.number else ""
            button.setText(f"{button.key}{mark}\n{self._name(number) if defined else empty}")
            self._update_thumbnail(button, self._presets.get(number))
            button.setToolTip(
                self.tr(
                    "{name}: tap to go there; hold or right-click to save, rename or clear"
                ).format(name=self._name(number))
                if defined
                else self.tr("Empty: hold or right-click to save the current shot here")
            )
            if defined and number == active:
                button.set_state("active")
            elif defined and active is None and number == self._remembered:
                button.set_state("movedoff")
            else:
                button.set_state("set" if defined else "empty")
        self._update_caption(active)

    def _update_thumbnail(self, button: PresetButton, preset: Preset | None) -> None:
        icon = QIcon()
        if preset is not None and preset.thumbnail and self._thumbnails is not None:
            icon = self._icon(self._thumbnails, preset.thumbnail)
        button.setIcon(icon)
        button.setIconSize(THUMBNAIL_ICON)

    def _icon(self, store: ThumbnailStore, name: str) -> QIcon:
        """Load a thumbnail once per file version (a re-saved preset keeps its file name)."""
        try:
            info = store.path(name).stat()
        except (OSError, ValueError):  # missing, or not a plain file name (the check reports it)
            return QIcon()
        stamp = (info.st_ino, info.st_mtime_ns)
        cached = self._icons.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        # QImage, not QPixmap(path): QPixmap's cache can return the old picture of a new file.
        image = QImage(str(store.path(name)))
        icon = QIcon() if image.isNull() else QIcon(QPixmap.fromImage(image))
        self._icons[name] = (stamp, icon)
        return icon

    def _update_caption(self, active: int | None) -> None:
        if active is not None and active in self._presets:
            text = self.tr("On preset shot: {name}").format(name=self._name(active))
        elif active is None and self._remembered in self._presets:
            text = self.tr('Moved off "{name}" — tap it to go back').format(
                name=self._name(self._remembered or 0)
            )
        else:
            text = self.tr("Tap a preset shot to go there; hold or right-click to save it")
        self._caption.setText(text)

    # -- helpers ------------------------------------------------------------------------------
    def _name(self, number: int) -> str:
        preset = self._presets.get(number)
        if preset is not None and preset.name:
            return preset.name
        return self.tr("Preset {number}").format(number=self._buttons[number].key)

    def _save(self, number: int) -> None:
        self._calls.start(self._save_shot(number), self._device)

    async def _save_shot(self, number: int) -> None:
        await self._book.save(number)
        if self.pictures is not None:
            await self.pictures.save(number)
            if shiboken6.isValid(self):  # the window may have closed meanwhile
                self._update_buttons()  # same file name, new picture

    async def _recall(self, number: int, wake: bool | None = None) -> None:
        await self._book.recall(number, wake=wake)
        if self.pictures is not None:
            self.pictures.recalled(number)

    def _rename(self, number: int, text: str) -> None:
        name = text.strip()
        if not name:
            return
        try:
            self._book.rename(number, name)
        except (KeyError, ValueError, OSError) as error:
            _LOGGER.warning("%s: rename of preset %s failed: %s", self._device, number, error)

    def _confirm(self, title: str, text: str, action: str, on_yes: object) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)

        def on_clicked(clicked: object) -> None:
            if clicked is yes and callable(on_yes):
                on_yes()

        box.buttonClicked.connect(on_clicked)
        self._show_dialog(box)

    def _show_dialog(self, dialog: QWidget) -> None:
        """Open without a nested event loop (the asyncio loop keeps running)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: self._forget_dialog(dialog))
        dialog.open()  # type: ignore[attr-defined]

    def _forget_dialog(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
