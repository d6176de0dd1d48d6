"""A Behringer X32/X-Air desk emulator over UDP, for tests, the demo and operator training.

It behaves like the desk towards any OSC client: replies go to the sender's address and port,
reads (an address without arguments) are answered, sets are silent, ``/xremote`` clients get
every change made elsewhere for 10 s, ``/meters`` clients get meter blobs every 50 ms for 10 s,
and ``/node`` reads (how X32-Edit and Mixing Station read a desk) answer a text line for what the
emulator models (channel mix and config, main mix, mute groups, and each of their parameters).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import cast

from drivers.errors import DeviceParseError
from drivers.readers import COMMAND_LOG, ParseErrorLog
from drivers.x32 import protocol
from drivers.x32.desk import EmulatedDesk
from drivers.x32.protocol import Message, OscArg

_LOGGER = logging.getLogger(__name__)

Address = tuple[str, int]
NODE = "/node"
_METER_TICK_S = 0.05  # the desks send meters every 50 ms (x time factor)


def parse_listen(listen: str, default_port: int) -> tuple[str, int]:
    """``HOST[:PORT]`` to a (host, port) pair."""
    host, sep, port = listen.rpartition(":")
    if not sep:
        return listen, default_port
    return host or "127.0.0.1", int(port)


class X32Emulator(asyncio.DatagramProtocol):
    """Serves one emulated desk on a UDP port."""

    def __init__(
        self,
        model: str = "x32",
        *,
        clock: Callable[[], float] = time.monotonic,
        auto_talker: int | None = 1,
    ) -> None:
        self.model = protocol.model(model)
        self.clock = clock
        self.desk = EmulatedDesk(self.model, clock=clock, auto_talker=auto_talker)
        self.silent = False  # True = unplugged: swallow everything, send nothing
        self.lose_replies = 0  # drop this many read replies (a congested network / busy desk)
        self.remote_clients: dict[Address, float] = {}  # /xremote client -> expiry (clock)
        self.meter_clients: dict[Address, tuple[float, int]] = {}  # -> (expiry, time factor)
        self.received: deque[Message] = deque(maxlen=COMMAND_LOG)  # newest, for tests
        self._transport: asyncio.DatagramTransport | None = None
        self._meter_timer: asyncio.TimerHandle | None = None
        self._ticks = 0
        self.parse_errors = ParseErrorLog(f"emulated {self.model.model_name}", _LOGGER)

    async def start(self, listen: str = "127.0.0.1:0") -> None:
        """Bind the UDP socket (port 0 = any free port) and start sending meters."""
        host, port = parse_listen(listen, self.model.port)
        loop = asyncio.get_running_loop()
        await loop.create_datagram_endpoint(lambda: self, local_addr=(host, port))
        self._schedule_meters(loop)
        _LOGGER.info("emulated %s listening on %s", self.model.model_name, self.endpoint)

    @property
    def port(self) -> int:
        """The bound UDP port."""
        if self._transport is None:
            raise RuntimeError("emulator not started")
        port: int = self._transport.get_extra_info("sockname")[1]
        return port

    @property
    def endpoint(self) -> str:
        """``host:port`` a client should talk to."""
        if self._transport is None:
            raise RuntimeError("emulator not started")
        host, port = self._transport.get_extra_info("sockname")[:2]
        return f"{host}:{port}"

    async def close(self) -> None:
        """Stop meters and close the socket."""
        if self._meter_timer is not None:
            self._meter_timer.cancel()
            self._meter_timer = None
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport."""
        # asyncio's selector datagram transport does not subclass DatagramTransport (3.11)
        self._transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: Address) -> None:
        """Handle one datagram from a client."""
        if self.silent:
            return
        try:
            for message in protocol.decode(data):
                self.received.append(message)
                self._handle(message, addr)
        except DeviceParseError as exc:  # garbage from some controller: skip, keep serving
            self.parse_errors.report(f"datagram from {addr[0]}:{addr[1]}", data, exc)

    def send_raw(self, data: bytes) -> None:
        """Send ``data`` as is to every /xremote client (tests: what a broken desk sends)."""
        if self._transport is not None:
            for client in self.remote_clients:
                self._transport.sendto(data, client)

    def change_at_desk(self, address: str, value: OscArg) -> None:
        """Somebody moves a control on the desk itself: store and tell every subscriber."""
        self._fan_out(self.desk.write(address, value), sender=None)

    def _handle(self, message: Message, sender: Address) -> None:
        """Answer or apply one message as the desk would."""
        address, args = message.address, message.args
        if address == protocol.XREMOTE:
            self.remote_clients[sender] = self.clock() + protocol.SUBSCRIPTION_SECONDS
        elif address == protocol.METERS:
            self._subscribe_meters(args, sender)
        elif address == protocol.INFO:
            self._send(sender, address, "V2.05", "osc-server", *self._model_and_firmware())
        elif address == protocol.STATUS:
            self._send(sender, address, "active", sender[0], self._desk_name())
        elif address == NODE:
            self._node(args, sender)
        elif address == "/xinfo":
            self._send(sender, address, sender[0], self._desk_name(), *self._model_and_firmware())
        elif not args:
            value = self.desk.read(address)
            if value is None:
                _LOGGER.debug("emulator: no such parameter %s", address)
            elif self.lose_replies > 0:
                self.lose_replies -= 1
            else:
                self._send(sender, address, value)
        else:
            self._fan_out(self.desk.write(address, args[0]), sender=sender)

    def _node(self, args: tuple[OscArg, ...], sender: Address) -> None:
        """Answer ``/node ,s "ch/01/mix"`` with the node's text line (what desk apps read)."""
        line = self.desk.node(args[0]) if args and isinstance(args[0], str) else None
        if line is None:
            _LOGGER.debug("emulator: /node %r not emulated", args[:1])
        else:
            self._send(sender, NODE, line + "\n")

    def _subscribe_meters(self, args: tuple[OscArg, ...], sender: Address) -> None:
        """``/meters ,s[i] "/meters/1" [time factor]``: (re)subscribe for 10 s."""
        if not args or args[0] != protocol.CHANNEL_METERS:
            _LOGGER.debug("emulator: meter request %r not emulated", args)
            return
        factor = args[1] if len(args) > 1 and isinstance(args[1], int) else 1
        expiry = self.clock() + protocol.SUBSCRIPTION_SECONDS
        self.meter_clients[sender] = (expiry, max(1, factor))

    def _fan_out(self, changed: dict[str, OscArg], sender: Address | None) -> None:
        """Send changes to every live /xremote client except the one that made them."""
        now = self.clock()
        for client, expiry in list(self.remote_clients.items()):
            if expiry <= now:
                del self.remote_clients[client]  # expired: the desk forgets it
                continue
            if client == sender:
                continue
            for address, value in changed.items():
                self._send(client, address, value)

    def _schedule_meters(self, loop: asyncio.AbstractEventLoop) -> None:
        # A timer callback rather than a sleeping task: under qasync, Qt may fire it while
        # the asyncio loop is not "running" (pytest-qt's processEvents), where a task's
        # asyncio.sleep() would raise "no running event loop" and the meters would stop.
        self._meter_timer = loop.call_later(_METER_TICK_S, self._meter_tick, loop)

    def _meter_tick(self, loop: asyncio.AbstractEventLoop) -> None:
        """Send /meters/1 to each live meter client at its rate."""
        self._schedule_meters(loop)
        self._ticks += 1
        if self.silent or not self.meter_clients:
            return
        now = self.clock()
        blob = protocol.encode_meter_blob(self.model, self.desk.meter_levels())
        for client, (expiry, factor) in list(self.meter_clients.items()):
            if expiry <= now:
                del self.meter_clients[client]
            elif self._ticks % factor == 0:
                self._send(client, protocol.CHANNEL_METERS, blob)

    def _send(self, client: Address, address: str, *args: OscArg) -> None:
        """Send one message unless unplugged."""
        if self._transport is None or self.silent:
            return
        self._transport.sendto(protocol.encode(address, *args), client)

    def _model_and_firmware(self) -> tuple[str, str]:
        return self.model.model_name, self.model.firmware

    def _desk_name(self) -> str:
        return f"{self.model.model_name}-emulator"


async def run_standalone(model: str, listen: str, speaking: tuple[int, ...] = ()) -> None:
    """Serve an emulated desk until cancelled (``roomctl emulate mixer x32|xair --listen``)."""
    emulator = X32Emulator(model)
    emulator.desk.speaking.update(dict.fromkeys(speaking, True))
    await emulator.start(listen)
    print(f"emulated {emulator.model.model_name} on udp {emulator.endpoint}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await emulator.close()


def main() -> None:
    """``python -m drivers.x32.emulator x32|xair [HOST:PORT]`` (until roomctl has it)."""
    import argparse

    parser = argparse.ArgumentParser(description="Emulated Behringer X32 / X-Air desk")
    parser.add_argument("model", choices=sorted(protocol.MODELS))
    parser.add_argument("listen", nargs="?", default="127.0.0.1:0")
    parser.add_argument("--speaking", default="", help="channels that talk all the time: 1,2")
    args = parser.parse_args()
    speaking = tuple(int(n) for n in args.speaking.split(",") if n)
    logging.basicConfig(level=logging.INFO)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_standalone(args.model, args.listen, speaking))


if __name__ == "__main__":
    main()
