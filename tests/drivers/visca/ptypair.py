"""A real socat pty pair that tests can kill and bring back on the same link paths."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path


class PtyPair:
    """``socat pty,link=A pty,link=B``; ``kill()`` makes both ends vanish, ``start()`` returns."""

    def __init__(self, directory: Path) -> None:
        self.a = str(directory / "ctl")  # the controller's end
        self.b = str(directory / "cam")  # the camera's (emulator's) end
        self._process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        """Start socat and wait until both link paths exist."""
        self._process = await asyncio.create_subprocess_exec(
            "socat",
            "pty,raw,echo=0,link=" + self.a,
            "pty,raw,echo=0,link=" + self.b,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        for _ in range(200):
            if _exists(self.a) and _exists(self.b):
                return
            await asyncio.sleep(0.01)
        raise RuntimeError("socat did not create the pty pair")

    async def kill(self) -> None:
        """End socat and wait for it: both ptys vanish, like an unplugged USB adapter."""
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        await asyncio.wait_for(process.wait(), 5)
        for _ in range(200):
            if not _exists(self.a):
                return
            await asyncio.sleep(0.01)


def _exists(path: str) -> bool:
    """Whether a pty link path exists (a cheap stat; fine inside the loop)."""
    return os.path.exists(path)
