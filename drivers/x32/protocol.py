"""Behringer X32/M32 and X-Air OSC: addresses per model, messages and meter blobs (sans-I/O).

python-osc encodes and decodes OSC packets (padding, type tags, bundles); this module only knows
which addresses the desks use and how their meter blobs are laid out. No sockets or clocks.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket, ParseError

from drivers.errors import DeviceParseError
from drivers.roles.mixer import METER_FLOOR_DB, MixerLimits, linear_to_dbfs

OscArg = int | float | str | bytes


class MeterFormat(StrEnum):
    """How a desk encodes meter values inside the ``/meters/N`` blob."""

    FLOAT_LINEAR = "float-linear"  # X32: little-endian float32, 1.0 = 0 dBFS
    INT16_DB256 = "int16-db256"  # X-Air: little-endian int16 in 1/256 dB


@dataclass(frozen=True)
class DeskModel:
    """What differs between the desk families (addresses, sizes, meter layout)."""

    key: str
    port: int
    limits: MixerLimits
    main_prefix: str  # "/main/st" (X32) or "/lr" (X-Air)
    scene_address: str  # recall a scene / snapshot by number
    meter_format: MeterFormat
    meter_values: int  # number of values in the /meters/1 blob (channels come first)
    model_name: str  # as the desk reports it in /info
    firmware: str


X32 = DeskModel(
    key="x32",
    port=10023,
    limits=MixerLimits(channels=32, mute_groups=6, scenes=100, first_scene=0),
    main_prefix="/main/st",
    scene_address="/-action/goscene",
    meter_format=MeterFormat.FLOAT_LINEAR,
    meter_values=96,  # 32 ch, 8 aux, 8 fx returns, 16 buses, 6 matrix, LR, M/C, ...
    model_name="X32",
    firmware="4.06",
)
XAIR = DeskModel(
    key="xair",
    port=10024,
    limits=MixerLimits(channels=16, mute_groups=4, scenes=64, first_scene=1),
    main_prefix="/lr",
    scene_address="/-snap/load",
    meter_format=MeterFormat.INT16_DB256,
    meter_values=40,  # 16 ch, aux L/R, 4x2 fx returns, 6 buses, 4 fx sends, LR, monitor
    model_name="XR18",
    firmware="1.17",
)
MODELS: dict[str, DeskModel] = {X32.key: X32, XAIR.key: XAIR}

XREMOTE = "/xremote"
INFO = "/info"
STATUS = "/status"
METERS = "/meters"
CHANNEL_METERS = "/meters/1"  # input levels, first values are the channels in order
SUBSCRIPTION_SECONDS = 10.0  # the desk forgets /xremote and /meters clients after this


def model(key: str) -> DeskModel:
    """Return the model for ``"x32"`` or ``"xair"``; ``ValueError`` otherwise."""
    try:
        return MODELS[key]
    except KeyError:
        raise ValueError(f"unknown desk model {key!r}; known: {', '.join(MODELS)}") from None


def channel_fader(number: int) -> str:
    """Address of a channel fader (``,f`` 0-1)."""
    return f"/ch/{number:02d}/mix/fader"


def channel_on(number: int) -> str:
    """Address of a channel's on switch (``,i`` 1 = on / open, 0 = muted)."""
    return f"/ch/{number:02d}/mix/on"


def channel_name(number: int) -> str:
    """Address of a channel's scribble-strip name (``,s``)."""
    return f"/ch/{number:02d}/config/name"


def main_fader(desk: DeskModel) -> str:
    """Address of the main fader."""
    return f"{desk.main_prefix}/mix/fader"


def main_on(desk: DeskModel) -> str:
    """Address of the main on switch."""
    return f"{desk.main_prefix}/mix/on"


def mute_group(number: int) -> str:
    """Address of a mute group switch (``,i`` 1 = engaged)."""
    return f"/config/mute/{number}"


@dataclass(frozen=True)
class Parameter:
    """One readable desk parameter: its kind and, for channels/groups, the 1-based index."""

    kind: str  # "fader", "on", "name", "main_fader", "main_on", "mute_group"
    index: int = 0


_CHANNEL = re.compile(r"^/ch/(\d\d)/(mix/fader|mix/on|config/name)$")
_CHANNEL_KINDS = {"mix/fader": "fader", "mix/on": "on", "config/name": "name"}
_MUTE_GROUP = re.compile(r"^/config/mute/(\d)$")


def classify(desk: DeskModel, address: str) -> Parameter | None:
    """Say which mixer parameter an address is (None for anything else)."""
    if match := _CHANNEL.match(address):
        number = int(match.group(1))
        if 1 <= number <= desk.limits.channels:
            return Parameter(_CHANNEL_KINDS[match.group(2)], number)
        return None
    if match := _MUTE_GROUP.match(address):
        number = int(match.group(1))
        return Parameter("mute_group", number) if 1 <= number <= desk.limits.mute_groups else None
    if address == main_fader(desk):
        return Parameter("main_fader")
    if address == main_on(desk):
        return Parameter("main_on")
    return None


def parameter_defaults(desk: DeskModel) -> dict[str, OscArg]:
    """Every readable mixer parameter of ``desk`` with a factory-default value."""
    values: dict[str, OscArg] = {}
    for number in range(1, desk.limits.channels + 1):
        values[channel_name(number)] = ""
        values[channel_fader(number)] = 0.0
        values[channel_on(number)] = 1
    values[main_fader(desk)] = 0.75
    values[main_on(desk)] = 1
    for group in range(1, desk.limits.mute_groups + 1):
        values[mute_group(group)] = 0
    return values


