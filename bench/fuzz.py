"""Fuzz every parser of device input through the real driver objects (issue 13).

Each parser gets random bytes and mutated valid messages (byte flips, inserts, cuts, splices,
tokens such as ``:``, CR LF, ``nan``, ``1e400``, ``²``; JSON values of the wrong type), fed in
random chunks to the object that reads that input in the console: the VISCA bus and camera, the
Sony VISCA-IP link, the X32 mixer and emulator, baresip's ctrl_tcp connection with the codec
behind it, the Cisco and Poly codecs, the dial-string checks and the room profile file. Per
parser it counts inputs, typed rejections (a message skipped with a typed parse error, a refused
dial string or profile) and unhandled exceptions (anything escaping the object, or reaching the
event loop's handler).
An input counts as rejected when the object skipped (part of) it with a typed parse error.

Run: ``python bench/fuzz.py --per-parser N [--seed S] [--only NAME]``. Prints a table and one
final JSON line (``unhandled`` is the total; the goal is 0).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import logging
import math
import random
import socket
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.config.loader import ProfileError, parse_profile_bytes
from drivers.baresip.codec import BaresipCodec
from drivers.baresip.ctrl import CtrlConnection
from drivers.baresip.netstring import encode as netstring
from drivers.cisco.codec import CiscoCodec
from drivers.cisco.tsh import format_command
from drivers.dialstring import validate_dial_string
from drivers.errors import DeviceError
from drivers.poly.codec import PolyCodec
from drivers.poly.framing import dial_command
from drivers.visca import replies
from drivers.visca.camera import ViscaCamera
from drivers.visca.connection import ConnectionSpec, Transport
from drivers.visca.link_ip import SonyIpLink
from drivers.visca.protocol import SonyPayloadType, sony_frame
from drivers.x32 import protocol as osc
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer

TOKENS = [
    b":",
    b"::",
    b"\r\n",
    b"\n\r",
    b"\n",
    b"\r",
    b"\xff",
    b"\x00",
    b'"',
    b" ",
    b"nan",
    b"inf",
    b"1e400",
    b"-1",
    b"\xc2\xb2",
    b"99999999999999999999",
    b"null",
    b"[]",
    b"{}",
    b",",
    b"%",
    b"*s ",
    b"** end",
    b"OK",
    b"ERROR",
    b"\x90",
    b"\x88",
    b"/",
    b"#bundle\x00",
    b",ifsb",
]
JSON_ODD: list[Any] = [None, -1, [1, 2], "x", 1e300, True, {}, {"a": None}, 2**70, -0.0]


# --- seeds: valid messages as the devices send them ---------------------------------------------

VISCA_REPLIES = [
    bytes.fromhex(h)
    for h in (
        "9041ff",
        "9051ff",
        "906002ff",
        "906103ff",
        "906241ff",
        "9050ff",
        "883002ff",
        "88010001ff",
        "9038ff",
        "905002ff",
        "9050010203040a0b0c0dff",
        "90500102ff",
        "905000010203ff",
        "9050000100020003000405ff",
        "905001ff",
    )
]
CISCO_LINES = [
    b"*s Call 1 Status: Connected\r\n",
    b'*s Call 1 RemoteNumber: "bridge@127.0.0.1"\r\n',
    b"*s Call 1 Direction: Outgoing\r\n",
    b"*s Call 1 (ghost=True):\r\n",
    b"** end\r\n",
    b"*s MediaChannels Call 1 Channel 1 Netstat Packets: 500\r\n",
    b"OK\r\n",
    b"ERROR\r\n",
    b"*s MediaChannels Call 1 Channel 1 Direction: Incoming\r\n",
    b"*s MediaChannels Call 1 Channel 2 Netstat Jitter: 4\r\n",
    b'*e CallDisconnect CauseType: "x"\r\n',
    b"*s Audio Microphones Mute: On\r\n",
    b"*r DialResult (status=OK):\r\n",
    b"    CallId: 2\r\n",
]
POLY_LINES = [
    b"notification:callstatus:outgoing:45:bridge:bridge@h:connected:384:0:videocall\r\n",
    b"notification:callstatus:outgoing:45:sip:b:sip:b@h:5060:disconnected:384:0:videocall\r\n",
    b"notification:callstatus:incoming:46:10.0.0.5:5060:10.0.0.5:5060:ringing:384:0:videocall\r\n",
    b"notification:mutestatus:near:near:near:near:muted:mute\r\n",
    b"dialing manual\r\n",
    b"callinfo begin\r\n",
    b"callinfo:43:b:b@h:384:connected:notmuted:outgoing:videocall\r\n",
    b"callinfo end\r\n",
    b"mute near on\r\n",
    b'dial manual 384 "a@b"\n\r',
    b"error: x\r\n",
    b"call:43 txrate:384 K rxrate:384 K pktloss:0 %pktloss:0.5 % tvp:H.264\r\n",
]
CALLINFO = [line.rstrip(b"\r\n") for line in POLY_LINES if line.startswith(b"callinfo:")]
NETSTATS = [line.rstrip(b"\r\n") for line in POLY_LINES if line.startswith(b"call:")]
BARESIP_EVENTS: list[dict[str, Any]] = [
    {
        "event": True,
        "class": "call",
        "type": "CALL_INCOMING",
        "id": "c1",
        "direction": "incoming",
        "peeruri": "sip:far@h",
    },
    {
        "event": True,
        "class": "call",
        "type": "CALL_ESTABLISHED",
        "id": "c1",
        "direction": "incoming",
        "peeruri": "sip:far@h",
    },
    {
        "event": True,
        "class": "call",
        "type": "CALL_RTCP",
        "id": "c1",
        "direction": "incoming",
        "rtcp_stats": {
            "tx": {"sent": 100, "lost": 0, "jit": 900},
            "rx": {"sent": 90, "lost": 2, "jit": 400},
            "rtt": 1200,
        },
    },
    {"event": True, "class": "call", "type": "CALL_CLOSED", "id": "c1", "param": "486 Rejected"},
    {"event": True, "class": "call", "type": "CALL_DTMF_START", "id": "c1", "param": "5"},
    {"event": True, "class": "register", "type": "REGISTER_OK"},
    {"response": True, "ok": True, "data": "", "token": "t1"},
]
OSC_DATAGRAMS = [
    osc.encode("/ch/01/mix/fader", 0.5),
    osc.encode("/ch/02/mix/on", 0),
    osc.encode("/ch/03/config/name", "Lectern"),
    osc.encode("/main/st/mix/fader", 0.75),
    osc.encode("/config/mute/2", 1),
    osc.encode("/info", "V2.05", "osc", "X32", "4.06"),
    osc.encode("/meters/1", osc.encode_meter_blob(osc.X32, [-20.0] * 96)),
    osc.encode("/xremote"),
    osc.encode("/node", "ch/01/mix"),
    osc.encode("/meters", "/meters/1", 1),
]
SONY = [
    sony_frame(SonyPayloadType.REPLY, bytes.fromhex("9041ff"), 5),
    sony_frame(SonyPayloadType.REPLY, bytes.fromhex("9051ff"), 5),
    sony_frame(SonyPayloadType.CONTROL_REPLY, b"\x01", 0),
    sony_frame(SonyPayloadType.CONTROL, b"\x0f\x01", 7),
]
DIAL = [b"bridge@example.org", b"sip:b@10.0.0.5:5060", b"10.0.0.5", b"h323:1234##5", b"a" * 200]


# --- mutation ------------------------------------------------------------------------------------


def mutate(rng: random.Random, seeds: list[bytes]) -> bytes:
    """A random input: pure noise now and then, otherwise a mutated (or spliced) seed."""
    if rng.random() < 0.08:
        return rng.randbytes(rng.randint(0, 64))
    data = bytearray(rng.choice(seeds))
    for _ in range(rng.randint(0, 4)):
        choice = rng.random()
        at = rng.randint(0, len(data))
        if choice < 0.25 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif choice < 0.45:
            data[at:at] = rng.choice(TOKENS)
        elif choice < 0.6 and data:
            del data[at : at + rng.randint(1, 8)]
        elif choice < 0.7:
            data[at:at] = rng.choice(seeds)  # splice
        elif choice < 0.8 and data:
            data = data[: rng.randint(0, len(data))]  # truncate
        elif choice < 0.9 and data:
            start = rng.randrange(len(data))
            data[start:start] = data[start : start + rng.randint(1, 16)] * rng.randint(1, 4)
        else:
            data[at:at] = str(rng.choice([0, -1, 2**31, 2**64, 1e400, math.nan])).encode()
    return bytes(data)


def mutate_json(rng: random.Random, seeds: list[dict[str, Any]]) -> bytes:
    """A netstring-framed event with one or two values swapped for ones of the wrong type."""
    event = json.loads(json.dumps(rng.choice(seeds)))
    for _ in range(rng.randint(1, 2)):
        node: Any = event
        while isinstance(node, dict) and node:
            key = rng.choice(list(node))
            if isinstance(node[key], dict) and rng.random() < 0.7:
                node = node[key]
                continue
            node[key] = json.loads(json.dumps(rng.choice(JSON_ODD)))  # a fresh copy
            break
    text = json.dumps(event).replace("1e+300", "1e400")  # JSON's way to an infinity
    return netstring(text.encode())


def chunks(rng: random.Random, data: bytes) -> list[bytes]:
    """Cut ``data`` at 0-3 random points (a stream arrives in any chunking)."""
    cuts = sorted(rng.randint(0, len(data)) for _ in range(rng.randint(0, 3)))
    edges = [0, *cuts, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


# --- targets -------------------------------------------------------------------------------------


@dataclass
class Result:
    """What one parser went through."""

    inputs: int = 0
    rejected: int = 0
    unhandled: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)


@dataclass
class Target:
    """One parser: how to make an input, feed it, and count typed rejections so far."""

    name: str
    make: Callable[[random.Random], bytes]
    feed: Callable[[random.Random, bytes], int]  # returns typed rejections of this input
    rejected_so_far: Callable[[], int] = lambda: 0
    close: Callable[[], Awaitable[None]] | None = None


def _stream(feed_chunk: Callable[[bytes], None]) -> Callable[[random.Random, bytes], int]:
    def feed(rng: random.Random, data: bytes) -> int:
        for piece in chunks(rng, data):
            feed_chunk(piece)
        return 0

    return feed


def _typed(check: Callable[[bytes], object]) -> Callable[[random.Random, bytes], int]:
    """A pure check: a DeviceError or ValueError is a typed rejection."""

    def feed(rng: random.Random, data: bytes) -> int:
        try:
            check(data)
        except (DeviceError, ValueError):
            return 1
        return 0

    return feed


async def _visca_camera(seed_pool: list[bytes]) -> Target:
    camera = ViscaCamera("fuzz-cam", "serial:/nonexistent/fuzz-visca")
    await camera.start()  # the port never opens; replies are fed to the bus by hand below
    bus = camera._bus
    assert bus is not None
    link = bus.link

    def rejected() -> int:
        return link.parse_errors.skipped + bus._decoder.garbage_bytes

    return Target(
        "visca replies (bus+camera)",
        lambda rng: mutate(rng, seed_pool),
        _stream(link.data_received),
        rejected,
        camera.close,
    )


def _visca_inquiries() -> Target:
    parsers = [
        replies.parse_position,
        replies.parse_zoom,
        replies.parse_power,
        replies.parse_version,
        replies.parse_max_speed,
        replies.parse_last_preset,
    ]
    datas = [bytes.fromhex(h) for h in ("010203040a0b0c0d", "01020304", "02", "00010001000102")]

    def feed(rng: random.Random, data: bytes) -> int:
        rejected = 0
        for parse in parsers:  # the camera picks one by what it asked; any may see any answer
            try:
                parse(data)
            except replies.ViscaDecodeError:
                rejected = 1
        return rejected

    return Target("visca inquiry answers", lambda rng: mutate(rng, datas), feed)


def _sony_ip() -> Target:
    link = SonyIpLink(ConnectionSpec(Transport.SONY_IP, "127.0.0.1", 9))
    decoder = replies.ReplyDecoder()

    def to_decoder(data: bytes) -> None:
        decoder.feed(data)

    link.on_data = to_decoder

    def feed(rng: random.Random, data: bytes) -> int:
        link._datagram_received(data)
        return 0

    return Target(
        "sony visca-ip framing",
        lambda rng: mutate(rng, SONY),
        feed,
        lambda: link.parse_errors.skipped,
        link.close,
    )


async def _osc_mixer() -> Target:
    sink = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sink.bind(("127.0.0.1", 0))
    mixer = X32Mixer("fuzz-desk", "127.0.0.1", sink.getsockname()[1], read_timeout=0.05)
    await mixer.start()

    def feed(rng: random.Random, data: bytes) -> int:
        mixer.datagram_received(data, ("127.0.0.1", 10023))
        return 0

    async def close() -> None:
        await mixer.close()
        sink.close()

    return Target(
        "osc (X32 mixer)",
        lambda rng: mutate(rng, OSC_DATAGRAMS),
        feed,
        lambda: mixer.parse_errors.skipped,
        close,
    )


async def _osc_emulator() -> Target:
    emulator = X32Emulator("x32", auto_talker=None)
    await emulator.start("127.0.0.1:0")
    sink = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sink.bind(("127.0.0.1", 0))
    client = sink.getsockname()

    def feed(rng: random.Random, data: bytes) -> int:
        emulator.datagram_received(data, client)
        return 0

    async def close() -> None:
        await emulator.close()
        sink.close()

    return Target(
        "osc (X32 emulator)",
        lambda rng: mutate(rng, OSC_DATAGRAMS),
        feed,
        lambda: emulator.parse_errors.skipped,
        close,
    )


class _CtrlSessions:
    """baresip's ctrl_tcp sessions: a new one after a desync, as the reconnecting reader does."""

    def __init__(self, codec: BaresipCodec) -> None:
        self.codec = codec
        self.earlier_skipped = 0
        self.conn = CtrlConnection("fuzz-sip", codec._on_event)

    def feed(self, rng: random.Random, data: bytes) -> int:
        try:
            for piece in chunks(rng, data):
                self.conn.feed(piece)
        except DeviceError:  # the stream is out of step: the reader reconnects (typed)
            self.earlier_skipped += self.conn.parse_errors.skipped
            self.conn = CtrlConnection("fuzz-sip", self.codec._on_event)
            return 1
        return 0

    def skipped(self) -> int:
        return self.earlier_skipped + self.conn.parse_errors.skipped


