"""Camera panel: pick a camera, drive it (joystick, zoom, focus, home, power), recall presets.

Stop is guaranteed here: every press-and-hold control ends in a Stop on release, and
``stop_all`` (window deactivated, app quitting, camera switched or disconnected) lets go of
everything that is held.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.thumbnails import ThumbnailStore
from drivers.observable import Unsubscribe
from drivers.roles.base import Availability, DeviceStatus
from drivers.roles.camera import CameraState, FocusAction, PanTiltDirection, ZoomDirection
from ui.device_calls import DeviceCalls
from ui.hold_button import HoldButton
from ui.joystick import Joystick
from ui.messages import DeviceKind, standby_status_text, status_text
from ui.off_preset import PresetPictures
from ui.preset_grid import PresetGrid

if TYPE_CHECKING:
    from console.room import CameraSlot
    from drivers.video.player import VideoPlayer

_LOGGER = logging.getLogger(__name__)

GRID_SLOTS = 9  # keys 1-9 recall presets 0-8 (VISCA numbers presets from 0)
SPEED_STEPS = 10


def _scaled(fraction: float, maximum: int, minimum: int = 1) -> int:
    """Convert a fraction 0-1 of the range into a speed in the camera's units."""
    return max(minimum, min(maximum, round(minimum + (maximum - minimum) * fraction)))


