"""``roomctl emulate DEVICE``: run a device emulator for training and integration.

Modules of this package that define ``register_emulator(subparsers)`` add a device here
(``emulate_camera.py`` adds ``camera``; a mixer or codec module adds its own).
"""

from __future__ import annotations

import argparse
from typing import Any

from console import cli


def register_command(subparsers: Any) -> None:
    """Add ``emulate`` with one sub-command per emulated device."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "emulate", help="run an emulated device (cameras, mixers ...) until Ctrl+C"
    )
    devices = parser.add_subparsers(dest="device", required=True, metavar="DEVICE")
    for module in cli.command_modules():
        register = getattr(module, "register_emulator", None)
        if register is not None:
            register(devices)
