"""BaresipCodec: the Codec role on a baresip process driven through ctrl_tcp."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Callable
from typing import Any

from drivers.baresip.ctrl import CtrlConnection, Event
from drivers.baresip.process import HOST, BaresipProcess, BaresipSettings, free_port
from drivers.baresip.stats import RtcpTracker
from drivers.dialstring import validate_dial_string, validate_dtmf
from drivers.errors import DeviceCommandError, DeviceConnectionError, DeviceError, Problem
from drivers.observable import Observable
from drivers.readers import SupervisedTask
from drivers.roles.base import Availability, DeviceStatus
from drivers.roles.codec import CallDirection, CallInfo, CallState, Codec, Registration

_LOGGER = logging.getLogger(__name__)

OFFLINE_REASON = "codec offline"


class BaresipCodec(Codec):
    """Codec on a baresip the console supervises, or one running at ``ctrl="host:port"``."""

    def __init__(
        self,
        name: str,
        *,
        ctrl: str | None = None,
        sip_port: int | None = None,
        user: str = "room",
        answermode: str = "manual",
        binary: str = "baresip",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(name)
        self._clock = clock
        self.process: BaresipProcess | None = None
        if ctrl is None:
            sip_port = sip_port or free_port(span=2)  # SIP on UDP+TCP, SIP/TLS on the next port
            ctrl_port = free_port((sip_port, sip_port + 1))
            settings = BaresipSettings(sip_port, ctrl_port, user, answermode)
            self.process = BaresipProcess(name, settings, binary=binary)
            self._ctrl = (HOST, settings.ctrl_port)
        else:
            host, _, port = ctrl.rpartition(":")
            self._ctrl = (host or HOST, int(port))
        self._conn: CtrlConnection | None = None
        self._loop = SupervisedTask(f"{name} ctrl link", self._run, self._run_died)
        self._rtcp = RtcpTracker()
        self._call_muted = False  # baresip's mute state of the current call (new calls: unmuted)
        # Tones the far end typed in the current call (a demo/test bridge shows what it heard).
        self.dtmf_received: Observable[str] = Observable("")

    @property
    def sip_uri(self) -> str:
        """The SIP address of a managed instance (what a far end dials)."""
        if self.process is None:
            raise DeviceError(f"{self.name}: attached instance, address unknown")
        settings = self.process.settings
        return f"sip:{settings.user}@{HOST}:{settings.sip_port}"

    async def start(self) -> None:
        """Start baresip (if managed) and the connect/reconnect loop; returns at once."""
        if self.process is not None:
            await self.process.start()
            self.registration.publish(Registration.NOT_REQUIRED)  # regint=0: direct dialling
        self._loop.start()

    async def close(self) -> None:
        """Hang up, stop the loop, close ctrl_tcp and the process."""
        if self.call.value.active:
            with contextlib.suppress(DeviceError):
                await self.hangup()
        await self._loop.stop()
        if self._conn is not None:
            await self._conn.close()
        if self.process is not None:
            await self.process.close()

    async def dial(self, dial_string: str, *, call_rate: int | None = None) -> None:
        """Dial (baresip has no call-rate setting; ``call_rate`` is ignored)."""
        validate_dial_string(dial_string)
        if self.call.value.active:
            raise DeviceCommandError(f"{self.name}: already in a call", problem=Problem.BUSY)
        self._rtcp = RtcpTracker()
        self._call_muted = False
        self.statistics.publish(None)
        self.dtmf_received.publish("")
        self.call.publish(
            CallInfo(CallState.DIALLING, far_end=dial_string, direction=CallDirection.OUTGOING)
        )
        try:
            await self._command("dial", dial_string)
        except DeviceError:
            self.call.publish(CallInfo(end_reason="dial refused"))
            raise

    async def hangup(self) -> None:
        """Hang up (also rejects an incoming call); CALL_CLOSED brings the state to idle."""
        info = self.call.value
        if not info.active:
            return
        self.call.publish(dataclasses.replace(info, state=CallState.DISCONNECTING))
        try:
            await self._command("hangup")
        except DeviceCommandError:
            self._call_ended("hung up")

    async def answer(self) -> None:
        """Accept the ringing incoming call."""
        if self.call.value.state is not CallState.INCOMING:
            raise DeviceCommandError(
                f"{self.name}: no incoming call", problem=Problem.NOT_EXECUTABLE
            )
        await self._command("accept")

    async def set_mic_muted(self, muted: bool) -> None:
        """Remember the wish; apply it to the current call at once and to every new call."""
        self.mic_muted.publish(muted)
        if self.call.value.state in (CallState.RINGING, CallState.CONNECTED):
            await self._apply_mute()

    async def send_dtmf(self, digits: str) -> None:
        """Send DTMF tones into the connected call."""
        validate_dtmf(digits)
        if self.call.value.state is not CallState.CONNECTED:
            raise DeviceCommandError(
                f"{self.name}: no connected call", problem=Problem.NOT_EXECUTABLE
            )
        await self._command("sndcode", digits)

    async def _apply_mute(self) -> None:
        """Toggle baresip's mute until it matches the wish ('mute' toggles and says the result)."""
        for _ in range(2):
            if self._call_muted == self.mic_muted.value:
                return
            answer = await self._command("mute")
            self._call_muted = "un-muted" not in answer

    async def _command(self, command: str, params: str | None = None) -> str:
        """Run a ctrl_tcp command on the live connection."""
        if self._conn is None:
            raise DeviceConnectionError(
                f"{self.name}: baresip not connected", problem=Problem.NOT_ANSWERING
            )
        return await self._conn.command(command, params)

    async def _run(self) -> None:
        """Connect to ctrl_tcp, stay until it closes, reconnect with capped back-off."""
        delay = 0.1
        while True:
            conn = CtrlConnection(self.name, self._on_event)
            try:
                await conn.open(*self._ctrl)
            except DeviceConnectionError as exc:
                self._set_offline(str(exc))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
                continue
            delay = 0.1
            self._conn = conn
            self._set_online()
            await conn.closed.wait()
            self._conn = None
            self._set_offline("ctrl_tcp connection closed")

    def _run_died(self, reason: str) -> None:
        """Show the codec offline while the connect loop, which ended by itself, restarts."""
        conn, self._conn = self._conn, None
        if conn is not None:
            asyncio.get_running_loop().create_task(conn.close())
        self._set_offline(f"ctrl_tcp loop {reason}", Problem.UNKNOWN)

    def _set_online(self) -> None:
        """Publish online; log once per recovery."""
        if self.status.value.availability is not Availability.ONLINE:
            _LOGGER.info("%s: baresip online", self.name)
        self.status.publish(DeviceStatus(Availability.ONLINE))

    def _set_offline(self, detail: str, problem: Problem = Problem.NOT_ANSWERING) -> None:
        """Publish offline and end any call (it died with the process); log once per loss."""
        if self.status.value.availability is Availability.ONLINE:
            _LOGGER.warning("%s: baresip offline: %s", self.name, detail)
        if self.call.value.active:
            self._call_ended(OFFLINE_REASON)
        self.status.publish(DeviceStatus(Availability.OFFLINE, problem, detail))

    def _on_event(self, event: Event) -> None:
        """Handle one ctrl_tcp event."""
        kind = str(event.get("type", ""))
        _LOGGER.debug("%s: event %s", self.name, kind)
        if kind.startswith("REGISTER_"):
            ok = kind == "REGISTER_OK"
            self.registration.publish(Registration.REGISTERED if ok else Registration.FAILED)
            return
        if event.get("class") != "call" and kind != "CALL_RTPESTAB":
            return
        if not self._is_our_call(event):
            return
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, event)

    def _is_our_call(self, event: Event) -> bool:
        """Match calls by id; adopt the id of a new outgoing or incoming call."""
        call_id = event.get("id")
        info = self.call.value
        if info.call_id is not None:
            return call_id == info.call_id
        outgoing = info.direction is CallDirection.OUTGOING and info.active
        if outgoing and event.get("direction") == "outgoing":
            self.call.publish(dataclasses.replace(info, call_id=call_id))
            return True
        # An auto-answered call may skip CALL_INCOMING and start with CALL_ESTABLISHED.
        adopt = event.get("type") in ("CALL_INCOMING", "CALL_ESTABLISHED")
        if adopt and not info.active and event.get("direction") == "incoming":
            self._on_incoming(event)
            return event.get("type") != "CALL_INCOMING"
        return False

    def _on_incoming(self, event: Event) -> None:
        """Show a ringing incoming call."""
        self.dtmf_received.publish("")
        self.call.publish(
            CallInfo(CallState.INCOMING, event.get("id"), _far_end(event), CallDirection.INCOMING)
        )

    def _on_ringing(self, event: Event) -> None:
        """Note that the far end alerts (outgoing)."""
        info = self.call.value
        if info.state is CallState.DIALLING:
            self.call.publish(dataclasses.replace(info, state=CallState.RINGING))

    def _on_established(self, event: Event) -> None:
        """Mark the call connected, note the time and apply the mic wish."""
        info = self.call.value
        self.call.publish(
            dataclasses.replace(
                info,
                state=CallState.CONNECTED,
                far_end=_far_end(event) or info.far_end,
                connected_at=self._clock(),
            )
        )
        if self.mic_muted.value:
            asyncio.get_running_loop().create_task(self._mute_quietly())

    async def _mute_quietly(self) -> None:
        """Apply the mute wish from an event handler; a failure is logged, not raised."""
        try:
            await self._apply_mute()
        except DeviceError as exc:
            _LOGGER.warning("%s: could not mute the new call: %s", self.name, exc)

    def _on_rtp(self, event: Event) -> None:
        """Mark media flowing (incoming RTP established)."""
        info = self.call.value
        self.call.publish(dataclasses.replace(info, media_flowing=True))

    def _on_rtcp(self, event: Event) -> None:
        """Publish interval statistics from an RTCP report."""
        stats = self._rtcp.update(event.get("rtcp_stats"), self._clock())  # DeviceParseError
        if stats is not None:
            self.statistics.publish(stats)
            if stats.rx_rate > 0 and not self.call.value.media_flowing:
                self._on_rtp(event)

    def _on_dtmf(self, event: Event) -> None:
        """Collect a tone the far end sent."""
        self.dtmf_received.publish(self.dtmf_received.value + str(event.get("param", "")))

    def _on_closed(self, event: Event) -> None:
        """End the call, keeping the reason (e.g. "486 Rejected")."""
        self._call_ended(str(event.get("param", "")))

    def _call_ended(self, reason: str) -> None:
        """Go back to idle with the reason; clear statistics."""
        _LOGGER.info("%s: call ended: %s", self.name, reason)
        self.call.publish(CallInfo(end_reason=reason))
        self.statistics.publish(None)


def _far_end(event: Event) -> str:
    """Return the display name if baresip gives one, else the peer URI."""
    return str(event.get("peerdisplayname") or event.get("peeruri") or "")


_HANDLERS: dict[str, Callable[[BaresipCodec, dict[str, Any]], None]] = {
    "CALL_INCOMING": BaresipCodec._on_incoming,
    "CALL_RINGING": BaresipCodec._on_ringing,
    "CALL_PROGRESS": BaresipCodec._on_ringing,
    "CALL_ESTABLISHED": BaresipCodec._on_established,
    "CALL_RTPESTAB": BaresipCodec._on_rtp,
    "CALL_RTCP": BaresipCodec._on_rtcp,
    "CALL_CLOSED": BaresipCodec._on_closed,
    "CALL_DTMF_START": BaresipCodec._on_dtmf,
}
