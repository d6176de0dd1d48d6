"""Hot-mic guard and the mixer profile, against the emulated desk's talking microphone."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator

import pytest
from pydantic import ValidationError

from console.config.mixer import AudioStateProfile, MixerDriver, MixerProfile
from console.hotmic import EPISODE_GAP, HotMicAlarm, HotMicGuard
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer
from tests.drivers.x32.conftest import FakeClock, wait_until


@pytest.fixture
async def desk() -> AsyncIterator[tuple[X32Emulator, X32Mixer]]:
    emulator = X32Emulator("x32", auto_talker=None)
    await emulator.start("127.0.0.1:0")
    mixer = X32Mixer("desk", "127.0.0.1", emulator.port)
    await mixer.start()
    try:
        await wait_until(lambda: mixer.synced)
        yield emulator, mixer
    finally:
        await mixer.close()
        await emulator.close()


@pytest.fixture
def guard(desk: tuple[X32Emulator, X32Mixer]) -> Iterator[HotMicGuard]:
    clock = FakeClock()
    hot_mic = HotMicGuard(desk[1], [1, 2, 3], hold=2.0, clock=clock)
    hot_mic.start()
    yield hot_mic
    hot_mic.close()


async def _next_meters(mixer: X32Mixer) -> None:
    """Wait for a fresh meter packet (the guard evaluates on each)."""
    seen = asyncio.Event()
    unsubscribe = mixer.meters.subscribe(lambda _: seen.set())
    try:
        await asyncio.wait_for(seen.wait(), 2.0)
    finally:
        unsubscribe()


async def _speaking_on_muted_mic(emulator: X32Emulator, mixer: X32Mixer, channel: int) -> None:
    await mixer.set_on(channel, False)
    emulator.desk.speaking[channel] = True
    await wait_until(lambda: mixer.meters.value.level(channel) > -40.0)


async def test_speech_on_muted_mic_alarms_after_hold(
    desk: tuple[X32Emulator, X32Mixer], guard: HotMicGuard
) -> None:
    emulator, mixer = desk
    assert isinstance(guard.clock, FakeClock)
    await _speaking_on_muted_mic(emulator, mixer, 2)
    assert not guard.alarm.value.active  # not yet: a cough is not a speech
    guard.clock.advance(1.0)
    await _next_meters(mixer)
    assert not guard.alarm.value.active
    guard.clock.advance(1.5)
    await _next_meters(mixer)
    assert guard.alarm.value == HotMicAlarm((2,), desk=(2,), meeting_muted=False)


async def test_alarm_clears_when_the_mic_is_opened(
    desk: tuple[X32Emulator, X32Mixer], guard: HotMicGuard
) -> None:
    emulator, mixer = desk
    assert isinstance(guard.clock, FakeClock)
    await _speaking_on_muted_mic(emulator, mixer, 1)
    guard.clock.advance(2.5)
    await _next_meters(mixer)
    assert guard.alarm.value.channels == (1,)
    await mixer.set_on(1, True)
    assert not guard.alarm.value.active


async def test_alarm_clears_when_speech_stops(
    desk: tuple[X32Emulator, X32Mixer], guard: HotMicGuard
) -> None:
    emulator, mixer = desk
    assert isinstance(guard.clock, FakeClock)
    await _speaking_on_muted_mic(emulator, mixer, 3)
    guard.clock.advance(2.5)
    await _next_meters(mixer)
    assert guard.alarm.value.active
    emulator.desk.speaking[3] = False
    await wait_until(lambda: mixer.meters.value.level(3) < -60.0)
    assert guard.alarm.value.active  # a pause between words is still speech
    guard.clock.advance(1.0)
    await _next_meters(mixer)
    assert not guard.alarm.value.active


async def test_speech_on_open_mic_is_fine_unless_the_codec_is_muted(
    desk: tuple[X32Emulator, X32Mixer], guard: HotMicGuard
) -> None:
    emulator, mixer = desk
    assert isinstance(guard.clock, FakeClock)
    emulator.desk.speaking[1] = True
    await wait_until(lambda: mixer.meters.value.level(1) > -40.0)
    guard.clock.advance(3.0)
    await _next_meters(mixer)
    assert not guard.alarm.value.active
    guard.set_codec_muted(True)
    guard.clock.advance(2.5)
    await _next_meters(mixer)
    # the desk strip is open: the warning must name the meeting's mute, not the desk's
    assert guard.alarm.value == HotMicAlarm((1,), desk=(), meeting_muted=True)


async def test_warns_only_in_a_call(desk: tuple[X32Emulator, X32Mixer], guard: HotMicGuard) -> None:
    emulator, mixer = desk
    assert isinstance(guard.clock, FakeClock)
    guard.set_in_call(False)
    guard.set_codec_muted(True)  # leaving mutes the codec: outside a call that is no news
    await _speaking_on_muted_mic(emulator, mixer, 2)
    guard.clock.advance(5.0)
    await _next_meters(mixer)
    assert not guard.alarm.value.active
    guard.set_in_call(True)
    await _next_meters(mixer)
    guard.clock.advance(2.5)
    await _next_meters(mixer)
    assert guard.alarm.value == HotMicAlarm((2,), desk=(2,), meeting_muted=True)
    guard.set_in_call(False)
    assert not guard.alarm.value.active


async def test_one_log_line_per_episode_naming_the_channel_and_the_mute(
    desk: tuple[X32Emulator, X32Mixer], guard: HotMicGuard, caplog: pytest.LogCaptureFixture
) -> None:
    emulator, mixer = desk
    assert isinstance(guard.clock, FakeClock)
    caplog.set_level(logging.INFO, "console.hotmic")
    name = mixer.state.value.channel(2).name
    assert name and name != "2"
    await _speaking_on_muted_mic(emulator, mixer, 2)
    for _ in range(3):  # speech with pauses for breath: the alarm comes and goes
        guard.clock.advance(2.5)
        await _next_meters(mixer)
        assert guard.alarm.value.active
        emulator.desk.speaking[2] = False
        await wait_until(lambda: mixer.meters.value.level(2) < -60.0)
        guard.clock.advance(1.0)
        await _next_meters(mixer)
        assert not guard.alarm.value.active
        emulator.desk.speaking[2] = True
        await wait_until(lambda: mixer.meters.value.level(2) > -40.0)
    lines = [r.getMessage() for r in caplog.records if r.name == "console.hotmic"]
    assert lines == [f"hot mic: {name} speaking while muted at the desk"]
    guard.clock.advance(EPISODE_GAP + 1.0)  # much later: a new episode, a new line
    await _next_meters(mixer)
    guard.clock.advance(2.5)
    await _next_meters(mixer)
    assert guard.alarm.value.active
    lines = [r.getMessage() for r in caplog.records if r.name == "console.hotmic"]
    assert len(lines) == 2


async def test_offline_desk_clears_the_alarm(
    desk: tuple[X32Emulator, X32Mixer], guard: HotMicGuard
) -> None:
    emulator, mixer = desk
    assert isinstance(guard.clock, FakeClock)
    await _speaking_on_muted_mic(emulator, mixer, 2)
    guard.clock.advance(2.5)
    await _next_meters(mixer)
    assert guard.alarm.value.active
    emulator.silent = True
    await wait_until(lambda: not guard.alarm.value.active, 3.0)


async def test_join_state_from_the_profile_mutes_the_microphones(
    desk: tuple[X32Emulator, X32Mixer],
) -> None:
    emulator, mixer = desk
    profile = MixerProfile.model_validate(
        {
            "driver": "x32",
            "host": "127.0.0.1",
            "channels": [
                {"number": 1, "name": "Chair"},
                {"number": 2},
                {"number": 9, "name": "Laptop", "microphone": False},
            ],
            "on_join": {"mute_microphones": True, "open": [1]},
        }
    )
    states = profile.on_join.channel_states(profile.microphones())
    assert states == {1: True, 2: False}
    await mixer.set_channels_on(states)
    values = emulator.desk.values
    await wait_until(lambda: (values["/ch/01/mix/on"], values["/ch/02/mix/on"]) == (1, 0), 1.0)
    assert profile.name_overrides() == {1: "Chair", 9: "Laptop"}


def test_no_mixer_profile_needs_nothing_else() -> None:
    profile = MixerProfile()
    assert profile.driver is MixerDriver.NONE and not profile.has_mixer
    assert profile.on_join.mute_microphones and profile.on_leave.mute_microphones


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"driver": "x32"}, "needs a host"),
        ({"driver": "xair", "host": "h", "channels": [{"number": 17}]}, "1-16"),
        ({"driver": "x32", "host": "h", "channels": [{"number": 2}, {"number": 2}]}, "twice"),
        ({"driver": "x32", "host": "h", "volume": 3}, "Extra inputs"),
        ({"driver": "behringer"}, "driver"),
    ],
)
def test_bad_mixer_profiles_are_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        MixerProfile.model_validate(data)


def test_leave_state_can_leave_channels_alone() -> None:
    state = AudioStateProfile(mute=[4])
    assert state.channel_states([1, 2]) == {4: False}
