"""The emulator as a third-party controller sees it: hand-written bytes over real ptys/sockets."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
import tty
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import pytest

from drivers.visca import protocol as v
from drivers.visca.connection import parse_connection
from drivers.visca.emulator import run_standalone

if TYPE_CHECKING:
    from tests.drivers.visca.conftest import EmulatorFactory, SocatPair

H = bytes.fromhex
TIMEOUT = 3.0


class RawSerial:
    """A minimal third-party controller on a tty: raw os reads and writes, no project code."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        tty.setraw(self.fd)
        self.buffer = b""

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    async def read(self, count: int, timeout: float = TIMEOUT) -> bytes:
        deadline = time.monotonic() + timeout
        while len(self.buffer) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"got {self.buffer.hex(' ')!r}, wanted {count} bytes")
            with contextlib.suppress(BlockingIOError):
                self.buffer += os.read(self.fd, 256)
            await asyncio.sleep(0.001)
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    async def quiet(self, seconds: float = 0.2) -> bytes:
        """Whatever arrives within ``seconds`` (expected: nothing)."""
        await asyncio.sleep(seconds)
        with contextlib.suppress(BlockingIOError):
            self.buffer += os.read(self.fd, 256)
        data, self.buffer = self.buffer, b""
        return data

    def close(self) -> None:
        os.close(self.fd)


class UdpPeer(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.inbox: asyncio.Queue[bytes] = asyncio.Queue()
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: object) -> None:
        self.inbox.put_nowait(data)

    async def recv(self, timeout: float = TIMEOUT) -> bytes:
        return await asyncio.wait_for(self.inbox.get(), timeout)

    def send(self, data: bytes) -> None:
        assert self.transport is not None
        self.transport.sendto(data)


@contextlib.asynccontextmanager
async def udp_peer(endpoint: str) -> AsyncIterator[UdpPeer]:
    spec = parse_connection(endpoint)
    loop = asyncio.get_running_loop()
    transport, peer = await loop.create_datagram_endpoint(
        UdpPeer, remote_addr=(spec.target, spec.port)
    )
    try:
        yield peer
    finally:
        transport.close()


@contextlib.asynccontextmanager
async def raw_serial(path: str) -> AsyncIterator[RawSerial]:
    port = RawSerial(path)
    try:
        yield port
    finally:
        port.close()


def link_exists(path: str) -> bool:
    return os.path.lexists(path)


def endpoint_path(endpoint: str) -> str:
    assert endpoint.startswith("serial:")
    return endpoint.removeprefix("serial:")


# --- serial: a socat pair, the emulator on one end, raw bytes on the other ----------------------


async def test_serial_split_command_and_inquiry(
    socat_pty_pair: SocatPair, emulator: EmulatorFactory
) -> None:
    a, b = socat_pty_pair
    emu = await emulator(f"serial:{a}")
    async with raw_serial(b) as port:
        command = H("81 01 06 01 18 17 03 01 FF 81 09 04 00 FF")
        for i in range(0, len(command), 3):  # a controller writing in odd pieces
            port.write(command[i : i + 3])
            await asyncio.sleep(0.002)
        assert await port.read(9) == H("90 41 FF 90 51 FF 90 50 02 FF")[:9]
        assert await port.read(1) == H("FF")
        port.write(H("81 01 06 01 18 17 03 03 FF"))
        assert await port.read(6) == H("90 41 FF 90 51 FF")
    assert emu.cameras[0].commands_received[0] == H("81 01 06 01 18 17 03 01 FF")
    assert not emu.cameras[0].moving


async def test_serial_completion_after_motion_and_buffer_full(
    socat_pty_pair: SocatPair, emulator: EmulatorFactory
) -> None:
    a, b = socat_pty_pair
    emu = await emulator(f"serial:{a}")
    async with raw_serial(b) as port:
        port.write(v.pan_tilt_absolute(150, 0, 0x18, 0x17).packet())  # ~0.1 s of travel
        port.write(v.zoom_direct(0x800).packet())  # ~0.25 s of zoom
        port.write(v.home().packet())
        assert await port.read(10) == H("90 41 FF 90 42 FF 90 60 03 FF")
        assert emu.cameras[0].moving
        assert await port.read(3) == H("90 51 FF")
        assert emu.cameras[0].position().pan == 150
        assert await port.read(3) == H("90 52 FF")


