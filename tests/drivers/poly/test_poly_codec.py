"""PolyCodec against the telnet API emulator (echo + acknowledgement framing)."""

from __future__ import annotations

import pytest

from drivers.dialstring import InvalidDialString
from drivers.errors import DeviceCommandError
from drivers.roles.base import Availability
from drivers.roles.codec import CallState


async def test_call_with_notifications_dtmf_mute_stats(poly, emulator, until) -> None:
    await poly.wake()
    assert emulator.asleep is False
    emulator.loss_percent = 2.5
    await poly.dial("bridge@127.0.0.1", call_rate=768)
    assert 'dial manual 768 "bridge@127.0.0.1"' in emulator.commands_received
    await until(lambda: poly.call.value.state is CallState.CONNECTED)
    assert poly.call.value.far_end == "bridge" and poly.call.value.call_id == "43"
    await poly.send_dtmf("12#")
    assert emulator.dtmf_sent == ["1", "2", "#"]
    await poly.set_mic_muted(True)
    assert emulator.mic_muted and poly.mic_muted.value
    await until(lambda: poly.statistics.value is not None)
    stats = poly.statistics.value
    assert stats is not None and stats.loss_percent == 2.5 and stats.rx_kbps == 768
    assert poly.call.value.media_flowing
    await poly.hangup()
    await until(lambda: poly.call.value.state is CallState.IDLE)
    assert poly.statistics.value is None


async def test_rejected_call_ends_with_a_reason(poly, emulator, until) -> None:
    emulator.reject_numbers.add("busy@127.0.0.1")
    await poly.dial("busy@127.0.0.1")
    await until(lambda: poly.call.value.state is CallState.IDLE)
    assert poly.call.value.end_reason == "disconnected"


async def test_invalid_command_is_refused_although_echoed(poly, emulator) -> None:
    with pytest.raises(DeviceCommandError):
        await poly.send_dtmf("1")  # no call: the codec echoes, then says error


async def test_injection_never_reaches_the_telnet_session(poly, emulator) -> None:
    before = len(emulator.commands_received)
    with pytest.raises(InvalidDialString):
        await poly.dial('x"\r\nhangup all')
    assert len(emulator.commands_received) == before


async def test_mute_pressed_on_the_remote_reaches_us(poly, emulator, until) -> None:
    from drivers.poly.codec import PolyCodec

    other = PolyCodec("other", host="127.0.0.1", port=emulator.port)
    await other.start()
    try:
        await until(lambda: other.status.value.availability is Availability.ONLINE)
        await other.set_mic_muted(True)
        await until(lambda: poly.mic_muted.value is True)
    finally:
        await other.close()


async def test_reconnect_registers_again_and_resyncs_the_call(poly, emulator, until) -> None:
    await poly.dial("bridge@127.0.0.1")
    await until(lambda: poly.call.value.state is CallState.CONNECTED)
    await emulator.drop_sessions()
    await until(lambda: poly.status.value.availability is Availability.OFFLINE)
    await until(lambda: poly.status.value.availability is Availability.ONLINE)
    assert emulator.commands_received.count("notify callstatus") == 2
    assert poly.call.value.state is CallState.CONNECTED
    await poly.hangup()  # notifications flow on the new session
    await until(lambda: poly.call.value.state is CallState.IDLE)


async def test_incoming_call_answered(poly, emulator, until) -> None:
    emulator.ring_incoming("caller@127.0.0.1")
    await until(lambda: poly.call.value.state is CallState.INCOMING)
    assert poly.call.value.far_end == "caller"
    await poly.answer()
    await until(lambda: poly.call.value.state is CallState.CONNECTED)
    with pytest.raises(DeviceCommandError):
        await poly.answer()  # nothing rings any more: the codec says error
