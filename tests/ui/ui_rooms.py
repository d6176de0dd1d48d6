"""The operator's day installed on a test window whose room has no profile file (as the demo)."""

from __future__ import annotations

from pathlib import Path

from console.eventlog import EventLog
from console.runtime import RoomRuntime
from console.schedule import Scheduler
from ui.main_window import MainWindow
from ui.operator_day import OperatorDay, ProfileSaver, install_operator_day
from ui.schedule_prompts import JoinCallback


def operator_day_for(
    window: MainWindow,
    report_folder: Path,
    *,
    scheduler: Scheduler | None = None,
    join_callback: JoinCallback = lambda _bridge: None,
    save_profile: ProfileSaver = lambda _profile: None,
) -> OperatorDay:
    """Install the toolbar, modes and prompts on ``window``; the check report goes to the folder."""
    return install_operator_day(
        window,
        RoomRuntime(window.room),
        profile_path=None,
        event_log=EventLog(),
        scheduler=scheduler,
        join_callback=join_callback,
        save_profile=save_profile,
        report_path=report_folder / "last.json",
    )
