"""RoomRuntime: a whole meeting through the runtime alone (no window, Qt-free), and its wiring.

The demo room is real emulators (two VISCA cameras, an X32 desk) and, with baresip installed,
a real SIP call to a local auto-answering baresip bridge.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from console_helpers import until

from console.config import RoomProfile
from console.config.codec import BridgeProfile, CallProfile
from console.config.models import PrecheckProfile
from console.demo import DemoSession, start_demo
from console.netprobe import PathTarget
from console.room import Room
from console.runtime import RoomRuntime
from console.services.demo_call import DEMO_JOIN_PRESET, DEMO_LEAVE_PRESET
from console.services.join import JoinPhase
from console.services.precheck_report import CheckKind, Verdict
from console.services.steps import JoinStep
from drivers.roles.codec import CallState
from drivers.x32.emulator import X32Emulator

MICROPHONES = (1, 2, 3)  # the demo desk's microphone channels (4 is the PC's sound)


def positions(session: DemoSession) -> list[tuple[int, int, int]]:
    """Where the emulated cameras point now (pan, tilt, zoom)."""
    found = []
    for emulator in session.emulators:
        at = emulator.cameras[0].position()
        found.append((at.pan, at.tilt, at.zoom))
    return found


def shot(session: DemoSession, number: int) -> tuple[int, int, int]:
    """The shot the emulated cameras store as preset ``number``."""
    stored = session.emulators[0].cameras[0].presets[number]
    return (stored.pan, stored.tilt, stored.zoom)


def microphones_open(desk: X32Emulator) -> list[bool]:
    """Each microphone channel's on switch at the emulated desk."""
    return [desk.desk.values[f"/ch/{n:02d}/mix/on"] == 1 for n in MICROPHONES]


async def test_a_whole_meeting_through_the_runtime_alone() -> None:
    session = await asyncio.wait_for(start_demo(start_room=False), 30)
    runtime = session.runtime()
    try:
        await runtime.start()
        assert await runtime.wait_until_online(20) == []
        desk = session.desk
        assert desk is not None and runtime.hot_mic is not None
        assert runtime.health is not None
        runtime.profile.precheck.probe_seconds = 1  # the bridge path probe: short here

        report = await asyncio.wait_for(runtime.precheck().run(), 60)
        verdicts = {item.kind: item.verdict for item in report.items}
        assert verdicts[CheckKind.CAMERA] is Verdict.PASS
        assert verdicts[CheckKind.MIXER] is Verdict.PASS
        assert verdicts[CheckKind.CODEC] is Verdict.PASS

        for camera_id in ("stage", "audience"):  # framed elsewhere before the meeting
            await asyncio.wait_for(runtime.recall_preset(camera_id, 1), 20)
        assert positions(session) == [shot(session, 1)] * 2
        assert shot(session, 1) != shot(session, DEMO_JOIN_PRESET)

        final = await asyncio.wait_for(runtime.join(), 60)
        assert final.phase is JoinPhase.IN_MEETING, final
        assert runtime.progress.value == final
        assert runtime.join_service().steps[:3] == (JoinStep.WAKE, JoinStep.CAMERAS, JoinStep.AUDIO)
        assert runtime.in_call and runtime.room.codec is not None
        assert runtime.room.codec.call.value.state is CallState.CONNECTED
        assert positions(session) == [shot(session, DEMO_JOIN_PRESET)] * 2
        # recalled through the preset books: the window's grid lights the joining shot
        assert [s.presets.active.value for s in runtime.room.cameras] == [DEMO_JOIN_PRESET] * 2
        await until(lambda: microphones_open(desk) == [False] * 3)  # the join state mutes them

        await asyncio.wait_for(runtime.recall_preset("stage", 2), 20)
        await asyncio.wait_for(runtime.recall_preset("audience", 2), 20)  # console-stored shot
        assert positions(session) == [shot(session, 2), (400, -50, 6000)]
        mixer = runtime.room.mixer
        assert mixer is not None
        await mixer.set_channels_on({1: True, 3: True})  # the operator opens two microphones
        await until(lambda: microphones_open(desk) == [True, False, True])
        await asyncio.wait_for(runtime.mute_all(), 10)
        await until(lambda: microphones_open(desk) == [False] * 3)
        await asyncio.wait_for(runtime.restore_microphones(), 10)
        await until(lambda: microphones_open(desk) == [True, False, True])

        assert await asyncio.wait_for(runtime.leave(), 30) == ()
        assert not runtime.in_call
        assert positions(session) == [shot(session, DEMO_LEAVE_PRESET)] * 2
        assert [s.presets.active.value for s in runtime.room.cameras] == [DEMO_LEAVE_PRESET] * 2
        await until(lambda: microphones_open(desk) == [False] * 3)  # the leave state
    finally:
        await asyncio.wait_for(runtime.close(), 30)


async def test_closing_with_leave_call_hangs_up_a_join_under_way() -> None:
    session = await asyncio.wait_for(start_demo(start_room=False), 30)
    runtime = session.runtime()
    try:
        await runtime.start()
        task = runtime.start_join()
        assert task is not None and runtime.start_join() is None  # one join at a time
        codec = runtime.room.codec
        assert codec is not None
        for _ in range(600):
            if codec.call.value.active or task.done():
                break
            await asyncio.sleep(0.05)
        assert codec.call.value.active
    finally:
        await asyncio.wait_for(runtime.close(leave_call=True), 30)
    assert not codec.call.value.active
    assert runtime.progress.value.phase in (JoinPhase.CANCELLED, JoinPhase.IN_MEETING)


def test_precheck_takes_preset_channel_and_path_from_the_profile() -> None:
    profile = RoomProfile(
        call=CallProfile(
            bridges=[
                BridgeProfile(id="main", name="Cầu tỉnh", dial_string="sip:1@10.0.0.5"),
                BridgeProfile(
                    id="union",
                    name="Công đoàn",
                    dial_string="sip:room@127.0.0.1:5070",
                    join_camera_preset=2,
                ),
            ]
        ),
        precheck=PrecheckProfile(lectern_channel=5, udp_echo_port=7007, probe_seconds=12),
    )
    runtime = RoomRuntime(Room(profile, profile_path=Path("/nonexistent/room.toml")))
    check = runtime.precheck("union")
    assert check.join_preset == 2
    assert check.lectern_channel == 5
    assert check.bridge_path == PathTarget(
        "127.0.0.1", 7007, sip_port=5070, tcp_port=5070, label="Công đoàn"
    )
    assert check.settings.probe.duration == 12
    assert check.disk_path == Path("/nonexistent")
    main = runtime.precheck()
    assert main.join_preset is None
    assert main.bridge_path is not None and main.bridge_path.host == "10.0.0.5"
    assert RoomRuntime(Room(RoomProfile())).precheck().bridge_path is None


async def test_leave_right_after_a_scheduled_join_started_dials_nothing() -> None:
    session = await asyncio.wait_for(start_demo(start_room=False), 30)
    runtime = session.runtime()
    try:
        await runtime.start()
        assert runtime.start_join() is not None  # as the schedule's auto-join does
        assert runtime.joining
        await runtime.leave()  # in this task, before the join task had its first turn
        await asyncio.sleep(0.5)
        assert not runtime.joining and not runtime.in_call
    finally:
        await asyncio.wait_for(runtime.close(), 30)
