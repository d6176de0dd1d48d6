"""The technician's profile editor, without Qt: validate text, test a device, import, export.

The editor works on the profile's TOML text (comments and all); everything here takes and
returns text or models so the dialog in ``ui/settings_editor.py`` stays a thin view.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AbstractTable, AoT

from console.config.camera import CameraProfile
from console.config.loader import (
    BOM,
    ProfileError,
    parse_profile_text,
    read_profile_text,
    save_profile_text,
)
from console.config.models import RoomProfile
from console.room import Room
from console.services.steps import wait_for_value
from console.setup import _camera, _codec, _mixer
from console.support_bundle import is_secret_key, scrub_text
from drivers.errors import DeviceError, Problem
from drivers.roles.base import Availability, Device, DeviceStatus

_LOGGER = logging.getLogger(__name__)

TEST_TIMEOUT = 5.0  # seconds a device gets to come online in "Test connection"
_CLOSE_TIMEOUT = 5.0


def validate_text(text: str, path: Path | str) -> RoomProfile | ProfileError:
    """Return the profile ``text`` describes, or the ProfileError (line, field) saying why not."""
    try:
        return parse_profile_text(text, path)
    except ProfileError as error:
        return error


def save_text(text: str, path: Path | str) -> RoomProfile:
    """Save valid ``text`` atomically with a ``.bak``; ``ProfileError`` and no write if invalid."""
    return save_profile_text(text, path)


def profile_text(profile: RoomProfile) -> str:
    """TOML text for a profile that has no file (the demo)."""
    return tomlkit.dumps(profile.model_dump(mode="json", exclude_none=True))


# --- devices ------------------------------------------------------------------------------------


class DeviceRole(StrEnum):
    """What sort of device an entry in the editor's device list is."""

    CAMERA = "camera"
    MIXER = "mixer"
    CODEC = "codec"


@dataclass(frozen=True)
class DeviceEntry:
    """One device of a profile, as the editor lists it (``key``: camera id, mixer, codec)."""

    role: DeviceRole
    key: str
    name: str
    where: str  # connection string / host, for the technician's eye
    profile: RoomProfile

    def camera_profile(self) -> CameraProfile:
        """Return the camera's own section (cameras only)."""
        return self.profile.camera(self.key)

    def settings(self) -> object:
        """Return what decides how the driver connects; equal settings mean the same device."""
        if self.role is DeviceRole.CAMERA:
            camera = self.camera_profile()
            return (camera.driver, camera.connection, camera.address, camera.limits)
        if self.role is DeviceRole.MIXER:
            return (self.profile.mixer.driver, self.profile.mixer.host, self.profile.mixer.port)
        return self.profile.call.codec


def list_devices(profile: RoomProfile) -> list[DeviceEntry]:
    """List the devices ``profile`` names: cameras, then the mixer and the codec if present."""
    entries = [
        DeviceEntry(DeviceRole.CAMERA, c.id, c.name, c.connection, profile) for c in profile.cameras
    ]
    mixer = profile.mixer
    if mixer.has_mixer:
        where = f"{mixer.driver.value} {mixer.host}" + (f":{mixer.port}" if mixer.port else "")
        entries.append(DeviceEntry(DeviceRole.MIXER, "mixer", mixer.name, where, profile))
    if "call" in profile.model_fields_set:
        codec = profile.call.codec
        where = codec.driver.value + (f" {codec.host}" if codec.host else "")
        entries.append(DeviceEntry(DeviceRole.CODEC, "codec", codec.name, where, profile))
    return entries


def build_device(entry: DeviceEntry) -> Device:
    """Make the driver through the registry, as the console does at start."""
    if entry.role is DeviceRole.CAMERA:
        return _camera(entry.camera_profile())
    device = _mixer(entry.profile) if entry.role is DeviceRole.MIXER else _codec(entry.profile)
    if device is None:
        raise DeviceError(f"{entry.name}: the profile has no {entry.role.value}")
    return device


def running_device(room: Room, entry: DeviceEntry) -> Device | None:
    """Return the room's live device when ``entry`` has its settings (a port opens once)."""
    running = list_devices(room.profile)
    same = [e for e in running if (e.role, e.key) == (entry.role, entry.key)]
    if not same or same[0].settings() != entry.settings():
        return None
    if entry.role is DeviceRole.CAMERA:
        with contextlib.suppress(KeyError):
            return room.camera(entry.key).camera
        return None
    return room.mixer if entry.role is DeviceRole.MIXER else room.codec


