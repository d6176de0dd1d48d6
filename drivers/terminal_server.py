"""Bookkeeping shared by the emulators of terminal-style codec APIs (Cisco TSH, Poly telnet)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from typing import Any


class TerminalServer:
    """A TCP server on 127.0.0.1 with its sessions and background tasks; subclasses serve."""

    def __init__(self) -> None:
        self.port = 0
        self._sessions: list[Any] = []  # each has a ``writer`` (asyncio.StreamWriter)
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def _listen(self, host: str, port: int) -> None:
        """Start accepting sessions (port 0 = any free port)."""
        self._server = await asyncio.start_server(self._serve, host, port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run ``coro`` in the background until it ends or ``close`` cancels it."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

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
