"""Schedule prompts on a real Scheduler with an injectable clock; the operator's-day toolbar."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_polling import until
from ui_rooms import operator_day_for

from console.config.codec import BridgeProfile, CallProfile
from console.config.models import RoomProfile
from console.config.schedule import MeetingProfile, ScheduleProfile
from console.room import Room
from console.schedule import Scheduler
from ui.i18n import current_language, switch_language
from ui.main_window import MainWindow
from ui.schedule_prompts import ScheduleBanner, SchedulePrompts

MONDAY = dt.date(2026, 11, 23)


@dataclass
class Clock:
    now: dt.datetime

    def __call__(self) -> dt.datetime:
        return self.now

    def at(self, hour: int, minute: int) -> None:
        self.now = dt.datetime.combine(MONDAY, dt.time(hour, minute))


@dataclass
class Rig:
    clock: Clock
    scheduler: Scheduler
    prompts: SchedulePrompts
    banner: ScheduleBanner
    joined: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)


def flag_ceremony(auto_join: bool | None = None) -> ScheduleProfile:
    meeting = MeetingProfile(
        id="chaoco",
        name="Chào cờ đầu tuần",
        bridge="main",
        weekdays=["mon"],  # type: ignore[list-item]
        time=dt.time(7, 30),
        auto_join=auto_join,
    )
    return ScheduleProfile(meetings=[meeting])


def make_rig(qtbot: QtBot, schedule: ScheduleProfile) -> Rig:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    clock = Clock(dt.datetime.combine(MONDAY, dt.time(6, 0)))
    scheduler = Scheduler(schedule, clock=clock)
    banner = ScheduleBanner(window)
    joined: list[str] = []
    checks: list[str] = []
    prompts = SchedulePrompts(
        scheduler,
        window,
        join=joined.append,
        start_precheck=checks.append,
        bridge_name=lambda bridge: {"main": "Cầu tỉnh"}[bridge],
    )
    prompts.banner.connect(banner.show_text)
    rig = Rig(clock, scheduler, prompts, banner, joined, checks)
    window.rig = rig  # type: ignore[attr-defined]  # keep the window alive with the rig
    return rig


def test_reminder_then_precheck_then_join_prompt_join(qtbot: QtBot) -> None:
    rig = make_rig(qtbot, flag_ceremony())
    assert rig.scheduler.poll() == []
    rig.clock.at(6, 31)
    rig.scheduler.poll()
    assert rig.banner.isVisible()
    assert rig.banner.label.text() == "“Chào cờ đầu tuần” starts at 07:30 — in 60 minutes."
    rig.clock.at(6, 46)
    rig.scheduler.poll()
    assert rig.checks == ["main"]
    assert rig.prompts.prompt is None
    rig.clock.at(7, 26)
    rig.scheduler.poll()
    prompt = rig.prompts.prompt
    assert prompt is not None and prompt.isVisible()
    assert rig.joined == []  # nothing joins without the operator
    qtbot.mouseClick(prompt.join_button, Qt.MouseButton.LeftButton)
    assert rig.joined == ["main"]
    rig.scheduler.poll()
    assert rig.joined == ["main"] and rig.checks == ["main"]  # each event fires once


def test_not_now_does_not_join(qtbot: QtBot) -> None:
    rig = make_rig(qtbot, flag_ceremony())
    rig.clock.at(7, 27)
    rig.scheduler.poll()  # reminder and precheck are late but still fire before the start
    assert rig.checks == ["main"]
    prompt = rig.prompts.prompt
    assert prompt is not None
    labels = [w.text() for w in prompt.findChildren(type(prompt.join_button))]
    assert labels == ["Join", "Not now"]
    qtbot.mouseClick(prompt.later_button, Qt.MouseButton.LeftButton)
    assert rig.joined == []
    assert not prompt.isVisible()


def test_auto_join_closes_the_prompt_and_leaves_the_join_to_the_runtime(qtbot: QtBot) -> None:
    rig = make_rig(qtbot, flag_ceremony(auto_join=True))
    rig.clock.at(7, 26)
    rig.scheduler.poll()
    prompt = rig.prompts.prompt
    assert prompt is not None and prompt.isVisible()
    rig.clock.at(7, 28)
    rig.scheduler.poll()
    assert rig.joined == []  # RoomRuntime joins (tests/console/test_runtime.py)
    assert rig.prompts.prompt is None and not prompt.isVisible()
    assert rig.banner.label.text() == "Joining “Chào cờ đầu tuần” automatically."


def test_detached_prompts_ignore_the_schedule(qtbot: QtBot) -> None:
    rig = make_rig(qtbot, flag_ceremony(auto_join=True))
    rig.prompts.detach()
    rig.clock.at(7, 29)
    assert len(rig.scheduler.poll()) == 4
    assert rig.joined == [] and rig.checks == [] and not rig.banner.isVisible()


async def test_operator_day_toolbar_and_the_scheduled_check_open_the_card(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    profile = RoomProfile(
        call=CallProfile(
            bridges=[BridgeProfile(id="main", name="Cầu tỉnh", dial_string="sip:1@127.0.0.1:9")]
        )
    )
    window = MainWindow(Room(profile))  # a room without devices: only the schedule matters here
    qtbot.addWidget(window)
    window.show()
    clock = Clock(dt.datetime.combine(MONDAY, dt.time(6, 50)))
    scheduler = Scheduler(flag_ceremony(), clock=clock, max_sleep=0.05)
    saved: list[RoomProfile] = []
    joined: list[str] = []
    day = operator_day_for(
        window,
        tmp_path,
        scheduler=scheduler,
        join_callback=joined.append,
        save_profile=saved.append,
    )
    running = asyncio.ensure_future(scheduler.run())  # as RoomRuntime.start_schedule does
    settings = QAction("Settings", window)
    day.add_technician_action(settings)
    try:
        texts = [a.text() for a in day.toolbar.actions() if a.text()]
        assert texts[:3] == ["Pre-meeting check", "Event log", "Request help"]
        assert texts[-1] == "Technician mode"
        assert not settings.isVisible()
        await until(lambda: day.precheck_dialog is not None and day.precheck_dialog.isVisible())
        assert day.precheck_dialog is not None
        assert day.precheck_dialog.card.running  # started by the schedule, 40 min before
        assert day.banner.label.text() == "“Chào cờ đầu tuần” starts at 07:30 — in 60 minutes."
        assert day.banner_bar.isVisible() and day.banner.isVisible()
        log = day.open_event_log()
        assert log is not None and log.view.table.isColumnHidden(4)
        day.modes.action.trigger()  # no PIN set yet: the set-a-PIN page, then "Later"
        dialog = day.modes.dialog
        assert dialog is not None and dialog.setting_pin
        dialog.new_pin.setText("1357")
        dialog.repeat_pin.setText("1357")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert settings.isVisible()
        assert not log.view.table.isColumnHidden(4)  # the raw view for the technician
        assert saved and saved[0].technician_pin_hash == day.gate.pin_hash
        assert profile.technician_pin_hash is not None
        before = current_language()
        try:
            switch_language(qapp, "vi")
            assert day.precheck_action.text() == "Kiểm tra trước họp"
            assert day.modes.action.text() == "Chế độ kỹ thuật (chạm để thoát)"
        finally:
            switch_language(qapp, before)
        assert day.help_action.text() == "Request help"
    finally:
        task = day.precheck_dialog.card.task if day.precheck_dialog else None
        day.close()
        if task is not None:
            await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), 10)
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
    assert joined == []
