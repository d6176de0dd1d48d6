"""Audio panel on a real X32Mixer talking to the emulated desk over UDP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.config.mixer import MixerChannelProfile, MixerDriver, MixerProfile
from console.config.models import RoomProfile
from console.hotmic import HotMicGuard
from console.room import Room
from console.runtime import RoomRuntime
from console.services.audio_state import MuteAllMicrophones
from drivers.cisco.codec import CiscoCodec
from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.base import Availability
from drivers.roles.codec import CallState
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer
from tests.drivers.x32.conftest import FakeClock, RawClient
from ui.audio_panel import AudioPanel, ChannelStrip
from ui.i18n import switch_language

SHOWN = [1, 2, 4]
MICROPHONES = [1, 2]  # strip 4 is shown but is not a microphone (e.g. a guest laptop)


@dataclass
class Rig:
    emulator: X32Emulator
    mixer: X32Mixer
    guard: HotMicGuard
    clock: FakeClock
    panel: AudioPanel

    def strip(self, number: int) -> ChannelStrip:
        return next(s for s in self.panel.strips if s.number == number)


@pytest.fixture
async def rig(qtbot: QtBot) -> AsyncIterator[Rig]:
    emulator = X32Emulator("x32", auto_talker=None)
    await emulator.start("127.0.0.1:0")
    mixer = X32Mixer("Desk", "127.0.0.1", emulator.port, name_overrides={4: "Guest"})
    await mixer.start()
    clock = FakeClock()
    guard = HotMicGuard(mixer, MICROPHONES, clock=clock)
    guard.start()
    mute_all = MuteAllMicrophones(mixer, MICROPHONES)
    panel = AudioPanel(mixer, SHOWN, guard, microphones=MICROPHONES, mute_all=mute_all)
    qtbot.addWidget(panel)
    panel.show()
    try:
        await until(lambda: mixer.synced)
        yield Rig(emulator, mixer, guard, clock, panel)
    finally:
        panel.detach()  # qtbot closes (and may already have deleted) the widget itself
        guard.close()
        await mixer.close()
        await emulator.close()


async def test_strips_only_for_shown_channels_with_desk_and_profile_names(rig: Rig) -> None:
    assert [s.number for s in rig.panel.strips] == SHOWN
    await until(lambda: rig.strip(1).name_label.text() == "Chair")
    assert [s.name_label.text() for s in rig.panel.strips] == ["Chair", "Lectern", "Guest"]
    assert rig.strip(1).fader.value() == 750


async def test_mute_button_mutes_at_the_desk_and_turns_red(rig: Rig, qtbot: QtBot) -> None:
    button = rig.strip(2).mute_button
    assert button.property("state") == "open"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    await until(lambda: rig.emulator.desk.values["/ch/02/mix/on"] == 0)
    assert button.property("state") == "muted" and button.text() == "MUTED"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    await until(lambda: rig.emulator.desk.values["/ch/02/mix/on"] == 1)
    assert button.property("state") == "open"


async def test_changes_at_the_desk_show_up_in_the_panel(rig: Rig) -> None:
    other_app = RawClient(rig.emulator.port)
    try:
        other_app.send("/ch/02/mix/fader", 0.2)
        await until(lambda: rig.strip(2).fader.value() == 200, 2.0)
    finally:
        other_app.close()
    rig.emulator.change_at_desk("/ch/04/mix/on", 0)
    await until(lambda: rig.strip(4).mute_button.property("state") == "muted", 2.0)
    rig.emulator.change_at_desk("/main/st/mix/fader", 0.4)
    await until(lambda: rig.panel.main_fader.value() == 400, 2.0)
    assert rig.emulator.desk.values["/ch/02/mix/fader"] == pytest.approx(0.2)  # not echoed back


async def test_fader_and_main_volume_reach_the_desk(rig: Rig) -> None:
    rig.strip(1).fader.setValue(300)
    rig.panel.main_fader.setValue(550)
    values = rig.emulator.desk.values
    await until(lambda: values["/ch/01/mix/fader"] == pytest.approx(0.3))
    await until(lambda: values["/main/st/mix/fader"] == pytest.approx(0.55))


async def test_mute_all_microphones_touches_only_microphones(rig: Rig, qtbot: QtBot) -> None:
    values = rig.emulator.desk.values
    qtbot.mouseClick(rig.panel.mute_all_button, Qt.MouseButton.LeftButton)
    await until(lambda: [values[f"/ch/0{n}/mix/on"] for n in MICROPHONES] == [0, 0])
    await until(lambda: rig.panel.mute_all_button.property("allMuted") == "true")
    assert values["/ch/04/mix/on"] == 1 and values["/ch/03/mix/on"] == 1
    assert rig.strip(4).mute_button.property("state") == "open"


async def test_mute_all_twice_leaves_everything_muted(rig: Rig, qtbot: QtBot) -> None:
    values = rig.emulator.desk.values
    assert not rig.panel.mute_all_button.isCheckable()  # not a hidden toggle
    assert not rig.panel.restore_button.isEnabled()  # nothing to restore yet
    qtbot.mouseClick(rig.panel.mute_all_button, Qt.MouseButton.LeftButton)
    await until(lambda: [values[f"/ch/0{n}/mix/on"] for n in MICROPHONES] == [0, 0])
    await until(lambda: rig.panel.restore_button.isEnabled())
    qtbot.mouseClick(rig.panel.mute_all_button, Qt.MouseButton.LeftButton)  # "to be sure"
    await rig.mixer.refresh()
    await until(lambda: all(rig.strip(n).muted for n in MICROPHONES))
    assert [values[f"/ch/0{n}/mix/on"] for n in MICROPHONES] == [0, 0]
    assert rig.panel.mute_all_button.text() == "Mute all microphones"
    assert rig.panel.restore_button.isEnabled()  # the state before the first press is kept


async def test_restore_brings_back_exactly_the_state_before_mute_all(
    rig: Rig, qtbot: QtBot
) -> None:
    values = rig.emulator.desk.values
    qtbot.mouseClick(rig.strip(2).mute_button, Qt.MouseButton.LeftButton)  # muted on purpose
    await until(lambda: rig.strip(2).muted is True)
    for _ in range(2):
        qtbot.mouseClick(rig.panel.mute_all_button, Qt.MouseButton.LeftButton)
        await until(lambda: values["/ch/01/mix/on"] == 0)
    qtbot.mouseClick(rig.panel.restore_button, Qt.MouseButton.LeftButton)
    await until(lambda: values["/ch/01/mix/on"] == 1)
    await until(lambda: not rig.panel.restore_button.isEnabled())
    assert values["/ch/02/mix/on"] == 0  # stays muted: it was muted before "mute all"
    assert rig.strip(1).muted is False and rig.strip(2).muted is True


async def test_live_meter_follows_the_speaking_microphone(rig: Rig) -> None:
    rig.emulator.desk.speaking[2] = True
    await until(lambda: rig.strip(2).meter.level_db > -30.0)
    assert rig.strip(1).meter.level_db < -55.0
    assert rig.panel.meter_updates > 0


async def test_hot_mic_banner_appears_and_clears(rig: Rig, qtbot: QtBot) -> None:
    qtbot.mouseClick(rig.strip(1).mute_button, Qt.MouseButton.LeftButton)
    rig.emulator.desk.speaking[1] = True
    await until(lambda: rig.mixer.meters.value.level(1) > -40.0)
    rig.clock.advance(2.5)
    await until(lambda: rig.panel.banner.isVisible())
    assert rig.panel.banner.text() == (
        "Chair: speaking, but muted at the desk — the far end hears nothing"
    )
    qtbot.mouseClick(rig.strip(1).mute_button, Qt.MouseButton.LeftButton)
    await until(lambda: not rig.panel.banner.isVisible())


async def test_hot_mic_banner_offers_the_button_that_opens_the_desk_channel(
    rig: Rig, qtbot: QtBot, qapp: QApplication
) -> None:
    qtbot.mouseClick(rig.strip(2).mute_button, Qt.MouseButton.LeftButton)
    rig.emulator.desk.speaking[2] = True
    await until(lambda: rig.mixer.meters.value.level(2) > -40.0)
    rig.clock.advance(2.5)
    await until(lambda: rig.panel.banner.isVisible())
    fix = rig.panel.banner.fix_button
    assert fix.isVisible() and fix.text() == "Open Lectern at the desk"
    switch_language(qapp, "vi")  # switched while the warning shows: it follows
    try:
        assert rig.panel.banner.text() == (
            "Lectern: đang nói nhưng micro đang tắt ở bàn trộn — điểm cầu bên kia không nghe thấy"
        )
        assert fix.text() == "Bật micro Lectern ở bàn trộn"
        assert rig.panel.restore_button.text() == "Khôi phục micro"
    finally:
        switch_language(qapp, "en")
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    await until(lambda: rig.emulator.desk.values["/ch/02/mix/on"] == 1)
    await until(lambda: not rig.panel.banner.isVisible())
    assert rig.emulator.desk.values["/ch/01/mix/on"] == 1  # nothing else touched


@pytest.fixture
async def cisco() -> AsyncIterator[tuple[CiscoEmulator, CiscoCodec]]:
    emulator = CiscoEmulator()
    await emulator.start()
    codec = CiscoCodec("Codec", host="127.0.0.1", port=emulator.port)
    await codec.start()
    try:
        await until(lambda: codec.status.value.availability is Availability.ONLINE)
        yield emulator, codec
    finally:
        await codec.close()
        await emulator.close()


def runtime_for(mixer: X32Mixer, codec: CiscoCodec) -> RoomRuntime:
    """The room runtime over the test's desk and codec (devices started by the test)."""
    channels = [
        MixerChannelProfile(number=n, name=f"Ch {n}", microphone=n in MICROPHONES) for n in SHOWN
    ]
    mixer_profile = MixerProfile(driver=MixerDriver.X32, host="127.0.0.1", channels=channels)
    return RoomRuntime(Room(RoomProfile(mixer=mixer_profile), devices=[mixer, codec]))


