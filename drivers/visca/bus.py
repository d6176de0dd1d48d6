"""One VISCA bus per port: a link shared by up to 7 cameras, replies routed by address.

Opening a serial port once per camera is what makes "only the first camera answers" on a
daisy chain; here every camera on a port gets the same ``ViscaBus`` from ``get_bus``. On every
(re)connect of a serial chain the bus sends AddressSet (``88 30 01 FF``) and the IF_Clear
broadcast before any camera talks, and it re-addresses when a camera reports a network change.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from typing import Any

from drivers.errors import DeviceConnectionError
from drivers.observable import Observable
from drivers.roles.base import Availability, DeviceStatus
from drivers.visca.connection import ConnectionSpec, Transport
from drivers.visca.link import ViscaLink, open_link
from drivers.visca.protocol import (
    AddressSetReply,
    IfClearReply,
    NetworkChange,
    Reply,
    ReplyDecoder,
    address_set_packet,
    if_clear_broadcast_packet,
)

_LOGGER = logging.getLogger(__name__)

ADDRESS_SET = address_set_packet()  # 88 30 01 FF
IF_CLEAR_BROADCAST = if_clear_broadcast_packet()  # 88 01 00 01 FF

ReplyHandler = Callable[[Reply], None]


class ViscaBus:
    """A started link plus the cameras on it; ``status`` is ONLINE once addressing is done."""

    def __init__(self, link: ViscaLink, *, address_timeout: float = 0.5) -> None:
        self.link = link
        self.spec = link.spec
        self.address_timeout = address_timeout
        self.status = Observable(DeviceStatus())
        self.camera_count: int | None = None  # from the AddressSet answer (serial chains)
        self.garbage_bytes = 0
        self.loop = _running_loop()
        self._handlers: dict[int, ReplyHandler] = {}
        self._decoder = ReplyDecoder()
        self._broadcast_reply: asyncio.Queue[Reply] = asyncio.Queue()
        self._setup_task: asyncio.Task[None] | None = None
        self._unsubscribe = link.status.subscribe(self._on_link_status)
        link.on_data = self._on_data

    @property
    def chain(self) -> bool:
        """True for serial daisy chains (addresses set by AddressSet, up to 7 cameras)."""
        return self.spec.transport is Transport.SERIAL

    def attach(self, address: int, handler: ReplyHandler) -> None:
        """Route replies from camera ``address`` to ``handler``; start the link if needed."""
        if address in self._handlers:
            raise ValueError(f"{self.spec}: address {address} is already in use")
        if not self.chain and address != 1:
            raise ValueError(f"{self.spec}: over IP the camera address is always 1")
        self._handlers[address] = handler
        self.link.start()

    async def detach(self, address: int) -> None:
        """Forget camera ``address``; the last one to leave closes the link."""
        self._handlers.pop(address, None)
        if self._handlers:
            return
        _BUSES.pop(_key(self.spec), None)
        self._unsubscribe()
        await self._stop_setup()
        await self.link.close()

    async def send(self, packet: bytes, *, inquiry: bool = False) -> None:
        """Send one packet; ``DeviceConnectionError`` until the bus is ready."""
        if self.status.value.availability is not Availability.ONLINE:
            raise DeviceConnectionError(f"{self.spec}: not connected")
        await self.link.send(packet, inquiry=inquiry)

    def readdress(self) -> None:
        """Run AddressSet again (network change, or a camera went quiet)."""
        if self.link.is_up and (self._setup_task is None or self._setup_task.done()):
            self._setup_task = asyncio.get_running_loop().create_task(self._set_up(False))

    def recover(self) -> None:
        """Help a camera that stopped answering (power-cycled: lost its address/sequence)."""
        if self.chain:
            self.readdress()
        elif self.link.is_up:
            self.link.resync()

    def _on_link_status(self, status: DeviceStatus) -> None:
        if status.availability is Availability.ONLINE:
            self._decoder = ReplyDecoder()  # a half packet from before the outage is stale
            self._setup_task = asyncio.get_running_loop().create_task(self._set_up(True))
        else:
            if self._setup_task is not None:
                self._setup_task.cancel()
            self.status.publish(status)

    async def _set_up(self, fresh: bool) -> None:
        if self.chain:
            await self._address_chain(clear=fresh)
        if fresh and self.link.is_up:
            self.status.publish(DeviceStatus(Availability.ONLINE))

    async def _address_chain(self, *, clear: bool) -> None:
        """AddressSet then (on connect) IF_Clear; one-way wiring never answers: do not insist."""
        steps: list[tuple[bytes, type]] = [(ADDRESS_SET, AddressSetReply)]
        if clear:  # only on connect: IF_Clear would also cancel what runs on every camera
            steps.append((IF_CLEAR_BROADCAST, IfClearReply))
        for packet, expected in steps:
            while not self._broadcast_reply.empty():
                self._broadcast_reply.get_nowait()
            try:
                await self.link.send(packet)
                reply = await asyncio.wait_for(self._next_broadcast(expected), self.address_timeout)
            except (TimeoutError, DeviceConnectionError) as exc:
                _LOGGER.debug("%s: no answer to %s: %r", self.spec, packet.hex(" "), exc)
                continue
            if isinstance(reply, AddressSetReply) and reply.next_address - 1 != self.camera_count:
                self.camera_count = reply.next_address - 1
                _LOGGER.info("%s: %d camera(s) on the chain", self.spec, self.camera_count)

    async def _next_broadcast(self, expected: type) -> Reply:
        while True:
            reply = await self._broadcast_reply.get()
            if isinstance(reply, expected):
                return reply

    def _on_data(self, data: bytes) -> None:
        for reply in self._decoder.feed(data):
            self._route(reply)
        if self._decoder.garbage_bytes != self.garbage_bytes:
            _LOGGER.debug("%s: %d garbage bytes so far", self.spec, self._decoder.garbage_bytes)
            self.garbage_bytes = self._decoder.garbage_bytes

    def _route(self, reply: Reply) -> None:
        if isinstance(reply, AddressSetReply) or (
            isinstance(reply, IfClearReply) and reply.address is None
        ):
            self._broadcast_reply.put_nowait(reply)
            return
        if isinstance(reply, NetworkChange):
            _LOGGER.info("%s: camera %d reports a network change", self.spec, reply.address)
            self.readdress()
            return
        handler = self._handlers.get(getattr(reply, "address", 0))
        if handler is None:
            _LOGGER.debug("%s: reply for no attached camera: %r", self.spec, reply)
            return
        handler(reply)

    async def _stop_setup(self) -> None:
        task, self._setup_task = self._setup_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


_BUSES: dict[str, ViscaBus] = {}


def _key(spec: ConnectionSpec) -> str:
    """Port identity: ``COM3`` and ``com3`` are the same port on Windows."""
    text = str(spec)
    return text.lower() if spec.transport is Transport.SERIAL and os.name == "nt" else text


def get_bus(spec: ConnectionSpec, **link_options: Any) -> ViscaBus:
    """Return the bus for ``spec``, shared by every camera on that port (options: new link)."""
    key = _key(spec)
    bus = _BUSES.get(key)
    if bus is None or bus.loop is not _running_loop():  # a bus never outlives its loop
        bus = ViscaBus(open_link(spec, **link_options))
        _BUSES[key] = bus
    return bus


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
