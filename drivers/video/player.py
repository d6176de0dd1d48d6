"""The preview player: opens a stream with a decoder backend, watches it, reconnects by itself.

Decoders (libVLC, PyAV) run in their own threads and only ever touch the ``FrameSlot`` and a
``failure`` attribute; this supervisor polls both from the asyncio loop, so every state change is
published on the loop's thread (never from a decoder thread: see ENVIRONMENT-NOTES, crash trap).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from abc import ABC, abstractmethod
from enum import Enum

from drivers.errors import DeviceError, Problem
from drivers.observable import Observable
from drivers.roles.base import Availability, Device, DeviceStatus
from drivers.video.frames import FrameSlot
from drivers.video.source import Decoder, PlayerState, PlayerStatus, Timing, VideoSource

_LOGGER = logging.getLogger(__name__)


class Backend(ABC):
    """One decoder session for one source; ``failure`` is set (from any thread) when it fails."""

    decoder: Decoder

    def __init__(self, source: VideoSource, slot: FrameSlot) -> None:
        self.source = source
        self.slot = slot
        self.failure: tuple[Problem, str] | None = None
        # Display size the pictures should fit in (None: the source size). Decoders scale while
        # converting, so the preview paints 1:1 instead of scaling 720p on the CPU every frame.
        self.output_box: tuple[int, int] | None = None

    def set_output_box(self, box: tuple[int, int] | None) -> None:
        """Deliver pictures fitting in ``box`` from now on (called on the loop, may block)."""
        self.output_box = box

    @abstractmethod
    def open(self) -> None:
        """Start decoding (blocking calls allowed: runs in a worker thread)."""

    @abstractmethod
    def close(self) -> None:
        """Stop decoding and free the session (blocking allowed; idempotent)."""

    def activity(self) -> float | None:
        """Monotonic time of the latest sign that the stream is alive (called on the loop)."""
        return self.slot.last_received


class _Outcome(Enum):
    ERROR = "error"  # could not open: back off longer
    LOST = "lost"  # played, then stopped: reopen quickly


class VideoPlayer(Device):
    """Plays one ``VideoSource`` into ``frames``; ``state`` publishes ``PlayerStatus``."""

    def __init__(self, name: str, source: VideoSource, *, timing: Timing | None = None) -> None:
        super().__init__(name)
        self.source = source
        self.timing = timing or Timing()
        self.frames = FrameSlot()
        self.state: Observable[PlayerStatus] = Observable(PlayerStatus())
        self._task: asyncio.Task[None] | None = None
        self._fps_mark = (time.monotonic(), 0)
        self._output_box: tuple[int, int] | None = None
        self._box_changed = 0.0

    @property
    def output_size(self) -> tuple[int, int] | None:
        """The display size asked for with ``set_output_size`` (None: the source size)."""
        return self._output_box

    def set_output_size(self, width: int, height: int) -> None:
        """Ask for pictures fitting in width x height, aspect kept (0, 0: the source size).

        Applied after the size has been still for ``Timing.resize_settle`` (a window being
        dragged larger must not restart the decoder's output on every step).
        """
        box = (width, height) if width > 0 and height > 0 else None
        if box != self._output_box:
            self._output_box, self._box_changed = box, time.monotonic()

    async def start(self) -> None:
        """Begin playing; returns at once, connection and reconnection go on in the background."""
        if self._task is None:
            self._publish(PlayerState.CONNECTING)
            self._task = asyncio.create_task(self._supervise(), name=f"preview {self.name}")

    async def close(self) -> None:
        """Stop for good and free the decoder."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._publish(PlayerState.IDLE)

    async def _supervise(self) -> None:
        from drivers.video.backends import create_backend  # lazy: libVLC/PyAV load on first use

        backoff = self.timing.backoff_first
        while True:
            try:
                # On the loop's thread although the first call loads libVLC (~0.4 s): libvlc_new
                # in a worker thread beside a running Qt loop crashed the process (segfault).
                backend = create_backend(self.source, self.frames)
                backend.output_box = self._output_box
            except DeviceError as exc:  # library missing: say so once, nothing to retry
                _LOGGER.warning("%s: %s", self.name, exc)
                self._publish(PlayerState.ERROR, exc.problem, str(exc))
                return
            outcome = await self._run_session(backend)
            if outcome is _Outcome.LOST:
                backoff = self.timing.backoff_first
            cap = self.timing.error_backoff_max
            if outcome is _Outcome.LOST or self.state.value.state is not PlayerState.ERROR:
                cap = self.timing.backoff_max
            _LOGGER.debug("%s: reopening in %.1f s", self.name, backoff)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, cap)

    async def _run_session(self, backend: Backend) -> _Outcome:
        """Open, watch until the stream fails or dies, always close."""
        try:
            try:
                await asyncio.to_thread(backend.open)
            except DeviceError as exc:
                backend.failure = (exc.problem, str(exc))
            return await self._watch(backend)
        finally:
            await asyncio.shield(asyncio.to_thread(backend.close))

    async def _watch(self, backend: Backend) -> _Outcome:
        """Poll frame arrival and backend failure; return when the session must end."""
        timing = self.timing
        opened = time.monotonic()
        first = self.frames.frames_received
        while True:
            now = time.monotonic()
            await self._apply_output_size(backend, now)
            got_frames = self.frames.frames_received > first
            if backend.failure is not None:
                problem, detail = backend.failure
                if got_frames:
                    self._publish(PlayerState.NO_SIGNAL, problem, detail, backend.decoder)
                    return _Outcome.LOST
                self._publish(PlayerState.ERROR, problem, detail, backend.decoder)
                return _Outcome.ERROR
            if not got_frames:
                if now - opened > timing.first_frame_timeout:
                    if self.state.value.state is not PlayerState.ERROR:
                        self._publish(
                            PlayerState.NO_SIGNAL,
                            Problem.NOT_ANSWERING,
                            "no picture",
                            backend.decoder,
                        )
                    return _Outcome.LOST
            else:
                age = now - (backend.activity() or now)
                if age >= timing.no_signal_after:
                    detail = f"no picture for {age:.1f} s"
                    self._publish(
                        PlayerState.NO_SIGNAL, Problem.NOT_ANSWERING, detail, backend.decoder
                    )
                    return _Outcome.LOST
                stalled = age >= timing.stall_after
                state = PlayerState.STALLED if stalled else PlayerState.PLAYING
                self._publish(
                    state, Problem.NOT_ANSWERING if stalled else None, "", backend.decoder
                )
            await asyncio.sleep(timing.poll)

    async def _apply_output_size(self, backend: Backend, now: float) -> None:
        """Hand a settled new display size to the decoder."""
        box = self._output_box
        if box != backend.output_box and now - self._box_changed >= self.timing.resize_settle:
            await asyncio.to_thread(backend.set_output_box, box)

    def _timing(self) -> tuple[float, int]:
        """(pictures per second, picture count), re-measured about once a second."""
        mark_time, mark_count = self._fps_mark
        now, count = time.monotonic(), self.frames.frames_received
        if now - mark_time < 1.0:
            return self.state.value.fps, self.state.value.frames
        self._fps_mark = (now, count)
        return round((count - mark_count) / (now - mark_time), 1), count

    def _publish(
        self,
        state: PlayerState,
        problem: Problem | None = None,
        detail: str = "",
        decoder: Decoder | None = None,
    ) -> None:
        if self.state.value.state is not state:
            _LOGGER.info("%s: %s %s", self.name, state.value, detail)
        fps, count = self._timing()
        size = self.frames.size
        self.state.publish(PlayerStatus(state, problem, detail, decoder, fps, count, size))
        self.status.publish(_device_status(state, problem, detail))


def _device_status(state: PlayerState, problem: Problem | None, detail: str) -> DeviceStatus:
    """Map the preview state onto the status light every device has."""
    if state is PlayerState.PLAYING:
        return DeviceStatus(Availability.ONLINE)
    if state is PlayerState.STALLED:
        return DeviceStatus(Availability.ONLINE, warning=problem)
    if state in (PlayerState.CONNECTING, PlayerState.IDLE):
        return DeviceStatus(Availability.CONNECTING)
    return DeviceStatus(Availability.OFFLINE, problem, detail)
