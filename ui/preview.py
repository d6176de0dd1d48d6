"""Live picture previews: libVLC/PyAV frames painted by Qt, with name, state and a clear slate.

Rendering path (docs/video-previews.md): decoders write into memory and a GUI-thread QTimer
picks up the newest frame and paints it with QPainter. It works the same on Windows, X11,
Wayland and offscreen, overlays are plain painting, and grab() sees the picture.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from drivers.errors import Problem
from drivers.observable import Unsubscribe
from drivers.video import Frame, PlayerState, PlayerStatus, VideoPlayer
from ui.messages import problem_text

_LOGGER = logging.getLogger(__name__)

FRAME_POLL_MS = 15  # picks up a new frame within half a 30 fps frame time
_SLATE = QColor("#1b2129")
_STATE_COLOURS = {
    PlayerState.PLAYING: QColor("#2e9d4f"),
    PlayerState.CONNECTING: QColor("#1f6fb2"),
    PlayerState.STALLED: QColor("#d9a21b"),
    PlayerState.NO_SIGNAL: QColor("#c0392b"),
    PlayerState.ERROR: QColor("#c0392b"),
    PlayerState.IDLE: QColor("#6b7785"),
}


class PreviewCanvas(QWidget):
    """Paints one picture letterboxed, or a slate, plus the overlays; knows nothing of players."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.image: QImage | None = None
        self.name = ""
        self.state_text = ""
        self.state_colour = _STATE_COLOURS[PlayerState.IDLE]
        self.slate_text = ""  # non-empty: show the slate instead of the picture
        self.slate_hint = ""
        self.muted = False
        self._badges: dict[tuple[str, int, float, float], QImage] = {}

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw picture or slate, then the name, state and muted badges."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), _SLATE)
        if self.slate_text or self.image is None:
            self._paint_slate(painter)
        else:
            self._paint_picture(painter, self.image)
        self._paint_badge(painter, self.name, QColor(0, 0, 0, 170), left=True, top=True)
        if self.state_text:
            self._paint_badge(painter, self.state_text, self.state_colour, left=False, top=True)
        if self.muted:
            self._paint_badge(
                painter, self.tr("Mic muted"), QColor("#c0392b"), left=True, top=False
            )
        painter.end()

    def _paint_picture(self, painter: QPainter, image: QImage) -> None:
        """Blit a picture the decoder already scaled to fit; scale (smoothly) any other."""
        target = self._picture_rect(image)
        dpr = self.devicePixelRatioF()
        if (
            abs(target.width() * dpr - image.width()) <= 2
            and abs(target.height() * dpr - image.height()) <= 2
        ):
            # 1:1 at a whole-pixel position: a plain copy, no per-pixel interpolation.
            w, h = image.width() / dpr, image.height() / dpr
            x, y = round((self.width() - w) / 2), round((self.height() - h) / 2)
            painter.drawImage(QRectF(x, y, w, h), image)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)

    def _picture_rect(self, image: QImage) -> QRectF:
        """Return the largest centred rectangle of the picture's aspect that fits."""
        scale = min(self.width() / image.width(), self.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _paint_slate(self, painter: QPainter) -> None:
        big = QFont(self.font())
        big.setPointSizeF(max(10.0, self.height() / 14))
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(QColor("#f2f4f7"))
        upper = QRectF(self.rect()).adjusted(10, 0, -10, -self.height() * 0.2)
        painter.drawText(upper, Qt.AlignmentFlag.AlignCenter, self.slate_text)
        small = QFont(self.font())
        small.setPointSizeF(max(8.0, self.height() / 28))
        painter.setFont(small)
        painter.setPen(QColor("#b7c2cd"))
        lower = QRectF(self.rect()).adjusted(16, self.height() * 0.55, -16, -8)
        painter.drawText(
            lower, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self.slate_hint
        )

    def _paint_badge(
        self, painter: QPainter, text: str, colour: QColor, *, left: bool, top: bool
    ) -> None:
        badge = self._badge(text, colour)
        w = badge.width() / badge.devicePixelRatio()
        h = badge.height() / badge.devicePixelRatio()
        x = 8 if left else self.width() - w - 8
        y = 8 if top else self.height() - h - 8
        painter.drawImage(QPointF(x, y), badge)

    def _badge(self, text: str, colour: QColor) -> QImage:
        """Return the badge picture, drawn once per text, colour and size.

        Laying out and drawing text 30 times a second per preview cost more CPU than
        blitting the video picture itself; a cached badge is a small blend.
        """
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, min(14.0, self.height() / 22)))
        font.setBold(True)
        dpr = self.devicePixelRatioF()
        key = (text, colour.rgba(), font.pointSizeF(), dpr)
        cached = self._badges.get(key)
        if cached is not None:
            return cached
        metrics = QFontMetrics(font)
        w, h = metrics.horizontalAdvance(text) + 14, metrics.height() + 6
        badge = QImage(round(w * dpr), round(h * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        badge.setDevicePixelRatio(dpr)
        badge.fill(Qt.GlobalColor.transparent)
        painter = QPainter(badge)
        painter.setFont(font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, 0, w, h), 5, 5)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        if len(self._badges) >= 16:  # texts change rarely; sizes change on resize
            self._badges.clear()
        self._badges[key] = badge
        return badge


class PreviewWidget(PreviewCanvas):
    """A live preview of one player; double-click opens a large view of the same picture."""

    enlarged_changed = Signal(bool)
    # Ask the decoder for pictures at the displayed size (the benchmark turns it off to compare).
    decoder_scaling = True

    def __init__(
        self, player: VideoPlayer | None = None, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.player: VideoPlayer | None = None
        self._frame: Frame | None = None
        self._unsubscribe: list[Unsubscribe] = []
        # A deleted widget must stop listening (the player outlives it); the lambda holds the
        # list, not self, because self is half-destroyed when ``destroyed`` fires.
        subscriptions = self._unsubscribe
        self.destroyed.connect(lambda: [stop() for stop in subscriptions])
        self._large: LargePreview | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_POLL_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        self.set_player(player, name)

    @property
    def frame(self) -> Frame | None:
        """The picture shown now (None before the first)."""
        return self._frame

    @property
    def enlarged(self) -> LargePreview | None:
        """The large view while it is open."""
        return self._large

    def set_player(self, player: VideoPlayer | None, name: str) -> None:
        """Show another source (the outgoing preview follows the selected camera)."""
        self.detach()
        self.player, self.name = player, name
        if player is not None:
            self._unsubscribe.append(player.state.subscribe(self._on_state))
        self.request_output_size()
        self._on_state(player.state.value if player is not None else PlayerStatus())

    def set_muted(self, muted: bool) -> None:
        """Show or hide the "Mic muted" badge (fed by the mixer/codec once they exist)."""
        self.muted = muted
        self._refresh()

    def detach(self) -> None:
        """Stop following the current player and hand back its frame buffer."""
        while self._unsubscribe:
            self._unsubscribe.pop()()
        if self._frame is not None and self.player is not None:
            self.player.frames.release(self._frame)
        self._frame, self.image, self.player = None, None, None

    def request_output_size(self) -> None:
        """Tell the player the largest size its picture is shown at (device pixels)."""
        if self.player is None or not self.decoder_scaling:
            return
        views: list[QWidget] = [self] if self._large is None else [self, self._large]
        width = max(round(view.width() * view.devicePixelRatioF()) for view in views)
        height = max(round(view.height() * view.devicePixelRatioF()) for view in views)
        self.player.set_output_size(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Ask the decoder for pictures that fit the new size."""
        super().resizeEvent(event)
        self.request_output_size()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Open (or close) the large view."""
        self.toggle_enlarged()
        event.accept()

    def toggle_enlarged(self) -> None:
        """Open the large view, or close it when open."""
        if self._large is not None:
            self._large.close()
            return
        self._large = LargePreview(self)
        self._copy_overlays(self._large)
        self._large.showMaximized()
        self.enlarged_changed.emit(True)

    def _on_large_closed(self) -> None:
        self._large = None
        self.request_output_size()
        self.enlarged_changed.emit(False)

    def _on_tick(self) -> None:
        """GUI thread: take the newest frame (if any) and repaint; hand back the previous one."""
        if self.player is None:
            return
        frame = self.player.frames.take()
        if frame is None:
            return
        previous, self._frame = self._frame, frame
        # The QImage borrows the decoder's buffer (no copy); the slot will not reuse that
        # buffer until we release the frame below, after the next one replaced it. A cropped
        # frame is a view starting where its whole (contiguous) buffer starts.
        data = frame.buffer if frame.buffer is not None else frame.pixels
        stride = frame.pixels.strides[0]
        self.image = QImage(
            data.data, frame.width, frame.height, stride, QImage.Format.Format_RGB32
        )
        if previous is not None:
            self.player.frames.release(previous)
        self._refresh()

    def _on_state(self, status: PlayerStatus) -> None:
        texts = {
            PlayerState.IDLE: self.tr("Off"),
            PlayerState.CONNECTING: self.tr("Connecting…"),
            PlayerState.PLAYING: self.tr("Live"),
            PlayerState.STALLED: self.tr("Picture stalled"),
            PlayerState.NO_SIGNAL: self.tr("No signal"),
            PlayerState.ERROR: self.tr("No picture"),
        }
        self.state_text = texts[status.state]
        self.state_colour = _STATE_COLOURS[status.state]
        self.slate_text, self.slate_hint = self._slate(status)
        self._refresh()

    def _slate(self, status: PlayerStatus) -> tuple[str, str]:
        """Slate title and hint for a state without a live picture ("" while a picture shows)."""
        name = self.name or self.tr("This source")
        if self.player is None:
            return self.tr("No video source"), self.tr("No preview is set up for {name}.").format(
                name=name
            )
        if status.state is PlayerState.ERROR and status.problem is Problem.LIBRARY_MISSING:
            return self.tr("Preview unavailable"), self.tr(
                "The video player (VLC) is not installed on this computer. Install VLC from "
                "videolan.org (on Debian/Ubuntu: sudo apt install vlc). Everything else works."
            )
        if status.state is PlayerState.ERROR:
            return self.tr("No picture"), problem_text(status.problem or Problem.UNKNOWN, name)
        if status.state is PlayerState.NO_SIGNAL:
            return self.tr("No signal"), self.tr(
                "Nothing arrives from {name}. Trying again…"
            ).format(name=name)
        if status.state in (PlayerState.CONNECTING, PlayerState.IDLE) and self._frame is None:
            return self.tr("Connecting…"), ""
        return "", ""

    def _refresh(self) -> None:
        self.update()
        if self._large is not None:
            self._copy_overlays(self._large)
            self._large.update()

    def _copy_overlays(self, canvas: PreviewCanvas) -> None:
        for attribute in (
            "image",
            "name",
            "state_text",
            "state_colour",
            "slate_text",
            "slate_hint",
            "muted",
        ):
            setattr(canvas, attribute, getattr(self, attribute))


class LargePreview(PreviewCanvas):
    """A separate maximised window showing the same picture; double-click or Esc closes it."""

    def __init__(self, source: PreviewWidget) -> None:
        super().__init__(None)
        self._source = source
        self.setWindowTitle(source.name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Close the large view."""
        self.close()
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Count the large view's size too, so the picture is sharp there."""
        super().resizeEvent(event)
        self._source.request_output_size()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the large view."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Tell the small preview that it is the only view again."""
        self._source._on_large_closed()
        super().closeEvent(event)


class PreviewArea(QWidget):
    """The outgoing (selected camera) and incoming (far end) previews side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outgoing = PreviewWidget(name=self.tr("Camera"))
        self.incoming = PreviewWidget(name=self.tr("Far end"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for preview in (self.outgoing, self.incoming):
            preview.setMinimumSize(240, 135)  # two fit beside the side panel on 1366x768
            layout.addWidget(preview)
