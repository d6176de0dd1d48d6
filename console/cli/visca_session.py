"""A one-shot VISCA conversation for the CLI: send a packet, print the replies in words.

Unlike ``ViscaCamera`` (which hides the protocol behind verbs), the technician wants to see
each reply, and with ``-v`` the bytes on the wire, so this talks to the link directly.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from typing import TextIO

from drivers.errors import DeviceCommandError, DeviceConnectionError, DeviceTimeout, Problem
from drivers.roles.base import Availability
from drivers.visca.connection import ConnectionSpec
from drivers.visca.link import ViscaLink, open_link
from drivers.visca.protocol import (
    Ack,
    AddressSetReply,
    Command,
    Completion,
    ErrorReply,
    Reply,
    ReplyDecoder,
    ViscaErrorCode,
    address_set_packet,
)

_LOGGER = logging.getLogger(__name__)

ERROR_WORDS = {
    ViscaErrorCode.MESSAGE_LENGTH: "message length error",
    ViscaErrorCode.SYNTAX: "syntax error (the camera does not know this command)",
    ViscaErrorCode.BUFFER_FULL: "buffer full (two commands already running)",
    ViscaErrorCode.CANCELED: "canceled",
    ViscaErrorCode.NO_SOCKET: "no such socket",
    ViscaErrorCode.NOT_EXECUTABLE: "not executable in the camera's current mode",
}


def describe(reply: Reply) -> str:
    """One reply in plain words."""
    match reply:
        case Ack(socket=socket):
            return f"accepted (socket {socket})"
        case Completion(socket=0, data=data) if data:
            return f"answer {data.hex(' ')}"
        case Completion(socket=socket):
            return f"done (socket {socket})"
        case ErrorReply(socket=socket, code=code):
            words = ERROR_WORDS.get(code, f"error {int(code):02x}")
            return f"error: {words} (socket {socket})"
        case AddressSetReply(next_address=next_address):
            return f"address set: {next_address - 1} camera(s) on the chain"
    return str(reply)


class ViscaSession:
    """An open link to one camera address, with a reply queue and optional wire printing."""

    def __init__(
        self,
        spec: ConnectionSpec,
        *,
        address: int = 1,
        verbose: bool = False,
        timeout: float = 10.0,
        out: TextIO | None = None,
    ) -> None:
        self.spec = spec
        self.address = address
        self.verbose = verbose
        self.timeout = timeout
        self.out = out  # None: whatever sys.stdout is when printing
        self._decoder = ReplyDecoder()
        self._replies: asyncio.Queue[Reply] = asyncio.Queue()
        self._link: ViscaLink | None = None

    async def __aenter__(self) -> ViscaSession:
        self._link = open_link(self.spec)
        self._link.on_data = self._received
        self._link.start()
        deadline = time.monotonic() + self.timeout
        while not self._link.is_up:
            # one failed attempt is enough for a one-shot command: no point retrying
            failed = self._link.status.value.availability is Availability.OFFLINE
            if failed or time.monotonic() > deadline:
                status = self._link.status.value
                await self._link.close()
                raise DeviceConnectionError(
                    f"cannot open {self.spec}: {status.detail or 'no answer'}",
                    problem=status.problem or Problem.CONNECTION_REFUSED,
                )
            await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._link is not None:
            await self._link.close()

    def say(self, text: str) -> None:
        """Print one line for the technician."""
        print(text, file=self.out or sys.stdout, flush=True)

    def _received(self, data: bytes) -> None:
        if self.verbose:
            self.say(f"<- {data.hex(' ').upper()}")
        for reply in self._decoder.feed(data):
            self._replies.put_nowait(reply)

    async def send(self, packet: bytes, *, inquiry: bool = False) -> None:
        """Put one packet on the wire (printed with ``-v``)."""
        assert self._link is not None, "use 'async with'"
        if self.verbose:
            self.say(f"-> {packet.hex(' ').upper()}")
        await self._link.send(packet, inquiry=inquiry)

    async def _next_reply(self, deadline: float, what: str) -> Reply:
        remaining = deadline - time.monotonic()
        try:
            return await asyncio.wait_for(self._replies.get(), max(remaining, 0.0))
        except TimeoutError:
            raise DeviceTimeout(f"no answer to {what} within {self.timeout:g} s") from None

    def _mine(self, reply: Reply) -> bool:
        return getattr(reply, "address", self.address) == self.address

    async def command(self, command: Command) -> None:
        """Send a command; print ACK and Completion; raise on an error reply or timeout."""
        await self.send(command.packet(self.address), inquiry=command.inquiry)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = await self._next_reply(deadline, command.name)
            if not self._mine(reply):
                continue
            self.say(f"camera {self.address}: {command.name}: {describe(reply)}")
            if isinstance(reply, ErrorReply):
                raise DeviceCommandError(describe(reply), problem=Problem.REFUSED)
            if isinstance(reply, Completion):
                return

    async def inquire(self, command: Command) -> bytes:
        """Send an inquiry and return the answer's data (printed by the caller)."""
        await self.send(command.packet(self.address), inquiry=True)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = await self._next_reply(deadline, command.name)
            if not self._mine(reply):
                continue
            if isinstance(reply, ErrorReply):
                self.say(f"camera {self.address}: {command.name}: {describe(reply)}")
                raise DeviceCommandError(describe(reply), problem=Problem.REFUSED)
            if isinstance(reply, Completion) and reply.socket == 0:
                return reply.data

    async def address_set(self) -> int:
        """Broadcast AddressSet; returns how many cameras the chain has."""
        await self.send(address_set_packet())
        deadline = time.monotonic() + self.timeout
        while True:
            reply = await self._next_reply(deadline, "address set")
            if isinstance(reply, AddressSetReply):
                self.say(describe(reply))
                return reply.next_address - 1
