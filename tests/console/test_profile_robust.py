"""Issue 13: what ``check-profile`` accepts starts; what cannot start is refused at its line."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import pytest

from console.access import AccessResult, TechnicianGate, check_pin_hash, hash_pin, verify_pin
from console.config import ProfileError, load_profile, save_profile
from console.config.loader import parse_profile_text
from console.room import Room
from console.setup import build_room
from drivers.errors import Problem
from drivers.roles.base import Availability, Device

HEAD = 'schema_version = 1\n\n[site]\nname = "Hall"\n'


def camera(ident: str, connection: str, extra: str = "") -> str:
    name = ident.title()
    return f'\n[[cameras]]\nid = "{ident}"\nname = "{name}"\nconnection = "{connection}"\n{extra}'


def refused(tmp_path: Path, text: str) -> ProfileError:
    path = tmp_path / "room.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert caught.value.path == path
    return caught.value


# --- 1. conflicts that used to show only in room.start() --------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "field", "fragment"),
    [
        (  # two cameras on one serial chain with the same address
            HEAD + camera("a", "serial:/dev/ttyUSB7") + camera("b", "serial:/dev/ttyUSB7"),
            14,
            "cameras[2].connection",
            "same connection and address as camera 'a'",
        ),
        (
            HEAD
            + camera("a", "serial:/dev/ttyUSB7", "address = 3\n")
            + camera("b", "serial:/dev/ttyUSB7", "address = 3\n"),
            16,
            "cameras[2].address",
            "same connection and address as camera 'a'",
        ),
        (  # the same Sony VISCA-IP camera written with and without its default port
            HEAD + camera("a", "visca-ip:10.0.0.9") + camera("b", "visca-ip:10.0.0.9:52381"),
            14,
            "cameras[2].connection",
            "same connection",
        ),
        (
            HEAD + camera("a", "visca-ip:10.0.0.9", "address = 2\n"),
            10,
            "cameras[1].address",
            "over the network the camera address is always 1",
        ),
        (HEAD + camera("a", "pty"), 9, "cameras[1].connection", "only for the emulator"),
        (HEAD + camera("a", "tcp:10.0.0.9:0"), 9, "cameras[1].connection", "port"),
        (
            HEAD + camera("a", "tcp:10.0.0.9:5678", 'driver = "x32"\n'),
            10,
            "cameras[1].driver",
            "not a camera driver",
        ),
    ],
)
def test_start_conflicts_are_refused_with_line_and_field(
    tmp_path: Path, text: str, line: int, field: str, fragment: str
) -> None:
    error = refused(tmp_path, text)
    assert (error.line, error.field) == (line, field)
    assert fragment in error.message


@pytest.mark.parametrize(
    "text",
    [
        HEAD
        + camera("a", "serial:/dev/ttyUSB7")
        + camera("b", "serial:/dev/ttyUSB7", "address = 2\n")
        + camera("c", "visca-ip:127.0.0.1:1")
        + camera("d", "tcp:127.0.0.1:1")
        + camera("e", "udp:127.0.0.1:1"),
        HEAD + '\n[call.codec]\ndriver = "baresip"\nctrl = "127.0.0.1:1"\n',
    ],
)
async def test_an_accepted_profile_starts_and_closes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "room.toml"
    path.write_text(text, encoding="utf-8")
    room = build_room(load_profile(path), path)
    try:
        await room.start()  # devices go offline (nothing listens): never an exception
    finally:
        await room.close()


class _Exploding(Device):
    """A device whose start fails in a way no driver should (a bug): the room carries on."""

    async def start(self) -> None:
        raise ValueError("bug in a driver")

    async def close(self) -> None:
        return None


async def test_an_unexpected_error_at_start_is_reported_not_raised() -> None:
    room = Room(parse_profile_text(HEAD, "room.toml"))
    room.add_device(_Exploding("Odd device"))
    await room.start()
    (posted,) = [n for n in room.notifications.items if n.device == "Odd device"]
    assert posted.problem is Problem.UNKNOWN and "bug in a driver" in posted.detail
    status = room.devices[0].status.value
    assert (status.availability, status.problem) == (Availability.OFFLINE, Problem.UNKNOWN)
    await room.close()


# --- 6. smaller profile defects ----------------------------------------------------------------


def test_a_profile_saved_with_a_utf8_bom_loads_and_saves_readable(tmp_path: Path) -> None:
    path = tmp_path / "room.toml"
    text = HEAD + camera("a", "serial:/dev/ttyUSB7")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    profile = load_profile(path)
    assert profile.site.name == "Hall"
    profile.site.name = "Hội trường"
    save_profile(profile, path)
    assert load_profile(path).site.name == "Hội trường"
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("old", "new", "line", "field"),
    [
        ("address = 1", 'address = "2"', 10, "cameras[1].address"),
        ("address = 1", "address = 2.0", 10, "cameras[1].address"),
        ("address = 1", "address = true", 10, "cameras[1].address"),
        ("schema_version = 1", 'schema_version = "1"', 1, "schema_version"),
        ("schema_version = 1", "schema_version = true", 1, "schema_version"),
        ('name = "Hall"', "name = 12", 4, "site.name"),
        (
            "address = 1",
            "address = 1\n[cameras.limits]\nreplies = 0",
            12,
            "cameras[1].limits.replies",
        ),
    ],
)
def test_wrong_types_are_refused_not_coerced(
    tmp_path: Path, old: str, new: str, line: int, field: str
) -> None:
    good = HEAD + camera("a", "serial:/dev/ttyUSB7", "address = 1\n")
    assert old in good
    error = refused(tmp_path, good.replace(old, new, 1))
    assert (error.line, error.field) == (line, field)


def test_an_unknown_camera_driver_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    error = refused(tmp_path, HEAD + camera("a", "tcp:10.0.0.9:5678", 'driver = "visca-sereal"\n'))
    assert (error.line, error.field) == (10, "cameras[1].driver")
    assert "unknown camera driver 'visca-sereal'" in error.message
    assert "visca-serial" in error.message and "visca-ip" in error.message


def test_duplicate_camera_ids_name_the_second_one(tmp_path: Path) -> None:
    error = refused(
        tmp_path, HEAD + camera("a", "serial:/dev/ttyUSB7") + camera("a", "tcp:10.0.0.9:5678")
    )
    assert (error.line, error.field) == (12, "cameras[2].id")
    assert "camera id 'a' is used twice" in error.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "\ufeff"])
def test_an_empty_file_is_refused_plainly(tmp_path: Path, text: str) -> None:
    error = refused(tmp_path, text)
    assert "empty" in error.message


def _hash_with(n: int, r: int = 8, p: int = 1) -> str:
    salt, digest = base64.b64encode(b"s" * 16).decode(), base64.b64encode(b"d" * 32).decode()
    return f"scrypt${n}${r}${p}${salt}${digest}"


@pytest.mark.parametrize(("n", "r", "p"), [(1 << 20, 8, 1), (1 << 15, 64, 1), (1 << 14, 8, 64)])
def test_a_pin_hash_that_cannot_be_checked_is_refused(
    tmp_path: Path, n: int, r: int, p: int
) -> None:
    with pytest.raises(ValueError, match="PIN hash"):
        check_pin_hash(_hash_with(n, r, p))
    line = f'technician_pin_hash = "{_hash_with(n, r, p)}"\n'
    error = refused(tmp_path, HEAD.replace("[site]", line + "\n[site]"))
    assert (error.line, error.field) == (3, "technician_pin_hash")


def test_every_pin_hash_the_profile_accepts_can_be_checked() -> None:
    for n, r, p in [(1 << 15, 8, 1), (1 << 14, 8, 2), (1 << 13, 16, 1)]:
        stored = _hash_with(n, r, p)
        check_pin_hash(stored)
        assert verify_pin("1234", stored) is False  # no exception: scrypt can run it
    gate = TechnicianGate(hash_pin("1234"))
    assert gate.try_pin("1234").result is AccessResult.GRANTED


@pytest.mark.parametrize(
    "url",
    [
        "https://meet.example@other.example/room",
        "https://user:secret@meet.example/room",
    ],
)
def test_a_jitsi_url_with_user_info_is_refused(tmp_path: Path, url: str) -> None:
    bridge = f'id = "j"\nname = "Jitsi"\nkind = "jitsi"\ndial_string = "{url}"\n'
    text = HEAD + "\n[[call.bridges]]\n" + bridge
    error = refused(tmp_path, text)
    assert (error.line, error.field) == (10, "call.bridges[1].dial_string")
    assert "user name before the host" in error.message


def test_a_driver_that_fails_oddly_while_being_made_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drivers import registry

    def broken_factory(**kwargs: object) -> Device:
        raise TypeError("unexpected keyword argument 'connection'")

    monkeypatch.setitem(registry._FACTORIES, "broken-camera", broken_factory)
    path = tmp_path / "room.toml"
    path.write_text(HEAD + camera("a", "tcp:127.0.0.1:1", 'driver = "broken-camera"\n'))
    room = build_room(load_profile(path), path)
    assert room.cameras == []
    (posted,) = room.notifications.items
    assert (posted.device, posted.problem) == ("A", Problem.UNKNOWN)
    assert "unexpected keyword" in posted.detail


_STARTABLE = HEAD + camera("a", "serial:/dev/roomconsole-none") + camera("b", "tcp:127.0.0.1:1")
_VALUES = ['"2"', "0", "1", "2", "7", "8", "2.0", "true", '""', '"pty"']
_MUTANTS = [
    (key, value, camera_index)
    for key in ("address", "connection", "driver", "recall_speed", "limits.replies")
    for value in [
        *_VALUES,
        '"serial:/dev/roomconsole-none"',
        '"tcp:127.0.0.1:1"',
        '"udp:127.0.0.1:1"',
        '"visca-ip:127.0.0.1:1"',
        '"tcp:127.0.0.1:0"',
        '"visca-tcp"',
        '"x32"',
    ]
    for camera_index in (0, 1)
]


async def test_every_accepted_variant_of_a_camera_starts_and_closes(tmp_path: Path) -> None:
    """What ``check-profile`` accepts starts: no ValueError from the bus inside room.start()."""
    accepted = 0
    for key, value, index in _MUTANTS:
        blocks = _STARTABLE.split("\n[[cameras]]\n")
        blocks[index + 1] = f"{key} = {value}\n" + "\n".join(
            line for line in blocks[index + 1].splitlines() if not line.startswith(f"{key} =")
        )
        path = tmp_path / "room.toml"
        path.write_text("\n[[cameras]]\n".join(blocks) + "\n", encoding="utf-8")
        try:
            profile = load_profile(path)
        except ProfileError:
            continue
        accepted += 1
        room = build_room(profile, path)
        try:
            await asyncio.wait_for(room.start(), 10)
            assert len(room.cameras) == 2, (key, value, index)
        finally:
            await asyncio.wait_for(room.close(), 10)
    assert accepted >= 20  # the variants are not all refused: the test starts real rooms


def test_a_home_folder_that_cannot_take_the_copy_uses_the_machine_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first-start copy raised (no window at all) when the user's config folder was odd."""
    from console.config import loader

    blocker = tmp_path / "user"
    blocker.write_text("a file where the config folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    site = tmp_path / "site" / "RoomConsole" / "room.toml"
    site.parent.mkdir(parents=True)
    site.write_text(HEAD, encoding="utf-8")
    assert loader.default_profile_path() == site
    assert load_profile(site).site.name == "Hall"


def test_profile_bytes_are_checked_as_the_file_would_be() -> None:
    from console.config.loader import MAX_BYTES, parse_profile_bytes

    assert parse_profile_bytes(b"\xef\xbb\xbf" + HEAD.encode(), "x.toml").site.name == "Hall"
    for data, fragment in [
        (b"\xff\xfe" + HEAD.encode("utf-16-le"), "UTF-16"),
        (b"#" * (MAX_BYTES + 1), "too large"),
        (HEAD.replace("Hall", "Caf\xe9").encode("latin-1"), "byte 0xE9"),
    ]:
        with pytest.raises(ProfileError, match=fragment):
            parse_profile_bytes(data, "x.toml")
