"""VISCA commands and inquiries as data: one pattern table serves encoding and decoding.

Patterns are written as in the Sony manuals (shared/protocols/visca.md), bytes between the
header byte and the ``FF`` terminator:

- ``04`` two upper-case hex digits: a literal byte;
- ``2p`` hex digit + lower-case letter: high nibble fixed, low nibble is field ``p``;
- ``VV`` the same upper-case letter (G-Z) twice: a whole byte is field ``V``;
- ``0Y 0Y 0Y 0Y`` repeated ``0`` + upper-case letter: a nibble-coded number, most significant
  nibble first (positions; signed values are two's complement).

The emulator decodes controller packets with the same table (``parse_packet``), so encoder and
decoder cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from drivers.roles.camera import PanTiltDirection

TERMINATOR = 0xFF
MAX_PACKET = 16  # header + up to 14 message bytes + FF
BROADCAST_HEADER = 0x88

PAN_TILT_SPEED_MAX = 0x18  # widest VISCA range (BRC-H700); per-model limits are CameraLimits
VARIABLE_SPEED_MAX = 7  # zoom/focus "p" speed 0-7
PRESET_MAX = 0xFE  # third-party cameras take a whole byte; FF would be the terminator


class PresetAction(IntEnum):
    """The preset operation byte in ``01 04 3F 0x PP``."""

    RESET = 0
    SET = 1
    RECALL = 2


class WhiteBalanceMode(IntEnum):
    """White balance mode byte in ``01 04 35 0x``."""

    AUTO = 0
    INDOOR = 1
    OUTDOOR = 2
    ONE_PUSH = 3
    ATW = 4
    MANUAL = 5


class ExposureMode(IntEnum):
    """Exposure (AE) mode byte in ``01 04 39 xx``."""

    AUTO = 0x00  # full auto
    MANUAL = 0x03
    SHUTTER = 0x0A  # shutter priority
    IRIS = 0x0B  # iris priority
    BRIGHT = 0x0D


# Pan-tilt drive direction bytes: (pan, tilt) with 01 = left/up, 02 = right/down, 03 = stop.
_DRIVE_CODES: dict[PanTiltDirection | None, str] = {
    PanTiltDirection.UP: "03 01",
    PanTiltDirection.DOWN: "03 02",
    PanTiltDirection.LEFT: "01 03",
    PanTiltDirection.RIGHT: "02 03",
    PanTiltDirection.UP_LEFT: "01 01",
    PanTiltDirection.UP_RIGHT: "02 01",
    PanTiltDirection.DOWN_LEFT: "01 02",
    PanTiltDirection.DOWN_RIGHT: "02 02",
    None: "03 03",
}


def drive_name(direction: PanTiltDirection | None) -> str:
    """Table name of a pan-tilt drive command (``pan_tilt_stop`` for None)."""
    return "pan_tilt_stop" if direction is None else "pan_tilt_" + direction.name.lower()


# name -> pattern. Names starting "inq_" are inquiries (second byte 09).
TABLE: dict[str, str] = {
    "power_on": "01 04 00 02",
    "power_standby": "01 04 00 03",
    "zoom_stop": "01 04 07 00",
    "zoom_tele": "01 04 07 02",
    "zoom_wide": "01 04 07 03",
    "zoom_tele_variable": "01 04 07 2p",
    "zoom_wide_variable": "01 04 07 3p",
    "zoom_direct": "01 04 47 0Q 0Q 0Q 0Q",
    "focus_stop": "01 04 08 00",
    "focus_far": "01 04 08 02",
    "focus_near": "01 04 08 03",
    "focus_far_variable": "01 04 08 2p",
    "focus_near_variable": "01 04 08 3p",
    "focus_direct": "01 04 48 0Q 0Q 0Q 0Q",
    "focus_auto": "01 04 38 02",
    "focus_manual": "01 04 38 03",
    "focus_toggle": "01 04 38 10",
    "focus_one_push": "01 04 18 01",
    **{drive_name(d): f"01 06 01 VV WW {code}" for d, code in _DRIVE_CODES.items()},
    "pan_tilt_absolute": "01 06 02 VV WW 0Y 0Y 0Y 0Y 0Z 0Z 0Z 0Z",
    "pan_tilt_relative": "01 06 03 VV WW 0Y 0Y 0Y 0Y 0Z 0Z 0Z 0Z",
    "home": "01 06 04",
    "reset": "01 06 05",
    **{f"preset_{a.name.lower()}": f"01 04 3F {a.value:02X} PP" for a in PresetAction},
    **{f"wb_{m.name.lower()}": f"01 04 35 {m.value:02X}" for m in WhiteBalanceMode},
    "wb_one_push_trigger": "01 04 10 05",
    "backlight_on": "01 04 33 02",
    "backlight_off": "01 04 33 03",
    **{f"exposure_{m.name.lower()}": f"01 04 39 {m.value:02X}" for m in ExposureMode},
    "if_clear": "01 00 01",
    "cancel": "2s",
    "inq_power": "09 04 00",
    "inq_zoom": "09 04 47",
    "inq_focus_position": "09 04 48",
    "inq_focus_mode": "09 04 38",
    "inq_position": "09 06 12",
    "inq_max_speed": "09 06 11",
    "inq_version": "09 00 02",
    "inq_last_preset": "09 04 3F",
}

_LITERAL = re.compile(r"[0-9A-F]{2}")
_NIBBLE = re.compile(r"[0-9A-F][a-z]")
_BYTE = re.compile(r"([G-Z])\1")
_DIGIT = re.compile(r"0[G-Z]")


@dataclass(frozen=True)
class _Token:
    """One byte of a pattern: literal, low-nibble field, whole-byte field or number digit."""

    kind: str  # "lit" | "nib" | "byte" | "digit"
    value: int = 0  # literal byte, or fixed high nibble for "nib"
    name: str = ""


def _compile(pattern: str) -> tuple[_Token, ...]:
    """Turn a pattern string into tokens; ``ValueError`` on a typo in the table."""
    tokens = []
    for text in pattern.split():
        if _LITERAL.fullmatch(text):
            tokens.append(_Token("lit", int(text, 16)))
        elif _NIBBLE.fullmatch(text):
            tokens.append(_Token("nib", int(text[0], 16) << 4, text[1]))
        elif _BYTE.fullmatch(text):
            tokens.append(_Token("byte", name=text[0]))
        elif _DIGIT.fullmatch(text):
            tokens.append(_Token("digit", name=text[1]))
        else:
            raise ValueError(f"bad VISCA pattern token {text!r} in {pattern!r}")
    return tuple(tokens)


_COMPILED: dict[str, tuple[_Token, ...]] = {name: _compile(p) for name, p in TABLE.items()}


def _field_widths(tokens: tuple[_Token, ...]) -> dict[str, int]:
    """Maximum value of each field of a pattern."""
    digits: dict[str, int] = {}
    widths: dict[str, int] = {}
    for token in tokens:
        if token.kind == "nib":
            widths[token.name] = 0x0F
        elif token.kind == "byte":
            widths[token.name] = 0xFE  # FF is the terminator
        elif token.kind == "digit":
            digits[token.name] = digits.get(token.name, 0) + 1
    widths.update({name: (1 << (4 * n)) - 1 for name, n in digits.items()})
    return widths


def encode(name: str, **fields: int) -> bytes:
    """Message bytes of table entry ``name`` with its fields filled in (range-checked)."""
    tokens = _COMPILED[name]
    widths = _field_widths(tokens)
    if set(fields) != set(widths):
        raise ValueError(f"{name} needs fields {sorted(widths)}, got {sorted(fields)}")
    for key, value in fields.items():
        if not 0 <= value <= widths[key]:
            raise ValueError(f"{name}: field {key}={value} outside 0..{widths[key]}")
    remaining = {key: sum(t.name == key for t in tokens if t.kind == "digit") for key in fields}
    out = bytearray()
    for token in tokens:
        if token.kind == "lit":
            out.append(token.value)
        elif token.kind == "nib":
            out.append(token.value | fields[token.name])
        elif token.kind == "byte":
            out.append(fields[token.name])
        else:
            remaining[token.name] -= 1
            out.append((fields[token.name] >> (4 * remaining[token.name])) & 0x0F)
    return bytes(out)


def match(payload: bytes) -> tuple[str, dict[str, int]] | None:
    """Find the table entry whose pattern matches ``payload``; return its name and fields."""
    for name, tokens in _COMPILED.items():
        fields = _match_tokens(tokens, payload)
        if fields is not None:
            return name, fields
    return None


def _match_tokens(tokens: tuple[_Token, ...], payload: bytes) -> dict[str, int] | None:
    """Fields of ``payload`` if it fits ``tokens``, else None."""
    if len(tokens) != len(payload):
        return None
    fields: dict[str, int] = {}
    for token, byte in zip(tokens, payload, strict=True):
        if token.kind == "lit":
            if byte != token.value:
                return None
        elif token.kind == "nib":
            if byte & 0xF0 != token.value:
                return None
            fields[token.name] = byte & 0x0F
        elif token.kind == "byte":
            fields[token.name] = byte
        else:
            if byte > 0x0F:
                return None
            fields[token.name] = (fields.get(token.name, 0) << 4) | byte
    return fields


@dataclass(frozen=True)
class Command:
    """A VISCA message for one camera: the bytes between header and ``FF``."""

    name: str
    payload: bytes
    inquiry: bool = False

    def packet(self, address: int = 1) -> bytes:
        """Return the packet on the wire for camera ``address`` (1-7): ``8x … FF``."""
        if not 1 <= address <= 7:
            raise ValueError(f"VISCA address {address} outside 1..7")
        return bytes([0x80 | address]) + self.payload + bytes([TERMINATOR])


def build(name: str, **fields: int) -> Command:
    """Build a ``Command`` from the table by name (``inq_*`` names are inquiries)."""
    return Command(name, encode(name, **fields), inquiry=name.startswith("inq_"))


def to_signed(value: int, bits: int = 16) -> int:
    """Two's complement ``value`` of ``bits`` width as a Python int."""
    return value - (1 << bits) if value & (1 << (bits - 1)) else value


