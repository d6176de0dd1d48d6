"""``roomctl emulate mixer x32|xair --listen HOST:PORT``: a standalone emulated Behringer desk.

For trainers and integrators without a desk; any OSC app (X32-Edit, X-Air Edit, Mixing
Station) can talk to it. Serves until Ctrl+C or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from console import cli
from console.cli.signals import run_until_signalled


def register_emulator(devices: Any) -> None:
    """Add ``emulate mixer``."""
    parser: argparse.ArgumentParser = devices.add_parser(
        "mixer", help="emulated Behringer X32/M32 or X-Air desk (OSC over UDP)"
    )
    parser.add_argument("model", choices=["x32", "xair"])
    parser.add_argument(
        "--listen", default="127.0.0.1:0", metavar="HOST:PORT", help="port 0 = any free port"
    )
    parser.add_argument(
        "--speaking", default="", metavar="1,2", help="channels with someone talking all the time"
    )
    parser.set_defaults(handler=_run)


async def _serve(args: argparse.Namespace) -> None:
    from drivers.x32.emulator import run_standalone

    speaking = tuple(int(n) for n in args.speaking.split(",") if n.strip())
    await run_until_signalled(run_standalone(args.model, args.listen, speaking))


def _run(args: argparse.Namespace) -> int:
    try:
        asyncio.run(_serve(args))
    except KeyboardInterrupt:
        pass
    except (OSError, ValueError) as exc:
        print(f"error: cannot listen on {args.listen}: {exc}")
        return cli.EXIT_NO_ANSWER
    return cli.EXIT_OK
