"""Plain words for the checks a profile value fails: under its field and in the status line.

The profile's checks (pydantic) report in technical English ("Input should be less than or equal
to 7"); an operator-level technician reads "At most 7". Unknown messages are shown as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

_MORE = re.compile(r" \(and \d+ more problems?\)$")


def _at_least_chars(found: re.Match[str]) -> str:
    if found["n"] == "1":
        return QCoreApplication.translate("FieldMessages", "Fill this in")
    return QCoreApplication.translate("FieldMessages", "At least {n} characters").format(
        n=found["n"]
    )


def _at_most_chars(found: re.Match[str]) -> str:
    return QCoreApplication.translate("FieldMessages", "At most {n} characters").format(
        n=found["n"]
    )


def _at_most(found: re.Match[str]) -> str:
    return QCoreApplication.translate("FieldMessages", "At most {n}").format(n=found["n"])


def _at_least(found: re.Match[str]) -> str:
    return QCoreApplication.translate("FieldMessages", "At least {n}").format(n=found["n"])


def _required(_found: re.Match[str]) -> str:
    return QCoreApplication.translate("FieldMessages", "Fill this in")


def _slug(_found: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "FieldMessages", "Use letters, digits, - and _ only (no spaces or accents)"
    )


def _url(_found: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "FieldMessages", "The address must start with rtsp://, udp://, rtp://, http(s):// or srt://"
    )


def _date(_found: re.Match[str]) -> str:
    return QCoreApplication.translate("FieldMessages", "Write the date as YYYY-MM-DD")


def _weekdays(_found: re.Match[str]) -> str:
    return QCoreApplication.translate("FieldMessages", "Tick at least one day")


_PLAIN: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^String should have at least (?P<n>\d+) characters?$"), _at_least_chars),
    (re.compile(r"^String should have at most (?P<n>\d+) characters?$"), _at_most_chars),
    (re.compile(r"^Input should be less than or equal to (?P<n>[\d.]+)$"), _at_most),
    (re.compile(r"^Input should be greater than or equal to (?P<n>[\d.]+)$"), _at_least),
    (re.compile(r"^Field required$"), _required),
    (re.compile(r"^String should match pattern '\^\[A-Za-z0-9\]"), _slug),
    (re.compile(r"URL must start with one of"), _url),
    (re.compile(r"^Input should be a valid date"), _date),
    (re.compile(r"weekly meeting needs weekdays"), _weekdays),
]


def plain_message(message: str) -> str:
    """Return ``message`` in plain, translated words where a known check says it."""
    core = _MORE.sub("", message).removeprefix("Value error, ")
    for pattern, say in _PLAIN:
        found = pattern.search(core)
        if found is not None:
            return say(found)
    return core
