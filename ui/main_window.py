"""The operator's main window: previews, camera panel, side panels, a light per device."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.notifications import Notification, Severity
from console.thumbnails import ThumbnailStore
from drivers.observable import Unsubscribe
from drivers.roles.base import Device
from ui.camera_panel import CameraPanel
from ui.keyboard import KeyboardControl
from ui.messages import DeviceKind, problem_text, warning_text
from ui.status_bar import DeviceStatusBar

if TYPE_CHECKING:
    from console.room import Room

_LOGGER = logging.getLogger(__name__)

SIDE_WIDTH = 360


class MainWindow(QMainWindow):
    """One window an operator understands at a glance; other panels plug in from outside."""

    def __init__(self, room: Room, *, training: bool = False) -> None:
        super().__init__()
        self.room = room
        self.training = training  # demo mode: devices are emulated, say so plainly
        site_name = room.profile.site.name
        self.setObjectName("mainWindow")
        self.setWindowTitle(
            self.tr("Room Console — {site}").format(site=site_name) if site_name else "Room Console"
        )
        self.status = DeviceStatusBar(self)
        self.setStatusBar(self.status)
        thumbnails = ThumbnailStore.beside(room.profile_path) if room.profile_path else None
        self.camera_panel = CameraPanel(
            room.cameras, self, thumbnails=thumbnails, previews=room.previews
        )
        self.camera_panel.problem.connect(self.status.show_problem)
        cameras = [slot.camera for slot in room.cameras]
        for device in room.devices:
            kind = DeviceKind.CAMERA if device in cameras else DeviceKind.OTHER
            self.status.add_device(device, kind)
        self._build(site_name)
        self.keyboard = KeyboardControl(self, self.camera_panel)
        self.keyboard.install()
        self._unsubscribe: Unsubscribe = room.notifications.subscribe(self._on_notifications)
        self._on_notifications(room.notifications.value)  # e.g. a driver that failed to load
        self.close_question: QMessageBox | None = None  # "Close during the meeting?" when open
        self._close_agreed = False
        self.resize(1366, 768)

    def _build(self, site_name: str) -> None:
        title = QLabel(site_name or self.tr("Room Console"), self)
        title.setObjectName("siteTitle")
        # No-break spaces keep each part whole should the line ever be cut.
        hint = QLabel(
            self.tr("Arrow keys move · + and − zoom · 1–9 preset shots"),  # noqa: RUF001
            self,
        )
        hint.setObjectName("keyHint")
        # One line: wrapped into the header's leftover width it broke mid-phrase and made the
        # header taller (the side panels then scrolled at 1366x768).
        hint.setWordWrap(False)
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(title)
        if self.training:
            badge = QLabel(self.tr("Training mode — the cameras are simulated"), self)
            badge.setObjectName("trainingBadge")
            header.addWidget(badge)
        header.addStretch(1)
        header.addWidget(hint)
        self._preview_holder = QVBoxLayout()
        self._preview_holder.setContentsMargins(0, 0, 0, 0)
        self._preview: QWidget = self._placeholder()
        self._preview_holder.addWidget(self._preview)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(self._preview_holder, 4)
        left.addWidget(self.camera_panel, 6)
        # The side column scrolls rather than push the window past a 768-pixel-high screen.
        self._side_scroll = QScrollArea(self)
        self._side_scroll.setObjectName("sideScroll")
        self._side_scroll.setWidgetResizable(True)
        self._side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._side_scroll.setFixedWidth(SIDE_WIDTH + 14)
        self._side = QWidget(self._side_scroll)
        self._side.setObjectName("sideColumn")
        self._side.setFixedWidth(SIDE_WIDTH)
        self._side_layout = QVBoxLayout(self._side)
        self._side_layout.setContentsMargins(0, 0, 0, 0)
        self._side_layout.setSpacing(6)
        self._side_scroll.setWidget(self._side)
        self._side_scroll.hide()
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addLayout(left, 1)
        body.addWidget(self._side_scroll)
        central = QWidget(self)
        central.setObjectName("central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(14, 10, 14, 8)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _placeholder(self) -> QWidget:
        frame = QFrame(self)
        frame.setObjectName("previewPlaceholder")
        label = QLabel(self.tr("Camera pictures will appear here"), frame)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(frame).addWidget(label)
        return frame

    # -- plug-in points for the other panels --------------------------------------------------
    def set_preview_area(self, widget: QWidget) -> None:
        """Put the picture previews (issue 3) in the top area, replacing the placeholder."""
        self._preview_holder.removeWidget(self._preview)
        self._preview.deleteLater()
        widget.setParent(self)
        self._preview = widget
        self._preview_holder.addWidget(widget)
        widget.show()  # reparenting hides a widget

    def add_side_panel(self, widget: QWidget) -> None:
        """Add a panel (audio, call) to the right-hand column, top to bottom."""
        widget.setParent(self._side)
        self._side_layout.addWidget(widget)
        widget.show()
        self._side_scroll.show()

    def add_status_device(self, device: Device) -> None:
        """Show a status light for another device (mixer, codec ...)."""
        self.status.add_device(device, DeviceKind.OTHER)

    @property
    def preview_area(self) -> QWidget:
        """The widget in the preview area (the placeholder until one is set)."""
        return self._preview

    # -- stop is guaranteed -------------------------------------------------------------------
    def stop_all(self) -> None:
        """Let go of every held key and control and stop the camera."""
        self.keyboard.release_all()
        self.camera_panel.stop_all()

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102 - Qt API
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.stop_all()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt API
        if event.type() in (QEvent.Type.WindowDeactivate, QEvent.Type.FocusOut):
            self.stop_all()
        return super().event(event)

    def in_call(self) -> bool:
        """Tell whether the room's codec has a call (closing then asks first)."""
        codec = self.room.codec
        return codec is not None and codec.call.value.active

    def close_now(self) -> None:
        """Close without asking, even in a call (tools and tests that end a session)."""
        self._close_agreed = True
        self.close()

    def _ask_before_closing(self) -> None:
        """One question, "stay" as the default; open() keeps the asyncio loop running."""
        if self.close_question is not None:
            self.close_question.raise_()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close Room Console?"),
            self.tr(
                "This room is in a meeting. Closing Room Console may end the call, and the "
                "meeting can no longer be controlled from here."
            ),
            parent=self,
        )
        close = box.addButton(self.tr("Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Stay in the meeting"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(clicked: object) -> None:
            if clicked is close:
                _LOGGER.info("window: closed during a meeting, as the operator confirmed")
                self.close_now()
            else:
                _LOGGER.info("window: the operator kept the window open during the meeting")

        box.buttonClicked.connect(answered)
        box.destroyed.connect(lambda *_: self._forget_close_question(box))
        self.close_question = box
        box.open()

    def _forget_close_question(self, box: QMessageBox) -> None:
        if self.close_question is box:
            self.close_question = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: D102 - Qt API
        if self.in_call() and not self._close_agreed:
            event.ignore()
            self._ask_before_closing()
            return
        self.stop_all()
        self.keyboard.uninstall()
        self._unsubscribe()
        self.camera_panel.detach()
        for light in self.status.lights:
            light.detach()
        super().closeEvent(event)

    # -- notifications ------------------------------------------------------------------------
    def _on_notifications(self, notes: tuple[Notification, ...]) -> None:
        if notes:
            self._update_message(notes[0])

    def _update_message(self, note: Notification) -> None:
        camera_names = {slot.name for slot in self.room.cameras}
        kind = DeviceKind.CAMERA if note.device in camera_names else DeviceKind.OTHER
        if note.severity is Severity.RESOLVED:
            self.status.show_info(self.tr("{device} is working again").format(device=note.device))
            return
        if note.severity is Severity.WARNING:
            text = warning_text(note.problem, note.device, kind)
        else:
            text = problem_text(note.problem, note.device, kind)
        self.status.show_problem(text)
