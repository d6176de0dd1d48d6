"""Fixtures shared by the driver tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest


async def poll(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait until ``predicate()`` is true; TimeoutError after ``timeout`` seconds."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


@pytest.fixture
def until() -> Callable[..., object]:
    """``await until(predicate, timeout=5.0)``."""
    return poll
