"""Acknowledge a device's TCP data at once, so its next small message is not held back.

A device that writes one message in several small segments with Nagle's algorithm on (baresip's
ctrl_tcp does) sends the second segment only when the first is acknowledged, and Linux delays
that acknowledgement up to 40 ms when we have nothing to send back. ``TCP_QUICKACK`` turns the
delay off, but only until the kernel's next decision, so it is set again after each read.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Any

_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only; elsewhere nothing to do


def quick_ack(sock: Any) -> None:
    """Ask the kernel to acknowledge received data immediately (no-op where unsupported)."""
    if _QUICKACK is None or sock is None:
        return
    with contextlib.suppress(OSError):  # a closed socket: the reader sees it next
        sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
