"""Run CLI work until it ends by itself or the technician presses Ctrl+C (or a service stops)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Awaitable


async def run_until_signalled(work: Awaitable[object]) -> None:
    """Await ``work``; SIGINT/SIGTERM end it quietly and the caller carries on (e.g. leaves)."""
    task = asyncio.current_task()
    assert task is not None
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C arrives as KeyboardInterrupt
        loop.add_signal_handler(signal.SIGTERM, task.cancel)
        loop.add_signal_handler(signal.SIGINT, task.cancel)
    try:
        await work
    except asyncio.CancelledError:
        task.uncancel()
    finally:
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGTERM)
            loop.remove_signal_handler(signal.SIGINT)
