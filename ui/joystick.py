"""On-screen joystick: press and hold in one of 8 directions; drag further to go faster."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from drivers.roles.camera import PanTiltDirection

# Counter-clockwise from "right", 45 degrees each (screen y grows downwards, so it is flipped).
_SECTORS = (
    PanTiltDirection.RIGHT,
    PanTiltDirection.UP_RIGHT,
    PanTiltDirection.UP,
    PanTiltDirection.UP_LEFT,
    PanTiltDirection.LEFT,
    PanTiltDirection.DOWN_LEFT,
    PanTiltDirection.DOWN,
    PanTiltDirection.DOWN_RIGHT,
)
_DEAD_ZONE = 0.18  # fraction of the radius where nothing moves (a plain tap does nothing)
_MIN_FRACTION = 0.1


def direction_at(dx: float, dy: float) -> PanTiltDirection:
    """Return the direction of an offset from the centre (dy grows downwards, as on screen)."""
    angle = math.degrees(math.atan2(-dy, dx)) % 360.0
    return _SECTORS[int(((angle + 22.5) % 360.0) // 45.0)]


def offset_for(direction: PanTiltDirection, fraction: float, radius: float) -> QPointF:
    """Return the offset from the centre meaning ``direction`` at ``fraction`` speed."""
    angle = math.radians(_SECTORS.index(direction) * 45.0)
    distance = radius * (_DEAD_ZONE + (1.0 - _DEAD_ZONE) * fraction)
    return QPointF(math.cos(angle) * distance, -math.sin(angle) * distance)


class Joystick(QWidget):
    """Emits ``moved(direction, fraction)`` while held and ``released()`` when let go."""

    moved = Signal(object, float)  # PanTiltDirection, speed fraction 0.1-1.0
    released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joystick")
        self.setMinimumSize(180, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolTip(self.tr("Press and hold to move the camera; drag further to go faster"))
        self.setAccessibleName(self.tr("Camera movement joystick"))
        self._knob: QPointF | None = None  # offset from centre while held
        self._direction: PanTiltDirection | None = None
        self._fraction = 0.0

    def sizeHint(self) -> QSize:  # noqa: D102 - Qt API
        return QSize(220, 220)

    @property
    def held(self) -> bool:
        """True while the operator holds the stick away from the centre."""
        return self._direction is not None

    def centre(self) -> QPointF:
        """Centre of the stick in widget coordinates."""
        return QPointF(self.width() / 2.0, self.height() / 2.0)

    def radius(self) -> float:
        """Radius of the stick's circle."""
        return min(self.width(), self.height()) / 2.0 - 6.0

    def release(self) -> None:
        """Let go (also called by the panel on focus loss); emits ``released`` if it was held."""
        was_held = self._knob is not None
        self._knob = None
        self._direction = None
        self._fraction = 0.0
        self.update()
        if was_held:
            self.released.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: D102 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._follow(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: D102 - Qt API
        if self._knob is not None:
            self._follow(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: D102 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.release()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: D102 - Qt API
        self.release()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: D102 - Qt API
        self.release()
        super().hideEvent(event)

    def _follow(self, point: QPointF) -> None:
        offset = point - self.centre()
        radius = self.radius()
        distance = math.hypot(offset.x(), offset.y())
        if distance > radius:
            offset = offset * (radius / distance)
            distance = radius
        self._knob = offset
        self.update()
        if distance < radius * _DEAD_ZONE:
            if self._direction is not None:
                self._direction = None
                self.released.emit()
            return
        fraction = (distance / radius - _DEAD_ZONE) / (1.0 - _DEAD_ZONE)
        direction = direction_at(offset.x(), offset.y())
        fraction = max(_MIN_FRACTION, min(1.0, fraction))
        if direction != self._direction or abs(fraction - self._fraction) > 0.02:
            self._direction = direction
            self._fraction = fraction
            self.moved.emit(direction, fraction)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre, radius = self.centre(), self.radius()
        enabled = self.isEnabled()
        painter.setPen(QColor("#9aa7b4"))
        painter.setBrush(QColor("#e9eef3") if enabled else QColor("#f2f2f2"))
        painter.drawEllipse(centre, radius, radius)
        painter.setBrush(QColor("#cfd8e1"))
        painter.drawEllipse(centre, radius * _DEAD_ZONE, radius * _DEAD_ZONE)
        for direction in _SECTORS:
            active = direction == self._direction
            self._paint_arrow(painter, direction, active, enabled)
        if self._knob is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#1f6fb2"))
            knob = radius * 0.16
            painter.drawEllipse(centre + self._knob, knob, knob)

    def _paint_arrow(
        self, painter: QPainter, direction: PanTiltDirection, active: bool, enabled: bool
    ) -> None:
        centre, radius = self.centre(), self.radius()
        tip = centre + offset_for(direction, 1.0, radius * 0.92)
        base = centre + offset_for(direction, 0.55, radius * 0.92)
        axis = tip - base
        side = QPointF(-axis.y(), axis.x()) * (0.6 if direction.value.count("-") else 0.8)
        path = QPainterPath(tip)
        path.lineTo(base + side)
        path.lineTo(base - side)
        path.closeSubpath()
        colour = "#1f6fb2" if active else ("#4a5866" if enabled else "#b9c2cb")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(path, QColor(colour))
