"""libVLC decoding into our own memory (video callbacks, RV32), one buffer per picture."""

from __future__ import annotations

import ctypes
import functools
import logging
import os
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from drivers.errors import DeviceUnavailable, Problem
from drivers.video.frames import FrameSlot, Pixels, fit_size, size_differs
from drivers.video.player import Backend
from drivers.video.source import Decoder, VideoSource

_LOGGER = logging.getLogger(__name__)

# No audio output, no window, no on-screen title: we only want decoded pictures. Bilinear
# scaling (swscale-mode 1) when libVLC fits the picture to the preview: the default, bicubic,
# made two scaled 720p30 previews cost more CPU than converting them at full size.
INSTANCE_ARGS = (
    "--quiet",
    "--no-audio",
    "--no-xlib",
    "--no-video-title-show",
    "--swscale-mode=1",
)
_REDISPLAY_GAP = 0.045  # s; libVLC repeats a picture every ~70 ms (80 ms - render delay)
_MAX_OUTSTANDING = 16  # pictures locked but not yet displayed before we forget the oldest

# unsigned format(void **opaque, char *chroma, unsigned *w, *h, unsigned *pitches, *lines)
# chroma is declared void* (python-vlc says char*, which ctypes hands us as a read-only copy).
_UINT_P = ctypes.POINTER(ctypes.c_uint)
_FormatCb = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,
    _UINT_P,
    _UINT_P,
    _UINT_P,
    _UINT_P,
)
_LockCb = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p))
_UnlockCb = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
)
_DisplayCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_CleanupCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


def load_vlc() -> ModuleType:
    """Import python-vlc; ``DeviceUnavailable`` (LIBRARY_MISSING) when it or libVLC is missing."""
    try:
        import vlc
    except (ImportError, OSError, NotImplementedError) as exc:  # no binding / no libvlc.so
        raise DeviceUnavailable(
            f"libVLC is not available: {exc}", problem=Problem.LIBRARY_MISSING
        ) from exc
    return vlc


@functools.cache
def vlc_instance() -> Any:
    """Return the process-wide libVLC instance (one per preview would rescan plugins)."""
    vlc = load_vlc()
    instance = vlc.Instance(list(INSTANCE_ARGS))
    if instance is None:  # unknown option or no plugins: libVLC says nothing, returns NULL
        raise DeviceUnavailable("libVLC found but vlc.Instance() failed (plugins missing?)")
    return instance


def _plugin_dirs(vlc: ModuleType) -> list[Path]:
    """Where this libVLC looks for plugins (env override, python-vlc's guess, beside libvlccore)."""
    candidates = [os.environ.get("VLC_PLUGIN_PATH", ""), getattr(vlc, "plugin_path", None) or ""]
    core = _loaded_library_path("libvlccore") or getattr(vlc.dll, "_name", "")
    if core and os.path.isabs(core):
        base = Path(core).resolve().parent
        candidates += [
            str(base / "plugins"),
            str(base / "vlc" / "plugins"),
            str(base.parent / "plugins"),
        ]
    return [Path(c) for c in candidates if c and Path(c).is_dir()]


