"""`roomctl camera` end to end against `roomctl emulate camera`: real processes, sockets, ptys."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from console_helpers import ENDPOINT, REPO, roomctl_command, stop_process

from console.cli import main


def start_emulator(*args: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        roomctl_command("emulate", "camera", *args),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 10
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if match := ENDPOINT.search(line):
            return process, match.group(1)
    stop_process(process)
    raise AssertionError(f"emulator printed no endpoint: {seen}")


def camera(port: str, *args: str, timeout: str = "5") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        roomctl_command("camera", "--port", port, "--timeout", timeout, *args),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def tcp_emulator() -> Iterator[str]:
    process, endpoint = start_emulator("--listen", "tcp:127.0.0.1:0")
    yield endpoint
    stop_process(process)


@pytest.fixture
def pty_pair(tmp_path: Path) -> Iterator[tuple[str, str]]:
    a, b = tmp_path / "ttyA", tmp_path / "ttyB"
    socat = subprocess.Popen(
        ["socat", "-d", "-d", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 5
    while not (a.exists() and b.exists()):
        assert time.monotonic() < deadline, "socat made no pty pair"
        time.sleep(0.02)
    yield str(a), str(b)
    stop_process(socat)


def test_power_and_inquiry_over_tcp(tcp_emulator: str) -> None:
    on = camera(tcp_emulator, "power", "on")
    assert on.returncode == 0, on.stdout + on.stderr
    assert "accepted" in on.stdout and "done" in on.stdout
    power = camera(tcp_emulator, "inquire", "power")
    assert power.returncode == 0
    assert "power: on" in power.stdout


def test_goto_negative_position_and_read_back(tcp_emulator: str) -> None:
    moved = camera(tcp_emulator, "-v", "goto", "-100", "50", "--pan-speed", "24")
    assert moved.returncode == 0, moved.stdout
    # -100 is two's complement FF9C, nibble-coded 0F 0F 09 0C; pan speed 24 is 18h
    assert "-> 81 01 06 02 18 0A 0F 0F 09 0C 00 00 03 02 FF" in moved.stdout
    assert "<- 90 4" in moved.stdout
    where = camera(tcp_emulator, "inquire", "position")
    assert "pan -100, tilt 50" in where.stdout


def test_move_for_then_stop(tcp_emulator: str) -> None:
    result = camera(tcp_emulator, "-v", "move", "left", "--for", "0.2")
    assert result.returncode == 0, result.stdout
    assert "-> 81 01 06 01 0C 0A 01 03 FF" in result.stdout
    assert "-> 81 01 06 01 0C 0A 03 03 FF" in result.stdout  # the stop


def in_process(capsys: pytest.CaptureFixture[str], port: str, *args: str) -> tuple[int, str]:
    """Run roomctl camera in this process (same code path, without a Python start-up each)."""
    code = main(["camera", "--port", port, "--timeout", "5", *args])
    return code, capsys.readouterr().out


def test_zoom_preset_and_modes(tcp_emulator: str, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ("zoom-to", "1000"),
        ("preset", "set", "2"),
        ("zoom", "wide", "--speed", "7"),
        ("zoom", "stop"),
        ("preset", "recall", "2"),
        ("preset", "reset", "2"),
        ("wb", "one-push"),
        ("backlight", "on"),
        ("exposure", "manual"),
        ("focus", "one-push"),
        ("home",),
        ("stop",),
    ):
        code, out = in_process(capsys, tcp_emulator, *args)
        assert code == 0, (args, out)
        assert "done" in out
    assert "zoom: 1000" in in_process(capsys, tcp_emulator, "inquire", "zoom")[1]


def test_error_reply_exits_one(tcp_emulator: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert in_process(capsys, tcp_emulator, "focus", "auto")[0] == 0
    code, out = in_process(capsys, tcp_emulator, "focus", "far")  # Sony: refused in auto focus
    assert code == 1
    assert "not executable" in out


def test_version_inquiry_words(tcp_emulator: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = in_process(capsys, tcp_emulator, "inquire", "version")
    assert code == 0
    assert "vendor" in out and "socket(s)" in out


def test_preset_beyond_byte_is_a_usage_error(
    tcp_emulator: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = in_process(capsys, tcp_emulator, "preset", "recall", "300")
    assert code == 2
    assert "preset number 300" in out


def test_timeout_exits_three() -> None:
    # raw UDP to a port where nobody listens: sent fine, never answered
    result = camera("udp:127.0.0.1:9", "inquire", "power", timeout="0.5")
    assert result.returncode == 3
    assert "no answer" in result.stdout


def test_refused_connection_exits_three(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["camera", "--port", "tcp:127.0.0.1:9", "--timeout", "0.5", "home"])
    assert code == 3
    assert "cannot open tcp:127.0.0.1:9" in capsys.readouterr().out


def test_serial_chain_over_socat_pty(
    pty_pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    camera_end, console_end = pty_pair
    process, _ = start_emulator("--listen", f"serial:{camera_end}", "--cameras", "3")
    port = f"serial:{console_end}"
    try:
        code, scan = in_process(capsys, port, "scan")
        assert code == 0, scan
        assert "3 camera(s)" in scan
        for address in (1, 2, 3):
            assert f"camera {address}: vendor" in scan
        assert in_process(capsys, port, "--address", "2", "power", "off")[0] == 0
        power = in_process(capsys, port, "--address", "2", "inquire", "power")[1]
        assert "camera 2: power: standby" in power
    finally:
        stop_process(process)


def test_sony_visca_over_ip(capsys: pytest.CaptureFixture[str]) -> None:
    process, endpoint = start_emulator("--listen", "visca-ip:127.0.0.1:0")
    try:
        assert endpoint.startswith("visca-ip:")
        code, out = in_process(capsys, endpoint, "-v", "zoom-to", "500")
        assert code == 0, out
        assert "-> 81 01 04 47 00 01 0F 04 FF" in out
        assert "zoom: 500" in in_process(capsys, endpoint, "inquire", "zoom")[1]
    finally:
        stop_process(process)


def test_missing_serial_port_exits_three(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = f"serial:{tmp_path / 'ttyUSB9'}"
    code = main(["camera", "--port", port, "inquire", "power"])  # default 10 s timeout
    assert code == 3
    assert f"cannot open {port}" in capsys.readouterr().out
