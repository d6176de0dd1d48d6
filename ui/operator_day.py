"""The operator's day on the main window: pre-meeting check, event log, help, modes, schedule.

``install_operator_day`` adds one toolbar through QMainWindow's own API (``addToolBar``) and a
banner strip for schedule news under it; nothing inside ``MainWindow`` changes. Technician-only
actions are hidden in operator mode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QSizePolicy, QToolBar, QWidget

from console.access import Mode, TechnicianGate
from console.config.models import RoomProfile
from console.services.precheck_report import default_report_path
from ui.help_action import LogFiles, RequestHelp
from ui.i18n import retranslate_on_change
from ui.log_view import EventLogDialog
from ui.pin_warning import PinWarning
from ui.precheck_card import PrecheckDialog, camera_pictures
from ui.schedule_prompts import JoinCallback, ScheduleBanner, SchedulePrompts
from ui.technician import ModeSwitch

if TYPE_CHECKING:
    from console.eventlog import EventLog
    from console.room import Room
    from console.runtime import RoomRuntime
    from console.schedule import Scheduler

_LOGGER = logging.getLogger(__name__)

ProfileSaver = Callable[[RoomProfile], None]

TOOLBAR_STYLE = """
#operatorDay { background: #ffffff; border-bottom: 1px solid #d5dde5; spacing: 6px; padding: 2px; }
#operatorDay QToolButton {
    margin: 1px 4px; font-size: 15px; padding: 4px 14px; border: 1px solid #b8c4cf;
    border-radius: 8px; background: #f7f9fb; min-height: 26px;
}
#operatorDay QToolButton:checked { background: #fff6e0; border: 2px solid #d9a21b; }
#operatorDay QToolButton:hover { border-color: #1f6fb2; }
"""


@dataclass
class OperatorDay:
    """What ``install_operator_day`` added; ``close()`` before the room closes."""

    window: QMainWindow
    runtime: RoomRuntime
    room: Room
    gate: TechnicianGate
    modes: ModeSwitch
    toolbar: QToolBar
    banner: ScheduleBanner
    banner_bar: QToolBar
    help: RequestHelp
    precheck_action: QAction
    log_action: QAction
    help_action: QAction
    report_path: Path
    event_log: EventLog | None = None
    prompts: SchedulePrompts | None = None
    precheck_dialog: PrecheckDialog | None = None
    log_dialog: EventLogDialog | None = None
    technician_actions: list[QAction] = field(default_factory=list)
    _precheck_bridge: str | None = None

    def show_banner(self, text: str) -> None:
        """Show schedule news under the toolbar until the operator presses OK."""
        self.banner_bar.show()
        self.banner.show_text(text)

    def add_technician_action(self, action: QAction) -> None:
        """Add an action (e.g. Settings) shown in technician mode only."""
        self.toolbar.insertAction(self.modes.action, action)
        self.technician_actions.append(action)
        self.modes.add_technician_only([action])

    def open_precheck(self, bridge_id: str | None = None, *, start: bool = False) -> PrecheckDialog:
        """Show the pre-meeting check (for ``bridge_id``'s path); start it when asked."""
        if self.precheck_dialog is None:
            self.precheck_dialog = PrecheckDialog(
                lambda: self.runtime.precheck(self._precheck_bridge),
                self.window,
                report_path=self.report_path,
                pictures=camera_pictures(self.room),
            )
        self._precheck_bridge = bridge_id
        self.precheck_dialog.show()
        self.precheck_dialog.raise_()
        if start:
            self.precheck_dialog.card.start()
        return self.precheck_dialog

    def open_event_log(self) -> EventLogDialog | None:
        """Show the event log (the raw columns in technician mode)."""
        if self.event_log is None:
            return None
        if self.log_dialog is None:
            self.log_dialog = EventLogDialog(self.event_log, self.window)
        self.log_dialog.view.set_technician(self.gate.mode.value is Mode.TECHNICIAN)
        self.log_dialog.view.refresh()
        self.log_dialog.show()
        self.log_dialog.raise_()
        return self.log_dialog

    def close(self) -> None:
        """Stop following the schedule, a running check, and every subscription."""
        if self.prompts is not None:
            self.prompts.detach()
        if self.precheck_dialog is not None:
            self.precheck_dialog.card.detach()
        if self.log_dialog is not None:
            self.log_dialog.view.detach()
        self.modes.detach()

    def _retranslate(self) -> None:
        """Word the toolbar again after a language switch (actions are not widgets)."""
        self.precheck_action.setText(QCoreApplication.translate("OperatorDay", "Pre-meeting check"))
        self.log_action.setText(QCoreApplication.translate("OperatorDay", "Event log"))
        self.help_action.setText(QCoreApplication.translate("OperatorDay", "Request help"))

    def _on_mode_changed(self, mode: str) -> None:
        if self.log_dialog is not None:
            self.log_dialog.view.set_technician(mode == Mode.TECHNICIAN.value)


def _bridge_name(profile: RoomProfile, bridge_id: str) -> str:
    try:
        return profile.call.bridge(bridge_id).name
    except KeyError:
        return bridge_id


def _toolbar(window: QMainWindow) -> QToolBar:
    toolbar = QToolBar(QCoreApplication.translate("OperatorDay", "Operator's day"), window)
    toolbar.setObjectName("operatorDay")
    toolbar.setStyleSheet(TOOLBAR_STYLE)
    toolbar.setMovable(False)
    toolbar.setFloatable(False)
    toolbar.setIconSize(QSize(24, 24))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def _banner_bar(window: QMainWindow, banner: ScheduleBanner) -> QToolBar:
    """Put the schedule banner on its own full-width row under the toolbar (hidden when idle)."""
    bar = QToolBar(QCoreApplication.translate("OperatorDay", "Schedule"), window)
    bar.setObjectName("scheduleBar")
    bar.setMovable(False)
    bar.setStyleSheet("#scheduleBar { border: none; background: transparent; padding: 2px 8px; }")
    holder = QWidget(bar)  # the toolbar owns its widgets' visibility; the banner's own is free
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(banner)
    holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(holder)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.setVisible(False)
    banner.dismissed.connect(bar.hide)
    return bar


def _action(toolbar: QToolBar) -> QAction:
    """Add an action to the toolbar (worded by ``OperatorDay._retranslate``)."""
    action = QAction(toolbar)
    toolbar.addAction(action)
    return action


def _connect(action: QAction, slot: Callable[[], object]) -> None:
    action.triggered.connect(lambda _checked=False: slot())


def install_operator_day(
    window: QMainWindow,
    runtime: RoomRuntime,
    *,
    profile_path: Path | None,
    event_log: EventLog | None,
    scheduler: Scheduler | None,
    join_callback: JoinCallback,
    save_profile: ProfileSaver,
    log_files: LogFiles = tuple,
    report_path: Path | None = None,
) -> OperatorDay:
    """Add the operator's-day toolbar, banner and schedule prompts to ``window``."""
    room = runtime.room
    report = report_path or default_report_path()
    gate = TechnicianGate(room.profile.technician_pin_hash)
    pin_warning = PinWarning(window, gate.pin_hash)

    def on_pin_set(pin_hash: str | None) -> None:
        """Save the new hash; if that fails the profile keeps the old one (the dialog says why)."""
        previous = room.profile.technician_pin_hash
        room.profile.technician_pin_hash = pin_hash
        try:
            save_profile(room.profile)
        except BaseException:
            room.profile.technician_pin_hash = previous
            raise
        pin_warning.follow(pin_hash)

    modes = ModeSwitch(gate, window, on_pin_set=on_pin_set)
    toolbar = _toolbar(window)
    banner = ScheduleBanner(window)
    banner_bar = _banner_bar(window, banner)
    helper = RequestHelp(room, event_log=event_log, log_files=log_files, last_check=report)
    helper.setParent(window)
    day = OperatorDay(
        window=window,
        runtime=runtime,
        room=room,
        gate=gate,
        modes=modes,
        toolbar=toolbar,
        banner=banner,
        banner_bar=banner_bar,
        help=helper,
        precheck_action=_action(toolbar),
        log_action=_action(toolbar),
        help_action=_action(toolbar),
        report_path=report,
        event_log=event_log,
    )
    _connect(day.precheck_action, day.open_precheck)
    _connect(day.log_action, day.open_event_log)
    day.log_action.setVisible(event_log is not None)
    _connect(day.help_action, lambda: helper.start(window))
    day._retranslate()
    retranslate_on_change(window, day._retranslate)
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(modes.action)
    modes.mode_changed.connect(day._on_mode_changed)
    if scheduler is not None:
        day.prompts = SchedulePrompts(
            scheduler,
            window,
            join=join_callback,
            start_precheck=lambda bridge: day.open_precheck(bridge, start=True),
            bridge_name=lambda bridge: _bridge_name(room.profile, bridge),
        )
        day.prompts.banner.connect(day.show_banner)
    if profile_path is not None:
        _LOGGER.debug("operator's day installed for %s", profile_path)
    return day
