"""Pre-meeting check against the real emulators (VISCA, X32), a real baresip and an echo peer."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from console_helpers import until

from console.config import RoomProfile
from console.config.codec import BridgeKind, BridgeProfile
from console.echo_peer import UdpEchoPeer
from console.netprobe import PathTarget, ProbeSettings
from console.presets import PresetBook
from console.room import CameraSlot, Room
from console.services.precheck import CheckProgress, CheckSettings, PreMeetingCheck
from console.services.precheck_report import (
    Advice,
    CheckItem,
    CheckKind,
    Finding,
    Prompt,
    Verdict,
    default_report_path,
    overall,
)
from console.services.precheck_target import path_target_for
from drivers.baresip.bridge import start_online
from drivers.baresip.codec import BaresipCodec
from drivers.errors import Problem
from drivers.roles.base import Availability
from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca.camera import ViscaCamera
from drivers.visca.emulator import ViscaEmulator
from drivers.x32.emulator import X32Emulator
from drivers.x32.mixer import X32Mixer

LIMITS = CameraLimits(preset_capacity=4)
JOIN_PRESET = 1
LECTERN = 3
FAST = CheckSettings(
    camera_timeout=3.0,
    mixer_timeout=3.0,
    signal_window=3.0,
    codec_timeout=3.0,
    probe=ProbeSettings(duration=0.5, interval=0.02, tcp_interval=0.1, reply_timeout=0.3),
    disk_warn_bytes=0,
    disk_fail_bytes=0,
    cpu_warn_percent=101.0,  # the test machine's load must not decide the verdict
)


@dataclass
class Rig:
    """Two emulated cameras, an emulated desk and an echo peer, with their drivers."""

    emulators: list[ViscaEmulator]
    slots: list[CameraSlot]
    desk: X32Emulator
    mixer: X32Mixer
    peer: UdpEchoPeer

    def check(self, **kwargs: object) -> PreMeetingCheck:
        options: dict[str, object] = {
            "cameras": self.slots,
            "join_preset": JOIN_PRESET,
            "mixer": self.mixer,
            "lectern_channel": LECTERN,
            "bridge_path": PathTarget("127.0.0.1", self.peer.port),
            "settings": FAST,
        }
        options.update(kwargs)
        return PreMeetingCheck(**options)  # type: ignore[arg-type]


async def camera_slot(index: int) -> tuple[ViscaEmulator, CameraSlot]:
    emulator = ViscaEmulator(cameras=1, limits=LIMITS)
    await asyncio.wait_for(emulator.start("tcp:127.0.0.1:0"), 5)
    emulator.cameras[0].presets[JOIN_PRESET] = PtzPosition(300 * index, 50, 4000)
    camera = ViscaCamera(f"Cam {index}", emulator.endpoint, limits=LIMITS, command_timeout=1.0)
    await camera.start()
    book = PresetBook(camera, [], LIMITS)
    return emulator, CameraSlot(f"cam{index}", camera.name, camera, book)


@pytest.fixture
async def rig() -> AsyncIterator[Rig]:
    pairs = [await camera_slot(i) for i in (1, 2)]
    desk = X32Emulator("x32", auto_talker=None)
    await desk.start("127.0.0.1:0")
    mixer = X32Mixer(
        "Desk", "127.0.0.1", desk.port, read_timeout=0.5, name_overrides={LECTERN: "Lectern"}
    )
    await mixer.start()
    peer = UdpEchoPeer()
    await peer.start()
    rig = Rig([e for e, _ in pairs], [s for _, s in pairs], desk, mixer, peer)
    for slot in rig.slots:
        await until(lambda s=slot: s.camera.status.value.availability is Availability.ONLINE)
    try:
        yield rig
    finally:
        await peer.close()
        await mixer.close()
        await desk.close()
        for slot, emulator in zip(rig.slots, rig.emulators, strict=True):
            slot.presets.close()
            await asyncio.wait_for(slot.camera.close(), 5)
            await asyncio.wait_for(emulator.close(), 5)


def speak_when_prompted(check: PreMeetingCheck, desk: X32Emulator) -> None:
    """The operator says "một, hai, ba" when (and only when) the prompt appears."""

    def on_progress(progress: CheckProgress) -> None:
        if progress.prompt is Prompt.SAY_MOT_HAI_BA:
            desk.desk.speaking[LECTERN] = True

    check.progress.subscribe(on_progress)


def by_kind(items: tuple[CheckItem, ...], kind: CheckKind) -> list[CheckItem]:
    return [item for item in items if item.kind is kind]


def unused_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_everything_fine_passes_and_cameras_reach_the_join_preset(
    rig: Rig, tmp_path: Path
) -> None:
    check = rig.check()
    speak_when_prompted(check, rig.desk)
    report = await asyncio.wait_for(check.run(), 20)
    assert report.verdict is Verdict.PASS, report.to_json()
    cameras = by_kind(report.items, CheckKind.CAMERA)
    assert [c.subject for c in cameras] == ["Cam 1", "Cam 2"]
    for index, emulator in enumerate(rig.emulators, start=1):
        position = emulator.cameras[0].position()
        assert (position.pan, position.tilt) == (300 * index, 50)
    (signal,) = by_kind(report.items, CheckKind.MICROPHONE)
    assert signal.verdict is Verdict.PASS and signal.figures["channel"] == LECTERN
    assert signal.subject == "Lectern"  # the strip the operator speaks into, not the desk
    (codec,) = by_kind(report.items, CheckKind.CODEC)
    assert codec.verdict is Verdict.NOT_APPLICABLE  # the profile has no codec
    (path,) = by_kind(report.items, CheckKind.BRIDGE_PATH)
    assert path.verdict is Verdict.PASS and path.figures["loss_percent"] == 0.0
    assert path.subject == "127.0.0.1"  # a target without a label: the host alone
    assert not check.progress.value.running
    saved = tmp_path / "last-precheck.json"
    report.save(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["verdict"] == "pass"
    assert len(data["items"]) == len(report.items) == 8


async def test_silent_camera_fails_with_cable_advice(rig: Rig) -> None:
    rig.emulators[1].silent = True
    check = rig.check()
    speak_when_prompted(check, rig.desk)
    report = await asyncio.wait_for(check.run(), 20)
    assert report.verdict is Verdict.FAIL
    good, silent = by_kind(report.items, CheckKind.CAMERA)
    assert good.verdict is Verdict.PASS
    assert silent.subject == "Cam 2"
    assert silent.verdict is Verdict.FAIL
    assert silent.finding is Finding.CAMERA_NOT_ANSWERING
    assert silent.advice is Advice.CHECK_CABLE_AND_POWER
    assert silent.problem is Problem.NOT_ANSWERING


async def test_join_preset_the_camera_cannot_hold_fails_as_preset_not_reached(rig: Rig) -> None:
    check = rig.check(join_preset=9, mixer=None, bridge_path=None)
    report = await asyncio.wait_for(check.run(), 20)
    for item in by_kind(report.items, CheckKind.CAMERA):
        assert item.verdict is Verdict.FAIL
        assert item.finding is Finding.CAMERA_PRESET_NOT_REACHED
        assert item.advice is Advice.CHECK_PRESET


async def test_mixer_gone_fails_and_skips_the_microphone_step(rig: Rig) -> None:
    rig.desk.silent = True
    check = rig.check()
    prompts: list[Prompt | None] = []
    check.progress.subscribe(lambda p: prompts.append(p.prompt))
    report = await asyncio.wait_for(check.run(), 20)
    (mixer,) = by_kind(report.items, CheckKind.MIXER)
    assert mixer.verdict is Verdict.FAIL
    assert mixer.finding is Finding.MIXER_NOT_ANSWERING
    assert mixer.problem is Problem.NOT_ANSWERING
    (signal,) = by_kind(report.items, CheckKind.MICROPHONE)
    assert signal.verdict is Verdict.SKIPPED
    assert Prompt.SAY_MOT_HAI_BA not in prompts  # nobody is asked to speak into a dead desk
    assert report.verdict is Verdict.FAIL


async def test_nobody_speaks_fails_the_microphone_step(rig: Rig) -> None:
    check = rig.check(settings=CheckSettings(**{**FAST.__dict__, "signal_window": 0.8}))
    report = await asyncio.wait_for(check.run(), 20)
    (signal,) = by_kind(report.items, CheckKind.MICROPHONE)
    assert signal.verdict is Verdict.FAIL
    assert signal.finding is Finding.NO_MICROPHONE_SIGNAL
    assert signal.advice is Advice.CHECK_MICROPHONE


async def test_operator_can_skip_the_guided_step(rig: Rig) -> None:
    check = rig.check()

    def on_progress(progress: CheckProgress) -> None:
        if progress.prompt is Prompt.SAY_MOT_HAI_BA:
            check.skip_prompt()

    check.progress.subscribe(on_progress)
    report = await asyncio.wait_for(check.run(), 20)
    (signal,) = by_kind(report.items, CheckKind.MICROPHONE)
    assert signal.verdict is Verdict.SKIPPED
    assert signal.finding is Finding.SKIPPED_BY_OPERATOR
    assert report.verdict is Verdict.PASS


async def test_dead_bridge_fails_as_unreachable(rig: Rig) -> None:
    target = PathTarget("127.0.0.1", unused_udp_port(), label="Cầu chính")
    check = rig.check(cameras=(), mixer=None, bridge_path=target)
    report = await asyncio.wait_for(check.run(), 20)
    (path,) = by_kind(report.items, CheckKind.BRIDGE_PATH)
    assert path.subject == "Cầu chính (127.0.0.1)"
    assert path.verdict is Verdict.FAIL
    assert path.finding is Finding.BRIDGE_UNREACHABLE
    assert path.problem is Problem.CONNECTION_REFUSED
    assert path.advice is Advice.CHECK_NETWORK


async def test_lossy_path_fails_as_poor_with_the_loss_figure(rig: Rig) -> None:
    rig.peer.drop_rate = 0.2
    settings = CheckSettings(
        **{**FAST.__dict__, "probe": ProbeSettings(duration=1.0, interval=0.02, reply_timeout=0.3)}
    )
    check = rig.check(cameras=(), mixer=None, settings=settings)
    report = await asyncio.wait_for(check.run(), 20)
    (path,) = by_kind(report.items, CheckKind.BRIDGE_PATH)
    assert path.verdict is Verdict.FAIL
    assert path.finding is Finding.BRIDGE_PATH_POOR
    loss = path.figures["loss_percent"]
    assert isinstance(loss, float) and 10.0 < loss < 35.0
    assert path.figures["causes"] == "loss"


async def test_absent_devices_are_not_applicable_and_the_computer_is_checked(
    tmp_path: Path,
) -> None:
    settings = CheckSettings(**{**FAST.__dict__, "disk_fail_bytes": 1 << 62, "cpu_warn_percent": 0})
    check = PreMeetingCheck(disk_path=tmp_path, settings=settings)
    report = await asyncio.wait_for(check.run(), 10)
    verdicts = {item.kind: item.verdict for item in report.items}
    for kind in (CheckKind.CAMERA, CheckKind.MIXER, CheckKind.MICROPHONE, CheckKind.CODEC):
        assert verdicts[kind] is Verdict.NOT_APPLICABLE
    assert verdicts[CheckKind.BRIDGE_PATH] is Verdict.NOT_APPLICABLE
    (disk,) = by_kind(report.items, CheckKind.DISK)
    assert disk.finding is Finding.DISK_FULL and disk.advice is Advice.FREE_DISK_SPACE
    (cpu,) = by_kind(report.items, CheckKind.CPU)
    assert cpu.verdict is Verdict.WARN and cpu.finding is Finding.CPU_BUSY
    assert report.verdict is Verdict.FAIL


async def test_codec_online_passes_and_codec_not_running_fails() -> None:
    running = await start_online(BaresipCodec("room"))
    stopped = BaresipCodec("spare")
    try:
        ok = await asyncio.wait_for(PreMeetingCheck(codec=running, settings=FAST).run(), 10)
        quick = CheckSettings(**{**FAST.__dict__, "codec_timeout": 0.5})
        bad = await asyncio.wait_for(PreMeetingCheck(codec=stopped, settings=quick).run(), 10)
    finally:
        await running.close()
        await stopped.close()
    (item,) = by_kind(ok.items, CheckKind.CODEC)
    assert item.verdict is Verdict.PASS
    assert item.figures["registration"] == "not_required"
    (item,) = by_kind(bad.items, CheckKind.CODEC)
    assert item.verdict is Verdict.FAIL
    assert item.finding is Finding.CODEC_NOT_READY


async def test_for_room_finds_the_mixer_among_the_room_devices(rig: Rig) -> None:
    room = Room(RoomProfile(), rig.slots, devices=[rig.mixer])
    check = PreMeetingCheck.for_room(room, settings=FAST)
    assert check.mixer is rig.mixer
    assert check.codec is None
    assert [s.name for s in check.cameras] == ["Cam 1", "Cam 2"]


def test_overall_ignores_not_applicable_and_skipped() -> None:
    items = [
        CheckItem(CheckKind.CAMERA, "", Verdict.NOT_APPLICABLE),
        CheckItem(CheckKind.MICROPHONE, "", Verdict.SKIPPED),
        CheckItem(CheckKind.DISK, "", Verdict.WARN, Finding.DISK_LOW),
    ]
    assert overall(items) is Verdict.WARN
    assert overall(items[:2]) is Verdict.PASS
    assert default_report_path().name == "last-precheck.json"


@pytest.mark.parametrize(
    ("kind", "dial", "expected"),
    [
        ("sip", "sip:1234@bridge.tinh.gov.vn", ("bridge.tinh.gov.vn", 5060, 5060)),
        ("sip", "sip:room@10.1.2.3:5070", ("10.1.2.3", 5070, 5070)),
        ("sip", "sip:room@10.1.2.3;transport=tcp", ("10.1.2.3", None, 5060)),
        ("sip", "sips:room@mcu.example.vn", ("mcu.example.vn", None, 5061)),
        ("sip", "room@[2001:db8::1]:5080", ("2001:db8::1", 5080, 5080)),
        ("h323", "h323:4455@192.168.1.20", ("192.168.1.20", None, 1720)),
        ("h323", "192.168.1.20##4455", ("192.168.1.20", None, 1720)),
        ("ip", "10.0.0.9", ("10.0.0.9", None, 1720)),
        ("jitsi", "https://meet.tinh.vn/giaoban", ("meet.tinh.vn", None, 443)),
        ("sip", "sip:123456", None),  # dialled through the registrar: no host to probe
        ("h323", "4455", None),
    ],
)
def test_path_target_from_the_bridge_dial_string(
    kind: str, dial: str, expected: tuple[str, int | None, int] | None
) -> None:
    bridge = BridgeProfile(id="b", name="Cầu", kind=BridgeKind(kind), dial_string=dial)
    target = path_target_for(bridge, udp_echo_port=None)
    if expected is None:
        assert target is None
    else:
        assert target is not None
        assert (target.host, target.sip_port, target.tcp_port) == expected
        assert target.label == "Cầu"  # the card names the bridge as the operator knows it


async def test_one_way_camera_is_sent_to_the_preset_but_only_warns() -> None:
    limits = CameraLimits(preset_capacity=4, replies=False)
    emulator = ViscaEmulator(cameras=1, limits=limits)
    await asyncio.wait_for(emulator.start("tcp:127.0.0.1:0"), 5)
    emulator.one_way = True
    emulator.cameras[0].presets[JOIN_PRESET] = PtzPosition(-400, 30, 2000)
    camera = ViscaCamera("Cam one-way", emulator.endpoint, limits=limits)
    await camera.start()
    slot = CameraSlot("oneway", camera.name, camera, PresetBook(camera, [], limits))
    try:
        await until(lambda: camera.status.value.availability is Availability.ONLINE)
        report = await asyncio.wait_for(
            PreMeetingCheck(cameras=[slot], join_preset=JOIN_PRESET, settings=FAST).run(), 10
        )
        position = emulator.cameras[0]
        await until(lambda: (position.position().pan, position.position().tilt) == (-400, 30))
    finally:
        slot.presets.close()
        await asyncio.wait_for(camera.close(), 5)
        await asyncio.wait_for(emulator.close(), 5)
    (item,) = by_kind(report.items, CheckKind.CAMERA)
    assert item.verdict is Verdict.WARN
    assert item.finding is Finding.CAMERA_UNVERIFIED
    assert report.verdict is Verdict.WARN
