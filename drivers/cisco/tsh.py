"""Sans-I/O pieces of the Cisco xAPI terminal (TSH): command lines out, typed lines in.

Output in terminal mode is line based (CR LF): ``*s`` status, ``*e`` event and ``*r`` result
lines, a block closed by ``** end``, and every command closed by ``OK`` or ``ERROR``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

from drivers.errors import DeviceParseError

_FORBIDDEN = ('"', "\r", "\n", "\\")
MAX_LINE = 4096  # longer lines are dropped (the stream resyncs at the next newline)
_INTEGER = re.compile(r"-?[0-9]{1,18}")


class LineKind(StrEnum):
    """What a TSH output line is."""

    STATUS = "*s"
    EVENT = "*e"
    RESULT = "*r"
    END = "** end"
    OK = "OK"
    ERROR = "ERROR"
    OTHER = "other"  # banner, echo, blank


@dataclass(frozen=True)
class TshLine:
    """One parsed output line: ``*s Call 2 Status: Connected`` -> path, value."""

    kind: LineKind
    path: tuple[str, ...] = ()
    value: str = ""


def format_command(verb: str, path: str, params: dict[str, str | int] | None = None) -> str:
    """Build ``xCommand Dial Number: "x" CallRate: 768`` (ValueError on an unsafe value)."""
    parts = [verb, path]
    for key, value in (params or {}).items():
        text = str(value)
        if any(ch in text for ch in _FORBIDDEN) or not text.isprintable():
            raise ValueError(f"unsafe characters in {key}")  # would inject terminal commands
        parts.append(f'{key}: "{text}"' if isinstance(value, str) else f"{key}: {text}")
    return " ".join(parts)


def parse_line(line: str) -> TshLine:
    """Parse one output line (without its line end); ``DeviceParseError`` if too long."""
    if len(line) > MAX_LINE:
        raise DeviceParseError("TSH line too long")
    stripped = line.strip()
    if stripped in (LineKind.END, LineKind.OK, LineKind.ERROR):
        return TshLine(LineKind(stripped))
    for kind in (LineKind.STATUS, LineKind.EVENT, LineKind.RESULT):
        if stripped.startswith(kind.value + " "):
            return _parse_keyed(kind, stripped[3:])
    return TshLine(LineKind.OTHER, value=stripped)


def _parse_keyed(kind: LineKind, body: str) -> TshLine:
    """Split ``Call 2 Status: Connected`` into path and (unquoted) value."""
    head, sep, value = body.partition(": ")
    if not sep:
        head, value = body.rstrip(":"), ""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return TshLine(kind, tuple(head.split()), value)


def status_line(path: str, value: str | int, *, quoted: bool = False) -> str:
    """Format a ``*s`` line as the codec does (used by the emulator)."""
    text = f'"{value}"' if quoted else str(value)
    return f"*s {path}: {text}"


def parse_int(text: str, what: str) -> int:
    """Parse a value or path element that must be a whole number (ASCII digits only)."""
    if not _INTEGER.fullmatch(text):
        raise DeviceParseError(f"{what} is not a whole number: {text[:40]!r}")
    return int(text)


def parse_number(text: str, what: str) -> float:
    """Parse a status value that must be a finite number."""
    try:
        value = float(text)
    except ValueError:
        raise DeviceParseError(f"{what} is not a number: {text[:40]!r}") from None
    if not math.isfinite(value):
        raise DeviceParseError(f"{what} is not a finite number: {text[:40]!r}")
    return value
