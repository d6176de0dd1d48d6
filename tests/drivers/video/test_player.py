"""The preview player against real streams: libVLC over UDP, PyAV over RTSP, failures."""

from __future__ import annotations

import asyncio
import json
import subprocess
import textwrap

import pytest
from videostreams import PYTHON, UdpSender, free_tcp_port, wait_for_state

from drivers.errors import Problem
from drivers.roles.base import Availability
from drivers.video import Decoder, PlayerState, Timing, VideoPlayer, VideoSource


async def test_udp_stream_plays_with_libvlc(
    udp_sender: UdpSender, players: list[VideoPlayer]
) -> None:
    player = VideoPlayer("cam", VideoSource(f"udp://@127.0.0.1:{udp_sender.port}"))
    players.append(player)
    await player.start()
    await wait_for_state(player, PlayerState.PLAYING, 10)
    frame = player.frames.take()
    assert frame is not None
    assert frame.pixels.shape == (240, 320, 4)
    assert player.state.value.decoder is Decoder.VLC
    assert player.status.value.availability is Availability.ONLINE


@pytest.mark.parametrize("decoder", [Decoder.VLC, Decoder.PYAV])
async def test_dead_stream_reports_no_signal_then_recovers(
    udp_sender: UdpSender, players: list[VideoPlayer], decoder: Decoder
) -> None:
    source = VideoSource(f"udp://@127.0.0.1:{udp_sender.port}", decoder=decoder)
    player = VideoPlayer("cam", source)
    players.append(player)
    seen: list[PlayerState] = []
    player.state.subscribe(lambda status: seen.append(status.state))
    await player.start()
    await wait_for_state(player, PlayerState.PLAYING, 10)

    udp_sender.stop()
    await wait_for_state(player, PlayerState.NO_SIGNAL, 5)
    assert PlayerState.STALLED in seen
    assert player.status.value.problem is Problem.NOT_ANSWERING

    udp_sender.start()
    await wait_for_state(player, PlayerState.PLAYING, 3)  # the promise: back within 3 s
    assert player.state.value.decoder is decoder


async def test_refused_url_gives_clear_error(players: list[VideoPlayer]) -> None:
    source = VideoSource(f"http://127.0.0.1:{free_tcp_port()}/video.mjpg")
    player = VideoPlayer("cam", source, timing=Timing(first_frame_timeout=3))
    players.append(player)
    await player.start()
    await wait_for_state(player, PlayerState.ERROR, 5)
    status = player.state.value
    assert status.problem is Problem.CONNECTION_REFUSED
    assert source.url in status.detail
    assert player.status.value.availability is Availability.OFFLINE


async def test_rtsp_falls_back_to_pyav_when_libvlc_lacks_rtsp(
    rtsp_url: str, players: list[VideoPlayer]
) -> None:
    from drivers.video.vlc_backend import vlc_can_open

    player = VideoPlayer("ptz", VideoSource(rtsp_url))
    players.append(player)
    await player.start()
    await wait_for_state(player, PlayerState.PLAYING, 10)
    frame = player.frames.take()
    assert frame is not None and frame.pixels.shape == (240, 320, 4)
    # Debian's libVLC has no live555; a build that has it plays RTSP itself.
    expected = Decoder.VLC if vlc_can_open("rtsp") else Decoder.PYAV
    assert player.state.value.decoder is expected


_NO_VLC = textwrap.dedent(
    """
    import asyncio, importlib.abc, json, sys

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name == "vlc":
                raise ImportError("No module named 'vlc'")

    sys.meta_path.insert(0, Block())
    from drivers.errors import DeviceUnavailable
    from drivers.video import VideoPlayer, VideoSource
    from drivers.video.vlc_backend import load_vlc

    try:
        load_vlc()
        raised = None
    except DeviceUnavailable as exc:
        raised = exc.problem.value

    async def main():
        player = VideoPlayer("cam", VideoSource("udp://@127.0.0.1:9"))
        await player.start()
        for _ in range(100):
            await asyncio.sleep(0.02)
            if player.state.value.state.value == "error":
                break
        status = player.status.value
        await player.close()
        return status

    status = asyncio.run(main())
    print(json.dumps({"raised": raised, "problem": status.problem, "detail": status.detail}))
    """
)


def test_missing_libvlc_is_a_plain_library_missing_problem() -> None:
    done = subprocess.run(
        [PYTHON, "-c", _NO_VLC], capture_output=True, text=True, timeout=30, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["raised"] == Problem.LIBRARY_MISSING.value
    assert result["problem"] == Problem.LIBRARY_MISSING.value
    assert "libVLC" in result["detail"]


async def _frame_size(player: VideoPlayer, wanted: tuple[int, int], timeout: float) -> None:
    """Wait until the player delivers pictures of ``wanted`` (width, height)."""

    async def poll() -> None:
        while player.frames.size != wanted:
            await asyncio.sleep(0.02)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        pytest.fail(f"pictures stayed {player.frames.size}, wanted {wanted}")


@pytest.mark.parametrize("decoder", [Decoder.VLC, Decoder.PYAV])
async def test_pictures_come_at_the_requested_display_size(
    udp_sender: UdpSender, players: list[VideoPlayer], decoder: Decoder
) -> None:
    source = VideoSource(f"udp://@127.0.0.1:{udp_sender.port}", decoder=decoder)
    player = VideoPlayer("cam", source, timing=Timing(resize_settle=0.05))
    players.append(player)
    player.set_output_size(200, 200)  # 320x240 fitted, aspect kept, even sizes
    await player.start()
    await wait_for_state(player, PlayerState.PLAYING, 10)
    await _frame_size(player, (200, 150), 3)
    frame = player.frames.take()
    assert frame is not None and frame.pixels.shape == (150, 200, 4)
    assert frame.pixels[:, :, :3].std() > 20  # a real picture, not a blank buffer

    player.set_output_size(120, 90)  # mid-stream: the decoder's output is re-armed
    await _frame_size(player, (120, 90), 5)
    player.set_output_size(1000, 1000)  # larger than the source: never upscaled
    await _frame_size(player, (320, 240), 5)
    assert player.state.value.state is PlayerState.PLAYING
