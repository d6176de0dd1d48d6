"""``roomctl run --config F`` (or ``--demo``): the room without a window, as a service.

For a console PC in a rack: the runtime starts the devices, waits (bounded) for them, then
runs the schedule. Reminders, the check and the join prompt are logged; auto-join meetings are
joined; the hot-mic guard and call health follow the meeting. Logs go to the usual log file
(as the window's). SIGTERM or Ctrl+C leaves any call, closes the devices and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import Any

from console import cli
from console.call_health import Health, HealthSample
from console.cli.room_options import add_room_options, load_room_profile, open_runtime
from console.cli.signals import run_until_signalled
from console.config.loader import ProfileError
from console.config.models import RoomProfile
from console.eventlog import install_logging

_LOGGER = logging.getLogger(__name__)

READY_TIMEOUT = 15.0  # seconds for the devices to come online before the schedule starts


def register_command(subparsers: Any) -> None:
    """Add ``run``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "run", help="run the room without a window (schedule, auto-join, hot-mic, health)"
    )
    add_room_options(parser)
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        profile = load_room_profile(args)
    except ProfileError as exc:
        print(f"error: profile: {exc}")
        return cli.EXIT_BAD_PROFILE
    level = min(logging.INFO, logging.getLogger().getEffectiveLevel())
    logging_setup = install_logging(level=level)
    try:
        return asyncio.run(_serve(profile, args))
    except KeyboardInterrupt:  # Windows: Ctrl+C arrives as KeyboardInterrupt
        return cli.EXIT_OK
    finally:
        logging_setup.uninstall()


async def _serve(profile: RoomProfile | None, args: argparse.Namespace) -> int:
    runtime = await open_runtime(args, profile)
    try:
        await runtime.start()
        for name in await runtime.wait_until_online(READY_TIMEOUT):
            _LOGGER.warning("%s: not online yet; the room runs anyway", name)
        if runtime.health is not None:
            runtime.health.current.subscribe(_HealthLog())
        runtime.start_schedule()
        _LOGGER.info("room %s running without a window", runtime.profile.site.name)
        print(f"running {runtime.profile.site.name}; SIGTERM or Ctrl+C stops", flush=True)
        await run_until_signalled(asyncio.Event().wait())
        _LOGGER.info("stopping: leaving any call, then closing the devices")
    finally:
        await runtime.close(leave_call=True)
    print("stopped", flush=True)
    return cli.EXIT_OK


class _HealthLog:
    """Log the call's health when its grade changes (the window shows it as a light)."""

    def __init__(self) -> None:
        self._last: Health | None = None

    def __call__(self, sample: HealthSample | None) -> None:
        """Log a new grade (not every sample)."""
        grade = sample.health if sample is not None else None
        if grade is not self._last and sample is not None:
            causes = ", ".join(sample.causes)
            _LOGGER.info("call health: %s (%s)", sample.health.name.lower(), causes)
        self._last = grade
