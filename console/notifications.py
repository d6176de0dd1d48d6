"""Notifications for the operator: what went wrong with which device, as Problem keys."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from drivers.errors import Problem
from drivers.observable import Observable


class Severity(StrEnum):
    """How the UI should show a notification."""

    INFO = "info"
    WARNING = "warning"  # works, but degraded (e.g. a camera wired one-way)
    ERROR = "error"  # a device is unusable
    RESOLVED = "resolved"  # an earlier problem went away (the device is back)


@dataclass(frozen=True)
class Notification:
    """One message: the device's display name, a Problem key, technical detail for the log."""

    device: str
    problem: Problem
    detail: str = ""
    severity: Severity = Severity.ERROR
    time: float = 0.0  # wall-clock seconds (time.time())


class Notifications(Observable[tuple[Notification, ...]]):
    """The recent notifications, newest first: an Observable of an immutable tuple."""

    def __init__(self, limit: int = 50, clock: Callable[[], float] = time.time) -> None:
        super().__init__(())
        self._limit = limit
        self._clock = clock

    def post(
        self,
        device: str,
        problem: Problem,
        detail: str = "",
        severity: Severity = Severity.ERROR,
    ) -> Notification:
        """Add a notification at the top (dropping the oldest beyond the limit)."""
        note = Notification(device, problem, detail, severity, self._clock())
        self.publish((note, *self.value)[: self._limit])
        return note

    @property
    def items(self) -> tuple[Notification, ...]:
        """The current notifications, newest first."""
        return self.value

    def clear(self, device: str | None = None) -> None:
        """Remove the notifications of ``device`` (all of them when None)."""
        if device is None:
            self.publish(())
        else:
            self.publish(tuple(n for n in self.value if n.device != device))