class CameraPanel(QWidget):
    """Drives the selected camera; emits ``problem`` with plain words when a command fails."""

    problem = Signal(str)
    selected_changed = Signal(int)  # index into the room's cameras

    def __init__(
        self,
        cameras: list[CameraSlot],
        parent: QWidget | None = None,
        *,
        thumbnails: ThumbnailStore | None = None,
        previews: Mapping[str, VideoPlayer] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self._slots = cameras
        self._previews = dict(previews or {})  # camera id -> its preview: thumbnails come from it
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        if thumbnails is None and self._previews:
            # No profile file (the demo): keep this session's pictures in a temporary folder.
            self._scratch = tempfile.TemporaryDirectory(prefix="roomconsole-thumbnails-")
            thumbnails = ThumbnailStore(Path(self._scratch.name))
        self._thumbnails = thumbnails
        self._index = 0
        self._calls = DeviceCalls(self.problem.emit, self)
        self._moving: tuple[PanTiltDirection, int, int] | None = None
        self._zooming = False
        self._focusing = False
        self._unsubscribe: list[Unsubscribe] = []
        self._build()
        for slot in cameras:
            self._unsubscribe.append(slot.camera.status.subscribe(self._status_watcher(slot)))
            self._unsubscribe.append(slot.camera.state.subscribe(self._state_watcher(slot)))
        for slot in cameras:
            self._update_choice(slot, slot.camera.status.value)
        if cameras:
            self.select(0)
        else:
            self.setEnabled(False)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self._selector = QButtonGroup(self)
        self._selector.setExclusive(True)
        selector_row = QHBoxLayout()
        selector_row.setSpacing(8)
        choose = QLabel(self.tr("Camera:"), self)
        choose.setObjectName("cameraChoiceLabel")
        selector_row.addWidget(choose)
        for index, slot in enumerate(self._slots):
            button = QPushButton(slot.name, self)
            button.setObjectName("cameraChoice")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._selector.addButton(button, index)
            selector_row.addWidget(button)
        self._selector.idClicked.connect(self.select)
        selector_row.addStretch(1)
        self._banner = QLabel(self)
        self._banner.setObjectName("cameraBanner")
        self._banner.setWordWrap(True)
        self._banner.hide()

        self._presets = QStackedWidget(self)
        self._grids: list[PresetGrid] = []
        for slot in self._slots:
            numbers = sorted(
                set(range(GRID_SLOTS)) | {p.number for p in slot.presets.presets.value}
            )
            grid = PresetGrid(
                slot.presets,
                numbers,
                self._calls,
                self,
                thumbnails=self._thumbnails,
                pictures=self._pictures(slot),
            )
            self._grids.append(grid)
            self._presets.addWidget(grid)
        presets_box = QGroupBox(self.tr("Preset shots"), self)
        QVBoxLayout(presets_box).addWidget(self._presets)

        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self._build_move_box(), 3)
        body.addWidget(self._build_lens_box(), 3)
        body.addWidget(presets_box, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(selector_row)
        layout.addWidget(self._banner)
        layout.addLayout(body, 1)

    def _pictures(self, slot: CameraSlot) -> PresetPictures | None:
        player = self._previews.get(slot.id)
        if player is None or self._thumbnails is None:
            return None
        return PresetPictures(slot.id, slot.presets, player, self._thumbnails)

    def _build_move_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Move (press and hold)"), self)
        self.joystick = Joystick(box)
        self.joystick.moved.connect(self._on_joystick_moved)
        self.joystick.released.connect(self.stop_move)
        self.speed = QSlider(Qt.Orientation.Horizontal, box)
        self.speed.setRange(1, SPEED_STEPS)
        self.speed.setValue(6)
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed.setToolTip(self.tr("Top speed for the joystick, the arrow keys and zoom"))
        speed_row = QHBoxLayout()
        speed_row.addWidget(QLabel(self.tr("Speed:"), box))
        speed_row.addWidget(QLabel(self.tr("slow"), box))
        speed_row.addWidget(self.speed, 1)
        speed_row.addWidget(QLabel(self.tr("fast"), box))
        layout = QVBoxLayout(box)
        layout.addWidget(self.joystick, 1)
        layout.addLayout(speed_row)
        return box

    def _build_lens_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Zoom and focus"), self)
        self.zoom_in = HoldButton(self.tr("Zoom in  +"), box)
        self.zoom_out = HoldButton(self.tr("Zoom out  −"), box)  # noqa: RUF001 - a real minus sign
        self.zoom_in.held.connect(lambda: self.start_zoom(ZoomDirection.TELE))
        self.zoom_out.held.connect(lambda: self.start_zoom(ZoomDirection.WIDE))
        for button in (self.zoom_in, self.zoom_out):
            button.let_go.connect(self.stop_zoom)
        self.auto_focus = self._small_button(self.tr("Auto focus"), box, checkable=True)
        self.auto_focus.clicked.connect(self._on_auto_focus_clicked)
        self.one_push = self._small_button(self.tr("Focus once"), box)
        self.one_push.setToolTip(self.tr("Focus now, then keep that focus"))
        self.one_push.clicked.connect(lambda: self._focus_action(FocusAction.ONE_PUSH))
        self.focus_near = HoldButton(self.tr("Focus near"), box)
        self.focus_far = HoldButton(self.tr("Focus far"), box)
        self.focus_near.held.connect(lambda: self.start_focus(FocusAction.NEAR))
        self.focus_far.held.connect(lambda: self.start_focus(FocusAction.FAR))
        for button in (self.focus_near, self.focus_far):
            button.let_go.connect(self.stop_focus)
            button.setToolTip(self.tr("Hold to focus by hand (switch Auto focus off first)"))
        self.home = self._small_button(self.tr("Home"), box)
        self.home.setToolTip(self.tr("Point the camera straight ahead"))
        self.home.clicked.connect(self._on_home_clicked)
        self.power = self._small_button(self.tr("Power"), box, checkable=True)
        self.power.setObjectName("powerButton")
        self.power.clicked.connect(self._on_power_clicked)
        grid = QGridLayout(box)
        grid.setSpacing(8)
        grid.addWidget(self.zoom_in, 0, 0)
        grid.addWidget(self.zoom_out, 0, 1)
        grid.addWidget(self.auto_focus, 1, 0)
        grid.addWidget(self.one_push, 1, 1)
        grid.addWidget(self.focus_near, 2, 0)
        grid.addWidget(self.focus_far, 2, 1)
        grid.addWidget(self.home, 3, 0)
        grid.addWidget(self.power, 3, 1)
        return box

    def _small_button(self, text: str, parent: QWidget, checkable: bool = False) -> QPushButton:
        button = QPushButton(text, parent)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setMinimumHeight(44)
        return button

    # -- selection ----------------------------------------------------------------------------
    @property
    def selected(self) -> CameraSlot:
        """The camera being driven."""
        return self._slots[self._index]

    @property
    def selected_index(self) -> int:
        """Index of the camera being driven."""
        return self._index

    @property
    def grid(self) -> PresetGrid:
        """The preset grid of the selected camera."""
        return self._grids[self._index]

    def select(self, index: int) -> None:
        """Drive another camera (whatever moves on the old one is stopped first)."""
        if index != self._index:
            self.stop_all()
        self._index = index
        self._selector.button(index).setChecked(True)
        self._presets.setCurrentIndex(index)
        self._update_controls()
        self.selected_changed.emit(index)

    # -- motion -------------------------------------------------------------------------------
    def start_move(self, direction: PanTiltDirection, fraction: float = 1.0) -> None:
        """Start or change a pan-tilt drive at ``fraction`` of the chosen top speed."""
        camera = self.selected.camera
        top = fraction * self.speed.value() / SPEED_STEPS
        pan = _scaled(top, camera.limits.pan_speed_max)
        tilt = _scaled(top, camera.limits.tilt_speed_max)
        if self._moving == (direction, pan, tilt):
            return
        self._moving = (direction, pan, tilt)
        self._calls.start(camera.move(direction, pan, tilt), camera.name)

    def stop_move(self) -> None:
        """End a pan-tilt drive (sent whenever a drive was started)."""
        if self._moving is None:
            return
        self._moving = None
        camera = self.selected.camera
        self._calls.start(camera.stop(), camera.name)

    def start_zoom(self, direction: ZoomDirection) -> None:
        """Zoom while held, at the chosen speed."""
        camera = self.selected.camera
        speed = _scaled(
            (self.speed.value() - 1) / (SPEED_STEPS - 1), camera.limits.zoom_speed_max, 0
        )
        self._zooming = True
        self._calls.start(camera.zoom(direction, speed), camera.name)

    def stop_zoom(self) -> None:
        """End a zoom drive."""
        if not self._zooming:
            return
        self._zooming = False
        camera = self.selected.camera
        self._calls.start(camera.zoom(ZoomDirection.STOP), camera.name)

    def start_focus(self, action: FocusAction) -> None:
        """Drive focus near or far while held."""
        self._focusing = True
        self._focus_action(action)

    def stop_focus(self) -> None:
        """End a focus drive."""
        if not self._focusing:
            return
        self._focusing = False
        self._focus_action(FocusAction.STOP)

    @property
    def in_motion(self) -> bool:
        """True while any press-and-hold drive is active."""
        return self._moving is not None or self._zooming or self._focusing

    def stop_all(self) -> None:
        """Let go of everything held and stop the camera (focus loss, quit, disconnect)."""
        was_moving = self.in_motion
        # Clear first so the widgets' release signals do not send a second, separate stop.
        self._moving = None
        self._zooming = False
        self._focusing = False
        self.joystick.release()
        for button in (self.zoom_in, self.zoom_out, self.focus_near, self.focus_far):
            button.let_go_now()
        if was_moving and self._slots:
            camera = self.selected.camera
            _LOGGER.info("%s: stopping all motion", camera.name)
            self._calls.start(camera.stop_motion(), camera.name)

    # -- presets from the keyboard ------------------------------------------------------------
    def recall_key(self, key: int) -> None:
        """Digit 1-9: recall that preset."""
        number = self.grid.number_for_key(key)
        if number is not None:
            self.grid.recall(number)

    def save_key(self, key: int) -> None:
        """Ctrl + digit: save the current shot there (asks before overwriting)."""
        number = self.grid.number_for_key(key)
        if number is not None:
            self.grid.request_save(number)

    # -- slots --------------------------------------------------------------------------------
    def _on_joystick_moved(self, direction: PanTiltDirection, fraction: float) -> None:
        self.start_move(direction, fraction)

    def _on_auto_focus_clicked(self, checked: bool) -> None:
        self._focus_action(FocusAction.AUTO if checked else FocusAction.MANUAL)

    def _on_home_clicked(self) -> None:
        camera = self.selected.camera
        self._calls.start(camera.home(), camera.name)

    def _on_power_clicked(self, checked: bool) -> None:
        camera = self.selected.camera
        self._calls.start(camera.power(checked), camera.name)

    def _status_watcher(self, slot: CameraSlot) -> Callable[[DeviceStatus], None]:
        def on_status(status: DeviceStatus) -> None:
            self._on_status(slot, status)

        return on_status

    def _state_watcher(self, slot: CameraSlot) -> Callable[[CameraState], None]:
        def on_state(state: CameraState) -> None:
            self._on_state(slot, state)

        return on_state

    def _on_status(self, slot: CameraSlot, status: DeviceStatus) -> None:
        self._update_choice(slot, status)
        if slot is self.selected:
            if status.availability is Availability.OFFLINE:
                self.stop_all()  # a camera that comes back must not carry on moving
            self._update_controls()

    def _on_state(self, slot: CameraSlot, state: CameraState) -> None:
        self._update_choice(slot, slot.camera.status.value)
        if slot is self.selected:
            self._update_controls()

    def _focus_action(self, action: FocusAction) -> None:
        camera = self.selected.camera
        self._calls.start(camera.focus(action), camera.name)

    # -- updaters -----------------------------------------------------------------------------
    def _update_choice(self, slot: CameraSlot, status: DeviceStatus) -> None:
        button = self._selector.button(self._slots.index(slot))
        offline = status.availability is Availability.OFFLINE
        standby = slot.presets.in_standby and status.availability is Availability.ONLINE
        button.setToolTip(
            standby_status_text(slot.name)
            if standby
            else status_text(status, slot.name, DeviceKind.CAMERA)
        )
        if button.property("offline") == offline and button.property("standby") == standby:
            return  # camera state arrives with every poll: restyle only on a change
        button.setProperty("offline", offline)
        button.setProperty("standby", standby)
        button.style().unpolish(button)
        button.style().polish(button)

    def _update_controls(self) -> None:
        if not self._slots:
            return
        camera = self.selected.camera
        status = camera.status.value
        state = camera.state.value
        if status.availability is Availability.ONLINE and status.warning is None:
            self._banner.hide()
        else:
            self._banner.setText(status_text(status, camera.name, DeviceKind.CAMERA))
            self._banner.setProperty("severity", status.availability.value)
            self._banner.style().unpolish(self._banner)
            self._banner.style().polish(self._banner)
            self._banner.show()
        self.auto_focus.setChecked(bool(state.focus_auto))
        manual = state.focus_auto is False
        self.focus_near.setEnabled(manual)
        self.focus_far.setEnabled(manual)
        self.one_push.setEnabled(manual)
        self.power.setChecked(bool(state.power_on))
        self.power.setText(self.tr("Power: on") if state.power_on else self.tr("Power: standby"))
        self.power.setToolTip(
            self.tr("The camera is on; click to put it in standby")
            if state.power_on
            else self.tr("The camera is in standby; click to switch it on")
        )

    def detach(self) -> None:
        """Stop following the model (the panel is going away)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        for grid in self._grids:
            grid.detach()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None
