"""The screenshot tool's picture writer, and the screens that need no room.

``Shots`` grabs a widget into ``<folder>/<screen>.png`` (palette-quantised with Pillow when it is
installed: UI pictures stay sharp and get a few times smaller) and keeps the widget's texts, so a
test can check the language. The pre-meeting check runs for real against emulators on 127.0.0.1
(a silent camera, an X32 desk, a Cisco codec and a lossy UDP echo peer for the bridge); the PIN
dialog, the schedule's join prompt and repair mode are made directly. ``tools/screenshots.py``
runs these and the demo room's screens in each language.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget  # noqa: E402

from console.access import TechnicianGate, hash_pin  # noqa: E402
from console.config.loader import ProfileError, load_profile  # noqa: E402
from console.echo_peer import UdpEchoPeer  # noqa: E402
from console.netprobe import PathTarget, ProbeSettings  # noqa: E402
from console.presets import PresetBook  # noqa: E402
from console.room import CameraSlot  # noqa: E402
from console.schedule import Occurrence  # noqa: E402
from console.services.precheck import CheckSettings, PreMeetingCheck  # noqa: E402
from drivers.cisco.codec import CiscoCodec  # noqa: E402
from drivers.cisco.emulator import CiscoEmulator  # noqa: E402
from drivers.roles.camera import CameraLimits, PtzPosition  # noqa: E402
from drivers.video import VideoPlayer, VideoSource  # noqa: E402
from drivers.video.training_scene import training_stream  # noqa: E402
from drivers.visca.camera import ViscaCamera  # noqa: E402
from drivers.visca.emulated_camera import EmulatedCamera  # noqa: E402
from drivers.visca.emulator import ViscaEmulator  # noqa: E402
from drivers.x32.emulator import X32Emulator  # noqa: E402
from drivers.x32.mixer import X32Mixer  # noqa: E402
from ui.precheck_card import PrecheckCard  # noqa: E402
from ui.repair import RepairWindow  # noqa: E402
from ui.schedule_prompts import JoinPrompt  # noqa: E402
from ui.technician import PinDialog  # noqa: E402

LIMITS = CameraLimits(preset_capacity=4)
LECTERN = 3
CARD_SIZE = (960, 620)  # as PrecheckDialog opens with the cameras' pictures
FAST_CHECK = CheckSettings(
    camera_timeout=2.0,
    codec_timeout=2.0,
    signal_window=10.0,
    probe=ProbeSettings(duration=1.5, interval=0.02, tcp_interval=0.2, reply_timeout=0.3),
    disk_warn_bytes=0,
    disk_fail_bytes=0,
    cpu_warn_percent=101.0,
)
BROKEN_PROFILE = (
    'schema_version = 1\n\n[site]\nname = "Hội trường xã"\n\n[[cameras]]\nid = "front"\n'
    'name = "Sân khấu"\nconnection = "serial:/dev/ttyUSB0"\naddress = 9\n'
)


# -- writing pictures ------------------------------------------------------------------------------
def widget_texts(widget: QWidget) -> list[str]:
    """Every visible text in ``widget``'s tree: titles, labels, buttons, tabs (for checks)."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(index) for index in range(child.count())]
    return [text for text in texts if text]


def grab(widget: QWidget) -> QPixmap:
    """Grab a window as on the X11 screen (video included); a panel or offscreen as Qt paints it."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not widget.isWindow():
        return widget.grab()
    return widget.screen().grabWindow(0, widget.x(), widget.y(), widget.width(), widget.height())


def _png_bytes(pixmap: QPixmap) -> bytes:
    """PNG of ``pixmap``: an 8-bit palette if Pillow is there (UI colours survive; no dither)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    data = bytes(buffer.data().data())
    try:
        from PIL import Image
    except ImportError:  # Pillow is optional: the full-colour PNG is still correct
        return data
    image = Image.open(io.BytesIO(data)).convert("RGB")
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, "PNG", optimize=True)
    return out.getvalue()


class Shots:
    """One language's folder of pictures; remembers each picture's widget texts."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.texts: dict[str, list[str]] = {}
        folder.mkdir(parents=True, exist_ok=True)

    def save(self, name: str, widget: QWidget) -> Path:
        """Grab ``widget`` into ``<folder>/<name>.png``."""
        # Callers sleep to let Qt paint: a processEvents() here, inside the qasync loop, left
        # socket callbacks half-run and closing the demo room then hung.
        path = self.folder / f"{name}.png"
        path.write_bytes(_png_bytes(grab(widget)))
        self.texts[name] = widget_texts(widget)
        print(f"  {path} ({path.stat().st_size // 1024} KB)")
        return path


async def until(condition: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    """Wait until ``condition()`` holds (True) or ``timeout`` passes (False)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            return False
        await asyncio.sleep(step)
    return True


# -- screens without the room ----------------------------------------------------------------------
async def precheck_shot(shots: Shots) -> Path:
    """Run the check for real: a silent camera and a lossy link to the bridge; grab the card."""
    async with contextlib.AsyncExitStack() as stack:
        check, desk = await _precheck_room(stack)
        card = PrecheckCard(lambda: check, pictures=await _camera_pictures(stack, check))
        card.setWindowTitle(QCoreApplication.translate("PrecheckDialog", "Pre-meeting check"))
        stack.callback(card.close)
        return await _run_card(card, desk, shots)
    raise AssertionError("unreachable")  # mypy: the stack does not swallow exceptions


