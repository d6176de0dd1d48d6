"""The Mixer role: an audio desk the console can drive, whatever its protocol."""

from __future__ import annotations

import math
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from drivers.observable import Observable
from drivers.roles.base import Device

# Meters below this are shown as silence; also the value for "no signal / unknown".
METER_FLOOR_DB = -90.0


@dataclass(frozen=True)
class ChannelState:
    """One input channel. ``on`` follows the desk's convention: True = open, False = muted."""

    number: int
    name: str = ""
    fader: float | None = None  # 0.0-1.0 desk fader position (0.75 = 0 dB); None = unknown
    on: bool | None = None

    @property
    def muted(self) -> bool | None:
        """True when the channel is muted (None = unknown)."""
        return None if self.on is None else not self.on


@dataclass(frozen=True)
class MixerState:
    """Immutable snapshot of what we know about a mixer (None = unknown)."""

    channels: tuple[ChannelState, ...] = ()
    main_fader: float | None = None
    main_on: bool | None = None
    mute_groups: tuple[bool | None, ...] = ()  # index 0 = mute group 1; True = group engaged
    scene: int | None = None  # last scene/snapshot recalled through us

    def channel(self, number: int) -> ChannelState:
        """Return channel ``number`` (1-based); ``IndexError`` if the desk has none."""
        if not 1 <= number <= len(self.channels):
            raise IndexError(f"channel {number} not in 1..{len(self.channels)}")
        return self.channels[number - 1]

    def with_channel(self, number: int, **changes: object) -> MixerState:
        """Return a copy with one channel's fields replaced."""
        channels = list(self.channels)
        channels[number - 1] = replace(channels[number - 1], **changes)  # type: ignore[arg-type]
        return replace(self, channels=tuple(channels))

    def with_mute_group(self, group: int, engaged: bool) -> MixerState:
        """Return a copy with one mute group (1-based) replaced."""
        groups = list(self.mute_groups)
        groups[group - 1] = engaged
        return replace(self, mute_groups=tuple(groups))


@dataclass(frozen=True)
class MixerLimits:
    """Per-model sizes."""

    channels: int = 32
    mute_groups: int = 6
    scenes: int = 100
    first_scene: int = 0  # X32 scenes are 0-99, X-Air snapshots 1-64


@dataclass(frozen=True)
class Meters:
    """Input levels in dBFS (index 0 = channel 1), as last reported by the desk."""

    channels: tuple[float, ...] = field(default_factory=tuple)

    def level(self, number: int) -> float:
        """Level of a 1-based channel in dBFS (the floor when unknown)."""
        if 1 <= number <= len(self.channels):
            return self.channels[number - 1]
        return METER_FLOOR_DB


def linear_to_dbfs(value: float) -> float:
    """Linear level (1.0 = full scale) to dBFS, clamped at the floor."""
    if value <= 0.0:
        return METER_FLOOR_DB
    return max(METER_FLOOR_DB, 20.0 * math.log10(value))


def fader_to_db(fader: float) -> float:
    """Behringer fader position (0-1) to dB, the desk's four-segment law (0.75 = 0 dB)."""
    if fader >= 0.5:
        return fader * 40.0 - 30.0
    if fader >= 0.25:
        return fader * 80.0 - 50.0
    if fader >= 0.0625:
        return fader * 160.0 - 70.0
    if fader > 0.0:
        return fader * 480.0 - 90.0
    return -math.inf


class Mixer(Device):
    """An audio mixer. Every verb is async and raises a ``DeviceError`` subclass on failure."""

    def __init__(
        self, name: str, limits: MixerLimits, name_overrides: Mapping[int, str] | None = None
    ) -> None:
        super().__init__(name)
        self.limits = limits
        self.name_overrides = dict(name_overrides or {})
        self.state = Observable(
            MixerState(
                channels=tuple(
                    ChannelState(n, self.name_overrides.get(n, ""))
                    for n in range(1, limits.channels + 1)
                ),
                mute_groups=(None,) * limits.mute_groups,
            )
        )
        self.meters = Observable(Meters((METER_FLOOR_DB,) * limits.channels))

    def check_channel(self, number: int) -> None:
        """``ValueError`` unless ``number`` is a channel of this desk."""
        if not 1 <= number <= self.limits.channels:
            raise ValueError(f"channel {number} not in 1..{self.limits.channels}")

    @abstractmethod
    async def set_fader(self, channel: int, level: float) -> None:
        """Move a channel fader (0.0-1.0)."""

    @abstractmethod
    async def set_on(self, channel: int, on: bool) -> None:
        """Open (True) or mute (False) a channel."""

    @abstractmethod
    async def set_main_fader(self, level: float) -> None:
        """Move the main (stereo / LR) fader (0.0-1.0)."""

    @abstractmethod
    async def set_main_on(self, on: bool) -> None:
        """Open or mute the main bus."""

    @abstractmethod
    async def set_mute_group(self, group: int, engaged: bool) -> None:
        """Engage or release a mute group (1-based)."""

    @abstractmethod
    async def recall_scene(self, number: int) -> None:
        """Recall a stored scene / snapshot."""

    @abstractmethod
    async def refresh(self) -> None:
        """Read names, faders, mutes and mute groups from the desk; update ``state``."""

    async def set_channels_on(self, channels: Mapping[int, bool]) -> None:
        """Open or mute several channels (e.g. "mute all microphones", join/leave states)."""
        for number, on in channels.items():
            await self.set_on(number, on)
