"""``roomctl pin``: the first technician PIN is set while installing a site (real subprocesses)."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from console_helpers import REPO, roomctl_command

from console.access import verify_pin
from console.cli import EXIT_BAD_PROFILE, EXIT_OK, EXIT_USAGE
from console.config import backup_path, load_profile

EXAMPLE = REPO / "profiles" / "example.toml"


def roomctl(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        roomctl_command(*args),
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "room.toml"
    shutil.copyfile(EXAMPLE, path)
    return path


def test_set_from_stdin_stores_only_the_hash_and_keeps_comments(profile: Path) -> None:
    done = roomctl("pin", "set", "--stdin", "--config", str(profile), stdin="24681357\n")
    assert done.returncode == EXIT_OK, done.stdout + done.stderr
    stored = load_profile(profile).technician_pin_hash
    assert stored is not None and verify_pin("24681357", stored)
    text = profile.read_text(encoding="utf-8")
    assert "24681357" not in text and "# shown in the title bar" in text
    assert backup_path(profile).read_bytes() == EXAMPLE.read_bytes()
    status = roomctl("pin", "status", "--config", str(profile))
    assert status.returncode == EXIT_OK and "is set" in status.stdout
    cleared = roomctl("pin", "clear", "--config", str(profile))
    assert cleared.returncode == EXIT_OK
    assert load_profile(profile).technician_pin_hash is None
    assert roomctl("pin", "status", "--config", str(profile)).returncode == 1


@pytest.mark.parametrize("pin", ["12", "12345678901234", "12ab", ""])
def test_a_pin_that_is_not_4_to_12_digits_changes_nothing(profile: Path, pin: str) -> None:
    done = roomctl("pin", "set", "--stdin", "--config", str(profile), stdin=pin + "\n")
    assert done.returncode == EXIT_USAGE
    assert "4 to 12 digits" in done.stdout and "not changed" in done.stdout
    assert profile.read_bytes() == EXAMPLE.read_bytes()
    assert not backup_path(profile).exists()


def test_a_missing_or_broken_profile_is_not_written(tmp_path: Path) -> None:
    missing = tmp_path / "none.toml"
    done = roomctl("pin", "set", "--stdin", "--config", str(missing), stdin="2468\n")
    assert done.returncode == EXIT_BAD_PROFILE
    assert "Install the site's room profile first" in done.stdout
    assert not missing.exists()
    broken = tmp_path / "room.toml"
    broken.write_text('[site]\nname = "x"\naddress = 1\n', encoding="utf-8")
    done = roomctl("pin", "set", "--stdin", "--config", str(broken), stdin="2468\n")
    assert done.returncode == EXIT_BAD_PROFILE
    assert f"{broken}, line 3, field site.address" in done.stdout
    assert broken.read_text(encoding="utf-8") == '[site]\nname = "x"\naddress = 1\n'


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder the unprivileged ``nobody`` can read but not write (tests run as root)."""
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv to drop privileges")
    folder = Path(tempfile.mkdtemp(prefix="roomconsole-ro-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        shutil.rmtree(folder)


def test_an_unwritable_profile_is_a_clear_error_and_stays_as_it_was(
    read_only_folder: Path,
) -> None:
    path = read_only_folder / "room.toml"
    shutil.copyfile(EXAMPLE, path)
    path.chmod(0o644)
    as_nobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    done = subprocess.run(
        [*as_nobody, *roomctl_command("pin", "set", "--stdin", "--config", str(path))],
        cwd=REPO,
        input="2468\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_BAD_PROFILE, done.stdout + done.stderr
    assert f"cannot write {path}: Permission denied" in done.stdout
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == EXAMPLE.read_bytes()
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["room.toml"]


def _converse(args: list[str], answers: list[str], timeout: float = 30.0) -> tuple[int, str]:
    """Run ``roomctl`` on a pseudo-terminal, answer each prompt, return exit code and screen."""
    pid, master = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal, as in a technician's shell
        os.chdir(REPO)
        os.execv(args[0], args)
    screen = b""
    pending = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                screen += chunk
                if pending and screen.endswith(b": "):  # a prompt, and nothing typed after it
                    os.write(master, pending.pop(0).encode() + b"\r")
    finally:
        os.close(master)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), screen.decode(errors="replace")


def test_set_asks_twice_without_echo(profile: Path) -> None:
    code, screen = _converse(
        roomctl_command("pin", "set", "--config", str(profile)), ["97531", "97531"]
    )
    assert code == EXIT_OK, screen
    assert "New technician PIN" in screen and "The same PIN again" in screen
    assert "97531" not in screen  # typed, never shown
    stored = load_profile(profile).technician_pin_hash
    assert stored is not None and verify_pin("97531", stored)


def test_two_different_pins_change_nothing(profile: Path) -> None:
    code, screen = _converse(
        roomctl_command("pin", "set", "--config", str(profile)), ["97531", "97532"]
    )
    assert code == EXIT_USAGE, screen
    assert "the two PINs are different" in screen
    assert profile.read_bytes() == EXAMPLE.read_bytes()
