"""Root of the room profile: the site and its devices."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from console.access import check_pin_hash
from console.config.base import StrictModel, field_error, repeated
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
        twice = repeated([camera.id for camera in self.cameras])
        if twice is not None:
            first, second = twice
            ident = self.cameras[second].id
            raise field_error(
                RoomProfile,
                ("cameras", second, "id"),
                f"camera id {ident!r} is used twice (cameras[{first + 1}] has it too)",
                ident,
            )
        self._check_shared_links()
        bridges = {bridge.id for bridge in self.call.bridges}
        for index, meeting in enumerate(self.schedule.meetings):
            if meeting.bridge not in bridges:
                known = ", ".join(sorted(bridges)) or "none"
                raise field_error(
                    RoomProfile,
                    ("schedule", "meetings", index, "bridge"),
                    f"meetings name bridges that are not in [call]: [{meeting.bridge!r}] "
                    f"(bridges: {known})",
                    meeting.bridge,
                )
        return self

    def _check_shared_links(self) -> None:
        """Two cameras with one connection and one address would answer as one: refuse."""
        twice = repeated([camera.link for camera in self.cameras])
        if twice is None:
            return
        first, second = twice
        camera = self.cameras[second]
        key = "address" if "address" in camera.model_fields_set else "connection"
        advice = (
            "give each camera on a serial chain its own address (1-7)"
            if camera.link[0].startswith("serial:")
            else "each network camera has its own host or port"
        )
        raise field_error(
            RoomProfile,
            ("cameras", second, key),
            f"camera {camera.id!r} has the same connection and address as camera "
            f"{self.cameras[first].id!r}: {advice}",
            getattr(camera, key),
        )

    def camera(self, camera_id: str) -> CameraProfile:
        """Return the camera with ``camera_id`` (KeyError if none)."""
        for camera in self.cameras:
            if camera.id == camera_id:
                return camera
        raise KeyError(camera_id)
