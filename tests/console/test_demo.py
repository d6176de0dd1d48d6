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
