"""Keyboard control: arrows move while held, +/- zoom, 1-9 recall, Ctrl+1-9 save.

An application-wide event filter, so the keys work whatever button has the focus; it ignores
auto-repeat (a held key is one press) and stays out of text fields and dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QTextEdit, QWidget

from drivers.roles.camera import PanTiltDirection, ZoomDirection
from ui.camera_panel import CameraPanel

_ARROWS = {Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1), Qt.Key.Key_Left: (-1, 0),
           Qt.Key.Key_Right: (1, 0)}  # fmt: skip
_ZOOM = {
    Qt.Key.Key_Plus: ZoomDirection.TELE, Qt.Key.Key_Equal: ZoomDirection.TELE,
    Qt.Key.Key_Minus: ZoomDirection.WIDE, Qt.Key.Key_Underscore: ZoomDirection.WIDE,
}  # fmt: skip
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}
_DIRECTIONS = {
    (0, 1): PanTiltDirection.UP, (0, -1): PanTiltDirection.DOWN,
    (-1, 0): PanTiltDirection.LEFT, (1, 0): PanTiltDirection.RIGHT,
    (-1, 1): PanTiltDirection.UP_LEFT, (1, 1): PanTiltDirection.UP_RIGHT,
    (-1, -1): PanTiltDirection.DOWN_LEFT, (1, -1): PanTiltDirection.DOWN_RIGHT,
}  # fmt: skip


def direction_of(held: set[Qt.Key]) -> PanTiltDirection | None:
    """Return the drive direction for the set of arrow keys held (opposites cancel out)."""
    x = sum(_ARROWS[key][0] for key in held)
    y = sum(_ARROWS[key][1] for key in held)
    return _DIRECTIONS.get((x, y))


class KeyboardControl(QObject):
    """Routes keys to the camera panel while ``window`` is the active window."""

    def __init__(self, window: QWidget, panel: CameraPanel) -> None:
        super().__init__(window)
        self._window = window
        self._panel = panel
        self._arrows: set[Qt.Key] = set()
        self._zoom_key: Qt.Key | None = None

    def install(self) -> None:
        """Start listening to every key event of the application."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop listening."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def release_all(self) -> None:
        """Forget held keys (the panel sends the stop)."""
        self._arrows.clear()
        self._zoom_key = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: D102 - Qt API
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent) or not self._applies_to(watched):
            return False
        if kind == QEvent.Type.KeyPress:
            return self._on_key_press(event)
        return self._on_key_release(event)

    def _applies_to(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        return not isinstance(watched, QLineEdit | QTextEdit | QAbstractSpinBox)

    def _on_key_press(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if event.isAutoRepeat():  # a held key is one press; swallow the repeats we handle
            return key in _ARROWS or key in _ZOOM
        if key in _ARROWS:
            self._arrows.add(key)
            self._update_move()
            return True
        if key in _ZOOM:
            self._zoom_key = key
            self._panel.start_zoom(_ZOOM[key])
            return True
        if key in _DIGITS:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._panel.save_key(_DIGITS[key])
            else:
                self._panel.recall_key(_DIGITS[key])
            return True
        return False

    def _on_key_release(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if event.isAutoRepeat():
            return key in _ARROWS or key in _ZOOM
        if key in _ARROWS:
            self._arrows.discard(key)
            self._update_move()
            return True
        if key in _ZOOM:
            if self._zoom_key is not None:
                self._zoom_key = None
                self._panel.stop_zoom()
            return True
        return False

    def _update_move(self) -> None:
        direction = direction_of(self._arrows)
        if direction is None:
            self._panel.stop_move()
        else:
            self._panel.start_move(direction)
