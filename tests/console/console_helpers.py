"""Small shared test helpers for tests/console (polling, processes)."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENDPOINT = re.compile(r"((?:tcp|udp|visca-ip):127\.0\.0\.1:\d+|serial:\S+|/dev/pts/\d+)")


async def until(predicate: Callable[[], bool], timeout: float = 5.0, what: str = "") -> None:
    """Poll ``predicate`` until true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await asyncio.sleep(0.02)


def roomctl_command(*args: str) -> list[str]:
    """The command line of ``roomctl`` run from the source tree."""
    return [sys.executable, "-m", "console.cli", *args]


def stop_process(process: subprocess.Popen[str]) -> None:
    """Terminate and wait (kill if it does not end)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
