"""ViscaCamera against the VISCA emulator over a real pty pair and over 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from drivers import registry
from drivers.errors import DeviceCommandError, DeviceError, DeviceTimeout, Problem
from drivers.roles.base import Availability
from drivers.roles.camera import CameraLimits, FocusAction, PanTiltDirection, ZoomDirection
from drivers.visca.bus import get_bus
from drivers.visca.camera import ViscaCamera
from drivers.visca.emulated_camera import EmulatedCamera
from drivers.visca.emulator import ViscaEmulator
from tests.drivers.visca.conftest import SocatPair

FAST = {"ack_timeout": 0.3, "poll_interval": 0.1, "command_timeout": 2.0}
BACKOFF = {"backoff_initial": 0.02, "backoff_max": 0.1}


async def until(condition: Callable[[], bool], timeout: float = 4.0) -> None:
    """Poll ``condition`` (never qtbot.waitUntil in async tests)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


def online(camera: ViscaCamera) -> bool:
    return camera.status.value.availability is Availability.ONLINE


def names(emulator: ViscaEmulator, index: int = 0) -> list[str]:
    """Pan-tilt/zoom packets the emulated camera received, as hex."""
    return [p.hex() for p in emulator.cameras[index].commands_received]


class Rig:
    """An emulator on the camera end of a socat pair; cameras on the controller end."""

    def __init__(self, pair: SocatPair, emulator: ViscaEmulator) -> None:
        self.pair = pair
        self.emulator = emulator
        self.cameras: list[ViscaCamera] = []

    async def camera(self, address: int = 1, **options: Any) -> ViscaCamera:
        limits = options.pop("limits", CameraLimits())
        camera = ViscaCamera(
            f"cam{address}",
            f"serial:{self.pair.a}",
            address,
            limits,
            link_options=BACKOFF,
            **{**FAST, **options},
        )
        self.cameras.append(camera)
        await camera.start()
        return camera


@pytest.fixture
async def rig(socat_pty_pair: SocatPair) -> AsyncIterator[Rig]:
    pair = socat_pty_pair
    emulator = ViscaEmulator(cameras=3)
    await emulator.start(f"serial:{pair.b}")
    made = Rig(pair, emulator)
    yield made
    for camera in made.cameras:
        await asyncio.wait_for(camera.close(), 5)
    await emulator.close()


