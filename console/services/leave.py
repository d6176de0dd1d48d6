"""Leave the meeting: hang up, microphones muted, cameras to the leave preset or standby.

Every part is best effort: leaving must always finish, so failures become warnings.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from console.services.steps import (
    JoinStep,
    PresetRecall,
    StepWarning,
    recall_in_camera,
    wait_for_value,
)
from drivers.errors import DeviceError, Problem
from drivers.roles.camera import Camera
from drivers.roles.codec import Codec

_LOGGER = logging.getLogger(__name__)


async def leave_meeting(
    codec: Codec | None,
    *,
    cameras: Sequence[Camera] = (),
    leave_preset: int | None = None,
    recall: PresetRecall = recall_in_camera,
    apply_audio: Callable[[], Awaitable[None]] | None = None,
    step_timeout: float = 5.0,
) -> tuple[StepWarning, ...]:
    """Hang up, mute, park the cameras; return what did not work (empty = all fine)."""
    warnings: list[StepWarning] = []

    async def attempt(step: JoinStep, action: Awaitable[object]) -> None:
        try:
            async with asyncio.timeout(step_timeout):
                await action
        except TimeoutError:
            warnings.append(StepWarning(step, Problem.NOT_ANSWERING, "no result in time"))
        except DeviceError as exc:
            warnings.append(StepWarning(step, exc.problem, str(exc)))

    if codec is not None:
        await attempt(JoinStep.HANGUP, _hang_up(codec))
        await attempt(JoinStep.MICROPHONES, codec.set_mic_muted(True))
    if apply_audio is not None:
        await attempt(JoinStep.AUDIO, apply_audio())
    # every camera at once (as joining does): an offline one must not hold up the others
    await asyncio.gather(
        *(
            attempt(
                JoinStep.STANDBY,
                camera.power(False) if leave_preset is None else recall(camera, leave_preset),
            )
            for camera in cameras
        )
    )
    for warning in warnings:
        _LOGGER.warning("leave: %s: %s (%s)", warning.step, warning.problem, warning.detail)
    return tuple(warnings)


async def _hang_up(codec: Codec) -> None:
    """Hang up and wait until the codec reports no call."""
    if codec.call.value.active:
        await codec.hangup()
        await wait_for_value(codec.call, lambda info: not info.active)
