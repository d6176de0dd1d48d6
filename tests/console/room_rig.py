"""A room of emulators for ``roomctl`` processes: a VISCA camera, an X32 desk, a baresip bridge.

The test starts the devices in its own loop and writes a profile pointing at them; the room's
codec is a baresip the ``roomctl`` process starts itself. Fields tell where the camera points
and what the desk's microphones do, so a test sees what the process did to the devices.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from console.config.camera import CameraProfile, LimitsProfile, PresetProfile
from console.config.codec import BridgeProfile, CallProfile, CodecProfile, DtmfTiming
from console.config.demo_data import demo_mixer
from console.config.loader import save_profile
from console.config.models import RoomProfile, SiteProfile
from console.config.schedule import MeetingProfile, Repeat, ScheduleProfile
from drivers.baresip.bridge import demo_bridge, start_online
from drivers.baresip.codec import BaresipCodec
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca.emulator import ViscaEmulator
from drivers.x32.emulator import X32Emulator

JOIN_SHOT = PtzPosition(-600, 120, 9000)  # preset 1: the joining shot
LEAVE_SHOT = PtzPosition(700, 60, 12000)  # preset 2: the leaving shot
MICROPHONES = (1, 2, 3)
CONFERENCE_ID = "1234#"


@dataclass
class RoomRig:
    """The emulated devices and the profile that points at them."""

    camera: ViscaEmulator
    desk: X32Emulator
    bridge: BaresipCodec
    profile: RoomProfile

    def camera_at(self) -> PtzPosition:
        """Where the emulated camera points now (pan, tilt, zoom)."""
        at = self.camera.cameras[0].position()
        return PtzPosition(at.pan, at.tilt, at.zoom)

    def microphones_open(self) -> list[bool]:
        """Each microphone channel's on switch at the emulated desk."""
        return [self.desk.desk.values[f"/ch/{n:02d}/mix/on"] == 1 for n in MICROPHONES]

    def write(self, path: Path) -> Path:
        """Write the profile to ``path`` and return it."""
        save_profile(self.profile, path)
        return path

    def auto_join_now(self) -> None:
        """Add a one-off meeting on the bridge that starts in a minute and joins by itself."""
        self.schedule_meeting(dt.timedelta(minutes=1), auto_join_minutes=2)

    def schedule_meeting(self, start_in: dt.timedelta, **lead_times: int) -> None:
        """Add a one-off auto-join meeting ``start_in`` from now (lead times: the schedule's)."""
        start = (dt.datetime.now() + start_in).replace(microsecond=0)
        meeting = MeetingProfile(
            id="now",
            name="Họp giao ban",
            bridge="main",
            repeat=Repeat.ONCE,
            date=start.date(),
            time=start.time(),
            auto_join=True,
        )
        self.profile.schedule = ScheduleProfile(meetings=[meeting], **lead_times)


@contextlib.asynccontextmanager
async def room_rig(answermode: str = "auto") -> AsyncIterator[RoomRig]:
    """Start the camera, the desk (microphones open) and the bridge; stop them afterwards."""
    camera = ViscaEmulator(cameras=1, limits=CameraLimits(preset_capacity=6))
    desk = X32Emulator("x32")
    bridge = demo_bridge("bridge", answermode=answermode)
    try:
        await camera.start("tcp:127.0.0.1:0")
        for number, shot in ((0, PtzPosition(0, 0, 0)), (1, JOIN_SHOT), (2, LEAVE_SHOT)):
            camera.cameras[0].presets[number] = shot
        await desk.start("127.0.0.1:0")
        for channel in MICROPHONES:
            desk.desk.values[f"/ch/{channel:02d}/mix/on"] = 1
        await start_online(bridge)
        yield RoomRig(camera, desk, bridge, _profile(camera, desk, bridge))
    finally:
        for close in (bridge.close, desk.close, camera.close):
            with contextlib.suppress(Exception):
                await close()


def _profile(camera: ViscaEmulator, desk: X32Emulator, bridge: BaresipCodec) -> RoomProfile:
    stage = CameraProfile(
        id="stage",
        name="Sân khấu",
        driver="visca-tcp",
        connection=camera.endpoint,
        limits=LimitsProfile(preset_capacity=6),
        presets=[PresetProfile(number=n, name=f"Shot {n}") for n in range(3)],
    )
    main = BridgeProfile(
        id="main",
        name="Cầu tỉnh",
        dial_string=bridge.sip_uri,
        conference_id=CONFERENCE_ID,
        join_camera_preset=1,
        leave_camera_preset=2,
        dtmf=DtmfTiming(wait_after_connect=0.3, between_id_and_pin=0.1, pause=0.1),
    )
    return RoomProfile(
        site=SiteProfile(name="Phòng thử"),
        cameras=[stage],
        mixer=demo_mixer(desk.port),
        call=CallProfile(codec=CodecProfile(name="Codec"), bridges=[main]),
    )


async def start_roomctl(
    *args: str, env: dict[str, str] | None = None
) -> asyncio.subprocess.Process:
    """Start ``roomctl ARGS`` with its output (stdout and stderr) on one pipe."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "console.cli",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )


async def read_until(process: asyncio.subprocess.Process, text: str, timeout: float) -> str:
    """Read the process's output until a line contains ``text``; return everything read."""
    assert process.stdout is not None
    seen = ""
    async with asyncio.timeout(timeout):
        while text not in seen:
            line = await process.stdout.readline()
            if not line:
                raise AssertionError(f"roomctl ended before {text!r}:\n{seen}")
            seen += line.decode()
    return seen


async def stop_roomctl(process: asyncio.subprocess.Process, timeout: float = 30.0) -> str:
    """SIGTERM the process (as a service manager does); return the rest of its output."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    try:
        rest, _ = await asyncio.wait_for(process.communicate(), timeout)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return rest.decode()
