"""Sans-I/O framing of the Poly telnet API: echoes end LF CR, answers end CR LF.

The codec first echoes every command (even invalid ones), then acknowledges it; only the line
ending tells the two apart, so the framer reports which one each line is.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.dialstring import validate_dial_string
from drivers.errors import DeviceProtocolError

ECHO_END = b"\n\r"
ANSWER_END = b"\r\n"
MAX_LINE = 4096


@dataclass(frozen=True)
class PolyLine:
    """One line from the codec."""

    text: str
    echo: bool  # True: our own command echoed back (never an acknowledgement)


class PolyFramer:
    """Split the byte stream into echo and answer lines, whatever the chunking."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[PolyLine]:
        """Add bytes; return complete lines (DeviceProtocolError on an endless line)."""
        self._buffer += data
        lines: list[PolyLine] = []
        while True:
            index = min(
                (i for i in (self._buffer.find(b"\n"), self._buffer.find(b"\r")) if i >= 0),
                default=-1,
            )
            if index < 0 or index + 1 >= len(self._buffer):
                break  # need the byte after the first terminator byte to tell echo from answer
            pair = self._buffer[index : index + 2]
            text = self._buffer[:index].decode(errors="replace").strip()
            if pair in (ECHO_END, ANSWER_END):
                self._buffer = self._buffer[index + 2 :]
                if text:
                    lines.append(PolyLine(text, pair == ECHO_END))
            else:  # a lone CR or LF (prompt redraw): treat as an answer line end
                self._buffer = self._buffer[index + 1 :]
                if text:
                    lines.append(PolyLine(text, False))
        if len(self._buffer) > MAX_LINE:
            raise DeviceProtocolError("Poly line too long")
        return lines


def dial_command(dial_string: str, speed: int = 384, protocol: str | None = None) -> str:
    """Build ``dial manual <speed> "<dialstring>" [h323|sip]`` from a validated dial string."""
    validate_dial_string(dial_string)
    if protocol not in (None, "h323", "sip"):
        raise ValueError("protocol must be h323 or sip")
    if not 64 <= speed <= 20000:
        raise ValueError("call speed out of range")
    command = f'dial manual {speed} "{dial_string}"'
    return f"{command} {protocol}" if protocol else command


@dataclass(frozen=True)
class CallStatus:
    """``notification:callstatus:<dir>:<id>:<name>:<number>:<state>:<speed>:<x>:<type>``."""

    direction: str
    call_id: str
    far_name: str
    far_number: str
    state: str
    speed: str


def parse_callstatus(text: str) -> CallStatus | None:
    """Parse a callstatus notification (None if the line is something else)."""
    parts = text.split(":")
    if len(parts) < 8 or parts[:2] != ["notification", "callstatus"]:
        return None
    return CallStatus(parts[2], parts[3], parts[4], parts[5], parts[6], parts[7])
