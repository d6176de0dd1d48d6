"""VISCA replies: typed reply values, stream framing with resync, inquiry data parsers.

Decisions (documented for the camera driver):
- ``90 50 FF`` (the answer to a one-camera IF_Clear ``81 01 00 01 FF``) decodes as
  ``Completion(1, 0, b"")``; the decoder cannot tell it from an empty socket-0 completion, the
  camera knows what it asked.
- ``88 01 00 01 FF`` (the IF_Clear broadcast coming back round the chain) decodes as
  ``IfClearReply(None)``; a camera echoing it with its own header ``y0 01 00 01 FF`` gives
  ``IfClearReply(y - 8)``.
- Controller packets (``8x`` other than the ``88`` broadcasts) seen on the reply line are garbage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from drivers.errors import DeviceProtocolError
from drivers.visca.commands import BROADCAST_HEADER, MAX_PACKET, TERMINATOR, to_signed


class ViscaDecodeError(DeviceProtocolError, ValueError):
    """Bytes that do not fit the protocol (both a DeviceProtocolError and a ValueError)."""


class ViscaErrorCode(IntEnum):
    """The error byte in ``y0 6z EE FF``; unknown codes become ``UNKNOWN_xx`` members."""

    MESSAGE_LENGTH = 0x01
    SYNTAX = 0x02
    BUFFER_FULL = 0x03
    CANCELED = 0x04
    NO_SOCKET = 0x05
    NOT_EXECUTABLE = 0x41

    @classmethod
    def _missing_(cls, value: object) -> ViscaErrorCode | None:
        # Vendors add codes; keep them typed instead of dropping the reply.
        if not isinstance(value, int) or not 0 <= value <= 0xFE:
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value:02X}"
        member._value_ = value
        return member


@dataclass(frozen=True)
class Ack:
    """``y0 4z FF``: the command was accepted into socket z."""

    address: int
    socket: int


@dataclass(frozen=True)
class Completion:
    """``y0 5z … FF``: socket z finished; an inquiry answer has socket 0 and data."""

    address: int
    socket: int
    data: bytes = b""


@dataclass(frozen=True)
class ErrorReply:
    """``y0 6z EE FF``: an error for socket z (0 when no socket was involved)."""

    address: int
    socket: int
    code: ViscaErrorCode


@dataclass(frozen=True)
class AddressSetReply:
    """``88 30 0w FF``: w is the last camera's address + 1."""

    next_address: int


@dataclass(frozen=True)
class NetworkChange:
    """``y0 38 FF``: a camera was plugged/unplugged on the chain; re-address."""

    address: int


@dataclass(frozen=True)
class IfClearReply:
    """IF_Clear coming back: broadcast echo (address None) or a camera's echo."""

    address: int | None


Reply = Ack | Completion | ErrorReply | AddressSetReply | NetworkChange | IfClearReply


def is_reply_header(byte: int) -> bool:
    """Tell whether ``byte`` starts a reply: ``88`` or ``90``-``F0`` (camera 1-7)."""
    return byte == BROADCAST_HEADER or (byte >= 0x90 and byte & 0x0F == 0)


def is_command_header(byte: int) -> bool:
    """Tell whether ``byte`` starts a controller packet (``80``-``88``)."""
    return 0x80 <= byte <= BROADCAST_HEADER


def parse_reply(packet: bytes) -> Reply | None:
    """Decode one whole reply packet (header … FF); None if it is not a valid reply."""
    if len(packet) < 3 or packet[-1] != TERMINATOR or not is_reply_header(packet[0]):
        return None
    body = packet[1:-1]
    if packet[0] == BROADCAST_HEADER:
        if len(body) == 2 and body[0] == 0x30 and 1 <= body[1] <= 8:
            return AddressSetReply(body[1])
        return IfClearReply(None) if body == b"\x01\x00\x01" else None
    address = (packet[0] >> 4) - 8
    kind, socket = body[0] & 0xF0, body[0] & 0x0F
    if kind == 0x40 and len(body) == 1:
        return Ack(address, socket)
    if kind == 0x50:
        return Completion(address, socket, bytes(body[1:]))
    if kind == 0x60 and len(body) == 2:
        return ErrorReply(address, socket, ViscaErrorCode(body[1]))
    if body == b"\x38":
        return NetworkChange(address)
    if body == b"\x01\x00\x01":
        return IfClearReply(address)
    return None


