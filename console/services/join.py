"""JoinBridge: one click from idle to "in meeting", as visible steps with cancel and retry.

Steps: wake codec and cameras -> cameras to the join preset -> audio to the join state -> dial
-> wait until connected (own timeout, at most 15 s: baresip alone gives up only after 32 s)
-> conference ID and PIN as DTMF -> check that media flows -> in meeting. A failure names the
step and a Problem key; anything dialled is hung up. Cameras and the mixer failing are warnings:
a meeting without the right shot is better than no meeting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import webbrowser
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from console.config.codec import BridgeKind, BridgeProfile, PinStoreUnavailable
from console.services.jitsi import jitsi_url
from console.services.steps import (
    JoinStep,
    PresetRecall,
    StepWarning,
    recall_in_camera,
    wait_for_value,
)
from drivers.dialstring import InvalidDialString
from drivers.errors import DeviceError, Problem
from drivers.observable import Observable
from drivers.roles.base import Availability
from drivers.roles.camera import Camera
from drivers.roles.codec import CallInfo, CallState, Codec

_LOGGER = logging.getLogger(__name__)

AsyncAction = Callable[[], Awaitable[None]]
PinProvider = Callable[[str], str | None]
MAX_CONNECT_TIMEOUT = 15.0


class JoinPhase(StrEnum):
    """Overall state of a join attempt."""

    IDLE = "idle"
    JOINING = "joining"
    IN_MEETING = "in_meeting"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class JoinProgress:
    """What the call panel shows: phase, step N of M, and on failure the reason."""

    phase: JoinPhase = JoinPhase.IDLE
    step: JoinStep | None = None
    index: int = 0  # 1-based number of the current (or failed) step
    total: int = 0
    problem: Problem | None = None
    detail: str = ""  # technical detail for the log / technician view
    warnings: tuple[StepWarning, ...] = ()


@dataclass(frozen=True)
class StepTimeouts:
    """Per-step time limits in seconds."""

    wake: float = 20.0
    cameras: float = 15.0
    audio: float = 5.0
    dial: float = 5.0
    connect: float = MAX_CONNECT_TIMEOUT
    conference: float = 60.0
    media: float = 10.0
    browser: float = 5.0
    hangup: float = 3.0

    def __post_init__(self) -> None:
        if not 0 < self.connect <= MAX_CONNECT_TIMEOUT:
            raise ValueError(f"connect timeout must be 0-{MAX_CONNECT_TIMEOUT} s")

    def of(self, step: JoinStep) -> float:
        """Return the limit of ``step``."""
        value: float = getattr(self, step.value)
        return value


class JoinFailed(Exception):
    """A step failed; carries the step and a Problem key."""

    def __init__(self, step: JoinStep, problem: Problem, detail: str) -> None:
        super().__init__(f"{step.value}: {detail}")
        self.step = step
        self.problem = problem
        self.detail = detail


def problem_of_call_end(reason: str) -> Problem:
    """Map the codec's end-of-call reason ("486 Rejected", "Connection timed out") to a key."""
    text = reason.lower()
    if any(code in text for code in ("486", "600", "busy")):
        return Problem.BUSY
    if any(code in text for code in ("403", "603", "decline", "reject")):
        return Problem.REFUSED
    if "404" in text or "not found" in text:
        return Problem.BAD_CONFIG
    if "timed out" in text or "408" in text or "offline" in text:
        return Problem.NOT_ANSWERING
    return Problem.CONNECTION_REFUSED


