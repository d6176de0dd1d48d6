"""A TCP link for terminal-style codec APIs (Cisco TSH, Poly telnet): reconnect + availability.

Bytes go to ``on_data``; after every (re)connect ``on_connected`` runs the session set-up (e.g.
feedback registration, which a codec forgets with the session) before the link counts as online.
Whatever ends the reader (end of stream, an exception from ``on_data``, a cancel) drops the
session, shows the link offline and reconnects; the connect loop itself is supervised too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from drivers.errors import DeviceConnectionError, DeviceError, Problem
from drivers.observable import Observable
from drivers.readers import SupervisedTask
from drivers.roles.base import Availability, DeviceStatus
from drivers.tcp_ack import quick_ack

_LOGGER = logging.getLogger(__name__)


class Reader(Protocol):
    """What the link reads from (asyncio StreamReader, asyncssh SSHReader)."""

    async def read(self, n: int = -1) -> bytes:
        """Return up to ``n`` bytes; b"" at end of stream."""


class Writer(Protocol):
    """What the link writes to (asyncio StreamWriter, the SSH session wrapper)."""

    def write(self, data: bytes) -> None:
        """Queue bytes for sending."""

    def close(self) -> None:
        """Close the session."""


Opener = Callable[[], Awaitable[tuple[Reader, Writer]]]


class TcpLink:
    """Keeps one TCP session to host:port open, reconnecting with capped back-off."""

    def __init__(
        self,
        name: str,
        host: str,
        port: int,
        status: Observable[DeviceStatus],
        *,
        on_data: Callable[[bytes], None],
        on_connected: Callable[[], Awaitable[None]],
        on_lost: Callable[[], None],
        opener: Opener | None = None,
    ) -> None:
        self.name = name
        self._address = (host, port)
        self._status = status
        self._on_data = on_data
        self._on_connected = on_connected
        self._on_lost = on_lost
        self._opener = opener or self._open_tcp
        self._writer: Writer | None = None
        self._loop = SupervisedTask(f"{name} link", self._run, self._run_died)

    @property
    def connected(self) -> bool:
        """True while a session is open."""
        return self._writer is not None

    def start(self) -> None:
        """Start the connect/reconnect loop."""
        self._loop.start()

    async def close(self) -> None:
        """Stop for good (never raises)."""
        await self._loop.stop()
        self._drop()

    def write(self, data: bytes) -> None:
        """Send bytes (DeviceConnectionError when not connected)."""
        if self._writer is None:
            raise DeviceConnectionError(
                f"{self.name}: not connected", problem=Problem.NOT_ANSWERING
            )
        self._writer.write(data)

    async def _run(self) -> None:
        delay = 0.1
        while True:
            try:
                reader, self._writer = await asyncio.wait_for(self._opener(), 5.0)
            except (OSError, TimeoutError, DeviceConnectionError) as exc:
                problem = exc.problem if isinstance(exc, DeviceError) else Problem.NOT_ANSWERING
                self._offline(f"connect {self._address[0]}:{self._address[1]}: {exc}", problem)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            reading = asyncio.create_task(self._read(reader), name=f"{self.name} reader")
            try:
                detail, problem, came_up = await self._session(reading)
            finally:
                reading.cancel()
                await asyncio.wait({reading})
                if not reading.cancelled():
                    reading.exception()  # retrieved: logged by _reader_end if it mattered
                self._drop()
                self._on_lost()
            self._offline(detail, problem)
            delay = 0.1 if came_up else delay  # a session that came up: reconnect quickly
            await asyncio.sleep(delay)
            if not came_up:
                delay = min(delay * 2, 5.0)

    async def _session(self, reading: asyncio.Task[None]) -> tuple[str, Problem, bool]:
        """Set the session up, then wait for the reader to end: (why, problem, came up)."""
        try:
            await self._on_connected()
        except DeviceError as exc:
            return f"session set-up failed: {exc}", exc.problem, False
        except Exception as exc:  # whatever the device said: log it, reconnect
            _LOGGER.exception("%s: session set-up failed", self.name)
            return f"session set-up failed: {type(exc).__name__}: {exc}", Problem.GARBLED, False
        if not reading.done():
            self._online()
            await asyncio.wait({reading})
        return (*self._reader_end(reading), True)

    def _reader_end(self, reading: asyncio.Task[None]) -> tuple[str, Problem]:
        """Why the reader ended: end of stream, or died (logged; the link reconnects)."""
        if reading.cancelled():
            _LOGGER.warning("%s: reader cancelled; reconnecting", self.name)
            return "reader stopped", Problem.UNKNOWN
        exc = reading.exception()
        if exc is not None:
            _LOGGER.error("%s: reader failed; reconnecting", self.name, exc_info=exc)
            return f"reader failed: {type(exc).__name__}: {exc}", Problem.GARBLED
        return "connection closed", Problem.NOT_ANSWERING

    def _run_died(self, reason: str) -> None:
        """Drop the session and show it offline: the connect loop ended (it restarts)."""
        self._drop()
        self._on_lost()
        self._offline(f"link task {reason}", Problem.UNKNOWN)

    async def _open_tcp(self) -> tuple[Reader, Writer]:
        """Open a plain TCP session (the emulator, or TSH behind a tunnel)."""
        return await asyncio.open_connection(*self._address)

    async def _read(self, reader: Reader) -> None:
        extra = getattr(self._writer, "get_extra_info", None)  # SSH's session wrapper: none
        sock = extra("socket") if extra is not None else None
        with contextlib.suppress(OSError):
            while data := await reader.read(65536):
                quick_ack(sock)  # a multi-segment reply is not held back by a delayed ACK
                self._on_data(data)

    def _drop(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def _online(self) -> None:
        if self._status.value.availability is not Availability.ONLINE:
            _LOGGER.info("%s: online", self.name)
        self._status.publish(DeviceStatus(Availability.ONLINE))

    def _offline(self, detail: str, problem: Problem = Problem.NOT_ANSWERING) -> None:
        if self._status.value.availability is Availability.ONLINE:
            _LOGGER.warning("%s: offline: %s", self.name, detail)
        self._status.publish(DeviceStatus(Availability.OFFLINE, problem, detail))
