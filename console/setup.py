"""Build the live Room from a profile, finding each driver by name in the registry."""

from __future__ import annotations

import logging
from pathlib import Path

from console.config.camera import CameraProfile
from console.config.codec import CODEC_PASSWORD_SERVICE, PinStore, PinStoreUnavailable
from console.config.models import RoomProfile
from console.notifications import Notifications, Severity
from console.presets import Preset, PresetBook
from console.room import CameraSlot, Room
from drivers import registry
from drivers.errors import DeviceError, Problem
from drivers.roles.base import Device
from drivers.roles.camera import Camera
from drivers.video.player import VideoPlayer

_LOGGER = logging.getLogger(__name__)


def _camera(profile: CameraProfile) -> Camera:
    """Create one camera driver; ``DeviceError`` when the driver is unknown or unavailable."""
    device = registry.factory(profile.driver)(
        name=profile.name,
        connection=profile.connection,
        address=profile.address,
        limits=profile.limits.to_limits(),
    )
    if not isinstance(device, Camera):
        raise DeviceError(f"driver {profile.driver!r} does not make a camera")
    return device


def _mixer(profile: RoomProfile) -> Device | None:
    """Build the mixer driver, or None when the microphones go straight into the codec."""
    if not profile.mixer.has_mixer:
        return None
    return registry.factory(profile.mixer.driver.value)(**profile.mixer.driver_kwargs())


def _codec(profile: RoomProfile) -> Device | None:
    """Build the codec driver when the profile has a ``[call]`` section."""
    if "call" not in profile.model_fields_set:
        return None
    codec = profile.call.codec
    password = None
    if codec.username:
        try:
            password = PinStore(service=CODEC_PASSWORD_SERVICE).get(codec.username)
        except PinStoreUnavailable as exc:
            _LOGGER.warning("codec: no keyring for the codec password: %s", exc)
    return registry.factory(codec.driver.value)(**codec.driver_kwargs(password=password))


def build_room(
    profile: RoomProfile, profile_path: Path | None = None, *, running_codec: Device | None = None
) -> Room:
    """Build a Room with a driver per device; a failing driver is left out and reported.

    ``running_codec``: a codec already started elsewhere (the demo's) instead of the profile's.
    """
    notifications = Notifications()
    room = Room(profile, profile_path=profile_path, notifications=notifications)
    if running_codec is not None:
        room.add_device(running_codec, running=True)
    makers = (("mixer", _mixer),) if running_codec else (("mixer", _mixer), ("codec", _codec))
    for label, make in makers:
        try:
            device = make(profile)
        except Exception as exc:  # noqa: BLE001 - one device never stops the room
            _report(notifications, label, exc)
            continue
        if device is not None:
            room.add_device(device)
    for camera_profile in profile.cameras:
        try:
            camera = _camera(camera_profile)
        except Exception as exc:  # noqa: BLE001 - one device never stops the room
            _report(notifications, camera_profile.name, exc)
            continue
        book = PresetBook(
            camera,
            camera_profile.presets,
            camera.limits,
            PresetSaver(room, camera_profile.id),
            recall_speed=camera_profile.recall_speed,
            wake_on_preset=camera_profile.wake_on_preset,
        )
        room.cameras.append(CameraSlot(camera_profile.id, camera_profile.name, camera, book))
        if camera_profile.preview is not None:
            source = camera_profile.preview.to_source()
            room.previews[camera_profile.id] = VideoPlayer(camera_profile.name, source)
    if profile.incoming is not None:
        room.incoming = VideoPlayer("far end", profile.incoming.to_source())  # log/status name
    return room


def _report(notifications: Notifications, name: str, error: Exception) -> None:
    """Log and show a driver that cannot be made; the room goes on without it."""
    if isinstance(error, DeviceError):
        _LOGGER.error("%s: %s", name, error)
        problem, detail = error.problem, str(error)
    else:  # a bug, or a setting the profile's checks missed
        _LOGGER.error("%s: cannot create the driver", name, exc_info=error)
        problem, detail = Problem.UNKNOWN, f"{type(error).__name__}: {error}"
    notifications.post(name, problem, detail, Severity.ERROR)


class PresetSaver:
    """The PresetBook's save callback: hands the presets to the room for one camera."""

    def __init__(self, room: Room, camera_id: str) -> None:
        self._room = room
        self._camera_id = camera_id

    def __call__(self, presets: tuple[Preset, ...]) -> None:
        """Save ``presets`` for this camera."""
        self._room.presets_changed(self._camera_id, presets)
