"""``roomctl run``: the room without a window, as a real process a service manager stops."""

from __future__ import annotations

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
