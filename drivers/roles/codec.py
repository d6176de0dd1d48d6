"""The Codec role: a video-conference codec the console can dial, hang up, mute and watch."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from enum import StrEnum

from drivers.errors import DeviceCommandError, Problem
from drivers.observable import Observable
from drivers.roles.base import Device


class CallState(StrEnum):
    """Where the (single) call of the codec is."""

    IDLE = "idle"
    DIALLING = "dialling"
    RINGING = "ringing"  # outgoing: the far end is alerting
    INCOMING = "incoming"  # an incoming call waits for answer/reject
    CONNECTED = "connected"
    DISCONNECTING = "disconnecting"


class CallDirection(StrEnum):
    """Who placed the call."""

    OUTGOING = "outgoing"
    INCOMING = "incoming"


class Registration(StrEnum):
    """SIP/H.323 registration of the codec with its server."""

    UNKNOWN = "unknown"
    NOT_REQUIRED = "not_required"  # direct dialling, no registrar configured
    REGISTERED = "registered"
    FAILED = "failed"


@dataclass(frozen=True)
class CallInfo:
    """Immutable snapshot of the current call (or of the last one's end when idle)."""

    state: CallState = CallState.IDLE
    call_id: str | None = None
    far_end: str = ""  # display name or URI of the far end
    direction: CallDirection | None = None
    connected_at: float | None = None  # time.monotonic() when the call connected
    media_flowing: bool = False  # RTP established / statistics show received packets
    end_reason: str = ""  # technical reason the last call ended ("486 Busy Here", ...)

    @property
    def active(self) -> bool:
        """True while a call exists in any state but idle."""
        return self.state is not CallState.IDLE


@dataclass(frozen=True)
class CallStatistics:
    """Media statistics over the last reporting interval (worst of sent and received)."""

    tx_rate: float = 0.0  # packets per second sent (0 where the codec reports only kbit/s)
    rx_rate: float = 0.0  # packets per second received
    loss_percent: float = 0.0
    jitter_ms: float = 0.0
    rtt_ms: float = 0.0
    time: float = 0.0  # time.monotonic() of the sample
    tx_kbps: float | None = None  # bit rates where the codec reports them (Cisco, Poly)
    rx_kbps: float | None = None


class Codec(Device):
    """A codec. Every verb is async and raises a ``DeviceError`` subclass on failure."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.call: Observable[CallInfo] = Observable(CallInfo())
        self.statistics: Observable[CallStatistics | None] = Observable(None)
        self.registration: Observable[Registration] = Observable(Registration.UNKNOWN)
        self.mic_muted: Observable[bool] = Observable(False)
        self.selfview: Observable[bool | None] = Observable(None)  # None: the codec has none

    @abstractmethod
    async def dial(self, dial_string: str, *, call_rate: int | None = None) -> None:
        """Place a call (validated dial string); returns once the codec accepted the request."""

    @abstractmethod
    async def hangup(self) -> None:
        """End the current call (or reject a ringing incoming one)."""

    @abstractmethod
    async def answer(self) -> None:
        """Accept the incoming call."""

    async def reject(self) -> None:
        """Refuse the incoming call."""
        await self.hangup()

    @abstractmethod
    async def set_mic_muted(self, muted: bool) -> None:
        """Mute or unmute the room microphones (kept across calls)."""

    @abstractmethod
    async def send_dtmf(self, digits: str) -> None:
        """Send DTMF tones (validated: 0-9 * # A-D) into the current call."""

    @property
    def has_selfview(self) -> bool:
        """True when the codec shows the room its own outgoing picture on its screens."""
        return False

    async def set_selfview(self, on: bool) -> None:
        """Show or hide the codec's self-view (codecs without one refuse)."""
        raise DeviceCommandError(f"{self.name}: no self-view", problem=Problem.NOT_EXECUTABLE)

    async def wake(self) -> None:
        """Leave standby so a call can start (no-op for codecs without standby)."""
