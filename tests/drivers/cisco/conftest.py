"""A Cisco xAPI emulator on 127.0.0.1 and a driver connected to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from drivers.cisco.codec import CiscoCodec
from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.base import Availability


@pytest.fixture
async def emulator() -> AsyncIterator[CiscoEmulator]:
    emu = CiscoEmulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.close()


@pytest.fixture
async def cisco(emulator: CiscoEmulator, until: Callable[..., Any]) -> AsyncIterator[CiscoCodec]:
    codec = CiscoCodec("cisco", host="127.0.0.1", port=emulator.port)
    await codec.start()
    try:
        await until(lambda: codec.status.value.availability is Availability.ONLINE)
        yield codec
    finally:
        await codec.close()