def _baresip() -> Target:
    sessions = _CtrlSessions(BaresipCodec("fuzz-sip", ctrl="127.0.0.1:9"))
    frames = [netstring(json.dumps(event).encode()) for event in BARESIP_EVENTS]

    def make(rng: random.Random) -> bytes:
        return mutate_json(rng, BARESIP_EVENTS) if rng.random() < 0.6 else mutate(rng, frames)

    return Target("baresip ctrl_tcp (netstring+JSON)", make, sessions.feed, sessions.skipped)


def _cisco() -> Target:
    codec = CiscoCodec("fuzz-cisco", host="127.0.0.1", port=9)
    return Target(
        "cisco xAPI lines",
        lambda rng: mutate(rng, CISCO_LINES),
        _stream(codec._on_data),
        lambda: codec.parse_errors.skipped,
    )


def _poly() -> tuple[Target, Target, Target]:
    codec = PolyCodec("fuzz-poly", host="127.0.0.1", port=9, stats_interval=3600)

    def feed_text(method: Callable[[str], None]) -> Callable[[random.Random, bytes], int]:
        def feed(rng: random.Random, data: bytes) -> int:
            method(data.decode(errors="replace"))
            return 0

        return feed

    def counted() -> int:
        return codec.parse_errors.skipped

    return (
        Target(
            "poly telnet lines",
            lambda rng: mutate(rng, POLY_LINES),
            _stream(codec._on_data),
            counted,
            codec.close,
        ),
        Target(
            "poly callinfo (session set-up)",
            lambda rng: mutate(rng, CALLINFO),
            feed_text(lambda text: codec._resync([text])),
            counted,
        ),
        Target(
            "poly netstats",
            lambda rng: mutate(rng, NETSTATS),
            feed_text(codec._on_netstats),
            counted,
        ),
    )


