"""Strict validation of dial strings and DTMF digits before they reach any codec.

A codec terminal (Cisco TSH, Poly telnet) takes one command per line with quoted arguments, so a
newline or quote in a dial string would inject commands. Only a conservative ASCII set that SIP
URIs, H.323 aliases and IP addresses need is let through; everything else is refused.
"""

from __future__ import annotations

import re

MAX_DIAL_LENGTH = 200
MAX_DTMF_LENGTH = 64

# Letters, digits and the URI punctuation SIP/H.323 addresses use; no quotes, backslash, space,
# backtick, angle brackets or anything outside printable ASCII.
_DIAL_RE = re.compile(r"[A-Za-z0-9@.:;=_+\-#*/~!$%&()?,\[\]]+")
# DTMF tones plus ',' as a pause marker (the join service turns it into a wait).
_DTMF_RE = re.compile(r"[0-9*#A-Da-d,]+")


class InvalidDialString(ValueError):
    """A dial string or DTMF sequence contains characters a codec must never see."""


def validate_dial_string(text: str) -> str:
    """Return ``text`` if it is a safe dial string, else raise ``InvalidDialString``."""
    if not isinstance(text, str):
        raise InvalidDialString("dial string must be text")
    if not text:
        raise InvalidDialString("empty dial string")
    if len(text) > MAX_DIAL_LENGTH:
        raise InvalidDialString(f"dial string longer than {MAX_DIAL_LENGTH} characters")
    if _DIAL_RE.fullmatch(text) is None:
        raise InvalidDialString(
            f"dial string has forbidden characters: {_forbidden(text, _DIAL_RE)}"
        )
    return text


def validate_dtmf(digits: str, *, pauses: bool = False) -> str:
    """Return ``digits`` if it is a safe DTMF sequence (0-9 * # A-D, and ',' if ``pauses``)."""
    if not isinstance(digits, str):
        raise InvalidDialString("DTMF digits must be text")
    if not digits:
        raise InvalidDialString("empty DTMF sequence")
    if len(digits) > MAX_DTMF_LENGTH:
        raise InvalidDialString(f"DTMF sequence longer than {MAX_DTMF_LENGTH} characters")
    if _DTMF_RE.fullmatch(digits) is None:
        raise InvalidDialString(f"DTMF has forbidden characters: {_forbidden(digits, _DTMF_RE)}")
    if not pauses and "," in digits:
        raise InvalidDialString("a codec takes tones only; pauses are timed by the caller")
    return digits


def _forbidden(text: str, allowed: re.Pattern[str]) -> str:
    """Describe the rejected characters by code point (never echo control characters raw)."""
    bad = sorted({ch for ch in text if allowed.fullmatch(ch) is None})
    return ", ".join(f"U+{ord(ch):04X}" for ch in bad[:8])
