"""``roomctl call`` and ``roomctl emulate codec`` as real processes against the emulators."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from console_helpers import until
from room_rig import (
    CONFERENCE_ID,
    JOIN_SHOT,
    LEAVE_SHOT,
    read_until,
    room_rig,
    start_roomctl,
    stop_roomctl,
)

from drivers.cisco.emulator import CiscoEmulator
from drivers.roles.codec import CallState

JOIN_BUTTON_STEPS = ("wake", "cameras", "audio", "dial", "connect", "conference", "media")


async def roomctl(*args: str, timeout: float = 20.0) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "console.cli",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), timeout)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, output.decode()


def profile(tmp_path: Path, port: int) -> Path:
    path = tmp_path / "room.toml"
    path.write_text(
        f"""
[call.codec]
driver = "cisco-xapi"
host = "127.0.0.1"
port = {port}

[[call.bridges]]
id = "main"
name = "Main bridge"
dial_string = "bridge@127.0.0.1"
conference_id = "4321#"

[call.bridges.dtmf]
wait_after_connect = 0.1
"""
    )
    return path


async def test_join_status_leave_against_the_cisco_emulator(tmp_path: Path) -> None:
    emulator = CiscoEmulator()
    await emulator.start()
    try:
        config = str(profile(tmp_path, emulator.port))
        code, out = await roomctl("call", "--config", config, "join")
        assert code == 0, out
        assert "[1/5] wake" in out and "in_meeting" in out
        assert emulator.dtmf_sent == ["4321#"]
        assert [c.status for c in emulator.calls.values()] == ["Connected"]
        code, out = await roomctl("call", "--config", config, "status")
        assert code == 0 and "call: connected" in out and "far end: bridge" in out
        code, out = await roomctl("call", "--config", config, "leave")
        assert code == 0, out
        assert emulator.calls == {} and emulator.mic_muted
    finally:
        await emulator.close()


async def test_join_runs_the_join_buttons_steps_and_sigterm_leaves(tmp_path: Path) -> None:
    async with room_rig() as rig:
        config = str(rig.write(tmp_path / "room.toml"))
        process = await start_roomctl("call", "--config", config, "join")
        out = ""
        try:
            out = await read_until(process, "Ctrl+C leaves", 60)
            for index, step in enumerate(JOIN_BUTTON_STEPS, start=1):
                assert f"[{index}/7] {step}" in out, out
            assert "in_meeting" in out
            assert "before: desk Bàn trộn âm thanh: microphones 1 open, 2 open, 3 open" in out
            assert "joined: camera Sân khấu: preset 1 (pan -600, tilt 120, zoom 9000)" in out
            assert "joined: desk Bàn trộn âm thanh: microphones 1 muted, 2 muted, 3 muted" in out
            assert rig.camera_at() == JOIN_SHOT  # the joining shot, as the Join button does
            assert rig.microphones_open() == [False, False, False]  # the join audio state
            assert rig.bridge.call.value.state is CallState.CONNECTED
            await until(lambda: rig.bridge.dtmf_received.value == CONFERENCE_ID)
        finally:
            out += await stop_roomctl(process)
        assert process.returncode == 0, out
        assert "left the meeting" in out
        await until(lambda: not rig.bridge.call.value.active, timeout=10)
        assert rig.camera_at() == LEAVE_SHOT  # the leaving shot, as the Leave button does


async def test_sigterm_while_joining_hangs_up_and_says_interrupted(tmp_path: Path) -> None:
    async with room_rig(answermode="manual") as rig:  # the bridge rings and never answers
        config = str(rig.write(tmp_path / "room.toml"))
        process = await start_roomctl("call", "--config", config, "join")
        out = ""
        try:
            out = await read_until(process, "[5/7] connect", 60)
            await until(lambda: rig.bridge.call.value.state is CallState.INCOMING, 10, "ringing")
        finally:
            out += await stop_roomctl(process)
        assert process.returncode == 130, out
        assert "interrupted" in out
        await until(lambda: not rig.bridge.call.value.active, 10, "hung up")


async def test_join_failure_exit_code(tmp_path: Path) -> None:
    emulator = CiscoEmulator()
    emulator.reject_numbers.add("bridge@127.0.0.1")
    await emulator.start()
    try:
        code, out = await roomctl("call", "--config", str(profile(tmp_path, emulator.port)), "join")
        assert code == 14 and "failed at step 3 (connect)" in out  # 14: the connect step
    finally:
        await emulator.close()


async def test_bad_profile_exit_code(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[call]\nbridges = [{id = "x", name = "X", dial_string = "a\\nb"}]\n')
    code, out = await roomctl("call", "--config", str(path), "status")
    assert code == 4 and "profile" in out


async def test_emulate_codec_poly_serves_until_terminated() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "console.cli",
        "emulate",
        "codec",
        "poly",
        "--listen",
        "127.0.0.1:0",
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 10)).decode()
        assert "ready: connect to 127.0.0.1:" in line
        port = int(line.rsplit(":", 1)[1])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"mute near get\r\n")
        data = b""
        async with asyncio.timeout(5):
            while b"mute near off\r\n" not in data:
                data += await reader.read(1024)
        assert b"mute near get\n\r" in data  # the echo comes first
        writer.close()
        await writer.wait_closed()
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 10)
    assert process.returncode == 0