async def test_serial_port_vanishes_and_returns(
    socat_pty_pair: SocatPair, emulator: EmulatorFactory
) -> None:
    a, b = socat_pty_pair
    emu = await emulator(f"serial:{a}")
    await emu.vanish()
    socat_pty_pair.kill()  # the adapter is unplugged: both device paths disappear
    assert not link_exists(a) and not link_exists(b)
    socat_pty_pair.start()  # ... and re-enumerates: same paths, new ptys
    await emu.reappear()
    async with raw_serial(b) as port:
        port.write(v.inquire_power().packet())
        assert await port.read(4) == H("90 50 02 FF")


async def test_standalone_serial_emulator_reopens_its_port_after_a_replug(
    socat_pty_pair: SocatPair,
) -> None:
    """``roomctl emulate camera --listen serial:PATH``: nobody calls ``reappear`` there."""
    a, b = socat_pty_pair
    ready: asyncio.Queue[str] = asyncio.Queue()
    task = asyncio.create_task(run_standalone(f"serial:{a}", 1, None, ready.put_nowait))
    try:
        await asyncio.wait_for(ready.get(), TIMEOUT)
        for _ in range(2):  # the adapter is unplugged and replugged, twice
            socat_pty_pair.kill()
            await asyncio.sleep(0.2)  # the emulator notices while the port is gone
            socat_pty_pair.start()
            async with raw_serial(b) as port:
                async with asyncio.timeout(TIMEOUT):
                    while True:  # the emulator reopens by itself within a moment
                        port.write(v.inquire_power().packet())
                        with contextlib.suppress(TimeoutError):
                            assert await port.read(4, timeout=0.2) == H("90 50 02 FF")
                            break
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, TIMEOUT)


async def test_reappear_after_the_serial_port_reopened_by_itself_keeps_one_reader(
    socat_pty_pair: SocatPair, emulator: EmulatorFactory
) -> None:
    a, b = socat_pty_pair
    emu = await emulator(f"serial:{a}")
    socat_pty_pair.kill()  # no vanish(): the port fails under the reader
    await asyncio.sleep(0.2)
    socat_pty_pair.start()
    async with raw_serial(b) as port:
        async with asyncio.timeout(TIMEOUT):
            while not emu.cameras[0].commands_received:
                port.write(v.inquire_power().packet())
                await asyncio.sleep(0.05)
        await emu.reappear()  # a test or tool that calls it anyway
        readers = [t for t in threading.enumerate() if t.name == f"visca-emulator {a}"]
        assert len(readers) == 1
        await port.quiet(0.1)
        port.write(v.inquire_power().packet())
        assert await port.read(4) == H("90 50 02 FF")
        assert await port.quiet() == b""


# --- own pty: chains, pacing, faults -------------------------------------------------------------


async def test_pty_chain_address_set_and_if_clear(emulator: EmulatorFactory) -> None:
    emu = await emulator("pty", cameras=3)
    async with raw_serial(endpoint_path(emu.endpoint)) as port:
        port.write(v.address_set_packet())
        assert await port.read(4) == H("88 30 04 FF")
        port.write(v.if_clear_broadcast_packet())
        assert await port.read(5) == H("88 01 00 01 FF")
        port.write(v.zoom(v.ZoomDirection.TELE).packet(3) + v.inquire_power().packet(2))
        assert await port.read(10) == H("B0 41 FF B0 51 FF A0 50 02 FF")
        port.write(H("83 01 04 99 FF"))
        assert await port.read(4) == H("B0 60 02 FF")
        emu.announce_network_change(1)
        assert await port.read(3) == H("A0 38 FF")
    assert emu.cameras[2].moving and not emu.cameras[0].moving


