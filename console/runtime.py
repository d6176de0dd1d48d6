"""The room at run time: its devices and every service working on them, wired once.

``RoomRuntime`` owns the ``Room`` (devices, presets, availability) and builds the services the
profile asks for: joining each bridge, leaving, the hot-mic guard, call health, the schedule
(with auto-join) and the pre-meeting check. The window, ``roomctl call`` and the headless
``roomctl run`` are thin clients: they call its operations and observe its state, so a press
on screen, a command in a terminal and a scheduled join run the same steps. Qt-free.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from console.call_health import CallHealthMonitor
from console.config.codec import BridgeProfile, PinStore
from console.config.mixer import AudioStateProfile
from console.config.models import RoomProfile
from console.hotmic import HotMicGuard
from console.netprobe import ProbeSettings
from console.room import Room
from console.schedule import EventKind, ScheduleEvent, Scheduler
from console.services.audio_state import AsyncAction, MuteAllMicrophones, audio_action
from console.services.join import JoinBridge, JoinPhase, JoinProgress, PinProvider, StepTimeouts
from console.services.leave import leave_meeting
from console.services.precheck import CheckSettings, PreMeetingCheck
from console.services.precheck_target import path_target_for
from console.services.steps import StepWarning, wait_for_value
from console.setup import build_room
from drivers.observable import Observable, Unsubscribe
from drivers.roles.base import Availability
from drivers.roles.camera import Camera
from drivers.roles.codec import CallInfo, CallState

_LOGGER = logging.getLogger(__name__)

Closer = Callable[[], Awaitable[None]]
CANCEL_TIMEOUT = 5.0  # seconds for a cancelled join to hang up what it dialled


class RoomRuntime:
    """One room: devices, services and their wiring; operations for every client."""

    def __init__(
        self,
        room: Room,
        *,
        pin_provider: PinProvider | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        max_sleep: float = 30.0,
        join_timeouts: StepTimeouts | None = None,
        on_close: Sequence[Closer] = (),
    ) -> None:
        self.room = room
        self._pins = pin_provider or PinStore().get
        self._join_timeouts = join_timeouts
        self._on_close = list(on_close)  # e.g. the demo's emulators, after the devices
        self._unsubscribes: list[Unsubscribe] = []
        self.scheduler = Scheduler(room.profile.schedule, clock=clock, max_sleep=max_sleep)
        self.hot_mic = self._hot_mic_guard()
        self.microphones = self._mute_all_microphones()  # "Mute all" and its "Restore"
        codec = room.codec
        self.health = CallHealthMonitor(codec.statistics) if codec is not None else None
        # The progress of the join running now (or of the last one), whichever bridge it is.
        self.progress: Observable[JoinProgress] = Observable(JoinProgress())
        self._joins: dict[str, JoinBridge] = {}
        self._bridge_id: str | None = None  # bridge of the current or last join
        self._tasks: set[asyncio.Task[object]] = set()
        self._scheduler_task: asyncio.Task[None] | None = None
        self._join_task: asyncio.Task[object] | None = None  # the last start_join's

    @classmethod
    def from_profile(
        cls, profile: RoomProfile, path: Path | None = None, **options: Any
    ) -> RoomRuntime:
        """Build the room's devices from ``profile`` (drivers found by name) and the runtime."""
        return cls(build_room(profile, path), **options)

    @property
    def profile(self) -> RoomProfile:
        """The room profile behind the runtime."""
        return self.room.profile

    # ---- life cycle ----------------------------------------------------------------------

    async def start(self, *, previews: bool = True) -> None:
        """Start the devices (and the previews) and the hot-mic guard; not yet the schedule."""
        await self.room.start(previews=previews)
        if self.hot_mic is not None:
            self.hot_mic.start()

    def start_schedule(self) -> None:
        """Run the schedule: its events reach subscribers; auto-join meetings are joined here."""
        if self._scheduler_task is not None:
            return
        self._unsubscribes.append(self.scheduler.subscribe(self._on_schedule))
        self._scheduler_task = asyncio.ensure_future(self.scheduler.run())

    async def wait_until_online(self, timeout: float) -> list[str]:
        """Wait up to ``timeout`` s for every device to be online; return those that are not."""
        waits = [
            wait_for_value(d.status, lambda s: s.availability is Availability.ONLINE)
            for d in self.room.devices
        ]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*waits), timeout)
        online = Availability.ONLINE
        return [d.name for d in self.room.devices if d.status.value.availability is not online]

    async def close(self, *, leave_call: bool = False) -> None:
        """Stop the schedule and a running join (leaving any call first if asked), then close."""
        if self._scheduler_task is not None:
            self._scheduler_task.cancel()
            await asyncio.gather(self._scheduler_task, return_exceptions=True)
            self._scheduler_task = None
        if leave_call and (self.in_call or self.joining):
            await self.leave()
        else:
            await self._cancel_running_join()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for unsubscribe in reversed(self._unsubscribes):
            unsubscribe()
        self._unsubscribes.clear()
        if self.hot_mic is not None:
            self.hot_mic.close()
        if self.health is not None:
            self.health.close()
        await self.room.close()
        for closer in self._on_close:
            try:
                await closer()
            except Exception:  # closing must go on: the next closer still runs
                _LOGGER.exception("runtime: closer %r failed", closer)

    # ---- the meeting ---------------------------------------------------------------------

    @property
    def in_call(self) -> bool:
        """True while the codec has a call (ringing, connecting or connected)."""
        codec = self.room.codec
        return codec is not None and codec.call.value.active

    @property
    def joining(self) -> bool:
        """True while a join runs (or is about to start), for any bridge."""
        pending = self._join_task is not None and not self._join_task.done()
        return pending or any(join.running for join in self._joins.values())

    def join_service(self, bridge_id: str | None = None) -> JoinBridge:
        """Return the join service of ``bridge_id`` (default: main); KeyError if unknown."""
        bridge = self.profile.call.bridge(bridge_id)
        join = self._joins.get(bridge.id)
        if join is None:
            join = JoinBridge(
                bridge,
                self.room.codec,
                cameras=self.cameras,
                recall=self._recall,
                apply_audio=self._audio(bridge.join_audio or self.profile.mixer.on_join),
                pin_provider=self._pins,
                display_name=self.profile.site.name,
                timeouts=self._join_timeouts,
            )
            self._joins[bridge.id] = join
            self._unsubscribes.append(join.progress.subscribe(self._follower(join)))
        return join

    async def join(self, bridge_id: str | None = None) -> JoinProgress:
        """Run the join steps for ``bridge_id``; return the final progress."""
        join = self.join_service(bridge_id)
        if self.joining:
            raise RuntimeError("a join is already running")
        return await join.run()

    def start_join(self, bridge_id: str | None = None) -> asyncio.Task[object] | None:
        """Join in the background (schedule, prompt); None if the bridge is unknown or busy."""
        try:
            self.join_service(bridge_id)
        except KeyError:
            _LOGGER.warning("join: no bridge %s in the profile", bridge_id)
            return None
        if self.joining:
            _LOGGER.info("join: %s not started, a join is already running", bridge_id)
            return None
        self._join_task = self._keep(self.join_service(bridge_id).run())
        return self._join_task

    def cancel_join(self) -> None:
        """Stop a running join at whatever step it is; anything dialled is hung up."""
        for join in self._joins.values():
            join.cancel()

    async def leave(self) -> tuple[StepWarning, ...]:
        """Cancel a running join, then hang up, mute, leave audio, cameras to the leaving shot."""
        await self._cancel_running_join()
        bridge = self._current_bridge()
        warnings = await leave_meeting(
            self.room.codec,
            cameras=self.cameras,
            leave_preset=bridge.leave_camera_preset if bridge is not None else None,
            recall=self._recall,
            apply_audio=self._audio(self.profile.mixer.on_leave),
        )
        _LOGGER.info("left the meeting (%d warnings)", len(warnings))
        return warnings

    # ---- cameras, audio, check -----------------------------------------------------------

    @property
    def cameras(self) -> list[Camera]:
        """The room's camera drivers, in profile order."""
        return [slot.camera for slot in self.room.cameras]

    async def recall_preset(self, camera_id: str, number: int) -> None:
        """Recall preset ``number`` on camera ``camera_id`` (in the camera or console-stored)."""
        await self.room.camera(camera_id).presets.recall(number)

    async def mute_all(self) -> None:
        """Mute every microphone of the desk, remembering the open ones for ``restore``."""
        if self.microphones is None:
            raise RuntimeError("the room has no mixer")
        await self.microphones.mute_all()

    async def restore_microphones(self) -> None:
        """Open again the microphones that were open before ``mute_all``."""
        if self.microphones is None:
            raise RuntimeError("the room has no mixer")
        await self.microphones.restore()

    def precheck(self, bridge_id: str | None = None) -> PreMeetingCheck:
        """Build a pre-meeting check: join preset and network path of ``bridge_id`` (or main)."""
        profile = self.profile
        settings = CheckSettings(probe=ProbeSettings(duration=profile.precheck.probe_seconds))
        bridge = self._bridge_or_main(bridge_id)
        return PreMeetingCheck.for_room(
            self.room,
            join_preset=bridge.join_camera_preset if bridge else None,
            lectern_channel=profile.precheck.lectern_channel,
            bridge_path=(
                path_target_for(bridge, udp_echo_port=profile.precheck.udp_echo_port)
                if bridge
                else None
            ),
            disk_path=self.room.profile_path.parent if self.room.profile_path else None,
            settings=settings,
        )

    # ---- wiring --------------------------------------------------------------------------

    def _hot_mic_guard(self) -> HotMicGuard | None:
        """Build the guard over the desk's microphones, following the codec's mute (if any)."""
        mixer, settings = self.room.mixer, self.profile.mixer.hot_mic
        if mixer is None or not settings.enabled:
            return None
        guard = HotMicGuard(
            mixer,
            self.profile.mixer.microphones(),
            threshold_db=settings.speech_threshold_db,
            hold=settings.hold_seconds,
        )
        codec = self.room.codec
        if codec is not None:  # its mute silences the room; outside a call nobody listens

            def on_call(info: CallInfo) -> None:
                guard.set_in_call(info.state is CallState.CONNECTED)

            self._unsubscribes.append(codec.mic_muted.subscribe(guard.set_codec_muted))
            self._unsubscribes.append(codec.call.subscribe(on_call))
            guard.set_codec_muted(codec.mic_muted.value)
            on_call(codec.call.value)
        return guard

    def _mute_all_microphones(self) -> MuteAllMicrophones | None:
        """Build mute-all for the desk; a meeting starting or ending forgets what to restore."""
        mixer, codec = self.room.mixer, self.room.codec
        if mixer is None:
            return None
        microphones = MuteAllMicrophones(mixer, self.profile.mixer.microphones())
        if codec is not None:
            in_call = codec.call.value.active

            def on_call(info: CallInfo) -> None:
                nonlocal in_call
                if info.active != in_call:
                    in_call = info.active
                    microphones.forget()  # joining and leaving set the desk anew

            self._unsubscribes.append(codec.call.subscribe(on_call))
        return microphones

    async def _recall(self, camera: Camera, number: int) -> None:
        """Recall through the camera's preset book: its stored shots, speed and active preset."""
        slot = next((s for s in self.room.cameras if s.camera is camera), None)
        if slot is None:
            await camera.recall_preset(number)
        else:
            await slot.presets.recall(number)

    def _audio(self, state: AudioStateProfile | None) -> AsyncAction | None:
        return audio_action(self.room.mixer, state, self.profile.mixer.microphones())

    def _bridge_or_main(self, bridge_id: str | None) -> BridgeProfile | None:
        """Return the bridge ``bridge_id``, else the main one; None without bridges."""
        bridges = self.profile.call.bridges
        if not bridges:
            return None
        try:
            return self.profile.call.bridge(bridge_id)
        except KeyError:
            return self.profile.call.bridge()

    def _current_bridge(self) -> BridgeProfile | None:
        """Return the bridge of the current or last join (its leaving shot), else the main one."""
        return self._bridge_or_main(self._bridge_id)

    def _follower(self, join: JoinBridge) -> Callable[[JoinProgress], None]:
        """Mirror ``join``'s progress into ``self.progress`` while it is the current join."""

        def follow(progress: JoinProgress) -> None:
            if progress.phase is JoinPhase.JOINING:
                self._bridge_id = join.bridge.id
            if self._bridge_id == join.bridge.id:
                self.progress.publish(progress)

        return follow

    async def _cancel_running_join(self) -> None:
        """Cancel a running (or just started) join and wait, bounded, until it has cleaned up."""
        running = [join for join in self._joins.values() if join.running]
        for join in running:
            join.cancel()
        task = self._join_task
        if task is not None and not task.done() and not running:
            task.cancel()  # started, not yet at its first step: it must not dial after a leave
        ended = (
            wait_for_value(join.progress, lambda p: p.phase is not JoinPhase.JOINING)
            for join in running
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*ended), CANCEL_TIMEOUT)

    def _on_schedule(self, event: ScheduleEvent) -> None:
        """Auto-join: the runtime joins by itself (a window only shows it)."""
        if event.kind is EventKind.AUTO_JOIN:
            _LOGGER.info("schedule: joining %s automatically", event.occurrence.bridge)
            self.start_join(event.occurrence.bridge)

    def _keep(self, work: Awaitable[object]) -> asyncio.Task[object]:
        """Run ``work`` as a task the runtime holds (and cancels on close)."""
        task: asyncio.Task[object] = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task
