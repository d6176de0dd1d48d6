"""X32Mixer against the emulated desk: read-back, remote changes, meters, availability."""

from __future__ import annotations

import asyncio

import pytest

from drivers import registry
from drivers.errors import DeviceTimeout, Problem
from drivers.roles.base import Availability
from drivers.roles.mixer import Mixer
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer
from tests.drivers.x32.conftest import RawClient, wait_until


def _online(mixer: Mixer) -> bool:
    return mixer.status.value.availability is Availability.ONLINE


async def test_start_reads_names_and_levels_from_the_desk(mixer: X32Mixer) -> None:
    await wait_until(lambda: mixer.synced)
    assert _online(mixer)
    state = mixer.state.value
    assert [c.name for c in state.channels[:4]] == ["Chair", "Lectern", "Table L", "Guest"]
    assert state.channel(1).fader == pytest.approx(0.75)
    assert state.channel(1).on is True and state.channel(1).muted is False
    assert state.main_on is True
    assert state.mute_groups == (False,) * 6


async def test_set_and_read_back(mixer: X32Mixer, emulator: X32Emulator) -> None:
    await wait_until(lambda: mixer.synced)
    await mixer.set_fader(2, 0.3)
    await mixer.set_on(2, False)
    await mixer.set_main_fader(0.6)
    await mixer.set_main_on(False)
    await mixer.set_mute_group(3, True)
    assert await mixer.read("/ch/02/mix/fader") == pytest.approx(0.3)
    assert await mixer.read("/ch/02/mix/on") == 0
    values = emulator.desk.values
    assert values["/main/st/mix/fader"] == pytest.approx(0.6)
    assert values["/main/st/mix/on"] == 0
    assert values["/config/mute/3"] == 1
    state = mixer.state.value
    assert state.channel(2).muted is True
    assert state.main_on is False and state.mute_groups[2] is True


async def test_mute_several_channels(mixer: X32Mixer, emulator: X32Emulator) -> None:
    await wait_until(lambda: mixer.synced)
    await mixer.set_channels_on({1: False, 2: False, 3: True})
    values = emulator.desk.values
    await wait_until(lambda: [values[f"/ch/0{n}/mix/on"] for n in (1, 2, 3)] == [0, 0, 1], 1.0)


async def test_a_second_client_reaches_us_through_xremote(
    mixer: X32Mixer, raw_client: RawClient
) -> None:
    await wait_until(lambda: mixer.synced)
    raw_client.send("/ch/03/mix/fader", 0.2)
    raw_client.send("/ch/03/config/name", "Secretary")
    await wait_until(lambda: mixer.state.value.channel(3).fader == pytest.approx(0.2), 1.0)
    await wait_until(lambda: mixer.state.value.channel(3).name == "Secretary", 1.0)


async def test_desk_name_does_not_override_the_profile_name(
    mixer: X32Mixer, emulator: X32Emulator
) -> None:
    await wait_until(lambda: mixer.synced)
    emulator.change_at_desk("/ch/04/config/name", "Spare")
    emulator.change_at_desk("/ch/04/mix/on", 0)
    await wait_until(lambda: mixer.state.value.channel(4).on is False, 1.0)
    assert mixer.state.value.channel(4).name == "Guest"


async def test_scene_recall_updates_state(mixer: X32Mixer, emulator: X32Emulator) -> None:
    await wait_until(lambda: mixer.synced)
    emulator.desk.values["/ch/05/mix/fader"] = 0.1
    emulator.desk.store_scene(7)
    emulator.desk.values["/ch/05/mix/fader"] = 0.9
    await mixer.recall_scene(7)
    assert emulator.desk.current_scene == 7
    assert mixer.state.value.channel(5).fader == pytest.approx(0.1)
    assert mixer.state.value.scene == 7


async def test_meters_are_decoded_to_dbfs(mixer: X32Mixer, emulator: X32Emulator) -> None:
    emulator.desk.speaking[2] = True
    await wait_until(lambda: mixer.meters.value.level(2) > -30.0)
    assert mixer.meters.value.level(1) < -60.0
    assert len(mixer.meters.value.channels) == 32


