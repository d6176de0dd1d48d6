"""Nothing a datagram carries can kill the X32 driver or the emulator (issue 13)."""

from __future__ import annotations

import asyncio
import logging
import math
import socket

import pytest

from drivers.errors import DeviceParseError
from drivers.roles.base import Availability
from drivers.x32 import protocol
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer
from tests.drivers.x32.conftest import RawClient, wait_until

NOT_UTF8 = bytes.fromhex("2f916800")  # "/" then an invalid UTF-8 byte: python-osc raises
GARBAGE = [
    NOT_UTF8,
    b"",
    b"\x00" * 3,
    b"#bundle\x00" + b"\xff" * 12,
    b"/ch/01/mix/on\x00\x00\x00,i\x00\x00",
    b"/ch/01/mix/on\x00\x00\x00,iQ\x00\x00\x00\x00\x01",  # python-osc: a warning, half read
    b"#bundle\x00" + bytes(8) + b"\x00\x00\x00\x08x\x00\x00\x00,i\x00\x00",
]
LENIENT = [protocol.encode("/ch/01/mix/fader", 0.5)[:-2]]  # python-osc reads it anyway


@pytest.mark.parametrize("datagram", GARBAGE, ids=lambda d: d.hex())
def test_decode_gives_a_typed_parse_error(datagram: bytes) -> None:
    with pytest.raises(DeviceParseError):
        protocol.decode(datagram)


def test_an_address_alone_is_a_message_without_arguments() -> None:
    assert protocol.decode(b"/info\x00\x00\x00") == [protocol.Message("/info", ())]


def _loop_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "asyncio" and r.levelno >= 40]


async def test_emulator_skips_garbage_and_odd_values_and_keeps_answering(
    emulator: X32Emulator, raw_client: RawClient, caplog
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, caplog.at_level(logging.WARNING):
        for datagram in (GARBAGE + LENIENT) * 20:
            sock.sendto(datagram, ("127.0.0.1", emulator.port))
        raw_client.send("/ch/02/mix/on", math.nan)  # int parameter, NaN: the desk ignores it
        raw_client.send("/ch/02/mix/on", math.inf)
        raw_client.send("/ch/02/mix/fader", math.nan)
        info = await raw_client.ask("/info")
    assert info is not None and info.params[2] == "X32"
    assert emulator.desk.read("/ch/02/mix/on") == 1
    assert emulator.desk.read("/ch/02/mix/fader") == 0.75  # factory setting, unchanged
    assert _loop_errors(caplog) == []
    skipped = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert 1 <= len(skipped) <= 2  # rate-limited, not one per datagram


async def test_mixer_skips_garbage_from_the_desk_and_stays_online(
    emulator: X32Emulator, mixer: X32Mixer, caplog
) -> None:
    await wait_until(lambda: mixer.status.value.availability is Availability.ONLINE)
    await wait_until(lambda: bool(emulator.remote_clients))
    with caplog.at_level(logging.WARNING):
        for datagram in (GARBAGE + LENIENT) * 20:
            emulator.send_raw(datagram)
        emulator.send_raw(protocol.encode("/ch/03/mix/fader", math.nan))
        emulator.send_raw(protocol.encode("/ch/03/mix/fader", 7.5))
        await asyncio.sleep(0.2)
    assert _loop_errors(caplog) == []
    assert mixer.status.value.availability is Availability.ONLINE
    assert 0.0 <= mixer.state.value.channel(3).fader <= 1.0
    skipped = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert 1 <= len(skipped) <= 2
    await mixer.set_fader(3, 0.5)
    assert await mixer.read(protocol.channel_fader(3)) == pytest.approx(0.5)