class _Framer:
    """Cuts a byte stream into ``header … FF`` packets, resyncing on FF.

    Skips bytes outside a packet that cannot start one; discards packets over 16 bytes.
    """

    def __init__(self, is_header: Callable[[int], bool]) -> None:
        self._is_header = is_header
        self._packet = bytearray()
        self._overlong = False  # discarding until the next FF
        self.garbage_bytes = 0

    def feed(self, data: bytes) -> list[bytes]:
        """Return the whole packets completed by ``data``."""
        packets: list[bytes] = []
        for byte in data:
            if self._overlong:
                self.garbage_bytes += 1
                self._overlong = byte != TERMINATOR
            elif not self._packet:
                if self._is_header(byte):
                    self._packet.append(byte)
                else:
                    self.garbage_bytes += 1
            else:
                self._packet.append(byte)
                if byte == TERMINATOR:
                    packets.append(bytes(self._packet))
                    self._packet.clear()
                elif len(self._packet) >= MAX_PACKET:
                    # 16 bytes and still no FF: not a VISCA packet; skip to the next FF.
                    self.garbage_bytes += len(self._packet)
                    self._packet.clear()
                    self._overlong = True
        return packets

    def reset(self) -> None:
        """Forget a half-received packet (e.g. after the link reconnects)."""
        self._packet.clear()
        self._overlong = False


class ReplyDecoder:
    """Camera-to-controller stream decoder: any chunking, skips garbage, resyncs on FF."""

    def __init__(self) -> None:
        self._framer = _Framer(is_reply_header)
        self._unparsed = 0

    @property
    def garbage_bytes(self) -> int:
        """Bytes skipped so far (noise, unknown or over-long packets)."""
        return self._framer.garbage_bytes + self._unparsed

    def feed(self, data: bytes) -> list[Reply]:
        """Typed replies completed by ``data``."""
        replies: list[Reply] = []
        for packet in self._framer.feed(data):
            reply = parse_reply(packet)
            if reply is None:
                self._unparsed += len(packet)
            else:
                replies.append(reply)
        return replies

    def reset(self) -> None:
        """Forget a half-received packet."""
        self._framer.reset()


class CommandDecoder:
    """Controller-to-camera stream decoder for emulators: whole ``8x … FF`` packets."""

    def __init__(self) -> None:
        self._framer = _Framer(is_command_header)

    @property
    def garbage_bytes(self) -> int:
        """Bytes skipped so far."""
        return self._framer.garbage_bytes

    def feed(self, data: bytes) -> list[bytes]:
        """Whole packets completed by ``data``."""
        return self._framer.feed(data)


# --- inquiry answers (the data of a socket-0 Completion) -------------------------------------


@dataclass(frozen=True)
class VersionInfo:
    """``90 50 GG GG HH HH JJ JJ KK FF``: vendor, model, ROM version, number of sockets."""

    vendor: int
    model: int
    rom: int
    max_socket: int


def _expect(data: bytes, length: int, what: str) -> None:
    if len(data) != length:
        raise ViscaDecodeError(f"{what} answer {data.hex(' ')!r}: expected {length} bytes")


def _nibbles(data: bytes, what: str) -> int:
    """Nibble-coded number ``0p 0q 0r 0s`` -> int."""
    value = 0
    for byte in data:
        if byte > 0x0F:
            raise ViscaDecodeError(f"{what} answer {data.hex(' ')!r}: not nibble-coded")
        value = (value << 4) | byte
    return value


def _on_off(data: bytes, what: str) -> bool:
    """``02`` -> True, ``03`` -> False."""
    _expect(data, 1, what)
    if data[0] not in (2, 3):
        raise ViscaDecodeError(f"{what} answer {data.hex(' ')!r}: expected 02 or 03")
    return data[0] == 2


def parse_power(data: bytes) -> bool:
    """Power inquiry: True = on, False = standby."""
    return _on_off(data, "power")


def parse_focus_auto(data: bytes) -> bool:
    """Focus mode inquiry: True = auto focus."""
    return _on_off(data, "focus mode")


def parse_zoom(data: bytes) -> int:
    """Zoom (or focus) position inquiry: 4 nibbles."""
    _expect(data, 4, "zoom")
    return _nibbles(data, "zoom")


def parse_position(data: bytes) -> tuple[int, int]:
    """Pan-tilt position: signed (pan, tilt); 9 bytes = 5-nibble pan (BRC-H700/BRC-300)."""
    if len(data) not in (8, 9):
        raise ViscaDecodeError(f"position answer {data.hex(' ')!r}: expected 8 or 9 bytes")
    pan_digits = len(data) - 4
    pan = _nibbles(data[:pan_digits], "position")
    tilt = _nibbles(data[pan_digits:], "position")
    return to_signed(pan, 4 * pan_digits), to_signed(tilt, 16)


def parse_max_speed(data: bytes) -> tuple[int, int]:
    """Pan-tilt max speed inquiry: (pan, tilt)."""
    _expect(data, 2, "max speed")
    return data[0], data[1]


def parse_version(data: bytes) -> VersionInfo:
    """Version inquiry."""
    _expect(data, 7, "version")
    return VersionInfo(
        int.from_bytes(data[0:2], "big"),
        int.from_bytes(data[2:4], "big"),
        int.from_bytes(data[4:6], "big"),
        data[6],
    )


def parse_last_preset(data: bytes) -> int:
    """Last recalled preset number."""
    _expect(data, 1, "last preset")
    return data[0]
