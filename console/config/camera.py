"""Camera section of the room profile: connection, model limits and named presets."""

from __future__ import annotations

import os
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator

from console.config.base import StrictModel, field_error, repeated
from console.config.codec import CodecDriver
from console.config.mixer import MixerDriver
from console.config.video import VideoSourceProfile
from drivers import registry
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca.connection import ConnectionSpec, Transport, parse_connection

# Drivers of the other roles: a camera naming one of them would be dropped at start.
_OTHER_ROLES = frozenset(str(name) for name in (*MixerDriver, *CodecDriver))


def camera_drivers() -> list[str]:
    """Names a camera's ``driver`` may take (every registered driver of the camera role)."""
    return [name for name in registry.names() if name not in _OTHER_ROLES]


def connection_key(spec: ConnectionSpec) -> str:
    """Which link a connection opens: two cameras with one key share a port (or a camera).

    Mirrors ``drivers.visca.bus``: ``COM3`` and ``com3`` are one port on Windows, and
    ``visca-ip:HOST`` is ``visca-ip:HOST:52381``.
    """
    text = str(spec)
    return text.lower() if spec.transport is Transport.SERIAL and os.name == "nt" else text


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

    @field_validator("driver")
    @classmethod
    def _check_driver(cls, value: str) -> str:
        known = camera_drivers()
        if value in known:
            return value
        if value in registry.names():  # a mixer or codec driver: the camera would be dropped
            problem = f"{value!r} is not a camera driver"
        else:
            problem = f"unknown camera driver {value!r}"
        raise ValueError(f"{problem}; camera drivers: {', '.join(known)}")

    @field_validator("connection")
    @classmethod
    def _check_connection(cls, value: str) -> str:
        if any(ord(char) < 0x20 or ord(char) == 0x7F for char in value):
            raise ValueError(f"connection {value!r} has a control character (a stray escape?)")
        spec = parse_connection(value)  # ValueError says what is expected
        if spec.transport is Transport.PTY:
            raise ValueError(
                "'pty' is only for the emulator (roomctl emulate camera); a camera is "
                "serial:PORT, visca-ip:HOST[:PORT], tcp:HOST:PORT or udp:HOST:PORT"
            )
        if spec.is_network and spec.port == 0:
            raise ValueError(f"connection {value!r}: the camera's port is a number 1-65535")
        return value

    @field_validator("address")
    @classmethod
    def _check_address(cls, value: int, info: ValidationInfo) -> int:
        connection = info.data.get("connection")  # absent when the connection itself is wrong
        if connection is not None and value != 1 and parse_connection(connection).is_network:
            raise ValueError(
                "over the network the camera address is always 1 (addresses 2-7 are for "
                "cameras daisy-chained on one serial port)"
            )
        return value

    @model_validator(mode="after")
    def _check_presets(self) -> CameraProfile:
        twice = repeated([preset.number for preset in self.presets])
        if twice is not None:
            number = self.presets[twice[1]].number
            raise field_error(
                CameraProfile,
                ("presets", twice[1], "number"),
                f"preset numbers used twice: [{number}] (presets[{twice[0] + 1}] has it too)",
                number,
            )
        return self

    @property
    def link(self) -> tuple[str, int]:
        """The port (or network camera) this camera talks through, and its address there."""
        return connection_key(parse_connection(self.connection)), self.address
