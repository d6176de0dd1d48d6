"""Real stream sources for the video tests: ffmpeg over UDP on 127.0.0.1, gst-rtsp-server."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from drivers.video import VideoPlayer

# The helpers sit beside this file; pytest only puts a test module's own folder on sys.path,
# and a conftest may be loaded first when several folders are collected in one run.
sys.path.insert(0, str(Path(__file__).parent))
from videostreams import RTSP_SERVER, UdpSender, free_udp_port


@pytest.fixture
def udp_sender() -> Iterator[UdpSender]:
    sender = UdpSender(free_udp_port())
    sender.start()
    yield sender
    sender.stop()


@pytest.fixture
def rtsp_url() -> Iterator[str]:
    """rtsp://127.0.0.1:<port>/cam served by gst-rtsp-server under the system python3."""
    server = subprocess.Popen(
        ["/usr/bin/python3", str(RTSP_SERVER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert server.stdout is not None
    line = server.stdout.readline().decode()
    try:
        assert line.startswith("READY"), f"RTSP server did not start: {line!r}"
        yield f"rtsp://127.0.0.1:{line.split()[1]}/cam"
    finally:
        server.terminate()
        server.wait(5)
        for stream in (server.stdin, server.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
async def players() -> AsyncIterator[list[VideoPlayer]]:
    """Players a test creates; closed afterwards even when the test fails."""
    made: list[VideoPlayer] = []
    yield made
    for player in made:
        await asyncio.wait_for(player.close(), 10)