async def test_silent_desk_goes_offline_and_comes_back(
    mixer: X32Mixer, emulator: X32Emulator
) -> None:
    await wait_until(lambda: mixer.synced)
    emulator.silent = True
    await wait_until(lambda: not _online(mixer), 5.0)  # ~2.1 s: see bench/mixer_latency
    status = mixer.status.value
    assert status.availability is Availability.OFFLINE
    assert status.problem is Problem.NOT_ANSWERING
    with pytest.raises(DeviceTimeout):
        await mixer.set_fader(1, 0.5)
    emulator.desk.write("/ch/06/mix/on", 0)  # changed while we could not hear the desk
    emulator.silent = False
    await wait_until(lambda: _online(mixer), 5.0)
    await wait_until(lambda: mixer.state.value.channel(6).on is False, 2.0)  # re-read


async def test_desk_that_never_answers_is_offline(emulator: X32Emulator) -> None:
    emulator.silent = True
    desk = X32Mixer("desk", "127.0.0.1", emulator.port)
    await desk.start()
    try:
        await wait_until(lambda: desk.status.value.availability is Availability.OFFLINE, 5.0)
    finally:
        await desk.close()


async def test_xair_uses_lr_and_int16_meters(xair_emulator: X32Emulator) -> None:
    desk = registry.factory("xair")(name="xr18", host="127.0.0.1", port=xair_emulator.port)
    assert isinstance(desk, X32Mixer)
    await desk.start()
    try:
        await wait_until(lambda: desk.synced)
        assert len(desk.state.value.channels) == 16
        assert len(desk.state.value.mute_groups) == 4
        await desk.set_main_on(False)
        await wait_until(lambda: xair_emulator.desk.values["/lr/mix/on"] == 0, 1.0)
        xair_emulator.desk.speaking[16] = True
        await wait_until(lambda: desk.meters.value.level(16) > -30.0)
        with pytest.raises(ValueError):
            await desk.set_fader(17, 0.5)
        with pytest.raises(ValueError):
            await desk.recall_scene(0)  # X-Air snapshots are 1..64
    finally:
        await desk.close()


async def test_registry_knows_x32() -> None:
    desk = registry.factory("x32")(name="x", host="127.0.0.1", port=1)
    assert isinstance(desk, X32Mixer) and desk.port == 1
    assert X32Mixer("y", "127.0.0.1").port == 10023


async def test_subscriptions_survive_the_real_ten_second_expiry(
    mixer: X32Mixer, emulator: X32Emulator
) -> None:
    """Real time on purpose: the desk forgets clients after 10 s; we renew every 8 s."""
    await wait_until(lambda: mixer.synced)
    await asyncio.sleep(10.5)
    meter_updates = 0

    def count(_: object) -> None:
        nonlocal meter_updates
        meter_updates += 1

    unsubscribe = mixer.meters.subscribe(count)
    emulator.desk.speaking[1] = True  # make successive meter values differ
    emulator.change_at_desk("/ch/08/mix/fader", 0.4)
    await wait_until(lambda: mixer.state.value.channel(8).fader == pytest.approx(0.4), 1.0)
    await wait_until(lambda: meter_updates >= 3, 1.0)
    unsubscribe()


async def test_lost_read_replies_are_asked_again(emulator: X32Emulator) -> None:
    emulator.lose_replies = 5  # the first five answers of the start-up read vanish
    desk = X32Mixer("desk", "127.0.0.1", emulator.port, read_timeout=0.3)
    await desk.start()
    try:
        await wait_until(lambda: desk.synced)
        assert emulator.lose_replies == 0
        state = desk.state.value
        assert [c.name for c in state.channels[:2]] == ["Chair", "Lectern"]
        assert None not in (state.channel(1).fader, state.channel(1).on, state.main_on)
    finally:
        await desk.close()
