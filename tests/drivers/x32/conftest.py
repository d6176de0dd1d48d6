"""Fixtures for the X32/X-Air tests: an emulated desk, a fake clock, a raw python-osc client."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from pythonosc.osc_message import OscMessage
from pythonosc.udp_client import SimpleUDPClient

from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer


class FakeClock:
    """Real monotonic time plus an offset the test can jump forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


class RawClient:
    """A third-party OSC client (python-osc alone), as a tablet app would be."""

    def __init__(self, port: int) -> None:
        self.osc = SimpleUDPClient("127.0.0.1", port)

    def send(self, address: str, *args: object) -> None:
        self.osc.send_message(address, list(args) if args else None)

    async def receive(self, timeout: float = 0.5) -> OscMessage | None:
        """Next message, or None after ``timeout`` (in a thread: the loop serves the desk)."""
        data = await asyncio.to_thread(self.osc.receive, timeout)
        return OscMessage(data) if data else None

    async def collect(self, seconds: float) -> list[OscMessage]:
        """Everything that arrives within ``seconds``."""
        found: list[OscMessage] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            message = await self.receive(min(left, 0.2))
            if message is not None:
                found.append(message)
        return found

    async def ask(self, address: str) -> OscMessage | None:
        """Send a read and return the first reply carrying that address."""
        self.send(address)
        for message in await self.collect(0.3):
            if message.address == address:
                return message
        return None

    def close(self) -> None:
        self.osc.close()


async def wait_until(predicate: Callable[[], bool], timeout: float = 3.0) -> None:
    """Poll ``predicate`` until true; fail the test after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def emulator(clock: FakeClock) -> AsyncIterator[X32Emulator]:
    emu = X32Emulator("x32", clock=clock, auto_talker=None)
    await emu.start("127.0.0.1:0")
    yield emu
    await emu.close()


@pytest.fixture
async def xair_emulator() -> AsyncIterator[X32Emulator]:
    emu = X32Emulator("xair", auto_talker=None)
    await emu.start("127.0.0.1:0")
    yield emu
    await emu.close()


@pytest.fixture
def raw_client(emulator: X32Emulator) -> Iterator[RawClient]:
    client = RawClient(emulator.port)
    yield client
    client.close()


@pytest.fixture
async def mixer(emulator: X32Emulator) -> AsyncIterator[X32Mixer]:
    desk = X32Mixer("desk", "127.0.0.1", emulator.port, name_overrides={4: "Guest"})
    await desk.start()
    yield desk
    await desk.close()
