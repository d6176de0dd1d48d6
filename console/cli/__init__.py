"""``roomctl``: the headless technician CLI (no Qt, so it runs on any laptop or server).

Every module in this package that defines ``register_command(subparsers)`` adds a top-level
command; other device families add theirs by dropping a module here (e.g. ``call.py``), and
emulators by defining ``register_emulator`` (see ``emulate.py``). A command's parser sets
``handler`` to a function taking the parsed arguments and returning the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType

from console.version import version_line

PROGRAM = "roomctl"

# Exit codes shared by every command.
EXIT_OK = 0
EXIT_DEVICE_REFUSED = 1  # the device answered with an error
EXIT_USAGE = 2  # bad arguments (argparse uses 2 as well)
EXIT_NO_ANSWER = 3  # timeout, port missing, connection refused
EXIT_BAD_PROFILE = 4


def command_modules() -> Iterator[ModuleType]:
    """Import every module of this package, in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{__name__}.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    """Build the full ``roomctl`` argument parser."""
    parser = argparse.ArgumentParser(prog=PROGRAM, description="Room Console technician tool.")
    parser.add_argument("--version", action="version", version=version_line(PROGRAM))
    parser.add_argument("--log-level", default="WARNING", help="DEBUG, INFO, WARNING (default)")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in command_modules():
        register = getattr(module, "register_command", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``roomctl``; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=getattr(logging, str(args.log_level).upper(), logging.WARNING),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    code: int = args.handler(args)
    return code
