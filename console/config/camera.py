"""Camera section of the room profile: connection, model limits and named presets."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator

from console.config.base import StrictModel
from console.config.video import VideoSourceProfile
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca.connection import parse_connection

# A camera id is used in file names and log lines: keep it a plain slug.
CameraId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=40)]


class LimitsProfile(StrictModel):
    """Per-model limits (shared/protocols/visca.md, 'Model differences')."""

    pan_speed_max: Annotated[int, Field(ge=1, le=0x18)] = 0x18
    tilt_speed_max: Annotated[int, Field(ge=1, le=0x18)] = 0x17
    zoom_speed_max: Annotated[int, Field(ge=0, le=7)] = 7
    focus_speed_max: Annotated[int, Field(ge=0, le=7)] = 7
    preset_capacity: Annotated[int, Field(ge=0, le=256)] = 6
    has_preset_memory: bool = True
    replies: bool = True  # False: the camera is wired one-way and never answers

    def to_limits(self) -> CameraLimits:
        """Return the driver-side limits object."""
        return CameraLimits(**self.model_dump())


class PositionProfile(StrictModel):
    """An absolute shot in the camera's own units (console-stored presets)."""

    pan: Annotated[int, Field(ge=-0x8000, le=0xFFFF)]
    tilt: Annotated[int, Field(ge=-0x8000, le=0xFFFF)]
    zoom: Annotated[int, Field(ge=0, le=0xFFFF)]
    focus: Annotated[int | None, Field(ge=0, le=0xFFFF)] = None

    def to_position(self) -> PtzPosition:
        """Return the driver-side position object."""
        return PtzPosition(self.pan, self.tilt, self.zoom, self.focus)

    @classmethod
    def from_position(cls, position: PtzPosition) -> PositionProfile:
        """Build from a driver-side position."""
        return cls(pan=position.pan, tilt=position.tilt, zoom=position.zoom, focus=position.focus)


class PresetProfile(StrictModel):
    """A named preset shot; ``position`` is set when the console stores it itself."""

    number: Annotated[int, Field(ge=0, le=255)]
    name: Annotated[str, Field(max_length=60)] = ""
    position: PositionProfile | None = None
    thumbnail: Annotated[str | None, Field(pattern=r"^[^/\\]+$")] = None  # a file name, no folders


class CameraProfile(StrictModel):
    """One PTZ camera of the room."""

    id: CameraId
    name: Annotated[str, Field(min_length=1, max_length=60)]
    driver: str = "visca-serial"
    connection: str
    address: Annotated[int, Field(ge=1, le=7)] = 1
    limits: LimitsProfile = Field(default_factory=lambda: LimitsProfile())
    recall_speed: Annotated[int | None, Field(ge=1, le=0x18)] = None
    # A preset tap on a camera in standby: False asks the operator first, True switches it on.
    wake_on_preset: bool = False
    presets: list[PresetProfile] = Field(default_factory=list)
    preview: VideoSourceProfile | None = None  # what this camera sends, for the outgoing preview

    @field_validator("connection")
    @classmethod
    def _check_connection(cls, value: str) -> str:
        parse_connection(value)  # ValueError says what is expected
        return value

    @model_validator(mode="after")
    def _check_presets(self) -> CameraProfile:
        numbers = [preset.number for preset in self.presets]
        duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
        if duplicates:
            raise ValueError(f"preset numbers used twice: {duplicates}")
        return self
