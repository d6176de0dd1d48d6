"""Preset thumbnails and off-preset detection with the training camera's real pictures."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from console.config.video import VideoSourceProfile
from console.demo import start_demo
from console.thumbnails import (
    OFF_PRESET_THRESHOLD,
    ThumbnailStore,
    check_preset,
    frame_hash,
    picture_hash,
    save_thumbnail,
)
from drivers.video import Decoder, FrameSlot, VideoPlayer, VideoSource
from drivers.video.frames import Frame
from drivers.video.training_scene import TrainingScene, training_stream
from drivers.visca.emulated_camera import EmulatedCamera


def _frame(scene: TrainingScene, now: float = 0.0) -> Frame:
    rgb = np.asarray(scene.render(now=now))
    bgrx = np.empty((*rgb.shape[:2], 4), dtype=np.uint8)
    bgrx[:, :, :3] = rgb[:, :, ::-1]
    bgrx[:, :, 3] = 255
    return Frame(bgrx, 1)


def _put(slot: FrameSlot, frame: Frame) -> None:
    buffer = slot.buffer(frame.width, frame.height)
    buffer[:] = frame.pixels
    slot.put(buffer)


def test_hash_ignores_the_clock_but_not_a_knock() -> None:
    camera = EmulatedCamera()
    scene = TrainingScene(camera.position, label="CAM 1")
    on_preset = frame_hash(_frame(scene, now=0))
    assert on_preset.difference(frame_hash(_frame(scene, now=4321.5))) < 0.02
    camera.nudge(pan=60)
    assert on_preset.difference(frame_hash(_frame(scene))) > OFF_PRESET_THRESHOLD


def test_hash_difference_is_a_fraction_of_bits() -> None:
    black = np.zeros((90, 160, 3), dtype=np.uint8)
    ramp = np.tile(np.arange(160, dtype=np.uint8), (90, 1))[:, :, None].repeat(3, axis=2)
    assert picture_hash(black).difference(picture_hash(black)) == 0
    assert picture_hash(black).difference(picture_hash(ramp)) == 1.0  # every pixel brighter right


def test_thumbnail_saved_beside_profile_and_compared(tmp_path: Path) -> None:
    profile = tmp_path / "room.toml"
    store = ThumbnailStore.beside(profile)
    camera = EmulatedCamera()
    camera.nudge(pan=-300, tilt=100, zoom=3000)
    scene = TrainingScene(camera.position)
    name = store.save("cam1", 3, _frame(scene))
    assert name == "cam1-preset-3.jpg"
    assert (tmp_path / "thumbnails" / name).is_file()
    assert list((tmp_path / "thumbnails").glob("*.tmp")) == []

    same = store.compare(name, _frame(scene, now=99))
    assert same is not None and not same.off_preset  # JPEG + smaller size: still matches
    camera.nudge(tilt=-50)
    moved = store.compare(name, _frame(scene))
    assert moved is not None and moved.off_preset
    assert store.compare("missing.jpg", _frame(scene)) is None
    with pytest.raises(ValueError):
        store.path("../escape.jpg")


async def test_check_after_recall_uses_a_fresh_picture(tmp_path: Path) -> None:
    store = ThumbnailStore(tmp_path)
    camera = EmulatedCamera()
    scene = TrainingScene(camera.position)
    name = store.save("cam1", 1, _frame(scene))
    slot = FrameSlot()
    _put(slot, _frame(scene))
    camera.nudge(pan=80)  # knocked by hand after the recall: the next picture shows it

    async def feed() -> None:
        await asyncio.sleep(0.1)
        _put(slot, _frame(scene))

    feeder = asyncio.create_task(feed())
    match = await asyncio.wait_for(check_preset(store, name, slot, settle=0.0), 5)
    await feeder
    assert match is not None and match.off_preset


async def test_check_without_pictures_says_nothing(tmp_path: Path) -> None:
    store = ThumbnailStore(tmp_path)
    match = await asyncio.wait_for(check_preset(store, "x.jpg", FrameSlot(), settle=0.0), 5)
    assert match is None


def test_video_source_profile() -> None:
    profile = VideoSourceProfile(url="rtsp://10.0.0.5/stream1", caching_ms=80, rtsp_tcp=False)
    source = profile.to_source()
    assert (source.url, source.caching_ms, source.rtsp_tcp) == (
        "rtsp://10.0.0.5/stream1",
        80,
        False,
    )
    assert source.decoder is Decoder.AUTO
    with pytest.raises(ValidationError):
        VideoSourceProfile(url="rtps://typo/stream")
    with pytest.raises(ValidationError):
        VideoSourceProfile(url="udp://@239.1.1.1:5004", options=["network-caching=5"])
    with pytest.raises(ValidationError):
        VideoSourceProfile(url="udp://@239.1.1.1:5004", latency=3)  # type: ignore[call-arg]


async def test_demo_camera_preset_thumbnail_and_knock_detection(tmp_path: Path) -> None:
    """Real ViscaCamera + emulator + training stream played by libVLC, as in --demo."""
    session = await asyncio.wait_for(start_demo(), 10)
    slot = session.room.cameras[0]
    emulated = session.emulators[0].cameras[0]
    server = training_stream(emulated.position, fps=20)
    await server.start()
    player = VideoPlayer(slot.name, VideoSource(server.url))
    store = ThumbnailStore.beside(tmp_path / "room.toml")
    try:
        await player.start()
        await asyncio.wait_for(_until(lambda: player.frames.snapshot() is not None), 10)
        emulated.nudge(pan=-500, tilt=100, zoom=5000)  # frame a shot by hand, then save it
        await asyncio.sleep(0.5)  # the preview shows the camera ~150 ms late
        await asyncio.wait_for(slot.presets.save(1), 5)
        name = save_thumbnail(store, slot.id, 1, player.frames)
        assert name is not None and store.path(name).is_file()

        await asyncio.wait_for(slot.camera.home(), 10)
        await asyncio.wait_for(slot.presets.recall(1), 10)
        await asyncio.wait_for(_until(lambda: not emulated.moving), 10)
        on_preset = await asyncio.wait_for(check_preset(store, name, player.frames, settle=1), 10)
        assert on_preset is not None and not on_preset.off_preset

        emulated.nudge(pan=120)  # knocked by hand: the console was never told
        knocked = await asyncio.wait_for(check_preset(store, name, player.frames, settle=1), 10)
        assert knocked is not None and knocked.off_preset
    finally:
        await asyncio.wait_for(player.close(), 10)
        await server.close()
        await asyncio.wait_for(session.close(), 10)


async def _until(predicate: Callable[[], bool]) -> None:
    while not predicate():
        await asyncio.sleep(0.02)
