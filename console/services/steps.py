"""Small pieces the join and leave services share: waiting on observables, step records."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from drivers.errors import Problem
from drivers.observable import Observable
from drivers.roles.camera import Camera

T = TypeVar("T")
# How a service recalls a camera's preset (the room's preset book: console-stored shots too).
PresetRecall = Callable[[Camera, int], Awaitable[None]]


async def recall_in_camera(camera: Camera, number: int) -> None:
    """Recall preset ``number`` from the camera's own memory (when no preset book is given)."""
    await camera.recall_preset(number)


class JoinStep(StrEnum):
    """The visible steps of joining (and leaving) a meeting."""

    WAKE = "wake"  # codec online, out of standby; cameras powered on
    CAMERAS = "cameras"  # cameras to the join preset
    AUDIO = "audio"  # mixer to the join state
    DIAL = "dial"
    CONNECT = "connect"  # wait until the bridge answers
    CONFERENCE = "conference"  # conference ID and PIN as DTMF
    MEDIA = "media"  # audio really flows
    BROWSER = "browser"  # Jitsi: open the room in the system browser
    HANGUP = "hangup"  # leaving
    MICROPHONES = "microphones"  # leaving: mics muted
    STANDBY = "standby"  # leaving: cameras to the leave preset or standby


@dataclass(frozen=True)
class StepWarning:
    """A step that did not fully work but must not stop the meeting (e.g. one camera)."""

    step: JoinStep
    problem: Problem
    detail: str


async def wait_for_value(observable: Observable[T], predicate: Callable[[T], bool]) -> T:
    """Wait (without polling) until the observable's value satisfies ``predicate``."""
    if predicate(observable.value):
        return observable.value
    future: asyncio.Future[T] = asyncio.get_running_loop().create_future()

    def on_change(value: T) -> None:
        if predicate(value) and not future.done():
            future.set_result(value)

    unsubscribe = observable.subscribe(on_change)
    try:
        return await future
    finally:
        unsubscribe()
