"""Named presets of one camera: recall, save, clear, rename, persisted in the profile.

Presets live in the camera's memory when it has one and the number fits its capacity;
otherwise the console stores the absolute pan/tilt/zoom(/focus) itself and recalls it with
goto + zoom_to (cameras without preset memory, or numbers beyond the capacity).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from console.config.camera import PositionProfile, PresetProfile
from drivers.errors import DeviceCommandError, Problem
from drivers.observable import Observable
from drivers.roles.camera import Camera, CameraLimits, CameraState, PtzPosition

_LOGGER = logging.getLogger(__name__)

# A console-stored shot counts as "still on the preset" within this many units.
_PAN_TILT_TOLERANCE = 2
_ZOOM_TOLERANCE = 16


@dataclass(frozen=True)
class Preset:
    """A preset as the UI shows it; ``position`` set for console-stored shots."""

    number: int
    name: str = ""
    position: PtzPosition | None = None
    thumbnail: str | None = None

    @classmethod
    def from_profile(cls, profile: PresetProfile) -> Preset:
        """Build from the profile's preset entry."""
        position = profile.position.to_position() if profile.position else None
        return cls(profile.number, profile.name, position, profile.thumbnail)


SaveCallback = Callable[[tuple["Preset", ...]], None]


def _close(position: PtzPosition, state: CameraState) -> bool:
    """Tell whether the camera is (as far as we know) still at ``position``."""
    if state.pan is None or state.tilt is None or state.zoom is None:
        return True
    return (
        abs(state.pan - position.pan) <= _PAN_TILT_TOLERANCE
        and abs(state.tilt - position.tilt) <= _PAN_TILT_TOLERANCE
        and abs(state.zoom - position.zoom) <= _ZOOM_TOLERANCE
    )


class PresetBook:
    """The presets of one camera, published as a sorted tuple; ``active`` is the shot on air."""

    def __init__(
        self,
        camera: Camera,
        profile_presets: Sequence[PresetProfile],
        limits: CameraLimits,
        save_callback: SaveCallback | None = None,
        *,
        recall_speed: int | None = None,
        wake_on_preset: bool = False,
    ) -> None:
        self.camera = camera
        self.limits = limits
        self.recall_speed = recall_speed
        self.wake_on_preset = wake_on_preset  # a recall switches a camera in standby on first
        self._save_callback = save_callback
        presets = sorted((Preset.from_profile(p) for p in profile_presets), key=_number)
        self.presets: Observable[tuple[Preset, ...]] = Observable(tuple(presets))
        # The preset the camera is on; None once it moved off (UI: "moved off the preset").
        self.active: Observable[int | None] = Observable(None)
        self._unsubscribe = camera.state.subscribe(self._on_camera_state)

    def close(self) -> None:
        """Stop following the camera."""
        self._unsubscribe()

    def in_camera(self, number: int) -> bool:
        """Tell whether preset ``number`` lives in the camera's memory."""
        return self.limits.has_preset_memory and number < self.limits.preset_capacity

    def get(self, number: int) -> Preset | None:
        """Return the preset with ``number``, if defined."""
        return next((p for p in self.presets.value if p.number == number), None)

    @property
    def in_standby(self) -> bool:
        """True when the camera is known to be powered down (a recall would be refused)."""
        return self.camera.state.value.power_on is False

    async def recall(self, number: int, *, wake: bool | None = None) -> None:
        """Recall a preset; ``DeviceCommandError`` if a console-stored one has no position.

        A camera in standby is switched on first when ``wake`` (default: the profile's
        ``wake_on_preset``) says so; otherwise the camera itself refuses the recall.
        """
        preset = self.get(number)
        if self.in_standby and (self.wake_on_preset if wake is None else wake):
            _LOGGER.info("%s: switching on from standby for preset %d", self.camera.name, number)
            await self.camera.power(True)
        if self.in_camera(number):
            await self.camera.recall_preset(number, self.recall_speed)
        else:
            if preset is None or preset.position is None:
                raise DeviceCommandError(
                    f"{self.camera.name}: preset {number} is not saved yet",
                    problem=Problem.NOT_EXECUTABLE,
                )
            await self._goto(preset.position)
        self.active.publish(number)

    async def _goto(self, position: PtzPosition) -> None:
        speed = self.recall_speed or self.limits.pan_speed_max
        await self.camera.goto(
            position.pan,
            position.tilt,
            min(speed, self.limits.pan_speed_max),
            min(speed, self.limits.tilt_speed_max),
        )
        await self.camera.zoom_to(position.zoom)

    async def save(self, number: int, name: str | None = None) -> Preset:
        """Store the current shot as preset ``number`` (in the camera or in the profile)."""
        old = self.get(number)
        position: PtzPosition | None = None
        if self.in_camera(number):
            await self.camera.save_preset(number)
        else:
            position = await self._current_position()
        new_name = name if name is not None else (old.name if old else "")
        preset = Preset(number, new_name, position, old.thumbnail if old else None)
        self._store(preset)
        self.active.publish(number)
        _LOGGER.info("%s: saved preset %d %r", self.camera.name, number, new_name)
        return preset

    async def _current_position(self) -> PtzPosition:
        await self.camera.refresh()
        state = self.camera.state.value
        if state.pan is None or state.tilt is None or state.zoom is None:
            raise DeviceCommandError(
                f"{self.camera.name}: position unknown, cannot store a preset",
                problem=Problem.NOT_ANSWERING,
            )
        return PtzPosition(state.pan, state.tilt, state.zoom, state.focus)

    async def clear(self, number: int) -> None:
        """Forget preset ``number`` (and reset it in the camera's memory)."""
        if self.in_camera(number):
            await self.camera.clear_preset(number)
        self._publish(tuple(p for p in self.presets.value if p.number != number))
        if self.active.value == number:
            self.active.publish(None)

    def rename(self, number: int, name: str) -> None:
        """Give preset ``number`` a new name (creating the entry if it had none)."""
        old = self.get(number) or Preset(number)
        self._store(replace(old, name=name))

    def set_thumbnail(self, number: int, file_name: str | None) -> None:
        """Record (None: forget) the picture file of preset ``number``; saved like a rename."""
        old = self.get(number)
        if old is None:  # cleared while its picture was being stored: nothing to attach it to
            _LOGGER.info("%s: preset %d is gone, thumbnail not kept", self.camera.name, number)
            return
        self._store(replace(old, thumbnail=file_name))

    def _store(self, preset: Preset) -> None:
        others = [p for p in self.presets.value if p.number != preset.number]
        self._publish(tuple(sorted([*others, preset], key=_number)))

    def _publish(self, presets: tuple[Preset, ...]) -> None:
        self.presets.publish(presets)
        if self._save_callback is not None:
            self._save_callback(presets)

    def _on_camera_state(self, state: CameraState) -> None:
        active = self.active.value
        if state.last_preset is not None:
            self.active.publish(state.last_preset)
        elif active is not None:
            preset = self.get(active)
            stored = preset.position if preset is not None else None
            if stored is None or state.moving or not _close(stored, state):
                self.active.publish(None)


def _number(preset: Preset) -> int:
    return preset.number


def to_profile(presets: Sequence[Preset]) -> list[PresetProfile]:
    """Presets back to profile entries, for saving."""
    return [
        PresetProfile(
            number=p.number,
            name=p.name,
            position=PositionProfile.from_position(p.position) if p.position else None,
            thumbnail=p.thumbnail,
        )
        for p in presets
    ]
