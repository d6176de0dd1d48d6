"""roomctl without a device: version, usage errors, check-profile (real subprocesses)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def roomctl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_version() -> None:
    result = roomctl("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("roomctl ")


def test_bad_connection_string_is_a_usage_error() -> None:
    result = roomctl("camera", "--port", "bluetooth:1", "home")
    assert result.returncode == 2
    assert "unknown connection" in result.stdout


def test_out_of_range_speed_is_a_usage_error() -> None:
    result = roomctl("camera", "--port", "tcp:127.0.0.1:9", "move", "up", "--pan-speed", "99")
    assert result.returncode == 2
    assert "pan speed 99" in result.stdout


def test_unknown_operation_is_refused() -> None:
    result = roomctl("camera", "--port", "tcp:127.0.0.1:9", "fly")
    assert result.returncode == 2


def test_check_profile_good_and_broken(tmp_path: Path) -> None:
    good = roomctl("check-profile", "--config", str(REPO / "profiles" / "example.toml"))
    assert good.returncode == 0, good.stdout
    assert "OK" in good.stdout
    broken = tmp_path / "room.toml"
    broken.write_text(
        '[[cameras]]\nid = "a"\nname = "A"\nconnection = "tcp:127.0.0.1:1"\naddress = 8\n',
        encoding="utf-8",
    )
    bad = roomctl("check-profile", "--config", str(broken))
    assert bad.returncode == 4
    assert f"{broken}, line 5, field cameras[1].address" in bad.stdout


def test_call_reads_a_profile_saved_with_a_bom(tmp_path: Path) -> None:
    """``roomctl call`` read the file with tomllib: a Notepad BOM was a syntax error."""
    path = tmp_path / "room.toml"
    text = '[[call.bridges]]\nid = "main"\nname = "Main"\ndial_string = "sip:1@127.0.0.1"\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    done = roomctl("call", "--config", str(path), "join", "nosuchbridge")
    assert done.returncode == 4
    assert done.stdout.strip() == "error: profile: 'nosuchbridge'"
