"""The room model: every device of the room, its live state and availability, notifications.

Availability is logged once when a device is lost and once when it comes back (never once per
failed poll) and each change becomes a Notification for the status area.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from console.config.camera import PresetProfile
from console.config.loader import ProfileError, save_profile, update_profile_file
from console.config.models import RoomProfile
from console.notifications import Notifications, Severity
from console.presets import Preset, PresetBook, to_profile
from drivers.errors import DeviceError, Problem
from drivers.observable import Unsubscribe
from drivers.roles.base import Availability, Device, DeviceStatus
from drivers.roles.camera import Camera
from drivers.roles.codec import Codec
from drivers.roles.mixer import Mixer
from drivers.video.player import VideoPlayer

_LOGGER = logging.getLogger(__name__)

STOP_TIMEOUT = 2.0  # seconds to let every camera stop before closing links anyway
CLOSE_TIMEOUT = 5.0


@dataclass(frozen=True)
class CameraSlot:
    """One camera of the room: profile id, display name, driver and its presets."""

    id: str
    name: str
    camera: Camera
    presets: PresetBook


class Room:
    """The live room: devices, their availability, notifications, and the profile behind it."""

    def __init__(
        self,
        profile: RoomProfile,
        cameras: Sequence[CameraSlot] = (),
        *,
        devices: Sequence[Device] = (),
        profile_path: Path | None = None,
        notifications: Notifications | None = None,
    ) -> None:
        self.profile = profile
        self.profile_path = profile_path  # None: presets are kept in memory only (demo)
        self.cameras: list[CameraSlot] = list(cameras)
        self._others: list[Device] = list(devices)  # mixer, codec ... (later issues)
        self.notifications = notifications or Notifications()
        self._seen: dict[str, DeviceStatus] = {}
        self._lost: dict[str, Problem] = {}  # device name -> why it went offline
        self._unsubscribe: list[Unsubscribe] = []
        self._started = False
        self._running: set[int] = set()  # ids of devices started by someone else
        self.previews: dict[str, VideoPlayer] = {}  # camera id -> what that camera sends
        self.incoming: VideoPlayer | None = None  # the far end / bridge picture

    @property
    def devices(self) -> list[Device]:
        """Every device of the room: cameras first, then the others in the order added."""
        return [*(slot.camera for slot in self.cameras), *self._others]

    def add_device(self, device: Device, *, running: bool = False) -> None:
        """Add a non-camera device (mixer, codec ...) before ``start``; it gets a status light.

        ``running``: the device was started elsewhere (the demo's codec); ``start`` skips it.
        """
        if self._started:
            raise RuntimeError("add devices before Room.start()")
        self._others.append(device)
        if running:
            self._running.add(id(device))

    @property
    def mixer(self) -> Mixer | None:
        """The audio mixer, if the room has one."""
        return next((d for d in self._others if isinstance(d, Mixer)), None)

    @property
    def codec(self) -> Codec | None:
        """The codec, if the room has one."""
        return next((d for d in self._others if isinstance(d, Codec)), None)

    def camera(self, camera_id: str) -> CameraSlot:
        """Return the camera slot with ``camera_id`` (KeyError if none)."""
        for slot in self.cameras:
            if slot.id == camera_id:
                return slot
        raise KeyError(camera_id)

    async def start(self, *, previews: bool = True) -> None:
        """Watch every device and start it; a device failing to start is reported, not fatal.

        ``previews``: start the preview players too (a room without a window has no use for them).
        """
        if self._started:
            return
        self._started = True
        for device in self.devices:
            self._seen[device.name] = device.status.value
            self._unsubscribe.append(device.status.subscribe(self._watcher(device)))
        for player in self.players if previews else ():
            await player.start()  # returns at once; the player connects in the background
        to_start = [d for d in self.devices if id(d) not in self._running]
        results = await asyncio.gather(*(d.start() for d in to_start), return_exceptions=True)
        for device, result in zip(to_start, results, strict=True):
            if isinstance(result, Exception):
                self._report_start_failure(device, result)
            elif isinstance(result, BaseException):  # cancelled, interrupted: not ours to keep
                raise result

    def _report_start_failure(self, device: Device, error: Exception) -> None:
        """Report a device that cannot start; the room and its other devices carry on."""
        if isinstance(error, DeviceError):
            _LOGGER.warning("%s: cannot start: %s", device.name, error)
            self.notifications.post(device.name, error.problem, str(error), Severity.ERROR)
            return
        # A bug or a setting the profile's checks missed: never a console without a window, and
        # never a light that keeps saying "connecting" for a device that will not run.
        _LOGGER.error("%s: cannot start", device.name, exc_info=error)
        detail = f"cannot start: {type(error).__name__}: {error}"
        device.status.publish(DeviceStatus(Availability.OFFLINE, Problem.UNKNOWN, detail))

    def _watcher(self, device: Device) -> Callable[[DeviceStatus], None]:
        def on_status(status: DeviceStatus) -> None:
            self._on_status(device, status)

        return on_status

    def _on_status(self, device: Device, status: DeviceStatus) -> None:
        previous = self._seen.get(device.name, DeviceStatus())
        self._seen[device.name] = status
        now = status.availability
        # CONNECTING between OFFLINE and ONLINE (link back, no answer yet) is neither.
        if now is Availability.OFFLINE and device.name not in self._lost:
            problem = status.problem or Problem.UNKNOWN
            self._lost[device.name] = problem
            _LOGGER.warning("%s: unavailable (%s): %s", device.name, problem, status.detail)
            self.notifications.post(device.name, problem, status.detail, Severity.ERROR)
        elif now is Availability.ONLINE and device.name in self._lost:
            problem = self._lost.pop(device.name)
            _LOGGER.info("%s: available again", device.name)
            self.notifications.clear(device.name)
            self.notifications.post(device.name, problem, "recovered", Severity.RESOLVED)
        if status.warning is not None and status.warning != previous.warning:
            _LOGGER.warning("%s: degraded (%s): %s", device.name, status.warning, status.detail)
            self.notifications.post(device.name, status.warning, status.detail, Severity.WARNING)

    def presets_changed(self, camera_id: str, presets: tuple[Preset, ...]) -> None:
        """Write a camera's presets into the profile and save it (when it has a file)."""
        camera = self.profile.camera(camera_id)
        camera.presets = to_profile(presets)
        if self.profile_path is None:
            return
        try:
            if self.profile_path.exists():  # the file may be newer than our copy: change it
                update_profile_file(self.profile_path, _set_presets(camera_id, camera.presets))
            else:  # gone (or never written): our copy is all there is
                save_profile(self.profile, self.profile_path)
        except (OSError, ProfileError, KeyError) as exc:
            _LOGGER.error("cannot save presets to %s: %s", self.profile_path, exc)
            self.notifications.post(camera.name, Problem.BAD_CONFIG, str(exc), Severity.ERROR)

    async def stop_all(self) -> None:
        """Stop pan-tilt and zoom on every camera at once (never raises)."""
        stops = (slot.camera.stop_motion() for slot in self.cameras)
        try:
            await asyncio.wait_for(asyncio.gather(*stops, return_exceptions=True), STOP_TIMEOUT)
        except TimeoutError:
            _LOGGER.warning("room: not every camera confirmed stop within %.1f s", STOP_TIMEOUT)

    @property
    def players(self) -> list[VideoPlayer]:
        """Every preview player: the cameras' and the incoming picture."""
        extra = [self.incoming] if self.incoming is not None else []
        return [*self.previews.values(), *extra]

    async def close(self) -> None:
        """Stop motion on every camera first, then close every device and preview."""
        await self.stop_all()
        for player in self.players:
            with contextlib.suppress(Exception):
                await player.close()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        for slot in self.cameras:
            slot.presets.close()
        closes = (device.close() for device in self.devices)
        with contextlib.suppress(TimeoutError):
            results = await asyncio.wait_for(
                asyncio.gather(*closes, return_exceptions=True), CLOSE_TIMEOUT
            )
            for device, result in zip(self.devices, results, strict=True):
                if isinstance(result, Exception):
                    _LOGGER.warning("%s: error while closing: %s", device.name, result)
        self._started = False


def _set_presets(camera_id: str, presets: list[PresetProfile]) -> Callable[[RoomProfile], None]:
    """Profile change: this camera's presets (KeyError if the file no longer has the camera)."""

    def change(profile: RoomProfile) -> None:
        profile.camera(camera_id).presets = [p.model_copy() for p in presets]

    return change
