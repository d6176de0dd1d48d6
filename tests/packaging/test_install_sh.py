"""packaging/linux/install.sh: per-user install, site profile with backup, update, uninstall."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

INSTALL_SH = Path(__file__).parents[2] / "packaging" / "linux"
ICONS = Path(__file__).parents[2] / "packaging" / "icons"


def _unpacked_archive(root: Path, version: str) -> Path:
    """What build_linux.sh puts in the archive, with a stand-in bundle (shell scripts)."""
    top = root / f"roomconsole-{version}-linux-x86_64"
    bundle = top / "roomconsole"
    bundle.mkdir(parents=True)
    (bundle / "roomconsole").write_text(f"#!/bin/sh\necho roomconsole {version}\n")
    # check-profile fails for a file containing BROKEN, like the real one for a bad profile
    (bundle / "roomctl").write_text(
        f'#!/bin/sh\n[ "$1" = --version ] && echo "roomctl {version}" && exit 0\n'
        '! grep -q BROKEN "$3"\n'
    )
    for exe in ("roomconsole", "roomctl"):
        (bundle / exe).chmod(0o755)
    for name in ("install.sh", "roomconsole.desktop"):
        shutil.copy(INSTALL_SH / name, top / name)
    for name in ("roomconsole.png", "roomconsole.svg"):
        shutil.copy(ICONS / name, top / name)
    (top / "VERSION").write_text(version + "\n")
    return top


def _install(top: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    return subprocess.run(
        ["bash", str(top / "install.sh"), "--user", *args],
        env=env, capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip


def test_user_install_places_program_menu_entry_and_profile(tmp_path: Path) -> None:
    home = tmp_path / "home"
    top = _unpacked_archive(tmp_path / "v1", "1.0.0")
    profile = tmp_path / "site-042.toml"
    profile.write_text('[site]\nname = "Site 42"\n')
    result = _install(top, home, "--profile", str(profile))
    assert result.returncode == 0, result.stderr
    launcher = home / ".local" / "bin" / "roomconsole"
    assert (
        subprocess.run([launcher], capture_output=True, text=True).stdout == "roomconsole 1.0.0\n"
    )
    desktop = (home / ".local/share/applications/roomconsole.desktop").read_text()
    assert f"Exec={home}/.local/bin/roomconsole\n" in desktop
    assert (home / ".local/share/icons/hicolor/256x256/apps/roomconsole.png").is_file()
    assert (home / ".config/RoomConsole/room.toml").read_text() == profile.read_text()
    assert "WARNING: the room profile" not in result.stdout


def test_update_replaces_program_keeps_old_profile_as_backup(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = tmp_path / "first.toml"
    first.write_text("first\n")
    assert (
        _install(
            _unpacked_archive(tmp_path / "v1", "1.0.0"), home, "--profile", str(first)
        ).returncode
        == 0
    )
    stale = home / ".local/opt/roomconsole/roomconsole/stale-file"
    stale.write_text("from 1.0.0")
    second = tmp_path / "second.toml"
    second.write_text("second BROKEN\n")
    result = _install(_unpacked_archive(tmp_path / "v2", "2.0.0"), home, "--profile", str(second))
    assert result.returncode == 0, result.stderr
    assert "WARNING: the room profile has mistakes" in result.stdout
    assert not stale.exists()
    assert (home / ".local/opt/roomconsole/VERSION").read_text() == "2.0.0\n"
    assert (home / ".config/RoomConsole/room.toml").read_text() == "second BROKEN\n"
    assert (home / ".config/RoomConsole/room.toml.bak").read_text() == "first\n"


def test_uninstall_removes_program_and_keeps_profile(tmp_path: Path) -> None:
    home = tmp_path / "home"
    profile = tmp_path / "site.toml"
    profile.write_text("site\n")
    assert (
        _install(
            _unpacked_archive(tmp_path / "v1", "1.0.0"), home, "--profile", str(profile)
        ).returncode
        == 0
    )
    subprocess.run(["bash", str(home / ".local/opt/roomconsole/uninstall.sh")], check=True,
                   capture_output=True, timeout=30)  # fmt: skip
    assert not (home / ".local/bin/roomconsole").exists()
    assert not (home / ".local/opt/roomconsole").exists()
    assert (home / ".config/RoomConsole/room.toml").read_text() == "site\n"


def test_missing_profile_file_is_refused_before_installing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = _install(
        _unpacked_archive(tmp_path / "v1", "1.0.0"), home, "--profile", "/nonexistent.toml"
    )
    assert result.returncode == 2
    assert "no such profile" in result.stderr
    assert not (home / ".local").exists()
