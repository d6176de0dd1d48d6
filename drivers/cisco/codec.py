"""CiscoCodec: the Codec role over the xAPI terminal (TSH) session.

The TCP transport reaches the emulator (and a codec's TSH behind an SSH tunnel); feedback is
registered again after every reconnect because a codec forgets it with the session.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable

from drivers.cisco.link import TcpLink
from drivers.cisco.ssh import ssh_opener
from drivers.cisco.tsh import (
    MAX_LINE,
    LineKind,
    TshLine,
    format_command,
    parse_int,
    parse_line,
    parse_number,
)
from drivers.dialstring import validate_dial_string, validate_dtmf
from drivers.errors import DeviceCommandError, DeviceParseError, DeviceTimeout, Problem
from drivers.readers import LineSplitter, ParseErrorLog
from drivers.roles.codec import CallDirection, CallInfo, CallState, CallStatistics, Codec

_LOGGER = logging.getLogger(__name__)

SSH_PORT = 22
GREETING_TIMEOUT = 2.0  # TSH ends its login banner with OK; a tunnel may show none
FEEDBACK_PATHS = (
    "/Status/Call",
    "/Event/CallDisconnect",
    "/Status/Audio/Microphones/Mute",
    "/Status/MediaChannels",
)
_STATES = {
    "Idle": CallState.IDLE,
    "Dialling": CallState.DIALLING,
    "Ringing": CallState.RINGING,
    "Connecting": CallState.RINGING,
    "EarlyMedia": CallState.RINGING,
    "Connected": CallState.CONNECTED,
    "OnHold": CallState.CONNECTED,
    "Disconnecting": CallState.DISCONNECTING,
}
# MediaChannels values we read, and how: counters, rates, the channel's direction
_NETSTAT_COUNTS = ("Netstat Packets", "Netstat Loss")
_NETSTAT_NUMBERS = ("Netstat Jitter", "Netstat ChannelRate")
_DIRECTIONS = ("Incoming", "Outgoing")
Channel = dict[str, float | str]
_REASON_RE = re.compile(r'Reason:\s*"?([^"]*)"?')


class CiscoCodec(Codec):
    """A Cisco CE/RoomOS codec driven through xCommand/xStatus/xFeedback."""

    def __init__(
        self,
        name: str,
        *,
        host: str,
        port: int | None = None,
        username: str | None = None,
        password: str | None = None,
        known_hosts: str | None = None,
        command_timeout: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(name)
        opener = None
        if username is not None:  # SSH login to TSH (port 22 unless given)
            port = port or SSH_PORT
            opener = ssh_opener(host, port, username, password or "", known_hosts)
        elif port is None:
            raise DeviceCommandError(
                f"{name}: give a TSH TCP port or an SSH username", problem=Problem.BAD_CONFIG
            )
        self._clock = clock
        self._timeout = command_timeout
        self._link = TcpLink(
            name,
            host,
            port,
            self.status,
            on_data=self._on_data,
            on_connected=self._set_up_session,
            on_lost=self._on_lost,
            opener=opener,
        )
        self.parse_errors = ParseErrorLog(name, _LOGGER)
        self._lines = LineSplitter(MAX_LINE, on_overlong=self._line_too_long)
        self._lock = asyncio.Lock()
        self._pending: asyncio.Future[list[str]] | None = None
        self._result: list[str] = []
        self._calls: dict[int, dict[str, str]] = {}
        self._disconnect: dict[str, str] = {}
        self._netstat: dict[tuple[int, int], Channel] = {}
        self._previous_counts: tuple[float, int, int, int] | None = None
        self._netstat_changed = False
        self._connected_at: dict[int, float] = {}

    async def start(self) -> None:
        """Start connecting (returns at once)."""
        self._link.start()

    async def close(self) -> None:
        """Close the session."""
        await self._link.close()

    async def dial(self, dial_string: str, *, call_rate: int | None = None) -> None:
        """``xCommand Dial``; the call appears through /Status/Call feedback."""
        validate_dial_string(dial_string)
        if self.call.value.active:
            raise DeviceCommandError(f"{self.name}: already in a call", problem=Problem.BUSY)
        params: dict[str, str | int] = {"Number": dial_string}
        if call_rate is not None:
            params["CallRate"] = call_rate
        self.call.publish(
            CallInfo(CallState.DIALLING, far_end=dial_string, direction=CallDirection.OUTGOING)
        )
        try:
            await self._xcommand("Dial", params)
        except DeviceCommandError:
            self.call.publish(CallInfo(end_reason="dial refused"))
            raise

    async def hangup(self) -> None:
        """``xCommand Call Disconnect`` for the current call."""
        call_id = self._current_id()
        if call_id is not None:
            await self._xcommand("Call Disconnect", {"CallId": call_id})
        elif self.call.value.active:  # dialled, but the codec never reported the call
            self.call.publish(CallInfo(end_reason="hung up"))

    async def answer(self) -> None:
        """``xCommand Call Accept``."""
        await self._xcommand("Call Accept", {"CallId": self._require_call()})

    async def reject(self) -> None:
        """``xCommand Call Reject``."""
        await self._xcommand("Call Reject", {"CallId": self._require_call()})

    async def set_mic_muted(self, muted: bool) -> None:
        """``xCommand Audio Microphones Mute|Unmute`` (state comes back as feedback)."""
        await self._xcommand("Audio Microphones " + ("Mute" if muted else "Unmute"))
        self.mic_muted.publish(muted)

    async def send_dtmf(self, digits: str) -> None:
        """``xCommand Call DTMFSend`` (the digits are never logged: they may be a PIN)."""
        validate_dtmf(digits)
        params: dict[str, str | int] = {"CallId": self._require_call(), "DTMFString": digits}
        await self._xcommand("Call DTMFSend", params)

    @property
    def has_selfview(self) -> bool:
        """Cisco codecs have self-view."""
        return True

    async def set_selfview(self, on: bool) -> None:
        """``xCommand Video Selfview Set Mode: On|Off``."""
        await self._xcommand("Video Selfview Set", {"Mode": "On" if on else "Off"})
        self.selfview.publish(on)

    async def wake(self) -> None:
        """``xCommand Standby Deactivate``."""
        await self._xcommand("Standby Deactivate")

    async def activate_camera_preset(self, preset: int) -> None:
        """``xCommand Camera Preset Activate`` (codec-side camera presets 1-35)."""
        await self._xcommand("Camera Preset Activate", {"PresetId": preset})

    def _current_id(self) -> int | None:
        return min(self._calls) if self._calls else None

    def _require_call(self) -> int:
        call_id = self._current_id()
        if call_id is None:
            raise DeviceCommandError(f"{self.name}: no call", problem=Problem.NOT_EXECUTABLE)
        return call_id

    async def _xcommand(self, path: str, params: dict[str, str | int] | None = None) -> list[str]:
        return await self._send(format_command("xCommand", path, params), path)

    async def _send(self, line: str, label: str) -> list[str]:
        """Send one command line; wait for OK (lines) or ERROR (DeviceCommandError)."""
        async with self._lock:
            future: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()
            self._pending, self._result = future, []
            _LOGGER.debug("%s: -> %s", self.name, label)
            try:
                self._link.write(line.encode() + b"\r\n")
                return await asyncio.wait_for(future, self._timeout)
            except TimeoutError as exc:
                raise DeviceTimeout(f"{self.name}: no answer to {label}") from exc
            finally:
                self._pending = None

    async def _set_up_session(self) -> None:
        """Register feedback (forgotten with every session) and read the current state."""
        self._lines.reset()
        await self._await_greeting()
        for path in FEEDBACK_PATHS:
            await self._send(f"xFeedback register {path}", f"feedback {path}")
        self._calls.clear()
        await self._send("xStatus Call", "status call")
        await self._send("xStatus Audio Microphones Mute", "status mute")
        self._publish_call()

    async def _await_greeting(self) -> None:
        """Swallow the login banner's closing OK so it never answers our first command."""
        future: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()
        self._pending, self._result = future, []
        try:
            await asyncio.wait_for(future, GREETING_TIMEOUT)
        except TimeoutError:
            _LOGGER.debug("%s: no greeting; going on", self.name)
        finally:
            self._pending = None

    def _on_lost(self) -> None:
        pending = self._pending
        if pending is not None and not pending.done():
            pending.set_exception(DeviceTimeout(f"{self.name}: connection lost"))

    def _on_data(self, data: bytes) -> None:
        for raw in self._lines.feed(data):
            try:
                self._on_line(parse_line(raw.decode(errors="replace").rstrip("\r")))
            except DeviceParseError as exc:
                self.parse_errors.report("TSH line", raw, exc)

    def _line_too_long(self, head: bytes) -> None:
        self.parse_errors.report("TSH line", head, f"line too long (over {MAX_LINE} bytes)")

    def _on_line(self, line: TshLine) -> None:
        if self._pending is not None and line.kind in (LineKind.RESULT, LineKind.OTHER):
            self._result.append(" ".join((*line.path, line.value)) if line.path else line.value)
        if line.kind is LineKind.STATUS:
            self._on_status(line)
        elif line.kind is LineKind.EVENT and line.path[:1] == ("CallDisconnect",):
            self._disconnect[line.path[-1]] = line.value
        elif line.kind is LineKind.END:
            self._publish_call()
            self._publish_statistics()
        elif line.kind in (LineKind.OK, LineKind.ERROR):
            self._finish(line.kind)

    def _finish(self, kind: LineKind) -> None:
        pending = self._pending
        if pending is None or pending.done():
            return
        if kind is LineKind.OK:
            pending.set_result(self._result)
            return
        reason = next((m.group(1) for r in self._result if (m := _REASON_RE.search(r))), "")
        pending.set_exception(DeviceCommandError(f"{self.name}: {reason or 'command refused'}"))

    def _on_status(self, line: TshLine) -> None:
        """Fold one ``*s`` line into the call and media state (DeviceParseError if bad)."""
        path = line.path
        if len(path) >= 3 and path[0] == "Call":
            call_id = parse_int(path[1], "call id")
            if path[2] == "(ghost=True)":
                self._calls.pop(call_id, None)
                self._connected_at.pop(call_id, None)
            else:
                self._calls.setdefault(call_id, {})[path[2]] = line.value
        elif path == ("Audio", "Microphones", "Mute"):
            self.mic_muted.publish(line.value == "On")
        elif len(path) >= 6 and path[0] == "MediaChannels":
            key = (parse_int(path[2], "call id"), parse_int(path[4], "channel id"))
            name = " ".join(path[5:])
            value = _netstat_value(name, line.value)
            if value is not None:
                self._netstat.setdefault(key, {})[name] = value
                self._netstat_changed = True

    def _publish_call(self) -> None:
        call_id = self._current_id()
        if call_id is None:
            info = self.call.value
            if info.state is CallState.DIALLING and info.call_id is None and not self._disconnect:
                return  # our Dial is on its way; its feedback has not arrived yet
            if info.active or self._disconnect:
                reason = self._disconnect.get("CauseString") or self._disconnect.get(
                    "CauseType", ""
                )
                self.call.publish(CallInfo(end_reason=reason or self.call.value.end_reason))
                self._disconnect.clear()
                self.statistics.publish(None)
                self._netstat.clear()
                self._previous_counts = None
            return
        fields = self._calls[call_id]
        incoming = fields.get("Direction") == "Incoming"
        state = _STATES.get(fields.get("Status", ""), CallState.DIALLING)
        if incoming and state is CallState.RINGING:
            state = CallState.INCOMING
        if state is CallState.CONNECTED:
            self._connected_at.setdefault(call_id, self._clock())
        self.call.publish(
            CallInfo(
                state=state,
                call_id=str(call_id),
                far_end=fields.get("DisplayName") or fields.get("RemoteNumber", ""),
                direction=CallDirection.INCOMING if incoming else CallDirection.OUTGOING,
                connected_at=self._connected_at.get(call_id),
                media_flowing=self._received_packets() > 0,
            )
        )

    def _received_packets(self) -> int:
        return sum(_count(c, "Netstat Packets") for c in self._incoming())

    def _incoming(self) -> list[Channel]:
        return [c for c in self._netstat.values() if c.get("Direction") == "Incoming"]

    def _publish_statistics(self) -> None:
        """Interval statistics from the cumulative netstat counters of the current call."""
        if not self._netstat_changed or self._current_id() is None:
            return
        self._netstat_changed = False
        outgoing = [c for c in self._netstat.values() if c.get("Direction") == "Outgoing"]
        counts = (
            self._clock(),
            self._received_packets(),
            sum(_count(c, "Netstat Loss") for c in self._incoming()),
            sum(_count(c, "Netstat Packets") for c in outgoing),
        )
        previous, self._previous_counts = self._previous_counts, counts
        if previous is None or counts[0] <= previous[0]:
            return
        seconds = counts[0] - previous[0]
        received, lost = counts[1] - previous[1], counts[2] - previous[2]
        self.statistics.publish(
            CallStatistics(
                tx_rate=max(0, counts[3] - previous[3]) / seconds,
                rx_rate=max(0, received) / seconds,
                loss_percent=100.0 * max(0, lost) / received if received > 0 else 0.0,
                jitter_ms=max((_number(c, "Netstat Jitter") for c in self._incoming()), default=0),
                time=counts[0],
                tx_kbps=_rate_kbps(outgoing),
                rx_kbps=_rate_kbps(self._incoming()),
            )
        )
        if not self.call.value.media_flowing and received > 0:
            self._publish_call()


