"""Pre-meeting check card against real emulators: VISCA camera, X32 desk, UDP echo peer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_polling import until

from console.echo_peer import UdpEchoPeer
from console.netprobe import PathTarget, ProbeSettings
from console.presets import PresetBook
from console.room import CameraSlot
from console.services.precheck import CheckSettings, PreMeetingCheck
from console.services.precheck_report import CheckItem, CheckKind, Verdict
from drivers.roles.base import Availability
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca.camera import ViscaCamera
from drivers.visca.emulator import ViscaEmulator
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer
from ui.i18n import current_language, switch_language
from ui.precheck_card import PrecheckCard
from ui.precheck_texts import link_figures

LIMITS = CameraLimits(preset_capacity=4)
JOIN_PRESET = 1
LECTERN = 3
FAST = CheckSettings(
    camera_timeout=2.0,
    mixer_timeout=2.0,
    signal_window=5.0,
    codec_timeout=2.0,
    probe=ProbeSettings(duration=0.4, interval=0.02, tcp_interval=0.1, reply_timeout=0.3),
    disk_warn_bytes=0,
    disk_fail_bytes=0,
    cpu_warn_percent=101.0,  # the test machine's load must not decide the verdict
)


@dataclass
class Rig:
    emulator: ViscaEmulator
    slot: CameraSlot
    desk: X32Emulator
    mixer: X32Mixer
    peer: UdpEchoPeer
    card: PrecheckCard
    report_path: Path
    qtbot: QtBot
    settings: CheckSettings = FAST

    def check(self) -> PreMeetingCheck:
        return PreMeetingCheck(
            cameras=[self.slot],
            join_preset=JOIN_PRESET,
            mixer=self.mixer,
            lectern_channel=LECTERN,
            bridge_path=PathTarget("127.0.0.1", self.peer.port),
            settings=self.settings,
        )

    def click(self, button: object) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def row(self, kind: CheckKind) -> tuple[str, str, str, str, str]:
        """Icon, title, verdict, finding and advice of the first row about ``kind``."""
        for row in self.card.rows:
            if row.item.kind is kind:
                return (
                    row.icon.text(),
                    row.title.text(),
                    row.verdict.text(),
                    row.finding.text(),
                    row.advice.text(),
                )
        raise AssertionError(f"no row for {kind}")


@pytest.fixture
async def rig(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[Rig]:
    emulator = ViscaEmulator(cameras=1, limits=LIMITS)
    await asyncio.wait_for(emulator.start("tcp:127.0.0.1:0"), 5)
    emulator.cameras[0].presets[JOIN_PRESET] = PtzPosition(400, 60, 3000)
    camera = ViscaCamera("Cam 1", emulator.endpoint, limits=LIMITS, command_timeout=1.0)
    await camera.start()
    slot = CameraSlot("cam1", camera.name, camera, PresetBook(camera, [], LIMITS))
    desk = X32Emulator("x32", auto_talker=None)
    await desk.start("127.0.0.1:0")
    mixer = X32Mixer("Desk", "127.0.0.1", desk.port, read_timeout=0.5)
    await mixer.start()
    peer = UdpEchoPeer()
    await peer.start()
    report_path = tmp_path / "last-precheck.json"
    holder: list[Rig] = []
    card = PrecheckCard(lambda: holder[0].check(), report_path=report_path)
    qtbot.addWidget(card)
    card.show()
    rig = Rig(emulator, slot, desk, mixer, peer, card, report_path, qtbot)
    holder.append(rig)
    try:
        await until(lambda: camera.status.value.availability is Availability.ONLINE)
        yield rig
    finally:
        card.detach()
        if card.task is not None:
            await asyncio.gather(card.task, return_exceptions=True)
        await peer.close()
        await mixer.close()
        await desk.close()
        slot.presets.close()
        await asyncio.wait_for(camera.close(), 5)
        await asyncio.wait_for(emulator.close(), 5)


async def speak_when_asked(rig: Rig) -> None:
    """The operator reads the prompt on the card, then says "một, hai, ba"."""
    await until(lambda: rig.card.prompt.isVisible(), timeout=10)
    assert rig.card.prompt_label.text() == ('Please say "một, hai, ba" into the lectern microphone')
    rig.desk.desk.speaking[LECTERN] = True


async def test_start_button_runs_the_check_live_and_shows_a_pass(rig: Rig) -> None:
    assert rig.card.start_button.text() == "Start the check"
    rig.click(rig.card.start_button)
    assert rig.card.running
    assert rig.card.start_button.text() == "Stop the check"
    await speak_when_asked(rig)
    await until(lambda: rig.card.verdict_state is not None, timeout=15)
    assert rig.card.verdict_state == "pass", [r.title.text() for r in rig.card.rows]
    assert rig.card.verdict_banner.text() == "✔ Everything is ready for the meeting"
    assert not rig.card.prompt.isVisible()
    assert len(rig.card.rows) == 7
    assert rig.row(CheckKind.CAMERA) == ("✔", "Camera: Cam 1", "Pass", "", "")
    assert rig.row(CheckKind.CODEC) == ("–", "Codec", "Not in this room", "", "")  # noqa: RUF001
    assert rig.card.rows[0].advice.isHidden()
    link = rig.row(CheckKind.BRIDGE_PATH)
    assert link[2] == "Pass" and link[3].startswith("packet loss 0.0 %, delay ")
    position = rig.emulator.cameras[0].position()
    assert (position.pan, position.tilt) == (400, 60)  # the camera went to the join shot
    saved = json.loads(rig.report_path.read_text(encoding="utf-8"))
    assert saved["verdict"] == "pass"
    assert rig.card.start_button.text() == "Check again"


async def test_silent_camera_and_lossy_link_fail_with_what_to_do(rig: Rig) -> None:
    rig.emulator.silent = True
    rig.peer.drop_rate = 0.3
    rig.settings = replace(
        FAST, probe=ProbeSettings(duration=0.8, interval=0.02, reply_timeout=0.3)
    )
    rig.card.start()
    await speak_when_asked(rig)
    await until(lambda: rig.card.verdict_state is not None, timeout=15)
    assert rig.card.verdict_state == "fail"
    assert rig.card.verdict_banner.text() == "✖ Not ready — follow the advice on the red lines"
    assert rig.row(CheckKind.CAMERA) == (
        "✖",
        "Camera: Cam 1",
        "Fail",
        "The camera does not answer",
        "What to do: Check the cable and the power",
    )
    icon, title, verdict, finding, advice = rig.row(CheckKind.BRIDGE_PATH)
    assert (icon, title, verdict) == ("✖", "Link to the bridge: 127.0.0.1", "Fail")
    assert finding.startswith("The link is poor — packet loss ")  # the measured figures
    assert advice == "What to do: Check the network cable and the router; call the provider"
    camera_row = next(row for row in rig.card.rows if row.item.kind is CheckKind.CAMERA)
    assert camera_row.finding.property("verdict") == "fail"  # drawn in red
    assert "timed out" in camera_row.toolTip()  # technical detail for the technician


async def test_skip_button_skips_the_guided_step(rig: Rig) -> None:
    rig.card.start()
    await until(lambda: rig.card.prompt.isVisible(), timeout=10)
    rig.click(rig.card.skip_button)
    await until(lambda: rig.card.verdict_state is not None, timeout=15)
    assert rig.row(CheckKind.MICROPHONE) == (
        "»",
        "Microphone: Table L",  # the lectern strip's name on the desk
        "Skipped",
        "Skipped by the operator",
        "",
    )
    assert rig.card.verdict_state == "pass"  # skipped does not count against the room


async def test_stop_cancels_the_running_check_and_it_can_start_again(rig: Rig) -> None:
    rig.settings = replace(FAST, signal_window=30.0)
    task = rig.card.start()
    assert task is not None
    assert rig.card.start() is None  # one check at a time
    await until(lambda: rig.card.prompt.isVisible(), timeout=10)
    rig.click(rig.card.start_button)  # now labelled "Stop the check"
    await until(lambda: task.done(), timeout=5)
    assert task.cancelled()
    assert rig.card.verdict_state == "stopped"
    assert not rig.card.prompt.isVisible()
    assert not rig.report_path.exists()  # a stopped check is no result
    kept = [row.item.kind for row in rig.card.rows]
    assert CheckKind.CAMERA in kept and CheckKind.MICROPHONE not in kept
    rig.settings = FAST
    rig.click(rig.card.start_button)
    assert rig.card.rows == []  # a fresh card for the new run
    await speak_when_asked(rig)
    await until(lambda: rig.card.verdict_state == "pass", timeout=15)


async def test_a_finished_card_switches_language_without_a_restart(
    rig: Rig, qapp: QApplication
) -> None:
    rig.card.start()
    await until(lambda: rig.card.prompt.isVisible(), timeout=10)
    rig.click(rig.card.skip_button)
    await until(lambda: rig.card.verdict_state == "pass", timeout=15)
    english = rig.card.verdict_banner.text()
    before = current_language()
    try:
        switch_language(qapp, "vi")
        _, title, verdict, finding, _ = rig.row(CheckKind.MICROPHONE)
        assert (title, verdict) == ("Micro: Table L", "Bỏ qua")
        assert finding == "Người vận hành đã bỏ qua"
        assert rig.row(CheckKind.CAMERA)[1:3] == ("Máy quay: Cam 1", "Đạt")
        assert rig.card.verdict_banner.text() not in ("", english)
    finally:
        switch_language(qapp, before)
    assert rig.row(CheckKind.CAMERA)[1:3] == ("Camera: Cam 1", "Pass")
    assert rig.card.verdict_banner.text() == english


def test_link_figures_follow_the_interface_language(qapp: QApplication) -> None:
    item = CheckItem(
        CheckKind.BRIDGE_PATH,
        "Cầu chính (127.0.0.1)",
        Verdict.FAIL,
        figures={"loss_percent": 30.7, "rtt_median_ms": 0.3, "jitter_ms": 12.25},
    )
    before = current_language()
    try:
        switch_language(qapp, "vi")
        assert link_figures(item) == "mất gói 30,7 %, độ trễ 0,3 ms, dao động trễ 12,3 ms"
        switch_language(qapp, "en")
        assert link_figures(item) == "packet loss 30.7 %, delay 0.3 ms, jitter 12.3 ms"
    finally:
        switch_language(qapp, before)
