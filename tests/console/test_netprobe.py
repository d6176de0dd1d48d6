"""Path measurement against a real UDP echo peer and real TCP listeners on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator

import pytest
from console_helpers import REPO, stop_process

from console.call_health import Health, HealthCause
from console.echo_peer import UdpEchoPeer
from console.netprobe import (
    PathTarget,
    ProbeMethod,
    ProbeSettings,
    judge,
    measure_path,
    parse_sip_response,
    probe_tcp,
    sip_options,
    summarize,
)
from drivers.baresip.bridge import demo_bridge, start_online
from drivers.errors import Problem

FAST = ProbeSettings(duration=0.5, interval=0.01, tcp_interval=0.05, reply_timeout=0.3)


def unused_port(kind: int = socket.SOCK_DGRAM) -> int:
    """A port nothing listens on (bound once to learn it, then closed)."""
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def start_peer(**kwargs: float) -> UdpEchoPeer:
    peer = UdpEchoPeer(**kwargs)  # type: ignore[arg-type]
    await peer.start()
    return peer


@pytest.fixture
async def tcp_listener() -> AsyncIterator[int]:
    """A TCP port that accepts and closes (like a bridge's SIP port)."""

    async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(on_client, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


async def test_clean_path_is_good() -> None:
    peer = await start_peer()
    try:
        result = await asyncio.wait_for(measure_path(PathTarget("127.0.0.1", peer.port), FAST), 10)
    finally:
        await peer.close()
    assert result.method is ProbeMethod.UDP_ECHO
    assert result.reachable
    assert result.sent == FAST.udp_count == 50
    assert result.received == result.sent
    assert result.loss_percent == 0.0
    assert result.rtt_median_ms is not None and result.rtt_median_ms < 100
    assert peer.received == result.sent
    verdict = judge(result)
    assert verdict.health is Health.GOOD
    assert verdict.causes == ()


async def test_lossy_path_is_poor_because_of_loss() -> None:
    peer = await start_peer(drop_rate=0.2)
    try:
        result = await asyncio.wait_for(measure_path(PathTarget("127.0.0.1", peer.port), FAST), 10)
    finally:
        await peer.close()
    assert result.reachable
    assert 10.0 < result.loss_percent < 35.0
    assert result.received == peer.echoed
    verdict = judge(result)
    assert verdict.health is Health.POOR
    assert HealthCause.LOSS in verdict.causes


async def test_slow_jittery_path_shows_rtt_and_jitter() -> None:
    peer = await start_peer(delay=0.32, delay_spread=0.1)
    settings = ProbeSettings(duration=0.6, interval=0.03, reply_timeout=1.0)
    try:
        result = await asyncio.wait_for(
            measure_path(PathTarget("127.0.0.1", peer.port), settings), 10
        )
    finally:
        await peer.close()
    assert result.loss_percent == 0.0
    assert result.rtt_median_ms is not None and result.rtt_median_ms >= 320
    assert result.rtt_p95_ms is not None and result.rtt_p95_ms >= result.rtt_median_ms
    assert result.jitter_ms is not None and result.jitter_ms > 5.0
    verdict = judge(result)
    assert verdict.health >= Health.FAIR
    assert HealthCause.RTT in verdict.causes


async def test_replies_later_than_the_timeout_count_as_lost() -> None:
    peer = await start_peer(delay=0.3)
    settings = ProbeSettings(duration=0.3, interval=0.05, reply_timeout=0.1)
    try:
        result = await asyncio.wait_for(
            measure_path(PathTarget("127.0.0.1", peer.port), settings), 10
        )
    finally:
        await peer.close()
    assert not result.reachable
    assert result.problem is Problem.NOT_ANSWERING
    assert judge(result).health is None


async def test_dead_bridge_is_refused_and_stops_early() -> None:
    target = PathTarget("127.0.0.1", unused_port())
    settings = ProbeSettings(duration=5.0, interval=0.05, reply_timeout=0.5)
    result = await asyncio.wait_for(measure_path(target, settings), 10)
    assert not result.reachable
    assert result.problem is Problem.CONNECTION_REFUSED
    assert result.sent < settings.udp_count  # gave up after the port was refused
    assert result.loss_percent == 100.0


async def test_silent_peer_is_not_answering() -> None:
    peer = await start_peer()
    peer.silent = True
    settings = ProbeSettings(duration=0.3, interval=0.05, reply_timeout=0.2)
    try:
        result = await asyncio.wait_for(
            measure_path(PathTarget("127.0.0.1", peer.port), settings), 10
        )
    finally:
        await peer.close()
    assert not result.reachable
    assert result.problem is Problem.NOT_ANSWERING
    assert peer.received == result.sent > 0


async def test_tcp_connect_is_the_fallback_when_udp_echo_is_missing(tcp_listener: int) -> None:
    target = PathTarget("127.0.0.1", udp_echo_port=unused_port(), tcp_port=tcp_listener)
    result = await asyncio.wait_for(measure_path(target, FAST), 10)
    assert result.method is ProbeMethod.TCP_CONNECT
    assert result.reachable
    assert result.sent == FAST.tcp_count == 10
    assert result.received == result.sent
    assert judge(result).health is Health.GOOD
    json.dumps(result.to_dict())  # serialisable for the log


async def test_tcp_refused_port_is_unreachable() -> None:
    result = await asyncio.wait_for(
        probe_tcp("127.0.0.1", unused_port(socket.SOCK_STREAM), FAST), 10
    )
    assert not result.reachable
    assert result.problem is Problem.CONNECTION_REFUSED
    assert result.sent == 3


def test_summary_median_p95_and_rfc3550_jitter() -> None:
    median, p95, jitter = summarize([10.0, 20.0, 10.0, 20.0])
    assert median == 15.0
    assert p95 == 20.0
    # |D| = 10 three times: J = 10 * (1 - (15/16)^3)
    assert jitter == pytest.approx(10.0 * (1 - (15 / 16) ** 3))
    assert summarize([]) == (None, None, None)


def test_target_needs_a_port_and_peer_validates_rates() -> None:
    with pytest.raises(ValueError):
        PathTarget("127.0.0.1")
    assert PathTarget("127.0.0.1", sip_port=5060).sip_port == 5060
    with pytest.raises(ValueError):
        UdpEchoPeer(drop_rate=1.5)


async def test_sip_options_measures_a_real_sip_bridge() -> None:
    bridge = await start_online(demo_bridge("bridge"))
    try:
        port = int(bridge.sip_uri.rsplit(":", 1)[1])
        settings = ProbeSettings(duration=0.5, sip_interval=0.05, reply_timeout=0.5)
        target = PathTarget("127.0.0.1", udp_echo_port=unused_port(), sip_port=port)
        result = await asyncio.wait_for(measure_path(target, settings), 10)
    finally:
        await bridge.close()
    assert result.method is ProbeMethod.SIP_OPTIONS  # after the missing UDP echo
    assert result.reachable
    assert result.sent == settings.sip_count == 10
    assert result.received == result.sent
    assert judge(result).health is Health.GOOD


async def test_sip_options_to_a_dead_port_is_refused() -> None:
    settings = ProbeSettings(duration=2.0, sip_interval=0.05, reply_timeout=0.3)
    result = await asyncio.wait_for(
        measure_path(PathTarget("127.0.0.1", sip_port=unused_port()), settings), 10
    )
    assert result.method is ProbeMethod.SIP_OPTIONS
    assert not result.reachable
    assert result.problem is Problem.CONNECTION_REFUSED


def test_sip_options_request_and_response_matching() -> None:
    request = sip_options("127.0.0.1", 5060, ("127.0.0.1", 40000), "abc@rc", "t1", 7).decode()
    assert request.startswith("OPTIONS sip:127.0.0.1:5060 SIP/2.0\r\n")
    assert "CSeq: 7 OPTIONS\r\n" in request and request.endswith("\r\n\r\n")
    response = "SIP/2.0 200 OK\r\ni: abc@rc\r\nCSeq: 7 OPTIONS\r\nContent-Length: 0\r\n\r\n"
    assert parse_sip_response(response.encode(), "abc@rc") == 7
    assert parse_sip_response(response.encode(), "other@rc") is None
    assert parse_sip_response(response.replace("OPTIONS", "INVITE").encode(), "abc@rc") is None
    assert parse_sip_response(b"OPTIONS sip:x SIP/2.0\r\n\r\n", "abc@rc") is None


@pytest.fixture
def standalone_peer() -> Iterator[int]:
    """``python -m console.echo_peer --drop 0.5`` as a separate process; yields its port."""
    process = subprocess.Popen(
        [sys.executable, "-m", "console.echo_peer", "--drop", "0.5"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        yield int(line.strip().rsplit(":", 1)[1])
    finally:
        stop_process(process)


async def test_standalone_echo_peer_serves_a_lossy_path(standalone_peer: int) -> None:
    target = PathTarget("127.0.0.1", standalone_peer)
    result = await asyncio.wait_for(measure_path(target, FAST), 10)
    assert result.reachable
    assert 25.0 < result.loss_percent < 75.0
