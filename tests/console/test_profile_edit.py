"""The profile editor's Qt-free half: validation, connection tests, import and export."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from console.access import hash_pin
from console.config.loader import ProfileError, backup_path, load_profile
from console.config.models import RoomProfile
from console.profile_edit import (
    DeviceRole,
    export_profile,
    import_profile,
    list_devices,
    save_text,
    strip_secrets,
    test_connection,
    validate_text,
)
from console.profile_form import get_value, set_value
from drivers import registry
from drivers.errors import DeviceUnavailable, Problem
from drivers.roles.base import Device
from drivers.visca.emulator import ViscaEmulator
from drivers.x32.emulator import X32Emulator

PIN_HASH = hash_pin("2468")


def profile_text(camera: str = "tcp:127.0.0.1:9", mixer: str = "") -> str:
    return f"""# the hall
schema_version = 1
technician_pin_hash = "{PIN_HASH}"

[site]
name = "Hall"

[[cameras]]
id = "front"  # keep this comment
name = "Front"
driver = "visca-tcp"
connection = "{camera}"

[[cameras]]
id = "back"
name = "Back"
driver = "visca-tcp"
connection = "tcp:127.0.0.1:10"
preview = {{ url = "rtsp://admin:s3cret@127.0.0.1:8554/back" }}
{mixer}"""


@pytest.fixture
async def emulator() -> AsyncIterator[ViscaEmulator]:
    emu = ViscaEmulator()
    await emu.start("tcp:127.0.0.1:0")
    try:
        yield emu
    finally:
        await emu.close()


def test_valid_text_gives_the_profile(tmp_path: Path) -> None:
    result = validate_text(profile_text(), tmp_path / "room.toml")
    assert isinstance(result, RoomProfile)
    assert [c.id for c in result.cameras] == ["front", "back"]


def test_broken_value_names_line_and_field(tmp_path: Path) -> None:
    text = profile_text().replace('id = "back"', "id = 7")
    result = validate_text(text, tmp_path / "room.toml")
    assert isinstance(result, ProfileError)
    assert result.line == 15
    assert result.field == "cameras[2].id"


def test_syntax_error_names_line(tmp_path: Path) -> None:
    result = validate_text(profile_text().replace('name = "Front"', 'name = "Front'), "x.toml")
    assert isinstance(result, ProfileError)
    assert result.line == 10 and "TOML syntax" in result.message


def test_save_writes_text_with_backup_and_refuses_broken_text(tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    path.write_text(profile_text(), encoding="utf-8")
    new = profile_text().replace('name = "Hall"', 'name = "New hall"')
    save_text(new, path)
    assert path.read_text(encoding="utf-8") == new  # comments kept exactly
    assert backup_path(path).read_text(encoding="utf-8") == profile_text()
    with pytest.raises(ProfileError):
        save_text(new.replace("name = ", "nam = ", 1), path)
    assert path.read_text(encoding="utf-8") == new
    assert load_profile(path).site.name == "New hall"


def test_devices_are_listed_with_mixer_and_codec() -> None:
    mixer = (
        '\n[mixer]\ndriver = "x32"\nhost = "127.0.0.1"\n\n'
        '[call.codec]\nname = "Codec phòng họp"\ndriver = "baresip"\n'
    )
    profile = validate_text(profile_text(mixer=mixer), "room.toml")
    assert isinstance(profile, RoomProfile)
    entries = list_devices(profile)
    assert [(e.role, e.key) for e in entries] == [
        (DeviceRole.CAMERA, "front"),
        (DeviceRole.CAMERA, "back"),
        (DeviceRole.MIXER, "mixer"),
        (DeviceRole.CODEC, "codec"),
    ]
    assert entries[2].where == "x32 127.0.0.1"
    assert (entries[3].name, entries[3].where) == ("Codec phòng họp", "baresip")  # its own name


async def test_camera_that_answers_is_ok(emulator: ViscaEmulator) -> None:
    profile = validate_text(profile_text(camera=emulator.endpoint), "room.toml")
    assert isinstance(profile, RoomProfile)
    result = await asyncio.wait_for(test_connection(list_devices(profile)[0], timeout=3), 10)
    assert result.ok and result.problem is None


async def test_silent_camera_is_not_answering(emulator: ViscaEmulator) -> None:
    emulator.silent = True
    profile = validate_text(profile_text(camera=emulator.endpoint), "room.toml")
    assert isinstance(profile, RoomProfile)
    result = await asyncio.wait_for(test_connection(list_devices(profile)[0], timeout=1.5), 10)
    assert not result.ok and result.problem is Problem.NOT_ANSWERING


async def test_unknown_driver_is_refused_by_the_check() -> None:
    text = profile_text().replace('driver = "visca-tcp"', 'driver = "visca-nope"', 1)
    error = validate_text(text, "room.toml")
    assert isinstance(error, ProfileError)
    assert (error.line, error.field) == (11, "cameras[1].driver")
    assert "visca-nope" in error.message and "visca-tcp" in error.message


async def test_missing_driver_library_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unavailable(**kwargs: object) -> Device:
        raise DeviceUnavailable("driver 'visca-tcp' needs a library that is missing: serial")

    profile = validate_text(profile_text(), "room.toml")
    assert isinstance(profile, RoomProfile)
    monkeypatch.setitem(registry._FACTORIES, "visca-tcp", unavailable)
    result = await asyncio.wait_for(test_connection(list_devices(profile)[0], timeout=1), 10)
    assert not result.ok and result.problem is Problem.LIBRARY_MISSING
    assert "needs a library" in result.detail


async def test_mixer_emulator_answers() -> None:
    desk = X32Emulator("x32", auto_talker=None)
    await desk.start("127.0.0.1:0")
    try:
        mixer = f'\n[mixer]\ndriver = "x32"\nhost = "127.0.0.1"\nport = {desk.port}\n'
        profile = validate_text(profile_text(mixer=mixer), "room.toml")
        assert isinstance(profile, RoomProfile)
        result = await asyncio.wait_for(test_connection(list_devices(profile)[2], timeout=3), 10)
    finally:
        await desk.close()
    assert result.ok, result


def test_export_strips_secrets_and_stays_valid(tmp_path: Path) -> None:
    dest = export_profile(profile_text(), tmp_path / "site.toml")
    exported = dest.read_text(encoding="utf-8")
    assert "technician_pin_hash" not in exported and "scrypt$" not in exported
    assert "s3cret" not in exported
    assert "# keep this comment" in exported
    profile = load_profile(dest)
    assert profile.technician_pin_hash is None
    assert profile.camera("back").preview is not None


def test_secrets_in_comments_are_scrubbed() -> None:
    text = profile_text().replace("# the hall", "# old password = hunter2")
    assert "hunter2" not in strip_secrets(text)


def test_export_of_broken_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProfileError):
        export_profile(profile_text().replace("[site]", "[site"), tmp_path / "x.toml")
    assert not (tmp_path / "x.toml").exists()


def test_import_keeps_this_sites_pin_hash(tmp_path: Path) -> None:
    exported = export_profile(profile_text(), tmp_path / "site.toml")
    current = validate_text(profile_text(), "room.toml")
    assert isinstance(current, RoomProfile)
    text = import_profile(exported, current)
    imported = validate_text(text, "room.toml")
    assert isinstance(imported, RoomProfile)
    assert imported.technician_pin_hash == PIN_HASH
    assert "# keep this comment" in text
    assert import_profile(exported) == exported.read_text(encoding="utf-8")


def test_import_of_broken_file_is_refused_with_line_and_field(tmp_path: Path) -> None:
    src = tmp_path / "broken.toml"
    src.write_text(profile_text().replace('name = "Back"', "name = 5"))
    with pytest.raises(ProfileError) as caught:
        import_profile(src)
    assert caught.value.path == src
    assert caught.value.line == 16 and caught.value.field == "cameras[2].name"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("connection", "problem"),
    [
        (f"tcp:127.0.0.1:{closed_port()}", Problem.CONNECTION_REFUSED),
        ("serial:/dev/ttyRoomConsoleMissing", Problem.PORT_MISSING),
    ],
)
async def test_unreachable_camera_says_why(connection: str, problem: Problem) -> None:
    profile = validate_text(profile_text(camera=connection), "room.toml")
    assert isinstance(profile, RoomProfile)
    result = await asyncio.wait_for(test_connection(list_devices(profile)[0], timeout=1.5), 10)
    assert not result.ok and result.problem is problem, result


def test_import_and_form_edits_take_a_file_saved_with_a_bom(tmp_path: Path) -> None:
    """A Notepad BOM passed validation but made tomlkit fail in import and in the forms."""
    src = tmp_path / "site.toml"
    src.write_bytes(b"\xef\xbb\xbf" + strip_secrets(profile_text()).encode("utf-8"))
    current = validate_text(profile_text(), "room.toml")
    assert isinstance(current, RoomProfile)
    text = import_profile(src, current)
    assert not text.startswith("\ufeff")
    imported = validate_text(text, src)
    assert isinstance(imported, RoomProfile)
    assert imported.technician_pin_hash == PIN_HASH
    edited = set_value("\ufeff" + profile_text(), ("site", "name"), "Hội trường")
    assert get_value(edited, ("site", "name")) == "Hội trường"