class JoinBridge:
    """Joins one bridge with one codec; ``progress`` is observable, ``cancel`` works any time."""

    def __init__(
        self,
        bridge: BridgeProfile,
        codec: Codec | None,
        *,
        cameras: Sequence[Camera] = (),
        recall: PresetRecall = recall_in_camera,
        apply_audio: AsyncAction | None = None,
        pin_provider: PinProvider | None = None,
        display_name: str = "Room",
        open_url: Callable[[str], bool] = webbrowser.open,
        timeouts: StepTimeouts | None = None,
    ) -> None:
        if codec is None and bridge.kind is not BridgeKind.JITSI:
            raise ValueError("a SIP/H.323/IP bridge needs a codec")
        self.bridge = bridge
        self.codec = codec
        self.cameras = tuple(cameras)
        self._recall = recall
        self._apply_audio = apply_audio
        self._pin_provider = pin_provider
        self._display_name = display_name
        self._open_url = open_url
        self.timeouts = timeouts or StepTimeouts()
        self.steps = self._plan()
        self.progress: Observable[JoinProgress] = Observable(JoinProgress(total=len(self.steps)))
        self._task: asyncio.Task[object] | None = None
        self._cancel_requested = False
        self._dialled = False
        self._warnings: list[StepWarning] = []

    @property
    def running(self) -> bool:
        """True while a join attempt runs."""
        return self.progress.value.phase is JoinPhase.JOINING

    def _plan(self) -> tuple[JoinStep, ...]:
        """List the steps this bridge and room need, in order."""
        steps: list[JoinStep] = []
        if self.codec is not None or self.cameras:
            steps.append(JoinStep.WAKE)
        if self.cameras and self.bridge.join_camera_preset is not None:
            steps.append(JoinStep.CAMERAS)
        if self._apply_audio is not None:
            steps.append(JoinStep.AUDIO)
        if self.bridge.kind is BridgeKind.JITSI:
            return (*steps, JoinStep.BROWSER)
        steps += [JoinStep.DIAL, JoinStep.CONNECT]
        if self.bridge.conference_id or self.bridge.pin_required:
            steps.append(JoinStep.CONFERENCE)
        return (*steps, JoinStep.MEDIA)

    async def run(self) -> JoinProgress:
        """Run every step; return the final progress (in meeting, failed or cancelled)."""
        if self.running:
            raise RuntimeError("a join is already running")
        task = asyncio.current_task()
        assert task is not None
        self._task = task
        self._cancel_requested, self._dialled, self._warnings = False, False, []
        try:
            for index, step in enumerate(self.steps, start=1):
                self._publish(JoinPhase.JOINING, step, index)
                await self._run_step(step)
        except JoinFailed as failure:
            await self._clean_up()
            _LOGGER.warning(
                "join %s failed at %s: %s (%s)",
                self.bridge.name,
                failure.step,
                failure.problem,
                failure.detail,
            )
            self._publish(
                JoinPhase.FAILED,
                failure.step,
                self._index(failure.step),
                failure.problem,
                failure.detail,
            )
        except asyncio.CancelledError:
            await self._clean_up()
            self._publish(JoinPhase.CANCELLED, self.progress.value.step, self.progress.value.index)
            if not self._cancel_requested:
                raise  # someone else cancels us (shutdown): propagate
            task.uncancel()
            _LOGGER.info("join %s cancelled by the operator", self.bridge.name)
        else:
            self._publish(JoinPhase.IN_MEETING, None, len(self.steps))
            _LOGGER.info("joined %s", self.bridge.name)
        finally:
            self._task = None
        return self.progress.value

    def cancel(self) -> None:
        """Stop the running join at whatever step it is; anything dialled is hung up."""
        if self.running and self._task is not None and not self._task.done():
            self._cancel_requested = True
            self._task.cancel()

    def _index(self, step: JoinStep) -> int:
        return self.steps.index(step) + 1 if step in self.steps else 0

    def _publish(
        self,
        phase: JoinPhase,
        step: JoinStep | None,
        index: int,
        problem: Problem | None = None,
        detail: str = "",
    ) -> None:
        self.progress.publish(
            JoinProgress(
                phase, step, index, len(self.steps), problem, detail, tuple(self._warnings)
            )
        )

    def _warn(self, step: JoinStep, exc: DeviceError) -> None:
        """Record a non-fatal problem and show it with the progress."""
        _LOGGER.warning("join %s: %s: %s", self.bridge.name, step, exc)
        self._warnings.append(StepWarning(step, exc.problem, str(exc)))
        self.progress.publish(replace(self.progress.value, warnings=tuple(self._warnings)))

    async def _run_step(self, step: JoinStep) -> None:
        """Run one step under its own timeout; turn errors into JoinFailed."""
        limit = self.timeouts.of(step)
        await asyncio.sleep(0)  # a Cancel pressed as the step appeared lands in this step
        try:
            async with asyncio.timeout(limit):
                await _STEPS[step](self)
        except TimeoutError as exc:
            raise JoinFailed(step, Problem.NOT_ANSWERING, f"no result within {limit:g} s") from exc
        except InvalidDialString as exc:
            raise JoinFailed(step, Problem.BAD_CONFIG, str(exc)) from exc
        except PinStoreUnavailable as exc:
            raise JoinFailed(step, exc.problem, str(exc)) from exc
        except DeviceError as exc:
            raise JoinFailed(step, exc.problem, str(exc)) from exc

    async def _clean_up(self) -> None:
        """Hang up whatever this attempt dialled (bounded, never raises)."""
        if not (self._dialled and self.codec is not None and self.codec.call.value.active):
            return
        try:
            async with asyncio.timeout(self.timeouts.hangup):
                await asyncio.shield(self._hang_up())
        except (TimeoutError, DeviceError, asyncio.CancelledError) as exc:
            _LOGGER.warning(
                "join %s: hang-up after failure did not complete: %r", self.bridge.id, exc
            )

    async def _hang_up(self) -> None:
        assert self.codec is not None
        await self.codec.hangup()
        await wait_for_value(self.codec.call, lambda info: not info.active)

    def _codec(self) -> Codec:
        assert self.codec is not None
        return self.codec

    async def _step_wake(self) -> None:
        """Codec online and out of standby; cameras powered on."""
        if self.codec is not None:
            await wait_for_value(self.codec.status, lambda s: s.availability is Availability.ONLINE)
            await self.codec.wake()
        await self._on_cameras(JoinStep.WAKE, lambda camera: camera.power(True))

    async def _step_cameras(self) -> None:
        """Every camera to the join preset."""
        preset = self.bridge.join_camera_preset
        assert preset is not None
        await self._on_cameras(JoinStep.CAMERAS, lambda camera: self._recall(camera, preset))

    async def _on_cameras(
        self, step: JoinStep, action: Callable[[Camera], Awaitable[None]]
    ) -> None:
        """Run ``action`` on every camera at once; failures become warnings."""
        results = await asyncio.gather(*(action(c) for c in self.cameras), return_exceptions=True)
        for result in results:
            if isinstance(result, DeviceError):
                self._warn(step, result)
            elif isinstance(result, BaseException):
                raise result

    async def _step_audio(self) -> None:
        """Mixer to the join state (a failing or missing desk is a warning)."""
        assert self._apply_audio is not None
        try:
            await self._apply_audio()
        except DeviceError as exc:
            self._warn(JoinStep.AUDIO, exc)

    async def _step_dial(self) -> None:
        """Set the mic as the bridge wants and dial."""
        codec = self._codec()
        if codec.call.value.active:
            raise JoinFailed(JoinStep.DIAL, Problem.BUSY, "the codec is already in a call")
        await codec.set_mic_muted(self.bridge.join_muted)
        self._dialled = True
        await codec.dial(self.bridge.dial_string, call_rate=self.bridge.call_rate)

    async def _step_connect(self) -> None:
        """Wait until the bridge answers; a call that ends instead names the reason."""
        info = await wait_for_value(
            self._codec().call, lambda i: i.state in (CallState.CONNECTED, CallState.IDLE)
        )
        self._raise_if_ended(JoinStep.CONNECT, info)

    def _raise_if_ended(self, step: JoinStep, info: CallInfo) -> None:
        if info.state is CallState.IDLE:
            reason = info.end_reason or "call ended"
            raise JoinFailed(step, problem_of_call_end(reason), reason)

    async def _step_conference(self) -> None:
        """Type the conference ID and PIN at the bridge's voice menu, watching the call."""
        codec = self._codec()
        typing = asyncio.ensure_future(self._type_conference())
        ended = asyncio.ensure_future(wait_for_value(codec.call, lambda i: not i.active))
        try:
            done, _ = await asyncio.wait({typing, ended}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (typing, ended):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if ended in done:
            self._raise_if_ended(JoinStep.CONFERENCE, codec.call.value)
        typing.result()

    async def _type_conference(self) -> None:
        """Send the ID (',' = pause) then the PIN, with the bridge's timing."""
        timing = self.bridge.dtmf
        pin = self._pin() if self.bridge.pin_required else None
        await asyncio.sleep(timing.wait_after_connect)
        if self.bridge.conference_id:
            await self._send_with_pauses(self.bridge.conference_id)
        if pin:
            if self.bridge.conference_id:
                await asyncio.sleep(timing.between_id_and_pin)
            await self._send_with_pauses(pin)

    def _pin(self) -> str:
        """Return the PIN from the keyring (never logged)."""
        pin = self._pin_provider(self.bridge.id) if self._pin_provider else None
        if not pin:
            raise JoinFailed(JoinStep.CONFERENCE, Problem.BAD_CONFIG, "no PIN stored for bridge")
        return pin

    async def _send_with_pauses(self, digits: str) -> None:
        for index, chunk in enumerate(digits.split(",")):
            if index:
                await asyncio.sleep(self.bridge.dtmf.pause)
            if chunk:
                await self._codec().send_dtmf(chunk)

    async def _step_media(self) -> None:
        """Wait until the codec sees media arriving (or the call ends)."""
        codec = self._codec()
        info = await wait_for_value(codec.call, lambda i: i.media_flowing or not i.active)
        self._raise_if_ended(JoinStep.MEDIA, info)

    async def _step_browser(self) -> None:
        """Open the Jitsi room in the system browser."""
        url = jitsi_url(self.bridge.dial_string, self._display_name)
        opened = await asyncio.get_running_loop().run_in_executor(None, self._open_url, url)
        if not opened:
            raise JoinFailed(JoinStep.BROWSER, Problem.LIBRARY_MISSING, "no web browser found")


_STEPS: dict[JoinStep, Callable[[JoinBridge], Awaitable[None]]] = {
    JoinStep.WAKE: JoinBridge._step_wake,
    JoinStep.CAMERAS: JoinBridge._step_cameras,
    JoinStep.AUDIO: JoinBridge._step_audio,
    JoinStep.DIAL: JoinBridge._step_dial,
    JoinStep.CONNECT: JoinBridge._step_connect,
    JoinStep.CONFERENCE: JoinBridge._step_conference,
    JoinStep.MEDIA: JoinBridge._step_media,
    JoinStep.BROWSER: JoinBridge._step_browser,
}
