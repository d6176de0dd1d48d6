"""The demo window carries a working call panel and audio panel wired to the room's devices."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtWidgets import QMessageBox, QToolBar
from ui_polling import until

from console.services.join import JoinPhase
from ui.app import open_room, parse_args
from ui.audio_panel import AudioPanel
from ui.call_panel import SETTLE_SECONDS, CallPanel
from ui.main_window import MainWindow


@pytest.mark.timeout(90)
async def test_demo_window_joins_the_bridge_and_mutes_from_its_panels() -> None:
    window, close = await open_room(parse_args(["--demo"]))
    try:
        assert isinstance(window, MainWindow)
        call = window.findChild(CallPanel)
        audio = window.findChild(AudioPanel)
        assert call is not None and audio is not None
        assert [strip.number for strip in audio.strips] == [1, 2, 3, 4]
        toolbar_actions = [a.text() for t in window.findChildren(QToolBar) for a in t.actions()]
        assert any("check" in text.lower() for text in toolbar_actions), toolbar_actions
        window.show()
        codec = window.room.codec
        assert codec is not None
        await until(lambda: call.join_button.isEnabled(), timeout=20)
        call.join_button.click()
        await until(lambda: call.join.progress.value.phase is JoinPhase.IN_MEETING, timeout=40)
        assert codec.call.value.active
        # the profile's join state mutes every microphone strip on the desk
        await until(lambda: all(s.muted for s in audio.strips if s.number in (1, 2, 3)))
        # closing the window during the call asks first; "stay" keeps window and call
        window.close()
        await until(lambda: window.close_question is not None)
        question = window.close_question
        assert question is not None and question.isVisible() and window.isVisible()
        assert question.defaultButton().text() == "Stay in the meeting"
        question.defaultButton().click()
        await until(lambda: window.close_question is None)
        assert window.isVisible() and codec.call.value.active
        await asyncio.sleep(SETTLE_SECONDS + 0.05)  # the operator reads the button first
        call.join_button.click()  # now "Leave the meeting": asks first too
        await until(lambda: call.dialog is not None)
        assert codec.call.value.active
        _button(call.dialog, "Leave the meeting").click()
        await until(lambda: not codec.call.value.active, timeout=20)
    finally:
        window.close_now()
        await close()


def _button(box: QMessageBox | None, text: str) -> object:
    assert box is not None
    return next(b for b in box.buttons() if b.text() == text)
