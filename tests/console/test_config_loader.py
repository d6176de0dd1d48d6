"""The room profile file: loading, line-accurate errors, migrations, safe saves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from console.config import (
    CameraProfile,
    PositionProfile,
    PresetProfile,
    ProfileError,
    RoomProfile,
    backup_path,
    default_profile_path,
    demo_profile,
    load_profile,
    save_profile,
)
from console.config.migrations import MigrationError, migrate

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
# Room profile for the test hall
schema_version = 1

[site]
name = "Test hall"  # shown in the title bar

# --- cameras ---
[[cameras]]
id = "front"
name = "Front"
driver = "visca-serial"
connection = "serial:/dev/ttyUSB0"
address = 1

[cameras.limits]
tilt_speed_max = 20  # EVI-D30 class

[[cameras.presets]]
number = 0  # the wide shot
name = "Toàn cảnh"

[[cameras]]
id = "back"
name = "Back"
driver = "visca-ip"
connection = "visca-ip:127.0.0.1"

[[cameras.presets]]
number = 7
name = "Chủ tọa"
position = { pan = -300, tilt = 40, zoom = 1000 }
"""


def write(tmp_path: Path, text: str, name: str = "room.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def broken(tmp_path: Path, old: str, new: str) -> ProfileError:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert caught.value.path == path
    assert str(path) in str(caught.value)
    return caught.value


def test_load_good_profile(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, GOOD))
    assert profile.site.name == "Test hall"
    assert [c.id for c in profile.cameras] == ["front", "back"]
    assert profile.cameras[0].limits.tilt_speed_max == 20
    assert profile.cameras[0].limits.to_limits().pan_speed_max == 0x18
    assert profile.cameras[1].presets[0].position == PositionProfile(pan=-300, tilt=40, zoom=1000)
    assert profile.camera("back").presets[0].name == "Chủ tọa"


def test_shipped_example_profile_loads() -> None:
    profile = load_profile(REPO / "profiles" / "example.toml")
    assert profile.cameras, "the example should show at least one camera"


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "fragment"),
    [
        ("address = 1", "address = 9", 13, "cameras[1].address", "less than or equal to 7"),
        ("tilt_speed_max = 20", "tilt_speed = 20", 16, "cameras[1].limits.tilt_speed", "unknown"),
        (
            'connection = "serial:/dev/ttyUSB0"',
            'connection = "rs232:1"',
            12,
            "cameras[1].connection",
            "unknown connection",
        ),
        ("zoom = 1000", "zoom = -1", 31, "cameras[2].presets[1].position", "greater than"),
        ('id = "back"', 'id = "front"', 23, "cameras[2].id", "camera id 'front' is used twice"),
        ('name = "Back"\n', "", 22, "cameras[2].name", "Field required"),
    ],
)
def test_validation_error_names_line_and_field(
    tmp_path: Path, old: str, new: str, line: int | None, field: str | None, fragment: str
) -> None:
    error = broken(tmp_path, old, new)
    assert error.line == line
    if field is not None:
        assert error.field is not None and error.field.startswith(field)
    assert fragment in error.message


def test_syntax_error_names_line(tmp_path: Path) -> None:
    error = broken(tmp_path, 'name = "Front"', 'name = "Front')
    assert error.line == 10
    assert "TOML syntax" in error.message


def test_missing_file_is_flagged(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(tmp_path / "nope.toml")
    assert caught.value.missing


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    error = broken(tmp_path, "schema_version = 1", "schema_version = 99")
    assert error.line == 2
    assert error.field == "schema_version"


def test_migrations_run_in_order() -> None:
    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        data["steps"] = [*data.get("steps", []), 1]
        return data

    def two_to_three(data: dict[str, Any]) -> dict[str, Any]:
        data["steps"] = [*data["steps"], 2]
        return data

    steps = {1: one_to_two, 2: two_to_three}
    data, found = migrate({"schema_version": 1}, current=3, migrations=steps)
    assert (data, found) == ({"schema_version": 3, "steps": [1, 2]}, 1)
    with pytest.raises(MigrationError):
        migrate({"schema_version": 1}, current=3, migrations={1: one_to_two})


def test_save_keeps_comments_and_backup(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    profile = load_profile(path)
    front = profile.cameras[0]
    front.presets = [*front.presets, PresetProfile(number=3, name="Bục phát biểu")]
    profile.site.name = "Renamed hall"
    save_profile(profile, path)
    text = path.read_text(encoding="utf-8")
    assert "# Room profile for the test hall" in text
    assert "# the wide shot" in text
    assert "# EVI-D30 class" in text
    assert backup_path(path).read_text(encoding="utf-8") == GOOD
    again = load_profile(path)
    assert again == profile
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_save_never_overwrites_a_broken_file(tmp_path: Path) -> None:
    bad = GOOD.replace("address = 1", "address = 0")
    path = write(tmp_path, bad)
    with pytest.raises(ProfileError):
        save_profile(demo_profile(), path)
    assert path.read_text(encoding="utf-8") == bad
    assert not backup_path(path).exists()


def test_save_new_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "room.toml"
    profile = demo_profile()
    save_profile(profile, path)
    assert load_profile(path) == profile
    assert not backup_path(path).exists()


def test_default_path_is_in_config_folder() -> None:
    path = default_profile_path()
    assert path.name == "room.toml"
    assert "RoomConsole" in str(path)


def test_duplicate_preset_numbers_refused() -> None:
    with pytest.raises(ValueError, match="preset numbers used twice"):
        CameraProfile(
            id="x",
            name="X",
            connection="tcp:127.0.0.1:1",
            presets=[PresetProfile(number=1), PresetProfile(number=1)],
        )


def test_extra_keys_forbidden() -> None:
    with pytest.raises(ValueError, match="Extra inputs"):
        RoomProfile.model_validate({"site": {"name": "x", "colour": "red"}})


def test_shipped_demo_profile_matches_the_code() -> None:
    assert load_profile(REPO / "profiles" / "demo.toml") == demo_profile()


def test_clearing_every_preset_round_trips(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    profile = load_profile(path)
    for camera in profile.cameras:
        camera.presets = []
    save_profile(profile, path)
    assert load_profile(path) == profile


def test_several_problems_are_counted(tmp_path: Path) -> None:
    error = broken(tmp_path, "address = 1", "address = 0\ncolour = 1")
    assert error.line == 13
    assert "(and 1 more problem)" in error.message


def test_first_start_copies_the_machine_wide_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.config import loader

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    site = tmp_path / "site" / "RoomConsole" / "room.toml"
    site.parent.mkdir(parents=True)
    site.write_text('[site]\nname = "Xã B"\n', encoding="utf-8")
    path = loader.default_profile_path()
    assert path == tmp_path / "user" / "RoomConsole" / "room.toml"
    assert load_profile(path).site.name == "Xã B"
    site.write_text('[site]\nname = "changed"\n', encoding="utf-8")
    assert load_profile(loader.default_profile_path()).site.name == "Xã B"  # the user's copy stays
