"""Regenerate the screenshots in docs/: the demo main window and the repair screen.

Run under Xvfb so the window manager-free screen is grabbed as an operator would see it:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py

Without a display it falls back to Qt's offscreen platform and ``QWidget.grab()``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from console.config.loader import ProfileError, load_profile  # noqa: E402
from ui.app import open_room, parse_args  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.repair import RepairWindow  # noqa: E402
from ui.style import apply_style  # noqa: E402

SIZE = (1366, 768)
SETTLE_SECONDS = 1.5  # cameras connect and answer their first inquiries


def _grab(window: QWidget) -> QPixmap:
    """Grab the window as on screen (the X11 screen, so native video would show too)."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return window.grab()
    screen = window.screen()
    return screen.grabWindow(0, window.x(), window.y(), window.width(), window.height())


async def _main_window(out: Path) -> None:
    window, close = await open_room(parse_args(["--demo"]))
    window.setGeometry(0, 0, *SIZE)
    window.show()
    await asyncio.sleep(SETTLE_SECONDS)
    if isinstance(window, MainWindow):  # show a shot on air, as during a meeting
        window.camera_panel.recall_key(1)
        await asyncio.sleep(SETTLE_SECONDS)
    _grab(window).save(str(out / "screenshot-main.png"))
    window.close()
    await close()


async def _repair_window(out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "room.toml"
        path.write_text(
            'schema_version = 1\n\n[site]\nname = "Hall"\n\n[[cameras]]\nid = "front"\n'
            'name = "Front"\nconnection = "serial:/dev/ttyUSB0"\naddress = 9\n',
            encoding="utf-8",
        )
        try:
            load_profile(path)
        except ProfileError as error:
            window = RepairWindow(error)
        else:
            raise SystemExit("the broken example profile loaded: update this script")
        window.setGeometry(0, 0, 900, 480)
        window.show()
        await asyncio.sleep(0.3)
        _grab(window).save(str(out / "screenshot-repair.png"))
        window.close()


async def _run(out: Path) -> None:
    await _main_window(out)
    await _repair_window(out)


def main() -> int:
    """Take every screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder for the PNGs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    apply_style(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(_run(args.out))
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
