"""A Poly telnet API emulator on 127.0.0.1 and a driver connected to it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from drivers.poly.codec import PolyCodec
from drivers.poly.emulator import PolyEmulator
from drivers.roles.base import Availability


async def poll(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


@pytest.fixture
def until() -> Callable[..., object]:
    return poll


@pytest.fixture
async def emulator() -> AsyncIterator[PolyEmulator]:
    emu = PolyEmulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.close()


@pytest.fixture
async def poly(emulator: PolyEmulator) -> AsyncIterator[PolyCodec]:
    codec = PolyCodec("poly", host="127.0.0.1", port=emulator.port, stats_interval=0.1)
    await codec.start()
    try:
        await poll(lambda: codec.status.value.availability is Availability.ONLINE)
        yield codec
    finally:
        await codec.close()