async def test_power_move_stop_and_refresh_over_a_pty(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    await asyncio.wait_for(camera.power(True), 3)
    await asyncio.wait_for(camera.move(PanTiltDirection.RIGHT, 0x10, 0x10), 3)
    assert camera.state.value.moving
    await asyncio.sleep(0.1)
    await asyncio.wait_for(camera.stop(), 3)
    assert not camera.state.value.moving
    await asyncio.wait_for(camera.refresh(), 3)
    state = camera.state.value
    assert state.power_on is True
    assert state.pan is not None and state.pan > 0
    assert state.pan == rig.emulator.cameras[0].position().pan
    assert "8101060110100203ff" in names(rig.emulator)  # right at speed 10h


async def test_three_cameras_share_one_port(rig: Rig) -> None:
    cameras = [await rig.camera(address) for address in (1, 2, 3)]
    bus = get_bus(cameras[0].spec)
    await until(lambda: all(online(c) for c in cameras))
    assert bus.camera_count == 3
    await asyncio.gather(*(c.zoom_to(0x1000 * c.address) for c in cameras))
    for index, camera in enumerate(cameras):
        assert rig.emulator.cameras[index].position().zoom == 0x1000 * camera.address
        # each emulated camera saw only packets addressed to it (and the broadcasts)
        received = rig.emulator.cameras[index].commands_received
        assert all(p[0] in (0x80 | camera.address, 0x88) for p in received)
        assert bytes.fromhex("883001ff") in received  # AddressSet on connect


async def test_port_vanishing_mid_move_ends_stopped_and_link_returns(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    await camera.move(PanTiltDirection.LEFT, 5, 5)
    emulated = rig.emulator.cameras[0]
    assert emulated.moving
    await rig.emulator.vanish()
    rig.pair.kill()
    await until(lambda: camera.status.value.availability is Availability.OFFLINE)
    assert camera.status.value.problem is Problem.PORT_MISSING
    assert emulated.moving  # nobody stopped it while the cable was out
    rig.pair.start()
    await rig.emulator.reappear()
    await until(lambda: online(camera) and not camera.state.value.moving)
    assert not emulated.moving
    stop = "8101060105050303ff"
    assert names(rig.emulator)[-1] == stop or stop in names(rig.emulator)[-3:]


async def test_silence_raises_timeout_and_status_recovers_by_itself(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    rig.emulator.silent = True
    with pytest.raises(DeviceTimeout):
        await asyncio.wait_for(camera.home(), 3)
    await until(lambda: camera.status.value.availability is Availability.OFFLINE)
    assert camera.status.value.problem is Problem.NOT_ANSWERING
    rig.emulator.silent = False
    await until(lambda: online(camera))


async def test_garbage_between_replies_is_skipped(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    rig.emulator.inject(b"\x12\x34\xff\x00\x90\x77\x66\xff")  # noise, a bogus packet
    await asyncio.wait_for(camera.zoom_to(0x2000), 3)
    rig.emulator.inject(b"\x55" * 20)
    await asyncio.wait_for(camera.refresh(), 3)
    assert camera.state.value.zoom == 0x2000
    assert get_bus(camera.spec).garbage_bytes > 0


async def test_error_reply_is_a_command_error_and_the_link_stays_up(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    await camera.focus(FocusAction.AUTO)
    with pytest.raises(DeviceCommandError) as refused:
        await asyncio.wait_for(camera.focus(FocusAction.FAR), 3)
    assert refused.value.problem is Problem.NOT_EXECUTABLE
    await asyncio.wait_for(camera.refresh(), 3)
    assert online(camera)


async def test_one_way_camera_is_online_with_a_warning(rig: Rig) -> None:
    rig.emulator.one_way = True
    camera = await rig.camera(limits=CameraLimits(replies=False))
    await until(lambda: online(camera))
    assert camera.status.value.warning is Problem.NOT_ANSWERING
    await asyncio.wait_for(camera.move(PanTiltDirection.UP, 3, 3), 1)
    await asyncio.wait_for(camera.stop_motion(), 1)
    await until(lambda: "8101060103030303ff" in names(rig.emulator))
    assert "8101060103030301ff" in names(rig.emulator)


async def test_drives_coalesce_and_stop_preempts(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    rig.emulator.reply_delay = 0.05  # each ACK takes a while: moves pile up meanwhile
    speeds = range(1, 21)
    moves = [asyncio.create_task(camera.move(PanTiltDirection.RIGHT, s, s)) for s in speeds]
    await asyncio.sleep(0)
    assert camera.flow.pending <= 1
    await asyncio.gather(*moves)
    received = [p for p in names(rig.emulator) if p.startswith("81010601")]
    assert len(received) < 5  # most were superseded before going out
    assert received[-1] == "8101060114140203ff"  # the newest speed (20) won
    assert camera.flow.pending_high_water <= 1

    more = [asyncio.create_task(camera.move(PanTiltDirection.LEFT, s, s)) for s in speeds]
    await asyncio.sleep(0)
    await asyncio.wait_for(camera.stop(), 3)
    await asyncio.gather(*more)
    after = [p for p in names(rig.emulator) if p.startswith("81010601")][len(received) :]
    assert after[-1].endswith("0303ff")  # Stop is the last thing on the wire
    assert len(after) <= 2  # at most the drive already on the line, then Stop
    assert not rig.emulator.cameras[0].moving


async def test_last_preset_follows_recall_and_moving_off(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    await camera.goto(100, 50, 0x18, 0x17)
    await camera.save_preset(2)
    assert camera.state.value.last_preset == 2
    await camera.home()
    assert camera.state.value.last_preset is None
    await asyncio.wait_for(camera.recall_preset(2), 5)
    assert camera.state.value.last_preset == 2
    assert rig.emulator.cameras[0].position().pan == 100
    await camera.zoom(ZoomDirection.TELE, 2)
    assert camera.state.value.last_preset is None


async def test_cancelled_call_sends_visca_cancel(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    goto = asyncio.create_task(camera.goto(2000, 0, 1, 1))  # slow: many seconds
    await until(lambda: rig.emulator.cameras[0].busy_sockets != [])
    goto.cancel()
    await until(lambda: any(p.startswith("812") for p in names(rig.emulator)))
    await until(lambda: rig.emulator.cameras[0].busy_sockets == [] and camera.flow.idle)
    assert not rig.emulator.cameras[0].moving


async def test_registry_builds_visca_cameras(tmp_path: Path) -> None:
    made = registry.factory("visca-tcp")(name="x", connection="tcp:127.0.0.1:5678", address=1)
    assert isinstance(made, ViscaCamera)
    assert {"visca-serial", "visca-ip", "visca-tcp", "visca-udp"} <= set(registry.names())


async def test_stop_motion_does_not_wait_behind_two_long_moves(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    emulated = rig.emulator.cameras[0]
    goto = asyncio.create_task(camera.goto(2000, 0, 1, 1))  # ~36 s at speed 1
    zoom = asyncio.create_task(camera.zoom_to(0x4000))  # ~2 s
    await until(lambda: len(emulated.busy_sockets) == 2)
    await asyncio.wait_for(camera.stop_motion(), 1.5)
    assert not emulated.moving
    assert not camera.state.value.moving
    for task in (goto, zoom):
        with pytest.raises(DeviceCommandError):
            await asyncio.wait_for(task, 1)


async def test_network_change_makes_the_bus_readdress(rig: Rig) -> None:
    camera = await rig.camera()
    await until(lambda: online(camera))
    address_set = bytes.fromhex("883001ff")
    before = rig.emulator.cameras[0].commands_received.count(address_set)
    rig.emulator.inject(bytes.fromhex("9038ff"))  # camera 1: network change
    await until(lambda: rig.emulator.cameras[0].commands_received.count(address_set) > before)
    await asyncio.wait_for(camera.refresh(), 3)


async def test_silence_is_logged_once_not_per_poll(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    camera = await rig.camera(ack_timeout=0.05, poll_interval=0.02)
    await until(lambda: online(camera))
    with caplog.at_level(logging.DEBUG):
        rig.emulator.silent = True
        await until(lambda: camera.status.value.availability is Availability.OFFLINE)
        await asyncio.sleep(0.5)  # many failed polls
        rig.emulator.silent = False
        await until(lambda: online(camera))
    loud = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert sum("not answering" in m for m in loud) == 1, loud
    assert sum("answering again" in m for m in loud) == 1, loud


async def test_camera_that_lost_its_address_is_readdressed(rig: Rig) -> None:
    camera = await rig.camera(recovery_interval=0.2)
    await until(lambda: online(camera))
    rig.emulator.cameras[0].address = 7  # power-cycled: forgot the address we gave it
    await until(lambda: camera.status.value.availability is Availability.OFFLINE)
    await until(lambda: online(camera))  # AddressSet went out again by itself
    assert rig.emulator.cameras[0].address == 1


async def test_polling_asks_position_often_and_power_rarely(rig: Rig) -> None:
    camera = await rig.camera(poll_interval=0.01)
    await until(lambda: online(camera))
    received = rig.emulator.cameras[0].commands_received
    position, power = bytes.fromhex("81090612ff"), bytes.fromhex("81090400ff")
    await until(lambda: received.count(position) >= 25)
    assert received.count(power) <= received.count(position) // 5
    assert camera.state.value.focus == rig.emulator.cameras[0].position().focus


async def test_stop_follows_a_drive_without_waiting_for_its_ack(rig: Rig) -> None:
    camera = await rig.camera(ack_timeout=2.0)
    await until(lambda: online(camera) and camera.flow.idle)
    rig.emulator.reply_delay = 0.5  # the camera is slow to answer
    move = asyncio.create_task(camera.move(PanTiltDirection.DOWN, 4, 4))
    received = rig.emulator.cameras[0].commands_received
    await until(lambda: bytes.fromhex("8101060104040302ff") in received)
    stop = asyncio.create_task(camera.stop())
    await until(lambda: bytes.fromhex("8101060104040303ff") in received)
    assert not move.done()  # Stop went out before the drive's ACK came back
    await asyncio.wait_for(asyncio.gather(move, stop), 3)
    assert not rig.emulator.cameras[0].moving and not camera.state.value.moving


# --- outages: the adapter unplugged mid-move, presses while it is out, replugged ----------------


async def _unplug(rig: Rig, camera: ViscaCamera) -> None:
    """Pull the adapter (the emulator's port closes with it) and wait for the red light."""
    await rig.emulator.vanish()
    rig.pair.kill()
    await until(lambda: camera.status.value.availability is Availability.OFFLINE)


async def _replug(rig: Rig) -> None:
    rig.pair.start()
    await rig.emulator.reappear()


async def _press_during_outage(camera: ViscaCamera) -> None:
    """What an operator presses while the cable is out: each fails at once, typed."""
    presses: list[Callable[[], Awaitable[None]]] = [
        lambda: camera.move(PanTiltDirection.LEFT, 8, 8),
        camera.stop,
        lambda: camera.recall_preset(1),
        lambda: camera.zoom(ZoomDirection.TELE),
        camera.stop,
    ]
    for press in presses:
        with pytest.raises(DeviceError):
            await asyncio.wait_for(press(), 1)


def _pan_tilt_stops(emulated: EmulatedCamera, since: int) -> list[str]:
    return [
        p.hex()
        for p in list(emulated.commands_received)[since:]
        if p.hex().startswith("81010601") and p.hex().endswith("0303ff")
    ]


async def test_drive_pressed_while_the_replug_stop_is_answered_is_stopped_next_outage(
    rig: Rig,
) -> None:
    """The Stop sent after a replug must not mark a newer drive as stopped when it completes.

    Before the fix the late Completion of that Stop cleared ``moving`` after the operator had
    started a new drive, so the next unplug sent no Stop on replug and the camera drove on
    into its end stop.
    """
    camera = await rig.camera()
    emulated = rig.emulator.cameras[0]
    await until(lambda: online(camera))
    await camera.move(PanTiltDirection.RIGHT, 0x10, 0x10)
    await _unplug(rig, camera)
    await _press_during_outage(camera)
    rig.emulator.reply_delay = 0.1  # the Stops' answers are still on their way ...
    await _replug(rig)
    await until(lambda: not emulated.moving)  # the replug Stop reached the camera
    await asyncio.wait_for(camera.move(PanTiltDirection.LEFT, 0x10, 0x10), 3)  # ... a new drive
    rig.emulator.reply_delay = 0.0
    await until(lambda: online(camera) and camera.flow.idle)
    assert emulated.moving
    assert camera.state.value.moving  # what the driver believes matches the camera

    await _unplug(rig, camera)
    before = len(emulated.commands_received)
    await _replug(rig)
    await until(lambda: not emulated.moving, 2)
    assert _pan_tilt_stops(emulated, before), "no Stop on the wire after the replug"
    pan = emulated.position().pan
    assert -2267 < pan < 2267  # stopped by the Stop, not by the end stop
