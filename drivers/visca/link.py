"""VISCA links: one byte pipe per port, kept open by itself with capped back-off.

A link moves VISCA packets and nothing more: it does not decode replies (the bus does) and
knows nothing about cameras. Every transport shares the reconnect loop below, so a serial
port that vanishes and a TCP peer that restarts are handled the same way: one log line when
lost, one when back, ``status`` published for the status light, never one line per retry.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable

from drivers.errors import DeviceConnectionError, DeviceError, Problem
from drivers.observable import Observable
from drivers.readers import ParseErrorLog, SupervisedTask
from drivers.roles.base import Availability, DeviceStatus
from drivers.visca.connection import ConnectionSpec, Transport

_LOGGER = logging.getLogger(__name__)

DataCallback = Callable[[bytes], None]
WireTap = Callable[[bytes, float], None]


class ViscaLink(ABC):
    """A transport for VISCA packets that reopens itself until ``close``."""

    def __init__(
        self,
        spec: ConnectionSpec,
        *,
        backoff_initial: float = 0.1,
        backoff_max: float = 2.0,
    ) -> None:
        self.spec = spec
        self.status = Observable(DeviceStatus())
        self.on_data: DataCallback | None = None  # raw reply bytes, any chunking
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self._loop = SupervisedTask(f"visca-link {spec}", self._run, self._run_died)
        self.parse_errors = ParseErrorLog(str(spec), _LOGGER)
        self._lost: asyncio.Future[BaseException | None] | None = None
        self._closing = False
        self._reconnect = asyncio.Event()

    @property
    def is_up(self) -> bool:
        """True while the transport is open and usable."""
        return self.status.value.availability is Availability.ONLINE

    def start(self) -> None:
        """Begin connecting in the background (idempotent)."""
        if self._loop.task is None:
            self._closing = False
            self._loop.start()

    async def close(self) -> None:
        """Close for good and wait for the background task to end (never raises)."""
        self._closing = True
        await self._loop.stop()
        await self._close_transport()
        self.status.publish(DeviceStatus(Availability.OFFLINE, None, "closed"))

    def request_reconnect(self, reason: str) -> None:
        """Drop and reopen the transport (e.g. every camera on it stopped answering)."""
        if self.is_up:
            self.connection_lost(DeviceConnectionError(reason))
        self._reconnect.set()

    def resync(self) -> None:
        """Re-establish protocol state without dropping the link (Sony: RESET)."""
        return  # byte-stream links keep no per-session state

    async def send(self, packet: bytes, *, inquiry: bool = False) -> None:
        """Write one VISCA packet; ``DeviceConnectionError`` while the link is down."""
        if not self.is_up:
            raise DeviceConnectionError(f"{self.spec}: link is down ({self.status.value.detail})")
        try:
            await self._write(packet, inquiry)
        except DeviceError:
            raise
        except OSError as exc:
            self.connection_lost(exc)
            raise DeviceConnectionError(f"{self.spec}: write failed: {exc}") from exc

    def data_received(self, data: bytes) -> None:
        """Hand incoming bytes to the bus (called by transports; never raises to them)."""
        _LOGGER.debug("%s <- %s", self.spec, data.hex(" "))
        if self.on_data is None:
            return
        try:
            self.on_data(data)
        except Exception as exc:  # the consumer choked on these bytes: the reader lives on
            _LOGGER.debug("%s: reply handling failed", self.spec, exc_info=exc)
            self.parse_errors.report("reply bytes", data, f"{type(exc).__name__}: {exc}")

    def connection_lost(self, exc: BaseException | None) -> None:
        """Note that the pipe broke (transports call this); the run loop reopens it."""
        if self._lost is not None and not self._lost.done():
            self._lost.set_result(exc)

    def _run_died(self, reason: str) -> None:
        """Show the link down while the reconnect loop, which ended by itself, restarts."""
        self.connection_lost(None)  # the restarted loop closes the old transport first
        detail = f"link task {reason}"
        self.status.publish(DeviceStatus(Availability.OFFLINE, Problem.UNKNOWN, detail))

    async def _run(self) -> None:
        delay = self.backoff_initial
        failures = 0
        await self._close_transport()  # after a restart: the old transport goes first
        while not self._closing:
            self._lost = asyncio.get_running_loop().create_future()
            try:
                await self._open()
            except (OSError, DeviceError) as exc:
                await self._close_transport()
                self._report_down(exc, first=failures == 0)
                failures += 1
                await self._wait_retry(delay)
                delay = min(delay * 2, self.backoff_max)
                continue
            if failures:
                _LOGGER.info("%s: link is back", self.spec)
            failures, delay = 0, self.backoff_initial
            self.status.publish(DeviceStatus(Availability.ONLINE))
            reason = await self._lost
            await self._close_transport()
            if self._closing:
                break
            self._report_down(reason, first=True)
            failures = 1
            await self._wait_retry(delay)

    def _report_down(self, exc: BaseException | None, *, first: bool) -> None:
        problem = _problem_of(exc, self.spec)
        detail = str(exc) if exc else "connection closed"
        if first:  # once per outage; retries go to DEBUG so the log is not spammed
            _LOGGER.warning("%s: link down (%s): %s", self.spec, problem.value, detail)
        else:
            _LOGGER.debug("%s: still down: %s", self.spec, detail)
        self.status.publish(DeviceStatus(Availability.OFFLINE, problem, detail))

    async def _wait_retry(self, delay: float) -> None:
        self._reconnect.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._reconnect.wait(), delay)

    @abstractmethod
    async def _open(self) -> None:
        """Open the transport; raise ``OSError``/``DeviceError`` when that fails."""

    @abstractmethod
    async def _write(self, packet: bytes, inquiry: bool) -> None:
        """Put one packet on the wire."""

    @abstractmethod
    async def _close_transport(self) -> None:
        """Release the transport (idempotent, never raises)."""


def _problem_of(exc: BaseException | None, spec: ConnectionSpec) -> Problem:
    """Map a failure to the key the status light shows."""
    if isinstance(exc, DeviceError):
        return exc.problem
    if spec.transport is Transport.SERIAL:
        return Problem.PORT_MISSING
    if isinstance(exc, TimeoutError):
        return Problem.NOT_ANSWERING
    return Problem.CONNECTION_REFUSED


def open_link(spec: ConnectionSpec, **options: object) -> ViscaLink:
    """Make the link for ``spec`` (not yet started); options go to the transport class."""
    if spec.transport is Transport.SERIAL:
        from drivers.visca.link_serial import SerialLink

        return SerialLink(spec, **options)  # type: ignore[arg-type]
    from drivers.visca.link_ip import RawTcpLink, RawUdpLink, SonyIpLink

    classes: dict[Transport, type[ViscaLink]] = {
        Transport.SONY_IP: SonyIpLink,
        Transport.TCP: RawTcpLink,
        Transport.UDP: RawUdpLink,
    }
    if spec.transport not in classes:
        raise ValueError(f"{spec}: a controller cannot connect to {spec.transport.value!r}")
    return classes[spec.transport](spec, **options)  # type: ignore[arg-type]
