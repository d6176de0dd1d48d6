"""A Cisco xAPI emulator on 127.0.0.1 and a driver connected to it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from drivers.cisco.codec import CiscoCodec
from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.base import Availability


async def poll(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


@pytest.fixture
def until() -> Callable[..., object]:
    return poll


@pytest.fixture
async def emulator() -> AsyncIterator[CiscoEmulator]:
    emu = CiscoEmulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.close()


@pytest.fixture
async def cisco(emulator: CiscoEmulator) -> AsyncIterator[CiscoCodec]:
    codec = CiscoCodec("cisco", host="127.0.0.1", port=emulator.port)
    await codec.start()
    try:
        await poll(lambda: codec.status.value.availability is Availability.ONLINE)
        yield codec
    finally:
        await codec.close()
