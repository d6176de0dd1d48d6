"""``roomctl pin``: set the technician PIN while installing a site (before anyone else can).

Until a PIN is set, anyone at the console can open technician mode and choose one, so setting it
is part of installing a site. ``roomctl pin set`` asks for the PIN twice without echo, or reads
one line from standard input with ``--stdin`` (deployment scripts); only its salted hash is
written into the profile (``technician_pin_hash``), with a ``.bak`` of the previous file.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from console import cli
from console.access import check_pin_format, hash_pin
from console.config.loader import (
    ProfileError,
    default_profile_path,
    load_profile,
    update_profile_file,
)
from console.config.models import RoomProfile


def register_command(subparsers: Any) -> None:
    """Add ``pin set``, ``pin clear`` and ``pin status``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "pin",
        help="set, clear or show the technician PIN of a room profile",
        description="The PIN guards technician mode (settings, PIN, presets of other rooms). "
        "Set it when installing a site; the profile keeps only its salted hash.",
    )
    actions = parser.add_subparsers(dest="pin_action", required=True, metavar="ACTION")
    for name, help_text, handler in (
        ("set", "set the technician PIN (asked twice, not shown)", _set),
        ("clear", "remove the technician PIN (technician mode is then open to anyone)", _clear),
        ("status", "say whether a technician PIN is set (exit 0) or not (exit 1)", _status),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument(
            "--config", type=Path, default=None, help="profile file (default: this user's)"
        )
        if name == "set":
            action.add_argument(
                "--stdin",
                action="store_true",
                help="read the PIN from one line of standard input (for scripts)",
            )
        action.set_defaults(handler=handler)


def _read_pin(args: argparse.Namespace) -> str:
    """Return the new PIN; ``ValueError`` says what is wrong with it."""
    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New technician PIN (4-12 digits): ")
        again = getpass.getpass("The same PIN again: ")
        if pin != again:
            raise ValueError("the two PINs are different")
    return check_pin_format(pin)


def _write(path: Path, pin_hash: str | None) -> int:
    """Store ``pin_hash`` into the profile at ``path``; print why not (exit code 4)."""

    def change(profile: RoomProfile) -> None:
        profile.technician_pin_hash = pin_hash

    try:
        update_profile_file(path, change)
    except ProfileError as exc:
        print(f"error: {exc}")
        if exc.missing:
            print("Install the site's room profile first, then set its PIN.")
        return cli.EXIT_BAD_PROFILE
    except OSError as exc:
        print(f"error: cannot write {path}: {exc.strerror or exc} - the file is unchanged")
        return cli.EXIT_BAD_PROFILE
    return cli.EXIT_OK


def _set(args: argparse.Namespace) -> int:
    path: Path = args.config or default_profile_path()
    try:
        pin = _read_pin(args)
    except ValueError as exc:
        print(f"error: {exc}; the PIN was not changed")
        return cli.EXIT_USAGE
    except (EOFError, KeyboardInterrupt):
        print("\nthe PIN was not changed")
        return cli.EXIT_USAGE
    code = _write(path, hash_pin(pin))
    if code == cli.EXIT_OK:
        print(f"{path}: technician PIN set")
    return code


def _clear(args: argparse.Namespace) -> int:
    path: Path = args.config or default_profile_path()
    code = _write(path, None)
    if code == cli.EXIT_OK:
        print(f"{path}: technician PIN removed - anyone can open technician mode")
    return code


def _status(args: argparse.Namespace) -> int:
    path: Path = args.config or default_profile_path()
    try:
        profile = load_profile(path)
    except ProfileError as exc:
        print(f"error: {exc}")
        return cli.EXIT_BAD_PROFILE
    if profile.technician_pin_hash is None:
        print(f"{path}: no technician PIN is set - anyone can open technician mode")
        return 1
    print(f"{path}: a technician PIN is set")
    return cli.EXIT_OK
