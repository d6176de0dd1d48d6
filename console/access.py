"""The technician PIN gate: operator mode by default, technician mode behind a hashed PIN.

The PIN is stored only as a salted scrypt hash (``scrypt$n$r$p$salt$hash``, base64 parts), the
comparison is constant-time, and wrong guesses are rate-limited: after ``free_attempts`` wrong
PINs in a row the gate locks for ``lockout`` seconds, doubling with every further wrong PIN up
to ``max_lockout``. A 4-digit PIN has only 10 000 values; the lock makes guessing them at the
console take weeks instead of minutes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from drivers.observable import Observable

_LOGGER = logging.getLogger(__name__)

PIN_PATTERN = re.compile(r"^[0-9]{4,12}$")
_SCHEME = "scrypt"
# scrypt cost: n=2^14, r=8, p=1 needs 16 MiB and ~50 ms per check: cheap for one login,
# expensive for anyone who copied the profile and tries every PIN offline.
_N, _R, _P = 1 << 14, 8, 1
_SALT_BYTES = 16
_HASH_BYTES = 32
_MAXMEM = 64 << 20  # what scrypt may allocate for one check
_MAX_WORK = 8 * _N * _R * _P  # n*r*p: at most 8 times our own cost (~0.4 s)


class Mode(StrEnum):
    """Who is at the console."""

    OPERATOR = "operator"
    TECHNICIAN = "technician"


class AccessResult(StrEnum):
    """Outcome of one PIN attempt."""

    GRANTED = "granted"
    DENIED = "denied"
    LOCKED = "locked"  # too many wrong PINs: wait ``retry_after`` seconds
    NO_PIN_SET = "no_pin_set"  # granted, but the technician should set a PIN now


@dataclass(frozen=True)
class Attempt:
    """What the PIN dialog shows after an attempt."""

    result: AccessResult
    retry_after: float = 0.0  # seconds until the next attempt is possible
    attempts_left: int = 0  # wrong PINs still allowed before the lock


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=_MAXMEM)


def check_pin_format(pin: str) -> str:
    """Return ``pin`` if it is 4-12 digits; ``ValueError`` otherwise."""
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    return pin


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """Return the storable salted hash of ``pin``."""
    check_pin_format(pin)
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(pin, salt, _N, _R, _P, _HASH_BYTES)
    return f"{_SCHEME}${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    """Split a stored hash; ``ValueError`` if it is not one of ours."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        raise ValueError("not a PIN hash made by Room Console")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError as exc:
        raise ValueError("damaged PIN hash") from exc
    if n < 2 or n & (n - 1) or not (1 <= r <= 64 and 1 <= p <= 16) or not salt or not digest:
        raise ValueError("damaged PIN hash")
    # scrypt's own memory need (as OpenSSL counts it): more than maxmem and no PIN could be
    # checked; too much work and every check would freeze the console.
    if 128 * r * (n + p + 2) > _MAXMEM or n * r * p > _MAX_WORK:
        raise ValueError(
            f"PIN hash too costly to check (scrypt n={n}, r={r}, p={p}): set the PIN again"
        )
    return n, r, p, salt, digest


def check_pin_hash(stored: str) -> str:
    """Return ``stored`` if it is a well-formed PIN hash (profile validator)."""
    _parse(stored)
    return stored


def verify_pin(pin: str, stored: str) -> bool:
    """Tell whether ``pin`` matches ``stored`` (constant-time compare)."""
    n, r, p, salt, digest = _parse(stored)
    candidate = _scrypt(pin, salt, n, r, p, len(digest))
    return hmac.compare_digest(candidate, digest)


class TechnicianGate:
    """Holds the mode and lets a correct PIN into technician mode, with rate limiting."""

    def __init__(
        self,
        pin_hash: str | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        free_attempts: int = 3,
        lockout: float = 30.0,
        max_lockout: float = 300.0,
    ) -> None:
        self._pin_hash = check_pin_hash(pin_hash) if pin_hash is not None else None
        self._clock = clock
        self.free_attempts = free_attempts
        self.lockout = lockout
        self.max_lockout = max_lockout
        self.mode: Observable[Mode] = Observable(Mode.OPERATOR)
        self._failures = 0
        self._locked_until = 0.0

    @property
    def pin_hash(self) -> str | None:
        """The stored hash (to save in the profile), None when no PIN is set."""
        return self._pin_hash

    def retry_after(self) -> float:
        """Seconds until a PIN may be tried again (0 = now)."""
        return max(0.0, self._locked_until - self._clock())

    def try_pin(self, pin: str) -> Attempt:
        """Check ``pin``; on success switch to technician mode."""
        wait = self.retry_after()
        if wait > 0:
            return Attempt(AccessResult.LOCKED, retry_after=wait)
        if self._pin_hash is None:
            _LOGGER.warning("technician mode entered: no technician PIN is set")
            self.mode.publish(Mode.TECHNICIAN)
            return Attempt(AccessResult.NO_PIN_SET)
        if PIN_PATTERN.fullmatch(pin) and self._verify(pin, self._pin_hash):
            self._failures = 0
            _LOGGER.info("technician mode entered")
            self.mode.publish(Mode.TECHNICIAN)
            return Attempt(AccessResult.GRANTED)
        return self._denied()

    @staticmethod
    def _verify(pin: str, stored: str) -> bool:
        """``verify_pin`` that never raises: a hash scrypt cannot check matches no PIN."""
        try:
            return verify_pin(pin, stored)
        except (ValueError, MemoryError) as exc:
            _LOGGER.error("technician PIN hash cannot be checked: %s", exc)
            return False

    def _denied(self) -> Attempt:
        self._failures += 1
        beyond = self._failures - self.free_attempts
        if beyond < 0:
            _LOGGER.warning("technician PIN wrong (%d in a row)", self._failures)
            return Attempt(AccessResult.DENIED, attempts_left=-beyond)
        wait = min(self.max_lockout, self.lockout * 2**beyond)
        self._locked_until = self._clock() + wait
        _LOGGER.warning("technician PIN wrong %d times: locked for %.0f s", self._failures, wait)
        return Attempt(AccessResult.LOCKED, retry_after=wait)

    def leave(self) -> None:
        """Back to operator mode."""
        if self.mode.value is not Mode.OPERATOR:
            _LOGGER.info("technician mode left")
        self.mode.publish(Mode.OPERATOR)

    def set_pin(
        self, new_pin: str | None, *, store: Callable[[str | None], None] | None = None
    ) -> str | None:
        """Set (or with None remove) the PIN in technician mode; returns the hash to store.

        ``store`` saves the new hash first (into the profile); if it raises (a read-only
        file, a broken profile) the gate keeps the PIN it had and the error goes to the caller.
        """
        if self.mode.value is not Mode.TECHNICIAN:
            raise PermissionError("the PIN can only be changed in technician mode")
        pin_hash = hash_pin(new_pin) if new_pin is not None else None
        if store is not None:
            store(pin_hash)
        self._pin_hash = pin_hash
        _LOGGER.info("technician PIN %s", "changed" if new_pin else "removed")
        return self._pin_hash
