"""What keeps a driver's reader alive whatever the device sends (DESIGN: readers never die).

- ``ParseErrorLog``: a message that does not parse is skipped; the first one is logged at once,
  later ones at most once per interval with a count (raw bytes as hex at DEBUG, truncated).
- ``LineSplitter``: line framing with a length limit; an over-long line is dropped whole and
  the stream resyncs at the next terminator, so no buffer grows without bound.
- ``SupervisedTask``: a background loop (a link's connect/read loop) that, if it fails or is
  cancelled by anyone but its owner, reports why and is started again after a delay.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

_LOGGER = logging.getLogger(__name__)

RAW_LOG_BYTES = 64  # raw bytes shown per skipped message (a line may be megabytes)
COMMAND_LOG = 1000  # commands an emulator remembers for tests (a training day sends millions)


def hex_preview(raw: bytes | str, limit: int = RAW_LOG_BYTES) -> str:
    """Hex of the first ``limit`` bytes of ``raw`` (``…`` when cut)."""
    data = raw.encode(errors="replace") if isinstance(raw, str) else bytes(raw)
    text = data[:limit].hex(" ")
    return text + (" …" if len(data) > limit else "")


class ParseErrorLog:
    """Rate-limited log of skipped device messages, one per device (or emulator session)."""

    def __init__(
        self,
        name: str,
        logger: logging.Logger,
        *,
        interval: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.skipped = 0  # messages skipped since start
        self._logger = logger
        self._interval = interval
        self._clock = clock
        self._next_log = -float("inf")
        self._unlogged = 0

    def report(self, what: str, raw: bytes | str, error: object) -> None:
        """Count one skipped message; log it unless one was logged within the interval."""
        self.skipped += 1
        now = self._clock()
        if now < self._next_log:
            self._unlogged += 1
            return
        self._next_log = now + self._interval
        more, self._unlogged = self._unlogged, 0
        since = f" ({more} more skipped since the last report)" if more else ""
        self._logger.warning("%s: skipped %s: %s%s", self.name, what, error, since)
        self._logger.debug("%s: skipped %s bytes: %s", self.name, what, hex_preview(raw))


class LineSplitter:
    """Split a byte stream into lines of at most ``max_line`` bytes, whatever the chunking."""

    def __init__(
        self,
        max_line: int,
        *,
        terminator: bytes = b"\n",
        on_overlong: Callable[[bytes], None] | None = None,
    ) -> None:
        self.max_line = max_line
        self.dropped = 0  # over-long lines dropped
        self._terminator = terminator
        self._on_overlong = on_overlong
        self._buffer = bytearray()
        self._discarding = False  # inside an over-long line: skip to the next terminator

    def feed(self, data: bytes) -> list[bytes]:
        """Add bytes; return the complete lines (without the terminator)."""
        lines: list[bytes] = []
        start = 0
        if self._discarding:
            end = data.find(self._terminator)
            if end < 0:
                return lines
            self._discarding = False
            start = end + len(self._terminator)
        self._buffer += data[start:]
        pos = 0
        while (end := self._buffer.find(self._terminator, pos)) >= 0:
            if end - pos > self.max_line:
                self._drop(bytes(self._buffer[pos : pos + self.max_line]))
            else:
                lines.append(bytes(self._buffer[pos:end]))
            pos = end + len(self._terminator)
        del self._buffer[:pos]
        if len(self._buffer) > self.max_line:
            self._drop(bytes(self._buffer[: self.max_line]))
            self._buffer.clear()
            self._discarding = True
        return lines

    def reset(self) -> None:
        """Forget a half-received line (a new session)."""
        self._buffer.clear()
        self._discarding = False

    def _drop(self, head: bytes) -> None:
        self.dropped += 1
        if self._on_overlong is not None:
            self._on_overlong(head)


class SupervisedTask:
    """Run ``factory()`` as a task until ``stop`` or its return; report and restart a failure."""

    def __init__(
        self,
        name: str,
        factory: Callable[[], Coroutine[Any, Any, None]],
        on_died: Callable[[str], None],
        *,
        restart_delay: float = 1.0,
    ) -> None:
        self.name = name
        self.restarts = 0
        self._factory = factory
        self._on_died = on_died
        self._restart_delay = restart_delay
        self._task: asyncio.Task[None] | None = None
        self._restart: asyncio.TimerHandle | None = None
        self._stopping = False

    @property
    def task(self) -> asyncio.Task[None] | None:
        """The running task (None before ``start`` and after ``stop``)."""
        return self._task

    def start(self) -> None:
        """Start the task (idempotent while it runs)."""
        self._stopping = False
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._factory(), name=self.name)
            self._task.add_done_callback(self._ended)

    def cancel(self) -> asyncio.Task[None] | None:
        """Cancel the task for good without waiting; returns it (to wait for, if wanted)."""
        self._stopping = True
        if self._restart is not None:
            self._restart.cancel()
            self._restart = None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        return task

    async def stop(self) -> None:
        """Cancel the task for good and wait for it; never raises what the task raised."""
        task = self.cancel()
        if task is None:
            return
        await asyncio.wait({task})  # never raises what the task raised (nor its cancel)
        if not task.cancelled() and task.exception() is not None:
            _LOGGER.debug("%s: had ended with %r", self.name, task.exception())

    def _ended(self, task: asyncio.Task[None]) -> None:
        if self._stopping or task is not self._task:
            return
        if task.cancelled():
            reason = "cancelled"
        elif (exc := task.exception()) is not None:
            reason = f"{type(exc).__name__}: {exc}"
            _LOGGER.error("%s: task failed, restarting", self.name, exc_info=exc)
        else:
            return  # finished its work
        _LOGGER.warning("%s: task %s; restarting in %.1f s", self.name, reason, self._restart_delay)
        self.restarts += 1
        self._on_died(reason)
        self._restart = asyncio.get_running_loop().call_later(self._restart_delay, self.start)
