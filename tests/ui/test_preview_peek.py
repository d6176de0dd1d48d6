"""The pre-meeting check shows the cameras' live pictures without taking frames from the preview."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.services.precheck import PreMeetingCheck
from drivers.video import VideoPlayer, VideoSource
from drivers.video.mjpeg_server import MjpegServer
from drivers.visca.emulated_camera import EmulatedCamera
from ui.precheck_card import PrecheckDialog
from ui.preview import PreviewWidget
from ui.preview_peek import PreviewPeek


def _picture(peek: PreviewPeek) -> QImage:
    assert peek.image is not None
    return peek.image.copy()  # the peek's own copy of the newest frame


async def test_peek_follows_the_camera_and_leaves_every_frame_to_the_preview(
    qtbot: QtBot, player: VideoPlayer, camera_stream: tuple[EmulatedCamera, MjpegServer]
) -> None:
    camera, _server = camera_stream
    preview = PreviewWidget(player, "Stage camera")
    peek = PreviewPeek(player, "Stage camera")
    for widget in (preview, peek):
        qtbot.addWidget(widget)
        widget.resize(320, 180)
        widget.show()
    await until(lambda: peek.frame is not None and preview.frame is not None, 10)
    assert peek.slate_text == ""
    before = _picture(peek)
    camera.nudge(pan=3000, zoom=6000)  # someone moves the camera: the peek shows it
    await until(lambda: _picture(peek) != before, 5)
    taken = preview.frame
    await until(lambda: preview.frame is not taken, 5)  # the preview still gets new frames
    assert peek.frame is not None and preview.frame is not None
    assert peek.frame.buffer is None  # a copy: no decoder buffer is held or taken by the peek
    assert not np.shares_memory(peek.frame.pixels, preview.frame.pixels)


def test_peek_without_a_picture_shows_the_slate(qtbot: QtBot) -> None:
    idle = VideoPlayer("Hall camera", VideoSource("udp://@127.0.0.1:9"))  # never started
    peek = PreviewPeek(idle, "Hall camera")
    qtbot.addWidget(peek)
    assert peek.frame is None and peek.slate_text == "No picture yet"
    image = peek.grab().toImage()
    assert image.pixelColor(5, image.height() // 2) == QColor("#1b2129")  # the slate


async def test_check_dialog_shows_a_peek_per_camera_with_a_picture(
    qtbot: QtBot, player: VideoPlayer
) -> None:
    dialog = PrecheckDialog(
        lambda: PreMeetingCheck(cameras=()), report_path=None, pictures=[("Sân khấu", player)]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    (peek,) = dialog.card.peeks.peeks
    assert peek.name == "Sân khấu" and dialog.card.peeks.isVisible()
    await until(lambda: peek.frame is not None, 10)
    plain = PrecheckDialog(lambda: PreMeetingCheck(cameras=()), report_path=None)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.card.peeks.isVisible()  # no camera picture: the card keeps its width
