"""Call health from media statistics: good / fair / poor, with a short history for a graph.

Thresholds follow Jitsi's loss bands (under 6 % good, 6-8 % fair, above 8 % poor) and common
VoIP limits for jitter and round-trip time; the worst metric decides.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from drivers.observable import Observable, Unsubscribe
from drivers.roles.codec import CallStatistics


class Health(IntEnum):
    """Link quality, ordered so that ``max`` gives the worst."""

    GOOD = 0
    FAIR = 1
    POOR = 2


class HealthCause(StrEnum):
    """Which metric made the link worse than good (a key the UI words)."""

    LOSS = "loss"
    JITTER = "jitter"
    RTT = "rtt"


@dataclass(frozen=True)
class Band:
    """Upper limits of good and fair for one metric (above fair is poor)."""

    good_below: float
    fair_up_to: float

    def grade(self, value: float) -> Health:
        """Grade one metric value."""
        if value < self.good_below:
            return Health.GOOD
        return Health.FAIR if value <= self.fair_up_to else Health.POOR


LOSS_PERCENT = Band(6.0, 8.0)
JITTER_MS = Band(30.0, 50.0)
RTT_MS = Band(300.0, 500.0)


@dataclass(frozen=True)
class HealthSample:
    """One graded statistics sample."""

    time: float
    health: Health
    causes: tuple[HealthCause, ...]  # metrics at the sample's (worst) grade, when not good
    loss_percent: float
    jitter_ms: float
    rtt_ms: float


def classify(stats: CallStatistics, now: float | None = None) -> HealthSample:
    """Grade statistics; the worst metric decides and is named as the cause."""
    grades = {
        HealthCause.LOSS: LOSS_PERCENT.grade(stats.loss_percent),
        HealthCause.JITTER: JITTER_MS.grade(stats.jitter_ms),
        HealthCause.RTT: RTT_MS.grade(stats.rtt_ms),
    }
    worst = max(grades.values())
    causes = tuple(c for c, g in grades.items() if g == worst) if worst else ()
    return HealthSample(
        time=stats.time if now is None else now,
        health=worst,
        causes=causes,
        loss_percent=stats.loss_percent,
        jitter_ms=stats.jitter_ms,
        rtt_ms=stats.rtt_ms,
    )


class CallHealthMonitor:
    """Follows a codec's statistics: current sample plus the last ``window`` seconds."""

    def __init__(
        self,
        statistics: Observable[CallStatistics | None],
        *,
        window: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._window = window
        self._clock = clock
        self._history: deque[HealthSample] = deque()
        self.current: Observable[HealthSample | None] = Observable(None)
        self._unsubscribe: Unsubscribe = statistics.subscribe(self._on_statistics)

    def history(self) -> list[HealthSample]:
        """Return the samples of the last ``window`` seconds, oldest first."""
        self._trim(self._clock())
        return list(self._history)

    def close(self) -> None:
        """Stop following the statistics."""
        self._unsubscribe()

    def _on_statistics(self, stats: CallStatistics | None) -> None:
        """Grade a new sample; None (call ended) clears the light but keeps the history."""
        if stats is None:
            self.current.publish(None)
            return
        now = self._clock()
        sample = classify(stats, now)
        self._history.append(sample)
        self._trim(now)
        self.current.publish(sample)

    def _trim(self, now: float) -> None:
        """Drop samples older than the window."""
        while self._history and self._history[0].time < now - self._window:
            self._history.popleft()
