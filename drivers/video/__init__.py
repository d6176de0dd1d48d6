"""Live video previews: a Qt-free player (libVLC, PyAV fallback) and generated test streams."""

from drivers.video.frames import Frame, FrameSlot
from drivers.video.player import VideoPlayer
from drivers.video.source import Decoder, PlayerState, PlayerStatus, Timing, VideoSource

__all__ = [
    "Decoder",
    "Frame",
    "FrameSlot",
    "PlayerState",
    "PlayerStatus",
    "Timing",
    "VideoPlayer",
    "VideoSource",
]
