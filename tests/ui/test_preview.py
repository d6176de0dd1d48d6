"""Preview widgets painting real decoded pictures (training camera over MJPEG, libVLC)."""

from __future__ import annotations

import asyncio
import socket

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from ui_polling import until

from drivers.errors import Problem
from drivers.video import PlayerState, PlayerStatus, Timing, VideoPlayer, VideoSource
from ui.preview import PreviewArea, PreviewWidget

SLATE = QColor("#1b2129")


def _centre(widget: PreviewWidget) -> QColor:
    image: QImage = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


async def test_preview_paints_live_frames_with_name_and_state(
    qtbot: QtBot, player: VideoPlayer
) -> None:
    preview = PreviewWidget(player, "Stage camera")
    qtbot.addWidget(preview)
    preview.resize(480, 270)
    preview.show()
    await until(lambda: preview.frame is not None and preview.state_text == "Live", 10)
    first = preview.frame
    await until(lambda: preview.frame is not first, 5)  # frames keep coming on the GUI thread
    assert preview.slate_text == ""
    assert _centre(preview) != SLATE  # the picture, not the slate
    assert preview.name == "Stage camera"


async def test_no_signal_slate_when_the_source_is_gone(qtbot: QtBot) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dead = VideoPlayer(
        "Far end",
        VideoSource(f"http://127.0.0.1:{port}/video.mjpg"),
        timing=Timing(first_frame_timeout=2),
    )
    preview = PreviewWidget(dead, "Far end")
    qtbot.addWidget(preview)
    preview.resize(480, 270)
    preview.show()
    try:
        await dead.start()
        await until(lambda: dead.state.value.state is PlayerState.ERROR, 10)
        assert preview.slate_text == "No picture"
        assert "cannot be reached" in preview.slate_hint
        assert _centre(preview) == SLATE
    finally:
        await asyncio.wait_for(dead.close(), 10)


def test_missing_libvlc_slate_says_how_to_install(qtbot: QtBot) -> None:
    player = VideoPlayer("Camera", VideoSource("udp://@127.0.0.1:9"))  # never started
    preview = PreviewWidget(player, "Camera")
    qtbot.addWidget(preview)
    player.state.publish(PlayerStatus(PlayerState.ERROR, Problem.LIBRARY_MISSING, "no libvlc"))
    assert preview.slate_text == "Preview unavailable"
    assert "Install VLC" in preview.slate_hint
    assert "Everything else works" in preview.slate_hint


def test_no_source_and_muted_badge(qtbot: QtBot) -> None:
    preview = PreviewWidget(None, "Lectern")
    qtbot.addWidget(preview)
    assert preview.slate_text == "No video source"
    preview.set_muted(True)
    assert preview.muted
    preview.resize(320, 180)
    image = preview.grab().toImage()
    badge = image.pixelColor(14, image.height() - 14)
    assert badge.red() > 150 and badge.green() < 100  # the red "Mic muted" badge bottom-left


async def test_double_click_enlarges_and_closes(qtbot: QtBot, player: VideoPlayer) -> None:
    preview = PreviewWidget(player, "Stage camera")
    qtbot.addWidget(preview)
    preview.resize(320, 180)
    preview.show()
    await until(lambda: preview.frame is not None, 10)
    qtbot.mouseDClick(preview, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    large = preview.enlarged
    assert large is not None and large.isVisible()
    await until(lambda: large.image is not None and large.image is preview.image, 5)
    qtbot.mouseDClick(large, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    await until(lambda: preview.enlarged is None, 5)


async def test_outgoing_preview_follows_the_selected_camera(
    qtbot: QtBot, player: VideoPlayer
) -> None:
    area = PreviewArea()
    qtbot.addWidget(area)
    area.resize(1000, 300)
    area.show()
    area.outgoing.set_player(player, "Stage camera")
    await until(lambda: area.outgoing.frame is not None, 10)
    area.outgoing.set_player(None, "Lectern")
    assert area.outgoing.frame is None and area.outgoing.slate_text == "No video source"
    assert area.incoming.slate_text == "No video source"


async def test_decoder_scales_to_the_displayed_size(qtbot: QtBot, player: VideoPlayer) -> None:
    preview = PreviewWidget(player, "Stage camera")
    qtbot.addWidget(preview)
    preview.resize(320, 200)
    preview.show()
    # The decoder fits the picture into the widget (aspect kept), so Qt paints it 1:1.
    await until(lambda: preview.frame is not None and preview.frame.width == 320, 10)
    assert preview.frame is not None and preview.frame.height <= 200
    assert player.output_size == (320, 200)
    assert _centre(preview) != SLATE

    preview.toggle_enlarged()  # the large view wants a sharper (larger) picture
    large = preview.enlarged
    assert large is not None
    await until(lambda: preview.frame is not None and preview.frame.width > 320, 10)
    large.close()
    await until(lambda: preview.frame is not None and preview.frame.width == 320, 10)
