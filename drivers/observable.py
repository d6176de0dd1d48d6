"""A tiny publish/subscribe helper used by drivers and the room model (no Qt)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

_LOGGER = logging.getLogger(__name__)

T = TypeVar("T")
Unsubscribe = Callable[[], None]


class Observable(Generic[T]):
    """Holds the latest value and calls subscribers when it changes."""

    def __init__(self, initial: T) -> None:
        self._value = initial
        self._subscribers: list[Callable[[T], None]] = []

    @property
    def value(self) -> T:
        """The latest published value."""
        return self._value

    def subscribe(self, callback: Callable[[T], None]) -> Unsubscribe:
        """Call ``callback`` on every change; returns a function that unsubscribes."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, value: T) -> None:
        """Store ``value`` and notify subscribers if it differs from the previous one."""
        if value == self._value:
            return
        self._value = value
        for callback in list(self._subscribers):
            try:
                callback(value)
            except Exception:  # a broken subscriber must not stop the others
                _LOGGER.exception("subscriber %r failed", callback)