async def test_pty_paced_at_9600_baud(emulator: EmulatorFactory) -> None:
    emu = await emulator("pty", pace_baud=9600)
    async with raw_serial(endpoint_path(emu.endpoint)) as port:
        command = v.pan_tilt_drive(v.PanTiltDirection.UP, 1, 1).packet()
        started = time.monotonic()
        port.write(command)
        assert await port.read(6) == H("90 41 FF 90 51 FF")
        elapsed = time.monotonic() - started
    # Functional check of pacing, not a performance figure: 6 reply bytes cannot beat the wire.
    assert elapsed >= 6 * 10 / 9600


async def test_pty_faults(emulator: EmulatorFactory) -> None:
    emu = await emulator("pty")
    path = endpoint_path(emu.endpoint)
    async with raw_serial(path) as port:
        emu.silent = True
        port.write(v.power(False).packet())
        assert await port.quiet() == b""
        assert emu.cameras[0].power_on  # silence swallows, nothing runs
        emu.silent = False
        emu.inject(H("12 34 90"))
        port.write(v.inquire_power().packet())
        assert await port.read(7) == H("12 34 90 90 50 02 FF")
        emu.one_way = True
        port.write(v.pan_tilt_drive(v.PanTiltDirection.LEFT, 1, 1).packet())
        assert await port.quiet() == b""
        assert emu.cameras[0].moving  # executed, never answered
        emu.one_way = False
        emu.reply_delay = 0.05
        port.write(v.pan_tilt_drive(None).packet())
        assert await port.read(6) == H("90 41 FF 90 51 FF")
    await emu.vanish()
    assert not link_exists(path)
    await emu.reappear()
    async with raw_serial(path) as port:
        port.write(v.inquire_focus_mode().packet())
        assert await port.read(4) == H("90 50 02 FF")


# --- network ------------------------------------------------------------------------------------


async def test_sony_visca_ip_sequence_rules(emulator: EmulatorFactory) -> None:
    emu = await emulator("visca-ip:127.0.0.1:0")
    async with udp_peer(emu.endpoint) as peer:
        peer.send(v.sony_frame(v.SonyPayloadType.CONTROL, v.CONTROL_RESET, 0))
        assert await peer.recv() == H("02 01 00 01 00 00 00 00 01")
        peer.send(H("01 00 00 06 00 00 00 07 81 01 04 00 02 FF"))  # power on, seq 7
        assert await peer.recv() == H("01 11 00 03 00 00 00 07 90 41 FF")
        assert await peer.recv() == H("01 11 00 03 00 00 00 07 90 51 FF")
        # A retransmission of seq 7 has already run: sequence error, not run twice.
        peer.send(H("01 00 00 06 00 00 00 07 81 01 04 00 02 FF"))
        assert await peer.recv() == H("02 00 00 02 00 00 00 07 0F 01")
        peer.send(v.sony_frame(v.SonyPayloadType.INQUIRY, v.inquire_power().packet(), 8))
        assert await peer.recv() == H("01 11 00 04 00 00 00 08 90 50 02 FF")
        peer.send(v.sony_frame(v.SonyPayloadType.REPLY, H("90 41 FF"), 9))
        assert await peer.recv() == H("02 00 00 02 00 00 00 09 0F 02")
        # The Completion of a move echoes the sequence number of its command.
        peer.send(v.sony_frame(v.SonyPayloadType.COMMAND, v.zoom_direct(0x800).packet(), 10))
        assert v.parse_sony_frame(await peer.recv()).payload == H("90 41 FF")
        done = v.parse_sony_frame(await peer.recv())
        assert (done.sequence, done.payload) == (10, H("90 51 FF"))
    power_on_packets = [p for p in emu.cameras[0].commands_received if p == v.power(True).packet()]
    assert len(power_on_packets) == 1


