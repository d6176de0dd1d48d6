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
from console.runtime import RoomRuntime
from console.schedule import EventKind, FastClock, ScheduleEvent
from console.services.precheck_report import default_report_path

_LOGGER = logging.getLogger(__name__)

READY_TIMEOUT = 15.0  # seconds for the devices to come online before the schedule starts


def register_command(subparsers: Any) -> None:
    """Add ``run``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "run", help="run the room without a window (schedule, auto-join, hot-mic, health)"
    )
    add_room_options(parser)
    # Tests and training: the schedule's clock runs this many times faster (hidden option).
    parser.add_argument("--clock-speed", type=float, default=1.0, help=argparse.SUPPRESS)
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
    options: dict[str, Any] = {}
    if args.clock_speed != 1.0:
        options = {"clock": FastClock(args.clock_speed), "max_sleep": 5.0 / args.clock_speed}
    runtime = await open_runtime(args, profile, **options)
    unattended = _Unattended(runtime)
    try:
        await runtime.start(previews=False)  # no window: nobody watches them
        for name in await runtime.wait_until_online(READY_TIMEOUT):
            _LOGGER.warning("%s: not online yet; the room runs anyway", name)
        if runtime.health is not None:
            runtime.health.current.subscribe(_HealthLog())
        runtime.scheduler.subscribe(unattended.on_event)
        runtime.start_schedule()
        _LOGGER.info("room %s running without a window", runtime.profile.site.name)
        print(f"running {runtime.profile.site.name}; SIGTERM or Ctrl+C stops", flush=True)
        await run_until_signalled(asyncio.Event().wait())
        _LOGGER.info("stopping: leaving any call, then closing the devices")
    finally:
        await unattended.close()
        await runtime.close(leave_call=True)
    print("stopped", flush=True)
    return cli.EXIT_OK


class _Unattended:
    """What the window shows the operator, done without one: the scheduled check runs alone."""

    def __init__(self, runtime: RoomRuntime) -> None:
        self._runtime = runtime
        self._checks: set[asyncio.Task[None]] = set()

    def on_event(self, event: ScheduleEvent) -> None:
        """Run the pre-meeting check when due; the join prompt has nobody to ask."""
        if event.kind is EventKind.PRECHECK:
            task = asyncio.ensure_future(self._check(event.occurrence.bridge))
            self._checks.add(task)
            task.add_done_callback(self._checks.discard)
        elif event.kind is EventKind.JOIN_PROMPT:
            _LOGGER.info(
                "schedule: nobody to ask to join %s (auto-join joins)", event.occurrence.name
            )

    async def _check(self, bridge_id: str) -> None:
        """Run the check, skipping the guided step (nobody at the lectern), and save its report."""
        await asyncio.sleep(0)  # events due together (a late start) all fire first
        if self._runtime.joining or self._runtime.in_call:
            _LOGGER.info("schedule: pre-meeting check skipped: the room is joining or in a call")
            return  # the check moves the cameras and the desk: never during a meeting
        check = self._runtime.precheck(bridge_id)
        unsubscribe = check.progress.subscribe(lambda p: check.skip_prompt() if p.prompt else None)
        try:
            report = await check.run()
        finally:
            unsubscribe()
        try:
            report.save(default_report_path())
        except OSError as exc:
            _LOGGER.warning("cannot save the pre-meeting check: %s", exc)

    async def close(self) -> None:
        """Stop a check still running."""
        for task in list(self._checks):
            task.cancel()
        await asyncio.gather(*self._checks, return_exceptions=True)


class _HealthLog:
    """Log the call's health when its grade changes (the window shows it as a light)."""

    def __init__(self) -> None:
        self._last: Health | None = None

    def __call__(self, sample: HealthSample | None) -> None:
        """Log a new grade (not every sample)."""
        grade = sample.health if sample is not None else None
        if grade is not self._last and sample is not None:
            causes = f" ({', '.join(sample.causes)})" if sample.causes else ""
            _LOGGER.info("call health: %s%s", sample.health.name.lower(), causes)
        self._last = grade
