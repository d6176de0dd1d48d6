"""Demo/training mode: emulated cameras on 127.0.0.1 and a Room driving them.

Two cameras, as a real hall might have: a Sony over VISCA-IP (UDP, Sony framing) and a raw
VISCA-over-TCP camera with a small preset memory, so both preset kinds can be practised.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field

from console.config.demo_data import demo_profile
from console.room import Room
from console.setup import build_room
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca.emulator import ViscaEmulator

_LOGGER = logging.getLogger(__name__)

# Where the emulated cameras' stored presets point (pan, tilt, zoom), so recalls visibly move.
_CAMERA_SHOTS = {
    0: PtzPosition(0, 0, 0),
    1: PtzPosition(-600, 120, 9000),
    2: PtzPosition(700, 60, 12000),
    3: PtzPosition(-1500, -100, 4000),
    4: PtzPosition(1500, -100, 4000),
}


@dataclass
class DemoSession:
    """The running demo: its Room and the emulators behind it."""

    room: Room
    emulators: list[ViscaEmulator] = field(default_factory=list)

    async def close(self) -> None:
        """Stop and close the room, then the emulators."""
        await self.room.close()
        for emulator in self.emulators:
            with contextlib.suppress(Exception):
                await emulator.close()


async def _start_emulator(listen: str, limits: CameraLimits) -> ViscaEmulator:
    emulator = ViscaEmulator(cameras=1, limits=limits)
    await emulator.start(listen)
    camera = emulator.cameras[0]
    for number, shot in _CAMERA_SHOTS.items():
        if number < limits.preset_capacity:
            camera.presets[number] = shot
    return emulator


async def start_demo(*, start_room: bool = True) -> DemoSession:
    """Start two emulated cameras on 127.0.0.1 (free ports) and a started Room for them."""
    emulators: list[ViscaEmulator] = []
    try:
        template = demo_profile()
        for camera, listen in zip(
            template.cameras, ("visca-ip:127.0.0.1:0", "tcp:127.0.0.1:0"), strict=True
        ):
            emulators.append(await _start_emulator(listen, camera.limits.to_limits()))
        profile = demo_profile([emulator.endpoint for emulator in emulators])
        room = build_room(profile)
        if start_room:
            await room.start()
    except BaseException:
        for emulator in emulators:
            with contextlib.suppress(Exception):
                await emulator.close()
        raise
    _LOGGER.info("demo: cameras at %s", ", ".join(e.endpoint for e in emulators))
    return DemoSession(room, emulators)
