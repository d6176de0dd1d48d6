"""Root of the room profile: the site and its devices."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from console.config.camera import CameraProfile, StrictModel

SCHEMA_VERSION = 1


class SiteProfile(StrictModel):
    """Who and where: shown in the title bar and in support messages."""

    name: Annotated[str, Field(min_length=1, max_length=80)] = "Room"
    contact: Annotated[str, Field(max_length=200)] = ""


class RoomProfile(StrictModel):
    """Everything the console knows about one room; saved as a human-editable TOML file."""

    schema_version: int = SCHEMA_VERSION
    site: SiteProfile = Field(default_factory=lambda: SiteProfile())
    cameras: list[CameraProfile] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_unique_ids(self) -> RoomProfile:
        ids = [camera.id for camera in self.cameras]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"camera ids used twice: {duplicates}")
        return self

    def camera(self, camera_id: str) -> CameraProfile:
        """Return the camera with ``camera_id`` (KeyError if none)."""
        for camera in self.cameras:
            if camera.id == camera_id:
                return camera
        raise KeyError(camera_id)