async def test_raw_udp(emulator: EmulatorFactory) -> None:
    emu = await emulator("udp:127.0.0.1:0")
    async with udp_peer(emu.endpoint) as peer:
        peer.send(v.pan_tilt_drive(v.PanTiltDirection.DOWN, 2, 2).packet())
        assert await peer.recv() == H("90 41 FF")
        assert await peer.recv() == H("90 51 FF")
        await asyncio.sleep(0.05)
        peer.send(v.inquire_position().packet())
        (reply,) = v.ReplyDecoder().feed(await peer.recv())
        assert isinstance(reply, v.Completion) and v.parse_position(reply.data)[1] < 0


async def test_raw_tcp_two_clients_and_split_packets(emulator: EmulatorFactory) -> None:
    emu = await emulator("tcp:127.0.0.1:0")
    spec = parse_connection(emu.endpoint)
    r1, w1 = await asyncio.open_connection(spec.target, spec.port)
    r2, w2 = await asyncio.open_connection(spec.target, spec.port)
    try:
        w1.write(v.zoom_direct(0x400).packet()[:4])
        await w1.drain()
        await asyncio.sleep(0.02)
        w1.write(v.zoom_direct(0x400).packet()[4:])
        assert await asyncio.wait_for(r1.readexactly(3), TIMEOUT) == H("90 41 FF")
        w2.write(v.inquire_zoom().packet())
        assert (await asyncio.wait_for(r2.readexactly(7), TIMEOUT))[:2] == H("90 50")
        # The zoom's Completion goes to the client that asked for the zoom.
        assert await asyncio.wait_for(r1.readexactly(3), TIMEOUT) == H("90 51 FF")
    finally:
        for writer in (w1, w2):
            writer.close()
            await writer.wait_closed()


async def test_tcp_vanish_and_reappear_on_same_port(emulator: EmulatorFactory) -> None:
    emu = await emulator("tcp:127.0.0.1:0")
    spec = parse_connection(emu.endpoint)
    await emu.vanish()
    with pytest.raises(OSError):
        await asyncio.open_connection(spec.target, spec.port)
    await emu.reappear()
    assert emu.endpoint == str(spec)
    reader, writer = await asyncio.open_connection(spec.target, spec.port)
    try:
        writer.write(v.inquire_power().packet())
        assert await asyncio.wait_for(reader.readexactly(4), TIMEOUT) == H("90 50 02 FF")
    finally:
        writer.close()
        await writer.wait_closed()


async def test_tcp_vanish_with_a_client_connected_reports_nothing_to_the_loop(
    emulator: EmulatorFactory,
) -> None:
    """Closing with a controller connected ends its handler cleanly (found by bench/soak.py)."""
    loop = asyncio.get_running_loop()
    reported: list[dict[str, object]] = []
    loop.set_exception_handler(lambda _loop, context: reported.append(context))
    emu = await emulator("tcp:127.0.0.1:0")
    spec = parse_connection(emu.endpoint)
    reader, writer = await asyncio.open_connection(spec.target, spec.port)
    try:
        writer.write(v.inquire_power().packet())
        assert await asyncio.wait_for(reader.readexactly(4), TIMEOUT) == H("90 50 02 FF")
        await emu.vanish()
        assert await asyncio.wait_for(reader.read(), TIMEOUT) == b""  # the controller sees EOF
        await asyncio.sleep(0.05)  # the server's done-callback runs
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        loop.set_exception_handler(None)
    assert reported == []


async def test_run_standalone_serves_until_cancelled() -> None:
    ready: asyncio.Queue[str] = asyncio.Queue()
    task = asyncio.create_task(run_standalone("udp:127.0.0.1:0", 2, None, ready.put_nowait))
    try:
        endpoint = await asyncio.wait_for(ready.get(), TIMEOUT)
        async with udp_peer(endpoint) as peer:
            peer.send(v.inquire_version().packet(2))
            reply = await peer.recv()
            assert reply[:2] == H("A0 50") and len(reply) == 10
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, TIMEOUT)
