"""CiscoCodec against the protocol-faithful xAPI terminal emulator."""

from __future__ import annotations

import pytest

from drivers.cisco.codec import CiscoCodec
from drivers.dialstring import InvalidDialString
from drivers.errors import DeviceCommandError, DeviceError
from drivers.roles.base import Availability
from drivers.roles.codec import CallDirection, CallState


async def test_session_registers_feedback(cisco, emulator) -> None:
    registrations = [c for c in emulator.commands_received if c.startswith("xFeedback register")]
    assert "xFeedback register /Status/Call" in registrations
    assert "xFeedback register /Event/CallDisconnect" in registrations


async def test_dial_connects_with_feedback_then_hangs_up(cisco, emulator, until) -> None:
    await cisco.wake()
    assert emulator.standby is False
    await cisco.dial("bridge@127.0.0.1", call_rate=768)
    assert 'xCommand Dial Number: "bridge@127.0.0.1" CallRate: 768' in emulator.commands_received
    await until(lambda: cisco.call.value.state is CallState.CONNECTED)
    info = cisco.call.value
    assert info.call_id == "1" and info.far_end == "bridge"
    assert info.direction is CallDirection.OUTGOING and info.connected_at is not None
    await cisco.hangup()
    await until(lambda: cisco.call.value.state is CallState.IDLE)
    assert cisco.call.value.end_reason == "Local disconnect"


async def test_dtmf_mute_and_camera_preset(cisco, emulator, until) -> None:
    await cisco.dial("bridge@127.0.0.1")
    await until(lambda: cisco.call.value.state is CallState.CONNECTED)
    await cisco.send_dtmf("1234#")
    assert emulator.dtmf_sent == ["1234#"]
    await cisco.set_mic_muted(True)
    assert emulator.mic_muted is True and cisco.mic_muted.value is True
    await cisco.set_mic_muted(False)
    await until(lambda: cisco.mic_muted.value is False)
    await cisco.activate_camera_preset(3)
    assert emulator.presets_activated == [3]
    with pytest.raises(DeviceCommandError):
        await cisco.activate_camera_preset(99)


async def test_mute_changed_on_the_codec_reaches_us(cisco, emulator, until) -> None:
    emulator._mute(True)  # someone pressed the touch panel's mute button
    await until(lambda: cisco.mic_muted.value is True)


async def test_statistics_from_media_channels(cisco, emulator, until) -> None:
    emulator.loss_percent = 10.0
    await cisco.dial("bridge@127.0.0.1")
    await until(lambda: cisco.statistics.value is not None)
    stats = cisco.statistics.value
    assert stats is not None and stats.rx_rate > 0 and stats.tx_rate > 0
    assert stats.loss_percent == pytest.approx(10.0)
    assert stats.jitter_ms == 4.0 and stats.rx_kbps == 64.0
    assert cisco.call.value.media_flowing
    await cisco.hangup()
    await until(lambda: cisco.statistics.value is None)


async def test_busy_far_end_gives_the_reason(cisco, emulator, until) -> None:
    emulator.reject_numbers.add("busy@127.0.0.1")
    await cisco.dial("busy@127.0.0.1")
    await until(lambda: cisco.call.value.state is CallState.IDLE and cisco.call.value.end_reason)
    assert cisco.call.value.end_reason == "Busy"


async def test_incoming_call_answer_and_reject(cisco, emulator, until) -> None:
    emulator.ring_incoming("caller@127.0.0.1")
    await until(lambda: cisco.call.value.state is CallState.INCOMING)
    assert cisco.call.value.direction is CallDirection.INCOMING
    await cisco.answer()
    await until(lambda: cisco.call.value.state is CallState.CONNECTED)
    await cisco.hangup()
    await until(lambda: not cisco.call.value.active)
    emulator.ring_incoming("caller@127.0.0.1")
    await until(lambda: cisco.call.value.state is CallState.INCOMING)
    await cisco.reject()
    await until(lambda: not cisco.call.value.active)


