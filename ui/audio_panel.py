"""Audio panel: a strip per shown microphone, "mute all microphones", main volume, hot-mic banner.

Takes the Mixer role and the hot-mic guard and subscribes to them; changes made at the desk
(or by another app) show up here through the mixer's ``/xremote`` subscription.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from console.hotmic import HotMicAlarm, HotMicGuard
from console.services.audio_state import MuteAllMicrophones
from drivers.observable import Unsubscribe
from drivers.roles.base import Availability, DeviceStatus
from drivers.roles.codec import Codec
from drivers.roles.mixer import ChannelState, Meters, Mixer, MixerState
from ui.device_calls import DeviceCalls
from ui.messages import DeviceKind, status_text

_LOGGER = logging.getLogger(__name__)

FADER_STEPS = 1000  # slider units per full fader travel
METER_MIN_DB = -60.0
METER_STEP_DB = 0.5  # repaint a meter only when it moved this much (saves CPU at 20 Hz)

# Red for muted and green for open, with different words too (colour-blind operators).
_STYLE = """
#muteButton { font-size: 15px; font-weight: 700; min-height: 48px; min-width: 62px;
  padding: 0 2px; border-radius: 10px; color: #ffffff; }
#muteButton[state="muted"] { background: #c62828; border: 2px solid #8e0000; }
#muteButton[state="open"] { background: #2e7d32; border: 2px solid #005005; }
#muteButton[state="unknown"] { background: #9aa5b1; border: 2px solid #6b7682; }
#muteAllButton { font-size: 15px; font-weight: 700; min-height: 48px; padding: 0 4px; }
#muteAllButton[allMuted="true"] { background: #c62828; border-color: #8e0000; color: #ffffff; }
#restoreMicsButton { font-size: 12px; min-height: 48px; padding: 0 4px; }
#hotMicBanner { background: #ffb300; border: 3px solid #c62828; border-radius: 10px; }
#hotMicText { color: #1d1d1d; font-size: 18px; font-weight: 700; }
#hotMicFix { font-size: 15px; font-weight: 700; min-height: 36px; }
#channelName { font-weight: 600; }
#mixerStatus { color: #8a1c12; }
"""


class MeterBar(QWidget):
    """A vertical level meter in dBFS (green, amber above -18, red above -6)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meter")
        self.level_db = METER_MIN_DB
        self.repaints = 0  # counted for tests and the benchmark
        self.setMinimumSize(14, 64)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """Narrow and tall."""
        return QSize(16, 64)

    def set_level(self, db: float) -> bool:
        """Show ``db``; returns True when the change was big enough to repaint."""
        db = max(METER_MIN_DB, min(0.0, db))
        if abs(db - self.level_db) < METER_STEP_DB:
            return False
        self.level_db = db
        self.update()
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the bar."""
        self.repaints += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#2b333b"))
        fraction = (self.level_db - METER_MIN_DB) / -METER_MIN_DB
        height = self.height() * fraction
        colour = (
            "#2e9d4f" if self.level_db < -18 else "#e0a100" if self.level_db < -6 else "#d32f2f"
        )
        painter.fillRect(QRectF(0, self.height() - height, self.width(), height), QColor(colour))
        painter.end()


def _meter_colour(db: float) -> str:
    """Green for normal speech, amber when loud, red near clipping."""
    if db < -18.0:
        return "#2e9d4f"
    return "#e0a100" if db < -6.0 else "#d32f2f"


class ChannelStrip(QFrame):
    """Name, live meter, fader and a large mute button for one microphone."""

    fader_moved = Signal(int, float)
    mute_clicked = Signal(int, bool)  # channel, wanted muted

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName("channelStrip")
        self.name_label = QLabel(self.tr("Channel {number}").format(number=number))
        self.name_label.setObjectName("channelName")
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.name_label.setWordWrap(True)  # "Bục phát biểu" needs two lines in a narrow strip
        lines = self.name_label.fontMetrics().lineSpacing()
        self.name_label.setFixedHeight(2 * lines + 4)  # same height in every strip: faders align
        self.meter = MeterBar()
        self.fader = QSlider(Qt.Orientation.Vertical)
        self.fader.setRange(0, FADER_STEPS)
        self.fader.setMinimumHeight(64)
        self.fader.setAccessibleName(self.tr("Level"))
        self.mute_button = QPushButton()
        self.mute_button.setObjectName("muteButton")
        self.muted: bool | None = None
        self._build()
        self.fader.valueChanged.connect(self._on_fader_value)
        self.mute_button.clicked.connect(self._on_mute_clicked)
        self._update_mute(None)

    def _build(self) -> None:
        levels = QHBoxLayout()
        levels.addStretch()
        levels.addWidget(self.meter)
        levels.addWidget(self.fader)
        levels.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 4, 3, 4)  # four strips must fit the side column
        layout.addWidget(self.name_label)
        layout.addLayout(levels, 1)
        layout.addWidget(self.mute_button)

    def show_state(self, channel: ChannelState) -> None:
        """Follow the desk: name, fader (unless the operator is dragging it), mute."""
        if channel.name:
            self.name_label.setText(channel.name)
        if channel.fader is not None and not self.fader.isSliderDown():
            self.fader.blockSignals(True)  # a desk change must not be sent back to the desk
            self.fader.setValue(round(channel.fader * FADER_STEPS))
            self.fader.blockSignals(False)
        self._update_mute(channel.muted)

    def _update_mute(self, muted: bool | None) -> None:
        self.muted = muted
        state = "unknown" if muted is None else "muted" if muted else "open"
        texts = {
            "unknown": self.tr("…"),
            "muted": self.tr("MUTED"),
            "open": self.tr("MIC ON"),
        }
        self.mute_button.setText(texts[state])
        self.mute_button.setProperty("state", state)
        self.mute_button.style().unpolish(self.mute_button)
        self.mute_button.style().polish(self.mute_button)

    def _on_fader_value(self, value: int) -> None:
        self.fader_moved.emit(self.number, value / FADER_STEPS)

    def _on_mute_clicked(self) -> None:
        self.mute_clicked.emit(self.number, not self.muted)


class HotMicBanner(QFrame):
    """The hot-mic warning: who speaks, which mute is on, and the one button that fixes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hotMicBanner")
        self.label = QLabel(self)
        self.label.setObjectName("hotMicText")
        self.label.setWordWrap(True)
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("hotMicFix")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.fix_button)

    def text(self) -> str:
        """Return the warning shown now."""
        return self.label.text()

    def setText(self, text: str) -> None:
        """Show ``text`` as the warning."""
        self.label.setText(text)


