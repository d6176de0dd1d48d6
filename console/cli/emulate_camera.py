"""``roomctl emulate camera --listen CONN``: a standalone emulated VISCA camera (or chain).

For trainers and integrators without hardware; any VISCA controller can talk to it. Prints
the connection string controllers should use (with the real port or pty path), then serves
until Ctrl+C or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from console import cli
from console.cli.signals import run_until_signalled
from drivers.visca.connection import parse_connection


def register_emulator(devices: Any) -> None:
    """Add ``emulate camera``."""
    parser: argparse.ArgumentParser = devices.add_parser(
        "camera",
        help="emulated VISCA camera(s)",
        description="LISTEN: pty, serial:PATH (e.g. one end of a socat pty pair), "
        "visca-ip:HOST[:PORT], tcp:HOST:PORT or udp:HOST:PORT (port 0 = any free port)",
    )
    parser.add_argument("--listen", required=True, metavar="CONN", help="where to serve")
    parser.add_argument(
        "--cameras",
        type=int,
        default=1,
        choices=range(1, 8),
        metavar="N",
        help="cameras on the chain (serial/pty), 1-7",
    )
    parser.add_argument(
        "--pace-baud",
        type=int,
        default=None,
        metavar="B",
        help="deliver reply bytes at this baud rate, like a real wire",
    )
    parser.set_defaults(handler=_run)


def _ready(endpoint: str) -> None:
    if endpoint.startswith("serial:"):
        # we opened this end of a cable or pty pair; the controller uses the other end
        print(f"emulated camera ready on {endpoint} (controller on the other end)", flush=True)
    else:
        print(f"emulated camera ready: connect to {endpoint}", flush=True)


async def _serve(args: argparse.Namespace) -> None:
    from drivers.visca.emulator import run_standalone

    await run_until_signalled(
        run_standalone(args.listen, args.cameras, args.pace_baud, on_ready=_ready)
    )


def _run(args: argparse.Namespace) -> int:
    try:
        parse_connection(args.listen)
    except ValueError as exc:
        print(f"error: {exc}")
        return cli.EXIT_USAGE
    try:
        asyncio.run(_serve(args))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"error: cannot listen on {args.listen}: {exc}")
        return cli.EXIT_NO_ANSWER
    return cli.EXIT_OK
