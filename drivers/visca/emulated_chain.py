"""A daisy chain of emulated cameras on one VISCA line: routing, AddressSet, IF_Clear."""

from __future__ import annotations

import logging
from collections.abc import Hashable

from drivers.visca.commands import BROADCAST_HEADER, TERMINATOR
from drivers.visca.emulated_camera import EmulatedCamera, Routed
from drivers.visca.replies import CommandDecoder

_LOGGER = logging.getLogger(__name__)

MAX_CAMERAS = 7


class CameraChain:
    """Cameras in chain order; packets for an address nobody has are lost, as on a real line."""

    def __init__(self, cameras: list[EmulatedCamera]) -> None:
        if not 1 <= len(cameras) <= MAX_CAMERAS:
            raise ValueError(f"a VISCA chain has 1..{MAX_CAMERAS} cameras, not {len(cameras)}")
        self.cameras = cameras
        self._decoders: dict[Hashable, CommandDecoder] = {}

    def receive(self, data: bytes, origin: Hashable = None) -> list[bytes]:
        """Bytes from a controller (any chunking) -> immediate reply packets for it."""
        decoder = self._decoders.setdefault(origin, CommandDecoder())
        replies: list[bytes] = []
        for packet in decoder.feed(data):
            replies += self.handle_packet(packet, origin)
        return replies

    def forget(self, origin: Hashable) -> None:
        """Drop the half-received packet of a sender that went away."""
        self._decoders.pop(origin, None)

    def handle_packet(self, packet: bytes, origin: Hashable = None) -> list[bytes]:
        """One whole controller packet -> immediate replies."""
        if packet[0] == BROADCAST_HEADER:
            return self._broadcast(packet)
        for camera in self.cameras:
            if camera.address == packet[0] & 0x0F:
                return camera.handle(packet, origin)
        _LOGGER.debug("no emulated camera at address %d", packet[0] & 0x0F)
        return []

    def poll(self) -> list[Routed]:
        """Completions that have fallen due on any camera."""
        routed: list[Routed] = []
        for camera in self.cameras:
            routed += camera.poll()
        return routed

    def next_due(self) -> float | None:
        """Clock time of the next Completion on any camera."""
        due = [t for t in (c.next_due() for c in self.cameras) if t is not None]
        return min(due, default=None)

    def _broadcast(self, packet: bytes) -> list[bytes]:
        body = packet[1:-1]
        for camera in self.cameras:
            camera.commands_received.append(bytes(packet))
        replies_wired = any(camera.limits.replies for camera in self.cameras)
        if len(body) == 2 and body[0] == 0x30:
            # 88 30 0w FF: each camera takes w and passes w + 1 on; the last one answers.
            address = body[1]
            for camera in self.cameras:
                camera.address = min(address, MAX_CAMERAS)
                address += 1
            reply = bytes([BROADCAST_HEADER, 0x30, min(address, 8), TERMINATOR])
            return [reply] if replies_wired else []
        if body == b"\x01\x00\x01":
            for camera in self.cameras:
                camera.clear()
            return [bytes(packet)] if replies_wired else []  # IF_Clear comes back unchanged
        return []
