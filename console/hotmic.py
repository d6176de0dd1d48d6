"""Hot-mic guard: someone is speaking into a muted microphone (the far end hears nothing).

Speech on a muted microphone for longer than ``hold`` seconds raises the alarm; it clears as
soon as the speech stops (no level above the threshold for ``release`` seconds) or the
microphone is opened. Driven by the mixer's meter updates (~20 per second); Qt-free.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from drivers.observable import Observable, Unsubscribe
from drivers.roles.base import Availability
from drivers.roles.mixer import Mixer

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class HotMicAlarm:
    """Microphones on which someone has been speaking while muted (empty = all clear)."""

    channels: tuple[int, ...] = ()

    @property
    def active(self) -> bool:
        """True when the operator must be warned."""
        return bool(self.channels)


@dataclass
class _Watch:
    """Per-microphone speech and mute timing."""

    speech_since: float | None = None
    last_loud: float | None = None
    hot_since: float | None = None


class HotMicGuard:
    """Watches the given microphones of a mixer (and optionally a codec-wide mute)."""

    def __init__(
        self,
        mixer: Mixer,
        channels: Sequence[int],
        *,
        threshold_db: float = -45.0,
        hold: float = 2.0,
        release: float = 0.6,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.mixer = mixer
        self.channels = tuple(channels)
        self.threshold_db = threshold_db
        self.hold = hold
        self.release = release
        self.clock = clock
        self.alarm: Observable[HotMicAlarm] = Observable(HotMicAlarm())
        self._codec_muted = False
        self._watches = {channel: _Watch() for channel in self.channels}
        self._unsubscribes: list[Unsubscribe] = []

    def start(self) -> None:
        """Follow the mixer's meters, mutes and availability."""
        self._unsubscribes = [
            self.mixer.meters.subscribe(lambda _: self.evaluate()),
            self.mixer.state.subscribe(lambda _: self.evaluate()),
            self.mixer.status.subscribe(lambda _: self.evaluate()),
        ]

    def close(self) -> None:
        """Stop following the mixer."""
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes = []

    def set_codec_muted(self, muted: bool) -> None:
        """Follow the codec's own microphone mute (it silences every microphone at once)."""
        self._codec_muted = muted
        self.evaluate()

    def evaluate(self) -> None:
        """Recompute the alarm from the latest meters and mute state."""
        now = self.clock()
        if self.mixer.status.value.availability is not Availability.ONLINE:
            self._watches = {channel: _Watch() for channel in self.channels}
            self._publish(())
            return
        hot = tuple(channel for channel in self.channels if self._is_hot(channel, now))
        self._publish(hot)

    def _is_hot(self, channel: int, now: float) -> bool:
        """Update one microphone's timers; True once muted speech has lasted ``hold``."""
        watch = self._watches[channel]
        if self.mixer.meters.value.level(channel) >= self.threshold_db:
            watch.last_loud = now
            if watch.speech_since is None:
                watch.speech_since = now
        elif watch.last_loud is None or now - watch.last_loud > self.release:
            watch.speech_since = None  # pauses between words shorter than release still count
        muted = self._codec_muted or self.mixer.state.value.channel(channel).on is False
        if not muted or watch.speech_since is None:
            watch.hot_since = None
            return False
        if watch.hot_since is None:
            watch.hot_since = now
        return now - watch.hot_since >= self.hold

    def _publish(self, channels: tuple[int, ...]) -> None:
        previous = self.alarm.value
        if channels != previous.channels:
            if channels:
                listed = ", ".join(str(channel) for channel in channels)
                _LOGGER.info("hot mic: speech on muted channel(s) %s", listed)
            elif previous.active:
                _LOGGER.info("hot mic cleared")
        self.alarm.publish(HotMicAlarm(channels))