def encode(address: str, *args: OscArg) -> bytes:
    """Build one OSC message datagram."""
    builder = OscMessageBuilder(address=address)
    for arg in args:
        if isinstance(arg, bytes):
            builder.add_arg(arg, OscMessageBuilder.ARG_TYPE_BLOB)
        elif isinstance(arg, bool):  # python-osc would send T/F; the desks want ,i
            builder.add_arg(int(arg), OscMessageBuilder.ARG_TYPE_INT)
        else:
            builder.add_arg(arg)
    return builder.build().dgram


@dataclass(frozen=True)
class Message:
    """A decoded OSC message."""

    address: str
    args: tuple[OscArg, ...]


_TYPE_TAGS = frozenset(b"ihfdsbrmtTFN[]")  # what python-osc reads
_BUNDLE = b"#bundle\x00"


def _check_structure(datagram: bytes, depth: int = 0) -> None:
    """Refuse what python-osc would half-read with a log line of its own (DeviceParseError).

    python-osc skips an unknown type tag or an unrecognised bundle element with a warning on
    the root logger and goes on: one hostile datagram, one log line, and a message with fewer
    arguments than it says. Checked here first, such a datagram is one typed parse error.
    """
    if datagram.startswith(_BUNDLE) and depth < 4:
        position = 16  # "#bundle\0" and the 8-byte time tag
        while position < len(datagram):
            size = int.from_bytes(datagram[position : position + 4], "big")
            element = datagram[position + 4 : position + 4 + size]
            if size <= 0 or len(element) != size:
                raise DeviceParseError("OSC bundle element length does not add up")
            _check_structure(element, depth + 1)
            position += 4 + size
        return
    end = datagram.find(b"\x00")
    if not datagram.startswith(b"/") or end < 0:
        raise DeviceParseError("not an OSC message or bundle")
    tags_at = (end // 4 + 1) * 4
    if tags_at >= len(datagram):
        return  # an address alone (old OSC, e.g. "/info" typed by hand): no arguments
    tags_end = datagram.find(b"\x00", tags_at)
    if datagram[tags_at : tags_at + 1] != b"," or tags_end < 0:
        raise DeviceParseError("OSC message without a type tag string")
    if not _TYPE_TAGS.issuperset(datagram[tags_at + 1 : tags_end]):
        raise DeviceParseError("OSC message with an unknown type tag")


def decode(datagram: bytes) -> list[Message]:
    """Decode a datagram (a message or a bundle); ``DeviceParseError`` if it is not OSC."""
    _check_structure(datagram)
    # python-osc raises more than its ParseError on garbage: UnicodeDecodeError (a ValueError)
    # for an address or string that is not UTF-8, struct/index errors on odd lengths.
    try:
        packet = OscPacket(datagram)
        return [
            Message(item.message.address, tuple(item.message.params)) for item in packet.messages
        ]
    except (ParseError, ValueError, TypeError, IndexError, OverflowError, struct.error) as exc:
        raise DeviceParseError(f"not an OSC packet ({type(exc).__name__})") from exc


def encode_meter_blob(desk: DeskModel, levels_db: Sequence[float]) -> bytes:
    """Meter blob as the desk sends it: int32 LE count, then the values (LE)."""
    count = len(levels_db)
    if desk.meter_format is MeterFormat.FLOAT_LINEAR:
        values = [0.0 if db <= METER_FLOOR_DB else 10.0 ** (db / 20.0) for db in levels_db]
        return struct.pack(f"<i{count}f", count, *values)
    ticks = [max(-32768, min(32767, round(db * 256.0))) for db in levels_db]
    return struct.pack(f"<i{count}h", count, *ticks)


def decode_meter_blob(desk: DeskModel, blob: bytes) -> tuple[float, ...]:
    """Meter blob to dBFS values; ``DeviceParseError`` if the length does not add up."""
    if len(blob) < 4:
        raise DeviceParseError(f"meter blob too short: {blob.hex()}")
    (count,) = struct.unpack_from("<i", blob)
    size = 4 if desk.meter_format is MeterFormat.FLOAT_LINEAR else 2
    if count < 0 or len(blob) < 4 + count * size:
        raise DeviceParseError(f"meter blob says {count} values but has {len(blob) - 4} bytes")
    if desk.meter_format is MeterFormat.FLOAT_LINEAR:
        values = struct.unpack_from(f"<{count}f", blob, 4)
        # NaN or infinity is no level: show the floor (1.0 = 0 dBFS is the ceiling anyway)
        return tuple(linear_to_dbfs(v if math.isfinite(v) else 0.0) for v in values)
    return tuple(
        max(METER_FLOOR_DB, tick / 256.0) for tick in struct.unpack_from(f"<{count}h", blob, 4)
    )


def fader_value(value: float) -> float:
    """Check a fader position from the desk: ``DeviceParseError`` unless finite 0.0-1.0."""
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise DeviceParseError(f"fader value {value!r} not in 0.0-1.0")
    return value


def check_level(level: float) -> float:
    """``ValueError`` unless ``level`` is a fader position 0.0-1.0; returns it as float."""
    if not 0.0 <= level <= 1.0:
        raise ValueError(f"fader level {level} not in 0.0-1.0")
    return float(level)
