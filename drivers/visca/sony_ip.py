"""Sony VISCA-over-IP framing (UDP 52381): 8-byte header in front of each VISCA packet.

Header, big-endian: payload type (2) | payload length (2, 1-16) | sequence number (4).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import IntEnum

from drivers.visca.commands import MAX_PACKET
from drivers.visca.replies import ViscaDecodeError

SONY_HEADER = struct.Struct(">HHI")
SEQUENCE_MAX = 0xFFFFFFFF

CONTROL_RESET = b"\x01"  # control command: reset the sequence number to 0
CONTROL_ERROR_SEQUENCE = b"\x0f\x01"  # camera -> controller: abnormal sequence number
CONTROL_ERROR_MESSAGE = b"\x0f\x02"  # camera -> controller: abnormal message type


class SonyPayloadType(IntEnum):
    """The first two header bytes."""

    COMMAND = 0x0100
    INQUIRY = 0x0110
    REPLY = 0x0111
    DEVICE_SETTING = 0x0120
    CONTROL = 0x0200
    CONTROL_REPLY = 0x0201


@dataclass(frozen=True)
class SonyFrame:
    """One datagram: type, sequence number and the VISCA packet (or control bytes)."""

    payload_type: SonyPayloadType
    sequence: int
    payload: bytes


def sony_frame(payload_type: SonyPayloadType, payload: bytes, sequence: int) -> bytes:
    """Wrap ``payload`` in the Sony header."""
    if not 1 <= len(payload) <= MAX_PACKET:
        raise ValueError(f"Sony VISCA payload of {len(payload)} bytes; expected 1..16")
    if not 0 <= sequence <= SEQUENCE_MAX:
        raise ValueError(f"sequence number {sequence} outside 0..{SEQUENCE_MAX}")
    return SONY_HEADER.pack(payload_type, len(payload), sequence) + payload


def parse_sony_frame(datagram: bytes) -> SonyFrame:
    """Split a datagram; ``ViscaDecodeError`` (a DeviceProtocolError and ValueError) if bad."""
    if len(datagram) < SONY_HEADER.size + 1:
        raise ViscaDecodeError(f"Sony VISCA datagram too short: {datagram.hex(' ')}")
    kind, length, sequence = SONY_HEADER.unpack_from(datagram)
    try:
        payload_type = SonyPayloadType(kind)
    except ValueError:
        raise ViscaDecodeError(f"unknown Sony VISCA payload type {kind:04x}") from None
    payload = datagram[SONY_HEADER.size :]
    if length != len(payload) or not 1 <= length <= MAX_PACKET:
        raise ViscaDecodeError(f"Sony VISCA length field {length} but {len(payload)} payload bytes")
    return SonyFrame(payload_type, sequence, bytes(payload))


def next_sequence(sequence: int) -> int:
    """Return the sequence number after ``sequence`` (wraps at 2**32)."""
    return (sequence + 1) & SEQUENCE_MAX
