"""Connection strings for VISCA links: ``serial:/dev/ttyUSB0``, ``visca-ip:HOST[:PORT]`` ...

The same syntax serves the profile, ``roomctl camera --port`` and ``roomctl emulate camera
--listen`` (the emulator also accepts ``pty``: make a pseudo-terminal and print its path).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Transport(StrEnum):
    """How VISCA bytes travel."""

    SERIAL = "serial"  # RS-232 / USB adapter, pyserial
    SONY_IP = "visca-ip"  # Sony VISCA over IP: UDP with an 8-byte header
    TCP = "tcp"  # raw VISCA over TCP (PTZOptics, Avonic ...)
    UDP = "udp"  # raw VISCA over UDP
    PTY = "pty"  # emulator only: a fresh pseudo-terminal


DEFAULT_PORTS = {Transport.SONY_IP: 52381, Transport.TCP: 5678, Transport.UDP: 1259}


@dataclass(frozen=True)
class ConnectionSpec:
    """A parsed connection string."""

    transport: Transport
    target: str = ""  # device path for serial, host name or address for the network
    port: int = 0  # network port (0 = any free port, for emulators)
    baud: int = 9600

    def __str__(self) -> str:
        if self.transport is Transport.PTY:
            return "pty"
        if self.transport is Transport.SERIAL:
            return f"serial:{self.target}"
        return f"{self.transport.value}:{self.target}:{self.port}"

    @property
    def is_network(self) -> bool:
        """True for the IP transports."""
        return self.transport in DEFAULT_PORTS


def parse_connection(text: str, baud: int = 9600) -> ConnectionSpec:
    """Parse a connection string; ``ValueError`` with a message saying what is expected."""
    kind, _, rest = text.strip().partition(":")
    try:
        transport = Transport(kind)
    except ValueError:
        raise ValueError(
            f"unknown connection {text!r}: expected serial:PORT, visca-ip:HOST[:PORT], "
            "tcp:HOST:PORT or udp:HOST:PORT"
        ) from None
    if transport is Transport.PTY:
        return ConnectionSpec(transport, baud=baud)
    if not rest:
        raise ValueError(f"connection {text!r} names no {'port' if kind == 'serial' else 'host'}")
    if transport is Transport.SERIAL:
        return ConnectionSpec(transport, rest, baud=baud)
    host, sep, port_text = rest.rpartition(":")
    if not sep:
        host, port_text = rest, ""
    if not port_text:
        if transport is not Transport.SONY_IP:
            raise ValueError(f"connection {text!r} needs a port: {kind}:HOST:PORT")
        port_text = str(DEFAULT_PORTS[transport])
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise ValueError(f"connection {text!r}: port {port_text!r} is not a number 0-65535")
    return ConnectionSpec(transport, host.strip("[]"), int(port_text), baud)