def _dial_strings() -> Target:
    def check(data: bytes) -> object:
        text = data.decode(errors="replace")
        validate_dial_string(text)
        format_command("xCommand", "Dial", {"Number": text})
        return dial_command(text)

    return Target("dial strings", lambda rng: mutate(rng, DIAL), _typed(check))


def _room_profile() -> Target:
    """The room profile as the console reads the file's bytes: UTF-8, TOML, every check."""
    repo = Path(__file__).resolve().parents[1]
    good = [path.read_bytes() for path in sorted((repo / "profiles").glob("*.toml"))]
    bad = [
        path.read_bytes() for path in sorted((repo / "tests/console/bad_profiles").glob("*.toml"))
    ]
    seeds = good * len(bad) + bad  # half from the shipped profiles, half from the bad corpus

    def feed(rng: random.Random, data: bytes) -> int:
        try:
            parse_profile_bytes(data, "fuzz.toml")
        except ProfileError:  # the typed refusal: file, line, field and why
            return 1
        return 0

    return Target("room profile (TOML file)", lambda rng: mutate(rng, seeds), feed)


# --- the run -------------------------------------------------------------------------------------


async def _targets(only: str | None) -> list[Target]:
    made = [
        await _visca_camera(VISCA_REPLIES),
        _visca_inquiries(),
        _sony_ip(),
        await _osc_mixer(),
        await _osc_emulator(),
        _baresip(),
        _cisco(),
        *_poly(),
        _dial_strings(),
        _room_profile(),
    ]
    return [t for t in made if only is None or only.lower() in t.name.lower()]


