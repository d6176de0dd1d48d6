"""The training camera: its picture follows the emulated camera's pan, tilt and zoom."""

from __future__ import annotations

import asyncio
import gc

import numpy as np
from videostreams import wait_for_state

from drivers.roles.camera import PtzPosition
from drivers.video import Decoder, PlayerState, VideoPlayer, VideoSource
from drivers.video.training_scene import TrainingScene, far_end_stream, training_stream, view_box
from drivers.visca.emulated_camera import EmulatedCamera


def _above_clock(pixels: np.ndarray) -> np.ndarray:
    """The picture without the bottom rows where the live clock ticks."""
    return pixels[: pixels.shape[0] * 4 // 5].astype(np.int16)


def _difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(_above_clock(a) - _above_clock(b)).mean())


def test_pan_and_zoom_change_the_picture() -> None:
    camera = EmulatedCamera()
    scene = TrainingScene(camera.position)
    home = np.asarray(scene.render(now=0))
    camera.nudge(pan=400)
    panned = np.asarray(scene.render(now=0))
    camera.nudge(pan=-400, zoom=0x2000)
    zoomed = np.asarray(scene.render(now=0))
    assert _difference(home, panned) > 10
    assert _difference(home, zoomed) > 10
    camera.nudge(zoom=-0x2000)
    assert _difference(home, np.asarray(scene.render(now=0))) < 1  # back home: same picture


def test_a_still_camera_reuses_its_view_and_only_the_clock_changes() -> None:
    camera = EmulatedCamera()
    scene = TrainingScene(camera.position)
    first = np.asarray(scene.render(now=0.0))
    second = np.asarray(scene.render(now=3.5))  # the same shot, 3.5 s later
    assert _difference(first, second) == 0  # the view itself is reused as it was...
    assert np.abs(first.astype(np.int16) - second).max() > 0  # ...and the clock ticked
    again = np.asarray(scene.render(now=0.0))
    assert np.array_equal(first, again)  # stamps never pile up on the reused view


def test_zoom_narrows_the_view_and_pan_moves_it() -> None:
    wide = view_box(PtzPosition(0, 0, 0), 16 / 9)
    tele = view_box(PtzPosition(0, 0, 0x4000), 16 / 9)
    right = view_box(PtzPosition(300, 0, 0), 16 / 9)
    assert (tele[2] - tele[0]) * 19 < wide[2] - wide[0]  # 20x optical zoom
    assert right[0] > wide[0]


async def test_training_stream_plays_and_follows_the_camera() -> None:
    camera = EmulatedCamera()
    server = training_stream(camera.position, label="CAM 1", fps=20)
    await server.start()
    player = VideoPlayer("training", VideoSource(server.url))
    try:
        await player.start()
        await wait_for_state(player, PlayerState.PLAYING, 10)
        assert player.state.value.decoder is Decoder.VLC
        before = await _next_frame(player)
        camera.nudge(pan=600, zoom=0x1000)

        async def view_changed() -> None:
            while True:
                frame = await _next_frame(player, newer_than=before.number)
                if _difference(before.pixels[:, :, :3], frame.pixels[:, :, :3]) > 10:
                    return
                await asyncio.sleep(0.05)

        await asyncio.wait_for(view_changed(), 5)
    finally:
        await asyncio.wait_for(player.close(), 10)
        await server.close()


async def test_far_end_stream_moves_by_itself() -> None:
    server = far_end_stream(fps=20)
    await server.start()
    player = VideoPlayer("far", VideoSource(server.url))
    try:
        await player.start()
        await wait_for_state(player, PlayerState.PLAYING, 10)
        first = await _next_frame(player)
        later = await _next_frame(player, newer_than=first.number + 5)
        assert _difference(first.pixels, later.pixels) > 0.5  # the bar sweeps along
    finally:
        await asyncio.wait_for(player.close(), 10)
        await server.close()


async def _next_frame(player: VideoPlayer, newer_than: int = 0):  # type: ignore[no-untyped-def]
    async def wait():  # type: ignore[no-untyped-def]
        while True:
            frame = player.frames.snapshot()
            if frame is not None and frame.number > newer_than:
                return frame
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(wait(), 5)


async def test_training_video_for_the_demo_serves_every_camera_and_a_far_end() -> None:
    from drivers.video.training import start_training_video

    cameras = [EmulatedCamera(), EmulatedCamera()]
    video = await start_training_video(cameras, ["Stage", "Hall"], fps=20)
    players = [
        VideoPlayer(url, VideoSource(url)) for url in [*video.camera_urls, video.far_end_url]
    ]
    try:
        assert len(set(video.camera_urls)) == 2 and video.far_end_url.startswith(
            "http://127.0.0.1:"
        )
        for player in players:
            await player.start()
        for player in players:
            await wait_for_state(player, PlayerState.PLAYING, 10)
    finally:
        for player in players:
            await asyncio.wait_for(player.close(), 10)
        await video.close()


async def test_mjpeg_server_shrugs_off_an_endless_request(caplog) -> None:
    camera = EmulatedCamera()
    server = training_stream(camera.position, label="CAM 1", fps=5)
    await server.start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /" + b"x" * 100_000)  # no end of headers, over the 64 KB limit
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), 5) == b""  # closed on us, quietly
        writer.close()
        await asyncio.sleep(0.05)
        gc.collect()  # an unretrieved task exception is reported when the task is freed
        assert not [r for r in caplog.records if r.levelname == "ERROR"]
    finally:
        await server.close()
