"""The demo/training profile: two cameras with named presets, pointed at emulators."""

from __future__ import annotations

from collections.abc import Sequence

from console.config.camera import CameraProfile, LimitsProfile, PositionProfile, PresetProfile
from console.config.mixer import MixerChannelProfile, MixerDriver, MixerProfile
from console.config.models import RoomProfile, SiteProfile
from console.config.video import VideoSourceProfile

# Preset names are data (the demo room is a Vietnamese meeting hall).
_HALL_PRESETS = ("Toàn cảnh", "Chủ tọa", "Bục phát biểu", "Đại biểu trái", "Đại biểu phải")
_AUDIENCE_PRESETS = ("Toàn hội trường", "Hàng ghế đầu", "Khách mời")

DEMO_CONNECTIONS = ("visca-ip:127.0.0.1:52381", "tcp:127.0.0.1:5678")


def demo_profile(
    connections: Sequence[str] = DEMO_CONNECTIONS, preview_urls: Sequence[str] = ()
) -> RoomProfile:
    """Two cameras: a Sony over VISCA-IP and a raw-TCP camera that keeps presets 6+ itself."""
    previews = [VideoSourceProfile(url=url) for url in preview_urls] + [None, None]
    stage = CameraProfile(
        id="stage",
        name="Sân khấu",
        driver="visca-ip",
        connection=connections[0],
        presets=[PresetProfile(number=n, name=name) for n, name in enumerate(_HALL_PRESETS)],
        recall_speed=0x10,
        preview=previews[0],
    )
    audience = CameraProfile(
        id="audience",
        name="Hội trường",
        driver="visca-tcp",
        connection=connections[1],
        limits=LimitsProfile(preset_capacity=2),
        presets=[
            PresetProfile(number=0, name=_AUDIENCE_PRESETS[0]),
            PresetProfile(number=1, name=_AUDIENCE_PRESETS[1]),
            # beyond the capacity of 2: the console keeps this shot as a position
            PresetProfile(
                number=2,
                name=_AUDIENCE_PRESETS[2],
                position=PositionProfile(pan=400, tilt=-50, zoom=6000),
            ),
        ],
        preview=previews[1],
    )
    site = SiteProfile(name="Hội trường demo", contact="")
    return RoomProfile(site=site, cameras=[stage, audience])


def demo_mixer(port: int) -> MixerProfile:
    """Return the demo's X32 desk on 127.0.0.1: three microphones and the PC's sound."""
    return MixerProfile(
        driver=MixerDriver.X32,
        name="Bàn trộn âm thanh",
        host="127.0.0.1",
        port=port,
        channels=[
            MixerChannelProfile(number=1, name="Chủ tọa"),
            MixerChannelProfile(number=2, name="Bục phát biểu"),
            MixerChannelProfile(number=3, name="Đại biểu"),
            MixerChannelProfile(number=4, name="Máy tính", microphone=False),
        ],
    )