async def _run_one(target: Target, count: int, seed: int, loop_errors: list[str]) -> Result:
    rng = random.Random(f"{seed}:{target.name}")
    result = Result()
    before_loop = len(loop_errors)
    start = time.perf_counter()
    for index in range(count):
        data = target.make(rng)
        result.inputs += 1
        skipped = target.rejected_so_far()
        try:
            typed = target.feed(rng, data)
        except Exception as exc:  # noqa: BLE001 - exactly what the harness counts
            result.unhandled += 1
            if len(result.examples) < 3:
                result.examples.append(f"{type(exc).__name__}: {exc} <- {data[:48].hex(' ')}")
            continue
        result.rejected += 1 if typed or target.rejected_so_far() > skipped else 0
        if index % 256 == 0:
            await asyncio.sleep(0)  # let tasks the input started run (and fail, if they do)
    await asyncio.sleep(0.05)
    gc.collect()  # "Task exception was never retrieved" is reported when the task is freed
    result.seconds = time.perf_counter() - start
    loop_failures = loop_errors[before_loop:]
    result.unhandled += len(loop_failures)
    result.examples += loop_failures[: max(0, 3 - len(result.examples))]
    return result


async def run(count: int, seed: int, only: str | None) -> dict[str, Result]:
    """Fuzz every parser ``count`` times; return the results by parser name."""
    loop_errors: list[str] = []

    def on_loop_error(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        loop_errors.append(f"{context.get('message')}: {exc!r}"[:200])

    asyncio.get_running_loop().set_exception_handler(on_loop_error)
    results: dict[str, Result] = {}
    targets = await _targets(only)
    try:
        for target in targets:
            results[target.name] = await _run_one(target, count, seed, loop_errors)
    finally:
        for target in targets:
            if target.close is not None:
                await target.close()
    return results


def report(results: dict[str, Result], count: int, seed: int) -> dict[str, Any]:
    """Print the table; return the JSON summary."""
    print(f"{'parser':36} {'inputs':>9} {'rejected (typed)':>17} {'unhandled':>10} {'inputs/s':>9}")
    for name, r in results.items():
        rate = r.inputs / r.seconds if r.seconds else 0.0
        print(f"{name:36} {r.inputs:>9} {r.rejected:>17} {r.unhandled:>10} {rate:>9.0f}")
        for example in r.examples:
            print(f"    e.g. {example}")
    return {
        "bench": "fuzz",
        "per_parser": count,
        "seed": seed,
        "parsers": {
            n: {"inputs": r.inputs, "rejected": r.rejected, "unhandled": r.unhandled}
            for n, r in results.items()
        },
        "inputs": sum(r.inputs for r in results.values()),
        "unhandled": sum(r.unhandled for r in results.values()),
    }


def main() -> None:
    """Command line: ``--per-parser N [--seed S] [--only NAME]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-parser", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--only", help="run the parsers whose name contains this")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # skipped messages are the point: stay quiet
    results = asyncio.run(run(args.per_parser, args.seed, args.only))
    summary = report(results, args.per_parser, args.seed)
    print(json.dumps(summary))
    sys.exit(1 if summary["unhandled"] else 0)


if __name__ == "__main__":
    main()
