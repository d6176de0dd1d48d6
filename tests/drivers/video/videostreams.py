"""Helpers for the video tests: free ports, an ffmpeg UDP sender, waiting for player states."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from drivers.video import PlayerState, VideoPlayer

RTSP_SERVER = Path(__file__).with_name("rtsp_server.py")


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_tcp_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class UdpSender:
    """ffmpeg sending a small live H.264 test picture as MPEG-TS to 127.0.0.1:port."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "ffmpeg", "-nostdin", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                "-g", "10", "-bf", "0", "-muxdelay", "0.1",
                "-f", "mpegts", f"udp://127.0.0.1:{self.port}?pkt_size=1316",
            ],
        )  # fmt: skip

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(5)
            self.process = None


async def wait_for_state(
    player: VideoPlayer, wanted: Callable[[PlayerState], bool] | PlayerState, timeout: float
) -> None:
    """Poll until the player's state matches (or fail after ``timeout`` seconds)."""
    check = wanted if callable(wanted) else (lambda s: s is wanted)

    async def poll() -> None:
        while not check(player.state.value.state):
            await asyncio.sleep(0.02)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        pytest.fail(f"state stayed {player.state.value} (wanted {wanted})")


PYTHON = sys.executable