class ConnectionResult(NamedTuple):
    """Outcome of "Test connection": ok, the Problem key when not (or a warning), detail."""

    ok: bool
    problem: Problem | None
    detail: str


def _result(status: DeviceStatus) -> ConnectionResult:
    """Judge a device status: ONLINE is ok (perhaps with a warning), anything else is not."""
    if status.availability is Availability.ONLINE:
        return ConnectionResult(True, status.warning, status.detail)
    return ConnectionResult(False, status.problem or Problem.NOT_ANSWERING, status.detail)


async def _await_online(device: Device, timeout: float) -> ConnectionResult:
    """Wait up to ``timeout`` s for ONLINE; judge the status reached (or the last one)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(
            wait_for_value(device.status, lambda s: s.availability is Availability.ONLINE),
            timeout,
        )
    return _result(device.status.value)


async def test_connection(
    entry: DeviceEntry, *, timeout: float = TEST_TIMEOUT, running: Device | None = None
) -> ConnectionResult:
    """Start the device's driver, wait up to ``timeout`` s for it to answer, close it.

    ``running``: the room's live device with the same settings; its status is judged instead
    of opening the port a second time.
    """
    if running is not None:
        return await _await_online(running, timeout)
    try:
        device = build_device(entry)
    except DeviceError as exc:
        return ConnectionResult(False, exc.problem, str(exc))
    try:
        await asyncio.wait_for(device.start(), timeout)
        result = await _await_online(device, timeout)
    except DeviceError as exc:
        result = ConnectionResult(False, exc.problem, str(exc))
    except ValueError as exc:  # the bus refuses a camera address that is already in use
        result = ConnectionResult(False, Problem.BUSY, str(exc))
    except TimeoutError:
        result = ConnectionResult(False, Problem.NOT_ANSWERING, "start timed out")
    finally:
        await _close_quietly(device)
    _LOGGER.info("%s: connection test: %s", entry.name, result)
    return result


async def _close_quietly(device: Device) -> None:
    """Close a tested device; a failure to close is logged, the test result stands."""
    try:
        await asyncio.wait_for(device.close(), _CLOSE_TIMEOUT)
    except (DeviceError, OSError, TimeoutError) as exc:
        _LOGGER.warning("%s: closing after the connection test failed: %s", device.name, exc)


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


# --- import and export --------------------------------------------------------------------------


def _strip_secrets(container: Container | AbstractTable) -> None:
    """Remove secret-named text values in place and scrub passwords out of other text."""
    for key in list(container.keys()):
        value = container[key]
        if isinstance(value, AbstractTable):
            _strip_secrets(value)
        elif isinstance(value, AoT):
            for table in value:
                _strip_secrets(table)
        elif isinstance(value, str) and value:
            if is_secret_key(str(key)):
                del container[key]
            elif scrub_text(value) != value:
                container[key] = scrub_text(value)


def strip_secrets(text: str) -> str:
    """Return profile ``text`` without secrets (PIN hash, passwords in URLs), still valid TOML."""
    document = tomlkit.parse(text.removeprefix(BOM))
    _strip_secrets(document)
    lines = tomlkit.dumps(document).splitlines(keepends=True)
    return "".join(scrub_text(line) if line.lstrip().startswith("#") else line for line in lines)


def export_profile(profile_text: str, dest: Path | str) -> Path:
    """Write ``profile_text`` without secrets to ``dest`` for another site; ProfileError if bad."""
    dest = Path(dest)
    parse_profile_text(profile_text, dest)
    dest.write_text(strip_secrets(profile_text), encoding="utf-8")
    _LOGGER.info("exported profile to %s", dest)
    return dest


def import_profile(src: Path | str, current: RoomProfile | None = None) -> str:
    """Read and validate a profile file; ``ProfileError`` (line, field) if it is not usable.

    An exported file has no technician PIN hash: this site's (``current``) is kept so importing
    never opens technician mode without a PIN.
    """
    src = Path(src)
    text = read_profile_text(src)  # as the console reads it: BOM, encoding, size, not a pipe
    imported = parse_profile_text(text, src)
    if current is not None and current.technician_pin_hash and not imported.technician_pin_hash:
        text = _with_pin_hash(text, current.technician_pin_hash)
        parse_profile_text(text, src)
    _LOGGER.info("imported profile from %s", src)
    return text


def _with_pin_hash(text: str, pin_hash: str) -> str:
    """Add ``technician_pin_hash`` to ``text`` (tomlkit puts it before the first table)."""
    document = tomlkit.parse(text.removeprefix(BOM))
    document["technician_pin_hash"] = pin_hash
    return tomlkit.dumps(document)
