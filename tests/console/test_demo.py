from __future__ import annotations

import asyncio

from console_helpers import until

from console.demo import start_demo
from drivers.roles.base import Availability


async def test_demo_runs_two_cameras_with_presets() -> None:
    session = await asyncio.wait_for(start_demo(), 10)
    try:
        room = session.room
        assert len(room.cameras) == 2
        for slot in room.cameras:
            await until(
                lambda s=slot: s.camera.status.value.availability is Availability.ONLINE,  # type: ignore[misc]
                what=f"{slot.name} online",
            )
            assert slot.presets.presets.value[0].name
        stage, audience = room.cameras
        await asyncio.wait_for(stage.presets.recall(1), 15)
        assert stage.presets.active.value == 1
        await asyncio.wait_for(audience.presets.recall(2), 15)  # console-stored shot
        emulated = session.emulators[1].cameras[0].position()
        assert (emulated.pan, emulated.tilt, emulated.zoom) == (400, -50, 6000)
    finally:
        await asyncio.wait_for(session.close(), 10)


async def test_demo_has_a_live_mixer_and_a_codec_that_joins_the_demo_bridge() -> None:
    from console.services.join import JoinBridge, JoinPhase

    session = await asyncio.wait_for(start_demo(), 20)
    try:
        room = session.room
        assert room.mixer is not None and room.codec is not None
        for device in (room.mixer, room.codec):
            await until(
                lambda d=device: d.status.value.availability is Availability.ONLINE,  # type: ignore[misc]
                what=f"{device.name} online",
            )
        assert session.call is not None
        bridge = room.profile.call.bridge()
        assert bridge == session.call.bridge
        join = JoinBridge(bridge, room.codec, cameras=[s.camera for s in room.cameras])
        progress = await asyncio.wait_for(join.run(), 30)
        assert progress.phase is JoinPhase.IN_MEETING, progress
        assert room.codec.call.value.active
    finally:
        await asyncio.wait_for(session.close(), 15)
