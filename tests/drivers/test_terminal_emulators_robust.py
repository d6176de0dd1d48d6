"""The Cisco and Poly emulators survive what a careless third-party controller sends."""

from __future__ import annotations

import asyncio

import pytest

from drivers.cisco.emulator import CiscoEmulator
from drivers.poly.emulator import PolyEmulator
from drivers.terminal_server import TerminalServer

CASES = [
    (CiscoEmulator, b"xStatus Audio Microphones Mute\r\n", b"** end"),
    (PolyEmulator, b"mute near get\r\n", b"mute near off"),
]
HOSTILE = [
    b"x" * 200_000 + b"\r\n",  # one endless line
    'dial manual \u00b2 "a@b"\r\n'.encode(),  # a digit int() refuses
    b"xCommand Call Disconnect CallId: \xc2\xb2\r\n",
    b"\xff\xfe\x00\r\n",
    b"\r\n" * 50,
]


@pytest.mark.parametrize(("kind", "probe", "answer"), CASES, ids=["cisco", "poly"])
async def test_emulator_session_survives_hostile_lines(
    kind: type[TerminalServer], probe: bytes, answer: bytes
) -> None:
    emulator = kind()
    await emulator.start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", emulator.port)
        for data in HOSTILE:
            writer.write(data)
        writer.write(probe)
        await writer.drain()
        got = b""
        async with asyncio.timeout(5):
            while answer not in got:
                chunk = await reader.read(65536)
                assert chunk, "the emulator closed the session"
                got += chunk
        writer.close()
    finally:
        await emulator.close()
