"""``--config F`` / ``--demo`` for commands that run the whole room through its runtime."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console.config.loader import default_profile_path, load_profile
from console.config.models import RoomProfile
from console.runtime import RoomRuntime


def add_room_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--config PATH`` and ``--demo`` (one or the other)."""
    room = parser.add_mutually_exclusive_group()
    room.add_argument("--config", type=Path, default=None, help="room profile (TOML)")
    room.add_argument(
        "--demo",
        action="store_true",
        help="the demo room: emulated cameras, desk and a local bridge on 127.0.0.1",
    )


def profile_path(args: argparse.Namespace) -> Path:
    """Return the profile file the options name (the default one without ``--config``)."""
    path: Path = args.config or default_profile_path()
    return path


def load_room_profile(args: argparse.Namespace) -> RoomProfile | None:
    """Load the profile to run (None for ``--demo``); ``ProfileError`` names the file and field."""
    return None if args.demo else load_profile(profile_path(args))


async def open_runtime(
    args: argparse.Namespace, profile: RoomProfile | None, **options: Any
) -> RoomRuntime:
    """Build the runtime for ``profile``, or the demo's (its emulators start now); not started."""
    if profile is None:
        from console.demo import start_demo_runtime

        return await start_demo_runtime(**options)
    return RoomRuntime.from_profile(profile, profile_path(args), **options)
