"""What to play and how the player is doing: source options, states and status snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from drivers.errors import Problem


class Decoder(StrEnum):
    """Which decoder plays a source; AUTO = libVLC unless it cannot open the URL scheme."""

    AUTO = "auto"
    VLC = "vlc"
    PYAV = "pyav"


@dataclass(frozen=True)
class VideoSource:
    """A stream to preview plus its latency options.

    ``caching_ms`` is libVLC's network-caching (and the PyAV probe budget): latency is roughly
    the sender's mux delay + this + a few ms. 35 ms kept all 30 pictures a second on 127.0.0.1
    even with a core busy; below it latency stops falling (bench/preview_latency.py).
    """

    url: str
    caching_ms: int | None = 35  # None = the decoder's own default (libVLC: 1000 ms)
    rtsp_tcp: bool = True  # RTSP over TCP survives NAT/firewalls and packet loss better
    decoder: Decoder = Decoder.AUTO
    extra_options: tuple[str, ...] = ()  # raw libVLC media options, e.g. ":clock-jitter=0"

    @property
    def scheme(self) -> str:
        """The URL scheme in lower case (``rtsp``, ``udp``, ``http`` ...)."""
        return self.url.partition("://")[0].lower() if "://" in self.url else ""


class PlayerState(StrEnum):
    """What the preview shows: the stream's condition as the operator sees it."""

    IDLE = "idle"  # not started or closed
    CONNECTING = "connecting"  # opening, waiting for the first picture
    PLAYING = "playing"  # pictures arrive
    STALLED = "stalled"  # pictures stopped a moment ago; waiting before reconnecting
    NO_SIGNAL = "no_signal"  # nothing arrives; reconnecting with back-off
    ERROR = "error"  # the source cannot be opened (bad URL, refused, library missing)


@dataclass(frozen=True)
class PlayerStatus:
    """Immutable snapshot of a player: state, why (key + detail), decoder and frame timing."""

    state: PlayerState = PlayerState.IDLE
    problem: Problem | None = None
    detail: str = ""
    decoder: Decoder | None = None
    fps: float = 0.0  # pictures per second over the last second
    frames: int = 0  # pictures since the player was created
    size: tuple[int, int] | None = None  # width, height of the newest picture


@dataclass(frozen=True)
class Timing:
    """How long the supervisor waits before calling a stream stalled, dead or unreachable."""

    stall_after: float = 0.7  # no picture for this long -> STALLED
    no_signal_after: float = 1.5  # -> NO_SIGNAL and reopen
    first_frame_timeout: float = 4.0  # a fresh open with no picture for this long -> reopen
    backoff_first: float = 0.2
    backoff_max: float = 1.0  # short: a live preview should come back as soon as the sender does
    error_backoff_max: float = 5.0  # refused/bad URL: do not hammer the camera
    poll: float = 0.05
    resize_settle: float = 0.3  # a new display size applies once it stayed this long
