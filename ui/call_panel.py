"""Call panel: the big Join/Leave button, join progress, mic mute, DTMF keypad, call health.

Takes the Codec role and, from the room runtime, the main bridge's JoinBridge (its progress),
the join and leave operations and the CallHealthMonitor, and subscribes to them; every device
action runs as a loop task.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QLocale, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.call_health import CallHealthMonitor, Health, HealthCause, HealthSample
from console.services.join import JoinBridge, JoinPhase, JoinProgress
from console.services.steps import JoinStep
from drivers.observable import Unsubscribe
from drivers.roles.codec import CallInfo, CallState, Codec
from ui.device_calls import DeviceCalls
from ui.join_words import step_text
from ui.messages import DeviceKind, problem_text

_LOGGER = logging.getLogger(__name__)

DTMF_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")
# A press this soon after the big button changed (Join -> Cancel -> Leave) is ignored: it was
# aimed at what the button said before (a double click on Join must not cancel).
SETTLE_SECONDS = 1.0
HEALTH_COLOURS = {Health.GOOD: "#2e9d4f", Health.FAIR: "#d9a21b", Health.POOR: "#d0392b"}

_STYLE = """
#joinButton { font-size: 20px; font-weight: 600; min-height: 44px; }
#joinButton[state="leave"] { background: #d0392b; color: #ffffff; border-color: #d0392b; }
#micButton[muted="true"] { background: #d0392b; color: #ffffff; border-color: #d0392b; }
#micButton[muted="false"] { border: 2px solid #2e9d4f; }
#micButton[muted="idle"] { color: #5b6875; }
#callFailed { color: #a32218; font-weight: 600; }
#healthBanner { background: #fff6e0; border: 1px solid #d9a21b; border-radius: 6px; padding: 6px; }
#incoming { background: #e8f1fa; border: 2px solid #1f6fb2; border-radius: 8px; }
"""


class HealthGraph(QWidget):
    """A small bar graph of recent samples (bar height = loss, colour = health)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.samples: list[HealthSample] = []
        self.setMinimumHeight(28)

    def sizeHint(self) -> QSize:
        """Return a wide, short size."""
        return QSize(240, 40)

    def set_samples(self, samples: list[HealthSample]) -> None:
        """Show ``samples`` (oldest first)."""
        self.samples = samples
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw one bar per sample, newest on the right; 15 % loss fills the height.

        A caption says what the bars are and the newest figures, so a flat green line (no loss)
        reads as "all well" and not as an empty box.
        """
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f7f9fb"))
        shown = self.samples[-60:]
        if shown:
            width = self.width() / 60
            for index, sample in enumerate(shown):
                share = min(1.0, max(0.08, sample.loss_percent / 15.0))
                height = share * (self.height() - 2)
                x = self.width() - (len(shown) - index) * width
                rect = QRectF(x, self.height() - height, max(1.0, width - 1), height)
                painter.fillRect(rect, QColor(HEALTH_COLOURS[sample.health]))
        painter.setPen(QColor("#5b6875"))
        font = QFont(self.font())
        font.setPixelSize(11)
        painter.setFont(font)
        painter.drawText(
            QRectF(self.rect()).adjusted(6, 2, -6, -2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            self.caption(),
        )
        painter.end()

    def caption(self) -> str:
        """Return what the graph shows, with the newest loss and jitter."""
        if not self.samples:
            return self.tr("Loss, last minute")
        newest = self.samples[-1]
        return self.tr("Loss, last minute: {loss} % · jitter {jitter} ms").format(
            loss=QLocale().toString(newest.loss_percent, "f", 1),
            jitter=QLocale().toString(newest.jitter_ms, "f", 0),
        )


class CallPanel(QGroupBox):
    """Join/Leave, progress, mute, keypad, incoming prompt and call health for one codec."""

    def __init__(
        self,
        codec: Codec,
        join: JoinBridge,
        *,
        leave: Callable[[], Awaitable[Any]] | None = None,
        start_join: Callable[[str], object] | None = None,
        health: CallHealthMonitor | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Meeting"))
        self.setStyleSheet(_STYLE)
        self.codec, self.join, self._leave, self.health = codec, join, leave, health
        self._start = start_join  # the room runtime's: one join at a time, whichever bridge
        self._clock = clock
        self._calls = DeviceCalls(self._show_error)
        self._join_task: asyncio.Future[Any] | None = None
        self._button_state = ""
        self._settled_at = -float("inf")  # when the big button last changed or was pressed
        self.dialog: QMessageBox | None = None  # the open "Leave the meeting?" question
        self._build()
        self._unsubscribe: list[Unsubscribe] = [
            codec.call.subscribe(self._on_call),
            codec.mic_muted.subscribe(self._on_mic),
            codec.selfview.subscribe(self._on_selfview),
            join.progress.subscribe(self._on_progress),
        ]
        if health is not None:
            self._unsubscribe.append(health.current.subscribe(self._on_health))
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._update_state)
        self._timer.start()
        self._update_all()

    def detach(self) -> None:
        """Stop following the codec and services (before the panel goes away)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if shiboken6.isValid(self._timer):  # Qt may already have deleted the widget tree
            self._timer.stop()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.join_button = _named(QPushButton(), "joinButton")
        self.join_button.clicked.connect(self._on_join_clicked)
        self.state_label = _label("callState")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.failed_label = _label("callFailed")
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self._start_join)
        self.mic_button = _named(QPushButton(), "micButton")
        self.mic_button.clicked.connect(self._on_mic_clicked)
        for widget in (
            self.join_button,
            self.state_label,
            self.progress_bar,
            self.failed_label,
            self.retry_button,
        ):
            layout.addWidget(widget)
        layout.addWidget(self._build_incoming())
        layout.addWidget(self._build_keypad())
        layout.addLayout(self._build_health())

    def _build_incoming(self) -> QFrame:
        self.incoming = _named(QFrame(), "incoming")
        row = QHBoxLayout(self.incoming)
        self.incoming_label = _label("incomingLabel")
        self.answer_button = QPushButton(self.tr("Answer"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.answer_button.clicked.connect(lambda: self._run(self.codec.answer()))
        self.reject_button.clicked.connect(lambda: self._run(self.codec.reject()))
        for widget in (self.incoming_label, self.answer_button, self.reject_button):
            row.addWidget(widget)
        return self.incoming

    def _build_keypad(self) -> QWidget:
        """Build a 'Keypad' button that opens the DTMF keys: rarely needed, so folded away."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self.keypad_toggle = QPushButton(self.tr("Keypad"))
        self.keypad_toggle.setToolTip(self.tr("Tones for the bridge's voice menu"))
        self.keypad_toggle.setCheckable(True)
        self.keypad_frame = QWidget()
        self.keypad_frame.setVisible(False)
        self.keypad_toggle.toggled.connect(self.keypad_frame.setVisible)
        grid = QGridLayout(self.keypad_frame)
        grid.setContentsMargins(0, 0, 0, 0)
        self.selfview_button = QPushButton(self.tr("Self-view"))
        self.selfview_button.setToolTip(self.tr("Show our own picture on the room's screen"))
        self.selfview_button.setCheckable(True)
        self.selfview_button.setVisible(self.codec.has_selfview)  # only codecs that have one
        self.selfview_button.clicked.connect(
            lambda on: self._run(self.codec.set_selfview(bool(on)))
        )
        row = QHBoxLayout()  # the mic toggle and the rarely used buttons share a row
        row.addWidget(self.mic_button, 2)
        row.addWidget(self.keypad_toggle, 1)
        row.addWidget(self.selfview_button, 1)
        box.addLayout(row)
        box.addWidget(self.keypad_frame)
        self.keypad: dict[str, QPushButton] = {}
        self._tones_sent = ""
        self.keypad_echo = _label("keypadEcho")  # the digits sent, as a phone's display shows
        grid.addWidget(self.keypad_echo, 0, 0, 1, 3)
        for index, key in enumerate(DTMF_KEYS):
            button = QPushButton(key)
            button.setToolTip(self.tr("Send the tone %1 to the far end").replace("%1", key))
            button.clicked.connect(lambda _=False, k=key: self._run(self._send_tone(k)))
            grid.addWidget(button, index // 3 + 1, index % 3)
            self.keypad[key] = button
        self._update_echo()
        return holder

    def _build_health(self) -> QVBoxLayout:
        box = QVBoxLayout()
        row = QHBoxLayout()
        self.health_light = QLabel("●")
        self.health_label = QLabel()
        row.addWidget(self.health_light)
        row.addWidget(self.health_label, 1)
        box.addLayout(row)
        self.health_banner = _label("healthBanner")
        self.health_graph = HealthGraph()
        box.addWidget(self.health_banner)
        box.addWidget(self.health_graph)
        return box

    # ---- actions -----------------------------------------------------------------------

    def _run(self, coro: Any) -> None:
        self._calls.start(coro, self.codec.name, DeviceKind.OTHER)

    def _show_error(self, text: str) -> None:
        self.failed_label.setText(text)
        self.failed_label.setVisible(True)

    def _on_join_clicked(self) -> None:
        state = str(self.join_button.property("state"))
        since = self._clock() - self._settled_at
        if since < SETTLE_SECONDS:
            _LOGGER.info(
                "meeting button: press ignored, %.1f s after it changed to %s or was pressed",
                since,
                state,
            )
            return
        self._settled_at = self._clock()
        phase = self.join.progress.value.phase
        if phase is JoinPhase.JOINING:
            self.join.cancel()
        elif self.codec.call.value.active or phase is JoinPhase.IN_MEETING:
            self._ask_leave()
        else:
            self._start_join()

    def _ask_leave(self) -> None:
        """Ask before hanging up; "Stay" is the default answer (Enter and Esc keep the call)."""
        if self.dialog is not None:
            return
        # The bridge's name, not its SIP address, when the room joined it through the button.
        joined = self.join.progress.value.phase is JoinPhase.IN_MEETING
        far_end = self.join.bridge.name if joined else self.codec.call.value.far_end
        far_end = far_end or self.join.bridge.name
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Leave the meeting?"),
            self.tr("Leave the meeting with %1? The call ends for this room.").replace(
                "%1", far_end
            ),
            parent=self,
        )
        leave = box.addButton(self.tr("Leave the meeting"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Stay"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(clicked: object) -> None:
            if clicked is leave:
                _LOGGER.info("meeting button: the operator leaves the meeting")
                self._start_leave()
            else:
                _LOGGER.info("meeting button: the operator chose to stay in the meeting")

        box.buttonClicked.connect(answered)
        box.destroyed.connect(lambda *_: self._forget_dialog(box))
        self.dialog = box
        box.open()  # not exec(): the asyncio loop keeps running while the question is shown

    def _forget_dialog(self, box: QMessageBox) -> None:
        if self.dialog is box:
            self.dialog = None

    def _start_join(self) -> None:
        if self._start is not None:
            self._start(self.join.bridge.id)
        elif not self.join.running:
            self._join_task = asyncio.ensure_future(self.join.run())

    def _start_leave(self) -> None:
        if self._leave is not None:
            self._run(self._leave())
        else:
            self._run(self.codec.hangup())

    async def _send_tone(self, key: str) -> None:
        await self.codec.send_dtmf(key)
        if shiboken6.isValid(self):  # the window may have closed meanwhile
            self._tones_sent = (self._tones_sent + key)[-24:]
            self._update_echo()

    def _update_echo(self) -> None:
        if self._tones_sent:
            self.keypad_echo.setText(self.tr("Sent: %1").replace("%1", self._tones_sent))
        else:
            self.keypad_echo.setText(self.tr("Sent: nothing yet"))

    def _on_mic_clicked(self) -> None:
        self._run(self.codec.set_mic_muted(not self.codec.mic_muted.value))

    # ---- updates -----------------------------------------------------------------------

    def _on_call(self, info: CallInfo) -> None:
        self._update_all()

    def _on_selfview(self, on: bool | None) -> None:
        self.selfview_button.setChecked(bool(on))

    def _on_mic(self, muted: bool) -> None:
        self._update_mic()

    def _on_progress(self, progress: JoinProgress) -> None:
        self._update_all()

    def _on_health(self, sample: HealthSample | None) -> None:
        self._update_health()

    def _update_all(self) -> None:
        self._update_button()
        self._update_state()
        self._update_mic()
        self._update_incoming()
        self._update_health()
        connected = self.codec.call.value.state is CallState.CONNECTED
        for button in self.keypad.values():
            button.setEnabled(connected)
        if not self.codec.call.value.active and self._tones_sent:
            self._tones_sent = ""  # a new call starts with an empty display
            self._update_echo()

    def _update_button(self) -> None:
        self._update_button_text()
        state = str(self.join_button.property("state"))
        if state != self._button_state:
            if self._button_state:  # the first text is not a change under the pointer
                self._settled_at = self._clock()
            self._button_state = state
        if state != "leave" and self.dialog is not None:
            self.dialog.reject()  # the call ended meanwhile: the question is moot

    def _update_button_text(self) -> None:
        phase = self.join.progress.value.phase
        in_call = (
            self.codec.call.value.active and self.codec.call.value.state is not CallState.INCOMING
        )
        if phase is JoinPhase.JOINING:
            text, state = self.tr("Cancel"), "cancel"
        elif in_call or (phase is JoinPhase.IN_MEETING and self.join.codec is None):
            text, state = self.tr("Leave the meeting"), "leave"
        else:
            text = self.tr("Join %1").replace("%1", self.join.bridge.name)
            state = "join"
        self.join_button.setText(text)
        self.join_button.setProperty("state", state)
        self.join_button.style().unpolish(self.join_button)
        self.join_button.style().polish(self.join_button)

    def _update_state(self) -> None:
        progress, info = self.join.progress.value, self.codec.call.value
        failed = progress.phase is JoinPhase.FAILED and not info.active
        self.failed_label.setVisible(failed)
        self.retry_button.setVisible(failed)
        self.progress_bar.setVisible(progress.phase is JoinPhase.JOINING)
        if progress.phase is JoinPhase.JOINING:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.index - 1)
            self.state_label.setText(
                self.tr("Joining: step %1 of %2 — %3")
                .replace("%1", str(progress.index))
                .replace("%2", str(progress.total))
                .replace("%3", step_text(progress.step))
            )
        elif info.state is CallState.CONNECTED and progress.phase is JoinPhase.IN_MEETING:
            self.state_label.setText(
                self.tr("In meeting: %1 — %2")
                .replace("%1", self.join.bridge.name)
                .replace("%2", self._duration(info))
            )
        elif info.state is CallState.CONNECTED:
            self.state_label.setText(
                self.tr("In meeting with %1 — %2")
                .replace("%1", info.far_end or self.join.bridge.name)
                .replace("%2", self._duration(info))
            )
        elif info.active:
            self.state_label.setText(self.tr("Calling %1…").replace("%1", info.far_end))
        else:
            self.state_label.setText(self.tr("Not in a meeting"))
        if failed:
            self.failed_label.setText(self._failure_text(progress))

    def _duration(self, info: CallInfo) -> str:
        seconds = int(self._clock() - info.connected_at) if info.connected_at else 0
        return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"

    def _failure_text(self, progress: JoinProgress) -> str:
        device = (
            self.join.bridge.name
            if progress.step in (JoinStep.CONNECT, JoinStep.CONFERENCE, JoinStep.MEDIA)
            else self.codec.name
        )
        reason = problem_text(progress.problem, device) if progress.problem else ""
        return (
            self.tr("Joining stopped at step %1 (%2): %3")
            .replace("%1", str(progress.index))
            .replace("%2", step_text(progress.step))
            .replace("%3", reason)
        )

    def _update_mic(self) -> None:
        """Say the codec's mute in a call; outside one nothing is on air, so say that instead.

        Joining sets the mute as the bridge says; leaving mutes. Showing "on" before the first
        meeting and "muted" after one told two different stories about the same empty room.
        """
        muted = self.codec.mic_muted.value
        in_call = self.codec.call.value.active
        self.mic_button.setEnabled(in_call)
        if not in_call:
            self.mic_button.setText(self.tr("Microphones (not in a meeting)"))
            self.mic_button.setToolTip(
                self.tr("Nothing is sent while not in a meeting; joining sets the microphones")
            )
            state = "idle"
        else:
            self.mic_button.setText(
                self.tr("Microphones muted") if muted else self.tr("Microphones on")
            )
            self.mic_button.setToolTip(
                self.tr("The far end does not hear the room; click to open the microphones")
                if muted
                else self.tr("The far end hears the room; click to mute the microphones")
            )
            state = "true" if muted else "false"
        self.mic_button.setProperty("muted", state)
        self.mic_button.style().unpolish(self.mic_button)
        self.mic_button.style().polish(self.mic_button)

    def _update_incoming(self) -> None:
        info = self.codec.call.value
        incoming = info.state is CallState.INCOMING
        self.incoming.setVisible(incoming)
        if incoming:
            self.incoming_label.setText(
                self.tr("Incoming call from %1").replace("%1", info.far_end)
            )

    def _update_health(self) -> None:
        sample = self.health.current.value if self.health is not None else None
        in_call = self.codec.call.value.state is CallState.CONNECTED
        for widget in (self.health_light, self.health_label, self.health_graph):
            widget.setVisible(self.health is not None)
        if sample is None or not in_call:
            self.health_light.setStyleSheet("color: #9aa5b1;")
            self.health_label.setText(self.tr("Call quality: no data yet"))
            self.health_banner.setVisible(False)
        else:
            self.health_light.setStyleSheet(f"color: {HEALTH_COLOURS[sample.health]};")
            words = {
                Health.GOOD: self.tr("good"),
                Health.FAIR: self.tr("fair"),
                Health.POOR: self.tr("poor"),
            }
            self.health_label.setText(
                self.tr("Call quality: %1").replace("%1", words[sample.health])
            )
            self.health_banner.setVisible(sample.health is not Health.GOOD)
            self.health_banner.setText(self._banner_text(sample))
        if self.health is not None:
            self.health_graph.set_samples(self.health.history())

    def _banner_text(self, sample: HealthSample) -> str:
        causes = {
            HealthCause.LOSS: self.tr("sound and picture are being lost on the way"),
            HealthCause.JITTER: self.tr("the network delivers sound unevenly"),
            HealthCause.RTT: self.tr("the connection is slow (long delay)"),
        }
        why = "; ".join(causes[c] for c in sample.causes)
        return self.tr(
            "The meeting link is getting worse: %1. Ask the far end if they hear "
            "you; check the room's network cable."
        ).replace("%1", why)


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (for the style sheet and tests)."""
    widget.setObjectName(name)
    return widget


def _label(name: str) -> QLabel:
    """Return a word-wrapping label with an object name."""
    label = _named(QLabel(), name)
    label.setWordWrap(True)
    return label
