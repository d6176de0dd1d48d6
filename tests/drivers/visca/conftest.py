"""Fixtures for VISCA tests: real socat pty pairs and started emulators (reusable by others)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.visca.emulator import ViscaEmulator


class SocatPair:
    """Two linked pseudo-terminals at fixed paths; ``kill``/``start`` make the ports vanish
    and come back on the same paths (a USB adapter re-enumerating)."""

    def __init__(self, directory: Path) -> None:
        self.a = str(directory / "visca-a")
        self.b = str(directory / "visca-b")
        self._log = directory / "socat.log"
        self._proc: subprocess.Popen[bytes] | None = None

    def __iter__(self) -> Iterator[str]:
        return iter((self.a, self.b))

    @property
    def running(self) -> bool:
        return self._proc is not None

    def start(self, timeout: float = 5.0) -> None:
        """Start socat and wait until both links exist."""
        assert self._proc is None, "socat already running"
        with open(self._log, "ab") as log:
            self._proc = subprocess.Popen(
                [
                    "socat",
                    "-d",
                    "-d",
                    f"pty,raw,echo=0,link={self.a}",
                    f"pty,raw,echo=0,link={self.b}",
                ],
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        deadline = time.monotonic() + timeout
        while not (os.path.exists(self.a) and os.path.exists(self.b)):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"socat did not start: {self._log.read_text()}")
            time.sleep(0.005)

    def kill(self) -> None:
        """Terminate socat, wait for it, and wait until its links are gone."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        for link in (self.a, self.b):
            if os.path.lexists(link):
                os.unlink(link)  # socat removes them on SIGTERM; make sure

    def restart(self) -> None:
        """Kill and start again on the same paths."""
        self.kill()
        self.start()


@pytest.fixture
def socat_pty_pair(tmp_path: Path) -> Iterator[SocatPair]:
    """A running socat pty pair (``a, b = socat_pty_pair``); killed and waited for afterwards."""
    pair = SocatPair(tmp_path)
    pair.start()
    try:
        yield pair
    finally:
        pair.kill()


EmulatorFactory = Callable[..., Awaitable[ViscaEmulator]]


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorFactory]:
    """Factory: ``emu = await emulator("tcp:127.0.0.1:0", cameras=2, pace_baud=None, ...)``."""
    started: list[ViscaEmulator] = []

    async def make(listen: str = "pty", cameras: int = 1, **kwargs: Any) -> ViscaEmulator:
        emu = ViscaEmulator(cameras, **kwargs)
        await asyncio.wait_for(emu.start(listen), 5)
        started.append(emu)
        return emu

    yield make
    for emu in started:
        await asyncio.wait_for(emu.close(), 5)
