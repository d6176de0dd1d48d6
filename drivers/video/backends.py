"""Pick the decoder for a source: libVLC when it can open the URL, else PyAV (bundles FFmpeg)."""

from __future__ import annotations

import logging

from drivers.video.frames import FrameSlot
from drivers.video.player import Backend
from drivers.video.source import Decoder, VideoSource

_LOGGER = logging.getLogger(__name__)


def choose_decoder(source: VideoSource) -> Decoder:
    """Return the decoder for ``source`` (DeviceUnavailable when libVLC is missing)."""
    if source.decoder is not Decoder.AUTO:
        return source.decoder
    from drivers.video.vlc_backend import vlc_can_open

    if vlc_can_open(source.scheme):
        return Decoder.VLC
    _LOGGER.info("libVLC cannot open %s:// here; using PyAV for %s", source.scheme, source.url)
    return Decoder.PYAV


def create_backend(source: VideoSource, slot: FrameSlot) -> Backend:
    """Make a fresh decoder session for ``source`` writing into ``slot``."""
    if choose_decoder(source) is Decoder.PYAV:
        from drivers.video.pyav_backend import PyAvBackend

        return PyAvBackend(source, slot)
    from drivers.video.vlc_backend import VlcBackend

    return VlcBackend(source, slot)
