"""ViscaCamera: the Camera role over VISCA (serial chain, Sony VISCA over IP, raw TCP/UDP).

The camera owns a ``CommandFlow`` (sockets, coalescing, cancel) on a shared ``ViscaBus``.
Status follows the bus (port missing, connection refused) and the camera's own answers
(two unanswered messages in a row = not answering). A camera that never replies (one-way
wiring, ``limits.replies=False``) is ONLINE with a ``NOT_ANSWERING`` warning. When the link
comes back after an outage while the camera may be driving, Stop goes out before anything else.

``state.moving`` (and the zoom drive) say whether the camera may be driving. A Stop clears that
only if no drive was ordered after it: Stops and drives overlap (the Stop sent on replug is
still being answered when the operator drives again), and a late Stop must not hide the newer
drive, or the next outage would leave the camera driving into its end stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from drivers.errors import DeviceError, Problem
from drivers.readers import SupervisedTask
from drivers.roles.base import Availability, DeviceStatus
from drivers.roles.camera import (
    Camera,
    CameraLimits,
    FocusAction,
    PanTiltDirection,
    ZoomDirection,
)
from drivers.visca import protocol
from drivers.visca.bus import ViscaBus, get_bus
from drivers.visca.connection import ConnectionSpec, parse_connection
from drivers.visca.flow import CommandFlow
from drivers.visca.protocol import Command, PresetAction

_LOGGER = logging.getLogger(__name__)

_MISSES_OFFLINE = 2  # unanswered messages in a row before the light turns red
_FULL_POLL_EVERY = 10  # power and focus are asked every 10th poll, position and zoom always
RECOVERY_INTERVAL = 3.0  # seconds between AddressSet / RESET attempts while silent
PAN_TILT, ZOOM, FOCUS = "pan_tilt", "zoom", "focus"  # coalescing lanes


class ViscaCamera(Camera):
    """A VISCA PTZ camera on a serial chain or the network."""

    def __init__(
        self,
        name: str,
        connection: str | ConnectionSpec,
        address: int = 1,
        limits: CameraLimits | None = None,
        *,
        command_timeout: float = 5.0,
        motion_timeout: float = 30.0,
        ack_timeout: float = 1.0,
        poll_interval: float = 1.0,
        recovery_interval: float = RECOVERY_INTERVAL,
        link_options: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(name, limits or CameraLimits())
        spec = parse_connection(connection) if isinstance(connection, str) else connection
        if not 1 <= address <= 7:
            raise ValueError(f"VISCA address {address} outside 1..7")
        self.spec = spec
        self.address = address
        self.command_timeout = command_timeout
        self.motion_timeout = motion_timeout
        self.poll_interval = poll_interval
        self.recovery_interval = recovery_interval
        self._link_options = link_options or {}
        self._bus: ViscaBus | None = None
        self.flow = CommandFlow(
            name,
            address,
            self._send,
            replies=self.limits.replies,
            ack_timeout=ack_timeout,
            on_answer=self._on_answer,
        )
        self._misses = 0
        self._answered = False
        self._drive_speeds = (1, 1)
        self._zoom_driving = False
        self._drives = {PAN_TILT: 0, ZOOM: 0}  # drives ordered so far, per lane
        self._background: set[asyncio.Task[None]] = set()
        self._unsubscribe: list[Any] = []
        self._poll = SupervisedTask(f"{name} poll", self._poll_forever, self._poll_died)
        self._poll_now = asyncio.Event()
        self._next_recovery = 0.0
        self._polls = 0

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Attach to the port's bus and begin connecting; returns at once."""
        if self._bus is not None:
            return
        bus = get_bus(self.spec, **self._link_options)
        bus.attach(self.address, self.flow.on_reply)
        self._bus = bus
        self._unsubscribe.append(bus.status.subscribe(self._on_bus_status))
        self._poll.start()
        self._on_bus_status(bus.status.value)

    async def close(self) -> None:
        """Stop motion, then leave the bus (the last camera closes the port)."""
        bus = self._bus
        if bus is None:
            return
        if bus.status.value.availability is Availability.ONLINE:
            await self.stop_motion()
        self._bus = None
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        await self._poll.stop()
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        self.flow.link_down("closed")
        await bus.detach(self.address)
        self.status.publish(DeviceStatus(Availability.OFFLINE, None, "closed"))

    async def _send(self, packet: bytes, inquiry: bool) -> None:
        if self._bus is None:
            raise DeviceError(f"{self.name}: camera is closed")
        await self._bus.send(packet, inquiry=inquiry)

    # --- status ----------------------------------------------------------------------------

    def _on_bus_status(self, status: DeviceStatus) -> None:
        if status.availability is Availability.ONLINE:
            self._misses, self._answered = 0, False
            if self.state.value.moving or self._zoom_driving:
                task = asyncio.get_running_loop().create_task(self._stop_after_outage())
                self._background.add(task)
                task.add_done_callback(self._background.discard)
            self._poll_now.set()
            self._update_status()
            return
        self.flow.link_down(status.detail or "link down")
        self.status.publish(status)

    async def _stop_after_outage(self) -> None:
        _LOGGER.info("%s: link is back; stopping the motion it was doing", self.name)
        await self.stop_motion()

    def _on_answer(self, answered: bool) -> None:
        if answered:
            self._misses, self._answered = 0, True
        else:
            self._misses += 1
        self._update_status()

    def _update_status(self) -> None:
        bus = self._bus
        if bus is None or bus.status.value.availability is not Availability.ONLINE:
            return
        if not self.limits.replies:
            new = DeviceStatus(Availability.ONLINE, warning=Problem.NOT_ANSWERING)
        elif self._misses >= _MISSES_OFFLINE:
            new = DeviceStatus(
                Availability.OFFLINE, Problem.NOT_ANSWERING, f"no answer from {self.spec}"
            )
        elif self._answered:
            new = DeviceStatus(Availability.ONLINE)
        else:
            new = DeviceStatus(Availability.CONNECTING)
        old = self.status.value
        if new.availability != old.availability:  # once per change, never per poll
            if new.availability is Availability.OFFLINE:
                _LOGGER.warning("%s: not answering on %s", self.name, self.spec)
            elif old.availability is Availability.OFFLINE:
                _LOGGER.info("%s: answering again", self.name)
        self.status.publish(new)

    def _set_state(self, **changes: Any) -> None:
        self.state.publish(replace(self.state.value, **changes))

    # --- verbs -----------------------------------------------------------------------------

    async def _run(self, command: Command, timeout: float | None = None, **lane: Any) -> bytes:
        return await self.flow.run(command, timeout or self.command_timeout, **lane)

    async def power(self, on: bool) -> None:
        """Power on or to standby (power-on takes seconds on real cameras)."""
        await self._run(protocol.power(on), self.motion_timeout)
        self._set_state(power_on=on)

    async def move(self, direction: PanTiltDirection, pan_speed: int, tilt_speed: int) -> None:
        """Drive pan-tilt; a newer drive replaces this one while it waits to be sent."""
        _check("pan speed", pan_speed, 1, self.limits.pan_speed_max)
        _check("tilt speed", tilt_speed, 1, self.limits.tilt_speed_max)
        self._drive_speeds = (pan_speed, tilt_speed)
        self._drives[PAN_TILT] += 1
        self._set_state(moving=True, last_preset=None)  # also if it fails: Stop on return
        await self._run(protocol.pan_tilt_drive(direction, pan_speed, tilt_speed), lane=PAN_TILT)

    async def stop(self) -> None:
        """Stop pan-tilt; drops any pending drive and goes out before other queued work."""
        self.flow.make_room()
        drives = self._drives[PAN_TILT]
        await self._run(self._stop_command(), urgent=True, supersede=(PAN_TILT,))
        self._stopped(PAN_TILT, drives)

    def _stopped(self, lane: str, drives: int) -> None:
        """Mark ``lane`` still after its Stop completed, unless a drive was ordered since."""
        if self._drives[lane] != drives:
            return
        if lane == PAN_TILT:
            self._set_state(moving=False)
        else:
            self._zoom_driving = False

    def _stop_command(self) -> Command:
        # 81 01 06 01 VV WW 03 03 FF: Stop still carries speeds; reuse the last ones
        return protocol.pan_tilt_drive(None, *self._drive_speeds)

    async def stop_motion(self) -> None:
        """Stop pan-tilt and zoom, ahead of everything pending. Never raises."""
        stops = (
            (self._stop_command(), (PAN_TILT,)),
            (protocol.zoom(ZoomDirection.STOP), (ZOOM,)),
        )
        self.flow.make_room()  # a Stop must not wait behind a long recall and zoom
        drives = dict(self._drives)
        # submit() only queues; failures come back as gathered results, so nothing raises
        jobs = [
            self.flow.submit(cmd, self.command_timeout, urgent=True, supersede=lanes)
            for cmd, lanes in stops
        ]
        outcomes = await asyncio.gather(*(job.future for job in jobs), return_exceptions=True)
        for lane, outcome in zip((PAN_TILT, ZOOM), outcomes, strict=True):
            if not isinstance(outcome, BaseException):  # a failed lane may still be driving
                self._stopped(lane, drives[lane])
        failed = [o for o in outcomes if isinstance(o, BaseException)]
        if failed:
            _LOGGER.warning("%s: stop not confirmed: %s", self.name, failed[0])

    async def zoom(self, direction: ZoomDirection, speed: int | None = None) -> None:
        """Drive zoom; Stop drops a pending zoom drive."""
        if speed is not None:
            _check("zoom speed", speed, 0, self.limits.zoom_speed_max)
        self._set_state(last_preset=None)
        if direction is ZoomDirection.STOP:
            drives = self._drives[ZOOM]
            await self._run(protocol.zoom(direction), urgent=True, supersede=(ZOOM,))
            self._stopped(ZOOM, drives)
        else:
            self._drives[ZOOM] += 1
            self._zoom_driving = True
            await self._run(protocol.zoom(direction, speed), lane=ZOOM)

    async def zoom_to(self, position: int) -> None:
        """Zoom to an absolute position."""
        self._set_state(last_preset=None)
        await self._run(protocol.zoom_direct(position), self.motion_timeout)
        self._set_state(zoom=position)

    async def focus(self, action: FocusAction, speed: int | None = None) -> None:
        """Focus mode or drive."""
        if speed is not None:
            _check("focus speed", speed, 0, self.limits.focus_speed_max)
        self._set_state(last_preset=None)
        if action is FocusAction.STOP:
            await self._run(protocol.focus(action), urgent=True, supersede=(FOCUS,))
        elif action in (FocusAction.FAR, FocusAction.NEAR):
            await self._run(protocol.focus(action, speed), lane=FOCUS)
        else:
            await self._run(protocol.focus(action))
            if action in (FocusAction.AUTO, FocusAction.MANUAL):
                self._set_state(focus_auto=action is FocusAction.AUTO)

    async def home(self) -> None:
        """Pan-tilt home."""
        self._set_state(last_preset=None)
        await self._run(protocol.home(), self.motion_timeout)

    async def goto(self, pan: int, tilt: int, pan_speed: int, tilt_speed: int) -> None:
        """Absolute pan-tilt position."""
        _check("pan speed", pan_speed, 1, self.limits.pan_speed_max)
        _check("tilt speed", tilt_speed, 1, self.limits.tilt_speed_max)
        self._set_state(last_preset=None)
        command = protocol.pan_tilt_absolute(pan, tilt, pan_speed, tilt_speed)
        await self._run(command, self.motion_timeout)

    async def recall_preset(self, number: int, speed: int | None = None) -> None:
        """Recall a preset from camera memory (VISCA has no standard recall speed: ignored)."""
        self._check_preset(number)
        await self._run(protocol.preset(PresetAction.RECALL, number), self.motion_timeout)
        self._set_state(last_preset=number)

    async def save_preset(self, number: int) -> None:
        """Store the current shot in camera memory."""
        self._check_preset(number)
        await self._run(protocol.preset(PresetAction.SET, number), self.motion_timeout)
        self._set_state(last_preset=number)

    async def clear_preset(self, number: int) -> None:
        """Reset a preset in camera memory."""
        self._check_preset(number)
        await self._run(protocol.preset(PresetAction.RESET, number))
        if self.state.value.last_preset == number:
            self._set_state(last_preset=None)

    def _check_preset(self, number: int) -> None:
        if not self.limits.has_preset_memory:
            raise ValueError(f"{self.name} has no preset memory")
        _check("preset number", number, 0, self.limits.preset_capacity - 1)

    # --- inquiries -------------------------------------------------------------------------

    async def refresh(self) -> None:
        """Inquire power, zoom, focus mode and position; update ``state``."""
        await self._inquire(full=True, only_when_idle=False)

    async def _inquire(self, *, full: bool, only_when_idle: bool) -> None:
        # Position and zoom change while driving; power and focus rarely. At 9600 baud the
        # short cycle is ~28 bytes, so 7 cameras polled each second use ~20 % of the line.
        inquiries: list[tuple[Command, str, Callable[[bytes], Any]]] = [
            (protocol.inquire_position(), "position", protocol.parse_position),
            (protocol.inquire_zoom(), "zoom", protocol.parse_zoom),
        ]
        if full:
            inquiries[:0] = [(protocol.inquire_power(), "power_on", protocol.parse_power)]
            inquiries += [
                (protocol.inquire_focus_mode(), "focus_auto", protocol.parse_focus_auto),
                (protocol.inquire_focus_position(), "focus", protocol.parse_zoom),
            ]
        for command, field, parse in inquiries:
            if only_when_idle and not self.flow.idle:
                return  # user commands come first; try again next poll
            value = parse(await self._run(command))
            if field == "position":
                pan, tilt = value
                self._set_state(pan=pan, tilt=tilt)
            else:
                self._set_state(**{field: value})

    async def _poll_forever(self) -> None:
        """Keep the state fresh without flooding: skip while commands are busy."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._poll_now.wait(), self.poll_interval)
            self._poll_now.clear()
            bus = self._bus
            if bus is None or bus.status.value.availability is not Availability.ONLINE:
                continue
            if not self.limits.replies:
                self._update_status()
                continue
            if self.status.value.problem is Problem.NOT_ANSWERING:
                self._try_recovery(bus)
            full = self._polls % _FULL_POLL_EVERY == 0 or not self._answered
            self._polls += 1
            try:
                await self._inquire(full=full, only_when_idle=True)
            except DeviceError as exc:  # status changes are reported by _on_answer, once
                _LOGGER.debug("%s: poll failed: %s", self.name, exc)

    def _poll_died(self, reason: str) -> None:
        """Show the camera offline until the restarted poll hears from it again."""
        self._answered = False
        self.status.publish(DeviceStatus(Availability.OFFLINE, Problem.UNKNOWN, f"poll {reason}"))
        self._poll_now.set()

    def _try_recovery(self, bus: ViscaBus) -> None:
        """Re-address / RESET now and then while silent (power-cycled cameras need it)."""
        now = asyncio.get_running_loop().time()
        if now >= self._next_recovery:
            self._next_recovery = now + self.recovery_interval
            bus.recover()


def _check(what: str, value: int, low: int, high: int) -> None:
    """Per-model limit check (the profile's CameraLimits)."""
    if not low <= value <= high:
        raise ValueError(f"{what} {value} outside {low}..{high} for this camera")


def create_camera(
    name: str,
    connection: str | ConnectionSpec,
    address: int = 1,
    limits: CameraLimits | None = None,
    **options: Any,
) -> ViscaCamera:
    """Registry factory for every VISCA driver name (the connection string picks the link)."""
    return ViscaCamera(name, connection, address, limits, **options)
