"""The Camera role: a PTZ camera the console can drive, whatever its protocol."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from enum import StrEnum

from drivers.observable import Observable
from drivers.roles.base import Device


class PanTiltDirection(StrEnum):
    """The eight joystick directions."""

    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    UP_LEFT = "up-left"
    UP_RIGHT = "up-right"
    DOWN_LEFT = "down-left"
    DOWN_RIGHT = "down-right"


class ZoomDirection(StrEnum):
    """Zoom drive directions."""

    TELE = "tele"
    WIDE = "wide"
    STOP = "stop"


class FocusAction(StrEnum):
    """Focus operations."""

    AUTO = "auto"
    MANUAL = "manual"
    FAR = "far"
    NEAR = "near"
    STOP = "stop"
    ONE_PUSH = "one-push"


@dataclass(frozen=True)
class CameraLimits:
    """Per-model limits (see shared/protocols/visca.md, 'Model differences')."""

    pan_speed_max: int = 0x18
    tilt_speed_max: int = 0x17
    zoom_speed_max: int = 7
    focus_speed_max: int = 7
    preset_capacity: int = 6
    has_preset_memory: bool = True
    replies: bool = True  # False: one-way wiring, fire-and-forget


@dataclass(frozen=True)
class PtzPosition:
    """An absolute position in the camera's own units."""

    pan: int
    tilt: int
    zoom: int
    focus: int | None = None


@dataclass(frozen=True)
class CameraState:
    """Immutable snapshot of what we know about a camera (None = unknown)."""

    power_on: bool | None = None
    pan: int | None = None
    tilt: int | None = None
    zoom: int | None = None
    focus: int | None = None
    focus_auto: bool | None = None
    moving: bool = False
    last_preset: int | None = None


class Camera(Device):
    """A PTZ camera. Every verb is async and raises a ``DeviceError`` subclass on failure."""

    def __init__(self, name: str, limits: CameraLimits) -> None:
        super().__init__(name)
        self.limits = limits
        self.state = Observable(CameraState())

    @abstractmethod
    async def power(self, on: bool) -> None:
        """Power on or to standby."""

    @abstractmethod
    async def move(self, direction: PanTiltDirection, pan_speed: int, tilt_speed: int) -> None:
        """Start or change a continuous pan-tilt drive (coalesced: newest wins)."""

    @abstractmethod
    async def stop(self) -> None:
        """Stop pan-tilt drive; pre-empts any pending drive for this camera."""

    @abstractmethod
    async def stop_motion(self) -> None:
        """Stop pan-tilt and zoom at once; pre-empts anything pending. Never raises."""

    @abstractmethod
    async def zoom(self, direction: ZoomDirection, speed: int | None = None) -> None:
        """Drive zoom (speed 0-7, None = the camera's standard speed)."""

    @abstractmethod
    async def zoom_to(self, position: int) -> None:
        """Zoom to an absolute position."""

    @abstractmethod
    async def focus(self, action: FocusAction, speed: int | None = None) -> None:
        """Focus mode or drive."""

    @abstractmethod
    async def home(self) -> None:
        """Pan-tilt home."""

    @abstractmethod
    async def goto(self, pan: int, tilt: int, pan_speed: int, tilt_speed: int) -> None:
        """Absolute pan-tilt position."""

    @abstractmethod
    async def recall_preset(self, number: int, speed: int | None = None) -> None:
        """Recall a preset from the camera's memory."""

    @abstractmethod
    async def save_preset(self, number: int) -> None:
        """Store the current shot in the camera's preset memory."""

    @abstractmethod
    async def clear_preset(self, number: int) -> None:
        """Reset a preset in the camera's memory."""

    @abstractmethod
    async def refresh(self) -> None:
        """Inquire power, zoom, focus mode and position; update ``state``."""
