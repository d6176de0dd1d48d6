"""A Poly telnet API emulator on 127.0.0.1 and a driver connected to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from drivers.poly.codec import PolyCodec
from drivers.poly.emulator import PolyEmulator
from drivers.roles.base import Availability


@pytest.fixture
async def emulator() -> AsyncIterator[PolyEmulator]:
    emu = PolyEmulator()
    await emu.start()
    try:
        yield emu
    finally:
        await emu.close()


@pytest.fixture
async def poly(emulator: PolyEmulator, until: Callable[..., Any]) -> AsyncIterator[PolyCodec]:
    codec = PolyCodec("poly", host="127.0.0.1", port=emulator.port, stats_interval=0.1)
    await codec.start()
    try:
        await until(lambda: codec.status.value.availability is Availability.ONLINE)
        yield codec
    finally:
        await codec.close()
