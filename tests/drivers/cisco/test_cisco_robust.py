"""Nothing the codec sends can kill the Cisco driver (issue 13): bad lines are skipped."""

from __future__ import annotations

import asyncio
import logging

import pytest

from drivers.cisco.codec import CiscoCodec
from drivers.cisco.emulator import CiscoEmulator
from drivers.cisco.tsh import MAX_LINE
from drivers.roles.base import Availability
from drivers.roles.codec import CallState

BAD_LINES = [
    b"*s MediaChannels Call 1 Channel 1 Netstat Packets: \r\n",
    b"*s MediaChannels Call 1 Channel x Netstat Packets: 5\r\n",
    b"*s MediaChannels Call 1 Channel 1 Netstat Jitter: lots\r\n",
    b"*s MediaChannels Call 1 Channel 1 Netstat ChannelRate: nan\r\n",
    b"*s MediaChannels Call \xc2\xb2 Channel 1 Netstat Loss: 1\r\n",  # a digit int() refuses
    b"*s Call \xc2\xb2 Status: Connected\r\n",
    b"** end\r\n",
]


async def _connected_call(cisco: CiscoCodec, until) -> None:
    await cisco.dial("bridge@127.0.0.1")
    await until(lambda: cisco.call.value.state is CallState.CONNECTED)


async def test_bad_status_values_are_skipped_and_the_link_lives(
    cisco, emulator: CiscoEmulator, until, caplog
) -> None:
    await _connected_call(cisco, until)
    await until(lambda: cisco.statistics.value is not None)
    with caplog.at_level(logging.WARNING):
        for line in BAD_LINES:
            emulator.send_raw(line)
        await asyncio.sleep(0.3)  # the emulator's statistics keep coming meanwhile
    assert cisco.status.value.availability is Availability.ONLINE
    assert cisco.call.value.state is CallState.CONNECTED
    await cisco.set_mic_muted(True)  # commands still answered
    assert emulator.mic_muted
    before = cisco.statistics.value
    await until(lambda: cisco.statistics.value is not before)  # statistics still flow
    skipped = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert 1 <= len(skipped) <= 2  # logged once (rate-limited), not once per line
    await cisco.hangup()
    await until(lambda: cisco.call.value.state is CallState.IDLE)
    await cisco.close()  # never raises


async def test_endless_line_is_dropped_and_the_link_resyncs(
    cisco, emulator: CiscoEmulator, until, caplog
) -> None:
    with caplog.at_level(logging.WARNING):
        for _ in range(64):  # 4 MB without a newline
            emulator.send_raw(b"x" * 65536)
            await asyncio.sleep(0)
        emulator.send_raw(b"\r\n")
        await cisco.set_mic_muted(True)
    assert emulator.mic_muted and cisco.status.value.availability is Availability.ONLINE
    assert len(cisco._lines._buffer) <= MAX_LINE
    assert len([r for r in caplog.records if "too long" in r.getMessage()]) == 1


def _task(name: str) -> asyncio.Task[object]:
    return next(t for t in asyncio.all_tasks() if t.get_name() == name and not t.done())


@pytest.mark.parametrize("task_name", ["cisco reader", "cisco link"])
async def test_a_killed_task_shows_offline_then_reconnects(
    cisco, emulator: CiscoEmulator, until, task_name: str
) -> None:
    await _connected_call(cisco, until)
    _task(task_name).cancel()
    await until(lambda: cisco.status.value.availability is Availability.OFFLINE)
    assert cisco.status.value.problem is not None
    await until(lambda: cisco.status.value.availability is Availability.ONLINE, 5)
    assert cisco.call.value.state is CallState.CONNECTED  # picked up again after reconnect
    await cisco.set_mic_muted(True)
