"""Apply a meeting audio state (join / leave) to the room's desk, as the join service's step.

The mixer is optional: a room whose microphones go straight into the codec has no audio step.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from console.config.mixer import AudioStateProfile
from drivers.roles.mixer import Mixer

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
