"""The room profile: pydantic models, TOML loading and saving, migrations, the demo profile."""

from console.config.camera import CameraProfile, LimitsProfile, PositionProfile, PresetProfile
from console.config.demo_data import demo_profile
from console.config.loader import (
    ProfileError,
    backup_path,
    default_profile_path,
    load_profile,
    save_profile,
)
from console.config.models import SCHEMA_VERSION, RoomProfile, SiteProfile

__all__ = [
    "SCHEMA_VERSION",
    "CameraProfile",
    "LimitsProfile",
    "PositionProfile",
    "PresetProfile",
    "ProfileError",
    "RoomProfile",
    "SiteProfile",
    "backup_path",
    "default_profile_path",
    "demo_profile",
    "load_profile",
    "save_profile",
]
