"""Camera side of Sony's VISCA-over-IP framing: sequence numbers, RESET, error replies.

Sony's delivery rules (SRG/BRC manuals): replies echo the request's sequence number; a request
repeating the last sequence number it already ran is not run again but answered with control
error ``0F 01`` (so a controller retransmitting after a lost ACK learns it already ran); RESET
(control ``01``) forgets the sequence number and is acknowledged with control reply ``01``; a
payload type a camera does not take gets ``0F 02``.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable

from drivers.visca.replies import ViscaDecodeError
from drivers.visca.sony_ip import (
    CONTROL_ERROR_MESSAGE,
    CONTROL_ERROR_SEQUENCE,
    CONTROL_RESET,
    SONY_HEADER,
    SonyPayloadType,
    parse_sony_frame,
    sony_frame,
)

_LOGGER = logging.getLogger(__name__)

_VISCA_TYPES = (SonyPayloadType.COMMAND, SonyPayloadType.INQUIRY, SonyPayloadType.DEVICE_SETTING)


class SonySession:
    """Per-peer sequence bookkeeping for one emulated IP camera."""

    def __init__(self) -> None:
        self._last: dict[Hashable, int] = {}

    def receive(self, datagram: bytes, peer: Hashable) -> tuple[bytes | None, int, list[bytes]]:
        """Return (VISCA packet to run or None, its sequence number, datagrams to answer now)."""
        try:
            frame = parse_sony_frame(datagram)
        except ViscaDecodeError as exc:
            _LOGGER.debug("emulator visca-ip: bad datagram from %s: %s", peer, exc)
            if len(datagram) < SONY_HEADER.size:
                return None, 0, []
            sequence = int.from_bytes(datagram[4:8], "big")
            return None, sequence, [self.error(CONTROL_ERROR_MESSAGE, sequence)]
        sequence = frame.sequence
        if frame.payload_type is SonyPayloadType.CONTROL and frame.payload == CONTROL_RESET:
            self._last.pop(peer, None)
            reply = sony_frame(SonyPayloadType.CONTROL_REPLY, CONTROL_RESET, sequence)
            return None, sequence, [reply]
        if frame.payload_type not in _VISCA_TYPES:
            return None, sequence, [self.error(CONTROL_ERROR_MESSAGE, sequence)]
        if self._last.get(peer) == sequence:
            return None, sequence, [self.error(CONTROL_ERROR_SEQUENCE, sequence)]
        self._last[peer] = sequence
        return frame.payload, sequence, []

    @staticmethod
    def wrap(packet: bytes, sequence: int) -> bytes:
        """Wrap a VISCA reply packet in a Sony REPLY datagram."""
        return sony_frame(SonyPayloadType.REPLY, packet, sequence)

    @staticmethod
    def error(code: bytes, sequence: int) -> bytes:
        """Build a camera-sent control error (``02 00`` type, payload ``0F 0y``)."""
        return sony_frame(SonyPayloadType.CONTROL, code, sequence)
