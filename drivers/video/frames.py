"""Decoded pictures and the thread-safe "latest frame" slot between a decoder and the GUI."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

Pixels = npt.NDArray[np.uint8]


@dataclass(frozen=True, eq=False)
class Frame:
    """One decoded picture: ``pixels`` is height x width x 4, bytes B,G,R,X (Qt's RGB32)."""

    pixels: Pixels
    number: int
    received: float = field(default_factory=time.monotonic)
    buffer: Pixels | None = None  # the whole decoder buffer when ``pixels`` is a cropped view

    @property
    def width(self) -> int:
        """Picture width in pixels."""
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        """Picture height in pixels."""
        return int(self.pixels.shape[0])

    def rgb(self) -> Pixels:
        """Return a height x width x 3 RGB copy (for hashing and saving thumbnails)."""
        return np.ascontiguousarray(self.pixels[:, :, 2::-1])


def fit_size(source: tuple[int, int], box: tuple[int, int] | None) -> tuple[int, int]:
    """Largest even-sized (width, height) of ``source``'s aspect inside ``box``, never larger.

    ``None`` (or an empty box) keeps the source size: nobody asked for a display size.
    """
    width, height = source
    if box is None or box[0] <= 0 or box[1] <= 0 or width <= 0 or height <= 0:
        return source
    scale = min(box[0] / width, box[1] / height, 1.0)
    if scale >= 1.0:
        return source
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def size_differs(a: tuple[int, int], b: tuple[int, int], tolerance: float = 0.08) -> bool:
    """Whether two picture sizes differ by more than ``tolerance`` in width or height."""
    return any(abs(x - y) > tolerance * max(x, y, 1) for x, y in zip(a, b, strict=True))


def aligned_pixels(width: int, height: int, alignment: int = 32) -> Pixels:
    """Allocate a height x width x 4 buffer starting on an ``alignment``-byte boundary."""
    size = width * height * 4
    raw = np.empty(size + alignment, dtype=np.uint8)
    start = -raw.ctypes.data % alignment  # libVLC requires 32-byte aligned planes
    return raw[start : start + size].reshape(height, width, 4)


class FrameSlot:
    """Holds the newest picture; a decoder thread puts, one consumer takes, buffers are reused.

    A buffer comes back to the pool only when nobody can still read it: a frame replaced before
    anyone took it, or a frame the consumer hands back with ``release``. So the decoder never
    writes into a picture that is being painted (no tearing) and nothing is copied per frame.
    """

    def __init__(self, pool_limit: int = 6) -> None:
        self._lock = threading.Lock()
        self._latest: Frame | None = None  # not yet taken
        self._last: Frame | None = None  # newest ever put (taken or not)
        self._free: list[Pixels] = []
        self._pool_limit = pool_limit
        self._count = 0
        self._shape: tuple[int, int] | None = None

    @property
    def frames_received(self) -> int:
        """How many pictures were put since creation."""
        return self._count

    @property
    def last_received(self) -> float | None:
        """Monotonic time of the newest picture, or None before the first."""
        last = self._last
        return None if last is None else last.received

    @property
    def size(self) -> tuple[int, int] | None:
        """(width, height) of the newest picture, or None before the first."""
        last = self._last
        return None if last is None else (last.width, last.height)

    def buffer(self, width: int, height: int) -> Pixels:
        """Return a writable buffer for the next picture (from the pool when sizes match)."""
        with self._lock:
            if self._shape != (width, height):
                self._free.clear()
                self._shape = (width, height)
            if self._free:
                return self._free.pop()
        return aligned_pixels(width, height)

    def put(self, buffer: Pixels, visible: tuple[int, int] | None = None) -> Frame:
        """Publish a filled buffer as the newest frame (any thread); ``visible`` crops padding."""
        pixels = buffer if visible is None else buffer[: visible[1], : visible[0]]
        with self._lock:
            self._count += 1
            frame = Frame(pixels, self._count, time.monotonic(), buffer)
            replaced, self._latest, self._last = self._latest, frame, frame
            if replaced is not None:
                self._recycle(replaced)
            return frame

    def discard(self, pixels: Pixels) -> None:
        """Give back a buffer that was never published (a decoder dropped the picture)."""
        with self._lock:
            self._recycle_buffer(pixels)

    def take(self) -> Frame | None:
        """Take the newest untaken frame (owned by the caller until ``release``), or None."""
        with self._lock:
            frame, self._latest = self._latest, None
            return frame

    def release(self, frame: Frame) -> None:
        """Hand back a taken ``frame``: its buffer may be reused."""
        with self._lock:
            if frame is not self._last:
                self._recycle(frame)

    def snapshot(self) -> Frame | None:
        """Copy the newest frame (for thumbnails); None before the first."""
        with self._lock:
            last = self._last
            if last is None:
                return None
            return Frame(last.pixels.copy(), last.number, last.received)

    def _recycle(self, frame: Frame) -> None:
        self._recycle_buffer(frame.pixels if frame.buffer is None else frame.buffer)

    def _recycle_buffer(self, pixels: Pixels) -> None:
        shape = (pixels.shape[1], pixels.shape[0])
        if shape == self._shape and len(self._free) < self._pool_limit:
            self._free.append(pixels)
