"""The emulator against a third-party VISCA-over-IP client (visca-over-ip from PyPI).

Sony VISCA over IP: the library sends commands from an ephemeral port and inquiries from the
camera's own port number, which a real camera on another host makes harmless. On one host the
emulator and the client would both want that port, so a small UDP relay on 127.0.0.2 plays
the camera's address and forwards every client socket to the emulator through its own socket.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from typing import Any, cast

import pytest

from drivers.visca.emulator import ViscaEmulator

visca_over_ip = pytest.importorskip("visca_over_ip")


class _Upstream(asyncio.DatagramProtocol):
    def __init__(self, relay: _Relay, client: tuple[str, int]) -> None:
        self.relay, self.client = relay, client

    def datagram_received(self, data: bytes, addr: Any) -> None:
        assert self.relay.transport is not None
        self.relay.transport.sendto(data, self.client)


class _Relay(asyncio.DatagramProtocol):
    """Forwards each client (address, port) to the emulator through a socket of its own."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.transport: asyncio.DatagramTransport | None = None
        self.upstream: dict[tuple[str, int], asyncio.DatagramTransport] = {}
        self.pending: list[asyncio.Task[None]] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.pending.append(asyncio.get_running_loop().create_task(self._forward(data, addr)))

    async def _forward(self, data: bytes, client: tuple[str, int]) -> None:
        if client not in self.upstream:
            loop = asyncio.get_running_loop()
            transport, _ = await loop.create_datagram_endpoint(
                lambda: _Upstream(self, client), remote_addr=self.target
            )
            self.upstream[client] = transport
        self.upstream[client].sendto(data)

    def close(self) -> None:
        for transport in self.upstream.values():
            transport.close()
        if self.transport is not None:
            self.transport.close()


@pytest.fixture
async def camera_address() -> AsyncIterator[tuple[ViscaEmulator, tuple[str, int]]]:
    emulator = ViscaEmulator()
    await emulator.start("visca-ip:127.0.0.1:0")
    _, host, port = emulator.endpoint.rsplit(":", 2)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # the client binds it too
    sock.bind(("127.0.0.2", 0))
    loop = asyncio.get_running_loop()
    _, relay = await loop.create_datagram_endpoint(lambda: _Relay((host, int(port))), sock=sock)
    try:
        yield emulator, sock.getsockname()
    finally:
        relay.close()
        await asyncio.gather(*relay.pending, return_exceptions=True)
        await emulator.close()


def _session(address: tuple[str, int]) -> dict[str, Any]:
    """Drive the camera as a third-party app would (blocking library: runs in a thread)."""
    camera = visca_over_ip.Camera(*address)
    seen: dict[str, Any] = {}
    try:
        # the library's sign: negative pan speed sends direction 01 (left), whatever its docs say
        camera.pantilt(-12, 0)  # left, tilt speed 00: 81 01 06 01 0C 00 01 03 FF
        time.sleep(0.3)
        camera.pantilt(0, 0)  # stop
        seen["after_left"] = camera.get_pantilt_position()
        camera.pantilt(0, -9)  # up (direction 01), pan speed 00: 81 01 06 01 00 09 03 01 FF
        time.sleep(0.2)
        camera.pantilt(0, 0)
        seen["after_up"] = camera.get_pantilt_position()
        camera.zoom(7)
        time.sleep(0.3)
        camera.zoom(0)
        seen["zoom"] = camera.get_zoom_position()
        camera.save_preset(3)
        camera.pantilt(24, 20)  # right and down
        time.sleep(0.3)
        camera.pantilt(0, 0)
        camera.zoom_to(0.0)
        seen["moved_away"] = camera.get_pantilt_position()
        camera.recall_preset(3)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            seen["recalled"] = camera.get_pantilt_position()
            if seen["recalled"] == seen["after_up"]:
                break
            time.sleep(0.05)
        seen["recalled_zoom"] = camera.get_zoom_position()
    finally:
        camera.close_connection()
    return seen


async def test_visca_over_ip_library_moves_stops_zooms_and_recalls(camera_address) -> None:
    emulator, address = camera_address
    seen = await asyncio.to_thread(_session, address)
    pan, tilt = seen["after_left"]
    assert pan < 0 and tilt == 0  # moved left only (the emulator's pan grows to the right)
    assert seen["after_up"][0] == pan and seen["after_up"][1] > 0
    assert seen["zoom"] > 0
    assert seen["moved_away"] != seen["after_up"]
    assert seen["recalled"] == seen["after_up"] and seen["recalled_zoom"] == seen["zoom"]
    state = emulator.cameras[0].position()
    assert (state.pan, state.tilt) == seen["recalled"] and not emulator.cameras[0].moving
