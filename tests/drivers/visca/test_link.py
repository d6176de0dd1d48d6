"""Links against real peers: a socat pty pair, TCP and UDP sockets on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
import serial

from drivers.errors import DeviceConnectionError, Problem
from drivers.roles.base import Availability
from drivers.visca.connection import ConnectionSpec, Transport, parse_connection
from drivers.visca.link import ViscaLink, open_link
from drivers.visca.link_ip import SonyIpLink
from drivers.visca.protocol import SonyPayloadType, parse_sony_frame, sony_frame
from tests.drivers.visca.conftest import SocatPair

POWER_ON = bytes.fromhex("8101040002ff")


async def until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    """Poll ``condition`` (never qtbot.waitUntil in async tests)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


class Received:
    """Collects what a link hands up."""

    def __init__(self, link: ViscaLink) -> None:
        self.data = bytearray()
        link.on_data = self.data.extend


@pytest.fixture
def pty_pair(socat_pty_pair: SocatPair) -> SocatPair:
    return socat_pty_pair


async def test_serial_link_moves_bytes_both_ways(pty_pair: SocatPair) -> None:
    link = open_link(parse_connection(f"serial:{pty_pair.a}"))
    got = Received(link)
    link.start()
    camera_end = serial.Serial(pty_pair.b, 9600, timeout=1)
    try:
        await until(lambda: link.is_up)
        await link.send(POWER_ON)
        assert await asyncio.to_thread(camera_end.read, len(POWER_ON)) == POWER_ON
        camera_end.write(bytes.fromhex("9041ff9051ff"))
        await until(lambda: bytes(got.data) == bytes.fromhex("9041ff9051ff"))
    finally:
        camera_end.close()
        await link.close()


async def test_serial_link_reopens_when_port_vanishes_and_returns(
    pty_pair: SocatPair, caplog: pytest.LogCaptureFixture
) -> None:
    link = open_link(
        parse_connection(f"serial:{pty_pair.a}"), backoff_initial=0.02, backoff_max=0.05
    )
    link.start()
    try:
        await until(lambda: link.is_up)
        with caplog.at_level(logging.INFO, logger="drivers.visca.link"):
            pty_pair.kill()
            await until(lambda: link.status.value.availability is Availability.OFFLINE)
            assert link.status.value.problem is Problem.PORT_MISSING
            with pytest.raises(DeviceConnectionError):
                await link.send(POWER_ON)
            await asyncio.sleep(0.4)  # many retries at 20-50 ms: the log must not grow
            pty_pair.start()
            await until(lambda: link.is_up)
        warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(warnings) == 1, [r.getMessage() for r in warnings]
        camera_end = serial.Serial(pty_pair.b, 9600, timeout=1)
        try:
            await link.send(POWER_ON)
            assert await asyncio.to_thread(camera_end.read, len(POWER_ON)) == POWER_ON
        finally:
            camera_end.close()
    finally:
        await link.close()


async def test_serial_link_reports_a_missing_port(tmp_path: Path) -> None:
    link = open_link(parse_connection(f"serial:{tmp_path / 'nothing'}"), backoff_initial=0.02)
    link.start()
    try:
        await until(lambda: link.status.value.availability is Availability.OFFLINE)
        assert link.status.value.problem is Problem.PORT_MISSING
        assert "nothing" in link.status.value.detail
    finally:
        await link.close()


async def test_raw_tcp_link_reconnects_after_the_peer_drops() -> None:
    connections: list[asyncio.StreamWriter] = []
    received = bytearray()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)
        while data := await reader.read(100):
            received.extend(data)

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    link = open_link(ConnectionSpec(Transport.TCP, "127.0.0.1", port), backoff_initial=0.02)
    got = Received(link)
    link.start()
    try:
        await until(lambda: link.is_up and len(connections) == 1)
        await link.send(POWER_ON)
        connections[0].write(bytes.fromhex("9041ff90"))  # a reply and half of the next
        connections[0].write(bytes.fromhex("51ff"))
        await until(lambda: bytes(got.data) == bytes.fromhex("9041ff9051ff"))
        connections[0].close()
        await until(lambda: len(connections) == 2 and link.is_up)
        await link.send(POWER_ON)
        await until(lambda: bytes(received) == POWER_ON * 2)
    finally:
        await link.close()
        for writer in connections:
            writer.close()
        server.close()
        await server.wait_closed()


class _UdpPeer(asyncio.DatagramProtocol):
    """Records datagrams; ``answer`` decides the replies."""

    def __init__(self, answer: Callable[[bytes], list[bytes]]) -> None:
        self.datagrams: list[bytes] = []
        self.answer = answer
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.datagrams.append(data)
        assert self.transport is not None
        for reply in self.answer(data):
            self.transport.sendto(reply, addr)


async def _udp_peer(answer: Callable[[bytes], list[bytes]]) -> tuple[_UdpPeer, int]:
    loop = asyncio.get_running_loop()
    transport, peer = await loop.create_datagram_endpoint(
        lambda: _UdpPeer(answer), local_addr=("127.0.0.1", 0)
    )
    return peer, transport.get_extra_info("sockname")[1]


