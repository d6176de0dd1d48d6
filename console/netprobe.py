"""Measure the path to the bridge: reachability, round-trip time, jitter and loss.

UDP echo probes (one small datagram every ``interval``, like a voice stream) give all four
figures. Most bridges run no echo service but answer SIP OPTIONS (RFC 3261's "are you there?"),
which gives the same figures at a politer rate; a TCP connect-time probe (to the SIP-TLS or HTTPS
port) is the last resort: it proves reachability and times the handshake.
The verdict uses the same bands as the call health light (console/call_health.py), so "fair"
before the meeting means the same as "fair" during it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import math
import secrets
import statistics
import struct
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, cast

from console.call_health import Health, HealthCause, classify
from drivers.errors import Problem
from drivers.roles.codec import CallStatistics

_LOGGER = logging.getLogger(__name__)

# probe datagram: "RCP1" | sequence (u32) | send time in ns (u64) | padding
_MAGIC = b"RCP1"
_HEADER = struct.Struct("!4sIQ")
# A refused port answers at once: after this many refusals and no reply, stop early.
_REFUSALS_TO_GIVE_UP = 3
_SIP_COMPACT = {"i": "call-id"}  # RFC 3261 compact header forms we read


class ProbeMethod(StrEnum):
    """How the path was measured."""

    UDP_ECHO = "udp-echo"
    SIP_OPTIONS = "sip-options"
    TCP_CONNECT = "tcp-connect"


@dataclass(frozen=True)
class PathTarget:
    """Where to probe: a UDP echo port and/or a TCP port of the bridge (SIP 5060, HTTPS 443)."""

    host: str
    udp_echo_port: int | None = None
    sip_port: int | None = None  # SIP over UDP: OPTIONS requests (most bridges answer them)
    tcp_port: int | None = None
    label: str = ""  # what the operator calls it (the bridge's name), shown with the host

    def __post_init__(self) -> None:
        if self.udp_echo_port is None and self.sip_port is None and self.tcp_port is None:
            raise ValueError("a path target needs a UDP echo, SIP or TCP port")


@dataclass(frozen=True)
class ProbeSettings:
    """How long and how often to probe."""

    duration: float = 30.0
    interval: float = 0.2  # UDP: 5 probes a second
    sip_interval: float = 0.5  # SIP OPTIONS: two a second, polite to the bridge
    tcp_interval: float = 1.0  # TCP: one handshake a second is enough and polite
    reply_timeout: float = 1.0  # a reply later than this counts as lost
    payload_size: int = 172  # an RTP packet of G.711 at 20 ms

    @property
    def udp_count(self) -> int:
        """Number of UDP probes over the duration."""
        return max(1, round(self.duration / self.interval))

    @property
    def sip_count(self) -> int:
        """Number of SIP OPTIONS requests over the duration."""
        return max(1, round(self.duration / self.sip_interval))

    @property
    def tcp_count(self) -> int:
        """Number of TCP handshakes over the duration."""
        return max(1, round(self.duration / self.tcp_interval))


@dataclass(frozen=True)
class PathMeasurement:
    """What one probe run saw; times in milliseconds (None when nothing came back)."""

    method: ProbeMethod
    target: str
    sent: int
    received: int
    reachable: bool
    rtt_median_ms: float | None = None
    rtt_p95_ms: float | None = None
    jitter_ms: float | None = None
    problem: Problem | None = None  # why unreachable
    detail: str = ""

    @property
    def loss_percent(self) -> float:
        """Share of probes without a timely answer."""
        return 100.0 * (self.sent - self.received) / self.sent if self.sent else 100.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the log and the support bundle."""
        data = asdict(self)
        data["loss_percent"] = round(self.loss_percent, 2)
        return data


@dataclass(frozen=True)
class PathVerdict:
    """A measurement graded good / fair / poor; ``health`` is None when unreachable."""

    measurement: PathMeasurement
    health: Health | None
    causes: tuple[HealthCause, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "measurement": self.measurement.to_dict(),
            "health": self.health.name.lower() if self.health is not None else None,
            "causes": [cause.value for cause in self.causes],
        }


def judge(measurement: PathMeasurement) -> PathVerdict:
    """Grade with the call health bands (loss, jitter, median round-trip time)."""
    if not measurement.reachable:
        return PathVerdict(measurement, None)
    sample = classify(
        CallStatistics(
            loss_percent=measurement.loss_percent,
            jitter_ms=measurement.jitter_ms or 0.0,
            rtt_ms=measurement.rtt_median_ms or 0.0,
        )
    )
    return PathVerdict(measurement, sample.health, sample.causes)


