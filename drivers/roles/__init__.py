"""Abstract device roles. Console code depends on these, never on a concrete driver."""

from drivers.roles.base import Availability, Device, DeviceStatus
from drivers.roles.camera import (
    Camera,
    CameraLimits,
    CameraState,
    FocusAction,
    PanTiltDirection,
    PtzPosition,
    ZoomDirection,
)

__all__ = [
    "Availability",
    "Camera",
    "CameraLimits",
    "CameraState",
    "Device",
    "DeviceStatus",
    "FocusAction",
    "PanTiltDirection",
    "PtzPosition",
    "ZoomDirection",
]
