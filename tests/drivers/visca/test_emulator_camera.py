"""EmulatedCamera and CameraChain behaviour on a fake clock (no I/O): Sony-manual behaviour."""

from __future__ import annotations

import pytest

from drivers.roles.camera import CameraLimits, PtzPosition
from drivers.visca import protocol as v
from drivers.visca.emulated_camera import EmulatedCamera
from drivers.visca.emulated_chain import CameraChain
from drivers.visca.emulated_motion import CameraModel
from drivers.visca.protocol import FocusAction, PanTiltDirection, PresetAction, ZoomDirection


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cam(clock: FakeClock) -> EmulatedCamera:
    return EmulatedCamera(clock=clock)


def send(camera: EmulatedCamera, command: v.Command) -> list[v.Reply]:
    return v.ReplyDecoder().feed(b"".join(camera.handle(command.packet(camera.address))))


def due(camera: EmulatedCamera) -> list[v.Reply]:
    return v.ReplyDecoder().feed(b"".join(packet for _, packet in camera.poll()))


def test_drive_acks_completes_at_once_and_moves_with_speed(
    cam: EmulatedCamera, clock: FakeClock
) -> None:
    assert send(cam, v.pan_tilt_drive(PanTiltDirection.UP_RIGHT, 10, 5)) == [
        v.Ack(1, 1),
        v.Completion(1, 1),
    ]
    clock.now += 1.0
    unit = cam.model.pan_tilt_units_per_speed
    assert cam.position().pan == round(10 * unit)
    assert cam.position().tilt == round(5 * unit)
    assert cam.moving
    assert send(cam, v.pan_tilt_drive(None)) == [v.Ack(1, 1), v.Completion(1, 1)]
    stopped = cam.position()
    clock.now += 1.0
    assert cam.position() == stopped and not cam.moving


def test_drive_stops_at_mechanical_limit(cam: EmulatedCamera, clock: FakeClock) -> None:
    send(cam, v.pan_tilt_drive(PanTiltDirection.LEFT, 0x18, 1))
    clock.now += 60
    assert cam.position().pan == cam.model.pan_range[0]
    assert not cam.moving


def test_absolute_move_completes_after_motion_time(cam: EmulatedCamera, clock: FakeClock) -> None:
    speed = 0x10
    assert send(cam, v.pan_tilt_absolute(880, -440, speed, speed)) == [v.Ack(1, 1)]
    travel = 880 / (speed * cam.model.pan_tilt_units_per_speed)
    assert cam.next_due() == pytest.approx(clock.now + travel)
    clock.now += travel / 2
    assert due(cam) == []
    assert 0 < cam.position().pan < 880
    clock.now += travel / 2 + 0.001
    assert due(cam) == [v.Completion(1, 1)]
    assert (cam.position().pan, cam.position().tilt) == (880, -400)  # tilt clamped to range
    assert cam.next_due() is None


def test_relative_move_adds_to_position(cam: EmulatedCamera, clock: FakeClock) -> None:
    cam.nudge(pan=100)
    send(cam, v.pan_tilt_relative(-300, 50, 0x18, 0x17))
    clock.now += 10
    assert due(cam) == [v.Completion(1, 1)]
    assert (cam.position().pan, cam.position().tilt) == (-200, 50)


def test_two_sockets_then_buffer_full(cam: EmulatedCamera, clock: FakeClock) -> None:
    assert send(cam, v.pan_tilt_absolute(2000, 0, 1, 1)) == [v.Ack(1, 1)]
    assert send(cam, v.zoom_direct(0x4000)) == [v.Ack(1, 2)]
    assert send(cam, v.power(False)) == [v.ErrorReply(1, 0, v.ViscaErrorCode.BUFFER_FULL)]
    # Inquiries use no socket and are answered even now.
    assert send(cam, v.inquire_power()) == [v.Completion(1, 0, b"\x02")]
    clock.now += 3
    assert due(cam) == [v.Completion(1, 2)]
    assert send(cam, v.home()) == [v.Completion(1, 1), v.Ack(1, 1)]  # home supersedes the move


def test_unknown_command_is_syntax_error(cam: EmulatedCamera) -> None:
    assert cam.handle(bytes.fromhex("81 01 04 99 FF")) == [bytes.fromhex("90 60 02 FF")]
    assert cam.handle(bytes.fromhex("81 FF")) == [bytes.fromhex("90 60 01 FF")]


@pytest.mark.parametrize(
    "command",
    [
        v.pan_tilt_drive(PanTiltDirection.UP, 0x19 - 1, 0x18),  # tilt above 17h (EVI-D70)
        v.preset(PresetAction.RECALL, 6),  # beyond the 6-preset capacity
    ],
)
def test_parameters_outside_model_limits_are_syntax_errors(
    cam: EmulatedCamera, command: v.Command
) -> None:
    assert send(cam, command) == [v.ErrorReply(1, 0, v.ViscaErrorCode.SYNTAX)]


