"""A TCP link for terminal-style codec APIs (Cisco TSH, Poly telnet): reconnect + availability.

Bytes go to ``on_data``; after every (re)connect ``on_connected`` runs the session set-up (e.g.
feedback registration, which a codec forgets with the session) before the link counts as online.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from drivers.errors import DeviceConnectionError, DeviceError, Problem
from drivers.observable import Observable
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
        self._task: asyncio.Task[None] | None = None

    @property
    def connected(self) -> bool:
        """True while a session is open."""
        return self._writer is not None

    def start(self) -> None:
        """Start the connect/reconnect loop."""
        self._task = asyncio.create_task(self._run())

    async def close(self) -> None:
        """Stop for good."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
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
            reading = asyncio.create_task(self._read(reader))
            try:
                await self._on_connected()
                delay = 0.1
                self._online()
                await reading
            except DeviceError as exc:
                self._offline(f"session set-up failed: {exc}")
            finally:
                reading.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reading
                self._drop()
                self._on_lost()
            self._offline("connection closed")
            await asyncio.sleep(delay)

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