def _loaded_library_path(stem: str) -> str | None:
    """Absolute path of a loaded shared library (Linux: from /proc/self/maps)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                if f"/{stem}" in line:
                    return line.split(None, 5)[-1].strip()
    except OSError:
        return None
    return None


@functools.cache
def vlc_can_open(scheme: str) -> bool:
    """Whether this libVLC build has an access module for ``scheme`` (RTSP needs live555).

    Debian's libVLC lacks live555 and fails on ``rtsp://`` with only a log line, so we look for
    the plugin file instead of trying. When no plugin folder can be found we assume yes.
    """
    if scheme != "rtsp":
        return True
    vlc = load_vlc()
    vlc_instance()  # loads libvlccore so its path is known
    dirs = _plugin_dirs(vlc)
    if not dirs:
        return True
    found = any(any(d.rglob("liblive555_plugin.*")) for d in dirs)
    _LOGGER.info("libVLC RTSP support (live555 plugin in %s): %s", dirs, found)
    return found


def media_options(source: VideoSource) -> list[str]:
    """LibVLC media options for a live preview source."""
    options = [":no-audio"]
    if source.caching_ms is not None:
        caching = source.caching_ms
        options += [f":network-caching={caching}", f":live-caching={caching}"]
        options += [f":file-caching={caching}"]
    if source.scheme == "rtsp" and source.rtsp_tcp:
        options.append(":rtsp-tcp")
    options.extend(source.extra_options)
    return options


class VlcBackend(Backend):
    """One libVLC media player rendering RV32 pictures into the slot's buffers."""

    decoder = Decoder.VLC

    def __init__(self, source: VideoSource, slot: FrameSlot) -> None:
        super().__init__(source, slot)
        self._vlc = load_vlc()
        self._instance = vlc_instance()
        self._player: Any = None
        self._size = (0, 0)
        self._native: tuple[int, int] | None = None  # size libVLC announced first
        self._shown: tuple[Pixels | None, float] = (None, 0.0)  # last picture put, and when
        self._input_time = (-1, 0.0)  # (libVLC's stream time in ms, monotonic time it changed)
        self._locked: dict[int, Pixels] = {}
        self._next_id = 1
        self._lock = threading.Lock()
        # Keep the ctypes callbacks alive as long as libVLC may call them.
        self._callbacks = (
            _FormatCb(self._on_format),
            _CleanupCb(),  # NULL: nothing to free
            _LockCb(self._on_lock),
            _UnlockCb(),  # NULL: libVLC need not take the GIL a third time per picture
            _DisplayCb(self._on_display),
        )

    def open(self) -> None:
        """Create the media player, wire the callbacks and start playing."""
        vlc = self._vlc
        media = self._instance.media_new(self.source.url, *media_options(self.source))
        player = self._instance.media_player_new()
        player.set_media(media)
        media.release()
        fmt, cleanup, lock, unlock, display = self._callbacks
        _set_format_callbacks(vlc, player, fmt, cleanup)
        _set_callbacks(vlc, player, lock, unlock, display)
        events = player.event_manager()
        events.event_attach(vlc.EventType.MediaPlayerEncounteredError, self._on_error)
        events.event_attach(vlc.EventType.MediaPlayerEndReached, self._on_end)
        self._player = player
        if player.play() != 0:
            self.failure = (Problem.CONNECTION_REFUSED, f"libVLC cannot play {self.source.url}")

    def close(self) -> None:
        """Stop (joins libVLC's threads, so no callback runs afterwards) and release."""
        player, self._player = self._player, None
        if player is not None:
            player.stop()
            player.release()

    def _on_format(
        self, _opaque: Any, chroma: int, width: Any, height: Any, pitches: Any, lines: Any
    ) -> int:
        ctypes.memmove(chroma, b"RV32", 4)  # B,G,R,X in memory = QImage.Format_RGB32
        w, h = width[0], height[0]
        # libVLC asks again with the decoder's padded height (720 -> 738, 360 -> 384) and would
        # stretch the picture into it: keep the size it announced first.
        if self._native is None or self._native[0] != w or not 0 <= h - self._native[1] <= 64:
            self._native = (w, h)
        # libVLC's converter (swscale) scales while it converts: asking for the display size
        # costs less than converting the full picture and having Qt scale it every frame.
        w, h = fit_size(self._native, self.output_box)
        width[0], height[0] = w, h
        pitches[0] = w * 4
        lines[0] = h
        self._size = (w, h)
        _LOGGER.debug("%s: picture format %dx%d", self.source.url, w, h)
        return 3

    def set_output_box(self, box: tuple[int, int] | None) -> None:
        """Re-arm libVLC's output when the new display size differs noticeably from the current.

        libVLC asks for the format only when it (re)creates the video output; no player call
        (aspect, scale, crop) does that mid-stream, but switching the video track off and on
        does, keeping the input open. The new size starts with the next keyframe; until then
        the preview keeps (and scales) the last picture.
        """
        self.output_box = box
        player, native = self._player, self._native
        if player is None or native is None or not size_differs(fit_size(native, box), self._size):
            return
        track = player.video_get_track()
        if track >= 0:
            _LOGGER.debug("%s: output size for %s", self.source.url, box)
            player.video_set_track(-1)
            player.video_set_track(track)

    def _on_lock(self, _opaque: Any, planes: Any) -> int:
        pixels = self.slot.buffer(*self._size)
        with self._lock:
            picture = self._next_id
            self._next_id += 1
            self._locked[picture] = pixels
            if len(self._locked) > _MAX_OUTSTANDING:  # a picture libVLC never displayed
                self._locked.pop(next(iter(self._locked)))
        planes[0] = pixels.ctypes.data
        return picture

    def _on_display(self, _opaque: Any, picture: int | None) -> None:
        with self._lock:
            pixels = self._locked.pop(picture or 0, None)
        if pixels is None:
            return
        if self._is_repeat(pixels):
            self.slot.discard(pixels)
            return
        self.slot.put(pixels)
        self._shown = (pixels, time.monotonic())

    def _is_repeat(self, pixels: Pixels) -> bool:
        """Tell a libVLC redisplay from a new picture.

        With no new picture for ~70 ms (VOUT_REDISPLAY_DELAY) libVLC shows the last one again,
        through a fresh buffer. Only such late pictures are compared, in full: comparing
        every picture or a sample of it would drop real pictures with small changes.
        """
        previous, shown_at = self._shown
        if previous is None or time.monotonic() - shown_at < _REDISPLAY_GAP:
            return False
        if previous.shape != pixels.shape:
            return False
        return np.array_equal(previous, pixels)

    def activity(self) -> float | None:
        """Latest of: a new picture, or libVLC's stream clock moving on (a still scene is alive)."""
        player, now = self._player, time.monotonic()
        stream_time = player.get_time() if player is not None else -1
        if stream_time > 0 and stream_time != self._input_time[0]:
            self._input_time = (stream_time, now)
        moved = self._input_time[1] or None
        frame = self.slot.last_received
        return max(moved or 0.0, frame or 0.0) or None

    def _on_error(self, _event: Any) -> None:
        self.failure = (Problem.CONNECTION_REFUSED, f"libVLC could not open {self.source.url}")

    def _on_end(self, _event: Any) -> None:
        self.failure = (Problem.NOT_ANSWERING, f"stream ended: {self.source.url}")


def _set_format_callbacks(vlc: ModuleType, player: Any, fmt: Any, cleanup: Any) -> None:
    function = ctypes.CFUNCTYPE(None, ctypes.c_void_p, _FormatCb, _CleanupCb)
    function(("libvlc_video_set_format_callbacks", vlc.dll))(player, fmt, cleanup)


def _set_callbacks(vlc: ModuleType, player: Any, lock: Any, unlock: Any, display: Any) -> None:
    function = ctypes.CFUNCTYPE(
        None, ctypes.c_void_p, _LockCb, _UnlockCb, _DisplayCb, ctypes.c_void_p
    )
    function(("libvlc_video_set_callbacks", vlc.dll))(player, lock, unlock, display, None)
