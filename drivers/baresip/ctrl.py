"""Client of baresip's ctrl_tcp: JSON commands matched to responses by token, events pushed."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import Callable
from typing import Any

from drivers.baresip.netstring import NetstringDecoder, encode
from drivers.errors import (
    DeviceCommandError,
    DeviceConnectionError,
    DeviceParseError,
    DeviceProtocolError,
    DeviceTimeout,
)
from drivers.readers import ParseErrorLog
from drivers.tcp_ack import quick_ack

_LOGGER = logging.getLogger(__name__)

Event = dict[str, Any]


class CtrlConnection:
    """One ctrl_tcp session. ``on_event`` gets every event dict; ``closed`` ends with the link."""

    def __init__(self, name: str, on_event: Callable[[Event], None]) -> None:
        self.name = name
        self._on_event = on_event
        self._tokens = itertools.count(1)
        self._pending: dict[str, asyncio.Future[str]] = {}
        self._writer: asyncio.StreamWriter | None = None
        self._reader_task: asyncio.Task[None] | None = None
        self.parse_errors = ParseErrorLog(name, _LOGGER)
        self._decoder = NetstringDecoder()
        self.closed: asyncio.Event = asyncio.Event()

    async def open(self, host: str, port: int, timeout: float = 2.0) -> None:
        """Connect to ctrl_tcp at host:port (DeviceConnectionError if nobody listens)."""
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
        except (OSError, TimeoutError) as exc:
            raise DeviceConnectionError(f"{self.name}: ctrl_tcp {host}:{port}: {exc}") from exc
        self._writer = writer
        self._reader_task = asyncio.create_task(
            self._read(reader, writer.get_extra_info("socket")), name=f"{self.name} ctrl reader"
        )

    async def command(self, command: str, params: str | None = None, timeout: float = 3.0) -> str:
        """Run a menu command; return its text ``data`` (DeviceCommandError if ok is false)."""
        if self._writer is None or self.closed.is_set():
            raise DeviceConnectionError(f"{self.name}: not connected to baresip")
        token = f"t{next(self._tokens)}"
        message: dict[str, str] = {"command": command, "token": token}
        if params is not None:
            message["params"] = params
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._pending[token] = future
        try:
            self._writer.write(encode(json.dumps(message).encode()))
            _LOGGER.debug("%s: -> %s", self.name, command)
            return await asyncio.wait_for(future, timeout)
        except TimeoutError as exc:
            raise DeviceTimeout(f"{self.name}: no answer to {command!r}") from exc
        finally:
            self._pending.pop(token, None)

    async def close(self) -> None:
        """Close the session and fail pending commands."""
        if self._reader_task is not None:
            self._reader_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader_task
        self._finish("closed")

    async def _read(self, reader: asyncio.StreamReader, sock: object) -> None:
        """Read frames until EOF; dispatch responses and events (a bad one is skipped)."""
        reason = "connection closed by baresip"
        try:
            while data := await reader.read(65536):
                quick_ack(sock)  # baresip's events came 40 ms late behind a delayed ACK
                self.feed(data)
        except (OSError, DeviceProtocolError) as exc:
            reason = str(exc)
        except asyncio.CancelledError:
            reason = "reader stopped"
            raise
        except Exception as exc:  # a bug, not input: the session ends and is reopened
            _LOGGER.exception("%s: ctrl_tcp reader failed", self.name)
            reason = f"reader failed: {type(exc).__name__}: {exc}"
        finally:
            self._finish(reason)

    def feed(self, data: bytes) -> None:
        """Handle received bytes; a bad message is skipped (DeviceProtocolError: desync)."""
        for frame in self._decoder.feed(data):
            try:
                self._dispatch(frame)
            except DeviceParseError as exc:
                self.parse_errors.report("ctrl_tcp message", frame, exc)

    def _dispatch(self, frame: bytes) -> None:
        """Route one JSON message to its waiting command or to the event callback."""
        try:
            message = json.loads(frame)
        except ValueError as exc:  # framing is intact: one bad message, not a desync
            raise DeviceParseError("not JSON") from exc
        if not isinstance(message, dict):
            raise DeviceParseError(f"a JSON {type(message).__name__}, not an object")
        if message.get("response"):
            future = self._pending.get(str(message.get("token")))
            if future is None or future.done():
                return
            data = str(message.get("data", ""))
            if message.get("ok"):
                future.set_result(data)
            else:
                future.set_exception(DeviceCommandError(f"{self.name}: {data.strip()}"))
        elif message.get("event"):
            try:
                self._on_event(message)
            except DeviceParseError:
                raise
            except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError) as exc:
                # an event field of a type we did not expect: skip the event, keep the session
                detail = f"{type(exc).__name__}: {exc}"
                raise DeviceParseError(f"event not understood: {detail}") from exc

    def _finish(self, reason: str) -> None:
        """Mark the session closed and fail whatever still waits for an answer."""
        if self.closed.is_set():
            return
        self.closed.set()
        for future in self._pending.values():
            if not future.done():
                future.set_exception(DeviceConnectionError(f"{self.name}: {reason}"))
        if self._writer is not None:
            self._writer.close()
