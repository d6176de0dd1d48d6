"""packaging/x11_smoke.py: the screenshot file and the blank-window check of the CI smoke test."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).parents[2] / "packaging"))

from x11_smoke import distinct_colours, write_png


def test_png_written_without_libraries_reads_back_pixel_for_pixel(tmp_path: Path) -> None:
    width, height = 5, 3
    rgb = b"".join(bytes((x * 40, y * 80, 7)) for y in range(height) for x in range(width))
    path = tmp_path / "shot.png"
    write_png(str(path), width, height, rgb)
    with Image.open(path) as image:
        assert image.size == (width, height)
        assert image.convert("RGB").tobytes() == rgb


def test_blank_window_has_one_colour_a_drawn_one_many() -> None:
    assert distinct_colours(b"\xef\xef\xef" * 1000) == 1
    assert distinct_colours(b"".join(bytes((i % 256, i // 256, 0)) for i in range(1000))) == 1000
