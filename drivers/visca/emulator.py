"""VISCA camera emulator: a daisy chain of ``EmulatedCamera``s served over one transport.

Speaks to any VISCA controller (ours or a third party's) over a tty, its own pty, Sony's UDP
framing, or raw VISCA over TCP/UDP. Optional wire pacing writes reply bytes as a real RS-232
line at ``pace_baud`` would deliver them (10 bits per byte), and fault injection covers silence,
garbage, slow replies, one-way wiring and a port that vanishes and comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Hashable
from typing import cast

from drivers.readers import ParseErrorLog
from drivers.roles.camera import CameraLimits
from drivers.visca.connection import ConnectionSpec, Transport, parse_connection
from drivers.visca.emulated_camera import Clock, EmulatedCamera
from drivers.visca.emulated_chain import CameraChain
from drivers.visca.emulated_motion import CameraModel
from drivers.visca.emulator_sony import SonySession
from drivers.visca.emulator_transports import EmulatorTransport, PtyTransport, make_transport
from drivers.visca.replies import CommandDecoder

_LOGGER = logging.getLogger(__name__)

BITS_PER_BYTE = 10  # 8N1: start + 8 data + stop


class ViscaEmulator:
    """Virtual VISCA cameras behind one connection; see the module docstring."""

    def __init__(
        self,
        cameras: int = 1,
        *,
        limits: CameraLimits | None = None,
        pace_baud: int | None = None,
        clock: Clock = time.monotonic,
        model: CameraModel | None = None,
    ) -> None:
        self.cameras = [
            EmulatedCamera(n + 1, limits=limits, clock=clock, model=model) for n in range(cameras)
        ]
        self.chain = CameraChain(self.cameras)
        self.pace_baud = pace_baud
        self.silent = False  # swallow everything: no execution, no replies
        self.one_way = False  # execute but never reply (TX-only wiring)
        self.reply_delay = 0.0  # seconds added before every reply
        self._clock = clock
        self._transport: EmulatorTransport | None = None
        self._sony: SonySession | None = None
        self._queue: asyncio.Queue[tuple[float, bytes, Hashable]] = asyncio.Queue()
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._tx_free_at = 0.0  # loop time when the emulated line back to the controller is free
        self.parse_errors = ParseErrorLog("emulated VISCA", _LOGGER)

    @property
    def endpoint(self) -> str:
        """Connection string a controller should use (real port or pty path)."""
        if self._transport is None:
            raise RuntimeError("emulator not started")
        return self._transport.endpoint

    @property
    def _byte_time(self) -> float:
        return BITS_PER_BYTE / self.pace_baud if self.pace_baud else 0.0

    async def start(self, listen: str | ConnectionSpec = "pty") -> None:
        """Start listening on ``listen`` (``pty``, ``serial:PATH``, ``tcp:127.0.0.1:0`` ...)."""
        spec = parse_connection(listen) if isinstance(listen, str) else listen
        self._sony = SonySession() if spec.transport is Transport.SONY_IP else None
        self._transport = make_transport(spec, self._on_data, self.chain.forget)
        await self._transport.open()
        self._tasks = [
            asyncio.create_task(self._write_loop(), name="visca-emulator writer"),
            asyncio.create_task(self._completion_loop(), name="visca-emulator completions"),
        ]
        _LOGGER.info("emulating %d VISCA camera(s) on %s", len(self.cameras), self.endpoint)

    async def close(self) -> None:
        """Stop serving and release the port."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        if self._transport is not None:
            await self._transport.close()
            if isinstance(self._transport, PtyTransport):
                self._transport.remove_directory()

    # --- fault injection -----------------------------------------------------------------------

    def inject(self, data: bytes) -> None:
        """Send raw bytes (garbage) to every controller, in order with the replies."""
        self._queue.put_nowait((0.0, bytes(data), None))

    def announce_network_change(self, index: int = 0) -> None:
        """Send ``y0 38 FF`` from camera ``index``, as a camera does when plugged in or powered."""
        camera = self.cameras[index]
        packet = bytes([(camera.address + 8) << 4, 0x38, 0xFF])
        if self._sony is not None:
            packet = SonySession.wrap(packet, 0)
        self._queue.put_nowait((0.0, packet, None))

    async def vanish(self) -> None:
        """Close the port or socket, as an unplugged adapter or a rebooting camera would."""
        if self._transport is not None:
            await self._transport.close()

    async def reappear(self) -> None:
        """Open the same port, path or network port again."""
        if self._transport is not None:
            await self._transport.open()

    # --- data path -----------------------------------------------------------------------------

    def _on_data(self, data: bytes, origin: Hashable) -> None:
        """Bytes from a controller: run them now.

        Incoming bytes are not delayed: a sending UART (or our paced link) spends the wire time
        before the bytes exist, and a pty cannot tell when they were sent, so charging it here
        would count it twice whenever the reader gets several bytes at once. Bytes a camera
        chokes on are skipped (logged, rate-limited): every transport's reader lives on.
        """
        try:
            self._process(data, origin)
        except (ValueError, TypeError, IndexError, KeyError, ArithmeticError) as exc:
            self.parse_errors.report(f"bytes from {origin}", data, f"{type(exc).__name__}: {exc}")

    def _process(self, data: bytes, origin: Hashable) -> None:
        if _LOGGER.isEnabledFor(logging.DEBUG):
            _LOGGER.debug("emulator %s: <- %s from %s", self.endpoint, data.hex(" "), origin)
        if self.silent:
            return
        route: Callable[[bytes], tuple[bytes, Hashable]] = lambda packet: (packet, origin)  # noqa: E731
        if self._sony is not None:
            packet, sequence, answers = self._sony.receive(data, origin)
            for answer in answers:
                self._emit(answer, origin)
            if packet is None:
                return
            replies = self._run_datagram(packet, (origin, sequence))
            route = self._sony_route((origin, sequence))
        elif self._transport is not None and not self._transport.stream:
            replies = self._run_datagram(data, origin)
        else:
            replies = self.chain.receive(data, origin)
        for reply in replies:
            self._emit(*route(reply))
        self._wake.set()

    def _run_datagram(self, data: bytes, origin: Hashable) -> list[bytes]:
        """Whole packets of one datagram (a fresh decoder: datagrams do not continue)."""
        replies: list[bytes] = []
        for packet in CommandDecoder().feed(data):
            replies += self.chain.handle_packet(packet, origin)
        return replies

    def _sony_route(self, origin: Hashable) -> Callable[[bytes], tuple[bytes, Hashable]]:
        """Wrap a reply for a Sony origin ``(peer, sequence)``."""
        peer, sequence = cast(tuple[Hashable, int], origin)
        return lambda packet: (SonySession.wrap(packet, sequence), peer)

    def _emit(self, data: bytes, peer: Hashable) -> None:
        """Queue one reply for the writer (unless wired one-way)."""
        if self.one_way:
            return
        ready = asyncio.get_running_loop().time() + self.reply_delay
        self._queue.put_nowait((ready, data, peer))

    async def _completion_loop(self) -> None:
        """Send Completions as motions end; woken early when a new command arrives."""
        while True:
            self._wake.clear()
            due = self.chain.next_due()
            if due is None:
                await self._wake.wait()
            elif due > self._clock():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), due - self._clock())
            for origin, packet in self.chain.poll():
                if self.silent:
                    continue
                if self._sony is not None:
                    self._emit(*self._sony_route(origin)(packet))
                else:
                    self._emit(packet, origin)

    async def _write_loop(self) -> None:
        """Deliver queued bytes in order, at wire speed when pacing."""
        loop = asyncio.get_running_loop()
        while True:
            not_before, data, peer = await self._queue.get()
            if not_before > loop.time():
                await asyncio.sleep(not_before - loop.time())
            if self._transport is None:
                continue
            if _LOGGER.isEnabledFor(logging.DEBUG):
                _LOGGER.debug("emulator %s: -> %s to %s", self.endpoint, data.hex(" "), peer)
            if not self.pace_baud:
                self._transport.send(data, peer)
                continue
            await self._write_paced(data, peer, not_before)

    async def _write_paced(self, data: bytes, peer: Hashable, ready: float) -> None:
        """Write ``data`` as a wire would deliver it, on an ideal timeline from ``ready``.

        Byte k arrives (k + 1) byte times after the line is free; times are planned from when
        the reply was ready, not from when this loop got round to it, so event-loop lateness
        never adds up (a late byte is written at once, the next keeps its planned time).
        """
        assert self._transport is not None
        loop = asyncio.get_running_loop()
        start = max(ready, self._tx_free_at)
        self._tx_free_at = start + len(data) * self._byte_time
        stream = self._transport.stream
        chunks = [data[i : i + 1] for i in range(len(data))] if stream else [data]
        sent = 0
        for chunk in chunks:
            sent += len(chunk)
            due = start + sent * self._byte_time
            if due > loop.time():
                await asyncio.sleep(due - loop.time())
            self._transport.send(chunk, peer)


async def run_standalone(
    listen: str,
    cameras: int = 1,
    pace_baud: int | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve emulated cameras on ``listen`` until cancelled (``roomctl emulate camera``)."""
    emulator = ViscaEmulator(cameras, pace_baud=pace_baud)
    await emulator.start(listen)
    _LOGGER.info("VISCA emulator ready: controllers connect to %s", emulator.endpoint)
    if on_ready is not None:
        on_ready(emulator.endpoint)
    try:
        await asyncio.Event().wait()
    finally:
        await emulator.close()
