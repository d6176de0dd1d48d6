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
from drivers.roles.codec import (
    CallDirection,
    CallInfo,
    CallState,
    CallStatistics,
    Codec,
    Registration,
)
from drivers.roles.mixer import ChannelState, Meters, Mixer, MixerLimits, MixerState

__all__ = [
    "Availability",
    "CallDirection",
    "CallInfo",
    "CallState",
    "CallStatistics",
    "Camera",
    "CameraLimits",
    "CameraState",
    "ChannelState",
    "Codec",
    "Device",
    "DeviceStatus",
    "FocusAction",
    "Meters",
    "Mixer",
    "MixerLimits",
    "MixerState",
    "PanTiltDirection",
    "PtzPosition",
    "Registration",
    "ZoomDirection",
]
