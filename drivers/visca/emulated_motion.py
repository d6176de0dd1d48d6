"""Emulated camera mechanics: the model's figures and axis motion (drive or travel) over time."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass
class Axis:
    """One axis (pan, tilt, zoom or focus): position is computed lazily from the clock."""

    value: float
    low: float
    high: float
    velocity: float = 0.0  # units per second, signed
    target: float | None = None  # None = continuous drive until a limit
    since: float = 0.0  # clock time at which ``value`` was true

    def at(self, now: float) -> float:
        """Position at clock time ``now``."""
        moved = self.value + self.velocity * max(0.0, now - self.since)
        if self.target is not None:
            moved = min(moved, self.target) if self.velocity > 0 else max(moved, self.target)
        return min(self.high, max(self.low, moved))

    def settle(self, now: float) -> None:
        """Fold the motion so far into ``value``; stop if the target or a limit was reached."""
        self.value = self.at(now)
        self.since = now
        reached = self.target is not None and self.value == self.target
        at_limit = (self.velocity > 0 and self.value >= self.high) or (
            self.velocity < 0 and self.value <= self.low
        )
        if reached or at_limit:
            self.velocity = 0.0
            self.target = None

    def drive(self, now: float, velocity: float) -> None:
        """Start (or stop, with 0) a continuous drive."""
        self.settle(now)
        self.velocity = velocity
        self.target = None

    def stop(self, now: float) -> None:
        """Stop where the axis is now."""
        self.drive(now, 0.0)

    def travel(self, now: float, target: float, speed: float) -> None:
        """Move towards ``target`` (clamped to the range) at ``speed`` units per second."""
        self.settle(now)
        target = min(self.high, max(self.low, target))
        if target == self.value or speed <= 0:
            self.value, self.velocity, self.target = target, 0.0, None
            return
        self.target = target
        self.velocity = math.copysign(speed, target - self.value)

    def arrival(self, now: float) -> float:
        """Clock time at which a travel ends (``now`` if not travelling; inf for a drive)."""
        if self.velocity == 0.0:
            return now
        if self.target is None:
            return math.inf
        return self.since + abs(self.target - self.value) / abs(self.velocity)

    def moving(self, now: float) -> bool:
        """Tell whether the axis still changes (settling it first)."""
        self.settle(now)
        return self.velocity != 0.0

    def nudge(self, now: float, delta: float) -> None:
        """Move by hand (keeps any motion going from the new place)."""
        self.settle(now)
        self.value = min(self.high, max(self.low, self.value + delta))


@dataclass(frozen=True)
class CameraModel:
    """Mechanical figures of the emulated model (defaults: close to a Sony EVI-D70)."""

    pan_range: tuple[int, int] = (-2267, 2267)  # about +-170 degrees
    tilt_range: tuple[int, int] = (-400, 1200)  # about -30..+90 degrees
    zoom_range: tuple[int, int] = (0, 0x4000)
    focus_range: tuple[int, int] = (0x1000, 0xC000)
    pan_tilt_units_per_speed: float = 55.0  # units/s per speed step: 18h ~ 100 degrees/s
    zoom_units_per_speed: float = 1000.0  # units/s per (p + 1): p=7 crosses the range in 2 s
    focus_units_per_speed: float = 2000.0
    standard_speed: int = 3  # p used by the fixed-speed zoom/focus commands
    power_time: float = 0.3  # seconds until power on / standby completes
    vendor: int = 0x0001  # Sony
    model_code: int = 0x040E
    rom: int = 0x0100
    sockets: int = 2
