"""Draw the app icon (same shapes as icons/roomconsole.svg) into roomconsole.png and .ico.

Pillow cannot render SVG, so the few shapes are drawn directly, 4x oversampled and scaled down
for smooth edges. Run after changing the SVG: `python packaging/make_icons.py` (needs Pillow,
in the `packaging` extra). The results are committed; builds do not need Pillow.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent / "icons"
OVERSAMPLE = 4
BLUE, WHITE, SKY, GREEN = "#1F4E79", "#FFFFFF", "#5FA8E8", "#3CC46A"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def _circle(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: str) -> None:
    """Draw a filled circle in 256-unit SVG coordinates."""
    s = OVERSAMPLE
    draw.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s), fill=fill)


def _rect(
    draw: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, rx: float, fill: str
) -> None:
    """Draw a filled (rounded) rectangle in 256-unit SVG coordinates."""
    s = OVERSAMPLE
    draw.rounded_rectangle((x * s, y * s, (x + w) * s, (y + h) * s), radius=rx * s, fill=fill)


def draw_icon() -> Image.Image:
    """Draw the 256x256 icon, shape for shape as in roomconsole.svg."""
    big = Image.new("RGBA", (256 * OVERSAMPLE, 256 * OVERSAMPLE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    _rect(draw, 16, 16, 224, 224, 48, BLUE)
    _rect(draw, 116, 160, 24, 28, 0, WHITE)
    _rect(draw, 80, 182, 96, 24, 10, WHITE)
    _circle(draw, 128, 112, 64, WHITE)
    _circle(draw, 128, 112, 38, BLUE)
    _circle(draw, 128, 112, 20, SKY)
    _circle(draw, 119, 103, 6, WHITE)
    _circle(draw, 200, 56, 16, GREEN)
    return big.resize((256, 256), Image.Resampling.LANCZOS)


def main() -> None:
    """Write icons/roomconsole.png (256 px) and icons/roomconsole.ico (16-256 px)."""
    icon = draw_icon()
    icon.save(ICONS / "roomconsole.png", optimize=True)
    icon.save(ICONS / "roomconsole.ico", sizes=ICO_SIZES)
    print(f"wrote {ICONS / 'roomconsole.png'} and {ICONS / 'roomconsole.ico'}")


if __name__ == "__main__":
    main()
