"""Root of the room profile: the site and its devices."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from console.access import check_pin_hash
from console.config.base import StrictModel
from console.config.camera import CameraProfile
from console.config.codec import CallProfile
from console.config.mixer import MixerProfile
from console.config.schedule import ScheduleProfile
from console.config.video import VideoSourceProfile

SCHEMA_VERSION = 1


class SiteProfile(StrictModel):
    """Who and where: shown in the title bar and in support messages."""

    name: Annotated[str, Field(min_length=1, max_length=80)] = "Room"
    contact: Annotated[str, Field(max_length=200)] = ""
    # Interface language of this site; a choice made on one computer (Settings) wins over it.
    language: Literal["vi", "en"] | None = None


class PrecheckProfile(StrictModel):
    """Settings of the pre-meeting check."""

    lectern_channel: Annotated[int | None, Field(ge=1, le=32)] = None  # mixer channel to test
    udp_echo_port: Annotated[int | None, Field(ge=1, le=65535)] = None  # bridge's UDP echo
    probe_seconds: Annotated[float, Field(ge=1, le=300)] = 30.0


class RoomProfile(StrictModel):
    """Everything the console knows about one room; saved as a human-editable TOML file."""

    schema_version: int = SCHEMA_VERSION
    site: SiteProfile = Field(default_factory=lambda: SiteProfile())
    cameras: list[CameraProfile] = Field(default_factory=list)
    incoming: VideoSourceProfile | None = None  # the far end / bridge picture
    mixer: MixerProfile = Field(default_factory=lambda: MixerProfile())
    call: CallProfile = Field(default_factory=lambda: CallProfile())
    schedule: ScheduleProfile = Field(default_factory=lambda: ScheduleProfile())
    precheck: PrecheckProfile = Field(default_factory=lambda: PrecheckProfile())
    technician_pin_hash: str | None = None  # salted scrypt hash; set from the PIN dialog

    @field_validator("technician_pin_hash")
    @classmethod
    def _check_pin_hash(cls, value: str | None) -> str | None:
        if value is not None:
            check_pin_hash(value)
        return value

    @model_validator(mode="after")
    def _check_unique_ids(self) -> RoomProfile:
        ids = [camera.id for camera in self.cameras]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"camera ids used twice: {duplicates}")
        bridges = {bridge.id for bridge in self.call.bridges}
        unknown = sorted({m.bridge for m in self.schedule.meetings} - bridges)
        if unknown:
            raise ValueError(f"meetings name bridges that are not in [call]: {unknown}")
        return self

    def camera(self, camera_id: str) -> CameraProfile:
        """Return the camera with ``camera_id`` (KeyError if none)."""
        for camera in self.cameras:
            if camera.id == camera_id:
                return camera
        raise KeyError(camera_id)
