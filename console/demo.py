"""Demo/training mode: emulated devices on 127.0.0.1 and a Room driving them.

Two cameras, as a real hall might have: a Sony over VISCA-IP (UDP, Sony framing) and a raw
VISCA-over-TCP camera with a small preset memory, so both preset kinds can be practised; an
emulated X32 desk whose microphones "speak" now and then; and a codec with a local bridge
(two baresip instances, or the Cisco emulator where baresip is missing) for one-click join.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any

from console.config.codec import CallProfile, CodecProfile
from console.config.demo_data import demo_mixer, demo_profile
from console.config.video import VideoSourceProfile
from console.room import Room
from console.runtime import RoomRuntime
from console.services.demo_call import DemoCall, start_demo_call
from console.setup import build_room
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.video.training import TrainingVideo, start_training_video
from drivers.visca.emulator import ViscaEmulator
from drivers.x32.emulator import X32Emulator

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
    desk: X32Emulator | None = None
    call: DemoCall | None = None
    video: TrainingVideo | None = None

    def runtime(self, **options: Any) -> RoomRuntime:
        """Return the room as a runtime; closing it also stops the emulators."""
        return RoomRuntime(self.room, on_close=[self.close_emulators], **options)

    async def close(self) -> None:
        """Stop and close the room, then the emulators, the desk and the demo call."""
        await self.room.close()
        await self.close_emulators()

    async def close_emulators(self) -> None:
        """Stop the emulators, the desk, the demo call and the training video (not the room)."""
        closers = [e.close for e in self.emulators]
        if self.desk is not None:
            closers.append(self.desk.close)
        if self.call is not None:
            closers.append(self.call.close)
        if self.video is not None:
            closers.append(self.video.close)
        for close in closers:
            with contextlib.suppress(Exception):
                await close()


async def _start_emulator(listen: str, limits: CameraLimits) -> ViscaEmulator:
    emulator = ViscaEmulator(cameras=1, limits=limits)
    await emulator.start(listen)
    camera = emulator.cameras[0]
    for number, shot in _CAMERA_SHOTS.items():
        if number < limits.preset_capacity:
            camera.presets[number] = shot
    return emulator


async def start_demo(*, start_room: bool = True, with_call: bool = True) -> DemoSession:
    """Start the emulated devices on 127.0.0.1 (free ports) and a started Room for them."""
    session = DemoSession(Room(demo_profile()))
    try:
        template = demo_profile()
        for camera, listen in zip(
            template.cameras, ("visca-ip:127.0.0.1:0", "tcp:127.0.0.1:0"), strict=True
        ):
            session.emulators.append(await _start_emulator(listen, camera.limits.to_limits()))
        session.desk = X32Emulator("x32")
        await session.desk.start("127.0.0.1:0")
        session.video = await start_training_video(
            [e.cameras[0] for e in session.emulators], [c.name for c in template.cameras]
        )
        update: dict[str, object] = {
            "mixer": demo_mixer(session.desk.port),
            "incoming": VideoSourceProfile(url=session.video.far_end_url),
        }
        if with_call:
            session.call = await start_demo_call()
            codec = CodecProfile(name=session.call.codec.name)  # as its status light says
            update["call"] = CallProfile(codec=codec, bridges=[session.call.bridge])
        profile = demo_profile(
            [e.endpoint for e in session.emulators], session.video.camera_urls
        ).model_copy(update=update)
        session.room = build_room(
            profile, running_codec=session.call.codec if session.call else None
        )
        if start_room:
            await session.room.start()
    except BaseException:
        await session.close()
        raise
    _LOGGER.info("demo: cameras at %s", ", ".join(e.endpoint for e in session.emulators))
    return session


async def start_demo_runtime(**options: Any) -> RoomRuntime:
    """Start the demo's emulators; return its room as a runtime (not started yet)."""
    session = await start_demo(start_room=False)
    return session.runtime(**options)
