"""ViscaCamera over the network against the emulator: split replies, retransmit, buffer full."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable

import pytest

from drivers.errors import Problem
from drivers.roles.base import Availability
from drivers.roles.camera import FocusAction, PanTiltDirection
from drivers.visca.camera import ViscaCamera
from drivers.visca.emulator import ViscaEmulator
from drivers.visca.protocol import SonyPayloadType, parse_sony_frame

FAST = {"ack_timeout": 0.5, "poll_interval": 0.1, "command_timeout": 3.0}
BACKOFF = {"backoff_initial": 0.02, "backoff_max": 0.1}


async def until(condition: Callable[[], bool], timeout: float = 4.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def online(camera: ViscaCamera) -> bool:
    return camera.status.value.availability is Availability.ONLINE


def host_port(endpoint: str) -> tuple[str, int]:
    _, host, port = endpoint.rsplit(":", 2)
    return host, int(port)


@contextlib.asynccontextmanager
async def emulator_at(listen: str) -> AsyncIterator[ViscaEmulator]:
    emulator = ViscaEmulator()
    await emulator.start(listen)
    try:
        yield emulator
    finally:
        await emulator.close()


@contextlib.asynccontextmanager
async def camera_on(connection: str, **options: object) -> AsyncIterator[ViscaCamera]:
    camera = ViscaCamera("cam", connection, link_options={**BACKOFF}, **{**FAST, **options})  # type: ignore[arg-type]
    await camera.start()
    try:
        yield camera
    finally:
        await asyncio.wait_for(camera.close(), 5)


async def test_raw_tcp_replies_split_byte_by_byte() -> None:
    async with emulator_at("tcp:127.0.0.1:0") as emulator:
        target = host_port(emulator.endpoint)
        writers: list[asyncio.StreamWriter] = []

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter, split: bool) -> None:
            while data := await src.read(100):
                for i in range(len(data)) if split else [None]:
                    dst.write(data if i is None else data[i : i + 1])
                    await dst.drain()
                    if split:
                        await asyncio.sleep(0.001)

        tasks: list[asyncio.Task[None]] = []

        async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            up_reader, up_writer = await asyncio.open_connection(*target)
            writers.extend((writer, up_writer))
            tasks.append(asyncio.create_task(pump(reader, up_writer, False)))
            tasks.append(asyncio.create_task(pump(up_reader, writer, True)))

        server = await asyncio.start_server(proxy, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            async with camera_on(f"tcp:127.0.0.1:{port}") as camera:
                await until(lambda: online(camera))
                await asyncio.wait_for(camera.zoom_to(0x800), 3)
                await asyncio.wait_for(camera.refresh(), 3)
                assert camera.state.value.zoom == 0x800
                assert camera.state.value.pan == 0
        finally:
            for task in tasks:
                task.cancel()
            for writer in writers:
                writer.close()
            server.close()
            await server.wait_closed()


class _LossyProxy(asyncio.DatagramProtocol):
    """UDP proxy in front of the emulator that loses the first Sony command datagram."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.from_controller: list[bytes] = []
        self.dropped = False
        self.transport: asyncio.DatagramTransport | None = None
        self.controller: tuple[str, int] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        assert self.transport is not None
        if addr == self.target:  # camera -> controller
            if self.controller is not None:
                self.transport.sendto(data, self.controller)
            return
        self.controller = addr
        self.from_controller.append(data)
        if not self.dropped and parse_sony_frame(data).payload_type == SonyPayloadType.COMMAND:
            self.dropped = True
            return
        self.transport.sendto(data, self.target)


async def test_sony_ip_lost_command_is_resent_with_the_same_sequence_number() -> None:
    async with emulator_at("visca-ip:127.0.0.1:0") as emulator:
        loop = asyncio.get_running_loop()
        transport, proxy = await loop.create_datagram_endpoint(
            lambda: _LossyProxy(host_port(emulator.endpoint)), local_addr=("127.0.0.1", 0)
        )
        port = transport.get_extra_info("sockname")[1]
        try:
            async with camera_on(f"visca-ip:127.0.0.1:{port}", poll_interval=60.0) as camera:
                await until(lambda: camera.flow.idle and get_link_up(camera))
                await asyncio.wait_for(camera.move(PanTiltDirection.UP, 2, 2), 3)
                commands = [
                    d for d in proxy.from_controller
                    if parse_sony_frame(d).payload_type == SonyPayloadType.COMMAND
                ]  # fmt: skip
                assert len(commands) == 2 and commands[0] == commands[1]
                assert emulator.cameras[0].moving
                await camera.stop()
        finally:
            transport.close()


