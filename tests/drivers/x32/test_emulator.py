"""The emulated desk against a plain python-osc client, as any third-party app would use it."""

from __future__ import annotations

import asyncio
import struct
import subprocess
import sys
from collections.abc import Iterator

import pytest
from pythonosc.osc_message import OscMessage

from drivers.x32 import protocol
from drivers.x32.emulator import X32Emulator
from tests.drivers.x32.conftest import FakeClock, RawClient


@pytest.fixture
def standalone_desk() -> Iterator[int]:
    """``python -m drivers.x32.emulator x32`` in its own process; yields its UDP port."""
    process = subprocess.Popen(
        [sys.executable, "-m", "drivers.x32.emulator", "x32", "127.0.0.1:0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "emulated X32 on udp 127.0.0.1:PORT"
        yield int(line.rsplit(":", 1)[1])
    finally:
        process.terminate()
        process.wait(timeout=5)
        assert process.stdout is not None
        process.stdout.close()


async def test_standalone_desk_answers_a_plain_osc_client(standalone_desk: int) -> None:
    client = RawClient(standalone_desk)
    try:
        info = await client.ask("/info")
        assert info is not None and info.params[2] == "X32"
        name = await client.ask("/ch/01/config/name")
        assert name is not None and name.params == ["Chair"]
        client.send("/ch/05/mix/fader", 0.25)
        fader = await client.ask("/ch/05/mix/fader")
        assert fader is not None and fader.params == [pytest.approx(0.25)]
    finally:
        client.close()


async def test_standalone_desk_sends_float_meter_blobs(standalone_desk: int) -> None:
    client = RawClient(standalone_desk)
    try:
        client.send("/meters", "/meters/1", 1)
        meters = [m for m in await client.collect(0.5) if m.address == "/meters/1"]
        assert len(meters) >= 3  # every 50 ms
        blob = meters[0].params[0]
        (count,) = struct.unpack_from("<i", blob)
        assert count == 96 and len(blob) == 4 + 96 * 4
    finally:
        client.close()


async def test_set_is_silent_and_read_answers(emulator: X32Emulator, raw_client: RawClient) -> None:
    raw_client.send("/main/st/mix/fader", 0.6)
    assert await raw_client.collect(0.2) == []  # a set gets no reply
    reply = await raw_client.ask("/main/st/mix/fader")
    assert reply is not None and reply.params == [pytest.approx(0.6)]
    assert emulator.desk.values["/main/st/mix/fader"] == pytest.approx(0.6)


async def test_wrong_type_and_unknown_address_are_ignored(
    emulator: X32Emulator, raw_client: RawClient
) -> None:
    raw_client.send("/ch/01/mix/fader", "loud")
    assert await raw_client.ask("/no/such/thing") is None
    assert emulator.desk.values["/ch/01/mix/fader"] == 0.75


async def test_xremote_fans_out_to_every_other_subscriber(
    emulator: X32Emulator, raw_client: RawClient
) -> None:
    second = RawClient(emulator.port)
    third = RawClient(emulator.port)
    try:
        raw_client.send("/xremote")
        second.send("/xremote")
        await asyncio.sleep(0.1)
        third.send("/ch/02/mix/on", 0)  # third is not subscribed, it only changes things
        got_first = await raw_client.collect(0.3)
        got_second = await second.collect(0.1)
        for got in (got_first, got_second):
            assert [(m.address, m.params) for m in got] == [("/ch/02/mix/on", [0])]
        assert await third.collect(0.1) == []
    finally:
        second.close()
        third.close()


async def test_xremote_expires_after_ten_seconds(
    emulator: X32Emulator, raw_client: RawClient, clock: FakeClock
) -> None:
    raw_client.send("/xremote")
    await asyncio.sleep(0.1)
    clock.advance(9.5)
    emulator.change_at_desk("/ch/03/mix/fader", 0.1)
    assert [m.address for m in await raw_client.collect(0.2)] == ["/ch/03/mix/fader"]
    clock.advance(1.0)  # 10.5 s after the only /xremote
    emulator.change_at_desk("/ch/03/mix/fader", 0.2)
    assert await raw_client.collect(0.2) == []
    assert emulator.remote_clients == {}


async def test_meters_expire_after_ten_seconds(
    emulator: X32Emulator, raw_client: RawClient, clock: FakeClock
) -> None:
    raw_client.send("/meters", "/meters/1", 1)
    assert any(m.address == "/meters/1" for m in await raw_client.collect(0.2))
    clock.advance(10.5)
    await asyncio.sleep(0.1)  # anything already in flight
    await raw_client.collect(0.1)
    assert await raw_client.collect(0.2) == []


async def test_speaking_microphone_shows_on_its_meter(
    emulator: X32Emulator, raw_client: RawClient
) -> None:
    emulator.desk.speaking[2] = True
    raw_client.send("/meters", "/meters/1", 1)
    message = await _first_meter(raw_client)
    levels = protocol.decode_meter_blob(protocol.X32, message.params[0])
    assert levels[1] > -30.0  # speech
    assert levels[0] < -60.0 and levels[2] < -60.0  # room noise


async def test_automatic_talker_speaks_now_and_then(clock: FakeClock) -> None:
    emu = X32Emulator("x32", clock=clock, auto_talker=1)
    heard = {emu.desk.is_speaking(1) for _ in range(12) if clock.advance(1.0) is None}
    assert heard == {True, False}
    assert not emu.desk.is_speaking(2)


async def test_silent_desk_answers_nothing(emulator: X32Emulator, raw_client: RawClient) -> None:
    emulator.silent = True
    assert await raw_client.ask("/info") is None
    emulator.silent = False
    assert await raw_client.ask("/info") is not None


async def test_scene_recall_fans_out_changes(emulator: X32Emulator, raw_client: RawClient) -> None:
    emulator.desk.values["/ch/07/mix/on"] = 0
    emulator.desk.store_scene(3)
    emulator.desk.values["/ch/07/mix/on"] = 1
    raw_client.send("/xremote")
    await asyncio.sleep(0.1)
    emulator.change_at_desk("/-action/goscene", 3)
    got = await raw_client.collect(0.2)
    assert [(m.address, m.params) for m in got] == [("/ch/07/mix/on", [0])]
    reply = await raw_client.ask("/-action/goscene")
    assert reply is not None and reply.params == [3]


async def _first_meter(client: RawClient) -> OscMessage:
    for message in await client.collect(0.3):
        if message.address == "/meters/1":
            return message
    raise AssertionError("no meters")


@pytest.mark.parametrize(
    ("request_path", "line"),
    [
        ("ch/01/mix", "/ch/01/mix ON   0.0 ON +0 OFF   -oo"),
        ("/ch/01/mix", "/ch/01/mix ON   0.0 ON +0 OFF   -oo"),
        ("ch/05/mix", "/ch/05/mix ON   -oo ON +0 OFF   -oo"),
        ("ch/01/config", '/ch/01/config "Chair" 1 YE 1'),
        ("ch/01/mix/fader", "/ch/01/mix/fader   0.0"),
        ("ch/01/mix/on", "/ch/01/mix/on ON"),
        ("ch/01/config/name", '/ch/01/config/name "Chair"'),
        ("main/st/mix", "/main/st/mix ON   0.0 +0"),
        ("config/mute", "/config/mute OFF OFF OFF OFF OFF OFF"),
    ],
)
async def test_node_reads_answer_a_text_line(
    emulator: X32Emulator, raw_client: RawClient, request_path: str, line: str
) -> None:
    raw_client.send("/node", request_path)
    replies = [m for m in await raw_client.collect(0.3) if m.address == "/node"]
    assert [m.params for m in replies] == [[line + "\n"]]


async def test_node_follows_changes(emulator: X32Emulator, raw_client: RawClient) -> None:
    raw_client.send("/ch/02/mix/fader", 0.5)  # -10 dB on the desk's fader law
    raw_client.send("/ch/02/mix/on", 0)
    raw_client.send("/config/mute/2", 1)
    await asyncio.sleep(0.1)
    raw_client.send("/node", "ch/02/mix")
    raw_client.send("/node", "config/mute")
    lines = [m.params[0] for m in await raw_client.collect(0.3) if m.address == "/node"]
    assert lines == [
        "/ch/02/mix OFF -10.0 ON +0 OFF   -oo\n",
        "/config/mute OFF ON OFF OFF OFF OFF\n",
    ]


async def test_node_of_something_not_modelled_is_not_answered(
    emulator: X32Emulator, raw_client: RawClient
) -> None:
    raw_client.send("/node", "fx/1/par")
    raw_client.send("/node", "ch/99/mix")
    raw_client.send("/node")
    assert [m for m in await raw_client.collect(0.3) if m.address == "/node"] == []


async def test_xair_node_uses_its_main_bus(xair_emulator: X32Emulator) -> None:
    client = RawClient(xair_emulator.port)
    try:
        client.send("/node", "lr/mix")
        replies = [m.params for m in await client.collect(0.3) if m.address == "/node"]
        assert replies == [["/lr/mix ON   0.0 +0\n"]]
    finally:
        client.close()
