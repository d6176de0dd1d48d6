"""What every device driver offers: a name, start/stop, and a published availability."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum

from drivers.errors import Problem
from drivers.observable import Observable


class Availability(StrEnum):
    """Link state of a device as the operator sees it (one status light)."""

    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class DeviceStatus:
    """Availability plus, when not online, why (a key) and technical detail (for the log)."""

    availability: Availability = Availability.CONNECTING
    problem: Problem | None = None
    detail: str = ""
    warning: Problem | None = None  # online but degraded, e.g. a camera wired one-way


class Device(ABC):
    """Base of every role: ``start`` connects and keeps reconnecting until ``close``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.status = Observable(DeviceStatus())

    @abstractmethod
    async def start(self) -> None:
        """Open the link (returns quickly; reconnection continues in the background)."""

    @abstractmethod
    async def close(self) -> None:
        """Leave the device safe (e.g. stop motion) and close the link for good."""
