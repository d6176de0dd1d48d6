"""Status bar with one light per device: connecting / online / offline, reason on hover."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStatusBar, QWidget

from drivers.observable import Unsubscribe
from drivers.roles.base import Availability, Device, DeviceStatus
from drivers.roles.camera import Camera, CameraState
from ui.i18n import retranslate_on_change
from ui.messages import (
    DeviceKind,
    availability_text,
    standby_status_text,
    standby_text,
    status_text,
)

_LOGGER = logging.getLogger(__name__)

_MESSAGE_MS = 8000  # long enough to read a sentence twice


class ElidedLabel(QLabel):
    """One line that never asks for more width: a long text ends in "…", whole on hover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # noqa: D102 - Qt API
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: D102 - Qt API
        return QSize(0, super().sizeHint().height())

    def shown_text(self) -> str:
        """Return the text as drawn in the label's width (elided when too long)."""
        rect = self.contentsRect()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102 - Qt API
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
        painter.end()


class StatusLight(QWidget):
    """A coloured dot and the device name; the hover text says why it is not ready."""

    def __init__(self, device: Device, kind: DeviceKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._device = device
        self._kind = kind
        self.setObjectName("statusLight")
        self._dot = QLabel("●", self)
        self._dot.setObjectName("statusDot")
        self._label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self._dot)
        layout.addWidget(self._label)
        unsubscribes = [device.status.subscribe(self._on_status)]
        if isinstance(device, Camera):  # a camera in standby answers, but is not "ready"
            unsubscribes.append(
                device.state.subscribe(lambda _: self._on_status(device.status.value))
            )
        self._unsubscribes: list[Unsubscribe] = unsubscribes
        self.destroyed.connect(lambda *_: self.detach())
        retranslate_on_change(self, lambda: self._update_light(self._device.status.value))
        self._update_light(device.status.value)

    @property
    def availability(self) -> Availability:
        """What the light shows now."""
        return self._device.status.value.availability

    @property
    def in_standby(self) -> bool:
        """True for a camera that answers but is powered down."""
        device = self._device
        return (
            isinstance(device, Camera)
            and device.status.value.availability is Availability.ONLINE
            and device.state.value.power_on is False
        )

    def text(self) -> str:
        """Return the words beside the dot ("Sân khấu: ready")."""
        return self._label.text()

    def dot_state(self) -> str:
        """Return the dot's style state: online, warning, standby, connecting or offline."""
        return str(self._dot.property("state"))

    def detach(self) -> None:
        """Stop following the device (before the widget goes away)."""
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes = []

    def _on_camera_state(self, state: CameraState) -> None:
        self._update_light(self._device.status.value)

    def _on_status(self, status: DeviceStatus) -> None:
        self._update_light(status)

    def _update_light(self, status: DeviceStatus) -> None:
        state = status.availability.value
        name = self._device.name
        words = availability_text(status.availability)
        tooltip = status_text(status, name, self._kind)
        if status.availability is Availability.ONLINE and status.warning is not None:
            state = "warning"
        elif self.in_standby:
            state, words, tooltip = "standby", standby_text(), standby_status_text(name)
        self._dot.setProperty("state", state)
        self._dot.style().unpolish(self._dot)
        self._dot.style().polish(self._dot)
        self._label.setText(f"{name}: {words}")
        self.setToolTip(tooltip)


class DeviceStatusBar(QStatusBar):
    """The window's status bar: device lights on the left, short messages on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._lights: list[StatusLight] = []
        # A camera's long refusal once widened the window past the screen: elide, never grow.
        self._message = ElidedLabel(self)
        self._message.setObjectName("statusMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.addPermanentWidget(self._message, 1)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self._on_message_expired)

    @property
    def lights(self) -> list[StatusLight]:
        """The lights in the order they were added."""
        return list(self._lights)

    def add_device(self, device: Device, kind: DeviceKind = DeviceKind.OTHER) -> StatusLight:
        """Show a light for ``device``."""
        light = StatusLight(device, kind, self)
        self._lights.append(light)
        self.insertPermanentWidget(len(self._lights) - 1, light)
        return light

    def show_problem(self, text: str) -> None:
        """Show a problem sentence for a while."""
        self._show(text, "problem")

    def show_info(self, text: str) -> None:
        """Show good news for a while (a device is back)."""
        self._show(text, "info")

    def _show(self, text: str, severity: str) -> None:
        self._message.setProperty("severity", severity)
        self._message.style().unpolish(self._message)
        self._message.style().polish(self._message)
        self._message.setText(text)
        self._message.setToolTip(text)
        if text:
            _LOGGER.info("shown in the status bar: %s", text)  # the whole sentence, in the log
        self._clear_timer.start(_MESSAGE_MS)

    @property
    def message(self) -> str:
        """The sentence shown now ('' when none)."""
        return self._message.text()

    def _on_message_expired(self) -> None:
        self._message.clear()
        self._message.setToolTip("")
