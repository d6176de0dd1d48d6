"""The on-screen joystick: 8 directions by angle, speed by drag distance, release always told."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from drivers.roles.camera import PanTiltDirection
from ui.joystick import Joystick, direction_at, offset_for


@pytest.mark.parametrize("direction", list(PanTiltDirection))
def test_each_direction_round_trips_through_its_offset(direction: PanTiltDirection) -> None:
    offset = offset_for(direction, 0.5, 100.0)
    assert direction_at(offset.x(), offset.y()) is direction


def test_screen_up_is_camera_up() -> None:
    assert direction_at(0.0, -10.0) is PanTiltDirection.UP
    assert direction_at(10.0, 10.0) is PanTiltDirection.DOWN_RIGHT


def _point(stick: Joystick, direction: PanTiltDirection, fraction: float) -> QPoint:
    return (stick.centre() + offset_for(direction, fraction, stick.radius())).toPoint()


def test_press_drag_release(qtbot: QtBot) -> None:
    stick = Joystick()
    qtbot.addWidget(stick)
    stick.resize(220, 220)
    stick.show()
    moves: list[tuple[PanTiltDirection, float]] = []
    releases: list[bool] = []
    stick.moved.connect(lambda d, f: moves.append((d, f)))
    stick.released.connect(lambda: releases.append(True))
    qtbot.mousePress(
        stick, Qt.MouseButton.LeftButton, pos=_point(stick, PanTiltDirection.LEFT, 0.2)
    )
    qtbot.mouseMove(stick, _point(stick, PanTiltDirection.LEFT, 0.9))
    assert [d for d, _ in moves] == [PanTiltDirection.LEFT, PanTiltDirection.LEFT]
    assert moves[1][1] > moves[0][1]  # further out is faster
    assert stick.held
    qtbot.mouseRelease(
        stick, Qt.MouseButton.LeftButton, pos=_point(stick, PanTiltDirection.LEFT, 0.9)
    )
    assert releases == [True]
    assert not stick.held


def test_tap_in_the_centre_does_not_move(qtbot: QtBot) -> None:
    stick = Joystick()
    qtbot.addWidget(stick)
    stick.resize(220, 220)
    moves: list[object] = []
    stick.moved.connect(lambda d, f: moves.append(d))
    qtbot.mousePress(stick, Qt.MouseButton.LeftButton, pos=stick.centre().toPoint())
    qtbot.mouseRelease(stick, Qt.MouseButton.LeftButton, pos=stick.centre().toPoint())
    assert moves == []


def test_hiding_while_held_releases(qtbot: QtBot) -> None:
    stick = Joystick()
    qtbot.addWidget(stick)
    stick.resize(220, 220)
    stick.show()
    releases: list[bool] = []
    stick.released.connect(lambda: releases.append(True))
    qtbot.mousePress(stick, Qt.MouseButton.LeftButton, pos=_point(stick, PanTiltDirection.UP, 0.8))
    stick.hide()
    assert releases == [True]
