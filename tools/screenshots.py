"""Screenshots of every main screen in Vietnamese and English: ``<out>/<lang>/<screen>.png``.

    xvfb-run -a -s "-screen 0 1366x768x24" /tmp/venv/bin/python tools/screenshots.py \
        --lang both --out docs/screens

Each language gets the same files (``SCREENS``; the Settings dialog adds one picture per further
tab when it has tabs). The demo room (emulated cameras, desk and call on 127.0.0.1) provides the
main window in a meeting, the call and audio panels, the event log, the enlarged preview and
Settings; ``screenshots_operator_day`` takes the screens that need no room (pre-meeting check,
PIN, join prompt, repair mode) and writes the pictures. Under Xvfb top-level windows are
grabbed from the screen, as an operator sees them; without a display Qt's offscreen platform
and ``QWidget.grab()`` are used.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

# tools/ itself: screenshots_operator_day, which also puts the repository on sys.path first
sys.path.insert(0, str(Path(__file__).resolve().parent))

import qasync
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QTabWidget, QToolBar, QWidget
from screenshots_operator_day import (
    REPO,
    Shots,
    join_prompt_shot,
    pin_shot,
    precheck_shot,
    repair_shot,
    until,
)

from console.eventlog import install_logging
from drivers.roles.codec import CallState
from ui.app import open_room, parse_args
from ui.audio_panel import AudioPanel
from ui.call_panel import CallPanel
from ui.i18n import (
    LANGUAGE_VARIABLE,
    LANGUAGES,
    catalogue_messages,
    catalogue_path,
    install_translator,
)
from ui.main_window import MainWindow
from ui.preview import PreviewArea
from ui.settings_editor import SettingsLauncher
from ui.style import apply_style
from ui.technician import ModeSwitch

SCREENS = (
    "main",  # the demo on air, in a meeting
    "precheck",  # the finished pre-meeting check with failures
    "pin",  # technician mode asks for the PIN (one wrong PIN typed)
    "call",  # the Meeting panel in a call, with its health graph
    "audio",  # the audio mixer panel: the chair open, the other microphones muted
    "event-log",  # the event log window
    "join-prompt",  # the schedule's "Join … now?"
    "repair",  # a broken room setup file opens repair mode
    "previews",  # the two previews, the outgoing one tagged "Mic muted"
    "preview-large",  # a preview enlarged by a double-click
    "settings",  # the technician's Settings (plus settings-<tab>.png per further tab)
)
SIZE = (1366, 768)
SETTLE_SECONDS = 1.5  # cameras connect and answer their first inquiries
SPEAKING_DB = -30.0  # a meter above this shows someone talking


# -- the demo room ---------------------------------------------------------------------------------
async def demo_shots(shots: Shots) -> None:
    """Grab the demo on air in a meeting, its panels, event log, large preview and Settings."""
    logging_setup = install_logging(to_file=False)
    try:
        window, close = await open_room(parse_args(["--demo"]), logging_setup)
        assert isinstance(window, MainWindow)
        window.setGeometry(0, 0, *SIZE)
        window.show()
        try:
            await _meeting_shots(window, shots)
            await _event_log_shot(window, shots)
            await _large_preview_shot(window, shots)
            await _settings_shots(window, shots)
        finally:
            window.close_now()  # in a meeting: no "Close during the meeting?" question
            await asyncio.wait_for(close(), 10.0)
    finally:
        logging_setup.uninstall()


async def _meeting_shots(window: MainWindow, shots: Shots) -> None:
    """In the meeting, the chair has the floor: room sound to the bridge and the chair's mic on."""
    await asyncio.sleep(SETTLE_SECONDS)
    window.camera_panel.recall_key(1)  # the wide shot on air
    call = window.findChild(CallPanel)
    if call is not None:
        call.join_button.click()
        joined = await until(lambda: call.codec.call.value.state is CallState.CONNECTED, 30.0)
        if joined:  # a call quality graph needs a few statistics samples
            await until(lambda: len(call.health_graph.samples) >= 20, 40.0, 0.5)
        area = window.findChild(PreviewArea)
        if area is not None and call.codec.mic_muted.value:  # joining mutes the room: tagged
            await asyncio.sleep(0.5)
            shots.save("previews", area)
        if call.codec.mic_muted.value:  # then the chair gets the floor
            call.mic_button.click()
    audio = window.findChild(AudioPanel)
    if audio is not None and audio.strips and audio.strips[0].muted:
        audio.strips[0].mute_button.click()
    await asyncio.sleep(SETTLE_SECONDS)
    if audio is not None and audio.strips:  # the demo chair talks now and then: catch it talking
        await until(lambda: audio.strips[0].meter.level_db > SPEAKING_DB, 20.0, 0.05)
    shots.save("main", window)
    if audio is not None:
        shots.save("audio", audio)
    if call is not None:
        shots.save("call", call)


