"""``roomctl run``: the room without a window, as a real process a service manager stops."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import time
from pathlib import Path

from console_helpers import until
from room_rig import JOIN_SHOT, LEAVE_SHOT, read_until, room_rig, start_roomctl, stop_roomctl

from drivers.roles.codec import CallState


def log_text(state: Path) -> str:
    """The console's log file (the usual place under XDG_STATE_HOME); empty until written."""
    files = list(state.rglob("roomconsole.log"))
    return files[0].read_text(encoding="utf-8") if files else ""


async def test_run_joins_on_schedule_and_sigterm_leaves_the_call_and_exits_0(
    tmp_path: Path,
) -> None:
    async with room_rig() as rig:
        rig.auto_join_now()  # a meeting with auto-join starts in a minute: joined at once
        config = rig.write(tmp_path / "room.toml")
        state = tmp_path / "state"  # the usual log folder lives under XDG_STATE_HOME
        process = await start_roomctl(
            "run", "--config", str(config), env={"XDG_STATE_HOME": str(state)}
        )
        out = ""
        try:
            out = await read_until(process, "running Phòng thử", 30)
            await until(lambda: "joined Cầu tỉnh" in log_text(state), 60, "in the meeting")
            assert rig.bridge.call.value.state is CallState.CONNECTED
            assert rig.camera_at() == JOIN_SHOT
            await until(lambda: rig.microphones_open() == [False, False, False])
        finally:
            out += await stop_roomctl(process)  # SIGTERM in the middle of the call
        assert process.returncode == 0, out
        assert "stopped" in out
        await until(lambda: not rig.bridge.call.value.active, 10, "the call left")
        assert rig.camera_at() == LEAVE_SHOT
        log = log_text(state)
        assert "schedule: auto_join for now" in log
        assert "stopping: leaving any call" in log


SPEED = 60.0  # one second of the test is a minute of the schedule


def schedule_lines(log: str) -> list[str]:
    """The schedule's and the join's lines of the log, in order, without their time stamps."""
    keep = re.compile(r"schedule: |pre-meeting check: |joined |stopping|left the meeting")
    return [line.split(": ", 1)[1] for line in log.splitlines() if keep.search(line)]


async def test_run_lives_through_ten_minutes_of_schedule_at_a_fast_clock(tmp_path: Path) -> None:
    async with room_rig() as rig:
        # reminder at +1 min, check at +2, join prompt at +4, joined at +5; SIGTERM after +10
        rig.schedule_meeting(
            dt.timedelta(minutes=5),
            reminder_minutes=4,
            precheck_minutes=3,
            join_prompt_minutes=1,
            auto_join_minutes=0,
        )
        rig.profile.precheck.probe_seconds = 1
        config = rig.write(tmp_path / "room.toml")
        state = tmp_path / "state"
        process = await start_roomctl(
            "run",
            "--config",
            str(config),
            f"--clock-speed={SPEED:g}",
            env={"XDG_STATE_HOME": str(state)},
        )
        out = ""
        try:
            out = await read_until(process, "running Phòng thử", 30)
            started = time.monotonic()
            await until(lambda: "joined Cầu tỉnh" in log_text(state), 30, "in the meeting")
            assert time.monotonic() - started >= 4 * 60 / SPEED  # not before its time
            await asyncio.sleep(max(0.0, started + 10 * 60 / SPEED - time.monotonic()))
            assert process.returncode is None  # alive after ten minutes of schedule
            assert rig.bridge.call.value.state is CallState.CONNECTED
            assert rig.camera_at() == JOIN_SHOT
        finally:
            out += await stop_roomctl(process)
        assert process.returncode == 0, out
        await until(lambda: not rig.bridge.call.value.active, 10, "the call left")
        assert rig.camera_at() == LEAVE_SHOT
        lines = schedule_lines(log_text(state))
        kinds = [
            line.split()[1] for line in lines if line.startswith("schedule: ") and " for " in line
        ]
        assert kinds == ["reminder", "precheck", "join_prompt", "auto_join"], lines
        assert any(line.startswith("pre-meeting check: ") for line in lines), lines
        assert lines[-2:] == [
            "stopping: leaving any call, then closing the devices",
            "left the meeting (0 warnings)",
        ], lines
        report = json.loads(next(state.rglob("last-precheck.json")).read_text(encoding="utf-8"))
        assert report["items"], report


async def test_run_with_a_broken_profile_says_why_and_exits_4(tmp_path: Path) -> None:
    broken = tmp_path / "room.toml"
    broken.write_text("[[cameras]]\nid = 'stage'\n", encoding="utf-8")  # no name, no driver
    process = await start_roomctl("run", "--config", str(broken))
    try:
        output, _ = await asyncio.wait_for(process.communicate(), 30)
    finally:
        await stop_roomctl(process)
    out = output.decode()
    assert process.returncode == 4, out
    assert "error: profile:" in out and "room.toml" in out