def test_focus_far_not_executable_in_auto_focus(cam: EmulatedCamera, clock: FakeClock) -> None:
    assert cam.focus_auto
    error = v.ErrorReply(1, 1, v.ViscaErrorCode.NOT_EXECUTABLE)
    assert send(cam, v.focus(FocusAction.FAR)) == [error]
    assert send(cam, v.focus(FocusAction.NEAR, 3)) == [error]
    assert send(cam, v.focus(FocusAction.MANUAL)) == [v.Ack(1, 1), v.Completion(1, 1)]
    assert send(cam, v.inquire_focus_mode()) == [v.Completion(1, 0, b"\x03")]
    before = cam.position().focus
    assert send(cam, v.focus(FocusAction.FAR, 7)) == [v.Ack(1, 1), v.Completion(1, 1)]
    clock.now += 0.5
    assert cam.position().focus == before + round(0.5 * 8 * cam.model.focus_units_per_speed)


def test_moves_not_executable_in_standby(cam: EmulatedCamera, clock: FakeClock) -> None:
    assert send(cam, v.power(False)) == [v.Ack(1, 1)]
    clock.now += cam.model.power_time
    assert due(cam) == [v.Completion(1, 1)]
    assert not cam.power_on
    assert send(cam, v.inquire_power()) == [v.Completion(1, 0, b"\x03")]
    error = v.ErrorReply(1, 1, v.ViscaErrorCode.NOT_EXECUTABLE)
    assert send(cam, v.pan_tilt_drive(PanTiltDirection.LEFT, 5, 5)) == [error]
    assert send(cam, v.zoom(ZoomDirection.TELE)) == [error]
    assert send(cam, v.home()) == [error]
    assert cam.position() == PtzPosition(0, 0, 0, 0x1000)


def test_zoom_variable_and_direct(cam: EmulatedCamera, clock: FakeClock) -> None:
    send(cam, v.zoom(ZoomDirection.TELE, 7))
    clock.now += 0.5
    assert cam.position().zoom == round(0.5 * 8 * cam.model.zoom_units_per_speed)
    send(cam, v.zoom(ZoomDirection.STOP))
    assert send(cam, v.zoom_direct(0x1000)) == [v.Ack(1, 1)]
    clock.now += 5
    assert due(cam) == [v.Completion(1, 1)]
    assert send(cam, v.inquire_zoom()) == [v.Completion(1, 0, b"\x01\x00\x00\x00")]


def test_presets_set_recall_reset(cam: EmulatedCamera, clock: FakeClock) -> None:
    cam.nudge(pan=-500, tilt=300, zoom=0x2000)
    assert send(cam, v.preset(PresetAction.SET, 2)) == [v.Ack(1, 1), v.Completion(1, 1)]
    assert cam.presets[2] == PtzPosition(-500, 300, 0x2000, 0x1000)
    send(cam, v.home())
    clock.now += 10
    due(cam)
    assert send(cam, v.preset(PresetAction.RECALL, 2)) == [v.Ack(1, 1)]
    clock.now += 10
    assert due(cam) == [v.Completion(1, 1)]
    assert cam.position() == cam.presets[2]
    assert send(cam, v.inquire_last_preset()) == [v.Completion(1, 0, b"\x02")]
    send(cam, v.preset(PresetAction.RESET, 2))
    assert 2 not in cam.presets


def test_no_preset_memory_refuses_presets(clock: FakeClock) -> None:
    cam = EmulatedCamera(limits=CameraLimits(has_preset_memory=False), clock=clock)
    assert send(cam, v.preset(PresetAction.SET, 0)) == [v.ErrorReply(1, 0, v.ViscaErrorCode.SYNTAX)]


def test_inquiries(cam: EmulatedCamera) -> None:
    cam.nudge(pan=-2, tilt=0x123)
    assert send(cam, v.inquire_position()) == [
        v.Completion(1, 0, bytes.fromhex("0F0F0F0E00010203"))
    ]
    (reply,) = send(cam, v.inquire_version())
    assert isinstance(reply, v.Completion)
    assert v.parse_version(reply.data) == v.VersionInfo(1, 0x040E, 0x0100, 2)
    (reply,) = send(cam, v.inquire_max_speed())
    assert isinstance(reply, v.Completion) and v.parse_max_speed(reply.data) == (0x18, 0x17)
    (reply,) = send(cam, v.inquire_focus_position())
    assert isinstance(reply, v.Completion) and v.parse_zoom(reply.data) == 0x1000