def get_link_up(camera: ViscaCamera) -> bool:
    from drivers.visca.bus import get_bus

    return get_bus(camera.spec).link.is_up


async def test_buffer_full_from_another_controller_is_waited_out() -> None:
    async with emulator_at("udp:127.0.0.1:0") as emulator:
        loop = asyncio.get_running_loop()
        other, _ = await loop.create_datagram_endpoint(
            asyncio.DatagramProtocol, remote_addr=host_port(emulator.endpoint)
        )
        try:
            async with camera_on(emulator.endpoint, command_timeout=5.0) as camera:
                await until(lambda: online(camera))
                # another controller fills both sockets: a slow pan and a zoom of ~0.5 s
                other.sendto(bytes.fromhex("8101060201010007000000000000ff"))
                other.sendto(bytes.fromhex("8101044701000000ff"))
                await until(lambda: len(emulator.cameras[0].busy_sockets) == 2)
                await asyncio.wait_for(camera.focus(FocusAction.MANUAL), 4)
                sent = emulator.cameras[0].commands_received.count(bytes.fromhex("8101043803ff"))
                assert sent >= 2  # refused with buffer full at least once, then accepted
                assert emulator.cameras[0].focus_auto is False
                assert online(camera)
                other.sendto(bytes.fromhex("8121ff"))  # let the slow pan go
                other.sendto(bytes.fromhex("8122ff"))
        finally:
            other.close()


async def test_sony_ip_emulator_gone_is_offline_and_comes_back() -> None:
    emulator = ViscaEmulator()
    await emulator.start("visca-ip:127.0.0.1:0")
    endpoint = emulator.endpoint
    try:
        async with camera_on(endpoint) as camera:
            await until(lambda: online(camera))
            await emulator.vanish()
            await until(lambda: camera.status.value.availability is Availability.OFFLINE)
            assert camera.status.value.problem in (
                Problem.NOT_ANSWERING,
                Problem.CONNECTION_REFUSED,
            )
            await emulator.reappear()
            await until(lambda: online(camera))
    finally:
        await emulator.close()


@pytest.mark.parametrize("kind", ["tcp", "udp", "visca-ip"])
async def test_every_network_transport_drives_the_camera(kind: str) -> None:
    async with emulator_at(f"{kind}:127.0.0.1:0") as emulator:
        camera = ViscaCamera("cam", emulator.endpoint, link_options=BACKOFF, **FAST)  # type: ignore[arg-type]
        await camera.start()
        try:
            await until(lambda: online(camera))
            await asyncio.wait_for(camera.goto(300, -100, 0x18, 0x17), 3)
            await asyncio.wait_for(camera.refresh(), 3)
            assert (camera.state.value.pan, camera.state.value.tilt) == (300, -100)
        finally:
            await asyncio.wait_for(camera.close(), 5)


@pytest.mark.parametrize("kind", ["udp", "visca-ip"])
async def test_udp_camera_going_away_is_logged_once(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    emulator = ViscaEmulator()
    await emulator.start(f"{kind}:127.0.0.1:0")
    try:
        camera = ViscaCamera(
            "cam", emulator.endpoint, link_options=BACKOFF, recovery_interval=0.1,
            **{**FAST, "ack_timeout": 0.1, "poll_interval": 0.02},  # type: ignore[arg-type]
        )  # fmt: skip
        await camera.start()
        try:
            await until(lambda: online(camera))
            with caplog.at_level(logging.INFO):
                await emulator.vanish()
                await until(lambda: camera.status.value.availability is Availability.OFFLINE)
                assert camera.status.value.problem is Problem.NOT_ANSWERING
                await asyncio.sleep(0.5)  # many polls into ICMP "port unreachable"
                await emulator.reappear()
                await until(lambda: online(camera))
            ours = ("drivers.visca.camera", "drivers.visca.bus", "drivers.visca.link")
            loud = [
                r.getMessage()
                for r in caplog.records
                if r.levelno >= logging.INFO and r.name.startswith(ours)
            ]
            assert len(loud) == 2, loud  # "not answering" once, "answering again" once
        finally:
            await asyncio.wait_for(camera.close(), 5)
    finally:
        await emulator.close()
