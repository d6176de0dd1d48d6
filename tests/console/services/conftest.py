"""Real baresip processes on 127.0.0.1 for the join/leave service tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from drivers.baresip.bridge import demo_bridge, start_online
from drivers.baresip.codec import BaresipCodec


@pytest.fixture
async def room() -> AsyncIterator[BaresipCodec]:
    """The room's codec."""
    codec = await start_online(BaresipCodec("room"))
    try:
        yield codec
    finally:
        await codec.close()


@pytest.fixture
async def bridge() -> AsyncIterator[BaresipCodec]:
    """The bridge: answers every call automatically."""
    codec = await start_online(demo_bridge("bridge"))
    try:
        yield codec
    finally:
        await codec.close()


@pytest.fixture
async def far() -> AsyncIterator[BaresipCodec]:
    """A far end the test answers or rejects by hand."""
    codec = await start_online(demo_bridge("far", answermode="manual"))
    try:
        yield codec
    finally:
        await codec.close()
