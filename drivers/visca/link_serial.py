"""Serial VISCA link (RS-232 / USB adapter) over pyserial, on Linux and Windows.

POSIX: the port's file descriptor is watched by the event loop (no thread, lowest latency).
Windows: pyserial's reads block, so a reader thread hands bytes to the loop with
``call_soon_threadsafe`` (the python-can Notifier pattern). Either way a read error means the
port vanished (USB adapter unplugged, socat restarted): the base class reopens it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from typing import Any

import serial

from drivers.errors import DeviceUnavailable, Problem
from drivers.visca.connection import ConnectionSpec
from drivers.visca.link import ViscaLink, WireTap

_LOGGER = logging.getLogger(__name__)


class SerialLink(ViscaLink):
    """VISCA over a serial port; ``pace_baud`` emulates wire time on a pty (bench, tests)."""

    def __init__(
        self,
        spec: ConnectionSpec,
        *,
        pace_baud: int | None = None,
        wire_tap: WireTap | None = None,
        **options: Any,
    ) -> None:
        super().__init__(spec, **options)
        self.pace_baud = pace_baud
        self.wire_tap = wire_tap  # called with (bytes, perf_counter) as bytes hit the wire
        self._port: serial.Serial | None = None
        self._reader: threading.Thread | None = None
        self._write_lock = asyncio.Lock()

    async def _open(self) -> None:
        try:
            port = serial.Serial(
                self.spec.target, self.spec.baud, timeout=0 if os.name == "posix" else 0.05
            )
        except serial.SerialException as exc:
            raise DeviceUnavailable(
                f"cannot open {self.spec.target}: {exc}", problem=Problem.PORT_MISSING
            ) from exc
        self._port = port
        loop = asyncio.get_running_loop()
        if os.name == "posix":
            loop.add_reader(port.fileno(), self._on_readable, port)
        else:
            self._reader = threading.Thread(
                target=self._read_forever, args=(port, loop), daemon=True, name=str(self.spec)
            )
            self._reader.start()

    def _on_readable(self, port: serial.Serial) -> None:
        try:
            data = port.read(4096)
        except (serial.SerialException, OSError) as exc:
            self._stop_watching(port)
            self.connection_lost(exc)
            return
        if data:
            self.data_received(data)

    def _read_forever(self, port: serial.Serial, loop: asyncio.AbstractEventLoop) -> None:
        """Reader thread (Windows): block in read, hand bytes to the loop thread."""
        while True:
            try:
                data = port.read(max(1, port.in_waiting))
            except (serial.SerialException, OSError, TypeError) as exc:
                # TypeError: pyserial on Windows when the handle is closed under it
                loop.call_soon_threadsafe(self._lost_from, port, exc)
                return
            if data:
                loop.call_soon_threadsafe(self.data_received, data)

    def _lost_from(self, port: serial.Serial, exc: BaseException) -> None:
        """Report a reader that ended, if it read the current port (not a late old one)."""
        if port is self._port:
            self.connection_lost(exc)

    def _stop_watching(self, port: serial.Serial) -> None:
        if os.name == "posix":
            with contextlib.suppress(ValueError, OSError):
                asyncio.get_running_loop().remove_reader(port.fileno())

    async def _write(self, packet: bytes, inquiry: bool) -> None:
        port = self._port
        if port is None:
            raise OSError("port closed")
        _LOGGER.debug("%s -> %s", self.spec, packet.hex(" "))
        async with self._write_lock:  # packets of several cameras never interleave
            try:
                if self.pace_baud:
                    await self._paced_write(port, packet, self.pace_baud)
                else:
                    self._put(port, packet)
            except serial.SerialException as exc:
                raise OSError(str(exc)) from exc

    async def _paced_write(self, port: serial.Serial, packet: bytes, baud: int) -> None:
        """Write at wire speed (a pty does not throttle): byte i leaves at start + i x 10/baud.

        Runs in the loop, no thread (a spinning thread would starve the loop of the GIL). The
        first byte goes out at once; later ones whenever the loop wakes, all that are due, so
        timer lateness never accumulates. The loop's timers round up to whole milliseconds, so
        the last ~2 byte times are slept precisely (the FF is what the camera acts on).
        """
        byte_time = 10.0 / baud
        start = time.perf_counter()
        sent = 0
        while sent < len(packet):
            due = min(len(packet), int((time.perf_counter() - start) / byte_time) + 1)
            self._put(port, packet[sent:due])
            sent = due
            if sent == len(packet):
                break
            wait = start + sent * byte_time - time.perf_counter()
            if start + (len(packet) - 1) * byte_time - time.perf_counter() < 2.2 * byte_time:
                time.sleep(max(0.0, wait))  # noqa: ASYNC251 - at most ~2 ms, for precision
            else:
                await asyncio.sleep(wait)
        # the line is busy until the last byte has left
        await asyncio.sleep(max(0.0, start + len(packet) * byte_time - time.perf_counter()))

    def _put(self, port: serial.Serial, data: bytes) -> None:
        port.write(data)
        if self.wire_tap is not None:
            self.wire_tap(data, time.perf_counter())

    async def _close_transport(self) -> None:
        port, self._port = self._port, None
        if port is None:
            return
        self._stop_watching(port)
        with contextlib.suppress(Exception):  # closing a vanished port may fail any way
            port.close()
        reader, self._reader = self._reader, None
        if reader is not None:
            await asyncio.to_thread(reader.join, 1.0)
