"""Apply a meeting audio state (join / leave) to the room's desk, as the join service's step.

The mixer is optional: a room whose microphones go straight into the codec has no audio step.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence

from console.config.mixer import AudioStateProfile
from drivers.observable import Observable
from drivers.roles.mixer import Mixer

_LOGGER = logging.getLogger(__name__)

AsyncAction = Callable[[], Awaitable[None]]


async def apply_audio_state(
    mixer: Mixer, state: AudioStateProfile, microphones: Sequence[int]
) -> None:
    """Mute/open channels as ``state`` says, then the main bus (fader before switching on)."""
    await mixer.set_channels_on(state.channel_states(list(microphones)))
    if state.main_fader is not None:
        await mixer.set_main_fader(state.main_fader)
    if state.main_on is not None:
        await mixer.set_main_on(state.main_on)


def audio_action(
    mixer: Mixer | None, state: AudioStateProfile | None, microphones: Sequence[int]
) -> AsyncAction | None:
    """Return the join/leave audio step for JoinBridge / leave_meeting, or None without a desk."""
    if mixer is None or state is None:
        return None

    async def apply() -> None:
        await apply_audio_state(mixer, state, microphones)

    return apply


class MuteAllMicrophones:
    """Mute all microphones that only ever mutes, and its separate undo.

    The first press remembers which microphones were open; pressing again while all are muted
    keeps that memory (a second press "to be sure" must not lose it, nor open anything).
    ``restore`` puts back exactly the remembered state: microphones muted on purpose stay muted.
    """

    def __init__(self, mixer: Mixer, microphones: Sequence[int]) -> None:
        self.mixer = mixer
        self.microphones = tuple(microphones)
        # channel -> on, as it was before "mute all"; None: nothing to restore
        self.saved: Observable[Mapping[int, bool] | None] = Observable(None)

    def _names(self, channels: Iterable[int]) -> str:
        state = self.mixer.state.value
        return ", ".join(state.channel(n).name or f"channel {n}" for n in channels) or "none"

    async def mute_all(self) -> None:
        """Mute every microphone, remembering the open ones (unless all are muted already)."""
        state = self.mixer.state.value
        known = {n: on for n in self.microphones if (on := state.channel(n).on) is not None}
        if any(known.values()):
            self.saved.publish(known)
            opened = [n for n, on in known.items() if on]
            _LOGGER.info("%s: mute all (were open: %s)", self.mixer.name, self._names(opened))
        else:
            _LOGGER.info("%s: mute all again: every microphone was already muted", self.mixer.name)
        await self.mixer.set_channels_on(dict.fromkeys(self.microphones, False))

    @property
    def can_restore(self) -> bool:
        """True while restoring would change something at the desk."""
        saved = self.saved.value
        state = self.mixer.state.value
        return saved is not None and any(state.channel(n).on != on for n, on in saved.items())

    def forget(self) -> None:
        """Drop the remembered state (a meeting began or ended: the desk was set anew)."""
        self.saved.publish(None)

    async def restore(self) -> None:
        """Put the microphones back as they were before "mute all", then forget that state."""
        saved = self.saved.value
        if saved is None:
            _LOGGER.info("%s: restore microphones: nothing to restore", self.mixer.name)
            return
        opened = [n for n, on in saved.items() if on]
        _LOGGER.info("%s: restore microphones (opening %s)", self.mixer.name, self._names(opened))
        await self.mixer.set_channels_on(saved)
        self.saved.publish(None)
