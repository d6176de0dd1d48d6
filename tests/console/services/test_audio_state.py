"""The join's audio step on a real X32Mixer talking to the emulated desk on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib

from console.config.mixer import AudioStateProfile
from console.services.audio_state import MuteAllMicrophones, audio_action
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer


async def test_join_state_mutes_microphones_and_opens_the_chair() -> None:
    emulator = X32Emulator("x32", auto_talker=None)
    await emulator.start("127.0.0.1:0")
    for channel in (1, 2, 3):
        emulator.desk.values[f"/ch/{channel:02d}/mix/on"] = 1
    mixer = X32Mixer("Desk", "127.0.0.1", emulator.port)
    await mixer.start()
    try:

        async def synced() -> None:
            while not mixer.synced:
                await asyncio.sleep(0.01)

        await asyncio.wait_for(synced(), 5)
        # Every value the state sets differs from the desk's before, so waiting for them proves
        # the datagrams arrived. (This test used to wait for main_fader=0.75, the desk's default:
        # it returned before the desk had read anything and failed on faster machines.)
        emulator.desk.values["/main/st/mix/on"] = 0
        assert emulator.desk.values["/main/st/mix/fader"] != 0.5
        state = AudioStateProfile(mute_microphones=True, open=[1], main_on=True, main_fader=0.5)
        action = audio_action(mixer, state, [1, 2, 3])
        assert action is not None
        await asyncio.wait_for(action(), 5)

        def desk() -> tuple[list[object], object, object]:
            values = emulator.desk.values
            channels = [values[f"/ch/{c:02d}/mix/on"] for c in (1, 2, 3)]
            return channels, values["/main/st/mix/fader"], values["/main/st/mix/on"]

        async def settled() -> None:
            while desk() != ([1, 0, 0], 0.5, 1):
                await asyncio.sleep(0.01)

        with contextlib.suppress(TimeoutError):  # the assert below says what was missing
            await asyncio.wait_for(settled(), 5)
        assert desk() == ([1, 0, 0], 0.5, 1)
    finally:
        await mixer.close()
        await emulator.close()


def test_no_desk_no_audio_step() -> None:
    assert audio_action(None, AudioStateProfile(), [1]) is None


async def test_mute_all_only_mutes_and_restore_brings_back_the_state_before() -> None:
    """Qt-free, as roomctl or the fleet agent would use it: twice muted, then restored."""
    emulator = X32Emulator("x32", auto_talker=None)
    await emulator.start("127.0.0.1:0")
    values = emulator.desk.values
    values.update({"/ch/01/mix/on": 1, "/ch/02/mix/on": 0, "/ch/03/mix/on": 1})
    mixer = X32Mixer("Desk", "127.0.0.1", emulator.port)
    await mixer.start()
    mute_all = MuteAllMicrophones(mixer, [1, 2, 3])

    async def until(wanted: list[int]) -> None:
        async def poll() -> None:
            while [values[f"/ch/{c:02d}/mix/on"] for c in (1, 2, 3)] != wanted:
                await asyncio.sleep(0.01)

        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(poll(), 5)
        assert [values[f"/ch/{c:02d}/mix/on"] for c in (1, 2, 3)] == wanted
        await asyncio.wait_for(mixer.refresh(), 5)  # our view of the desk catches up

    async def synced() -> None:
        while not mixer.synced:
            await asyncio.sleep(0.01)

    try:
        await asyncio.wait_for(synced(), 5)
        assert not mute_all.can_restore
        await mute_all.mute_all()
        await until([0, 0, 0])
        await mute_all.mute_all()  # pressed again "to be sure": nothing opens, memory kept
        await until([0, 0, 0])
        assert mute_all.saved.value == {1: True, 2: False, 3: True} and mute_all.can_restore
        await mute_all.restore()
        await until([1, 0, 1])  # channel 2 was muted on purpose: it stays muted
        assert mute_all.saved.value is None and not mute_all.can_restore
    finally:
        await mixer.close()
        await emulator.close()
