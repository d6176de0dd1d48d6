"""A VISCA link's reader never dies unseen (issue 13): killed tasks show offline, then recover."""

from __future__ import annotations

import asyncio
import socket
import struct
from collections.abc import AsyncIterator, Callable

import pytest

from drivers.errors import Problem
from drivers.roles.base import Availability, DeviceStatus
from drivers.visca.connection import ConnectionSpec, Transport
from drivers.visca.link import ViscaLink, open_link

POWER_ON = bytes.fromhex("8101040002ff")


async def until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


@pytest.fixture
async def tcp_link() -> AsyncIterator[tuple[ViscaLink, list[asyncio.StreamWriter]]]:
    connections: list[asyncio.StreamWriter] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)
        while await reader.read(100):
            pass

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    link = open_link(ConnectionSpec(Transport.TCP, "127.0.0.1", port), backoff_initial=0.02)
    link.start()
    try:
        await until(lambda: link.is_up and len(connections) == 1)
        yield link, connections
    finally:
        await link.close()
        for writer in connections:
            writer.close()
        server.close()
        await server.wait_closed()


def _task(suffix: str) -> asyncio.Task[object]:
    return next(t for t in asyncio.all_tasks() if t.get_name().startswith(suffix))


@pytest.mark.parametrize("task_name", ["visca-tcp reader", "visca-link"])
async def test_a_killed_task_shows_offline_and_reconnects(tcp_link, task_name: str) -> None:
    link, connections = tcp_link
    seen: list[DeviceStatus] = []
    link.status.subscribe(seen.append)
    _task(task_name).cancel()
    await until(lambda: any(s.availability is Availability.OFFLINE for s in seen))
    assert next(s for s in seen if s.availability is Availability.OFFLINE).problem is not None
    await until(lambda: link.is_up and len(connections) == 2)
    await link.send(POWER_ON)


async def test_a_reset_connection_is_a_plain_outage_not_a_dead_loop(tcp_link) -> None:
    """The peer resets (RST): the light says 'cannot be reached', the loop reconnects.

    Awaiting the reader task that had ended with ConnectionResetError used to raise inside
    the reconnect loop, so its supervisor reported problem 'unknown' ("see the event log").
    """
    link, connections = tcp_link
    seen: list[DeviceStatus] = []
    link.status.subscribe(seen.append)
    sock = connections[0].get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connections[0].transport.abort()  # close with linger 0: the kernel sends RST
    await until(lambda: any(s.availability is Availability.OFFLINE for s in seen))
    down = [s for s in seen if s.availability is Availability.OFFLINE]
    assert [s.problem for s in down] == [Problem.CONNECTION_REFUSED] * len(down), down
    await until(lambda: link.is_up and len(connections) == 2)
    await link.send(POWER_ON)


async def test_a_failing_consumer_does_not_kill_the_reader(tcp_link, caplog) -> None:
    link, connections = tcp_link
    got = bytearray()

    def consumer(data: bytes) -> None:
        if data.startswith(b"\x90\x60"):
            raise ValueError("the bus choked on this reply")
        got.extend(data)

    link.on_data = consumer
    connections[0].write(bytes.fromhex("906002ff"))
    await asyncio.sleep(0.05)
    connections[0].write(bytes.fromhex("9041ff"))
    await until(lambda: bytes(got) == bytes.fromhex("9041ff"))
    assert link.is_up and len(connections) == 1


async def test_a_killed_camera_poll_shows_offline_and_comes_back() -> None:
    from drivers.visca.camera import ViscaCamera
    from drivers.visca.emulator import ViscaEmulator

    emulator = ViscaEmulator()
    await emulator.start("tcp:127.0.0.1:0")
    camera = ViscaCamera(
        "cam", emulator.endpoint, poll_interval=0.05, link_options={"backoff_initial": 0.02}
    )
    await camera.start()
    try:
        await until(lambda: camera.status.value.availability is Availability.ONLINE)
        seen: list[DeviceStatus] = []
        camera.status.subscribe(seen.append)
        _task("cam poll").cancel()
        await until(lambda: any(s.availability is Availability.OFFLINE for s in seen))
        await until(lambda: camera.status.value.availability is Availability.ONLINE)
        await camera.recall_preset(1)  # commands still work
    finally:
        await camera.close()
        await emulator.close()


async def test_emulator_survives_a_camera_that_chokes(monkeypatch) -> None:
    from drivers.visca.emulator import ViscaEmulator

    emulator = ViscaEmulator()
    await emulator.start("tcp:127.0.0.1:0")
    real = emulator.chain.receive

    def choking(data: bytes, origin: object = None) -> list[bytes]:
        if data.startswith(b"\x81\x09\x04\x00"):
            raise IndexError("a bug in some camera feature")
        return real(data, origin)

    monkeypatch.setattr(emulator.chain, "receive", choking)
    _, host, port = emulator.endpoint.rsplit(":", 2)
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        writer.write(bytes.fromhex("81090400ff"))  # power inquiry: the camera chokes
        await asyncio.sleep(0.05)
        writer.write(bytes.fromhex("81090612ff"))  # position inquiry: still answered
        async with asyncio.timeout(3):
            reply = await reader.readuntil(b"\xff")
        assert reply.startswith(b"\x90\x50") and emulator.parse_errors.skipped == 1
    finally:
        writer.close()
        await emulator.close()
