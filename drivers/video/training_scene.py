"""What the training camera "sees": a generated meeting hall, framed by pan, tilt and zoom.

The hall is drawn once as a wide panorama (stage, lectern, banner, screen, rows of seats,
numbered pillars to find one's way) and each picture is a crop of it: pan/tilt pick the centre,
zoom the field of view. A clock overlay keeps the picture alive even when the camera is still.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from drivers.roles.camera import PtzPosition
from drivers.video.mjpeg_server import MjpegServer

PANORAMA_SIZE = (3600, 1800)  # 180 x 90 degrees at 20 px per degree
_PX_PER_DEGREE = PANORAMA_SIZE[0] / 180


@dataclass(frozen=True)
class Optics:
    """How the emulated camera's units map to angles (defaults match the VISCA emulator)."""

    pan_units_per_degree: float = 2267 / 170
    tilt_units_per_degree: float = 1200 / 90
    zoom_max: int = 0x4000
    wide_fov: float = 70.0  # horizontal field of view at zoom 0, degrees
    optical_zoom: float = 20.0  # tele end narrows the view by this factor
    top_degrees: float = 37.5  # tilt angle at the top edge: home (0, 0) frames the stage


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu when installed (Debian's fonts-dejavu-core), else Pillow's built-in font."""
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


@functools.cache
def hall_panorama() -> Image.Image:
    """Draw the meeting hall once (about 0.2 s); every camera shares it."""
    width, height = PANORAMA_SIZE
    image = Image.new("RGB", PANORAMA_SIZE)
    draw = ImageDraw.Draw(image)
    horizon = height * 0.62  # where the floor meets the back wall
    for y in range(height):  # wall: warm light at the top, darker lower; floor: wood
        shade = y / height
        colour = (
            (200 - int(60 * shade), 190 - int(70 * shade), 170 - int(70 * shade))
            if y < horizon
            else (120 - int(40 * shade), 80 - int(30 * shade), 50 - int(20 * shade))
        )
        draw.line([(0, y), (width, y)], fill=colour)
    _draw_pillars(draw, width, horizon)
    _draw_stage(draw, width, horizon)
    _draw_seats(draw, width, height, horizon)
    return image


def _draw_pillars(draw: ImageDraw.ImageDraw, width: int, horizon: float) -> None:
    font = _font(48)
    for number, x in enumerate(range(150, width, 450), start=1):
        draw.rectangle([x, 0, x + 70, horizon], fill=(150, 140, 130), outline=(90, 80, 70), width=4)
        draw.text((x + 35, horizon * 0.45), str(number), fill=(40, 40, 60), font=font, anchor="mm")


def _draw_stage(draw: ImageDraw.ImageDraw, width: int, horizon: float) -> None:
    centre = width / 2
    # banner and projection screen above the stage
    draw.rectangle([centre - 700, 180, centre + 700, 330], fill=(20, 60, 130))
    draw.text(
        (centre, 255), "ROOM CONSOLE TRAINING HALL", font=_font(90), fill="white", anchor="mm"
    )
    draw.rectangle(
        [centre - 420, 380, centre + 420, 850], fill=(235, 235, 240), outline="black", width=6
    )
    for i, colour in enumerate(((220, 60, 60), (60, 160, 70), (60, 90, 200))):
        top = 450 + i * 130
        draw.rectangle([centre - 340, top, centre - 340 + 200 + 160 * i, top + 80], fill=colour)
    # the stage platform and a lectern on its left
    draw.rectangle([centre - 900, horizon - 40, centre + 900, horizon + 90], fill=(70, 40, 30))
    lectern = centre - 560
    draw.polygon(
        [(lectern - 90, horizon - 40), (lectern + 90, horizon - 40), (lectern + 70, horizon - 300),
         (lectern - 70, horizon - 300)],
        fill=(110, 70, 40), outline="black",
    )  # fmt: skip
    draw.ellipse([lectern - 45, horizon - 420, lectern + 45, horizon - 330], fill=(230, 190, 160))
    draw.rectangle([lectern - 60, horizon - 330, lectern + 60, horizon - 300], fill=(40, 40, 90))
    # a panel table with three places on the right
    table = centre + 500
    draw.rectangle([table - 300, horizon - 150, table + 300, horizon - 40], fill=(240, 240, 240))
    for seat in (-200, 0, 200):
        draw.ellipse(
            [table + seat - 40, horizon - 290, table + seat + 40, horizon - 210],
            fill=(200, 160, 130),
        )
        draw.rectangle(
            [table + seat - 55, horizon - 210, table + seat + 55, horizon - 150], fill=(90, 30, 30)
        )


def _draw_seats(draw: ImageDraw.ImageDraw, width: int, height: int, horizon: float) -> None:
    for row in range(6):  # rows come closer (lower, larger) towards the camera
        y = horizon + 160 + row * (height - horizon - 160) / 6
        size = 28 + row * 10
        count = 18 - row
        spacing = (width * 0.8) / count
        for i in range(count):
            x = width * 0.1 + (i + 0.5) * spacing
            colour = (150, 25, 40) if (row + i) % 7 else (30, 90, 150)
            draw.rounded_rectangle(
                [x - size, y - size, x + size, y + size * 0.6], radius=8, fill=colour
            )


def view_box(
    position: PtzPosition, aspect: float, optics: Optics = Optics()
) -> tuple[float, float, float, float]:
    """Return the panorama crop (left, top, right, bottom) the camera sees at ``position``."""
    zoom = min(max(position.zoom, 0), optics.zoom_max) / optics.zoom_max
    fov = optics.wide_fov / math.pow(optics.optical_zoom, zoom)
    box_w = fov * _PX_PER_DEGREE
    box_h = box_w / aspect
    centre_x = PANORAMA_SIZE[0] / 2 + position.pan / optics.pan_units_per_degree * _PX_PER_DEGREE
    tilt_deg = position.tilt / optics.tilt_units_per_degree
    centre_y = (optics.top_degrees - tilt_deg) * _PX_PER_DEGREE
    # Beyond the hall the camera would see walls; we clamp so the picture stays inside it.
    centre_x = min(max(centre_x, box_w / 2), PANORAMA_SIZE[0] - box_w / 2)
    centre_y = min(max(centre_y, box_h / 2), PANORAMA_SIZE[1] - box_h / 2)
    return (centre_x - box_w / 2, centre_y - box_h / 2, centre_x + box_w / 2, centre_y + box_h / 2)


def _stamp(image: Image.Image, label: str, now: float) -> Image.Image:
    """Put the label and the wall-clock time bottom right (shows the picture is live).

    Bottom right because the preview paints its own name badge top left.
    """
    draw = ImageDraw.Draw(image)
    text = f"{label}  {time.strftime('%H:%M:%S', time.localtime(now))}.{int(now * 10) % 10}"
    size = max(12, image.height // 24)
    font = _font(size)
    width = draw.textlength(text, font=font)
    origin = (image.width - width - 10, image.height - size - 14)
    left, top, right, bottom = draw.textbbox(origin, text, font=font)
    draw.rectangle([left - 4, top - 4, right + 4, bottom + 4], fill=(0, 0, 0))
    draw.text(origin, text, fill="white", font=font)
    return image


class TrainingScene:
    """Render what a camera at a given pan/tilt/zoom sees, as an RGB Pillow image."""

    def __init__(
        self,
        position: Callable[[], PtzPosition],
        *,
        label: str = "",
        size: tuple[int, int] = (640, 360),
        optics: Optics = Optics(),
    ) -> None:
        self.position = position
        self.label = label
        self.size = size
        self.optics = optics
        # The crop and resize is ~9 ms a picture; a still camera (most of the time) reuses it
        # and only the clock stamp is drawn again (the demo's two cameras: ~27 % CPU saved).
        self._view: tuple[tuple[float, float, float, float], Image.Image] | None = None

    def render(self, now: float | None = None) -> Image.Image:
        """Return the current picture."""
        box = view_box(self.position(), self.size[0] / self.size[1], self.optics)
        if self._view is None or self._view[0] != box:
            view = hall_panorama().resize(self.size, Image.Resampling.BILINEAR, box=box)
            self._view = (box, view)
        image = self._view[1].copy()  # the stamp draws on a copy: the cached view stays clean
        return _stamp(image, self.label, time.time() if now is None else now)


class FarEndScene:
    """A generated "far end": a room with a big analogue clock and a sweeping bar."""

    def __init__(self, *, label: str = "FAR END", size: tuple[int, int] = (640, 360)) -> None:
        self.label = label
        self.size = size

    def render(self, now: float | None = None) -> Image.Image:
        """Return the current picture (the clock hands and the bar move with time)."""
        now = time.time() if now is None else now
        width, height = self.size
        image = Image.new("RGB", self.size, (30, 70, 60))
        draw = ImageDraw.Draw(image)
        draw.rectangle([0, height * 0.7, width, height], fill=(60, 50, 45))
        cx, cy, radius = width * 0.5, height * 0.42, height * 0.3
        draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius],
            fill="white",
            outline="black",
            width=4,
        )
        local = time.localtime(now)
        seconds = local.tm_sec + (now % 1)
        for length, angle, thickness in (
            (0.5, (local.tm_hour % 12 + local.tm_min / 60) * 30, 8),
            (0.8, (local.tm_min + seconds / 60) * 6, 5),
            (0.9, seconds * 6, 2),
        ):
            rad = math.radians(angle - 90)
            end = (cx + math.cos(rad) * radius * length, cy + math.sin(rad) * radius * length)
            draw.line([(cx, cy), end], fill="black", width=thickness)
        bar = (now * 120) % width
        draw.rectangle([bar, height * 0.71, bar + 40, height * 0.79], fill=(240, 200, 40))
        return _stamp(image, self.label, now)


def training_stream(
    position: Callable[[], PtzPosition], *, label: str = "", fps: float = 15.0
) -> MjpegServer:
    """Return an (unstarted) MJPEG server showing what a camera at ``position()`` sees."""
    return MjpegServer(TrainingScene(position, label=label).render, fps=fps)


def far_end_stream(*, label: str = "FAR END", fps: float = 15.0) -> MjpegServer:
    """Return an (unstarted) MJPEG server showing the generated far end."""
    return MjpegServer(FarEndScene(label=label).render, fps=fps)
