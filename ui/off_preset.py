"""Preset pictures of one camera: a thumbnail taken on save, a look after each recall.

After a recall completes and the camera is still, the live preview is compared with the
preset's thumbnail (console.thumbnails); a clear difference means the camera was knocked by
hand or never moved (a silent serial failure), and the grid shows an "Off preset" badge with a
one-tap "Recall again". JPEG encoding and hashing a 1080p picture take 10-40 ms, so both run in
a worker thread and the loop never waits for them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.presets import PresetBook
from console.thumbnails import PresetMatch, ThumbnailStore, frame_after, save_thumbnail
from drivers.observable import Observable
from drivers.video.player import VideoPlayer
from drivers.video.source import PlayerState

_LOGGER = logging.getLogger(__name__)

SETTLE = 0.7  # after the camera stops: covers the preview's own delay (~150 ms) and a wobble
STILL_TIMEOUT = 20.0  # a camera still reporting motion after this long is not checked


class CheckState(Enum):
    """Where the look after a recall stands."""

    IDLE = "idle"  # nothing to say (no recall yet, no picture, or cleared)
    CHECKING = "checking"  # waiting for the camera to settle, then comparing
    ON_PRESET = "on"
    OFF_PRESET = "off"


@dataclass(frozen=True)
class PresetCheck:
    """The latest verdict for one camera: which preset and how far the picture is from it."""

    state: CheckState = CheckState.IDLE
    number: int | None = None
    match: PresetMatch | None = None


class PresetPictures:
    """Takes preset thumbnails from a camera's preview and checks recalls against them."""

    def __init__(
        self, camera_id: str, book: PresetBook, player: VideoPlayer, store: ThumbnailStore
    ) -> None:
        self.camera_id = camera_id
        self._book = book
        self._player = player
        self.store = store
        self.check: Observable[PresetCheck] = Observable(PresetCheck())
        self._task: asyncio.Task[None] | None = None

    @property
    def live(self) -> bool:
        """Tell whether the preview shows the camera now (an old picture must not be used)."""
        return self._player.state.value.state is PlayerState.PLAYING

    async def save(self, number: int) -> str | None:
        """Store the live picture as preset ``number``'s thumbnail and record it in the profile.

        Without a live picture the preset keeps no thumbnail rather than a wrong one.
        """
        self.forget()
        name: str | None = None
        if self.live:
            try:
                name = await asyncio.to_thread(
                    save_thumbnail, self.store, self.camera_id, number, self._player.frames
                )
            except OSError as exc:
                _LOGGER.warning("%s: cannot store thumbnail: %s", self._book.camera.name, exc)
        self._book.set_thumbnail(number, name)
        return name

    def recalled(self, number: int) -> None:
        """After a completed recall of ``number``: look at the picture once the camera is still."""
        self.forget()
        preset = self._book.get(number)
        if preset is None or not preset.thumbnail:
            return
        self.check.publish(PresetCheck(CheckState.CHECKING, number))
        self._task = asyncio.ensure_future(self._verify(number, preset.thumbnail))

    def forget(self) -> None:
        """Drop the verdict and any look in progress (a new recall, save or move)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        self.check.publish(PresetCheck())

    async def _verify(self, number: int, name: str) -> None:
        try:
            match = await self._look(name)
        except Exception:  # a bug here must never take a recall down with it
            _LOGGER.exception("%s: preset %d check failed", self._book.camera.name, number)
            match = None
        if match is None:
            self.check.publish(PresetCheck())
            return
        state = CheckState.OFF_PRESET if match.off_preset else CheckState.ON_PRESET
        if match.off_preset:
            _LOGGER.warning(
                "%s: picture differs from preset %d (%.2f > %.2f)",
                self._book.camera.name,
                number,
                match.difference,
                match.threshold,
            )
        self.check.publish(PresetCheck(state, number, match))

    async def _look(self, name: str) -> PresetMatch | None:
        camera = self._book.camera
        deadline = time.monotonic() + STILL_TIMEOUT
        while camera.state.value.moving:
            if time.monotonic() > deadline:
                return None
            await asyncio.sleep(0.05)
        await asyncio.sleep(SETTLE)
        frame = await frame_after(self._player.frames, time.monotonic())
        if frame is None or not self.live:
            return None
        return await asyncio.to_thread(self.store.compare, name, frame)


class OffPresetBadge(QFrame):
    """The off-preset line under the grid, with the one-tap "Recall again"."""

    recall_again = Signal(int)

    # Kept here while ui/style.py has no rule for it: warm, like the "moved off" button.
    _STYLE = (
        "#offPresetBadge { background: #fdecea; border: 1px solid #f0b6b0; border-radius: 8px; }"
        "#offPresetBadge QLabel { color: #8a1c12; font-weight: 600; }"
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offPresetBadge")
        self.setStyleSheet(self._STYLE)
        self._number: int | None = None
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Recall again"), self)
        self.button.setObjectName("recallAgain")
        self.button.clicked.connect(self._on_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    @property
    def number(self) -> int | None:
        """The preset the badge is about, or None when hidden."""
        return self._number

    def show_for(self, number: int, name: str) -> None:
        """Say that the picture does not look like preset ``name``."""
        self._number = number
        self.text.setText(
            self.tr('Off preset: the picture does not match "{name}"').format(name=name)
        )
        self.setToolTip(
            self.tr(
                "After the recall the camera does not show what was saved: it may have been "
                "knocked by hand, or it did not move. Recall again to send it back."
            )
        )
        self.show()

    def clear(self) -> None:
        """Hide the badge."""
        self._number = None
        self.hide()

    def _on_clicked(self) -> None:
        if self._number is not None:
            self.recall_again.emit(self._number)