def _rate_kbps(channels: list[Channel]) -> float:
    """Sum of the channels' ChannelRate (bit/s) in kbit/s."""
    return sum(_number(c, "Netstat ChannelRate") for c in channels) / 1000


def _netstat_value(name: str, text: str) -> float | str | None:
    """Return a MediaChannels value in its type (None: unused; DeviceParseError if bad)."""
    if name in _NETSTAT_COUNTS:
        return parse_int(text, name)
    if name in _NETSTAT_NUMBERS:
        return parse_number(text, name)
    if name == "Direction":
        if text not in _DIRECTIONS:
            raise DeviceParseError(f"unknown media direction {text[:20]!r}")
        return text
    return None


def _count(channel: Channel, name: str) -> int:
    value = channel.get(name, 0)
    return value if isinstance(value, int) else 0


def _number(channel: Channel, name: str) -> float:
    value = channel.get(name, 0.0)
    return float(value) if isinstance(value, int | float) else 0.0


def create_cisco(
    name: str,
    host: str,
    port: int | None = None,
    username: str | None = None,
    password: str | None = None,
) -> CiscoCodec:
    """Registry factory (``CodecProfile.driver_kwargs``; the password comes from the keyring)."""
    return CiscoCodec(name, host=host, port=port, username=username, password=password)