async def _camera_pictures(
    stack: contextlib.AsyncExitStack, check: PreMeetingCheck
) -> list[tuple[str, VideoPlayer]]:
    """Start a training-camera picture for each camera of the check (closed by ``stack``)."""
    pictures = []
    for slot in check.cameras:
        emulated = EmulatedCamera()  # home: the wide shot of the hall
        server = training_stream(emulated.position, label=slot.name, fps=10)
        await server.start()
        stack.push_async_callback(server.close)
        player = VideoPlayer(slot.name, VideoSource(server.url))
        await player.start()
        stack.push_async_callback(player.close)
        pictures.append((slot.name, player))
    return pictures


async def _precheck_room(stack: contextlib.AsyncExitStack) -> tuple[PreMeetingCheck, X32Emulator]:
    """Emulated camera, desk, codec and bridge echo on 127.0.0.1, closed by ``stack``."""
    emulator = ViscaEmulator(cameras=1, limits=LIMITS)
    await emulator.start("tcp:127.0.0.1:0")
    stack.push_async_callback(emulator.close)
    emulator.cameras[0].presets[1] = PtzPosition(400, 60, 3000)
    camera = ViscaCamera("Sân khấu", emulator.endpoint, limits=LIMITS, command_timeout=1.0)
    await camera.start()
    stack.push_async_callback(camera.close)
    slot = CameraSlot("stage", camera.name, camera, PresetBook(camera, [], LIMITS))
    stack.callback(slot.presets.close)
    desk = X32Emulator("x32", auto_talker=None)
    await desk.start("127.0.0.1:0")
    stack.push_async_callback(desk.close)
    mixer = X32Mixer(
        "Bàn trộn âm thanh",
        "127.0.0.1",
        desk.port,
        read_timeout=0.5,
        name_overrides={LECTERN: "Bục phát biểu"},
    )
    await mixer.start()
    stack.push_async_callback(mixer.close)
    terminal = CiscoEmulator()
    await terminal.start()
    stack.push_async_callback(terminal.close)
    codec = CiscoCodec("Codec phòng họp", host="127.0.0.1", port=terminal.port)
    await codec.start()
    stack.push_async_callback(codec.close)
    peer = UdpEchoPeer(drop_rate=0.3)  # a congested link: about one packet in three lost
    await peer.start()
    stack.push_async_callback(peer.close)
    await asyncio.sleep(0.5)
    emulator.silent = True  # the camera stops answering: its line fails with what to do
    check = PreMeetingCheck(
        cameras=[slot],
        join_preset=1,
        mixer=mixer,
        lectern_channel=LECTERN,
        codec=codec,
        bridge_path=PathTarget("127.0.0.1", peer.port, label="Cầu chính tỉnh"),
        settings=FAST_CHECK,
    )
    return check, desk


async def _run_card(card: PrecheckCard, desk: X32Emulator, shots: Shots) -> Path:
    card.setGeometry(0, 0, *CARD_SIZE)
    card.show()
    task = card.start()
    assert task is not None
    while not task.done():
        if card.prompt.isVisible():
            await asyncio.sleep(0.3)  # the operator reads the prompt, then speaks
            desk.desk.speaking[LECTERN] = True
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.4)
    return shots.save("precheck", card)


async def pin_shot(shots: Shots) -> Path:
    """Grab the PIN dialog after one wrong PIN, with a second one being typed."""
    dialog = PinDialog(TechnicianGate(hash_pin("2468"), free_attempts=3))
    dialog.move(0, 0)
    dialog.show()
    dialog.pin.setText("1111")
    dialog.ok_button.click()  # the dialog says how many tries are left
    dialog.pin.setText("24")
    dialog.adjustSize()
    return await _shown_and_saved(shots, "pin", dialog, settle=0.4)


async def join_prompt_shot(shots: Shots) -> Path:
    """Grab the schedule's join prompt for the Monday flag ceremony."""
    start = dt.datetime.now().replace(hour=7, minute=30, second=0, microsecond=0)
    sitting = Occurrence("flag", "Chào cờ đầu tuần", "main", start, start + dt.timedelta(hours=1))
    prompt = JoinPrompt(sitting, "Cầu chính tỉnh", None)
    prompt.move(0, 0)
    return await _shown_and_saved(shots, "join-prompt", prompt)


async def repair_shot(shots: Shots) -> Path:
    """Repair mode for a profile whose camera address is out of range (a typical slip)."""
    folder = Path(tempfile.gettempdir()) / "RoomConsole"  # a steady path: the picture shows it
    folder.mkdir(exist_ok=True)
    path = folder / "room.toml"
    path.write_text(BROKEN_PROFILE, encoding="utf-8")
    try:
        load_profile(path)
    except ProfileError as error:
        window = RepairWindow(error)
    else:
        raise SystemExit("the broken example profile loaded: update BROKEN_PROFILE")
    finally:
        path.unlink()
    window.setGeometry(0, 0, 900, max(300, window.sizeHint().height()))
    return await _shown_and_saved(shots, "repair", window)


async def _shown_and_saved(shots: Shots, name: str, widget: QWidget, settle: float = 0.3) -> Path:
    """Show ``widget``, let Qt paint it, save it as ``name`` and close it."""
    widget.show()
    await asyncio.sleep(settle)
    try:
        return shots.save(name, widget)
    finally:
        widget.close()


if __name__ == "__main__":  # the old entry point still works: the whole tool, same options
    from screenshots import main

    sys.exit(main())
