"""Byte carriers for the VISCA emulator: an existing tty, its own pty, TCP and UDP sockets.

Transports are dumb: they hand received bytes up with an origin (the peer, or None on a serial
line) and send bytes to an origin (None = everybody). Framing, timing and faults live in
``emulator.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import sys
import tempfile
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, cast

import serial

from drivers.errors import DeviceConnectionError, DeviceUnavailable
from drivers.visca.connection import ConnectionSpec, Transport

_LOGGER = logging.getLogger(__name__)

OnData = Callable[[bytes, Hashable], None]
OnGone = Callable[[Hashable], None]  # a stream client disconnected
_READ_TIMEOUT = 0.05  # seconds; how fast the serial reader thread notices close()
_REOPEN_DELAYS = (0.05, 1.0)  # seconds: first and longest wait between tries to reopen a tty


class EmulatorTransport(ABC):
    """Where the emulator listens; ``open`` again after ``close`` reuses the same place."""

    stream = True  # byte stream (re-framed on FF) rather than one packet per datagram

    def __init__(self, on_data: OnData) -> None:
        self._on_data = on_data

    @property
    @abstractmethod
    def endpoint(self) -> str:
        """Connection string a controller should use."""

    @abstractmethod
    async def open(self) -> None:
        """Start listening."""

    @abstractmethod
    async def close(self) -> None:
        """Stop listening and drop every peer."""

    @abstractmethod
    def send(self, data: bytes, origin: Hashable) -> None:
        """Send to ``origin`` (None = every peer)."""


class SerialTransport(EmulatorTransport):
    """An existing tty (e.g. one end of a socat pair) through pyserial; a thread reads.

    A port that fails under the reader (USB adapter unplugged, socat ended) is reopened on the
    same path with capped back-off until ``close``, as a camera on a replugged cable answers
    again (the standalone emulator has nobody to call ``open`` for it).
    """

    def __init__(self, on_data: OnData, path: str, baud: int) -> None:
        super().__init__(on_data)
        self._path, self._baud = path, baud
        self._port: serial.Serial | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._reopen_task: asyncio.Task[None] | None = None

    @property
    def endpoint(self) -> str:
        """``serial:PATH`` of the other end is the controller's business; this is ours."""
        return f"serial:{self._path}"

    async def open(self) -> None:
        """Open the port and start the reader thread (nothing to do if it is open)."""
        await self._stop_reopening()
        if self._port is None:
            self._open_port()

    def _open_port(self) -> None:
        try:
            port = serial.Serial(self._path, self._baud, timeout=_READ_TIMEOUT)
        except (serial.SerialException, OSError) as exc:
            raise DeviceConnectionError(f"cannot open {self._path}: {exc}") from exc
        loop = asyncio.get_running_loop()
        self._port, self._stop = port, threading.Event()
        self._thread = threading.Thread(
            target=self._read_loop,
            args=(port, loop, self._stop),
            name=f"visca-emulator {self._path}",
        )
        self._thread.daemon = True
        self._thread.start()

    def _read_loop(
        self, port: serial.Serial, loop: asyncio.AbstractEventLoop, stop: threading.Event
    ) -> None:
        """Thread: blocking reads handed to the loop (pyserial has no portable async API)."""
        while not stop.is_set():
            try:
                data = port.read(1)
                if data:
                    data += port.read(port.in_waiting)
            except Exception as exc:  # noqa: BLE001 - any pyserial/OS error ends the reader
                _LOGGER.debug("emulator %s: read ended: %s", self._path, exc)
                if not stop.is_set():  # not closed by us: the port went away
                    loop.call_soon_threadsafe(self._lost, port, exc)
                return
            if data:
                loop.call_soon_threadsafe(self._on_data, bytes(data), None)

    def _lost(self, port: serial.Serial, exc: BaseException) -> None:
        """Loop: the current port failed under its reader; reopen the path until it is back."""
        if self._port is None or port is not self._port:
            return  # a late report about a port already closed or replaced
        _LOGGER.info("emulator %s: port lost (%s); reopening when it is back", self._path, exc)
        with contextlib.suppress(Exception):
            port.close()
        self._port, self._thread = None, None  # the reader has ended
        self._reopen_task = asyncio.get_running_loop().create_task(
            self._reopen(), name=f"visca-emulator reopen {self._path}"
        )

    async def _reopen(self) -> None:
        delay, longest = _REOPEN_DELAYS
        while True:
            await asyncio.sleep(delay)
            try:
                self._open_port()
            except DeviceConnectionError:
                delay = min(delay * 2, longest)
                continue
            _LOGGER.info("emulator %s: port is back", self._path)
            return

    async def _stop_reopening(self) -> None:
        task, self._reopen_task = self._reopen_task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def close(self) -> None:
        """Stop the reader (and any reopening) and close the port."""
        await self._stop_reopening()
        port, self._port = self._port, None
        self._stop.set()
        if self._thread is not None:
            await asyncio.to_thread(self._thread.join, 2.0)
            self._thread = None
        if port is not None:
            port.close()

    def send(self, data: bytes, origin: Hashable) -> None:
        """Write to the line (a lost line drops the bytes, as a cable would)."""
        if self._port is None:
            return
        try:
            self._port.write(data)
        except Exception as exc:  # noqa: BLE001 - a vanished port is a normal fault here
            _LOGGER.debug("emulator %s: write failed: %s", self._path, exc)


