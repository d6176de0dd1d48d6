"""X32Mixer: the Mixer role for Behringer X32/M32 and X-Air desks over OSC/UDP.

Keeps three things alive in one background task: the ``/xremote`` and ``/meters``
subscriptions (the desk drops clients after 10 s, so we renew every 8 s) and a ``/status``
heartbeat (no datagram for ``offline_after`` seconds = offline; the first datagram after that
= online again, resubscribe and re-read everything).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, cast

from drivers.errors import DeviceConnectionError, DeviceParseError, DeviceTimeout, Problem
from drivers.readers import ParseErrorLog
from drivers.roles.base import Availability, DeviceStatus
from drivers.roles.mixer import Meters, Mixer
from drivers.x32 import protocol
from drivers.x32.protocol import Message, OscArg, Parameter

_LOGGER = logging.getLogger(__name__)

_READ_WINDOW = 16  # reads in flight at once during a full refresh


class X32Mixer(Mixer, asyncio.DatagramProtocol):
    """One desk reached over UDP; replies arrive on the same socket we send from."""

    def __init__(
        self,
        name: str,
        host: str,
        port: int | None = None,
        *,
        model: str = "x32",
        name_overrides: Mapping[int, str] | None = None,
        renew_interval: float = 8.0,
        heartbeat_interval: float = 0.5,
        offline_after: float = 2.0,
        read_timeout: float = 1.0,
        meters: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.desk = protocol.model(model)
        super().__init__(name, self.desk.limits, name_overrides)
        self.host = host
        self.port = port or self.desk.port
        self.renew_interval = renew_interval
        self.heartbeat_interval = heartbeat_interval
        self.offline_after = offline_after
        self.read_timeout = read_timeout
        self.want_meters = meters
        self.clock = clock
        self.packets_sent = 0
        self.synced = False  # True once every parameter has been read since (re)connecting
        self._transport: asyncio.DatagramTransport | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._heartbeat: asyncio.TimerHandle | None = None
        self._next_renew = 0.0
        self._resync: asyncio.Task[None] | None = None
        self._last_heard = 0.0
        self._waiters: dict[str, list[asyncio.Future[OscArg]]] = {}
        self.parse_errors = ParseErrorLog(name, _LOGGER)

    # --- life cycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Open the UDP socket and start subscriptions and heartbeat."""
        loop = asyncio.get_running_loop()
        try:
            await loop.create_datagram_endpoint(lambda: self, remote_addr=(self.host, self.port))
        except OSError as exc:
            raise DeviceConnectionError(f"{self.name}: cannot open UDP to {self.host}") from exc
        self._loop = loop
        self._last_heard = self.clock()
        self._next_renew = 0.0
        self._keep_alive()

    async def close(self) -> None:
        """Stop the background work and close the socket."""
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            self._heartbeat = None
        if self._resync is not None:
            self._resync.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._resync
            self._resync = None
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport."""
        # asyncio's selector datagram transport does not subclass DatagramTransport (3.11)
        self._transport = cast(asyncio.DatagramTransport, transport)

    def error_received(self, exc: Exception) -> None:
        """ICMP "port unreachable" and the like: the heartbeat decides availability."""
        _LOGGER.debug("%s: socket error %s", self.name, exc)

    # --- verbs ------------------------------------------------------------------------------

    async def set_fader(self, channel: int, level: float) -> None:
        """Move a channel fader."""
        self.check_channel(channel)
        await self._set(protocol.channel_fader(channel), protocol.check_level(level))

    async def set_on(self, channel: int, on: bool) -> None:
        """Open or mute a channel."""
        self.check_channel(channel)
        await self._set(protocol.channel_on(channel), int(on))

    async def set_main_fader(self, level: float) -> None:
        """Move the main fader."""
        await self._set(protocol.main_fader(self.desk), protocol.check_level(level))

    async def set_main_on(self, on: bool) -> None:
        """Open or mute the main bus."""
        await self._set(protocol.main_on(self.desk), int(on))

    async def set_mute_group(self, group: int, engaged: bool) -> None:
        """Engage or release a mute group."""
        if not 1 <= group <= self.limits.mute_groups:
            raise ValueError(f"mute group {group} not in 1..{self.limits.mute_groups}")
        await self._set(protocol.mute_group(group), int(engaged))

    async def recall_scene(self, number: int) -> None:
        """Recall a scene (X32) or snapshot (X-Air), then re-read what it changed."""
        first = self.limits.first_scene
        if not first <= number < first + self.limits.scenes:
            raise ValueError(f"scene {number} not in {first}..{first + self.limits.scenes - 1}")
        self._send(self.desk.scene_address, number)
        self.state.publish(replace(self.state.value, scene=number))
        await self.refresh()  # the desk does not echo a recall to the client that asked

    async def refresh(self) -> None:
        """Read every parameter we show; ``DeviceTimeout`` if the desk leaves some unanswered."""
        # A burst of 100+ datagrams can overrun a desk's (X-Air's) input queue: keep a window
        # of reads in flight, and ask once more for whatever got lost.
        window = asyncio.Semaphore(_READ_WINDOW)

        async def paced(address: str) -> OscArg:
            async with window:
                return await self.read(address)

        addresses = list(protocol.parameter_defaults(self.desk))
        for _attempt in range(2):
            results = await asyncio.gather(*(paced(a) for a in addresses), return_exceptions=True)
            lost = zip(addresses, results, strict=True)
            addresses = [address for address, result in lost if isinstance(result, Exception)]
            if not addresses:
                return
        raise DeviceTimeout(f"{self.name}: {len(addresses)} reads unanswered")

    async def read(self, address: str) -> OscArg:
        """Read one parameter (the desk answers an address sent without arguments)."""
        future: asyncio.Future[OscArg] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(address, []).append(future)
        try:
            self._send(address)
            return await asyncio.wait_for(future, self.read_timeout)
        except TimeoutError as exc:
            raise DeviceTimeout(f"{self.name}: no answer to {address}") from exc
        finally:
            waiting = self._waiters.get(address, [])
            if future in waiting:
                waiting.remove(future)

    async def _set(self, address: str, value: OscArg) -> None:
        """Send a set (the desk never answers one) and record it in our state."""
        if self.status.value.availability is Availability.OFFLINE:
            raise DeviceTimeout(f"{self.name}: desk not answering")
        self._send(address, value)
        self._apply(address, value)
        if self._waiters.get(address):
            # a read is in flight and its (older) answer would overwrite our value: ask again
            self._send(address)

    def _send(self, address: str, *args: OscArg) -> None:
        if self._transport is None:
            raise DeviceConnectionError(f"{self.name}: not started")
        self._transport.sendto(protocol.encode(address, *args))
        self.packets_sent += 1

    # --- incoming ---------------------------------------------------------------------------

    def datagram_received(self, data: bytes, addr: Any) -> None:
        """Any datagram proves the desk is alive; then apply what it says."""
        self._last_heard = self.clock()
        if self.status.value.availability is not Availability.ONLINE:
            self._went_online()
        try:
            for message in protocol.decode(data):
                self._dispatch(message)
        except DeviceParseError as exc:  # one bad datagram: skip it, keep listening
            self.parse_errors.report("datagram", data, exc)

    def _dispatch(self, message: Message) -> None:
        if message.address == protocol.CHANNEL_METERS and message.args:
            self._apply_meters(message.args[0])
            return
        if not message.args:
            return
        value = message.args[0]
        self._apply(message.address, value)  # DeviceParseError: the read waits for a good one
        for future in self._waiters.pop(message.address, []):
            if not future.done():
                future.set_result(value)

    def _apply_meters(self, blob: OscArg) -> None:
        if not isinstance(blob, bytes):
            return
        levels = protocol.decode_meter_blob(self.desk, blob)  # DeviceParseError: skipped
        channels = levels[: self.limits.channels]
        if len(channels) == self.limits.channels:
            self.meters.publish(Meters(channels))

    def _apply(self, address: str, value: OscArg) -> None:
        """Fold one parameter value into the state snapshot."""
        parameter = protocol.classify(self.desk, address)
        if parameter is not None:
            self.state.publish(self._updated(parameter, value))

    def _updated(self, parameter: Parameter, value: OscArg) -> Any:
        state = self.state.value
        kind, index = parameter.kind, parameter.index
        if kind == "fader" and isinstance(value, float):
            return state.with_channel(index, fader=protocol.fader_value(value))
        if kind == "on" and isinstance(value, int):
            return state.with_channel(index, on=bool(value))
        if kind == "name" and isinstance(value, str):
            return state.with_channel(index, name=self.name_overrides.get(index) or value)
        if kind == "main_fader" and isinstance(value, float):
            return replace(state, main_fader=protocol.fader_value(value))
        if kind == "main_on" and isinstance(value, int):
            return replace(state, main_on=bool(value))
        if kind == "mute_group" and isinstance(value, int):
            return state.with_mute_group(index, bool(value))
        _LOGGER.debug("%s: unexpected value %r for %s", self.name, value, parameter)
        return state

    # --- keeping the link alive -------------------------------------------------------------

    def _keep_alive(self) -> None:
        """Renew subscriptions before the desk drops them; heartbeat; detect silence."""
        # A self-rescheduling timer callback, not a sleeping task: under qasync, Qt can fire
        # it while the asyncio loop is not "running", where asyncio.sleep() would raise.
        assert self._loop is not None
        self._heartbeat = self._loop.call_later(self.heartbeat_interval, self._keep_alive)
        now = self.clock()
        if now >= self._next_renew:
            self._subscribe()
            self._next_renew = now + self.renew_interval
        self._send(protocol.STATUS)
        silent_for = now - self._last_heard
        if silent_for > self.offline_after and self._is_available():
            self._went_offline(silent_for)

    def _subscribe(self) -> None:
        self._send(protocol.XREMOTE)
        if self.want_meters:
            self._send(protocol.METERS, protocol.CHANNEL_METERS, 1)

    def _is_available(self) -> bool:
        return self.status.value.availability is not Availability.OFFLINE

    def _went_offline(self, silent_for: float) -> None:
        _LOGGER.warning("%s: desk silent for %.1f s, offline", self.name, silent_for)
        self.status.publish(
            DeviceStatus(Availability.OFFLINE, Problem.NOT_ANSWERING, f"no reply from {self.host}")
        )

    def _went_online(self) -> None:
        _LOGGER.info("%s: desk answering at %s:%d", self.name, self.host, self.port)
        self.status.publish(DeviceStatus(Availability.ONLINE))
        if self._resync is None or self._resync.done():
            assert self._loop is not None
            self._resync = self._loop.create_task(self._resubscribe_and_read())

    async def _resubscribe_and_read(self) -> None:
        """After (re)connecting: subscriptions may be gone and the desk may have changed."""
        self._subscribe()
        try:
            await self.refresh()
        except DeviceTimeout as exc:
            _LOGGER.warning("%s: %s", self.name, exc)
        else:
            self.synced = True


def create_x32(**kwargs: Any) -> X32Mixer:
    """Registry factory for X32/M32 desks."""
    return X32Mixer(model="x32", **kwargs)


def create_xair(**kwargs: Any) -> X32Mixer:
    """Registry factory for X-Air desks (XR12/16/18, MR18)."""
    return X32Mixer(model="xair", **kwargs)
