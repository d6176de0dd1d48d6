"""Preset thumbnails beside the profile, and "is the camera still on its preset?" by picture.

A difference hash (dHash) of a 17x16 grey version of the picture is compared bit by bit: it
ignores brightness, compression noise and the small overlays, and moves a lot when the view
shifts by a few degrees. That catches cameras knocked by hand and silent serial failures,
which position inquiries cannot (a one-way cable answers nothing; a knocked head may not know).
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image

from drivers.video.frames import Frame, FrameSlot

_LOGGER = logging.getLogger(__name__)

HASH_SIZE = 16  # 16 x 16 = 256 bits
# Fraction of differing bits above which the view is "off preset": the training hall gives
# 0 for the same view, >= 0.19 for a 3 degree knock (40 pan units); noise stays well below.
OFF_PRESET_THRESHOLD = 0.15
THUMBNAIL_SIZE = (320, 180)
FOLDER_NAME = "thumbnails"

Rgb = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class PictureHash:
    """A perceptual hash: ``bits`` packed into an int, ``size`` x ``size`` of them."""

    bits: int
    size: int = HASH_SIZE

    def difference(self, other: PictureHash) -> float:
        """Return the fraction (0..1) of differing bits."""
        if other.size != self.size:
            raise ValueError("hashes of different sizes")
        return (self.bits ^ other.bits).bit_count() / (self.size * self.size)


def picture_hash(rgb: Rgb, size: int = HASH_SIZE) -> PictureHash:
    """Hash an RGB (height x width x 3) picture with dHash (brighter-than-right-neighbour bits)."""
    grey = Image.fromarray(np.ascontiguousarray(rgb[:, :, :3])).convert("L")
    small = np.asarray(grey.resize((size + 1, size), Image.Resampling.BOX), dtype=np.int16)
    bits = (small[:, 1:] > small[:, :-1]).flatten()
    return PictureHash(int.from_bytes(np.packbits(bits).tobytes(), "big"), size)


def frame_hash(frame: Frame) -> PictureHash:
    """Hash a decoded preview frame."""
    return picture_hash(frame.rgb())


@dataclass(frozen=True)
class PresetMatch:
    """Result of comparing the live picture with a preset's thumbnail."""

    difference: float
    threshold: float = OFF_PRESET_THRESHOLD

    @property
    def off_preset(self) -> bool:
        """Tell whether the view differs enough to warn the operator."""
        return self.difference > self.threshold


class ThumbnailStore:
    """Preset thumbnails as small JPEG files in a folder beside the room profile."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, profile_path: Path) -> ThumbnailStore:
        """Return the store for the profile at ``profile_path`` (``thumbnails/`` next to it)."""
        return cls(profile_path.parent / FOLDER_NAME)

    @staticmethod
    def file_name(camera_id: str, number: int) -> str:
        """Return the file name (no folders, as the profile stores it) of a preset's picture."""
        return f"{camera_id}-preset-{number}.jpg"

    def save(self, camera_id: str, number: int, frame: Frame) -> str:
        """Store ``frame`` as the preset's thumbnail (atomically); return its file name."""
        name = self.file_name(camera_id, number)
        self.folder.mkdir(parents=True, exist_ok=True)
        image = Image.fromarray(frame.rgb())
        image.thumbnail(THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
        handle, temp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                image.save(out, format="JPEG", quality=85)
            os.replace(temp, self.folder / name)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        _LOGGER.info("thumbnail %s saved", name)
        return name

    def path(self, name: str) -> Path:
        """Return where a thumbnail file lives (name as stored in the profile)."""
        if Path(name).name != name:
            raise ValueError(f"thumbnail name must be a plain file name: {name!r}")
        return self.folder / name

    def load(self, name: str) -> Rgb | None:
        """Return the thumbnail's RGB pixels, or None when the file is missing or unreadable."""
        try:
            with Image.open(self.path(name)) as image:
                return np.asarray(image.convert("RGB"))
        except (OSError, ValueError) as exc:
            _LOGGER.warning("thumbnail %s unreadable: %s", name, exc)
            return None

    def compare(self, name: str, live: Frame) -> PresetMatch | None:
        """Compare the live picture with a stored thumbnail; None when there is none."""
        stored = self.load(name)
        if stored is None:
            return None
        return PresetMatch(frame_hash(live).difference(picture_hash(stored)))


async def frame_after(slot: FrameSlot, since: float, timeout: float = 1.0) -> Frame | None:
    """Wait for a picture received after monotonic time ``since``.

    After ``timeout`` the newest picture is returned anyway: a perfectly still view sends no
    new pictures (repeats are dropped), and it is still the view to compare.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        last = slot.last_received
        if last is not None and last > since:
            break
        await asyncio.sleep(0.05)
    return slot.snapshot()


def save_thumbnail(
    store: ThumbnailStore, camera_id: str, number: int, slot: FrameSlot
) -> str | None:
    """On preset save: store the newest preview picture; its file name, or None without one."""
    frame = slot.snapshot()
    if frame is None:
        return None
    return store.save(camera_id, number, frame)


async def check_preset(
    store: ThumbnailStore, name: str, slot: FrameSlot, *, settle: float = 0.5
) -> PresetMatch | None:
    """After a recall completed: let the picture settle, then compare it with the thumbnail.

    ``settle`` covers the preview's own delay (the picture shows the camera ~150 ms late).
    None when there is no thumbnail or no live picture to compare.
    """
    await asyncio.sleep(settle)
    frame = await frame_after(slot, time.monotonic())
    if frame is None:
        return None
    return store.compare(name, frame)
