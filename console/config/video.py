"""Video section of the room profile: a preview source and its latency options.

Used per camera (``preview``: what the camera sends) and per site (``incoming``: the codec's
far-end stream or the bridge's streaming URL); the integrator adds those two fields.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from console.config.base import LAX, StrictModel
from drivers.video.source import Decoder, VideoSource

# Schemes libVLC (or PyAV for RTSP) opens; a typo such as "rtps://" fails at load time.
KNOWN_SCHEMES = ("rtsp", "rtp", "udp", "http", "https", "srt", "v4l2", "dshow", "file")


class VideoSourceProfile(StrictModel):
    """Where a preview comes from and how much delay the operator accepts for smoothness."""

    url: Annotated[str, Field(min_length=4, max_length=500)]
    # libVLC network-caching in ms; None = libVLC's default (1 s: smooth but useless to frame a
    # shot). 35 ms with a sender mux delay of 100 ms measured 146 ms glass to glass (bench).
    caching_ms: Annotated[int | None, Field(ge=0, le=10_000)] = 35
    rtsp_tcp: bool = True  # RTSP over TCP: survives firewalls and packet loss; UDP is lower delay
    decoder: Annotated[Decoder, LAX] = Decoder.AUTO
    options: list[Annotated[str, Field(pattern=r"^:[a-z0-9-]+(=.*)?$")]] = []  # raw libVLC options

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, url: str) -> str:
        scheme = url.partition("://")[0].lower() if "://" in url else ""
        if scheme not in KNOWN_SCHEMES:
            raise ValueError(
                f"URL must start with one of {', '.join(s + '://' for s in KNOWN_SCHEMES)}"
            )
        return url

    def to_source(self) -> VideoSource:
        """Return the driver-side source description."""
        return VideoSource(
            url=self.url,
            caching_ms=self.caching_ms,
            rtsp_tcp=self.rtsp_tcp,
            decoder=self.decoder,
            extra_options=tuple(self.options),
        )