async def test_a_meeting_starting_or_ending_forgets_what_to_restore(
    rig: Rig, qtbot: QtBot, cisco: tuple[CiscoEmulator, CiscoCodec]
) -> None:
    """Restore brings back the state before mute-all, not one from an earlier meeting."""
    codec = cisco[1]
    runtime = runtime_for(rig.mixer, codec)
    assert runtime.microphones is not None
    panel = AudioPanel(
        rig.mixer,
        SHOWN,
        rig.guard,
        microphones=MICROPHONES,
        codec=codec,
        mute_all=runtime.microphones,
    )
    qtbot.addWidget(panel)
    try:
        qtbot.mouseClick(panel.mute_all_button, Qt.MouseButton.LeftButton)
        await until(lambda: panel.restore_button.isEnabled())
        await codec.dial("bridge@127.0.0.1")
        await until(lambda: not panel.restore_button.isEnabled())
        assert panel.mute_all.saved.value is None
    finally:
        panel.detach()


async def test_hot_mic_banner_names_the_meetings_mute_and_unmutes_it(
    rig: Rig, qtbot: QtBot, cisco: tuple[CiscoEmulator, CiscoCodec]
) -> None:
    """The Chair strip shows MIC ON; the codec's mute is the cause, and the banner says so."""
    emulator, codec = cisco
    panel = AudioPanel(
        rig.mixer,
        SHOWN,
        rig.guard,
        microphones=MICROPHONES,
        codec=codec,
        mute_all=rig.panel.mute_all,
    )
    qtbot.addWidget(panel)
    panel.show()
    unsubscribe = codec.mic_muted.subscribe(rig.guard.set_codec_muted)
    try:
        await codec.dial("bridge@127.0.0.1")
        await until(lambda: codec.call.value.state is CallState.CONNECTED)
        rig.guard.set_in_call(True)
        await codec.set_mic_muted(True)
        rig.emulator.desk.speaking[1] = True
        await until(lambda: rig.mixer.meters.value.level(1) > -40.0)
        rig.clock.advance(2.5)
        await until(lambda: panel.banner.isVisible())
        assert rig.strip(1).mute_button.text() == "MIC ON"
        assert panel.banner.text() == (
            "Chair: speaking, but the room is muted in the meeting — the far end hears nothing"
        )
        assert panel.banner.fix_button.text() == "Unmute the room in the meeting"
        qtbot.mouseClick(panel.banner.fix_button, Qt.MouseButton.LeftButton)
        await until(lambda: not emulator.mic_muted)
        await until(lambda: not panel.banner.isVisible())
    finally:
        unsubscribe()
        panel.detach()


