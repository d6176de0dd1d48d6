"""Map a location in TOML data (``("cameras", 1, "address")``) back to its line in the file.

pydantic reports errors by location in the data; people need the line. TOML libraries do not
keep line numbers, so this scans the text: table headers, array-of-tables counters and keys.
"""

from __future__ import annotations

import re

Location = tuple[str | int, ...]

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^\s*({_PART}(?:\s*\.\s*{_PART})*)\s*=(.*)$")


def _split_key(text: str) -> list[str]:
    """Split a dotted TOML key into parts, unquoting quoted parts."""
    parts = re.findall(_PART, text)
    return [part.strip("\"'") for part in parts]


def _open_brackets(value: str) -> int:
    """Net count of [ and { outside strings and comments, to skip multi-line values."""
    depth = 0
    quote = ""
    for char in value:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return depth


def _plain(location: Location) -> tuple[str, ...]:
    """Turn a location into a counter key: indexes become ``#n`` so they never clash with names."""
    return tuple(part if isinstance(part, str) else f"#{part}" for part in location)


class _Scanner:
    """Walks the lines once and records the line of every table and key."""

    def __init__(self) -> None:
        self.lines: dict[Location, int] = {}
        self._counters: dict[tuple[str, ...], int] = {}  # array-of-tables path -> last index
        self._table: Location = ()
        self.repeat: int | None = None  # first line that writes a key or table a second time

    def _resolve(self, names: list[str]) -> Location:
        """Turn a header's dotted names into a location, using the current array indexes."""
        location: list[str | int] = []
        plain: list[str] = []
        for name in names:
            location.append(name)
            plain.append(name)
            index = self._counters.get(tuple(plain))
            if index is not None:
                location.append(index)
                plain.append(f"#{index}")
        return tuple(location)

    def array_header(self, names: list[str], number: int) -> None:
        parent = self._resolve(names[:-1])
        key = (*_plain(parent), names[-1])
        if key not in self._counters and (*parent, names[-1]) in self.lines and self.repeat is None:
            self.repeat = number  # [[site]] after [site] or site = ...
        self._counters[key] = self._counters.get(key, -1) + 1
        # forget counters of nested arrays of the previous element
        for other in [k for k in self._counters if len(k) > len(key) and k[: len(key)] == key]:
            del self._counters[other]
        self._table = (*parent, names[-1], self._counters[key])
        self.lines.setdefault((*parent, names[-1]), number)
        self.lines[self._table] = number

    def table_header(self, names: list[str], number: int) -> None:
        self._table = self._resolve(names)
        if self._table in self.lines and self.repeat is None:
            self.repeat = number
        self.lines[self._table] = number

    def key(self, names: list[str], number: int) -> None:
        location = (*self._table, *names)
        if location in self.lines and self.repeat is None:
            self.repeat = number
        self.lines[location] = number


def key_lines(text: str) -> dict[Location, int]:
    """Line number (1-based) of every table header and key in ``text``."""
    return _scan(text).lines


def repeated_key_line(text: str) -> int | None:
    """Line of the first key or table written twice (tomlkit names the key, not the line)."""
    return _scan(text).repeat


def _scan(text: str) -> _Scanner:
    scanner = _Scanner()
    skip_depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if skip_depth > 0:
            skip_depth += _open_brackets(line)
            continue
        if match := _ARRAY_HEADER.match(line):
            scanner.array_header(_split_key(match.group(1)), number)
        elif match := _TABLE_HEADER.match(line):
            scanner.table_header(_split_key(match.group(1)), number)
        elif match := _KEY.match(line):
            scanner.key(_split_key(match.group(1)), number)
            skip_depth = max(0, _open_brackets(match.group(2)))
    return scanner


def line_of(lines: dict[Location, int], location: Location) -> int | None:
    """Return the line of ``location`` or of its nearest ancestor that appears in the file."""
    for end in range(len(location), 0, -1):
        found = lines.get(tuple(location[:end]))
        if found is not None:
            return found
    return None
