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
]  # fmt: skip


def plain_message(message: str) -> str:
    """Return ``message`` in plain, translated words where a known check says it."""
    core = _MORE.sub("", message).removeprefix("Value error, ")
    for pattern, text in _PLAIN:
        found = pattern.search(core)
        if found is not None:
            return QCoreApplication.translate(CONTEXT, text).format(**found.groupdict())
    return core
