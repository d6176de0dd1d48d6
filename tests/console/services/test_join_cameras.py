"""Join with real VISCA cameras (ViscaCamera on the VISCA emulator over TCP on 127.0.0.1)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from console.config.codec import BridgeProfile, DtmfTiming
from console.services.join import JoinBridge, JoinPhase, JoinProgress
from console.services.leave import leave_meeting
from console.services.steps import JoinStep, wait_for_value
from drivers.roles.base import Availability
from drivers.visca.camera import ViscaCamera
from drivers.visca.emulator import ViscaEmulator


@pytest.fixture
async def visca() -> AsyncIterator[tuple[ViscaEmulator, ViscaCamera]]:
    emulator = ViscaEmulator()
    await emulator.start("tcp:127.0.0.1:0")
    camera = ViscaCamera("Cam 1", emulator.endpoint, command_timeout=1.0)
    await camera.start()
    try:
        await asyncio.wait_for(
            wait_for_value(camera.status, lambda s: s.availability is Availability.ONLINE), 5
        )
        yield emulator, camera
    finally:
        await camera.close()
        await emulator.close()


def profile(uri: str) -> BridgeProfile:
    return BridgeProfile(
        id="main",
        name="Main",
        dial_string=uri,
        join_camera_preset=2,
        leave_camera_preset=1,
        dtmf=DtmfTiming(wait_after_connect=0),
    )


async def test_cameras_power_on_and_go_to_the_join_preset(room, bridge, visca) -> None:
    emulator, camera = visca
    emulator.cameras[0].presets[2] = emulator.cameras[0].position()
    join = JoinBridge(profile(bridge.sip_uri), room, cameras=[camera])
    assert join.steps[:2] == (JoinStep.WAKE, JoinStep.CAMERAS)
    final = await asyncio.wait_for(join.run(), 20)
    assert final.phase is JoinPhase.IN_MEETING and final.warnings == ()
    assert emulator.cameras[0].power_on
    assert camera.state.value.last_preset == 2
    await asyncio.wait_for(leave_meeting(room, cameras=[camera], leave_preset=1), 10)
    assert camera.state.value.last_preset == 1


async def test_silent_camera_is_a_warning_not_a_failure(room, bridge, visca) -> None:
    emulator, camera = visca
    emulator.silent = True
    join = JoinBridge(profile(bridge.sip_uri), room, cameras=[camera])
    final = await asyncio.wait_for(join.run(), 20)
    assert final.phase is JoinPhase.IN_MEETING
    assert {w.step for w in final.warnings} == {JoinStep.WAKE, JoinStep.CAMERAS}


async def test_cancel_at_the_cameras_step(room, bridge, visca) -> None:
    _, camera = visca
    join = JoinBridge(profile(bridge.sip_uri), room, cameras=[camera])

    def cancel_on_cameras(progress: JoinProgress) -> None:
        if progress.phase is JoinPhase.JOINING and progress.step is JoinStep.CAMERAS:
            join.cancel()

    join.progress.subscribe(cancel_on_cameras)
    final = await asyncio.wait_for(join.run(), 20)
    assert final.phase is JoinPhase.CANCELLED and final.step is JoinStep.CAMERAS
    assert not room.call.value.active
