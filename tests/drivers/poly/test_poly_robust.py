"""Nothing the codec sends can kill the Poly driver (issue 13)."""

from __future__ import annotations

import asyncio

import pytest

from drivers.poly import emulator as poly_emulator
from drivers.poly.codec import PolyCodec
from drivers.poly.emulator import PolyEmulator
from drivers.poly.framing import parse_callstatus
from drivers.roles.base import Availability
from drivers.roles.codec import CallState


@pytest.mark.parametrize("number", ["sip:bridge@127.0.0.1", "10.0.0.5:5060", "h323:1234"])
async def test_dial_string_with_colons_connects_hangs_up_and_dials_again(
    poly: PolyCodec, emulator: PolyEmulator, until, number: str
) -> None:
    for _ in range(2):
        await poly.dial(number)
        await until(lambda: poly.call.value.state is CallState.CONNECTED)
        assert poly.call.value.call_id and poly.call.value.far_end
        await poly.hangup()
        await until(lambda: poly.call.value.state is CallState.IDLE)


@pytest.mark.parametrize(
    ("text", "state", "name", "number"),
    [
        (
            "notification:callstatus:outgoing:45:sip:bridge:sip:bridge@h:connected:384:0:videocall",
            "connected",
            "sip:bridge",
            "sip:bridge@h",
        ),
        (
            "notification:callstatus:outgoing:45:Bridge:sip:b@h:5060:connecting:384:0:videocall",
            "connecting",
            "Bridge",
            "sip:b@h:5060",
        ),
        (
            "notification:callstatus:incoming:7:10.0.0.5:5060:10.0.0.5:5060:ringing:384:0:videocall",
            "ringing",
            "10.0.0.5:5060",
            "10.0.0.5:5060",
        ),
    ],
)
def test_callstatus_fields_are_anchored_at_both_ends(
    text: str, state: str, name: str, number: str
) -> None:
    status = parse_callstatus(text)
    assert status is not None
    assert (status.state, status.far_name, status.far_number) == (state, name, number)


def test_short_callinfo_is_a_parse_error() -> None:
    from drivers.errors import DeviceParseError
    from drivers.poly.framing import parse_callinfo

    with pytest.raises(DeviceParseError):
        parse_callinfo("callinfo:43:bridge")
    info = parse_callinfo("callinfo:43:b:sip:b@h:384:connected:notmuted:outgoing:videocall")
    assert (info.call_id, info.far_number, info.state) == ("43", "sip:b@h", "connected")


async def test_short_callinfo_at_session_set_up_does_not_stall_connecting(
    emulator: PolyEmulator, until, monkeypatch
) -> None:
    def short_callinfo(emu: PolyEmulator, session, line: str) -> None:
        session.answer("callinfo begin", "callinfo:43:bridge", "callinfo end")

    monkeypatch.setitem(poly_emulator._COMMANDS, "callinfo all", short_callinfo)
    codec = PolyCodec("poly", host="127.0.0.1", port=emulator.port)
    await codec.start()
    try:
        await until(lambda: codec.status.value.availability is Availability.ONLINE)
    finally:
        await codec.close()


async def test_bad_netstats_answer_does_not_stop_statistics(
    poly: PolyCodec, emulator: PolyEmulator, until, monkeypatch
) -> None:
    answers = iter(["call:43 txrate:384 K rxrate:384 K pktloss:0 %pktloss:1.2.3 % tvp:H.264"] * 3)
    good = poly_emulator._COMMANDS["netstats"]

    def netstats(emu: PolyEmulator, session, line: str) -> None:
        answer = next(answers, None)
        if answer is None:
            good(emu, session, line)
        else:
            session.answer(answer)

    monkeypatch.setitem(poly_emulator._COMMANDS, "netstats", netstats)
    await poly.dial("bridge@127.0.0.1")
    await until(lambda: poly.call.value.state is CallState.CONNECTED)
    await until(lambda: poly.statistics.value is not None)
    assert poly.status.value.availability is Availability.ONLINE


async def test_endless_line_is_dropped_and_the_session_resyncs(
    poly: PolyCodec, emulator: PolyEmulator
) -> None:
    for _ in range(32):
        emulator.send_raw(b"y" * 65536)
        await asyncio.sleep(0)
    emulator.send_raw(b"\r\n")
    await poly.set_mic_muted(True)
    assert emulator.mic_muted and poly.status.value.availability is Availability.ONLINE


def _task(name: str) -> asyncio.Task[object]:
    return next(t for t in asyncio.all_tasks() if t.get_name() == name and not t.done())


@pytest.mark.parametrize("task_name", ["poly reader", "poly link", "poly statistics"])
async def test_a_killed_task_shows_offline_or_restarts(
    poly: PolyCodec, emulator: PolyEmulator, until, task_name: str
) -> None:
    await poly.dial("bridge@127.0.0.1")
    await until(lambda: poly.call.value.state is CallState.CONNECTED)
    await until(lambda: poly.statistics.value is not None)
    _task(task_name).cancel()
    if task_name != "poly statistics":
        await until(lambda: poly.status.value.availability is Availability.OFFLINE)
        assert poly.status.value.problem is not None
        await until(lambda: poly.status.value.availability is Availability.ONLINE)
    assert poly.call.value.state is CallState.CONNECTED
    await until(lambda: bool(_task("poly statistics")))
    poly.statistics.publish(None)
    await until(lambda: poly.statistics.value is not None)  # statistics polled again