def summarize(rtts_ms: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    """Median, 95th percentile (nearest rank) and RFC 3550 jitter of round-trip times."""
    if not rtts_ms:
        return None, None, None
    ordered = sorted(rtts_ms)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    jitter = 0.0
    for previous, current in itertools.pairwise(rtts_ms):
        # RFC 3550 6.4.1: J += (|D| - J) / 16, D = change in transit time between packets
        jitter += (abs(current - previous) - jitter) / 16.0
    return statistics.median(ordered), p95, jitter


async def measure_path(
    target: PathTarget, settings: ProbeSettings | None = None
) -> PathMeasurement:
    """Probe with the best method the bridge allows: UDP echo, then SIP OPTIONS, then TCP."""
    settings = settings or ProbeSettings()
    probes: list[tuple[int | None, Callable[[str, int, ProbeSettings], Awaitable[PathMeasurement]]]]
    probes = [
        (target.udp_echo_port, probe_udp),
        (target.sip_port, probe_sip_options),
        (target.tcp_port, probe_tcp),
    ]
    result: PathMeasurement | None = None
    for port, probe in probes:
        if port is None:
            continue
        if result is not None:
            _LOGGER.info("path %s: %s failed, trying the next method", target.host, result.method)
        result = await probe(target.host, port, settings)
        if result.reachable:
            break
    assert result is not None  # PathTarget guarantees a port
    return result


Builder = Callable[[int, tuple[str, int]], bytes]  # (sequence, our address) -> datagram
Parser = Callable[[bytes], int | None]  # datagram -> sequence it answers (None: not ours)


class _DatagramProber(asyncio.DatagramProtocol):
    """Matches answers to probes by sequence number; counts ICMP refusals."""

    def __init__(self, parse: Parser) -> None:
        self.parse = parse
        self.sent_at: dict[int, int] = {}  # sequence -> send time (ns)
        self.rtts_ms: dict[int, float] = {}  # sequence -> round-trip time, arrival order
        self.refusals = 0
        self.last_error = ""
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport."""
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: Any) -> None:
        """Match an answer to its probe."""
        now = time.monotonic_ns()
        sequence = self.parse(data)
        if sequence is None or sequence not in self.sent_at or sequence in self.rtts_ms:
            return  # not ours, or a duplicate
        self.rtts_ms[sequence] = (now - self.sent_at[sequence]) / 1e6

    def error_received(self, exc: Exception) -> None:
        """ICMP port/host unreachable arrives here on a connected UDP socket."""
        self.refusals += 1
        self.last_error = str(exc)

    @property
    def refused(self) -> bool:
        """The port was refused again and again and nothing ever answered."""
        return self.refusals >= _REFUSALS_TO_GIVE_UP and not self.rtts_ms


async def _probe_datagrams(
    method: ProbeMethod,
    address: tuple[str, int],
    schedule: tuple[int, float],
    settings: ProbeSettings,
    build: Builder,
    parse: Parser,
) -> PathMeasurement:
    """Send ``count`` datagrams every ``interval`` (``schedule``) and time the answers."""
    host, port = address
    target = f"{method.value}://{host}:{port}"
    loop = asyncio.get_running_loop()
    try:
        _, client = await loop.create_datagram_endpoint(
            lambda: _DatagramProber(parse), remote_addr=address
        )
    except OSError as exc:
        return _unreachable(method, target, 0, Problem.CONNECTION_REFUSED, str(exc))
    try:
        sent = await _send_probes(client, schedule, build)
        await _wait_for_replies(client, sent, settings.reply_timeout)
    finally:
        if client.transport is not None:
            client.transport.close()
    late_ms = settings.reply_timeout * 1000.0
    rtts = [rtt for rtt in client.rtts_ms.values() if rtt <= late_ms]
    if not rtts:
        problem = Problem.CONNECTION_REFUSED if client.refusals else Problem.NOT_ANSWERING
        detail = client.last_error or f"no answer in {settings.duration:.1f} s"
        return _unreachable(method, target, sent, problem, detail)
    return _measured(method, target, sent, rtts)


async def _send_probes(client: _DatagramProber, schedule: tuple[int, float], build: Builder) -> int:
    """Send the probes on a fixed timeline; stop early when the port is refused."""
    count, interval = schedule
    loop = asyncio.get_running_loop()
    start = loop.time()
    assert client.transport is not None
    local = client.transport.get_extra_info("sockname")[:2]
    sent = 0
    for sequence in range(count):
        if client.refused:
            break
        await asyncio.sleep(max(0.0, start + sequence * interval - loop.time()))
        client.sent_at[sequence] = time.monotonic_ns()
        client.transport.sendto(build(sequence, local))
        sent += 1
    return sent


async def _wait_for_replies(client: _DatagramProber, sent: int, timeout: float) -> None:
    """Give the last probes up to ``timeout`` to come back."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(client.rtts_ms) < sent and loop.time() < deadline and not client.refused:
        await asyncio.sleep(0.02)


async def probe_udp(host: str, port: int, settings: ProbeSettings) -> PathMeasurement:
    """Send ``udp_count`` echo probes at ``interval`` to a UDP echo service."""
    padding = b"\0" * max(0, settings.payload_size - _HEADER.size)

    def build(sequence: int, local: tuple[str, int]) -> bytes:
        return _HEADER.pack(_MAGIC, sequence, time.monotonic_ns()) + padding

    def parse(data: bytes) -> int | None:
        if len(data) < _HEADER.size:
            return None
        magic, sequence, _ = _HEADER.unpack_from(data)
        return sequence if magic == _MAGIC else None

    schedule = (settings.udp_count, settings.interval)
    return await _probe_datagrams(
        ProbeMethod.UDP_ECHO, (host, port), schedule, settings, build, parse
    )


async def probe_sip_options(host: str, port: int, settings: ProbeSettings) -> PathMeasurement:
    """Send SIP OPTIONS over UDP every ``sip_interval``; any response proves the path."""
    call_id = f"{secrets.token_hex(8)}@roomconsole"
    tag = secrets.token_hex(4)

    def build(sequence: int, local: tuple[str, int]) -> bytes:
        return sip_options(host, port, local, call_id, tag, sequence + 1)

    def parse(data: bytes) -> int | None:
        cseq = parse_sip_response(data, call_id)
        return None if cseq is None else cseq - 1

    schedule = (settings.sip_count, settings.sip_interval)
    return await _probe_datagrams(
        ProbeMethod.SIP_OPTIONS, (host, port), schedule, settings, build, parse
    )


def sip_options(
    host: str, port: int, local: tuple[str, int], call_id: str, tag: str, cseq: int
) -> bytes:
    """Build an RFC 3261 OPTIONS request (the standard SIP "are you there?")."""
    local_host, local_port = local
    lines = [
        f"OPTIONS sip:{host}:{port} SIP/2.0",
        f"Via: SIP/2.0/UDP {local_host}:{local_port};branch=z9hG4bK{tag}{cseq};rport",
        "Max-Forwards: 70",
        f"From: <sip:roomconsole@{local_host}>;tag={tag}",
        f"To: <sip:{host}:{port}>",
        f"Call-ID: {call_id}",
        f"CSeq: {cseq} OPTIONS",
        f"Contact: <sip:roomconsole@{local_host}:{local_port}>",
        "Accept: application/sdp",
        "Content-Length: 0",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def parse_sip_response(data: bytes, call_id: str) -> int | None:
    """CSeq number of a SIP response to our OPTIONS (any status counts), else None."""
    text = data.decode("utf-8", errors="replace")
    if not text.startswith("SIP/2.0 "):
        return None
    headers: dict[str, str] = {}
    for line in text.split("\r\n")[1:]:
        if not line:
            break
        name, _, value = line.partition(":")
        headers[_SIP_COMPACT.get(name.strip().lower(), name.strip().lower())] = value.strip()
    cseq = headers.get("cseq", "").split()
    if headers.get("call-id") != call_id or len(cseq) != 2 or cseq[1].upper() != "OPTIONS":
        return None
    return int(cseq[0]) if cseq[0].isdigit() else None


async def probe_tcp(host: str, port: int, settings: ProbeSettings) -> PathMeasurement:
    """Time ``tcp_count`` TCP handshakes at ``tcp_interval``."""
    target = f"tcp://{host}:{port}"
    loop = asyncio.get_running_loop()
    start = loop.time()
    rtts: list[float] = []
    refusals, sent, last_error = 0, 0, ""
    for attempt in range(settings.tcp_count):
        if refusals >= _REFUSALS_TO_GIVE_UP and not rtts:
            break
        await asyncio.sleep(max(0.0, start + attempt * settings.tcp_interval - loop.time()))
        sent += 1
        try:
            rtts.append(await _connect_time(host, port, settings.reply_timeout))
        except TimeoutError:
            last_error = f"no answer in {settings.reply_timeout:.1f} s"
        except OSError as exc:
            refusals, last_error = refusals + 1, str(exc)
    if not rtts:
        problem = Problem.CONNECTION_REFUSED if refusals else Problem.NOT_ANSWERING
        return _unreachable(ProbeMethod.TCP_CONNECT, target, sent, problem, last_error)
    return _measured(ProbeMethod.TCP_CONNECT, target, sent, rtts)


async def _connect_time(host: str, port: int, timeout: float) -> float:
    """Milliseconds one TCP handshake takes; the connection is closed at once."""
    began = time.monotonic_ns()
    async with asyncio.timeout(timeout):
        _, writer = await asyncio.open_connection(host, port)
    elapsed = (time.monotonic_ns() - began) / 1e6
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return elapsed


def _measured(
    method: ProbeMethod, target: str, sent: int, rtts: Sequence[float]
) -> PathMeasurement:
    median, p95, jitter = summarize(rtts)
    measurement = PathMeasurement(method, target, sent, len(rtts), True, median, p95, jitter)
    figures = (median or 0.0, p95 or 0.0, jitter or 0.0)
    _LOGGER.info("path %s: %d/%d answered, rtt median %.1f p95 %.1f jitter %.1f ms",
                 target, len(rtts), sent, *figures)  # fmt: skip
    return measurement


def _unreachable(
    method: ProbeMethod, target: str, sent: int, problem: Problem, detail: str
) -> PathMeasurement:
    _LOGGER.warning("path %s: unreachable (%s): %s", target, problem, detail)
    return PathMeasurement(method, target, sent, 0, False, problem=problem, detail=detail)
