"""A console that dies without closing (killed, crashed) takes its baresip with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

CONSOLE = """
import asyncio, sys
sys.path.insert(0, sys.argv[1])
from drivers.baresip.process import BaresipProcess, BaresipSettings, free_port

async def main():
    sip = free_port(span=2)
    ctrl = free_port((sip, sip + 1))
    process = BaresipProcess("orphan-test", BaresipSettings(sip_port=sip, ctrl_port=ctrl))
    await process.start()
    print(process.pid, flush=True)
    await asyncio.sleep(60)  # killed long before

asyncio.run(main())
"""


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for init to reap it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_baresip_dies_with_a_killed_console() -> None:
    console = subprocess.Popen(
        [sys.executable, "-c", CONSOLE, str(REPO)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert console.stdout is not None
        baresip = int(console.stdout.readline())
        assert _alive(baresip)
        console.send_signal(signal.SIGKILL)  # no clean-up code runs in the console
        console.wait(5)
        deadline = time.monotonic() + 5
        while _alive(baresip) and time.monotonic() < deadline:
            time.sleep(0.05)
        still_running = _alive(baresip)
        if still_running:  # leave nothing behind even when the test fails
            os.kill(baresip, signal.SIGKILL)
        assert not still_running, "baresip outlived the console that started it"
    finally:
        if console.poll() is None:
            console.kill()
            console.wait(5)
