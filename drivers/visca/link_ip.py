"""VISCA over IP links: Sony framing on UDP, raw VISCA over TCP and over UDP."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drivers.errors import DeviceProtocolError, DeviceTimeout
from drivers.tcp_ack import quick_ack
from drivers.visca.connection import ConnectionSpec
from drivers.visca.link import ViscaLink
from drivers.visca.protocol import (
    CONTROL_ERROR_MESSAGE,
    CONTROL_ERROR_SEQUENCE,
    CONTROL_RESET,
    SonyPayloadType,
    next_sequence,
    parse_sony_frame,
    sony_frame,
)

_LOGGER = logging.getLogger(__name__)


_ALREADY_RAN = bytes.fromhex("9050ff")


class _Datagrams(asyncio.DatagramProtocol):
    """Forwards datagrams and socket errors (ICMP unreachable) to callbacks."""

    def __init__(
        self, on_datagram: Callable[[bytes], None], on_error: Callable[[Exception], None]
    ) -> None:
        self._on_datagram = on_datagram
        self._on_error = on_error

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self._on_datagram(data)

    def error_received(self, exc: Exception) -> None:
        self._on_error(exc)


class _DatagramLink(ViscaLink):
    """Shared part of the UDP links: a connected datagram endpoint."""

    def __init__(self, spec: ConnectionSpec, **options: Any) -> None:
        super().__init__(spec, **options)
        self._transport: asyncio.DatagramTransport | None = None

    async def _open_endpoint(self) -> None:
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(
            lambda: _Datagrams(self._datagram_received, self._socket_error),
            remote_addr=(self.spec.target, self.spec.port),
        )
        self._transport = transport

    def _socket_error(self, exc: Exception) -> None:
        """ICMP unreachable and the like: UDP has no connection to lose.

        Dropping the link here would flap it once per poll while the camera is away (and log
        each flap); the camera's own answers decide its status, and its recovery resends RESET.
        """
        _LOGGER.debug("%s: socket error: %s", self.spec, exc)

    def _sendto(self, datagram: bytes) -> None:
        if self._transport is None:
            raise OSError("socket closed")
        self._transport.sendto(datagram)

    def _datagram_received(self, data: bytes) -> None:
        self.data_received(data)

    async def _close_transport(self) -> None:
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()


class RawUdpLink(_DatagramLink):
    """Raw VISCA over UDP (port 1259 on many PTZOptics/Avonic cameras)."""

    async def _open(self) -> None:
        await self._open_endpoint()

    async def _write(self, packet: bytes, inquiry: bool) -> None:
        _LOGGER.debug("%s -> %s", self.spec, packet.hex(" "))
        self._sendto(packet)


@dataclass
class _Outstanding:
    """A Sony frame waiting for its first reply, resent with the same sequence number."""

    datagram: bytes
    resends: int
    timer: asyncio.TimerHandle
    inquiry: bool


class SonyIpLink(_DatagramLink):
    """Sony VISCA over IP: 8-byte header, sequence numbers, RESET on connect, retransmit."""

    def __init__(
        self,
        spec: ConnectionSpec,
        *,
        retransmit_interval: float = 0.25,
        max_resends: int = 3,
        reset_timeout: float = 1.0,
        **options: Any,
    ) -> None:
        super().__init__(spec, **options)
        self.retransmit_interval = retransmit_interval
        self.max_resends = max_resends
        self.reset_timeout = reset_timeout
        self.resent_count = 0  # frames sent again after a timeout (for tests and the log)
        self._sequence = 0
        self._outstanding: dict[int, _Outstanding] = {}
        self._reset_done: asyncio.Event = asyncio.Event()

    async def _open(self) -> None:
        await self._open_endpoint()
        self._reset_done.clear()
        reset = sony_frame(SonyPayloadType.CONTROL, CONTROL_RESET, 0)
        for _ in range(1 + self.max_resends):  # RESET is retransmitted like any frame
            self._sendto(reset)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._reset_done.wait(), self.reset_timeout)
                self._sequence = 1  # the reset used 0
                return
        raise DeviceTimeout(f"{self.spec}: no answer to RESET")

    def resync(self) -> None:
        """Send RESET again (a power-cycled camera expects sequence numbers from 0)."""
        with contextlib.suppress(OSError):
            self._sendto(sony_frame(SonyPayloadType.CONTROL, CONTROL_RESET, 0))
            self._sequence = 1

    async def _write(self, packet: bytes, inquiry: bool) -> None:
        kind = SonyPayloadType.INQUIRY if inquiry else SonyPayloadType.COMMAND
        sequence, self._sequence = self._sequence, next_sequence(self._sequence)
        datagram = sony_frame(kind, packet, sequence)
        _LOGGER.debug("%s -> %s", self.spec, datagram.hex(" "))
        self._sendto(datagram)
        timer = asyncio.get_running_loop().call_later(
            self.retransmit_interval, self._resend, sequence
        )
        self._outstanding[sequence] = _Outstanding(datagram, 0, timer, inquiry)

    def _resend(self, sequence: int) -> None:
        """No reply in time: send the very same datagram again (Sony's retransmission rule)."""
        entry = self._outstanding.get(sequence)
        if entry is None or self._transport is None:
            return
        if entry.resends >= self.max_resends:
            del self._outstanding[sequence]  # the camera's command timeout reports it
            return
        entry.resends += 1
        self.resent_count += 1
        _LOGGER.debug("%s: resending sequence %d", self.spec, sequence)
        self._sendto(entry.datagram)
        entry.timer = asyncio.get_running_loop().call_later(
            self.retransmit_interval, self._resend, sequence
        )

    def _answered(self, sequence: int) -> _Outstanding | None:
        entry = self._outstanding.pop(sequence, None)
        if entry is not None:
            entry.timer.cancel()
        return entry

    def _datagram_received(self, data: bytes) -> None:
        try:
            frame = parse_sony_frame(data)
        except (ValueError, DeviceProtocolError) as exc:
            self.parse_errors.report("datagram", data, exc)
            return
        if frame.payload_type == SonyPayloadType.REPLY:
            self._answered(frame.sequence)
            self.data_received(frame.payload)
        elif frame.payload_type in (SonyPayloadType.CONTROL, SonyPayloadType.CONTROL_REPLY):
            # errors come as camera-sent control (02 00 0F 0y), the RESET answer as 02 01
            self._control_reply(frame.sequence, frame.payload)

    def _control_reply(self, sequence: int, payload: bytes) -> None:
        if payload == CONTROL_RESET:
            self._reset_done.set()
        elif payload == CONTROL_ERROR_SEQUENCE:
            # Sony: the retransmitted frame had already run (its ACK was lost). Tell the
            # camera's flow it is done: 90 50 FF (camera 1; over IP the address is always 1).
            _LOGGER.debug("%s: sequence %d already executed", self.spec, sequence)
            entry = self._answered(sequence)
            if entry is not None and entry.resends and not entry.inquiry:
                self.data_received(_ALREADY_RAN)
        elif payload == CONTROL_ERROR_MESSAGE:
            _LOGGER.warning("%s: camera rejected the message type (seq %d)", self.spec, sequence)
            self._answered(sequence)

    async def _close_transport(self) -> None:
        for entry in self._outstanding.values():
            entry.timer.cancel()
        self._outstanding.clear()
        await super()._close_transport()


class RawTcpLink(ViscaLink):
    """Raw VISCA over TCP (port 5678): a byte stream, re-framed on FF by the bus decoder."""

    def __init__(self, spec: ConnectionSpec, *, connect_timeout: float = 3.0, **options: Any):
        super().__init__(spec, **options)
        self.connect_timeout = connect_timeout
        self._writer: asyncio.StreamWriter | None = None
        self._reader_task: asyncio.Task[None] | None = None

    async def _open(self) -> None:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(self.spec.target, self.spec.port), self.connect_timeout
        )
        self._writer = writer
        task = asyncio.get_running_loop().create_task(
            self._read_forever(reader, writer.get_extra_info("socket")),
            name=f"visca-tcp reader {self.spec}",
        )
        task.add_done_callback(self._reader_ended)
        self._reader_task = task

    async def _read_forever(self, reader: asyncio.StreamReader, sock: object) -> None:
        while data := await reader.read(4096):
            quick_ack(sock)  # ACK then Completion: the Completion is not held back
            self.data_received(data)

    def _reader_ended(self, task: asyncio.Task[None]) -> None:
        """However the current reader ended (EOF, error, cancel), the connection is lost."""
        if task is not self._reader_task:
            return  # we stopped it ourselves
        if task.cancelled():
            self.connection_lost(ConnectionResetError("reader stopped"))
        else:
            self.connection_lost(task.exception() or ConnectionResetError("peer closed"))

    async def _write(self, packet: bytes, inquiry: bool) -> None:
        if self._writer is None:
            raise OSError("socket closed")
        _LOGGER.debug("%s -> %s", self.spec, packet.hex(" "))
        self._writer.write(packet)
        await self._writer.drain()

    async def _close_transport(self) -> None:
        task, self._reader_task = self._reader_task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            # wait without re-raising: how the reader ended (a reset, EOF) is already reported
            # by _reader_ended; raising here would end the reconnect loop itself
            await asyncio.wait({task})
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
