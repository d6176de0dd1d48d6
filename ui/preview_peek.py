"""A small, slow view of a camera's picture beside the pre-meeting check ("with the live picture").

The main window's preview takes each new frame from the player (``FrameSlot.take``); a second
taker would split the frames between the two views and make both jerky. A peek copies the
newest frame a few times a second instead (``FrameSlot.snapshot``): enough to see that a camera
reached its meeting shot, and nothing is taken from the main preview.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from drivers.video import Frame, VideoPlayer
from ui.preview import PreviewCanvas

PEEK_INTERVAL_MS = 400  # ~2.5 pictures a second: a shot, not a movie


class PreviewPeek(PreviewCanvas):
    """The newest picture of ``player``, copied every ``PEEK_INTERVAL_MS``, with its name."""

    def __init__(self, player: VideoPlayer, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.name = name
        self.setMinimumSize(240, 135)
        self._frame: Frame | None = None  # keeps the pixels the QImage points into alive
        self._timer = QTimer(self)
        self._timer.setInterval(PEEK_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    @property
    def frame(self) -> Frame | None:
        """The copy shown now (None before the first picture)."""
        return self._frame

    def refresh(self) -> None:
        """Copy the newest picture, or show the slate while there is none."""
        if not self.isVisible() and self._frame is not None:
            return  # the dialog is closed: no copies nobody sees
        frame = self.player.frames.snapshot()
        if frame is None:
            self.slate_text = self.tr("No picture yet")
        else:
            self._frame, self.slate_text = frame, ""
            stride = frame.pixels.strides[0]
            self.image = QImage(
                frame.pixels.data, frame.width, frame.height, stride, QImage.Format.Format_RGB32
            )
        self.update()


class PeekColumn(QWidget):
    """The cameras' peeks stacked beside the check's rows (hidden when no camera has a picture)."""

    def __init__(
        self, pictures: Sequence[tuple[str, VideoPlayer]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.peeks = [PreviewPeek(player, name, self) for name, player in pictures]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for peek in self.peeks:
            peek.setFixedWidth(300)
            layout.addWidget(peek)
        layout.addStretch(1)
        self.setVisible(bool(self.peeks))
