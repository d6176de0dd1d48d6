"""The join service against real baresip calls on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging

import pytest

from console.config.codec import BridgeProfile, DtmfTiming, PinStore
from console.services.join import JoinBridge, JoinPhase, JoinProgress, StepTimeouts
from console.services.leave import leave_meeting
from console.services.steps import JoinStep, wait_for_value
from drivers.baresip.codec import BaresipCodec
from drivers.baresip.process import free_port
from drivers.errors import DeviceCommandError, Problem
from drivers.roles.codec import CallState

FAST = DtmfTiming(wait_after_connect=0.2, pause=0.1, between_id_and_pin=0.1)


def bridge_profile(uri: str, **changes: object) -> BridgeProfile:
    values: dict[str, object] = {
        "id": "main",
        "name": "Main bridge",
        "dial_string": uri,
        "dtmf": FAST,
    }
    values.update(changes)
    return BridgeProfile.model_validate(values)


async def within(awaitable, seconds: float = 20.0):
    return await asyncio.wait_for(awaitable, seconds)


def record(join: JoinBridge) -> list[JoinProgress]:
    seen: list[JoinProgress] = [join.progress.value]
    join.progress.subscribe(seen.append)
    return seen


async def test_join_types_id_and_pin_and_reaches_the_meeting(room, bridge, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    audio_calls: list[str] = []

    async def apply_audio() -> None:
        audio_calls.append("join")

    profile = bridge_profile(bridge.sip_uri, conference_id="1234,#", pin_required=True)
    join = JoinBridge(profile, room, apply_audio=apply_audio, pin_provider=lambda _: "97531#")
    seen = record(join)
    final = await within(join.run())

    assert final.phase is JoinPhase.IN_MEETING, final
    assert join.steps == (
        JoinStep.WAKE,
        JoinStep.AUDIO,
        JoinStep.DIAL,
        JoinStep.CONNECT,
        JoinStep.CONFERENCE,
        JoinStep.MEDIA,
    )
    running = [p.step for p in seen if p.phase is JoinPhase.JOINING]
    assert running == list(join.steps)
    assert [p.index for p in seen if p.phase is JoinPhase.JOINING] == [1, 2, 3, 4, 5, 6]
    assert audio_calls == ["join"]
    assert room.call.value.state is CallState.CONNECTED
    assert room.mic_muted.value is True  # join_muted defaults to on
    await within(wait_for_value(bridge.dtmf_received, lambda d: d == "1234#97531#"))
    assert "97531" not in caplog.text  # the PIN never reaches the log


async def test_bridge_rejecting_fails_at_connect_with_the_reason(room, far) -> None:
    async def reject_when_ringing() -> None:
        await wait_for_value(far.call, lambda i: i.state is CallState.INCOMING)
        await far.reject()

    rejecter = asyncio.create_task(reject_when_ringing())
    join = JoinBridge(bridge_profile(far.sip_uri), room)
    final = await within(join.run())
    await within(rejecter)
    assert final.phase is JoinPhase.FAILED
    assert final.step is JoinStep.CONNECT and final.index == 3
    assert final.problem is Problem.BUSY and "486" in final.detail


async def test_dead_bridge_fails_within_our_timeout_and_hangs_up(room) -> None:
    join = JoinBridge(
        bridge_profile(f"sip:nobody@127.0.0.1:{free_port()}"),
        room,
        timeouts=StepTimeouts(connect=1.5),
    )
    final = await within(join.run(), 10)  # baresip alone would take ~32 s
    assert final.phase is JoinPhase.FAILED
    assert final.step is JoinStep.CONNECT and final.problem is Problem.NOT_ANSWERING
    assert not room.call.value.active


async def test_offline_codec_fails_at_wake() -> None:
    codec = BaresipCodec("gone", ctrl=f"127.0.0.1:{free_port()}")
    await codec.start()
    try:
        join = JoinBridge(bridge_profile("sip:x@127.0.0.1"), codec, timeouts=StepTimeouts(wake=0.5))
        final = await within(join.run())
    finally:
        await codec.close()
    assert final.phase is JoinPhase.FAILED and final.step is JoinStep.WAKE
    assert final.problem is Problem.NOT_ANSWERING


async def test_missing_keyring_fails_at_conference_and_hangs_up(room, bridge) -> None:
    from keyring.backends import fail

    pins = PinStore(fail.Keyring())
    join = JoinBridge(
        bridge_profile(bridge.sip_uri, pin_required=True), room, pin_provider=pins.get
    )
    final = await within(join.run())
    assert final.phase is JoinPhase.FAILED and final.step is JoinStep.CONFERENCE
    assert final.problem is Problem.LIBRARY_MISSING
    assert not room.call.value.active
    await within(wait_for_value(bridge.call, lambda i: not i.active))


async def test_bridge_dropping_the_call_during_dtmf_names_the_step(room, bridge) -> None:
    slow = DtmfTiming(wait_after_connect=10)
    join = JoinBridge(bridge_profile(bridge.sip_uri, conference_id="1#", dtmf=slow), room)
    task = asyncio.create_task(join.run())
    await within(wait_for_value(join.progress, lambda p: p.step is JoinStep.CONFERENCE))
    await within(wait_for_value(bridge.call, lambda i: i.state is CallState.CONNECTED))
    await bridge.hangup()
    final = await within(task)
    assert final.phase is JoinPhase.FAILED and final.step is JoinStep.CONFERENCE
    assert bridge.dtmf_received.value == ""


async def test_failing_mixer_is_a_warning_not_a_failure(room, bridge) -> None:
    async def broken_mixer() -> None:
        raise DeviceCommandError("desk refused", problem=Problem.REFUSED)

    join = JoinBridge(bridge_profile(bridge.sip_uri), room, apply_audio=broken_mixer)
    final = await within(join.run())
    assert final.phase is JoinPhase.IN_MEETING
    assert [(w.step, w.problem) for w in final.warnings] == [(JoinStep.AUDIO, Problem.REFUSED)]


async def test_busy_codec_is_refused_at_dial(room, bridge) -> None:
    await room.dial(bridge.sip_uri)
    join = JoinBridge(bridge_profile(bridge.sip_uri), room)
    final = await within(join.run())
    assert final.phase is JoinPhase.FAILED and final.step is JoinStep.DIAL
    assert final.problem is Problem.BUSY
    assert room.call.value.active  # not ours to hang up


async def test_try_again_after_a_failure(room, far) -> None:
    join = JoinBridge(bridge_profile(far.sip_uri), room, timeouts=StepTimeouts(connect=1.0))
    first = await within(join.run())
    assert first.phase is JoinPhase.FAILED and first.step is JoinStep.CONNECT
    await within(wait_for_value(far.call, lambda i: not i.active))

    async def answer_when_ringing() -> None:
        await wait_for_value(far.call, lambda i: i.state is CallState.INCOMING)
        await far.answer()

    answerer = asyncio.create_task(answer_when_ringing())
    second = await within(join.run())
    await within(answerer)
    assert second.phase is JoinPhase.IN_MEETING


@pytest.mark.parametrize(
    "step",
    [
        JoinStep.WAKE,
        JoinStep.AUDIO,
        JoinStep.DIAL,
        JoinStep.CONNECT,
        JoinStep.CONFERENCE,
        JoinStep.MEDIA,
    ],
)
async def test_cancel_at_every_step_leaves_no_call(room, far, step: JoinStep) -> None:
    async def apply_audio() -> None:
        await asyncio.sleep(0)

    async def answer_when_ringing() -> None:
        await wait_for_value(far.call, lambda i: i.state is CallState.INCOMING)
        await far.answer()

    answerer = asyncio.create_task(answer_when_ringing())
    join = JoinBridge(
        bridge_profile(far.sip_uri, conference_id="55#"), room, apply_audio=apply_audio
    )

    def cancel_on_step(progress: JoinProgress) -> None:
        if progress.phase is JoinPhase.JOINING and progress.step is step:
            join.cancel()  # as the operator pressing Cancel the moment the step shows

    join.progress.subscribe(cancel_on_step)
    final = await within(join.run())
    answerer.cancel()
    assert final.phase is JoinPhase.CANCELLED and final.step is step
    assert not room.call.value.active
    await within(wait_for_value(far.call, lambda i: not i.active))


async def test_leave_hangs_up_and_mutes(room, bridge) -> None:
    join = JoinBridge(bridge_profile(bridge.sip_uri, join_muted=False), room)
    assert (await within(join.run())).phase is JoinPhase.IN_MEETING
    assert room.mic_muted.value is False
    left: list[str] = []

    async def leave_audio() -> None:
        left.append("leave")

    warnings = await within(leave_meeting(room, apply_audio=leave_audio))
    assert warnings == ()
    assert not room.call.value.active and room.mic_muted.value is True
    assert left == ["leave"]
    await within(wait_for_value(bridge.call, lambda i: not i.active))


async def test_jitsi_bridge_opens_the_browser_without_a_codec() -> None:
    opened: list[str] = []
    profile = BridgeProfile(
        id="jitsi", name="Jitsi", kind="jitsi", dial_string="https://meet.example.org/PhongHop"
    )
    join = JoinBridge(
        profile, None, display_name="Phòng họp 1", open_url=lambda url: opened.append(url) or True
    )
    assert join.steps == (JoinStep.BROWSER,)
    final = await within(join.run())
    assert final.phase is JoinPhase.IN_MEETING
    assert opened and opened[0].startswith("https://meet.example.org/PhongHop#")
