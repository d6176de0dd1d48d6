"""PyAV (FFmpeg) decoding in a worker thread: the fallback for sources libVLC cannot open (RTSP)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from drivers.errors import DeviceUnavailable, Problem
from drivers.video.frames import FrameSlot, fit_size
from drivers.video.player import Backend
from drivers.video.source import Decoder, VideoSource

_LOGGER = logging.getLogger(__name__)
_OPEN_TIMEOUT = 5.0
_READ_TIMEOUT = 1.0  # a blocked read gives up after this, so close() never waits long


def load_av() -> Any:
    """Import PyAV; ``DeviceUnavailable`` (LIBRARY_MISSING) when it is not installed."""
    try:
        import av
    except ImportError as exc:
        raise DeviceUnavailable(
            f"PyAV is not available: {exc}", problem=Problem.LIBRARY_MISSING
        ) from exc
    return av


def av_options(source: VideoSource) -> dict[str, str]:
    """FFmpeg demuxer options for a low-latency live preview."""
    options = {"fflags": "nobuffer", "flags": "low_delay", "analyzeduration": "500000"}
    if source.caching_ms is not None:
        options["max_delay"] = str(source.caching_ms * 1000)
    if source.scheme == "rtsp":
        options["rtsp_transport"] = "tcp" if source.rtsp_tcp else "udp"
    return options


class PyAvBackend(Backend):
    """Demux + decode with PyAV in one thread, converting each picture to B,G,R,X."""

    decoder = Decoder.PYAV

    def __init__(self, source: VideoSource, slot: FrameSlot) -> None:
        super().__init__(source, slot)
        self._av = load_av()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self) -> None:
        """Start the decoding thread (opening the URL happens there)."""
        self._thread = threading.Thread(
            target=self._run, name=f"pyav {self.source.url}", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        """Ask the thread to stop and wait for it (reads time out after a second)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(_OPEN_TIMEOUT + _READ_TIMEOUT)
            self._thread = None

    def _run(self) -> None:
        av = self._av
        try:
            container = av.open(
                self.source.url,
                options=av_options(self.source),
                timeout=(_OPEN_TIMEOUT, _READ_TIMEOUT),
            )
        except (av.FFmpegError, OSError) as exc:
            self.failure = (
                Problem.CONNECTION_REFUSED,
                f"PyAV could not open {self.source.url}: {exc}",
            )
            return
        try:
            self._decode(container)
        except (av.FFmpegError, OSError) as exc:
            self.failure = (Problem.NOT_ANSWERING, f"PyAV read failed: {exc}")
        finally:
            container.close()

    def _convert(self, picture: Any) -> Any:
        """B,G,R,X pixels at the display size (swscale scales while converting)."""
        native = (picture.width, picture.height)
        width, height = fit_size(native, self.output_box)
        if (width, height) == native:
            return picture.to_ndarray(format="bgra")
        return picture.to_ndarray(width=width, height=height, format="bgra")

    def _decode(self, container: Any) -> None:
        stream = container.streams.video[0]
        stream.codec_context.flags |= self._av.codec.context.Flags.low_delay
        for packet in container.demux(stream):
            if self._stop.is_set():
                return
            for picture in packet.decode():
                self.slot.put(self._convert(picture))
        if not self._stop.is_set():
            self.failure = (Problem.NOT_ANSWERING, f"stream ended: {self.source.url}")
