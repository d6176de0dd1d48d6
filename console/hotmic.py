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


EPISODE_GAP = 60.0  # seconds of calm after which new muted speech is a new episode (new log line)


@dataclass(frozen=True)
class HotMicAlarm:
    """Microphones on which someone has been speaking while muted (empty = all clear).

    ``desk``: of those, the ones muted at the desk (their strip shows MUTED);
    ``meeting_muted``: the codec's own mute is on in a call, so nobody in the room is heard.
    """

    channels: tuple[int, ...] = ()
    desk: tuple[int, ...] = ()
    meeting_muted: bool = False

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
    """Watches the given microphones of a mixer (and optionally the codec's mute and call).

    Once ``set_in_call`` has been called (the room has a codec) it warns only during a call:
    outside one nobody far away is listening. Each episode of muted speech is logged once.
    """

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
        self._in_call: bool | None = None  # None: no codec is followed, every moment counts
        self._watches = {channel: _Watch() for channel in self.channels}
        self._unsubscribes: list[Unsubscribe] = []
        self._logged: set[tuple[int, bool, bool]] = set()  # (channel, desk, meeting) this episode
        self._last_hot: float | None = None

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

    def set_in_call(self, in_call: bool) -> None:
        """Follow whether the room is in a call; outside one there is nothing to warn about."""
        self._in_call = in_call
        self.evaluate()

    def evaluate(self) -> None:
        """Recompute the alarm from the latest meters and mute state."""
        now = self.clock()
        online = self.mixer.status.value.availability is Availability.ONLINE
        if not online or self._in_call is False:
            self._watches = {channel: _Watch() for channel in self.channels}
            self._publish((), now)
            return
        hot = tuple(channel for channel in self.channels if self._is_hot(channel, now))
        self._publish(hot, now)

    def _desk_muted(self, channel: int) -> bool:
        return self.mixer.state.value.channel(channel).on is False

    def _meeting_muted(self) -> bool:
        return self._codec_muted and self._in_call is not False

    def _is_hot(self, channel: int, now: float) -> bool:
        """Update one microphone's timers; True once muted speech has lasted ``hold``."""
        watch = self._watches[channel]
        if self.mixer.meters.value.level(channel) >= self.threshold_db:
            watch.last_loud = now
            if watch.speech_since is None:
                watch.speech_since = now
        elif watch.last_loud is None or now - watch.last_loud > self.release:
            watch.speech_since = None  # pauses between words shorter than release still count
        muted = self._meeting_muted() or self._desk_muted(channel)
        if not muted or watch.speech_since is None:
            watch.hot_since = None
            return False
        if watch.hot_since is None:
            watch.hot_since = now
        return now - watch.hot_since >= self.hold

    def _publish(self, channels: tuple[int, ...], now: float) -> None:
        desk = tuple(channel for channel in channels if self._desk_muted(channel))
        alarm = HotMicAlarm(channels, desk, bool(channels) and self._meeting_muted())
        if alarm.active:
            self._log_episode(alarm, now)
        self.alarm.publish(alarm)

    def _log_episode(self, alarm: HotMicAlarm, now: float) -> None:
        """One line per episode: the alarm flickers with every pause for breath, the log not."""
        if self._last_hot is None or now - self._last_hot > EPISODE_GAP:
            self._logged.clear()
        self._last_hot = now
        new = [
            (channel, channel in alarm.desk, alarm.meeting_muted)
            for channel in alarm.channels
            if (channel, channel in alarm.desk, alarm.meeting_muted) not in self._logged
        ]
        if not new:
            return
        self._logged.update(new)
        state = self.mixer.state.value
        names = ", ".join(state.channel(n).name or f"channel {n}" for n, _, _ in new)
        desk = any(at_desk for _, at_desk, _ in new)
        if desk and alarm.meeting_muted:
            where = "at the desk and in the meeting"
        else:
            where = "at the desk" if desk else "in the meeting"
        _LOGGER.info("hot mic: %s speaking while muted %s", names, where)
