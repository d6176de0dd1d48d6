"""Bookkeeping shared by the emulators of terminal-style codec APIs (Cisco TSH, Poly telnet).

Emulators are training tools too and must survive any controller: command lines are read with
a length limit, and a line a handler chokes on is logged (rate-limited) and skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from drivers.readers import LineSplitter, ParseErrorLog

_LOGGER = logging.getLogger(__name__)

MAX_COMMAND_LINE = 4096


class TerminalServer:
    """A TCP server on 127.0.0.1 with its sessions and background tasks; subclasses serve."""

    def __init__(self) -> None:
        self.port = 0
        self._sessions: list[Any] = []  # each has a ``writer`` (asyncio.StreamWriter)
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.parse_errors = ParseErrorLog(f"emulated {type(self).__name__}", _LOGGER)

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Listen for sessions (port 0 = any free port); subclasses add their background work."""
        await self._listen(host, port)

    async def run_standalone(self, listen: str, on_ready: Callable[[str], None] | None) -> None:
        """Serve on ``listen`` (127.0.0.1:PORT) until cancelled (``roomctl emulate codec``)."""
        await self.start("127.0.0.1", loopback_port(listen))
        if on_ready is not None:
            on_ready(f"127.0.0.1:{self.port}")
        try:
            await asyncio.Event().wait()
        finally:
            await self.close()

    async def _listen(self, host: str, port: int) -> None:
        """Start accepting sessions (port 0 = any free port)."""
        self._server = await asyncio.start_server(self._serve, host, port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    async def _lines(self, reader: Any) -> AsyncIterator[str]:
        """Command lines from a session (no line end); over-long lines are dropped."""

        def too_long(head: bytes) -> None:
            self.parse_errors.report("command line", head, "line too long")

        splitter = LineSplitter(MAX_COMMAND_LINE, on_overlong=too_long)
        while data := await reader.read(65536):
            for raw in splitter.feed(data):
                yield raw.decode(errors="replace").rstrip("\r")

    def _guarded(self, handle: Callable[[str], None], line: str) -> None:
        """Run ``handle(line)``; a line it chokes on is logged and skipped, the session lives."""
        try:
            handle(line)
        except (ValueError, TypeError, IndexError, KeyError, ArithmeticError) as exc:
            self.parse_errors.report("command line", line, f"{type(exc).__name__}: {exc}")

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run ``coro`` in the background until it ends or ``close`` cancels it."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def send_raw(self, data: bytes) -> None:
        """Write ``data`` as is to every session (tests: what a broken or hostile device sends)."""
        for session in self._sessions:
            session.writer.write(data)

    async def drop_sessions(self) -> None:
        """Close every session (a network blip); what they registered goes with them."""
        for session in list(self._sessions):
            session.writer.close()
        self._sessions.clear()

    async def close(self) -> None:
        """Drop the sessions, cancel the background tasks and stop listening."""
        await self.drop_sessions()
        for task in list(self._tasks):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


def loopback_port(listen: str) -> int:
    """Port of a ``127.0.0.1:PORT`` listen address (emulators never listen beyond loopback)."""
    host, _, port = listen.rpartition(":")
    if host not in ("127.0.0.1", "localhost", ""):
        raise ValueError("emulators only listen on 127.0.0.1")
    return int(port or 0)
