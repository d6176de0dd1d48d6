"""Status bar with one light per device: connecting / online / offline, reason on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from drivers.observable import Unsubscribe
from drivers.roles.base import Availability, Device, DeviceStatus
from ui.i18n import retranslate_on_change
from ui.messages import DeviceKind, availability_text, status_text

_MESSAGE_MS = 8000  # long enough to read a sentence twice


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
        self._unsubscribe: Unsubscribe = device.status.subscribe(self._on_status)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        retranslate_on_change(self, lambda: self._update_light(self._device.status.value))
        self._update_light(device.status.value)

    @property
    def availability(self) -> Availability:
        """What the light shows now."""
        return self._device.status.value.availability

    def detach(self) -> None:
        """Stop following the device (before the widget goes away)."""
        self._unsubscribe()

    def _on_status(self, status: DeviceStatus) -> None:
        self._update_light(status)

    def _update_light(self, status: DeviceStatus) -> None:
        state = status.availability.value
        if status.availability is Availability.ONLINE and status.warning is not None:
            state = "warning"
        self._dot.setProperty("state", state)
        self._dot.style().unpolish(self._dot)
        self._dot.style().polish(self._dot)
        name = self._device.name
        self._label.setText(f"{name}: {availability_text(status.availability)}")
        self.setToolTip(status_text(status, name, self._kind))


class DeviceStatusBar(QStatusBar):
    """The window's status bar: device lights on the left, short messages on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self._lights: list[StatusLight] = []
        self._message = QLabel(self)
        self._message.setObjectName("statusMessage")
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self._clear_timer.start(_MESSAGE_MS)

    @property
    def message(self) -> str:
        """The sentence shown now ('' when none)."""
        return self._message.text()

    def _on_message_expired(self) -> None:
        self._message.clear()
        self._message.setToolTip("")
