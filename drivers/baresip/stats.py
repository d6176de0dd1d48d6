"""Turn baresip's cumulative CALL_RTCP counters into per-interval call statistics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def _counters(rtcp: dict[str, Any], now: float) -> _Counters:
    """Read the rtcp_stats dict of a CALL_RTCP event."""
    tx = rtcp.get("tx", {})
    rx = rtcp.get("rx", {})
    return _Counters(
        time=now,
        tx_sent=int(tx.get("sent", 0)),
        tx_lost=max(0, int(tx.get("lost", 0))),
        rx_received=int(rx.get("sent", 0)),
        rx_lost=max(0, int(rx.get("lost", 0))),
        jitter_us=max(int(tx.get("jit", 0)), int(rx.get("jit", 0))),
        rtt_us=int(rtcp.get("rtt", 0)),
    )


class RtcpTracker:
    """Keeps the previous sample of one call to compute rates and loss over the interval."""

    def __init__(self) -> None:
        self._previous: _Counters | None = None

    def update(self, rtcp: dict[str, Any], now: float) -> CallStatistics | None:
        """Feed one rtcp_stats dict; return statistics once two samples exist."""
        current = _counters(rtcp, now)
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
