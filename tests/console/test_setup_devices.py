"""build_room makes the mixer and codec a profile asks for, and they come online for real."""

from __future__ import annotations

import asyncio

from console.config.models import RoomProfile
from console.setup import build_room
from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.base import Availability
from drivers.x32.emulator import X32Emulator


async def _reaches(device: object, wanted: Availability = Availability.ONLINE) -> None:
    async def wait() -> None:
        while device.status.value.availability is not wanted:  # type: ignore[attr-defined]
            await asyncio.sleep(0.05)

    await asyncio.wait_for(wait(), 10)


async def test_profile_without_mixer_or_call_builds_neither() -> None:
    room = build_room(RoomProfile.model_validate({"site": {"name": "Xã A"}}))
    assert room.mixer is None
    assert room.codec is None


async def test_mixer_and_codec_from_the_profile_come_online() -> None:
    desk = X32Emulator("x32", auto_talker=None)
    await desk.start("127.0.0.1:0")
    codec = CiscoEmulator()
    await codec.start()
    profile = RoomProfile.model_validate(
        {
            "mixer": {
                "driver": "x32",
                "host": "127.0.0.1",
                "port": desk.port,
                "channels": [{"number": 1, "name": "Bục"}],
            },
            "call": {
                "codec": {
                    "name": "Codec phòng họp",
                    "driver": "cisco-xapi",
                    "host": "127.0.0.1",
                    "port": codec.port,
                }
            },
        }
    )
    room = build_room(profile)
    try:
        assert room.mixer is not None and room.codec is not None
        assert room.devices == [room.mixer, room.codec]
        assert room.codec.name == "Codec phòng họp"  # the status light says the profile's name
        await room.start()
        await _reaches(room.mixer)
        await _reaches(room.codec)
    finally:
        await room.close()
        await desk.close()
        await codec.close()


async def test_a_mixer_nobody_answers_for_goes_offline_without_stopping_the_room() -> None:
    profile = RoomProfile.model_validate(
        {"mixer": {"driver": "x32", "host": "127.0.0.1", "port": 9}}
    )
    room = build_room(profile)
    try:
        await room.start()
        assert room.mixer is not None
        await _reaches(room.mixer, Availability.OFFLINE)
        assert room.mixer.status.value.problem is not None
    finally:
        await room.close()