class AudioPanel(QGroupBox):
    """The operator's audio controls; emits ``problem`` with plain words when a command fails."""

    problem = Signal(str)

    def __init__(
        self,
        mixer: Mixer,
        channels: Sequence[int],
        guard: HotMicGuard | None = None,
        parent: QWidget | None = None,
        *,
        microphones: Sequence[int] | None = None,
        codec: Codec | None = None,
        mute_all: MuteAllMicrophones,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Audio mixer"))
        self.setObjectName("audioPanel")
        self.setStyleSheet(_STYLE)
        self.mixer = mixer
        self.guard = guard
        self.codec = codec  # its mute is the "muted in the meeting" of the hot-mic warning
        self.meter_updates = 0
        self._calls = DeviceCalls(self.problem.emit)
        self.strips = [ChannelStrip(number) for number in channels]
        # "Mute all microphones" leaves e.g. a laptop or music strip alone
        wanted = set(channels if microphones is None else microphones)
        self.microphone_strips = [strip for strip in self.strips if strip.number in wanted]
        self.banner = HotMicBanner()
        self.banner.hide()
        self._alarm = HotMicAlarm()
        self.status_label = QLabel()
        self.status_label.setObjectName("mixerStatus")
        # Mute all only ever mutes; bringing the microphones back is its own, separate button.
        self.mute_all = mute_all  # the runtime's: a meeting starting or ending resets it
        self.mute_all_button = QPushButton(self.tr("Mute all microphones"))
        self.mute_all_button.setObjectName("muteAllButton")
        self.restore_button = QPushButton(self.tr("Restore microphones"))
        self.restore_button.setObjectName("restoreMicsButton")
        self.restore_button.setToolTip(
            self.tr("Put the microphones back as they were before “Mute all microphones”")
        )
        self.main_fader = QSlider(Qt.Orientation.Horizontal)
        self.main_fader.setRange(0, FADER_STEPS)
        self.main_fader.setAccessibleName(self.tr("Main volume"))
        self._build()
        self._connect()
        self._unsubscribes: list[Unsubscribe] = [
            mixer.state.subscribe(self._on_state),
            mixer.meters.subscribe(self._on_meters),
            mixer.status.subscribe(self._on_status),
            self.mute_all.saved.subscribe(lambda _: self._update_restore()),
        ]
        if guard is not None:
            self._unsubscribes.append(guard.alarm.subscribe(self._on_alarm))
            self._on_alarm(guard.alarm.value)
        self._on_state(mixer.state.value)
        self._on_status(mixer.status.value)

    def _build(self) -> None:
        strips = QHBoxLayout()
        for strip in self.strips:
            strips.addWidget(strip)
        strips.addStretch()
        main = QHBoxLayout()
        main.addWidget(QLabel(self.tr("Main volume")))
        main.addWidget(self.main_fader, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.status_label)
        layout.addLayout(strips, 1)
        mute_row = QHBoxLayout()
        mute_row.addWidget(self.mute_all_button, 1)  # the restore button takes only its text
        mute_row.addWidget(self.restore_button)
        layout.addLayout(mute_row)
        layout.addLayout(main)

    def _connect(self) -> None:
        for strip in self.strips:
            strip.fader_moved.connect(self._on_fader_moved)
            strip.mute_clicked.connect(self._on_mute_clicked)
        self.mute_all_button.clicked.connect(self._on_mute_all)
        self.restore_button.clicked.connect(self._on_restore)
        self.banner.fix_button.clicked.connect(self._on_fix_hot_mic)
        self.main_fader.valueChanged.connect(self._on_main_fader)

    def detach(self) -> None:
        """Stop following the mixer and the guard."""
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes = []

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsubscribe when closed."""
        self.detach()
        super().closeEvent(event)

    # --- operator -> desk -------------------------------------------------------------------

    def _on_fader_moved(self, channel: int, level: float) -> None:
        self._calls.start(self.mixer.set_fader(channel, level), self.mixer.name, DeviceKind.OTHER)

    def _on_mute_clicked(self, channel: int, muted: bool) -> None:
        self._calls.start(self.mixer.set_on(channel, not muted), self.mixer.name, DeviceKind.OTHER)

    def _on_mute_all(self) -> None:
        self._calls.start(self.mute_all.mute_all(), self.mixer.name, DeviceKind.OTHER)

    def _on_fix_hot_mic(self) -> None:
        """Open what the warning says is muted: the desk channels, the meeting's mute, or both."""
        alarm = self._alarm
        _LOGGER.info("hot mic: the operator opens the muted microphones from the warning")
        if alarm.desk:
            wanted = dict.fromkeys(alarm.desk, True)
            self._calls.start(self.mixer.set_channels_on(wanted), self.mixer.name, DeviceKind.OTHER)
        if alarm.meeting_muted and self.codec is not None:
            self._calls.start(self.codec.set_mic_muted(False), self.codec.name, DeviceKind.OTHER)

    def _on_restore(self) -> None:
        self._calls.start(self.mute_all.restore(), self.mixer.name, DeviceKind.OTHER)

    def _on_main_fader(self, value: int) -> None:
        level = value / FADER_STEPS
        self._calls.start(self.mixer.set_main_fader(level), self.mixer.name, DeviceKind.OTHER)

    # --- desk -> panel ----------------------------------------------------------------------

    def _on_state(self, state: MixerState) -> None:
        for strip in self.strips:
            strip.show_state(state.channel(strip.number))
        mics = self.microphone_strips
        all_muted = bool(mics) and all(strip.muted for strip in mics)
        self.mute_all_button.setProperty("allMuted", "true" if all_muted else "false")
        self.mute_all_button.style().unpolish(self.mute_all_button)
        self.mute_all_button.style().polish(self.mute_all_button)
        self._update_restore()
        if state.main_fader is not None and not self.main_fader.isSliderDown():
            self.main_fader.blockSignals(True)
            self.main_fader.setValue(round(state.main_fader * FADER_STEPS))
            self.main_fader.blockSignals(False)

    def _on_meters(self, meters: Meters) -> None:
        self.meter_updates += 1
        for strip in self.strips:
            strip.meter.set_level(meters.level(strip.number))

    def _on_status(self, status: DeviceStatus) -> None:
        online = status.availability is Availability.ONLINE
        self.status_label.setVisible(not online)
        self.status_label.setText("" if online else status_text(status, self.mixer.name))
        for strip in self.strips:
            strip.setEnabled(online)
        self.mute_all_button.setEnabled(online)
        self.main_fader.setEnabled(online)
        self._update_restore()

    def _update_restore(self) -> None:
        """Restore is offered only when it would change something (and the desk answers)."""
        online = self.mixer.status.value.availability is Availability.ONLINE
        self.restore_button.setEnabled(online and self.mute_all.can_restore)

    def _names(self, channels: Sequence[int]) -> str:
        state = self.mixer.state.value
        names = {strip.number: strip.name_label.text() for strip in self.strips}
        return ", ".join(
            names.get(n) or state.channel(n).name or self.tr("Channel {number}").format(number=n)
            for n in channels
        )

    def _on_alarm(self, alarm: HotMicAlarm) -> None:
        self._alarm = alarm
        self.banner.setVisible(alarm.active)
        if not alarm.active:
            return
        names = self._names(alarm.channels)
        desk = self._names(alarm.desk)
        if alarm.desk and alarm.meeting_muted:
            text = self.tr(
                "{names}: speaking, but muted at the desk and in the meeting — "
                "the far end hears nothing"
            )
            fix = self.tr("Open {desk} and unmute the meeting")
        elif alarm.desk:
            text = self.tr("{names}: speaking, but muted at the desk — the far end hears nothing")
            fix = self.tr("Open {desk} at the desk")
        else:
            text = self.tr(
                "{names}: speaking, but the room is muted in the meeting — "
                "the far end hears nothing"
            )
            fix = self.tr("Unmute the room in the meeting")
        self.banner.setText(text.format(names=names))
        self.banner.fix_button.setText(fix.format(desk=desk))
        self.banner.fix_button.setVisible(bool(alarm.desk) or self.codec is not None)