def from_signed(value: int, bits: int = 16) -> int:
    """Encode a signed int as ``bits``-wide two's complement; ``ValueError`` if out of range."""
    low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    if not low <= value <= high:
        raise ValueError(f"position {value} outside {low}..{high}")
    return value & ((1 << bits) - 1)


@dataclass(frozen=True)
class ParsedCommand:
    """A controller packet as the emulator sees it (``name`` None = not in the table)."""

    header: int
    payload: bytes
    name: str | None = None
    fields: Mapping[str, int] = field(default_factory=dict)

    @property
    def broadcast(self) -> bool:
        """True for ``88 …`` packets (AddressSet, IF_Clear broadcast)."""
        return self.header == BROADCAST_HEADER

    @property
    def address(self) -> int:
        """Camera address 1-7 (0 = the controller's own address; 8 = broadcast)."""
        return self.header & 0x0F

    @property
    def inquiry(self) -> bool:
        """True for inquiries (second byte 09): answered directly, no socket used."""
        return self.payload[:1] == b"\x09"


def parse_packet(packet: bytes) -> ParsedCommand | None:
    """Decode a whole controller packet ``8x … FF``; None if it is not one."""
    if len(packet) < 2 or packet[-1] != TERMINATOR or packet[0] & 0xF0 != 0x80:
        return None
    payload = bytes(packet[1:-1])
    found = match(payload)
    if found is None:
        return ParsedCommand(packet[0], payload)
    return ParsedCommand(packet[0], payload, found[0], found[1])