async def test_raw_udp_link_sends_and_receives_packets() -> None:
    peer, port = await _udp_peer(lambda data: [bytes.fromhex("9041ff"), bytes.fromhex("9051ff")])
    link = open_link(ConnectionSpec(Transport.UDP, "127.0.0.1", port))
    got = Received(link)
    link.start()
    try:
        await until(lambda: link.is_up)
        await link.send(POWER_ON)
        await until(lambda: bytes(got.data) == bytes.fromhex("9041ff9051ff"))
        assert peer.datagrams == [POWER_ON]
    finally:
        await link.close()
        assert peer.transport is not None
        peer.transport.close()


def _sony_camera(drop_first_command: bool) -> Callable[[bytes], list[bytes]]:
    """A Sony VISCA-over-IP responder that loses the first command datagram."""
    state = {"dropped": not drop_first_command}

    def answer(datagram: bytes) -> list[bytes]:
        frame = parse_sony_frame(datagram)
        if frame.payload_type == SonyPayloadType.CONTROL:
            return [sony_frame(SonyPayloadType.CONTROL_REPLY, b"\x01", frame.sequence)]
        if not state["dropped"]:
            state["dropped"] = True
            return []
        return [
            sony_frame(SonyPayloadType.REPLY, bytes.fromhex("9041ff"), frame.sequence),
            sony_frame(SonyPayloadType.REPLY, bytes.fromhex("9051ff"), frame.sequence),
        ]

    return answer


async def test_sony_link_resets_then_retransmits_with_the_same_sequence_number() -> None:
    peer, port = await _udp_peer(_sony_camera(drop_first_command=True))
    link = open_link(ConnectionSpec(Transport.SONY_IP, "127.0.0.1", port))
    assert isinstance(link, SonyIpLink)
    link.retransmit_interval = 0.05
    got = Received(link)
    link.start()
    try:
        await until(lambda: link.is_up)
        reset = parse_sony_frame(peer.datagrams[0])
        assert (reset.payload_type, reset.payload, reset.sequence) == (
            SonyPayloadType.CONTROL,
            b"\x01",
            0,
        )
        await link.send(POWER_ON)
        await until(lambda: bytes(got.data) == bytes.fromhex("9041ff9051ff"))
        commands = peer.datagrams[1:]
        assert len(commands) == 2 and commands[0] == commands[1]  # same bytes, same number
        frame = parse_sony_frame(commands[0])
        assert frame.payload_type == SonyPayloadType.COMMAND and frame.payload == POWER_ON
        assert link.resent_count == 1
        await link.send(POWER_ON, inquiry=True)
        await until(lambda: len(peer.datagrams) == 4)
        later = parse_sony_frame(peer.datagrams[3])
        assert later.sequence == frame.sequence + 1
        assert later.payload_type == SonyPayloadType.INQUIRY
    finally:
        await link.close()
        assert peer.transport is not None
        peer.transport.close()


async def test_sony_link_without_answer_to_reset_is_offline_not_answering() -> None:
    peer, port = await _udp_peer(lambda data: [])
    link = open_link(
        ConnectionSpec(Transport.SONY_IP, "127.0.0.1", port), reset_timeout=0.05, max_resends=1
    )
    link.start()
    try:
        await until(lambda: link.status.value.availability is Availability.OFFLINE)
        assert link.status.value.problem is Problem.NOT_ANSWERING
        assert len(peer.datagrams) == 2  # RESET sent again once, same bytes
        assert peer.datagrams[0] == peer.datagrams[1]
    finally:
        await link.close()
        assert peer.transport is not None
        peer.transport.close()


async def test_sony_sequence_error_after_a_resend_means_it_already_ran() -> None:
    seen: set[int] = set()

    def answer(datagram: bytes) -> list[bytes]:
        frame = parse_sony_frame(datagram)
        if frame.payload_type == SonyPayloadType.CONTROL:
            return [sony_frame(SonyPayloadType.CONTROL_REPLY, b"\x01", frame.sequence)]
        if frame.sequence in seen:  # ran the first time; our replies were "lost"
            return [sony_frame(SonyPayloadType.CONTROL, b"\x0f\x01", frame.sequence)]
        seen.add(frame.sequence)
        return []

    peer, port = await _udp_peer(answer)
    link = open_link(ConnectionSpec(Transport.SONY_IP, "127.0.0.1", port), retransmit_interval=0.05)
    got = Received(link)
    link.start()
    try:
        await until(lambda: link.is_up)
        await link.send(POWER_ON)
        await until(lambda: bytes(got.data) == bytes.fromhex("9050ff"))  # done, no socket
        await asyncio.sleep(0.2)
        assert len(peer.datagrams) == 3  # RESET, command, one resend: then it stopped
    finally:
        await link.close()
        assert peer.transport is not None
        peer.transport.close()


async def test_paced_serial_link_delivers_whole_packets_in_order(pty_pair: SocatPair) -> None:
    taps: list[bytes] = []
    link = open_link(
        parse_connection(f"serial:{pty_pair.a}"),
        pace_baud=9600,
        wire_tap=lambda data, when: taps.append(data),
    )
    link.start()
    camera_end = serial.Serial(pty_pair.b, 9600, timeout=1)
    try:
        await until(lambda: link.is_up)
        second = bytes.fromhex("8101060101010303ff")
        await asyncio.gather(link.send(POWER_ON), link.send(second))
        wanted = POWER_ON + second
        assert await asyncio.to_thread(camera_end.read, len(wanted)) == wanted
        assert b"".join(taps) == wanted and len(taps) > 2  # went out in pieces
    finally:
        camera_end.close()
        await link.close()
