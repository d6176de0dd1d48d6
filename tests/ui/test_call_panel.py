"""Call panel on a real CiscoCodec talking to the xAPI emulator on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.call_health import CallHealthMonitor, Health, HealthSample
from console.config.codec import BridgeProfile, DtmfTiming
from console.services.join import JoinBridge, JoinPhase, StepTimeouts
from console.services.leave import leave_meeting
from drivers.cisco.codec import CiscoCodec
from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.base import Availability
from drivers.roles.codec import CallState
from ui.call_panel import SETTLE_SECONDS, CallPanel, HealthGraph


@dataclass
class Rig:
    emulator: CiscoEmulator
    codec: CiscoCodec
    join: JoinBridge
    panel: CallPanel
    qtbot: QtBot

    def click(self, button: object) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]

    async def click_settled(self, button: object) -> None:
        """Click as an operator who reads the button first (not within a second of a change)."""
        await asyncio.sleep(SETTLE_SECONDS + 0.05)
        self.click(button)

    async def answer(self, text: str) -> None:
        """Press the button ``text`` of the open question."""
        await until(lambda: self.panel.dialog is not None and self.panel.dialog.isVisible())
        dialog = self.panel.dialog
        assert dialog is not None
        button = next(b for b in dialog.buttons() if b.text() == text)
        self.click(button)


@pytest.fixture
async def rig(qtbot: QtBot) -> AsyncIterator[Rig]:
    emulator = CiscoEmulator()
    await emulator.start()
    codec = CiscoCodec("Codec", host="127.0.0.1", port=emulator.port)
    await codec.start()
    bridge = BridgeProfile(
        id="main",
        name="Main bridge",
        dial_string="bridge@127.0.0.1",
        conference_id="77#",
        dtmf=DtmfTiming(wait_after_connect=0.05),
    )
    join = JoinBridge(bridge, codec, timeouts=StepTimeouts(connect=2.0))
    health = CallHealthMonitor(codec.statistics)
    panel = CallPanel(codec, join, leave=lambda: leave_meeting(codec), health=health)
    qtbot.addWidget(panel)
    panel.show()
    try:
        await until(lambda: codec.status.value.availability is Availability.ONLINE)
        yield Rig(emulator, codec, join, panel, qtbot)
    finally:
        panel.detach()
        health.close()
        await codec.close()
        await emulator.close()


async def test_join_shows_progress_then_the_meeting_then_leave(rig: Rig) -> None:
    panel = rig.panel
    assert panel.join_button.text() == "Join Main bridge"
    assert panel.state_label.text() == "Not in a meeting"
    steps_seen: list[str] = []
    rig.join.progress.subscribe(lambda p: steps_seen.append(panel.state_label.text()))
    rig.click(panel.join_button)
    await until(lambda: rig.join.progress.value.phase is JoinPhase.IN_MEETING)
    assert any(text.startswith("Joining: step 1 of 5") for text in steps_seen)
    assert panel.state_label.text().startswith("In meeting: Main bridge — 0:00:0")
    assert panel.join_button.text() == "Leave the meeting"
    assert panel.join_button.property("state") == "leave"
    assert rig.emulator.dtmf_sent == ["77#"]
    assert all(button.isEnabled() for button in panel.keypad.values())
    await rig.click_settled(panel.join_button)
    await rig.answer("Leave the meeting")
    await until(lambda: not rig.emulator.calls)
    await until(lambda: panel.join_button.text() == "Join Main bridge")
    assert panel.mic_button.text() == "Microphones (not in a meeting)"


async def test_failure_names_the_step_and_try_again_works(rig: Rig) -> None:
    rig.emulator.reject_numbers.add("bridge@127.0.0.1")
    rig.click(rig.panel.join_button)
    await until(lambda: rig.join.progress.value.phase is JoinPhase.FAILED)
    await until(lambda: rig.panel.retry_button.isVisible())
    assert "step 3" in rig.panel.failed_label.text()
    assert "waiting for the bridge to answer" in rig.panel.failed_label.text()
    rig.emulator.reject_numbers.clear()
    rig.click(rig.panel.retry_button)
    await until(lambda: rig.join.progress.value.phase is JoinPhase.IN_MEETING)
    assert not rig.panel.retry_button.isVisible()


async def test_cancel_while_joining(rig: Rig) -> None:
    rig.emulator.unanswered_numbers.add("bridge@127.0.0.1")
    rig.click(rig.panel.join_button)
    await until(lambda: rig.codec.call.value.state is CallState.RINGING)
    assert rig.panel.join_button.text() == "Cancel"
    await rig.click_settled(rig.panel.join_button)
    await until(lambda: rig.join.progress.value.phase is JoinPhase.CANCELLED)
    await until(lambda: not rig.emulator.calls)
    assert rig.panel.join_button.text() == "Join Main bridge"


async def test_double_click_on_join_does_not_cancel(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, "ui.call_panel")
    rig.emulator.unanswered_numbers.add("bridge@127.0.0.1")
    rig.click(rig.panel.join_button)
    rig.click(rig.panel.join_button)  # the second half of a double click
    await until(lambda: rig.panel.join_button.text() == "Cancel")
    rig.click(rig.panel.join_button)  # a press under the pointer just after Join became Cancel
    await until(lambda: rig.codec.call.value.state is CallState.RINGING)
    await asyncio.sleep(0.3)
    assert rig.join.progress.value.phase is JoinPhase.JOINING  # still joining: not cancelled
    assert "press ignored" in caplog.text
    await rig.click_settled(rig.panel.join_button)  # a deliberate Cancel still works
    await until(lambda: rig.join.progress.value.phase is JoinPhase.CANCELLED)


async def test_a_press_just_after_joining_does_not_leave(rig: Rig) -> None:
    rig.click(rig.panel.join_button)
    await until(lambda: rig.panel.join_button.property("state") == "leave")
    rig.click(rig.panel.join_button)  # aimed at "Cancel" a moment ago
    await asyncio.sleep(0.2)
    assert rig.panel.dialog is None and rig.codec.call.value.active


async def test_leave_asks_first_and_stay_keeps_the_call(rig: Rig) -> None:
    rig.click(rig.panel.join_button)
    await until(lambda: rig.join.progress.value.phase is JoinPhase.IN_MEETING)
    await rig.click_settled(rig.panel.join_button)
    dialog = rig.panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.defaultButton().text() == "Stay"  # Enter keeps the call
    assert "Main bridge" in dialog.text()  # the bridge's name, not its SIP address
    await asyncio.sleep(0.3)
    assert rig.emulator.calls  # asking hangs nothing up
    await rig.answer("Stay")
    await until(lambda: rig.panel.dialog is None)
    await asyncio.sleep(0.3)
    assert rig.emulator.calls and rig.codec.call.value.state is CallState.CONNECTED


async def test_the_question_goes_away_when_the_far_end_hangs_up(rig: Rig) -> None:
    rig.click(rig.panel.join_button)
    await until(lambda: rig.join.progress.value.phase is JoinPhase.IN_MEETING)
    await rig.click_settled(rig.panel.join_button)
    assert rig.panel.dialog is not None
    await rig.codec.hangup()
    await until(lambda: rig.panel.dialog is None)


async def test_mic_button_tells_the_same_story_before_and_after_a_meeting(rig: Rig) -> None:
    before = rig.panel.mic_button.text()
    assert before == "Microphones (not in a meeting)" and not rig.panel.mic_button.isEnabled()
    await rig.codec.dial("bridge@127.0.0.1")
    await until(lambda: rig.panel.mic_button.isEnabled())
    await rig.codec.set_mic_muted(True)
    await until(lambda: rig.panel.mic_button.text() == "Microphones muted")
    await rig.codec.hangup()
    await until(lambda: not rig.panel.mic_button.isEnabled())
    assert rig.panel.mic_button.text() == before


async def test_mic_toggle_is_red_when_muted(rig: Rig) -> None:
    await rig.codec.dial("bridge@127.0.0.1")
    await until(lambda: rig.panel.mic_button.isEnabled())
    rig.click(rig.panel.mic_button)
    await until(lambda: rig.emulator.mic_muted)
    await until(lambda: rig.panel.mic_button.property("muted") == "true")
    assert rig.panel.mic_button.text() == "Microphones muted"
    rig.click(rig.panel.mic_button)
    await until(lambda: rig.panel.mic_button.property("muted") == "false")
    assert not rig.emulator.mic_muted


async def test_keypad_sends_tones_only_in_a_call(rig: Rig) -> None:
    assert not rig.panel.keypad["5"].isEnabled()
    await rig.codec.dial("bridge@127.0.0.1")
    await until(lambda: rig.panel.keypad["5"].isEnabled())
    assert rig.panel.keypad_echo.text() == "Sent: nothing yet"
    rig.click(rig.panel.keypad["5"])
    rig.click(rig.panel.keypad["#"])
    await until(lambda: rig.emulator.dtmf_sent == ["5", "#"])
    await until(lambda: rig.panel.keypad_echo.text() == "Sent: 5#")  # the operator sees them
    await rig.codec.hangup()
    await until(lambda: rig.panel.keypad_echo.text() == "Sent: nothing yet")


async def test_incoming_call_prompt(rig: Rig) -> None:
    assert not rig.panel.incoming.isVisible()
    rig.emulator.ring_incoming("caller@127.0.0.1")
    await until(lambda: rig.panel.incoming.isVisible())
    assert "caller" in rig.panel.incoming_label.text()
    rig.click(rig.panel.answer_button)
    await until(lambda: rig.codec.call.value.state is CallState.CONNECTED)
    assert not rig.panel.incoming.isVisible()
    await until(lambda: rig.panel.state_label.text().startswith("In meeting with caller — "))


async def test_health_light_banner_and_graph(rig: Rig) -> None:
    rig.emulator.loss_percent = 10.0
    rig.click(rig.panel.join_button)
    await until(lambda: rig.panel.health_banner.isVisible())
    assert rig.panel.health_label.text() == "Call quality: poor"
    assert "being lost" in rig.panel.health_banner.text()
    await until(lambda: len(rig.panel.health_graph.samples) >= 2)
    rig.emulator.loss_percent = 0.0
    await until(lambda: rig.panel.health_label.text() == "Call quality: good")
    assert not rig.panel.health_banner.isVisible()


async def test_selfview_button_drives_the_codec(rig: Rig) -> None:
    button = rig.panel.selfview_button
    assert button.isVisible()  # a Cisco codec has self-view
    rig.click(button)
    await until(lambda: rig.emulator.selfview is True)
    assert button.isChecked()
    rig.click(button)
    await until(lambda: rig.emulator.selfview is False)
    assert not button.isChecked()


def test_health_graph_says_what_it_shows(qtbot: QtBot) -> None:
    graph = HealthGraph()
    qtbot.addWidget(graph)
    assert graph.caption() == "Loss, last minute"  # before the first sample
    sample = HealthSample(0.0, Health.FAIR, (), loss_percent=2.5, jitter_ms=31.6, rtt_ms=40.0)
    graph.set_samples([sample])
    assert graph.caption() == "Loss, last minute: 2.5 % · jitter 32 ms"
    graph.resize(240, 40)
    picture = graph.grab().toImage()
    caption_area = {picture.pixel(x, y) for x in range(6, 120) for y in range(3, 15)}
    assert len(caption_area) > 2  # the caption is drawn, not just the background