class PtyTransport(EmulatorTransport):
    """A fresh pseudo-terminal behind a stable symlink (so it can vanish and come back)."""

    def __init__(self, on_data: OnData, link: str | None = None) -> None:
        super().__init__(on_data)
        if sys.platform == "win32":
            raise DeviceUnavailable("pseudo-terminals need Linux or macOS")
        self._own_dir = None if link else tempfile.mkdtemp(prefix="roomconsole-visca-")
        self._link = Path(link or Path(self._own_dir or "", "camera"))
        self._master: int | None = None
        self._slave: int | None = None

    @property
    def endpoint(self) -> str:
        """``serial:LINK`` where LINK points at the pty's device node."""
        return f"serial:{self._link}"

    @property
    def device(self) -> str:
        """The current /dev/pts/N path."""
        return os.readlink(self._link)

    async def open(self) -> None:
        """Make the pty (raw, no echo) and point the link at it."""
        import tty  # POSIX only

        master, slave = os.openpty()
        tty.setraw(slave)  # we keep the slave open too, so reads never fail with EIO
        os.set_blocking(master, False)
        self._master, self._slave = master, slave
        with contextlib.suppress(FileNotFoundError):
            self._link.unlink()
        self._link.symlink_to(os.ttyname(slave))
        asyncio.get_running_loop().add_reader(master, self._readable)

    def _readable(self) -> None:
        if self._master is None:
            return
        try:
            data = os.read(self._master, 4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            _LOGGER.debug("emulator pty: read failed: %s", exc)
            return
        if data:
            self._on_data(data, None)

    async def close(self) -> None:
        """Remove the pty and its link (the controller sees the port vanish)."""
        if self._master is not None:
            asyncio.get_running_loop().remove_reader(self._master)
            os.close(self._master)
        if self._slave is not None:
            os.close(self._slave)
        self._master = self._slave = None
        with contextlib.suppress(FileNotFoundError):
            self._link.unlink()

    def remove_directory(self) -> None:
        """Delete the temporary folder holding the link (after the final close)."""
        if self._own_dir:
            shutil.rmtree(self._own_dir, ignore_errors=True)

    def send(self, data: bytes, origin: Hashable) -> None:
        """Write to the pty (bytes are dropped while it is gone)."""
        if self._master is None:
            return
        try:
            os.write(self._master, data)
        except OSError as exc:
            _LOGGER.debug("emulator pty: write failed: %s", exc)


class TcpTransport(EmulatorTransport):
    """Raw VISCA over TCP; several controllers may connect at once."""

    def __init__(self, on_data: OnData, host: str, port: int, on_gone: OnGone) -> None:
        super().__init__(on_data)
        self._host, self._port = host, port
        self._on_gone = on_gone
        self._server: asyncio.Server | None = None
        self._clients: dict[Hashable, asyncio.StreamWriter] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def endpoint(self) -> str:
        """``tcp:HOST:PORT``."""
        return f"tcp:{self._host}:{self._port}"

    async def open(self) -> None:
        """Listen (port 0 takes a free port, kept for the next ``open``)."""
        self._server = await asyncio.start_server(self._serve, self._host, self._port)
        self._port = self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        key: Hashable = ("tcp", *peer) if isinstance(peer, tuple) else ("tcp", id(writer))
        self._clients[key] = writer
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            while data := await reader.read(4096):
                self._on_data(data, key)
        except (ConnectionError, OSError) as exc:
            _LOGGER.debug("emulator tcp: client %s dropped: %s", key, exc)
        except asyncio.CancelledError:
            # Only close() cancels this task, which asyncio's server started and nobody awaits:
            # ending it cancelled makes Python 3.11's server callback report a CancelledError.
            _LOGGER.debug("emulator tcp: client %s handler cancelled at close", key)
        finally:
            self._clients.pop(key, None)
            self._on_gone(key)
            writer.close()
            if task is not None:
                self._tasks.discard(task)

    async def close(self) -> None:
        """Stop listening and disconnect every client."""
        if self._server is not None:
            self._server.close()
        for writer in list(self._clients.values()):
            writer.close()  # the handlers read EOF and end by themselves
        if self._tasks:
            _done, late = await asyncio.wait(set(self._tasks), timeout=1.0)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    def send(self, data: bytes, origin: Hashable) -> None:
        """Write to one client or all of them."""
        targets = self._clients.values() if origin is None else [self._clients.get(origin)]
        for writer in targets:
            if writer is not None and not writer.is_closing():
                writer.write(data)


class UdpTransport(EmulatorTransport, asyncio.DatagramProtocol):
    """Raw VISCA over UDP or Sony's framing (the emulator wraps); one packet per datagram."""

    stream = False

    def __init__(self, on_data: OnData, host: str, port: int, kind: Transport) -> None:
        super().__init__(on_data)
        self._host, self._port, self._kind = host, port, kind
        self._udp: asyncio.DatagramTransport | None = None
        self._peers: set[Hashable] = set()

    @property
    def endpoint(self) -> str:
        """``udp:HOST:PORT`` or ``visca-ip:HOST:PORT``."""
        return f"{self._kind.value}:{self._host}:{self._port}"

    async def open(self) -> None:
        """Bind (port 0 takes a free port, kept for the next ``open``)."""
        loop = asyncio.get_running_loop()
        self._udp, _ = await loop.create_datagram_endpoint(
            lambda: self, local_addr=(self._host, self._port)
        )
        self._port = self._udp.get_extra_info("sockname")[1]

    def datagram_received(self, data: bytes, addr: tuple[str | object, int]) -> None:
        """Hand a datagram up with its sender as origin."""
        self._peers.add(addr)
        self._on_data(data, addr)

    async def close(self) -> None:
        """Close the socket."""
        if self._udp is not None:
            self._udp.close()
            self._udp = None

    def send(self, data: bytes, origin: Hashable) -> None:
        """Send to one peer or to every peer seen so far."""
        if self._udp is None:
            return
        for peer in self._peers if origin is None else [origin]:
            self._udp.sendto(data, cast(tuple[Any, ...], peer))


def make_transport(spec: ConnectionSpec, on_data: OnData, on_gone: OnGone) -> EmulatorTransport:
    """Make the transport for a parsed ``--listen`` connection string."""
    if spec.transport is Transport.PTY:
        return PtyTransport(on_data)
    if spec.transport is Transport.SERIAL:
        return SerialTransport(on_data, spec.target, spec.baud)
    if spec.transport is Transport.TCP:
        return TcpTransport(on_data, spec.target, spec.port, on_gone)
    return UdpTransport(on_data, spec.target, spec.port, spec.transport)
