"""Mixer section of the room profile: which desk, which channels the operator sees, meeting states.

``driver = "none"`` is a room whose microphones go straight into the codec: there is no desk to
control and the master mute goes through the codec instead.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, model_validator

from console.config.base import LAX, StrictModel, field_error, repeated

ChannelNumber = Annotated[int, Field(ge=1, le=32)]
FaderLevel = Annotated[float, Field(ge=0.0, le=1.0)]

# Channels per desk family (an XR18 has 16 mono inputs, an X32 32).
_CHANNELS = {"x32": 32, "xair": 16}


class MixerDriver(StrEnum):
    """Which desk family the room has."""

    X32 = "x32"
    XAIR = "xair"
    NONE = "none"


class MixerChannelProfile(StrictModel):
    """One strip the operator sees; ``name`` overrides the desk's scribble-strip name."""

    number: ChannelNumber
    name: Annotated[str | None, Field(min_length=1, max_length=40)] = None
    microphone: bool = True  # counts for "mute all microphones" and the hot-mic guard


class AudioStateProfile(StrictModel):
    """Audio set-up applied when joining or leaving a meeting (None = leave as it is)."""

    mute_microphones: bool = False  # mute every microphone strip first ...
    mute: list[ChannelNumber] = Field(default_factory=list)  # ... then these ...
    open: list[ChannelNumber] = Field(default_factory=list)  # ... and open these last
    main_on: bool | None = None
    main_fader: FaderLevel | None = None

    def channel_states(self, microphones: list[int]) -> dict[int, bool]:
        """Channel -> on (True = open) for every channel this state touches."""
        states: dict[int, bool] = {}
        if self.mute_microphones:
            states.update(dict.fromkeys(microphones, False))
        states.update(dict.fromkeys(self.mute, False))
        states.update(dict.fromkeys(self.open, True))
        return states


class HotMicProfile(StrictModel):
    """When to warn "you are speaking but your microphone is off"."""

    enabled: bool = True
    speech_threshold_db: Annotated[float, Field(ge=-90.0, le=0.0)] = -45.0
    hold_seconds: Annotated[float, Field(gt=0.0, le=30.0)] = 2.0


def _muted_microphones() -> AudioStateProfile:
    return AudioStateProfile(mute_microphones=True)


class MixerProfile(StrictModel):
    """The room's audio desk (or none)."""

    driver: Annotated[MixerDriver, LAX] = MixerDriver.NONE
    name: Annotated[str, Field(min_length=1, max_length=60)] = "Mixer"  # shown by its light
    host: Annotated[str | None, Field(min_length=1, max_length=253)] = None
    port: Annotated[int | None, Field(ge=1, le=65535)] = None  # None = the desk's default
    channels: list[MixerChannelProfile] = Field(default_factory=list)
    # Default: the site stays muted until the chair gives it the floor, and mutes when leaving.
    on_join: AudioStateProfile = Field(default_factory=_muted_microphones)
    on_leave: AudioStateProfile = Field(default_factory=_muted_microphones)
    hot_mic: HotMicProfile = Field(default_factory=lambda: HotMicProfile())

    @model_validator(mode="after")
    def _check(self) -> MixerProfile:
        if self.driver is MixerDriver.NONE:
            return self
        if self.host is None:
            raise ValueError(f"mixer driver {self.driver.value!r} needs a host")
        twice = repeated([channel.number for channel in self.channels])
        if twice is not None:
            number = self.channels[twice[1]].number
            raise field_error(
                MixerProfile,
                ("channels", twice[1], "number"),
                f"mixer channels listed twice: [{number}] (channels[{twice[0] + 1}] has it too)",
                number,
            )
        limit = _CHANNELS[self.driver.value]
        too_high = sorted(n for n in self._all_numbers() if n > limit)
        if too_high:
            raise ValueError(f"{self.driver.value} desks have channels 1-{limit}, not {too_high}")
        return self

    def _all_numbers(self) -> set[int]:
        numbers = {channel.number for channel in self.channels}
        for state in (self.on_join, self.on_leave):
            numbers.update(state.mute, state.open)
        return numbers

    @property
    def has_mixer(self) -> bool:
        """False when the microphones go straight into the codec."""
        return self.driver is not MixerDriver.NONE

    def microphones(self) -> list[int]:
        """Shown channels that carry microphones, in profile order."""
        return [channel.number for channel in self.channels if channel.microphone]

    def name_overrides(self) -> dict[int, str]:
        """Channel -> name given in the profile (wins over the desk's name)."""
        return {c.number: c.name for c in self.channels if c.name is not None}

    def driver_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for the registry factory named by ``driver``."""
        return {
            "name": self.name,
            "host": self.host,
            "port": self.port,
            "name_overrides": self.name_overrides(),
        }
