"""Real SIP calls between two baresip processes on 127.0.0.1."""

from __future__ import annotations

import asyncio

import pytest

from drivers.baresip.codec import OFFLINE_REASON, BaresipCodec
from drivers.baresip.process import BaresipProcess, BaresipSettings, free_port
from drivers.dialstring import InvalidDialString
from drivers.errors import DeviceCommandError, Problem
from drivers.roles.base import Availability
from drivers.roles.codec import CallDirection, CallState


async def test_call_dtmf_mute_statistics_and_hangup(room, bridge, wait) -> None:
    await room.dial(bridge.sip_uri)
    await wait(lambda: room.call.value.state is CallState.CONNECTED)
    info = room.call.value
    assert info.call_id and info.direction is CallDirection.OUTGOING
    assert "bridge@127.0.0.1" in info.far_end and info.connected_at is not None
    await wait(lambda: bridge.call.value.state is CallState.CONNECTED)
    await wait(lambda: room.call.value.media_flowing)

    await room.send_dtmf("1234#")
    await wait(lambda: bridge.dtmf_received.value == "1234#")
    await room.set_mic_muted(True)
    assert room.mic_muted.value is True
    await room.set_mic_muted(True)  # idempotent although baresip's "mute" toggles
    await room.set_mic_muted(False)
    assert room.mic_muted.value is False

    await wait(lambda: room.statistics.value is not None, timeout=15)
    stats = room.statistics.value
    assert stats is not None and stats.tx_rate > 10 and stats.loss_percent < 6

    await room.hangup()
    await wait(lambda: room.call.value.state is CallState.IDLE)
    await wait(lambda: bridge.call.value.state is CallState.IDLE)
    assert room.statistics.value is None


async def test_join_muted_applies_to_the_new_call(room, bridge, wait) -> None:
    await room.set_mic_muted(True)
    await room.dial(bridge.sip_uri)
    await wait(lambda: room.call.value.state is CallState.CONNECTED)
    await wait(lambda: room._call_muted)  # baresip answered "call muted"
    await room.hangup()
    await wait(lambda: not room.call.value.active)


async def test_far_end_rejecting_gives_the_reason(room, manual_bridge, wait) -> None:
    await room.dial(manual_bridge.sip_uri)
    await wait(lambda: manual_bridge.call.value.state is CallState.INCOMING)
    assert "room@127.0.0.1" in manual_bridge.call.value.far_end
    await manual_bridge.reject()
    await wait(lambda: room.call.value.state is CallState.IDLE)
    assert "486" in room.call.value.end_reason


async def test_incoming_call_can_be_answered(room, manual_bridge, wait) -> None:
    await room.dial(manual_bridge.sip_uri)
    await wait(lambda: manual_bridge.call.value.state is CallState.INCOMING)
    await wait(lambda: room.call.value.state is CallState.RINGING)
    await manual_bridge.answer()
    await wait(lambda: room.call.value.state is CallState.CONNECTED)
    await manual_bridge.hangup()
    await wait(lambda: room.call.value.state is CallState.IDLE)


async def test_dial_while_in_call_is_refused(room, bridge, wait) -> None:
    await room.dial(bridge.sip_uri)
    with pytest.raises(DeviceCommandError):
        await room.dial(bridge.sip_uri)
    await room.hangup()
    await wait(lambda: not room.call.value.active)


async def test_injection_never_reaches_baresip(room) -> None:
    with pytest.raises(InvalidDialString):
        await room.dial("sip:x@127.0.0.1\nquit")
    with pytest.raises(InvalidDialString):
        await room.send_dtmf('1"')
    assert room.call.value.state is CallState.IDLE


async def test_dead_address_can_be_hung_up_early(room, wait) -> None:
    await room.dial(f"sip:nobody@127.0.0.1:{free_port()}")
    await asyncio.sleep(0.3)
    await room.hangup()
    await wait(lambda: room.call.value.state is CallState.IDLE)


async def test_killed_process_goes_offline_then_recovers(room, bridge, wait) -> None:
    await room.dial(bridge.sip_uri)
    await wait(lambda: room.call.value.state is CallState.CONNECTED)
    assert room.process is not None
    old_pid = room.process.pid
    await room.process.kill()
    await wait(lambda: room.status.value.availability is Availability.OFFLINE)
    assert room.call.value.state is CallState.IDLE
    assert room.call.value.end_reason == OFFLINE_REASON
    await wait(lambda: room.status.value.availability is Availability.ONLINE, timeout=10)
    assert room.process.pid != old_pid and room.process.restarts == 1
    # the restarted codec places calls again
    await bridge.hangup()  # the far end only notices the dead peer much later
    await wait(lambda: not bridge.call.value.active)
    await room.dial(bridge.sip_uri)
    await wait(lambda: room.call.value.state is CallState.CONNECTED)
    await room.hangup()


async def test_attach_to_a_running_baresip(bridge, wait) -> None:
    sip = free_port(span=2)
    settings = BaresipSettings(sip, free_port((sip, sip + 1)), "other")
    running = BaresipProcess("someone-elses", settings)  # started outside our codec
    await running.start()
    attached = BaresipCodec("attached", ctrl=f"127.0.0.1:{settings.ctrl_port}")
    try:
        await attached.start()
        await wait(lambda: attached.status.value.availability is Availability.ONLINE)
        assert attached.process is None
        await attached.dial(bridge.sip_uri)
        await wait(lambda: attached.call.value.state is CallState.CONNECTED)
        await attached.close()
        assert running.pid is not None  # attaching never stops someone else's baresip
    finally:
        await attached.close()
        await running.close()


async def test_baresip_has_no_selfview_and_says_so(room) -> None:
    assert not room.has_selfview
    with pytest.raises(DeviceCommandError) as caught:
        await room.set_selfview(True)
    assert caught.value.problem is Problem.NOT_EXECUTABLE
