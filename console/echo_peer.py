"""A UDP echo peer for tests, the demo and training: answers probes, optionally lossy and slow.

It stands in for a bridge's echo service on 127.0.0.1. ``drop_rate`` drops that share of the
datagrams (seeded, so a test sees the same pattern every run) and ``delay``/``delay_spread``
hold each reply back, so the path measurement sees loss, round-trip time and jitter.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import random
from typing import cast

_LOGGER = logging.getLogger(__name__)

Address = tuple[str, int]


class UdpEchoPeer(asyncio.DatagramProtocol):
    """Echoes every datagram back to its sender, with injectable loss and delay."""

    def __init__(
        self,
        *,
        drop_rate: float = 0.0,
        delay: float = 0.0,
        delay_spread: float = 0.0,
        seed: int | None = 1,
    ) -> None:
        if not 0.0 <= drop_rate <= 1.0:
            raise ValueError("drop_rate must be within 0-1")
        if delay < 0.0 or delay_spread < 0.0:
            raise ValueError("delays must not be negative")
        self.drop_rate = drop_rate
        self.delay = delay
        self.delay_spread = delay_spread  # each reply waits delay + uniform(0, spread) seconds
        self.silent = False  # True = swallow everything (a dead bridge that still has a port)
        self.received = 0
        self.echoed = 0
        self._random = random.Random(seed)
        self._transport: asyncio.DatagramTransport | None = None
        self._pending: set[asyncio.TimerHandle] = set()

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Bind the UDP socket (port 0 = any free port)."""
        loop = asyncio.get_running_loop()
        await loop.create_datagram_endpoint(lambda: self, local_addr=(host, port))
        _LOGGER.info("echo peer listening on %s:%d", host, self.port)

    @property
    def port(self) -> int:
        """The bound UDP port."""
        if self._transport is None:
            raise RuntimeError("echo peer not started")
        port: int = self._transport.get_extra_info("sockname")[1]
        return port

    async def close(self) -> None:
        """Cancel pending replies and close the socket."""
        for handle in self._pending:
            handle.cancel()
        self._pending.clear()
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport."""
        # asyncio's selector datagram transport does not subclass DatagramTransport (3.11)
        self._transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: Address) -> None:
        """Echo ``data`` to ``addr`` unless it is dropped."""
        self.received += 1
        if self.silent or self._random.random() < self.drop_rate:
            return
        wait = self.delay + (
            self._random.uniform(0.0, self.delay_spread) if self.delay_spread else 0
        )
        if wait <= 0.0:
            self._reply(data, addr)
            return
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle | None = None

        def fire() -> None:
            if handle is not None:
                self._pending.discard(handle)
            self._reply(data, addr)

        handle = loop.call_later(wait, fire)
        self._pending.add(handle)

    def _reply(self, data: bytes, addr: Address) -> None:
        if self._transport is None:
            return
        self._transport.sendto(data, addr)
        self.echoed += 1


async def run_standalone(listen: str, drop_rate: float, delay: float, spread: float) -> None:
    """Serve until cancelled (``python -m console.echo_peer``: demos and training)."""
    host, _, port = listen.rpartition(":")
    peer = UdpEchoPeer(drop_rate=drop_rate, delay=delay, delay_spread=spread, seed=None)
    await peer.start(host or "127.0.0.1", int(port or 0))
    print(f"echo peer listening on udp:{host or '127.0.0.1'}:{peer.port}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await peer.close()


def main(argv: list[str] | None = None) -> None:
    """Command line: an echo peer with loss and delay, e.g. to show a poor link in training."""
    parser = argparse.ArgumentParser(prog="python -m console.echo_peer", description=__doc__)
    parser.add_argument("--listen", default="127.0.0.1:0", help="HOST:PORT (port 0 = any)")
    parser.add_argument("--drop", type=float, default=0.0, help="share of datagrams dropped, 0-1")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds each reply waits")
    parser.add_argument("--spread", type=float, default=0.0, help="extra random wait, seconds")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_standalone(args.listen, args.drop, args.delay, args.spread))


if __name__ == "__main__":
    main()
