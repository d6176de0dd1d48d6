"""Screenshots of the operator's-day screens: the pre-meeting check card and the PIN dialog.

The check runs for real against emulators on 127.0.0.1 (a VISCA camera, an X32 desk and a UDP
echo peer): once with everything fine, once with the camera silent and a lossy link.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots_operator_day.py

Without a display it falls back to Qt's offscreen platform. ``--lang vi`` loads the Vietnamese
catalogue first.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from console.access import TechnicianGate, hash_pin  # noqa: E402
from console.echo_peer import UdpEchoPeer  # noqa: E402
from console.netprobe import PathTarget, ProbeSettings  # noqa: E402
from console.presets import PresetBook  # noqa: E402
from console.room import CameraSlot  # noqa: E402
from console.services.precheck import CheckSettings, PreMeetingCheck  # noqa: E402
from drivers.roles.camera import CameraLimits, PtzPosition  # noqa: E402
from drivers.visca.camera import ViscaCamera  # noqa: E402
from drivers.visca.emulator import ViscaEmulator  # noqa: E402
from drivers.x32.emulator import X32Emulator  # noqa: E402
from drivers.x32.mixer import X32Mixer  # noqa: E402
from ui.i18n import install_translator  # noqa: E402
from ui.precheck_card import PrecheckCard  # noqa: E402
from ui.style import apply_style  # noqa: E402
from ui.technician import PinDialog  # noqa: E402

LIMITS = CameraLimits(preset_capacity=4)
LECTERN = 3
CARD_SIZE = (600, 600)
SETTINGS = CheckSettings(
    camera_timeout=2.0,
    signal_window=10.0,
    probe=ProbeSettings(duration=1.5, interval=0.02, tcp_interval=0.2, reply_timeout=0.3),
    disk_warn_bytes=0,
    disk_fail_bytes=0,
    cpu_warn_percent=101.0,
)


def _grab(widget: QWidget) -> QPixmap:
    """Grab as on screen (X11) or, offscreen, as Qt paints it."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return widget.grab()
    screen = widget.screen()
    return screen.grabWindow(0, widget.x(), widget.y(), widget.width(), widget.height())


async def _run_card(check: PreMeetingCheck, desk: X32Emulator, x: int) -> QPixmap:
    """Run one check on a fresh card, speaking when asked; return the finished card's picture."""
    card = PrecheckCard(lambda: check)
    card.setWindowTitle("Pre-meeting check")
    card.setGeometry(x, 0, *CARD_SIZE)
    card.show()
    desk.desk.speaking[LECTERN] = False
    task = card.start()
    assert task is not None
    while task is not None and not task.done():
        if card.prompt.isVisible():
            await asyncio.sleep(0.3)  # the operator reads, then speaks
            desk.desk.speaking[LECTERN] = True
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.4)
    picture = _grab(card)
    card.close()
    return picture


def _side_by_side(left: QPixmap, right: QPixmap) -> QPixmap:
    gap = 16
    out = QPixmap(left.width() + gap + right.width(), max(left.height(), right.height()))
    out.fill(QColor("#eef2f5"))
    painter = QPainter(out)
    painter.drawPixmap(0, 0, left)
    painter.drawPixmap(left.width() + gap, 0, right)
    painter.end()
    return out


async def _precheck(out: Path) -> None:
    emulator = ViscaEmulator(cameras=1, limits=LIMITS)
    await emulator.start("tcp:127.0.0.1:0")
    emulator.cameras[0].presets[1] = PtzPosition(400, 60, 3000)
    camera = ViscaCamera("Máy quay 1", emulator.endpoint, limits=LIMITS, command_timeout=1.0)
    await camera.start()
    slot = CameraSlot("cam1", camera.name, camera, PresetBook(camera, [], LIMITS))
    desk = X32Emulator("x32", auto_talker=None)
    await desk.start("127.0.0.1:0")
    mixer = X32Mixer("Bàn trộn", "127.0.0.1", desk.port, read_timeout=0.5)
    await mixer.start()
    peer = UdpEchoPeer()
    await peer.start()
    await asyncio.sleep(0.5)

    def check() -> PreMeetingCheck:
        return PreMeetingCheck(
            cameras=[slot],
            join_preset=1,
            mixer=mixer,
            lectern_channel=LECTERN,
            bridge_path=PathTarget("127.0.0.1", peer.port),
            settings=SETTINGS,
        )

    try:
        passing = await _run_card(check(), desk, 0)
        emulator.silent = True
        peer.drop_rate = 0.3
        failing = await _run_card(check(), desk, CARD_SIZE[0] + 20)
    finally:
        await peer.close()
        await mixer.close()
        await desk.close()
        slot.presets.close()
        await camera.close()
        await emulator.close()
    _side_by_side(passing, failing).save(str(out / "screenshot-precheck.png"))


async def _pin(out: Path) -> None:
    gate = TechnicianGate(hash_pin("2468"), free_attempts=3)
    dialog = PinDialog(gate)
    dialog.move(0, 0)
    dialog.show()
    dialog.pin.setText("1111")
    dialog.ok_button.click()  # one wrong PIN: the dialog says how many tries are left
    dialog.pin.setText("24")
    dialog.adjustSize()
    await asyncio.sleep(0.4)
    _grab(dialog).save(str(out / "screenshot-pin.png"))
    dialog.close()


async def _all(out: Path) -> None:
    await _precheck(out)
    await _pin(out)


def main() -> int:
    """Write docs/screenshot-precheck.png and docs/screenshot-pin.png."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--lang", default="en", help="interface language, e.g. vi or en")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # each card closes before the next one opens
    apply_style(app)
    install_translator(app, args.lang)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(_all(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