def test_cancel_socket(cam: EmulatedCamera, clock: FakeClock) -> None:
    send(cam, v.pan_tilt_absolute(2000, 0, 1, 1))
    clock.now += 1
    assert send(cam, v.cancel(1)) == [v.ErrorReply(1, 1, v.ViscaErrorCode.CANCELED)]
    stopped = cam.position()
    clock.now += 1
    assert cam.position() == stopped and due(cam) == []
    assert send(cam, v.cancel(2)) == [v.ErrorReply(1, 2, v.ViscaErrorCode.NO_SOCKET)]


def test_if_clear_drops_running_commands(cam: EmulatedCamera, clock: FakeClock) -> None:
    send(cam, v.zoom_direct(0x4000))
    assert send(cam, v.if_clear()) == [v.Completion(1, 0)]  # 90 50 FF
    clock.now += 10
    assert due(cam) == [] and cam.busy_sockets == []


def test_one_way_camera_executes_silently(clock: FakeClock) -> None:
    cam = EmulatedCamera(limits=CameraLimits(replies=False), clock=clock)
    assert cam.handle(v.pan_tilt_drive(PanTiltDirection.RIGHT, 1, 1).packet()) == []
    clock.now += 1
    assert cam.position().pan > 0


def test_completion_goes_back_to_its_sender(cam: EmulatedCamera, clock: FakeClock) -> None:
    cam.handle(v.zoom_direct(0x4000).packet(), origin="a")
    assert cam.handle(v.zoom(ZoomDirection.STOP).packet(), origin="b") == [
        bytes.fromhex("90 41 FF"),
        bytes.fromhex("90 51 FF"),
    ]
    assert cam.poll() == [("a", bytes.fromhex("90 51 FF"))]


def test_chain_address_set_and_routing(clock: FakeClock) -> None:
    chain = CameraChain([EmulatedCamera(address=5, clock=clock) for _ in range(3)])
    assert chain.receive(v.address_set_packet()) == [bytes.fromhex("88 30 04 FF")]
    assert [c.address for c in chain.cameras] == [1, 2, 3]
    replies = chain.receive(v.power(False).packet(3) + v.inquire_power().packet(2))
    assert replies == [bytes.fromhex("B0 41 FF"), bytes.fromhex("A0 50 02 FF")]
    assert chain.receive(v.inquire_power().packet(6)) == []  # nobody there: silence
    assert chain.next_due() == pytest.approx(clock.now + CameraModel().power_time)
    clock.now += 1
    assert chain.poll() == [(None, bytes.fromhex("B0 51 FF"))]


def test_chain_if_clear_broadcast_echoes_once(clock: FakeClock) -> None:
    chain = CameraChain([EmulatedCamera(address=a, clock=clock) for a in (1, 2)])
    chain.receive(v.zoom_direct(0x4000).packet(2))
    assert chain.receive(v.if_clear_broadcast_packet()) == [v.if_clear_broadcast_packet()]
    assert chain.cameras[1].busy_sockets == []


def test_chain_split_packets(clock: FakeClock) -> None:
    chain = CameraChain([EmulatedCamera(clock=clock)])
    packet = v.inquire_power().packet()
    assert chain.receive(packet[:2]) == []
    assert chain.receive(packet[2:]) == [bytes.fromhex("90 50 02 FF")]


@pytest.mark.parametrize(
    ("packet", "pan_sign", "tilt_sign"),
    [
        ("810106010c000103ff", -1, 0),  # left, tilt speed 00: what third-party controllers send
        ("810106010c000203ff", 1, 0),  # right
        ("8101060100090301ff", 0, 1),  # up, pan speed 00
        ("8101060100090302ff", 0, -1),  # down
    ],
)
def test_single_axis_drive_accepts_speed_00_on_the_idle_axis(
    cam: EmulatedCamera, clock: FakeClock, packet: str, pan_sign: int, tilt_sign: int
) -> None:
    replies = v.ReplyDecoder().feed(b"".join(cam.handle(bytes.fromhex(packet))))
    assert replies == [v.Ack(1, 1), v.Completion(1, 1)]
    clock.now += 1.0
    position = cam.position()
    assert (position.pan > 0) - (position.pan < 0) == pan_sign
    assert (position.tilt > 0) - (position.tilt < 0) == tilt_sign


@pytest.mark.parametrize(
    "packet",
    ["8101060100000301ff", "8101060100000103ff", "8101060100000101ff", "810106010c000101ff"],
)
def test_speed_00_on_a_moving_axis_is_still_a_syntax_error(
    cam: EmulatedCamera, packet: str
) -> None:
    replies = v.ReplyDecoder().feed(b"".join(cam.handle(bytes.fromhex(packet))))
    assert replies == [v.ErrorReply(1, 0, v.ViscaErrorCode.SYNTAX)]
