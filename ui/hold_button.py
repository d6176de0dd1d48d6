"""A push button for press-and-hold actions (zoom, focus) that always reports the release."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


class HoldButton(QPushButton):
    """Emits ``held`` on press and ``let_go`` once on release, hide or focus loss."""

    held = Signal()
    let_go = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(48)
        self._holding = False
        self.pressed.connect(self._on_pressed)
        self.released.connect(self.let_go_now)

    @property
    def holding(self) -> bool:
        """True between press and release."""
        return self._holding

    def let_go_now(self) -> None:
        """End the hold (idempotent); the panel also calls it when the window loses focus."""
        self.setDown(False)
        if self._holding:
            self._holding = False
            self.let_go.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: D102 - Qt API
        self.let_go_now()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: D102 - Qt API
        self.let_go_now()
        super().hideEvent(event)

    def _on_pressed(self) -> None:
        if not self._holding:
            self._holding = True
            self.held.emit()
