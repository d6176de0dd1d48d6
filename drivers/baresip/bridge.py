"""A local bridge for the demo and the tests: a second baresip on 127.0.0.1 that auto-answers."""

from __future__ import annotations

import asyncio

from drivers.baresip.codec import BaresipCodec
from drivers.errors import DeviceTimeout
from drivers.roles.base import Availability, DeviceStatus


def demo_bridge(name: str = "demo-bridge", *, answermode: str = "auto") -> BaresipCodec:
    """Return a managed baresip acting as the far end (not started)."""
    return BaresipCodec(name, user="bridge", answermode=answermode)


async def start_online(codec: BaresipCodec, timeout: float = 10.0) -> BaresipCodec:
    """Start ``codec`` and wait until ctrl_tcp is connected; close it again on failure."""
    online = asyncio.Event()

    def on_status(status: DeviceStatus) -> None:
        if status.availability is Availability.ONLINE:
            online.set()

    unsubscribe = codec.status.subscribe(on_status)
    try:
        await codec.start()
        async with asyncio.timeout(timeout):
            await online.wait()
    except TimeoutError as exc:
        log = _log_tail(codec)
        await codec.close()
        raise DeviceTimeout(f"{codec.name}: baresip did not come online; log: {log}") from exc
    except BaseException:
        await codec.close()
        raise
    finally:
        unsubscribe()
    return codec


def _log_tail(codec: BaresipCodec, size: int = 600) -> str:
    """Return the end of baresip's own output (why it did not start)."""
    path = codec.process.log_path if codec.process else None
    if path is None or not path.exists():
        return "(none)"
    return path.read_bytes()[-size:].decode(errors="replace")
