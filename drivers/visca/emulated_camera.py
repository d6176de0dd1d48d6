"""One virtual VISCA camera as the Sony manuals describe it; behaviour only, no I/O.

Feed it whole controller packets addressed to it (``handle``) and collect the reply packets;
Completions of moves fall due later (``poll`` / ``next_due``), measured on an injectable clock.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field

from drivers.readers import COMMAND_LOG
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca.commands import (
    ExposureMode,
    WhiteBalanceMode,
    from_signed,
    parse_packet,
    to_signed,
)
from drivers.visca.emulated_motion import Axis, CameraModel
from drivers.visca.replies import ViscaErrorCode

_LOGGER = logging.getLogger(__name__)

PAN_TILT = frozenset({"pan", "tilt"})
ALL_AXES = frozenset({"pan", "tilt", "zoom", "focus"})
Clock = Callable[[], float]
Routed = tuple[Hashable, bytes]  # (origin of the command, reply packet)

# pan-tilt drive direction -> (pan sign, tilt sign); right and up are positive.
_DRIVES = {
    "up": (0, 1),
    "down": (0, -1),
    "left": (-1, 0),
    "right": (1, 0),
    "up_left": (-1, 1),
    "up_right": (1, 1),
    "down_left": (-1, -1),
    "down_right": (1, -1),
}


class _Refused(Exception):
    """A command the camera answers with an error packet."""

    def __init__(self, code: ViscaErrorCode) -> None:
        super().__init__(code.name)
        self.code = code


@dataclass
class _Job:
    """A command holding a socket until its motion ends."""

    done_at: float
    axes: frozenset[str] = field(default_factory=frozenset)
    origin: Hashable = None  # who sent it: its Completion goes back there


class EmulatedCamera:
    """A virtual PTZ camera: two sockets, motion over time, presets, errors as Sony documents."""

    def __init__(
        self,
        address: int = 1,
        *,
        limits: CameraLimits | None = None,
        clock: Clock = time.monotonic,
        model: CameraModel | None = None,
    ) -> None:
        self.address = address
        self.limits = limits or CameraLimits()
        self.model = model or CameraModel()
        self._clock = clock
        now = clock()
        m = self.model
        self._axes = {
            "pan": Axis(0, *m.pan_range, since=now),
            "tilt": Axis(0, *m.tilt_range, since=now),
            "zoom": Axis(m.zoom_range[0], *m.zoom_range, since=now),
            "focus": Axis(m.focus_range[0], *m.focus_range, since=now),
        }
        self.power_on = True
        self.focus_auto = True
        self.backlight = False
        self.white_balance = WhiteBalanceMode.AUTO
        self.exposure = ExposureMode.AUTO
        self.presets: dict[int, PtzPosition] = {}
        self.last_preset: int | None = None
        self.commands_received: deque[bytes] = deque(maxlen=COMMAND_LOG)  # newest first out
        self._jobs: dict[int, _Job] = {}  # socket -> running command
        self._outbox: list[Routed] = []  # Completions for other senders, ended early
        self._origin: Hashable = None  # sender of the packet being handled

    # --- what tests and the UI look at ---------------------------------------------------------

    def position(self) -> PtzPosition:
        """Return pan, tilt, zoom and focus now (they evolve with time and speed)."""
        now = self._clock()
        pan, tilt, zoom, focus = (round(self._axes[k].at(now)) for k in _AXIS_ORDER)
        return PtzPosition(pan, tilt, zoom, focus)

    @property
    def moving(self) -> bool:
        """True while any axis moves."""
        now = self._clock()
        return any(axis.moving(now) for axis in self._axes.values())

    @property
    def busy_sockets(self) -> list[int]:
        """Sockets holding a running command."""
        return sorted(self._jobs)

    def nudge(self, pan: int = 0, tilt: int = 0, zoom: int = 0) -> None:
        """Move the camera by hand (off its preset)."""
        now = self._clock()
        for name, delta in (("pan", pan), ("tilt", tilt), ("zoom", zoom)):
            self._axes[name].nudge(now, delta)

    # --- protocol ------------------------------------------------------------------------------

    def handle(self, packet: bytes, origin: Hashable = None) -> list[bytes]:
        """Execute one controller packet addressed to this camera; return immediate replies.

        ``origin`` names the sender (a network peer); later Completions are routed back to it.
        """
        self.commands_received.append(bytes(packet))
        self._origin = origin
        replies = self._handle(packet)
        return replies if self.limits.replies else []

    def poll(self) -> list[Routed]:
        """Completions that have fallen due by now, each with the origin of its command."""
        now = self._clock()
        routed, self._outbox = self._outbox, []
        for socket in sorted(s for s, job in self._jobs.items() if job.done_at <= now):
            job = self._jobs.pop(socket)
            for name in job.axes & ALL_AXES:
                self._axes[name].settle(now)
            routed.append((job.origin, self._reply(0x50 | socket)))
        return routed if self.limits.replies else []

    def next_due(self) -> float | None:
        """Clock time of the next Completion (None when no command is running)."""
        if self._outbox:
            return self._clock()
        return min((job.done_at for job in self._jobs.values()), default=None)

    def clear(self) -> None:
        """IF_Clear: drop running commands (no Completion follows) and stop their motion."""
        now = self._clock()
        for job in self._jobs.values():
            for name in job.axes & ALL_AXES:
                self._axes[name].stop(now)
        self._jobs.clear()

    def _handle(self, packet: bytes) -> list[bytes]:
        parsed = parse_packet(packet)
        if parsed is None or not parsed.payload:
            return [self._reply(0x60, ViscaErrorCode.MESSAGE_LENGTH)]
        name = parsed.name
        if name is None:
            _LOGGER.debug("camera %d: unknown command %s", self.address, packet.hex(" "))
            return [self._reply(0x60, ViscaErrorCode.SYNTAX)]
        if name == "cancel":
            return [self._cancel(parsed.fields["s"])]
        if name == "if_clear":
            self.clear()
            return [self._reply(0x50)]  # 90 50 FF
        try:
            if parsed.inquiry:
                return [self._reply(0x50, *self._inquiry(name))]
            return self._command(name, parsed.fields)
        except _Refused as refused:
            socket = self._free_socket() if refused.code is ViscaErrorCode.NOT_EXECUTABLE else 0
            return [self._reply(0x60 | (socket or 0), refused.code)]

    def _command(self, name: str, fields: Mapping[str, int]) -> list[bytes]:
        """Run a socket command: ACK, then Completion now or when its motion ends."""
        handler = _HANDLERS.get(name.split("_")[0])
        if handler is None:
            raise _Refused(ViscaErrorCode.SYNTAX)
        socket = self._free_socket()
        if socket is None:
            return [self._reply(0x60, ViscaErrorCode.BUFFER_FULL)]
        if not self.power_on and not name.startswith("power"):
            raise _Refused(ViscaErrorCode.NOT_EXECUTABLE)  # moves in standby
        now = self._clock()
        axes, done_at = handler(self, name, fields, now)
        replies = self._supersede(axes)
        socket = self._free_socket() or socket  # a superseded command frees its socket
        replies.append(self._reply(0x40 | socket))
        if done_at is None or done_at <= now:
            replies.append(self._reply(0x50 | socket))
        else:
            self._jobs[socket] = _Job(done_at, axes, self._origin)
        return replies

    def _supersede(self, axes: frozenset[str]) -> list[bytes]:
        """End running commands on the same axes (their Completion comes now)."""
        replies = []
        for socket, job in sorted(self._jobs.items()):
            if job.axes & axes:
                del self._jobs[socket]
                completion = self._reply(0x50 | socket)
                if job.origin == self._origin:
                    replies.append(completion)
                else:
                    self._outbox.append((job.origin, completion))
        return replies

    def _free_socket(self) -> int | None:
        return next((s for s in range(1, self.model.sockets + 1) if s not in self._jobs), None)

    def _cancel(self, socket: int) -> bytes:
        job = self._jobs.pop(socket, None)
        if job is None:
            return self._reply(0x60 | socket, ViscaErrorCode.NO_SOCKET)
        now = self._clock()
        for name in job.axes & ALL_AXES:
            self._axes[name].stop(now)
        return self._reply(0x60 | socket, ViscaErrorCode.CANCELED)

    def _reply(self, kind: int, *data: int) -> bytes:
        """``y0 kind data FF`` from this camera."""
        return bytes([(self.address + 8) << 4, kind, *data, 0xFF])

    # --- inquiries -----------------------------------------------------------------------------

    def _inquiry(self, name: str) -> tuple[int, ...]:
        """Return the data bytes of an inquiry answer."""
        now = self._clock()
        if name == "inq_power":
            return (2 if self.power_on else 3,)
        if name == "inq_focus_mode":
            return (2 if self.focus_auto else 3,)
        if name in ("inq_zoom", "inq_focus_position"):
            axis = self._axes["zoom" if name == "inq_zoom" else "focus"]
            return _nibbles(round(axis.at(now)), 4)
        if name == "inq_position":
            pan, tilt = (round(self._axes[k].at(now)) for k in ("pan", "tilt"))
            return _nibbles(from_signed(pan), 4) + _nibbles(from_signed(tilt), 4)
        if name == "inq_max_speed":
            return (self.limits.pan_speed_max, self.limits.tilt_speed_max)
        if name == "inq_version":
            m = self.model
            return (*m.vendor.to_bytes(2, "big"), *m.model_code.to_bytes(2, "big"),
                    *m.rom.to_bytes(2, "big"), m.sockets)  # fmt: skip
        if name == "inq_last_preset":
            return (self.last_preset or 0,)
        raise _Refused(ViscaErrorCode.SYNTAX)

    # --- command handlers: return (axes used, clock time of completion or None) ---------------

    def _check_speeds(
        self, fields: Mapping[str, int], idle: tuple[bool, bool] = (False, False)
    ) -> tuple[float, float]:
        """Pan/tilt speeds in units/s; 00 or above the model's maximum is a syntax error.

        An axis a drive leaves still (``idle``) may carry 00: cameras accept a single-axis
        drive like ``81 01 06 01 0C 00 01 03 FF`` (left) and many controllers send exactly that.
        """
        pan, tilt = fields["V"], fields["W"]
        pan_ok = 1 <= pan <= self.limits.pan_speed_max or (idle[0] and pan == 0)
        tilt_ok = 1 <= tilt <= self.limits.tilt_speed_max or (idle[1] and tilt == 0)
        if not (pan_ok and tilt_ok):
            raise _Refused(ViscaErrorCode.SYNTAX)
        unit = self.model.pan_tilt_units_per_speed
        return pan * unit, tilt * unit

    def _travel(self, now: float, targets: Mapping[str, tuple[float, float]]) -> float:
        """Start travels {axis: (target, speed)}; return when the last one arrives."""
        for name, (target, speed) in targets.items():
            self._axes[name].travel(now, target, speed)
        return max(self._axes[name].arrival(now) for name in targets)

    def _max_speeds(self) -> dict[str, float]:
        m = self.model
        return {
            "pan": self.limits.pan_speed_max * m.pan_tilt_units_per_speed,
            "tilt": self.limits.tilt_speed_max * m.pan_tilt_units_per_speed,
            "zoom": (self.limits.zoom_speed_max + 1) * m.zoom_units_per_speed,
            "focus": (self.limits.focus_speed_max + 1) * m.focus_units_per_speed,
        }

    def _do_power(self, name: str, fields: Mapping[str, int], now: float) -> _Result:
        on = name == "power_on"
        if not on:
            for axis in self._axes.values():
                axis.stop(now)
        changed = on != self.power_on
        self.power_on = on
        axes = frozenset({"power"}) if on else ALL_AXES | {"power"}
        return axes, now + self.model.power_time if changed else None

    def _do_pan_tilt(self, name: str, fields: Mapping[str, int], now: float) -> _Result:
        what = name.removeprefix("pan_tilt_")
        if what == "stop":
            for axis in ("pan", "tilt"):
                self._axes[axis].stop(now)
            return PAN_TILT, None
        if what in _DRIVES:
            pan_sign, tilt_sign = _DRIVES[what]
            pan_speed, tilt_speed = self._check_speeds(fields, (pan_sign == 0, tilt_sign == 0))
            self._axes["pan"].drive(now, pan_sign * pan_speed)
            self._axes["tilt"].drive(now, tilt_sign * tilt_speed)
            return PAN_TILT, None  # a drive completes at once and keeps moving
        pan_speed, tilt_speed = self._check_speeds(fields)
        pan, tilt = to_signed(fields["Y"]), to_signed(fields["Z"])
        if what == "relative":
            pan += round(self._axes["pan"].at(now))
            tilt += round(self._axes["tilt"].at(now))
        return PAN_TILT, self._travel(now, {"pan": (pan, pan_speed), "tilt": (tilt, tilt_speed)})

    def _do_home(self, name: str, fields: Mapping[str, int], now: float) -> _Result:
        speeds = self._max_speeds()
        return PAN_TILT, self._travel(now, {"pan": (0, speeds["pan"]), "tilt": (0, speeds["tilt"])})

    def _do_lens(self, name: str, fields: Mapping[str, int], now: float) -> _Result:
        """Zoom and focus: stop, drive (fixed or variable speed) or direct."""
        axis_name, _, what = name.partition("_")
        axis = self._axes[axis_name]
        if axis_name == "focus" and what in _FOCUS_MODES:
            return self._focus_mode(what, now)
        if axis_name == "focus" and self.focus_auto and what != "stop":
            raise _Refused(ViscaErrorCode.NOT_EXECUTABLE)  # Sony's example: Focus Far in AF
        unit = getattr(self.model, f"{axis_name}_units_per_speed")
        if what == "stop":
            axis.stop(now)
            return frozenset({axis_name}), None
        if what == "direct":
            speed = self._max_speeds()[axis_name]
            return frozenset({axis_name}), self._travel(now, {axis_name: (fields["Q"], speed)})
        speed = fields.get("p", self.model.standard_speed)
        sign = 1 if what.startswith(("tele", "far")) else -1
        axis.drive(now, sign * (speed + 1) * unit)
        return frozenset({axis_name}), None

    def _focus_mode(self, what: str, now: float) -> _Result:
        if what == "toggle":
            self.focus_auto = not self.focus_auto
        elif what in ("auto", "manual"):
            self.focus_auto = what == "auto"
        if self.focus_auto:
            self._axes["focus"].stop(now)
        return frozenset(), None

    def _do_preset(self, name: str, fields: Mapping[str, int], now: float) -> _Result:
        number = fields["P"]
        if not self.limits.has_preset_memory or number >= self.limits.preset_capacity:
            raise _Refused(ViscaErrorCode.SYNTAX)
        action = name.removeprefix("preset_")
        if action == "reset":
            self.presets.pop(number, None)
            return frozenset(), None
        if action == "set":
            self.presets[number] = self.position()
            self.last_preset = number
            return frozenset(), None
        self.last_preset = number
        stored = self.presets.get(number, PtzPosition(0, 0, self.model.zoom_range[0]))
        speeds = self._max_speeds()
        targets = {"pan": stored.pan, "tilt": stored.tilt, "zoom": stored.zoom}
        if stored.focus is not None:
            targets["focus"] = stored.focus
        done = self._travel(now, {k: (v, speeds[k]) for k, v in targets.items()})
        return ALL_AXES, done

    def _do_setting(self, name: str, fields: Mapping[str, int], now: float) -> _Result:
        """White balance, backlight, exposure: immediate."""
        kind, _, mode = name.partition("_")
        if kind == "wb" and mode != "one_push_trigger":
            self.white_balance = WhiteBalanceMode[mode.upper()]
        elif kind == "exposure":
            self.exposure = ExposureMode[mode.upper()]
        elif kind == "backlight":
            self.backlight = mode == "on"
        return frozenset(), None


_Result = tuple[frozenset[str], float | None]
_AXIS_ORDER = ("pan", "tilt", "zoom", "focus")
_FOCUS_MODES = ("auto", "manual", "toggle", "one_push")

_HANDLERS: dict[str, Callable[[EmulatedCamera, str, Mapping[str, int], float], _Result]] = {
    "power": EmulatedCamera._do_power,
    "pan": EmulatedCamera._do_pan_tilt,
    "home": EmulatedCamera._do_home,
    "reset": EmulatedCamera._do_home,  # pan-tilt reset re-initialises and returns home
    "zoom": EmulatedCamera._do_lens,
    "focus": EmulatedCamera._do_lens,
    "preset": EmulatedCamera._do_preset,
    "wb": EmulatedCamera._do_setting,
    "backlight": EmulatedCamera._do_setting,
    "exposure": EmulatedCamera._do_setting,
}


def _nibbles(value: int, count: int) -> tuple[int, ...]:
    """``value`` as ``count`` nibble bytes, most significant first."""
    return tuple((value >> (4 * i)) & 0x0F for i in reversed(range(count)))
