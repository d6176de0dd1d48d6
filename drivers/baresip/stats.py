"""Turn baresip's cumulative CALL_RTCP counters into per-interval call statistics."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from drivers.errors import DeviceParseError
from drivers.roles.codec import CallStatistics


@dataclass(frozen=True)
class _Counters:
    """Cumulative counters from one CALL_RTCP event (libre: packets; jitter/rtt in µs)."""

    time: float
    tx_sent: int
    tx_lost: int
    rx_received: int
    rx_lost: int
    jitter_us: int
    rtt_us: int


_LIMIT = 1 << 63  # libre's counters are 32-bit; anything beyond 64 bits is garbage


def _section(rtcp: dict[str, Any], key: str) -> dict[str, Any]:
    section = rtcp.get(key, {})
    if not isinstance(section, dict):
        raise DeviceParseError(f"rtcp_stats.{key} is {type(section).__name__}, not an object")
    return section


def _counter(section: dict[str, Any], key: str, where: str) -> int:
    """One counter: a JSON integer (or whole float) within 64 bits; missing means 0."""
    value = section.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DeviceParseError(f"{where}.{key} is {type(value).__name__}, not a number")
    if not (math.isfinite(value) and -_LIMIT < value < _LIMIT):
        raise DeviceParseError(f"{where}.{key} = {value!r} is out of range")
    return int(value)


def parse_rtcp_stats(rtcp: object, now: float) -> _Counters:
    """Read the rtcp_stats object of a CALL_RTCP event (DeviceParseError if malformed)."""
    if not isinstance(rtcp, dict):
        raise DeviceParseError(f"rtcp_stats is {type(rtcp).__name__}, not an object")
    tx = _section(rtcp, "tx")
    rx = _section(rtcp, "rx")
    return _Counters(
        time=now,
        tx_sent=_counter(tx, "sent", "tx"),
        tx_lost=max(0, _counter(tx, "lost", "tx")),
        rx_received=_counter(rx, "sent", "rx"),
        rx_lost=max(0, _counter(rx, "lost", "rx")),
        jitter_us=max(_counter(tx, "jit", "tx"), _counter(rx, "jit", "rx")),
        rtt_us=_counter(rtcp, "rtt", "rtcp_stats"),
    )


class RtcpTracker:
    """Keeps the previous sample of one call to compute rates and loss over the interval."""

    def __init__(self) -> None:
        self._previous: _Counters | None = None

    def update(self, rtcp: object, now: float) -> CallStatistics | None:
        """Feed one rtcp_stats object; statistics once two samples exist (DeviceParseError)."""
        current = parse_rtcp_stats(rtcp, now)
        previous, self._previous = self._previous, current
        if previous is None or current.time <= previous.time:
            return None
        seconds = current.time - previous.time
        tx_sent = max(0, current.tx_sent - previous.tx_sent)
        tx_lost = max(0, current.tx_lost - previous.tx_lost)
        rx_received = max(0, current.rx_received - previous.rx_received)
        rx_lost = max(0, current.rx_lost - previous.rx_lost)
        # Worst direction counts: the operator cares whether either side hears badly.
        tx_loss = 100.0 * tx_lost / tx_sent if tx_sent else 0.0
        rx_loss = 100.0 * rx_lost / (rx_received + rx_lost) if rx_received + rx_lost else 0.0
        return CallStatistics(
            tx_rate=tx_sent / seconds,
            rx_rate=rx_received / seconds,
            loss_percent=min(100.0, max(tx_loss, rx_loss)),
            jitter_ms=current.jitter_us / 1000.0,
            rtt_ms=current.rtt_us / 1000.0,
            time=now,
        )
