"""Room and PresetBook with the real ViscaCamera against the real ViscaEmulator on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from console_helpers import until

from console.config import CameraProfile, LimitsProfile, RoomProfile, load_profile, save_profile
from console.notifications import Severity
from console.presets import Preset, PresetBook
from console.room import CameraSlot, Room
from console.setup import build_room
from drivers import registry
from drivers.errors import DeviceCommandError, DeviceUnavailable, Problem
from drivers.roles.base import Availability, Device
from drivers.roles.camera import CameraLimits, PanTiltDirection
from drivers.visca.camera import ViscaCamera
from drivers.visca.emulator import ViscaEmulator

LIMITS = CameraLimits(preset_capacity=2)


@pytest.fixture
async def emulator() -> AsyncIterator[ViscaEmulator]:
    emu = ViscaEmulator(cameras=1, limits=LIMITS)
    await asyncio.wait_for(emu.start("tcp:127.0.0.1:0"), 5)
    yield emu
    await asyncio.wait_for(emu.close(), 5)


@pytest.fixture
async def camera(emulator: ViscaEmulator) -> AsyncIterator[ViscaCamera]:
    cam = ViscaCamera("Cam 1", emulator.endpoint, limits=LIMITS, poll_interval=0.2)
    await cam.start()
    await until(lambda: cam.status.value.availability is Availability.ONLINE, what="online")
    yield cam
    await asyncio.wait_for(cam.close(), 5)


def book_for(camera: ViscaCamera, saved: list[tuple[Preset, ...]]) -> PresetBook:
    return PresetBook(camera, [], LIMITS, saved.append, recall_speed=0x18)


async def test_camera_memory_preset_save_and_recall(
    emulator: ViscaEmulator, camera: ViscaCamera
) -> None:
    saved: list[tuple[Preset, ...]] = []
    book = book_for(camera, saved)
    await asyncio.wait_for(camera.goto(200, 40, 0x18, 0x17), 10)
    await asyncio.wait_for(book.save(1, "Chủ tọa"), 5)
    assert 1 in emulator.cameras[0].presets  # stored in the camera, not the console
    assert saved[-1] == (Preset(1, "Chủ tọa"),)
    await asyncio.wait_for(camera.goto(-200, 0, 0x18, 0x17), 10)
    assert book.active.value is None  # moved off
    await asyncio.wait_for(book.recall(1), 10)
    position = emulator.cameras[0].position()
    assert (position.pan, position.tilt) == (200, 40)
    assert book.active.value == 1
    book.close()


async def test_console_stored_preset_beyond_capacity(
    emulator: ViscaEmulator, camera: ViscaCamera
) -> None:
    saved: list[tuple[Preset, ...]] = []
    book = book_for(camera, saved)
    await asyncio.wait_for(camera.goto(-300, 20, 0x18, 0x17), 10)
    await asyncio.wait_for(camera.zoom_to(2000), 10)
    preset = await asyncio.wait_for(book.save(5, "Bục phát biểu"), 5)
    assert preset.position is not None
    assert (preset.position.pan, preset.position.tilt, preset.position.zoom) == (-300, 20, 2000)
    assert 5 not in emulator.cameras[0].presets  # the camera only holds 0-1
    await asyncio.wait_for(camera.goto(100, 100, 0x18, 0x17), 10)
    await asyncio.wait_for(camera.zoom_to(0), 10)
    await asyncio.wait_for(book.recall(5), 10)
    position = emulator.cameras[0].position()
    assert (position.pan, position.tilt, position.zoom) == (-300, 20, 2000)
    assert book.active.value == 5
    assert saved[-1][0].position == preset.position
    book.close()


async def test_recall_unsaved_console_preset_is_refused(camera: ViscaCamera) -> None:
    book = book_for(camera, [])
    book.rename(4, "Empty")
    with pytest.raises(DeviceCommandError):
        await asyncio.wait_for(book.recall(4), 5)
    book.close()


async def test_rename_and_clear(emulator: ViscaEmulator, camera: ViscaCamera) -> None:
    saved: list[tuple[Preset, ...]] = []
    book = book_for(camera, saved)
    await asyncio.wait_for(book.save(0, "Wide"), 5)
    book.rename(0, "Toàn cảnh")
    assert book.presets.value == (Preset(0, "Toàn cảnh"),)
    await asyncio.wait_for(book.clear(0), 5)
    assert book.presets.value == ()
    assert saved[-1] == ()
    assert 0 not in emulator.cameras[0].presets
    book.close()


async def test_room_reports_loss_and_recovery_once(
    emulator: ViscaEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    cam = ViscaCamera("Cam 1", emulator.endpoint, limits=LIMITS, poll_interval=0.1)
    profile = RoomProfile()
    room = Room(profile, [CameraSlot("cam1", "Cam 1", cam, PresetBook(cam, [], LIMITS))])
    caplog.set_level(logging.INFO, logger="console.room")
    await room.start()
    try:
        await until(lambda: cam.status.value.availability is Availability.ONLINE, what="online")
        await emulator.vanish()
        await until(lambda: cam.status.value.availability is Availability.OFFLINE, what="off")
        await asyncio.sleep(0.5)  # several failed polls / reconnect attempts
        errors = [n for n in room.notifications.value if n.severity is Severity.ERROR]
        assert len(errors) == 1 and errors[0].device == "Cam 1"
        await emulator.reappear()
        await until(lambda: cam.status.value.availability is Availability.ONLINE, 10, "back")
        notes = room.notifications.value
        assert [n.severity for n in notes] == [Severity.RESOLVED]
        lost = [r for r in caplog.records if "unavailable" in r.getMessage()]
        back = [r for r in caplog.records if "available again" in r.getMessage()]
        assert (len(lost), len(back)) == (1, 1)
    finally:
        await asyncio.wait_for(room.close(), 10)


async def test_room_close_stops_moving_cameras(emulator: ViscaEmulator) -> None:
    cam = ViscaCamera("Cam 1", emulator.endpoint, limits=LIMITS, poll_interval=0.2)
    room = Room(RoomProfile(), [CameraSlot("cam1", "Cam 1", cam, PresetBook(cam, [], LIMITS))])
    await room.start()
    await until(lambda: cam.status.value.availability is Availability.ONLINE, what="online")
    await asyncio.wait_for(cam.move(PanTiltDirection.RIGHT, 5, 5), 5)
    await asyncio.sleep(0.1)
    await asyncio.wait_for(room.close(), 10)
    emulated = emulator.cameras[0]
    stops = [
        p for p in emulated.commands_received if p[1:4] == b"\x01\x06\x01" and p[6:8] == b"\x03\x03"
    ]
    assert stops, "no pan-tilt stop reached the camera"
    first = emulated.position()
    await asyncio.sleep(0.2)
    assert emulated.position() == first  # not moving any more


async def test_build_room_saves_presets_to_profile(emulator: ViscaEmulator, tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    camera_profile = CameraProfile(
        id="cam1",
        name="Cam 1",
        driver="visca-tcp",
        connection=emulator.endpoint,
        limits=LimitsProfile(preset_capacity=2),
    )
    save_profile(RoomProfile(cameras=[camera_profile]), path)
    room = build_room(load_profile(path), path)
    await room.start()
    try:
        slot = room.camera("cam1")
        await until(lambda: slot.camera.status.value.availability is Availability.ONLINE)
        await asyncio.wait_for(slot.presets.save(0, "Toàn cảnh"), 5)
        await asyncio.wait_for(slot.presets.save(3, "Khách mời"), 5)
        saved = load_profile(path).camera("cam1").presets
        assert [(p.number, p.name) for p in saved] == [(0, "Toàn cảnh"), (3, "Khách mời")]
        assert saved[0].position is None and saved[1].position is not None
        assert path.with_name("room.toml.bak").exists()
    finally:
        await asyncio.wait_for(room.close(), 10)


async def test_preset_save_keeps_edits_made_to_the_file_meanwhile(
    emulator: ViscaEmulator, tmp_path: Path
) -> None:
    path = tmp_path / "room.toml"
    camera_profile = CameraProfile(
        id="cam1", name="Cam 1", driver="visca-tcp", connection=emulator.endpoint
    )
    save_profile(RoomProfile(cameras=[camera_profile]), path)
    room = build_room(load_profile(path), path)
    await room.start()
    try:
        slot = room.camera("cam1")
        await until(lambda: slot.camera.status.value.availability is Availability.ONLINE)
        # the technician renames the site in the settings editor while the console runs
        edited = path.read_text(encoding="utf-8").replace('name = "Room"', 'name = "Xã C"')
        path.write_text("# edited by the technician\n" + edited, encoding="utf-8")
        await asyncio.wait_for(slot.presets.save(0, "Toàn cảnh"), 5)
        saved = load_profile(path)
        assert saved.site.name == "Xã C"  # the running console's older copy did not win
        assert [(p.number, p.name) for p in saved.camera("cam1").presets] == [(0, "Toàn cảnh")]
        assert path.read_text(encoding="utf-8").startswith("# edited by the technician")
    finally:
        await asyncio.wait_for(room.close(), 10)


async def test_build_room_reports_a_driver_it_cannot_make(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unavailable(**kwargs: object) -> Device:
        raise DeviceUnavailable("driver 'visca-tcp' needs a library that is missing: serial")

    monkeypatch.setitem(registry._FACTORIES, "visca-tcp", unavailable)
    profile = RoomProfile(
        cameras=[CameraProfile(id="x", name="X", driver="visca-tcp", connection="tcp:127.0.0.1:1")]
    )
    room = build_room(profile)
    assert room.cameras == []
    assert room.notifications.value[0].problem is Problem.LIBRARY_MISSING


async def test_console_preset_moved_off(emulator: ViscaEmulator, camera: ViscaCamera) -> None:
    book = book_for(camera, [])
    await asyncio.wait_for(camera.goto(150, 10, 0x18, 0x17), 10)
    await asyncio.wait_for(book.save(4, "Far"), 5)
    assert book.active.value == 4
    await asyncio.wait_for(camera.move(PanTiltDirection.LEFT, 3, 3), 5)
    await until(lambda: book.active.value is None, what="moved off the console preset")
    await asyncio.wait_for(camera.stop(), 5)
    book.close()


async def test_one_way_camera_is_a_warning_once(emulator: ViscaEmulator) -> None:
    emulator.one_way = True
    one_way = CameraLimits(replies=False)
    cam = ViscaCamera("Cam 1", emulator.endpoint, limits=one_way, poll_interval=0.05)
    room = Room(RoomProfile(), [CameraSlot("cam1", "Cam 1", cam, PresetBook(cam, [], one_way))])
    await room.start()
    try:
        await until(lambda: cam.status.value.warning is Problem.NOT_ANSWERING, what="warning")
        await asyncio.sleep(0.3)  # several polls
        notes = room.notifications.value
        assert [(n.severity, n.problem) for n in notes] == [
            (Severity.WARNING, Problem.NOT_ANSWERING)
        ]
    finally:
        await asyncio.wait_for(room.close(), 10)


async def test_preset_save_never_overwrites_a_broken_profile(
    emulator: ViscaEmulator, tmp_path: Path
) -> None:
    path = tmp_path / "room.toml"
    camera_profile = CameraProfile(
        id="cam1", name="Cam 1", driver="visca-tcp", connection=emulator.endpoint
    )
    save_profile(RoomProfile(cameras=[camera_profile]), path)
    room = build_room(load_profile(path), path)
    broken = path.read_text(encoding="utf-8").replace("address = 1", "address = 99")
    path.write_text(broken, encoding="utf-8")  # a technician's half-finished edit
    room.camera("cam1").presets.rename(0, "Toàn cảnh")
    assert path.read_text(encoding="utf-8") == broken
    note = room.notifications.value[0]
    assert (note.problem, note.device) == (Problem.BAD_CONFIG, "Cam 1")
    assert "line" in note.detail
    await asyncio.wait_for(room.close(), 10)


async def test_other_devices_are_started_watched_and_closed(emulator: ViscaEmulator) -> None:
    other = ViscaCamera("Device X", emulator.endpoint, limits=LIMITS, poll_interval=0.2)
    room = Room(RoomProfile())
    room.add_device(other)
    assert room.devices == [other]
    await room.start()
    with pytest.raises(RuntimeError):
        room.add_device(other)
    await until(lambda: other.status.value.availability is Availability.ONLINE, what="online")
    await asyncio.wait_for(room.close(), 10)
    assert other.status.value.availability is Availability.OFFLINE


async def test_wake_on_preset_from_the_profile_switches_a_standby_camera_on(
    emulator: ViscaEmulator, tmp_path: Path
) -> None:
    path = tmp_path / "room.toml"
    camera_profile = CameraProfile(
        id="cam1", name="Cam 1", driver="visca-tcp", connection=emulator.endpoint
    )
    assert camera_profile.wake_on_preset is False  # asking first is the default
    camera_profile.wake_on_preset = True
    save_profile(RoomProfile(cameras=[camera_profile]), path)
    room = build_room(load_profile(path), path)
    await room.start()
    try:
        slot = room.camera("cam1")
        await until(lambda: slot.camera.status.value.availability is Availability.ONLINE)
        await asyncio.wait_for(slot.presets.save(0, "Toàn cảnh"), 5)
        await asyncio.wait_for(slot.camera.power(False), 5)
        assert slot.presets.in_standby and slot.presets.wake_on_preset
        await asyncio.wait_for(slot.presets.recall(0), 10)
        assert emulator.cameras[0].power_on and not slot.presets.in_standby
        assert slot.presets.active.value == 0
    finally:
        await asyncio.wait_for(room.close(), 10)


async def test_without_wake_a_standby_camera_refuses_the_recall(
    emulator: ViscaEmulator, camera: ViscaCamera
) -> None:
    book = book_for(camera, [])
    await asyncio.wait_for(book.save(0), 5)
    await asyncio.wait_for(camera.power(False), 5)
    with pytest.raises(DeviceCommandError):
        await asyncio.wait_for(book.recall(0, wake=False), 10)
    assert not emulator.cameras[0].power_on
    await asyncio.wait_for(book.recall(0, wake=True), 10)
    assert emulator.cameras[0].power_on