async def test_no_hot_mic_warning_outside_a_call(rig: Rig, qtbot: QtBot) -> None:
    rig.guard.set_in_call(False)
    qtbot.mouseClick(rig.strip(1).mute_button, Qt.MouseButton.LeftButton)
    rig.emulator.desk.speaking[1] = True
    await until(lambda: rig.mixer.meters.value.level(1) > -40.0)
    rig.clock.advance(5.0)
    await asyncio.sleep(0.3)
    assert not rig.panel.banner.isVisible()


async def test_offline_desk_disables_the_controls(rig: Rig) -> None:
    assert rig.strip(1).isEnabled() and not rig.panel.status_label.isVisible()
    rig.emulator.silent = True
    await until(lambda: not rig.strip(1).isEnabled(), 4.0)
    assert rig.panel.status_label.isVisible() and "Desk" in rig.panel.status_label.text()
    rig.emulator.silent = False
    await until(lambda: rig.strip(1).isEnabled(), 4.0)


async def test_screenshot(rig: Rig, tmp_path: Path) -> None:
    rig.emulator.desk.speaking[2] = True
    qt_mute = rig.strip(4).mute_button
    qt_mute.click()
    await until(lambda: rig.strip(2).meter.level_db > -30.0)
    await until(lambda: qt_mute.property("state") == "muted")
    rig.panel.resize(520, 460)
    target = os.environ.get("AUDIO_PANEL_SCREENSHOT", str(tmp_path / "audio-panel.png"))
    assert rig.panel.grab().save(target)
    assert _size(target) > 2000


def _size(path: str) -> int:
    return Path(path).stat().st_size
