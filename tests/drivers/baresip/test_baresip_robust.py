"""Nothing baresip's ctrl_tcp sends can kill the driver (issue 13).

A scripted ctrl_tcp peer on a real socket sends what baresip would never send on its own.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from drivers.baresip.codec import BaresipCodec
from drivers.baresip.netstring import encode
from drivers.baresip.stats import RtcpTracker
from drivers.errors import DeviceParseError
from drivers.roles.base import Availability, DeviceStatus
from drivers.roles.codec import CallState

BAD_STATS: list[Any] = [
    None,
    -1,
    [1, 2],
    "x",
    {"tx": None},
    {"tx": [1]},
    {"tx": {"sent": None}},
    {"tx": {"sent": "12"}},
    {"rx": {"lost": [1]}},
    {"tx": {"sent": float("inf")}},
    {"rtt": float("nan")},
    {"tx": {"sent": True}},
    {"tx": {"sent": 1 << 80}},
]


@pytest.mark.parametrize("stats", BAD_STATS, ids=repr)
def test_unexpected_rtcp_statistics_are_a_typed_parse_error(stats: Any) -> None:
    tracker = RtcpTracker()
    tracker.update({"tx": {"sent": 10}, "rx": {"sent": 10}}, 0.0)
    with pytest.raises(DeviceParseError):
        tracker.update(stats, 1.0)
    assert tracker.update({"tx": {"sent": 60}, "rx": {"sent": 60}}, 2.0) is not None


class FakeCtrl:
    """A ctrl_tcp peer: answers every command ok, sends whatever the test scripts."""

    def __init__(self) -> None:
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None
        self.port = 0

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.append(writer)
        while data := await reader.read(65536):
            for part in data.split(b",")[:-1]:
                token = json.loads(part.split(b":", 1)[1]).get("token")
                self.send({"response": True, "ok": True, "data": "", "token": token})

    def send(self, message: object) -> None:
        self.send_raw(encode(json.dumps(message).encode()))

    def send_raw(self, data: bytes) -> None:
        for writer in self.writers:
            writer.write(data)

    async def close(self) -> None:
        for writer in self.writers:
            writer.close()
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()


@pytest.fixture
async def ctrl() -> AsyncIterator[FakeCtrl]:
    peer = FakeCtrl()
    await peer.start()
    try:
        yield peer
    finally:
        await peer.close()


@pytest.fixture
async def codec(ctrl: FakeCtrl, until) -> AsyncIterator[BaresipCodec]:
    attached = BaresipCodec("room", ctrl=f"127.0.0.1:{ctrl.port}")
    await attached.start()
    try:
        await until(lambda: attached.status.value.availability is Availability.ONLINE)
        await until(lambda: bool(ctrl.writers))
        yield attached
    finally:
        await attached.close()


def _event(kind: str, **fields: object) -> dict[str, object]:
    return {"event": True, "class": "call", "type": kind, "id": "c1", **fields}


async def _connected(codec: BaresipCodec, ctrl: FakeCtrl, until) -> None:
    ctrl.send(_event("CALL_INCOMING", direction="incoming", peeruri="sip:far@127.0.0.1"))
    await until(lambda: codec.call.value.state is CallState.INCOMING)
    ctrl.send(_event("CALL_ESTABLISHED", direction="incoming", peeruri="sip:far@127.0.0.1"))
    await until(lambda: codec.call.value.state is CallState.CONNECTED)


async def test_bad_rtcp_events_keep_the_reader_and_the_call(
    codec: BaresipCodec, ctrl: FakeCtrl, until, caplog
) -> None:
    await _connected(codec, ctrl, until)
    for stats in BAD_STATS:
        ctrl.send(_event("CALL_RTCP", direction="incoming", rtcp_stats=stats))
    ctrl.send_raw(encode(b'{"event": true, "type": "CALL_RTCP", "rtcp_stats": 1e400}'))
    ctrl.send_raw(encode(b"not json"))
    ctrl.send_raw(encode(b"[1, 2, 3]"))
    for sent in (100, 200):
        stats = {"tx": {"sent": sent, "lost": 0, "jit": 1000}, "rx": {"sent": sent, "lost": 0}}
        ctrl.send(_event("CALL_RTCP", direction="incoming", rtcp_stats=stats))
        await asyncio.sleep(0.05)
    await until(lambda: codec.statistics.value is not None)
    assert codec.status.value.availability is Availability.ONLINE
    assert codec.call.value.state is CallState.CONNECTED
    assert "Task exception was never retrieved" not in caplog.text


async def test_a_killed_reader_shows_offline_and_reconnects(
    codec: BaresipCodec, ctrl: FakeCtrl, until
) -> None:
    seen: list[DeviceStatus] = []
    codec.status.subscribe(seen.append)
    task = next(t for t in asyncio.all_tasks() if t.get_name() == "room ctrl reader")
    task.cancel()
    await until(lambda: any(s.availability is Availability.OFFLINE for s in seen))
    offline = next(s for s in seen if s.availability is Availability.OFFLINE)
    assert offline.problem is not None
    await until(lambda: codec.status.value.availability is Availability.ONLINE)


async def test_a_killed_connect_loop_shows_offline_and_restarts(
    codec: BaresipCodec, ctrl: FakeCtrl, until
) -> None:
    task = next(t for t in asyncio.all_tasks() if t.get_name() == "room ctrl link")
    task.cancel()
    await until(lambda: codec.status.value.availability is Availability.OFFLINE)
    assert codec.status.value.problem is not None
    await until(lambda: codec.status.value.availability is Availability.ONLINE)
