"""Plain words for the checks a profile value fails: under its field and in the status line.

The profile's checks (pydantic) report in technical English ("Input should be less than or equal
to 7"); an operator-level technician reads "At most 7". Unknown messages are shown as they are.
A table, not code per message: each known check is a pattern and a sentence whose {names} are
the pattern's groups.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

CONTEXT = "FieldMessages"
_MORE = re.compile(r" \(and \d+ more problems?\)$")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Linguist reads
    """Mark ``text`` for Linguist; it is translated where shown."""
    return text


_PLAIN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^String should have at least 1 character$"),
     QT_TRANSLATE_NOOP("FieldMessages", "Fill this in")),
    (re.compile(r"^String should have at least (?P<n>\d+) characters$"),
     QT_TRANSLATE_NOOP("FieldMessages", "At least {n} characters")),
    (re.compile(r"^String should have at most (?P<n>\d+) characters?$"),
     QT_TRANSLATE_NOOP("FieldMessages", "At most {n} characters")),
    (re.compile(r"^Input should be less than or equal to (?P<n>[\d.]+)$"),
     QT_TRANSLATE_NOOP("FieldMessages", "At most {n}")),
    (re.compile(r"^Input should be greater than or equal to (?P<n>[\d.]+)$"),
     QT_TRANSLATE_NOOP("FieldMessages", "At least {n}")),
    (re.compile(r"^Field required$|needs a host$"),
     QT_TRANSLATE_NOOP("FieldMessages", "Fill this in")),
    (re.compile(r"^String should match pattern '\^\[A-Za-z0-9\]"),
     QT_TRANSLATE_NOOP(
         "FieldMessages", "Use letters, digits, - and _ only (no spaces or accents)"
     )),
    (re.compile(r"^String should match pattern '\^\[A-Za-z0-9\.\\?-\]\+:"),
     QT_TRANSLATE_NOOP("FieldMessages", "Write it as HOST:PORT, e.g. 127.0.0.1:4444")),
    (re.compile(r"^String should match pattern '\^\[A-Za-z0-9\._-\]"),
     QT_TRANSLATE_NOOP("FieldMessages", "Use letters, digits, ., - and _ only")),
    (re.compile(r"URL must start with one of"),
     QT_TRANSLATE_NOOP(
         "FieldMessages",
         "The address must start with rtsp://, udp://, rtp://, http(s):// or srt://",
     )),
    (re.compile(r"^Input should be a valid date"),
     QT_TRANSLATE_NOOP("FieldMessages", "Write the date as YYYY-MM-DD")),
    (re.compile(r"weekly meeting needs weekdays"),
     QT_TRANSLATE_NOOP("FieldMessages", "Tick at least one day")),
    (re.compile(r"a monthly meeting needs either day_of_month"),
     QT_TRANSLATE_NOOP(
         "FieldMessages",
         "Choose a week of the month (with one day ticked) or a day of the month",
     )),
    (re.compile(r"until is before date"),
     QT_TRANSLATE_NOOP("FieldMessages", "The last day is before the first day")),
    (re.compile(r"a one-off meeting needs a date"),
     QT_TRANSLATE_NOOP("FieldMessages", "A one-off meeting needs its date")),
    (re.compile(r"^Input should be a valid list"),
     QT_TRANSLATE_NOOP("FieldMessages", "Channel numbers separated by commas, e.g. 1, 3")),
    (re.compile(r"mixer channels listed twice: \[(?P<n>[^\]]*)\]"),
     QT_TRANSLATE_NOOP("FieldMessages", "A channel is listed twice: {n}")),
    (re.compile(r"\w+ desks have channels 1-(?P<max>\d+)"),
     QT_TRANSLATE_NOOP("FieldMessages", "This desk has channels 1–{max}")),  # noqa: RUF001
    # Wrong types are refused, never converted (issue 13): say how to write the value.
    (re.compile(r"^Input should be a valid integer"),
     QT_TRANSLATE_NOOP("FieldMessages", "Write a whole number, without quotes")),
    (re.compile(r"^Input should be a valid number"),
     QT_TRANSLATE_NOOP("FieldMessages", "Write a number, without quotes")),
    (re.compile(r"^Input should be a valid boolean"),
     QT_TRANSLATE_NOOP("FieldMessages", "Write true or false, without quotes")),
    (re.compile(r"^Input should be a valid string"),
     QT_TRANSLATE_NOOP("FieldMessages", "Write the text in quotes")),
    (re.compile(r"^write it as (?P<example>.+)$"),
     QT_TRANSLATE_NOOP("FieldMessages", "Write it as {example}")),
    # What used to pass the check and then stop the console at start (issue 13).
    (re.compile(r"unknown camera driver '(?P<name>[^']*)'; camera drivers: (?P<known>.+)$"),
     QT_TRANSLATE_NOOP("FieldMessages", "Unknown camera driver “{name}” — use one of: {known}")),
    (re.compile(r"^'(?P<name>[^']*)' is not a camera driver; camera drivers: (?P<known>.+)$"),
     QT_TRANSLATE_NOOP(
         "FieldMessages", "“{name}” is not a camera driver — use one of: {known}"
     )),
    (re.compile(r"camera '(?P<camera>[^']*)' has the same connection and address as camera "
                r"'(?P<other>[^']*)'"),
     QT_TRANSLATE_NOOP(
         "FieldMessages",
         "Camera “{camera}” has the same connection and address as camera “{other}” — "
         "give each camera its own",
     )),
    (re.compile(r"over the network the camera address is always 1"),
     QT_TRANSLATE_NOOP(
         "FieldMessages",
         "Over the network the address is always 1 (2–7 are for cameras chained on one "  # noqa: RUF001
         "serial port)",
     )),
    (re.compile(r"^'pty' is only for the emulator"),
     QT_TRANSLATE_NOOP(
         "FieldMessages", "“pty” is only for the emulator — write the camera's own port or address"
     )),
    (re.compile(r"the camera's port is a number 1-65535"),
     QT_TRANSLATE_NOOP("FieldMessages", "The port is a number from 1 to 65535")),
    (re.compile(r"camera id '(?P<id>[^']*)' is used twice"),
     QT_TRANSLATE_NOOP("FieldMessages", "Another camera already has the id “{id}”")),
    (re.compile(r"(?:bridge|meeting) ids used twice: \['(?P<id>[^']*)'\]"),
     QT_TRANSLATE_NOOP("FieldMessages", "The id “{id}” is used twice")),
    (re.compile(r"preset numbers used twice: \[(?P<n>\d+)\]"),
     QT_TRANSLATE_NOOP("FieldMessages", "Preset {n} is listed twice")),
    (re.compile(r"a Jitsi URL must not have a user name before the host"),
     QT_TRANSLATE_NOOP(
         "FieldMessages", "Remove the part before “@” — this address opens another server"
     )),
    (re.compile(r"PIN hash too costly to check|^not a PIN hash made by|^damaged PIN hash"),
     QT_TRANSLATE_NOOP(
         "FieldMessages",
         "The technician PIN in the file cannot be used — set it again (roomctl pin set)",
     )),
    # The file itself (repair mode).
    (re.compile(r"^the file is empty"),
     QT_TRANSLATE_NOOP("FieldMessages", "The file is empty: it has no settings")),
    (re.compile(r"^not UTF-8 text|^the file is saved as UTF-(?:16|32)"),
     QT_TRANSLATE_NOOP(
         "FieldMessages", "The file is not saved as UTF-8 text — open it and save it as UTF-8"
     )),
    (re.compile(r"^the file is too large"),
     QT_TRANSLATE_NOOP("FieldMessages", "The file is too large for a room setup")),
    (re.compile(r"^not a file \("),
     QT_TRANSLATE_NOOP("FieldMessages", "This is not a file (a folder, a device or a pipe)")),
    (re.compile(r"^line too long"),
     QT_TRANSLATE_NOOP("FieldMessages", "This line is far too long")),
    (re.compile(r"^cannot read the file: (?P<detail>.+)$"),
     QT_TRANSLATE_NOOP("FieldMessages", "The file cannot be read: {detail}")),
    (re.compile(r"^TOML syntax: (?P<detail>.+)$"),
     QT_TRANSLATE_NOOP("FieldMessages", "Not written as TOML: {detail}")),
    (re.compile(r"^the console could not start with this room setup: (?P<detail>.+)$"),
     QT_TRANSLATE_NOOP(
         "FieldMessages", "The console could not start with this room setup: {detail}"
     )),
]  # fmt: skip


def plain_message(message: str) -> str:
    """Return ``message`` in plain, translated words where a known check says it."""
    core = _MORE.sub("", message).removeprefix("Value error, ")
    for pattern, text in _PLAIN:
        found = pattern.search(core)
        if found is not None:
            return QCoreApplication.translate(CONTEXT, text).format(**found.groupdict())
    return core
