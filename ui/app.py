"""``roomconsole [--demo] [--config PATH]``: the operator GUI on a qasync event loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from console.config.loader import (
    ProfileError,
    default_profile_path,
    load_profile,
    update_profile_file,
)
from console.config.models import RoomProfile
from console.eventlog import LoggingSetup, install_logging
from console.runtime import RoomRuntime
from console.version import version_line
from ui.gc_guard import GuiThreadCollector
from ui.i18n import install_translator
from ui.language_choice import apply_profile_language, install_language_choice
from ui.main_window import MainWindow
from ui.operator_day import install_operator_day
from ui.repair import RepairWindow
from ui.room_panels import attach_room_panels
from ui.settings_editor import install_settings
from ui.style import apply_style

_LOGGER = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="roomconsole", description="Room Console operator GUI")
    parser.add_argument(
        "--demo", action="store_true", help="training mode with emulated cameras (no hardware)"
    )
    parser.add_argument("--config", type=Path, help="room profile to use instead of the default")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug detail")
    parser.add_argument("--version", action="version", version=version_line("roomconsole"))
    return parser.parse_args(argv)


async def open_room(
    args: argparse.Namespace, logging_setup: LoggingSetup | None = None
) -> tuple[QMainWindow, Callable[[], Awaitable[None]]]:
    """Build the window for the demo, the profile, or repair mode; return it and its closer."""
    if args.demo:
        from console.demo import start_demo_runtime

        runtime = await start_demo_runtime()
        await runtime.start()
    else:
        path = args.config or default_profile_path()
        try:
            profile = load_profile(path)
        except ProfileError as error:
            _LOGGER.error("profile unusable, opening in repair mode: %s", error)
            return RepairWindow(error), _nothing
        built: RoomRuntime | None = None
        try:
            built = RoomRuntime.from_profile(profile, path)
            await built.start()
        except Exception as exc:  # a window that says why, never none at all
            _LOGGER.exception("the room could not start with %s", path)
            if built is not None:
                await built.close()
            problem = ProfileError(
                path, None, None, f"the console could not start with this room setup: {exc}"
            )
            return RepairWindow(problem), _nothing
        runtime = built
    window, close = _room_window(runtime, logging_setup, training=args.demo)
    runtime.start_schedule()  # after the window subscribed to the schedule's events
    return window, close


def _room_window(
    runtime: RoomRuntime,
    logging_setup: LoggingSetup | None,
    *,
    training: bool = False,
) -> tuple[QMainWindow, Callable[[], Awaitable[None]]]:
    """Build the main window with every panel the room needs; its closer detaches, then closes."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    room = runtime.room
    apply_profile_language(app, room.profile.site.language)  # unless this computer chose one
    window = MainWindow(room, training=training)
    panels = attach_room_panels(window, runtime)

    def save(profile: RoomProfile) -> None:
        """Save the technician PIN into the file as it is now (never older edits over newer)."""
        if room.profile_path is None:  # the demo keeps its changes in memory
            return
        pin_hash = profile.technician_pin_hash

        def set_pin(current: RoomProfile) -> None:
            current.technician_pin_hash = pin_hash

        update_profile_file(room.profile_path, set_pin)

    day = install_operator_day(
        window,
        runtime,
        profile_path=room.profile_path,
        event_log=logging_setup.event_log if logging_setup else None,
        scheduler=runtime.scheduler,
        join_callback=runtime.start_join,
        save_profile=save,
        log_files=logging_setup.log_files if logging_setup else tuple,
    )
    install_settings(day)  # "Settings": the profile editor, in technician mode only
    install_language_choice(day, app)  # Tiếng Việt / English for everyone

    async def close() -> None:
        day.close()
        panels.close()
        await runtime.close()

    return window, close


async def _nothing() -> None:
    """Closer for repair mode: no devices were opened."""


async def run(
    args: argparse.Namespace, app: QApplication, logging_setup: LoggingSetup | None = None
) -> int:
    """Show the window until it is closed, then stop every camera and close the devices."""
    window, close = await open_room(args, logging_setup)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    app.lastWindowClosed.connect(closed.set)
    _quit_on_signals(closed)
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
    window.show()
    await closed.wait()
    wake.stop()
    if isinstance(window, MainWindow):
        window.stop_all()
    await asyncio.wait_for(close(), timeout=5.0)
    return 0 if isinstance(window, MainWindow) else 1


def _quit_on_signals(closed: asyncio.Event) -> None:
    """Ctrl+C or a service stop ends the app the same way as closing the window (cameras stop)."""
    loop = asyncio.get_running_loop()

    def on_signal(number: int, frame: object) -> None:
        _LOGGER.info("signal %d: closing", number)
        loop.call_soon_threadsafe(closed.set)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, on_signal)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``roomconsole``."""
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging_setup = install_logging(level=logging.DEBUG if args.verbose else logging.INFO)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Room Console")
    app.setQuitOnLastWindowClosed(False)  # the loop ends after the devices are closed
    apply_style(app)
    install_translator(app)
    collector = GuiThreadCollector(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            return loop.run_until_complete(run(args, app, logging_setup))
    finally:
        collector.stop()
        logging_setup.uninstall()


if __name__ == "__main__":
    sys.exit(main())
