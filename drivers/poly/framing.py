"""Sans-I/O framing of the Poly telnet API: echoes end LF CR, answers end CR LF.

The codec first echoes every command (even invalid ones), then acknowledges it; only the line
ending tells the two apart, so the framer reports which one each line is. Lines are colon
separated, but names and numbers may hold colons (``sip:x@y``, ``10.0.0.5:5060``): fields are
anchored at both ends of a line, never counted from the left only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drivers.dialstring import validate_dial_string
from drivers.errors import DeviceParseError

ECHO_END = b"\n\r"
ANSWER_END = b"\r\n"
MAX_LINE = 4096  # longer lines are dropped; the stream resyncs at the next line end
_SCHEMES = ("sip", "sips", "h323", "tel")
_NETSTATS_RE = re.compile(
    r"txrate:(\d{1,9}) K rxrate:(\d{1,9}) K .*%pktloss:(\d{1,3}(?:\.\d{1,6})?) %"
)


@dataclass(frozen=True)
class PolyLine:
    """One line from the codec."""

    text: str
    echo: bool  # True: our own command echoed back (never an acknowledgement)


class PolyFramer:
    """Split the byte stream into echo and answer lines, whatever the chunking."""

    def __init__(self, on_overlong: Callable[[bytes], None] | None = None) -> None:
        self._buffer = b""
        self._on_overlong = on_overlong
        self._discarding = False  # inside an over-long line: skip to the next line end
        self.dropped = 0

    def feed(self, data: bytes) -> list[PolyLine]:
        """Add bytes; return complete lines (an over-long line is dropped, then resynced)."""
        if self._discarding:
            ends = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
            if not ends:
                return []
            self._discarding = False
            data = data[min(ends) :]
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
            text = self._buffer[:index]
            if pair in (ECHO_END, ANSWER_END):
                self._buffer = self._buffer[index + 2 :]
            else:  # a lone CR or LF (prompt redraw): treat as an answer line end
                self._buffer = self._buffer[index + 1 :]
            if len(text) > MAX_LINE:
                self._drop(text)
            elif line := text.decode(errors="replace").strip():
                lines.append(PolyLine(line, pair == ECHO_END))
        if len(self._buffer) > MAX_LINE:
            self._drop(self._buffer)
            self._buffer = b""
            self._discarding = True
        return lines

    def _drop(self, text: bytes) -> None:
        self.dropped += 1
        if self._on_overlong is not None:
            self._on_overlong(text[:MAX_LINE])


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


@dataclass(frozen=True)
class CallInfoLine:
    """``callinfo:<id>:<name>:<number>:<speed>:<state>:<muted>:<direction>:<type>``."""

    call_id: str
    far_name: str
    far_number: str
    state: str
    direction: str


@dataclass(frozen=True)
class NetStats:
    """The figures we use from a ``netstats`` answer."""

    tx_kbps: float
    rx_kbps: float
    loss_percent: float


def parse_callstatus(text: str) -> CallStatus | None:
    """Parse a callstatus notification (None: another line; DeviceParseError: malformed)."""
    if not text.startswith("notification:callstatus:"):
        return None
    parts = text.split(":")
    if len(parts) < 10:
        raise DeviceParseError(f"callstatus with {len(parts)} fields, expected 10")
    name, number = _far_end(parts[4:-4])
    state, speed = parts[-4], parts[-3]
    return CallStatus(parts[2], _call_id(parts[3]), name, number, state, speed)


def parse_callinfo(text: str) -> CallInfoLine:
    """Parse one ``callinfo:`` line of ``callinfo all`` (DeviceParseError if malformed)."""
    parts = text.split(":")
    if len(parts) < 9 or parts[0] != "callinfo":
        raise DeviceParseError(f"callinfo with {len(parts)} fields, expected 9")
    name, number = _far_end(parts[2:-5])
    return CallInfoLine(_call_id(parts[1]), name, number, parts[-4], parts[-2])


def parse_netstats(text: str) -> NetStats:
    """Parse ``call:43 txrate:384 K rxrate:384 K pktloss:0 %pktloss:0.0 % …``."""
    match = _NETSTATS_RE.search(text)
    if match is None:
        raise DeviceParseError("netstats answer not understood")
    return NetStats(float(match[1]), float(match[2]), min(100.0, float(match[3])))


def _call_id(text: str) -> str:
    if not text.isascii() or not text.isdigit():
        raise DeviceParseError(f"call id {text[:20]!r} is not a number")
    return text


def _far_end(parts: list[str]) -> tuple[str, str]:
    """Split ``name:number`` where both may hold colons: the likeliest cut wins.

    Likeliest: the name is the number or its user part (what the codec shows for a dialled
    address), then a number that starts with a URI scheme, then two halves of equal size.
    """
    count = len(parts)

    def score(cut: int) -> tuple[bool, bool, int]:
        name, number = ":".join(parts[:cut]), ":".join(parts[cut:])
        same = name in (number, number.split("@")[0])
        return same, parts[cut].lower() in _SCHEMES, -abs(count - 2 * cut)

    cut = max(range(1, count), key=score)
    return ":".join(parts[:cut]), ":".join(parts[cut:])
