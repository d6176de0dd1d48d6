"""Real baresip instances on 127.0.0.1 for the driver tests."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable

import pytest

from drivers.baresip.bridge import start_online
from drivers.baresip.codec import BaresipCodec

if shutil.which("baresip") is None:  # CI installs it; a missing program must be loud
    raise RuntimeError("baresip is not installed: apt-get install baresip")


async def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Poll ``predicate`` until true or fail after ``timeout`` seconds."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.02)


started = start_online


@pytest.fixture
async def bridge() -> AsyncIterator[BaresipCodec]:
    """A second baresip acting as the bridge: answers automatically."""
    codec = BaresipCodec("bridge", user="bridge", answermode="auto")
    try:
        yield await started(codec)
    finally:
        await codec.close()


@pytest.fixture
async def manual_bridge() -> AsyncIterator[BaresipCodec]:
    """A far end that lets the test answer or reject."""
    codec = BaresipCodec("far", user="far", answermode="manual")
    try:
        yield await started(codec)
    finally:
        await codec.close()


@pytest.fixture
async def room() -> AsyncIterator[BaresipCodec]:
    """The room's codec under test."""
    codec = BaresipCodec("room")
    try:
        yield await started(codec)
    finally:
        await codec.close()


@pytest.fixture
def wait() -> Callable[..., object]:
    """The polling helper, for tests (conftest modules are not importable by name)."""
    return wait_until
