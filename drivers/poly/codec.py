"""PolyCodec: the Codec role over the Poly Group Series telnet API (port 24).

Answers are keyed on the acknowledgement line (CR LF), never on the echo (LF CR) that even
invalid commands get. Call progress comes from ``notify callstatus`` (per session: registered
again after a reconnect); statistics from polling ``netstats`` during a call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from drivers.cisco.link import TcpLink
from drivers.dialstring import validate_dtmf
from drivers.errors import (
    DeviceCommandError,
    DeviceConnectionError,
    DeviceParseError,
    DeviceTimeout,
    Problem,
)
from drivers.poly.framing import (
    MAX_LINE,
    PolyFramer,
    PolyLine,
    dial_command,
    parse_callinfo,
    parse_callstatus,
    parse_netstats,
)
from drivers.readers import ParseErrorLog, SupervisedTask
from drivers.roles.codec import CallDirection, CallInfo, CallState, CallStatistics, Codec

_LOGGER = logging.getLogger(__name__)

DEFAULT_PORT = 24
_STATES = {
    "dialing": CallState.DIALLING,
    "connecting": CallState.DIALLING,
    "ringing": CallState.RINGING,
    "connected": CallState.CONNECTED,
    "disconnecting": CallState.DISCONNECTING,
    "disconnected": CallState.IDLE,
    "inactive": CallState.IDLE,
}
_MULTILINE_END = {"callinfo begin": ("callinfo end", "system is not in a call")}


class PolyCodec(Codec):
    """A Poly Group Series / HDX codec on its telnet API."""

    def __init__(
        self,
        name: str,
        *,
        host: str,
        port: int | None = None,
        command_timeout: float = 5.0,
        stats_interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(name)
        self._clock = clock
        self._timeout = command_timeout
        self._stats_interval = stats_interval
        self._link = TcpLink(
            name,
            host,
            port or DEFAULT_PORT,
            self.status,
            on_data=self._on_data,
            on_connected=self._set_up_session,
            on_lost=self._on_lost,
        )
        self.parse_errors = ParseErrorLog(name, _LOGGER)
        self._framer = self._new_framer()
        self._lock = asyncio.Lock()
        self._pending: asyncio.Future[list[str]] | None = None
        self._answer: list[str] = []
        self._accept: tuple[str, ...] = ()
        self._stats: SupervisedTask | None = None

    async def start(self) -> None:
        """Start connecting (returns at once)."""
        self._link.start()

    async def close(self) -> None:
        """Stop polling and close the session."""
        await self._stop_stats()
        await self._link.close()

    async def dial(self, dial_string: str, *, call_rate: int | None = None) -> None:
        """``dial manual <speed> "<dialstring>"``."""
        command = dial_command(dial_string, call_rate or 384)
        if self.call.value.active:
            raise DeviceCommandError(f"{self.name}: already in a call", problem=Problem.BUSY)
        self.call.publish(
            CallInfo(CallState.DIALLING, far_end=dial_string, direction=CallDirection.OUTGOING)
        )
        try:
            await self._send(command, "dialing manual")
        except DeviceCommandError:
            self.call.publish(CallInfo(end_reason="dial refused"))
            raise

    async def hangup(self) -> None:
        """``hangup all``."""
        if self.call.value.active:
            await self._send("hangup all", "hanging up")

    async def answer(self) -> None:
        """``answer video``."""
        await self._send("answer video", "answer")

    async def set_mic_muted(self, muted: bool) -> None:
        """``mute near on|off``."""
        answer = await self._send(f"mute near {'on' if muted else 'off'}", "mute near")
        self.mic_muted.publish(answer[-1].endswith(" on"))

    async def send_dtmf(self, digits: str) -> None:
        """``gendial <digit>`` per tone (never logged: may be a PIN)."""
        validate_dtmf(digits)
        for digit in digits:
            await self._send(f"gendial {digit}", "gendial")

    async def wake(self) -> None:
        """``wake`` (leave sleep)."""
        await self._send("wake", "wake")

    async def _send(self, command: str, *accept: str) -> list[str]:
        """Send a command; return its acknowledgement line(s) (DeviceCommandError on error).

        ``accept`` are the prefixes its acknowledgement starts with; other lines (banner,
        stray output) are skipped so a late line never answers the wrong command.
        """
        label = command.split()[0]
        async with self._lock:
            future: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()
            self._pending, self._answer, self._accept = future, [], (*accept, "error")
            _LOGGER.debug("%s: -> %s", self.name, label)
            try:
                self._link.write(command.encode() + b"\r\n")
                lines = await asyncio.wait_for(future, self._timeout)
            except TimeoutError as exc:
                raise DeviceTimeout(f"{self.name}: no answer to {label}") from exc
            finally:
                self._pending = None
        if lines[0].startswith("error"):
            raise DeviceCommandError(f"{self.name}: {label}: {lines[0]}")
        return lines

    async def _set_up_session(self) -> None:
        """Register notifications (per session) and resynchronise call and mute state."""
        self._framer = self._new_framer()
        await self._send("notify callstatus", "registered for")
        await self._send("notify mutestatus", "registered for")
        self._resync(await self._send("callinfo all", "callinfo begin", "system is not in a call"))
        mute = await self._send("mute near get", "mute near")
        self.mic_muted.publish(mute[-1].endswith(" on"))

    def _resync(self, lines: list[str]) -> None:
        """Take the call list after a (re)connect (a malformed line is skipped)."""
        calls = []
        for line in lines:
            if line.startswith("callinfo:"):
                try:
                    calls.append(parse_callinfo(line))
                except DeviceParseError as exc:
                    self.parse_errors.report("callinfo line", line, exc)
        if not calls:
            if self.call.value.active and not any(x.startswith("callinfo:") for x in lines):
                self._ended("call ended while disconnected")
            return
        info = calls[0]
        self._update(
            CallInfo(
                _STATES.get(info.state, CallState.CONNECTED),
                info.call_id,
                info.far_name or info.far_number,
                CallDirection.INCOMING if info.direction == "incoming" else CallDirection.OUTGOING,
            )
        )

    def _new_framer(self) -> PolyFramer:
        return PolyFramer(on_overlong=self._line_too_long)

    def _line_too_long(self, head: bytes) -> None:
        self.parse_errors.report("line", head, f"line too long (over {MAX_LINE} bytes)")

    def _on_lost(self) -> None:
        pending = self._pending
        if pending is not None and not pending.done():
            pending.set_exception(DeviceTimeout(f"{self.name}: connection lost"))

    def _on_data(self, data: bytes) -> None:
        for line in self._framer.feed(data):
            try:
                self._on_line(line)
            except DeviceParseError as exc:
                self.parse_errors.report("line", line.text, exc)

    def _on_line(self, line: PolyLine) -> None:
        if line.echo:
            return  # our own command coming back: says nothing about success
        if line.text.startswith("notification:"):
            self._on_notification(line.text)
            return
        pending = self._pending
        if pending is None or pending.done():
            return
        if not self._answer and not line.text.startswith(self._accept):
            _LOGGER.debug("%s: skipped %r", self.name, line.text[:40])
            return
        self._answer.append(line.text)
        ends = _MULTILINE_END.get(self._answer[0])
        if ends is None or line.text in ends:
            pending.set_result(self._answer)

    def _on_notification(self, text: str) -> None:
        if text.startswith("notification:mutestatus:near"):
            self.mic_muted.publish(":muted:" in text)
            return
        status = parse_callstatus(text)
        if status is None:
            return
        state = _STATES.get(status.state, CallState.DIALLING)
        if state is CallState.IDLE:
            self._ended(status.state)
            return
        direction = (
            CallDirection.INCOMING if status.direction == "incoming" else CallDirection.OUTGOING
        )
        if direction is CallDirection.INCOMING and state is CallState.RINGING:
            state = CallState.INCOMING
        self._update(
            CallInfo(state, status.call_id, status.far_name or status.far_number, direction)
        )

    def _update(self, info: CallInfo) -> None:
        """Publish a live call, keeping the connect time and media flag."""
        previous = self.call.value
        connected_at = previous.connected_at
        if info.state is CallState.CONNECTED and connected_at is None:
            connected_at = self._clock()
            self._start_stats()
        self.call.publish(
            CallInfo(
                info.state,
                info.call_id,
                info.far_end,
                info.direction,
                connected_at,
                previous.media_flowing,
            )
        )

    def _ended(self, reason: str) -> None:
        self.call.publish(CallInfo(end_reason=reason))
        self.statistics.publish(None)
        stats, self._stats = self._stats, None
        if stats is not None:
            stats.cancel()

    def _start_stats(self) -> None:
        if self._stats is None:
            # if polling dies, SupervisedTask logs it and polls again; the link's status stands
            self._stats = SupervisedTask(
                f"{self.name} statistics", self._poll_stats, lambda _: None, restart_delay=0.5
            )
            self._stats.start()

    async def _stop_stats(self) -> None:
        stats, self._stats = self._stats, None
        if stats is not None:
            await stats.stop()

    async def _poll_stats(self) -> None:
        """Ask ``netstats`` while the call is connected (a bad answer is skipped)."""
        while self.call.value.state is CallState.CONNECTED:
            with contextlib.suppress(DeviceCommandError, DeviceConnectionError):
                answer = await self._send("netstats", "call:", "system is not in a call")
                if answer[0].startswith("call:"):
                    self._on_netstats(answer[0])
            await asyncio.sleep(self._stats_interval)

    def _on_netstats(self, text: str) -> None:
        try:
            stats = parse_netstats(text)
        except DeviceParseError as exc:
            self.parse_errors.report("netstats answer", text, exc)
            return
        self._publish_stats(stats.tx_kbps, stats.rx_kbps, stats.loss_percent)

    def _publish_stats(self, tx_kbps: float, rx_kbps: float, loss: float) -> None:
        self.statistics.publish(
            CallStatistics(loss_percent=loss, time=self._clock(), tx_kbps=tx_kbps, rx_kbps=rx_kbps)
        )
        info = self.call.value
        if rx_kbps > 0 and info.active and not info.media_flowing:
            self.call.publish(
                CallInfo(
                    info.state, info.call_id, info.far_end, info.direction, info.connected_at, True
                )
            )


def create_poly(name: str, host: str, port: int | None = None) -> PolyCodec:
    """Registry factory (``CodecProfile.driver_kwargs``)."""
    return PolyCodec(name, host=host, port=port)
