"""What the schedule says to the operator: reminder banner, pre-meeting check, join prompt.

Subscribes to ``console.schedule.Scheduler`` (its ``run()`` task polls on the GUI loop, so the
callbacks arrive in the GUI thread). A reminder becomes banner text, the pre-meeting check event
starts the check, the join prompt is a large "Join … now?" window with Join / Not now, and an
automatic join closes the prompt and says so (the room runtime joins by itself).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.schedule import EventKind, Occurrence, ScheduleEvent, Scheduler

_LOGGER = logging.getLogger(__name__)

JoinCallback = Callable[[str], object]  # receives the bridge id of the meeting
PrecheckCallback = Callable[[str], object]  # receives the bridge id of the meeting

PROMPT_STYLE = """
QDialog { background: #ffffff; }
#joinQuestion { font-size: 28px; font-weight: 600; color: #1d2630; }
#joinDetail { font-size: 17px; color: #3b4856; }
QPushButton { font-size: 20px; min-height: 60px; min-width: 180px; border-radius: 10px; }
#joinNow { background: #2e9d4f; color: #ffffff; border: 1px solid #2e9d4f; font-weight: 600; }
"""


class JoinPrompt(QDialog):
    """Large "Join <meeting> now?" with Join / Not now."""

    def __init__(self, occurrence: Occurrence, bridge_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.occurrence = occurrence
        self.setWindowTitle(self.tr("Join now?"))
        self.setStyleSheet(PROMPT_STYLE)
        question = QLabel(self.tr("Join “{meeting}” now?").format(meeting=occurrence.name), self)
        question.setObjectName("joinQuestion")
        question.setWordWrap(True)
        detail = QLabel(
            self.tr("The meeting starts at {time} on {bridge}.").format(
                time=occurrence.start.strftime("%H:%M"), bridge=bridge_name
            ),
            self,
        )
        detail.setObjectName("joinDetail")
        detail.setWordWrap(True)
        self.join_button = QPushButton(self.tr("Join"), self)
        self.join_button.setObjectName("joinNow")
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self.accept)
        self.later_button = QPushButton(self.tr("Not now"), self)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)
        layout.addWidget(question)
        layout.addWidget(detail)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)


class SchedulePrompts(QObject):
    """Turns scheduler events into what the operator sees; joins through the given callback."""

    banner = Signal(str)  # reminder / auto-join text for a banner

    def __init__(
        self,
        scheduler: Scheduler,
        window: QWidget,
        *,
        join: JoinCallback,
        start_precheck: PrecheckCallback,
        bridge_name: Callable[[str], str] = str,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._join = join
        self._start_precheck = start_precheck
        self._bridge_name = bridge_name
        self.prompt: JoinPrompt | None = None
        self.last_text = ""
        self._unsubscribe = scheduler.subscribe(self._on_event)

    def detach(self) -> None:
        """Stop following the scheduler and close an open prompt."""
        self._unsubscribe()
        self._close_prompt()

    def _on_event(self, event: ScheduleEvent) -> None:
        if not shiboken6.isValid(self._window):
            return
        sitting = event.occurrence
        if event.kind is EventKind.REMINDER:
            self._show(self._reminder_text(event))
        elif event.kind is EventKind.PRECHECK:
            # the check window explains itself; the banner keeps the reminder's time
            self._start_precheck(sitting.bridge)
        elif event.kind is EventKind.JOIN_PROMPT:
            self._open_prompt(sitting)
        else:
            self._close_prompt()
            self._show(self.tr("Joining “{meeting}” automatically.").format(meeting=sitting.name))

    def _reminder_text(self, event: ScheduleEvent) -> str:
        sitting = event.occurrence
        minutes = max(0, round((sitting.start - event.due).total_seconds() / 60))
        return self.tr("“{meeting}” starts at {time} — in {minutes} minutes.").format(
            meeting=sitting.name, time=sitting.start.strftime("%H:%M"), minutes=minutes
        )

    def _show(self, text: str) -> None:
        self.last_text = text
        self.banner.emit(text)

    def _open_prompt(self, sitting: Occurrence) -> None:
        self._close_prompt()
        prompt = JoinPrompt(sitting, self._bridge_name(sitting.bridge), self._window)
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        prompt.accepted.connect(lambda: self._join(sitting.bridge))
        self.prompt = prompt
        prompt.open()  # not exec(): the loop keeps running

    def _close_prompt(self) -> None:
        prompt, self.prompt = self.prompt, None
        if prompt is not None and shiboken6.isValid(prompt):
            prompt.done(QDialog.DialogCode.Rejected.value)


class ScheduleBanner(QWidget):
    """A calm strip for schedule news (reminders); the operator closes it with OK."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#scheduleBanner { background: #eef4fb; border: 1px solid #c2d6ec;"
            " border-radius: 8px; }"
            " #scheduleText { color: #1f3f66; font-size: 17px; font-weight: 600; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("scheduleText")
        self.label.setWordWrap(True)
        ok = QPushButton(self.tr("OK"), self)
        ok.clicked.connect(self._on_ok_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(ok)
        self.hide()

    def show_text(self, text: str) -> None:
        """Show ``text`` until the operator closes it."""
        self.label.setText(text)
        self.show()

    def _on_ok_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