async def _event_log_shot(window: MainWindow, shots: Shots) -> None:
    toolbar = window.findChild(QToolBar, "operatorDay")
    wanted = QCoreApplication.translate("OperatorDay", "Event log")
    actions = [a for a in toolbar.actions() if a.text() == wanted] if toolbar else []
    if not actions:
        print("  no event log action: event-log.png not taken")
        return
    before = set(QApplication.topLevelWidgets())
    actions[0].trigger()
    dialog = await _new_window(before)
    dialog.setGeometry(40, 40, 1000, 560)
    await asyncio.sleep(0.5)
    shots.save("event-log", dialog)
    dialog.close()


async def _new_window(before: set[QWidget]) -> QWidget:
    """Return the top-level window that appeared since ``before`` was taken."""
    found: list[QWidget] = []

    def appeared() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]
        return bool(found)

    if not await until(appeared, 5.0):
        raise RuntimeError("the window did not open")
    return found[0]


async def _large_preview_shot(window: MainWindow, shots: Shots) -> None:
    area = window.findChild(PreviewArea)
    if area is None:
        print("  no previews: preview-large.png not taken")
        return
    area.outgoing.toggle_enlarged()
    large = area.outgoing.enlarged
    assert large is not None
    large.setGeometry(0, 0, *SIZE)
    await asyncio.sleep(SETTLE_SECONDS)
    shots.save("preview-large", large)
    large.close()


async def _settings_shots(window: MainWindow, shots: Shots) -> None:
    """Enter technician mode (the demo has no PIN: "Later"), open Settings, grab each tab."""
    modes = window.findChild(ModeSwitch)
    launcher = window.findChild(SettingsLauncher)
    if modes is None or launcher is None:
        print("  no technician Settings: settings.png not taken")
        return
    dialog = modes.request_technician()
    dialog.cancel_button.click()
    editor = launcher.open()
    editor.setGeometry(0, 0, min(editor.width(), SIZE[0]), min(editor.height(), SIZE[1]))
    await asyncio.sleep(0.8)
    shots.save("settings", editor)
    for old in shots.folder.glob("settings-*.png"):  # tabs come and go as Settings grows
        old.unlink()
    tabs = editor.findChildren(QTabWidget)
    if tabs:  # the outermost tab widget: one picture per tab
        top = min(tabs, key=_depth)
        for index in range(1, top.count()):
            top.setCurrentIndex(index)
            await asyncio.sleep(0.3)
            shots.save(f"settings-{_tab_slug(top, index)}", editor)
        top.setCurrentIndex(0)
    editor.close()


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def _tab_slug(tabs: QTabWidget, index: int) -> str:
    """Name a tab the same in every language: its page's object name, else its English title."""
    page = tabs.widget(index)
    name = page.objectName() if page is not None else ""
    if not name or name.startswith("qt_"):
        name = _english(tabs.tabText(index).replace("&", ""))
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or f"tab{index + 1}"


def _english(text: str) -> str:
    """Return the English source of ``text`` shown in the current language (else ``text``)."""
    for context, source in catalogue_messages(catalogue_path("vi")):
        if QCoreApplication.translate(context, source) == text:
            return source
    return text


# -- running ---------------------------------------------------------------------------------------
ShotTaker = Callable[[Shots], Awaitable[object]]
TAKERS: tuple[ShotTaker, ...] = (precheck_shot, pin_shot, join_prompt_shot, repair_shot, demo_shots)


def use_language(app: QCoreApplication, language: str) -> None:
    """Show ``language`` in every widget made from now on (and to $ROOMCONSOLE_LANG readers)."""
    os.environ[LANGUAGE_VARIABLE] = language
    install_translator(app, language)


async def take_all(app: QCoreApplication, languages: list[str], out: Path) -> dict[str, Shots]:
    """Every screen in every language."""
    taken: dict[str, Shots] = {}
    for language in languages:
        print(f"{language}:")
        use_language(app, language)
        shots = taken[language] = Shots(out / language)
        for taker in TAKERS:
            await taker(shots)
        missing = [name for name in SCREENS if name not in shots.texts]
        if missing:
            print(f"  not taken in {language}: {', '.join(missing)}")
    return taken


def main() -> int:
    """Take every screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=[*LANGUAGES, "both"], default="both")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screens")
    args = parser.parse_args()
    languages = list(LANGUAGES) if args.lang == "both" else [args.lang]
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Room Console")
    app.setQuitOnLastWindowClosed(False)  # each window closes before the next one opens
    apply_style(app)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(take_all(app, languages, args.out))
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
