"""``roomctl check-profile``: validate a room profile and say exactly what is wrong."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console import cli
from console.config import ProfileError, default_profile_path, load_profile


def register_command(subparsers: Any) -> None:
    """Add ``check-profile``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check-profile", help="check a room profile file (default: the platform config folder)"
    )
    parser.add_argument("--config", type=Path, default=None, help="profile file to check")
    parser.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    path: Path = args.config or default_profile_path()
    try:
        profile = load_profile(path)
    except ProfileError as exc:
        print(f"error: {exc}")
        return cli.EXIT_BAD_PROFILE
    cameras = ", ".join(f"{c.id} ({c.driver} {c.connection})" for c in profile.cameras)
    print(f"{path}: OK - site {profile.site.name!r}, {len(profile.cameras)} camera(s): {cameras}")
    return cli.EXIT_OK
