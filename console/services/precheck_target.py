"""Where to probe for a bridge: host and ports taken from its dial string and kind.

SIP bridges are probed with SIP OPTIONS on their SIP port (TCP connect to the same port as the
fallback; TLS-only bridges with TCP alone), H.323 and IP dialling with a TCP connect to 1720,
Jitsi with a TCP connect to HTTPS. A dial string without a host (a number dialled through the
codec's registrar) cannot be probed directly: None.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from console.config.codec import BridgeKind, BridgeProfile
from console.netprobe import PathTarget

SIP_PORT = 5060
SIP_TLS_PORT = 5061
H323_PORT = 1720
HTTPS_PORT = 443

_HOST_PORT = re.compile(
    r"^(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<host>[A-Za-z0-9.\-]+))(?::(?P<port>\d{1,5}))?$"
)
_HOSTNAME = re.compile(r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+|\d{1,3}(?:\.\d{1,3}){3}|localhost")


def _host_and_port(address: str) -> tuple[str, int | None] | None:
    """Split ``host[:port]`` (or ``[v6]:port``); None when it is no host (e.g. a bare number)."""
    match = _HOST_PORT.match(address)
    if match is None:
        return None
    host = match.group("v6") or match.group("host")
    if match.group("v6") is None and not _HOSTNAME.fullmatch(host):
        return None  # "123456" is an extension number, not a host
    port = int(match.group("port")) if match.group("port") else None
    return host, port


def _sip_target(dial_string: str, udp_echo_port: int | None) -> PathTarget | None:
    text = re.sub(r"^sips?:", "", dial_string, flags=re.IGNORECASE)
    address, _, params = text.rpartition("@")[2].partition(";")
    found = _host_and_port(address)
    if found is None:
        return None
    host, port = found
    transport = re.search(r"transport=(\w+)", params, re.IGNORECASE)
    kind = transport.group(1).lower() if transport else "udp"
    secure = dial_string.lower().startswith("sips:") or kind == "tls"
    if secure:
        return PathTarget(host, udp_echo_port, tcp_port=port or SIP_TLS_PORT)
    sip_port = port or SIP_PORT
    udp_sip = sip_port if kind == "udp" else None
    return PathTarget(host, udp_echo_port, sip_port=udp_sip, tcp_port=sip_port)


def path_target_for(
    bridge: BridgeProfile, *, udp_echo_port: int | None = None
) -> PathTarget | None:
    """Return the probe target of ``bridge``, or None when its dial string names no host."""
    target = _target(bridge, udp_echo_port)
    return replace(target, label=bridge.name) if target is not None else None


def _target(bridge: BridgeProfile, udp_echo_port: int | None) -> PathTarget | None:
    dial = bridge.dial_string
    if bridge.kind is BridgeKind.JITSI:
        parts = urlsplit(dial)
        return PathTarget(parts.hostname or "", udp_echo_port, tcp_port=parts.port or HTTPS_PORT)
    if bridge.kind is BridgeKind.SIP:
        return _sip_target(dial, udp_echo_port)
    text = re.sub(r"^h323:", "", dial, flags=re.IGNORECASE)
    address = text.split("##")[0].rpartition("@")[2]  # alias@host, host##alias
    found = _host_and_port(address)
    if found is None:
        return None
    host, port = found
    return PathTarget(host, udp_echo_port, tcp_port=port or H323_PORT)
