"""``roomctl camera --port CONN OPERATION``: drive one VISCA camera by hand.

Speeds and positions are decimal in the camera's own units (pan speed 24 is byte 18h;
negative positions are sent as two's complement). Exit codes: 0 done, 1 the camera answered
with an error, 2 bad arguments, 3 no answer / cannot open the port.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from console import cli
from console.cli import camera_ops
from drivers.errors import DeviceCommandError, DeviceConnectionError
from drivers.roles.camera import FocusAction, PanTiltDirection, ZoomDirection
from drivers.visca.connection import parse_connection

DEFAULT_PAN_SPEED = 12
DEFAULT_TILT_SPEED = 10


def _speeds(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pan-speed", type=int, default=DEFAULT_PAN_SPEED, help="1-24")
    parser.add_argument("--tilt-speed", type=int, default=DEFAULT_TILT_SPEED, help="1-23 or 24")


def _choice(ops: Any, name: str, choices: list[str], help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = ops.add_parser(name, help=help_text)
    parser.add_argument("value", choices=choices)
    return parser


def _add_operations(ops: Any) -> None:
    _choice(ops, "power", ["on", "off"], "power on or standby")
    ops.add_parser("home", help="pan-tilt home")
    ops.add_parser("reset", help="pan-tilt reset (re-initialise)")
    ops.add_parser("stop", help="stop pan-tilt and zoom")
    move = _choice(ops, "move", [d.value for d in PanTiltDirection], "drive pan-tilt")
    _speeds(move)
    move.add_argument(
        "--for",
        dest="seconds",
        type=float,
        default=None,
        help="then stop after SECONDS (without it the camera keeps moving)",
    )
    zoom = _choice(ops, "zoom", [d.value for d in ZoomDirection], "drive zoom")
    zoom.add_argument("--speed", type=int, default=None, help="0-7 (default: standard)")
    zoom_to = ops.add_parser("zoom-to", help="zoom to an absolute position")
    zoom_to.add_argument("position", type=int)
    focus = _choice(ops, "focus", [a.value for a in FocusAction], "focus mode or drive")
    focus.add_argument("--speed", type=int, default=None, help="0-7 (far/near)")
    preset = _choice(ops, "preset", ["recall", "set", "reset"], "camera preset memory")
    preset.add_argument("number", type=int)
    goto = ops.add_parser("goto", help="absolute pan-tilt position")
    goto.add_argument("pan", type=int)
    goto.add_argument("tilt", type=int)
    _speeds(goto)
    _choice(ops, "wb", list(camera_ops.WB_MODES), "white balance mode")
    _choice(ops, "backlight", ["on", "off"], "backlight compensation")
    _choice(ops, "exposure", list(camera_ops.EXPOSURE_MODES), "exposure mode")
    _choice(ops, "inquire", list(camera_ops.INQUIRIES), "ask the camera")
    ops.add_parser("scan", help="find the cameras on the port")


def register_command(subparsers: Any) -> None:
    """Add ``camera``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "camera",
        help="control one VISCA camera",
        description="CONN: serial:/dev/ttyUSB0 (serial:COM3), visca-ip:HOST[:PORT], "
        "tcp:HOST:PORT or udp:HOST:PORT",
    )
    parser.add_argument("--port", required=True, metavar="CONN", help="connection string")
    parser.add_argument(
        "--address",
        type=int,
        default=1,
        choices=range(1, 8),
        metavar="N",
        help="VISCA address 1-7 (default 1)",
    )
    parser.add_argument("--baud", type=int, default=9600, help="serial baud rate (default 9600)")
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds to wait for each answer (default 10)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show the hex on the wire")
    ops = parser.add_subparsers(dest="operation", required=True, metavar="OPERATION")
    _add_operations(ops)
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        spec = parse_connection(args.port, baud=args.baud)
        plan = camera_ops.plan(args)
    except ValueError as exc:
        print(f"error: {exc}")
        return cli.EXIT_USAGE
    try:
        asyncio.run(camera_ops.execute(spec, args, plan))
    except DeviceCommandError as exc:
        print(f"failed: {exc}")
        return cli.EXIT_DEVICE_REFUSED
    except DeviceConnectionError as exc:
        print(f"failed: {exc}")
        return cli.EXIT_NO_ANSWER
    return cli.EXIT_OK
