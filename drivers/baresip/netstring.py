"""Netstring framing (``<length>:<payload>,``) used by baresip's ctrl_tcp; sans-I/O."""

from __future__ import annotations

from drivers.errors import DeviceProtocolError

MAX_FRAME = 1 << 20  # a listcalls answer is small; anything this big is a desync


def encode(payload: bytes) -> bytes:
    """Frame ``payload`` as a netstring."""
    return b"%d:%s," % (len(payload), payload)


class NetstringDecoder:
    """Split a byte stream into netstring payloads, whatever the chunking."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        """Add received bytes; return every complete payload (DeviceProtocolError on desync)."""
        self._buffer += data
        frames: list[bytes] = []
        while True:
            frame = self._next()
            if frame is None:
                return frames
            frames.append(frame)

    def _next(self) -> bytes | None:
        """Pop one complete payload from the buffer, or None when more bytes are needed."""
        colon = self._buffer.find(b":")
        if colon < 0:
            if len(self._buffer) > 10 or (self._buffer and not self._buffer.isdigit()):
                raise DeviceProtocolError(f"bad netstring length {bytes(self._buffer[:16])!r}")
            return None
        header = bytes(self._buffer[:colon])
        if not header.isdigit() or (len(header) > 1 and header.startswith(b"0")):
            raise DeviceProtocolError(f"bad netstring length {header[:16]!r}")
        length = int(header)
        if length > MAX_FRAME:
            raise DeviceProtocolError(f"netstring of {length} bytes is too long")
        end = colon + 1 + length
        if len(self._buffer) <= end:
            return None
        if self._buffer[end : end + 1] != b",":
            raise DeviceProtocolError("netstring not terminated by ','")
        payload = bytes(self._buffer[colon + 1 : end])
        del self._buffer[: end + 1]
        return payload