async def test_injection_is_refused_before_the_terminal(cisco, emulator) -> None:
    before = len(emulator.commands_received)
    with pytest.raises(InvalidDialString):
        await cisco.dial('x"\nxCommand SystemUnit Boot')
    with pytest.raises(InvalidDialString):
        await cisco.send_dtmf("1\n2")
    assert len(emulator.commands_received) == before


async def test_reconnect_registers_feedback_again(cisco, emulator, until) -> None:
    await emulator.drop_sessions()
    await until(lambda: cisco.status.value.availability is Availability.OFFLINE)
    await until(lambda: cisco.status.value.availability is Availability.ONLINE)
    registrations = [
        c for c in emulator.commands_received if c == "xFeedback register /Status/Call"
    ]
    assert len(registrations) == 2
    await cisco.dial("bridge@127.0.0.1")  # feedback still arrives on the new session
    await until(lambda: cisco.call.value.state is CallState.CONNECTED)


async def test_call_in_progress_is_picked_up_after_reconnect(cisco, emulator, until) -> None:
    await cisco.dial("bridge@127.0.0.1")
    await until(lambda: cisco.call.value.state is CallState.CONNECTED)
    await emulator.drop_sessions()
    await until(lambda: cisco.status.value.availability is Availability.OFFLINE)
    await until(lambda: cisco.status.value.availability is Availability.ONLINE)
    assert cisco.call.value.state is CallState.CONNECTED


async def test_codec_gone_is_offline() -> None:
    from drivers.baresip.process import free_port

    codec = CiscoCodec("gone", host="127.0.0.1", port=free_port())
    await codec.start()
    try:
        import asyncio

        async with asyncio.timeout(3):
            while codec.status.value.availability is not Availability.OFFLINE:
                await asyncio.sleep(0.01)
        with pytest.raises(DeviceError):
            await codec.dial("x@127.0.0.1")
    finally:
        await codec.close()


async def test_ssh_login_to_the_terminal(emulator, until) -> None:
    await emulator.start_ssh("admin", "s3cret")
    codec = CiscoCodec(
        "ssh", host="127.0.0.1", port=emulator.ssh_port, username="admin", password="s3cret"
    )
    await codec.start()
    try:
        await until(lambda: codec.status.value.availability is Availability.ONLINE, 10)
        await codec.dial("bridge@127.0.0.1")
        await until(lambda: codec.call.value.state is CallState.CONNECTED)
        await codec.hangup()
        await until(lambda: not codec.call.value.active)
    finally:
        await codec.close()


async def test_ssh_wrong_password_stays_offline_with_refused(emulator, until) -> None:
    from drivers.errors import Problem

    await emulator.start_ssh("admin", "s3cret")
    codec = CiscoCodec(
        "ssh", host="127.0.0.1", port=emulator.ssh_port, username="admin", password="wrong"
    )
    await codec.start()
    try:
        await until(lambda: codec.status.value.availability is Availability.OFFLINE, 10)
        await until(lambda: codec.status.value.problem is Problem.REFUSED, 10)
        assert "login refused" in codec.status.value.detail
    finally:
        await codec.close()


async def test_banner_ok_never_answers_a_command(cisco, emulator, until) -> None:
    # Regression: the login banner's OK answered the first command, so every later command
    # returned early and a mute feedback block reset a fresh dial to idle.
    await cisco.set_mic_muted(True)
    await cisco.dial("bridge@127.0.0.1")
    assert cisco.call.value.state is not CallState.IDLE
    await until(lambda: cisco.call.value.state is CallState.CONNECTED)


async def test_selfview_on_and_off(cisco, emulator) -> None:
    assert cisco.has_selfview
    await cisco.set_selfview(True)
    assert emulator.selfview is True and cisco.selfview.value is True
    await cisco.set_selfview(False)
    assert emulator.selfview is False and cisco.selfview.value is False
