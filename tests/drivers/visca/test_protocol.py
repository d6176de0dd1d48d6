"""Byte vectors for every VISCA command, inquiry and reply in shared/protocols/visca.md."""

from __future__ import annotations

import pytest

from drivers.errors import DeviceProtocolError
from drivers.visca import protocol as v
from drivers.visca.protocol import (
    ExposureMode,
    FocusAction,
    PanTiltDirection,
    PresetAction,
    WhiteBalanceMode,
    ZoomDirection,
)

D = PanTiltDirection

COMMAND_VECTORS: list[tuple[v.Command, str]] = [
    (v.power(True), "81 01 04 00 02 FF"),
    (v.power(False), "81 01 04 00 03 FF"),
    (v.zoom(ZoomDirection.STOP), "81 01 04 07 00 FF"),
    (v.zoom(ZoomDirection.TELE), "81 01 04 07 02 FF"),
    (v.zoom(ZoomDirection.WIDE), "81 01 04 07 03 FF"),
    (v.zoom(ZoomDirection.TELE, 5), "81 01 04 07 25 FF"),
    (v.zoom(ZoomDirection.WIDE, 0), "81 01 04 07 30 FF"),
    (v.zoom(ZoomDirection.WIDE, 7), "81 01 04 07 37 FF"),
    (v.zoom_direct(0x4000), "81 01 04 47 04 00 00 00 FF"),
    (v.zoom_direct(0x1A2B), "81 01 04 47 01 0A 02 0B FF"),
    (v.focus(FocusAction.STOP), "81 01 04 08 00 FF"),
    (v.focus(FocusAction.FAR), "81 01 04 08 02 FF"),
    (v.focus(FocusAction.NEAR), "81 01 04 08 03 FF"),
    (v.focus(FocusAction.FAR, 3), "81 01 04 08 23 FF"),
    (v.focus(FocusAction.NEAR, 7), "81 01 04 08 37 FF"),
    (v.focus_direct(0xC123), "81 01 04 48 0C 01 02 03 FF"),
    (v.focus(FocusAction.AUTO), "81 01 04 38 02 FF"),
    (v.focus(FocusAction.MANUAL), "81 01 04 38 03 FF"),
    (v.build("focus_toggle"), "81 01 04 38 10 FF"),
    (v.focus(FocusAction.ONE_PUSH), "81 01 04 18 01 FF"),
    (v.pan_tilt_drive(D.UP, 0x18, 0x17), "81 01 06 01 18 17 03 01 FF"),
    (v.pan_tilt_drive(D.DOWN, 1, 2), "81 01 06 01 01 02 03 02 FF"),
    (v.pan_tilt_drive(D.LEFT, 5, 5), "81 01 06 01 05 05 01 03 FF"),
    (v.pan_tilt_drive(D.RIGHT, 5, 5), "81 01 06 01 05 05 02 03 FF"),
    (v.pan_tilt_drive(D.UP_LEFT, 9, 9), "81 01 06 01 09 09 01 01 FF"),
    (v.pan_tilt_drive(D.UP_RIGHT, 9, 9), "81 01 06 01 09 09 02 01 FF"),
    (v.pan_tilt_drive(D.DOWN_LEFT, 9, 9), "81 01 06 01 09 09 01 02 FF"),
    (v.pan_tilt_drive(D.DOWN_RIGHT, 9, 9), "81 01 06 01 09 09 02 02 FF"),
    (v.pan_tilt_drive(None, 3, 4), "81 01 06 01 03 04 03 03 FF"),
    (v.pan_tilt_absolute(0, 0, 0x18, 0x14), "81 01 06 02 18 14 00 00 00 00 00 00 00 00 FF"),
    (v.pan_tilt_absolute(-1, 0x1234, 1, 1), "81 01 06 02 01 01 0F 0F 0F 0F 01 02 03 04 FF"),
    (v.pan_tilt_absolute(-0x8000, 0x7FFF, 1, 1), "81 01 06 02 01 01 08 00 00 00 07 0F 0F 0F FF"),
    (v.pan_tilt_relative(-2, 16, 2, 3), "81 01 06 03 02 03 0F 0F 0F 0E 00 00 01 00 FF"),
    (v.home(), "81 01 06 04 FF"),
    (v.reset(), "81 01 06 05 FF"),
    (v.preset(PresetAction.RESET, 0), "81 01 04 3F 00 00 FF"),
    (v.preset(PresetAction.SET, 5), "81 01 04 3F 01 05 FF"),
    (v.preset(PresetAction.RECALL, 2), "81 01 04 3F 02 02 FF"),
    (v.preset(PresetAction.RECALL, 0x80), "81 01 04 3F 02 80 FF"),
    (v.white_balance(WhiteBalanceMode.AUTO), "81 01 04 35 00 FF"),
    (v.white_balance(WhiteBalanceMode.INDOOR), "81 01 04 35 01 FF"),
    (v.white_balance(WhiteBalanceMode.OUTDOOR), "81 01 04 35 02 FF"),
    (v.white_balance(WhiteBalanceMode.ONE_PUSH), "81 01 04 35 03 FF"),
    (v.white_balance(WhiteBalanceMode.ATW), "81 01 04 35 04 FF"),
    (v.white_balance(WhiteBalanceMode.MANUAL), "81 01 04 35 05 FF"),
    (v.white_balance_trigger(), "81 01 04 10 05 FF"),
    (v.backlight(True), "81 01 04 33 02 FF"),
    (v.backlight(False), "81 01 04 33 03 FF"),
    (v.exposure(ExposureMode.AUTO), "81 01 04 39 00 FF"),
    (v.exposure(ExposureMode.MANUAL), "81 01 04 39 03 FF"),
    (v.exposure(ExposureMode.SHUTTER), "81 01 04 39 0A FF"),
    (v.exposure(ExposureMode.IRIS), "81 01 04 39 0B FF"),
    (v.exposure(ExposureMode.BRIGHT), "81 01 04 39 0D FF"),
    (v.if_clear(), "81 01 00 01 FF"),
    (v.cancel(1), "81 21 FF"),
    (v.cancel(2), "81 22 FF"),
]

INQUIRY_VECTORS: list[tuple[v.Command, str]] = [
    (v.inquire_power(), "81 09 04 00 FF"),
    (v.inquire_zoom(), "81 09 04 47 FF"),
    (v.inquire_focus_mode(), "81 09 04 38 FF"),
    (v.inquire_focus_position(), "81 09 04 48 FF"),
    (v.inquire_position(), "81 09 06 12 FF"),
    (v.inquire_max_speed(), "81 09 06 11 FF"),
    (v.inquire_version(), "81 09 00 02 FF"),
    (v.inquire_last_preset(), "81 09 04 3F FF"),
]


@pytest.mark.parametrize(("command", "wire"), COMMAND_VECTORS, ids=lambda x: getattr(x, "name", x))
def test_command_bytes(command: v.Command, wire: str) -> None:
    assert command.packet().hex(" ").upper() == wire
    assert not command.inquiry


@pytest.mark.parametrize(("command", "wire"), INQUIRY_VECTORS, ids=lambda x: getattr(x, "name", x))
def test_inquiry_bytes(command: v.Command, wire: str) -> None:
    assert command.packet().hex(" ").upper() == wire
    assert command.inquiry


@pytest.mark.parametrize(("command", "wire"), COMMAND_VECTORS + INQUIRY_VECTORS)
def test_parse_packet_round_trips(command: v.Command, wire: str) -> None:
    parsed = v.parse_packet(bytes.fromhex(wire))
    assert parsed is not None
    assert parsed.name == command.name
    assert parsed.address == 1
    assert v.build(command.name, **parsed.fields) == command


def test_packet_addresses_camera() -> None:
    assert v.power(True).packet(3).hex(" ") == "83 01 04 00 02 ff"
    assert v.power(True).packet(7)[0] == 0x87
    with pytest.raises(ValueError, match="address"):
        v.power(True).packet(8)
    with pytest.raises(ValueError, match="address"):
        v.power(True).packet(0)


def test_broadcast_packets() -> None:
    assert v.address_set_packet().hex(" ") == "88 30 01 ff"
    assert v.if_clear_broadcast_packet().hex(" ") == "88 01 00 01 ff"
    parsed = v.parse_packet(v.address_set_packet())
    assert parsed is not None and parsed.broadcast


@pytest.mark.parametrize(
    "make",
    [
        lambda: v.pan_tilt_drive(D.UP, 0, 1),
        lambda: v.pan_tilt_drive(D.UP, 1, 0x19),
        lambda: v.pan_tilt_drive(None, 0x19, 1),
        lambda: v.pan_tilt_absolute(0x8000, 0, 1, 1),
        lambda: v.pan_tilt_relative(0, -0x8001, 1, 1),
        lambda: v.zoom(ZoomDirection.TELE, 8),
        lambda: v.zoom(ZoomDirection.WIDE, -1),
        lambda: v.zoom_direct(0x10000),
        lambda: v.focus(FocusAction.FAR, 8),
        lambda: v.focus_direct(-1),
        lambda: v.preset(PresetAction.SET, 0xFF),
        lambda: v.preset(PresetAction.RECALL, -1),
        lambda: v.cancel(0),
    ],
)
def test_out_of_range_raises_value_error(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


def test_unknown_packet_parses_without_name() -> None:
    parsed = v.parse_packet(bytes.fromhex("81 01 04 99 FF"))
    assert parsed is not None
    assert parsed.name is None and parsed.payload == b"\x01\x04\x99"


@pytest.mark.parametrize("wire", ["90 41 FF", "81 01", "", "81 FF 00"])
def test_parse_packet_rejects_non_commands(wire: str) -> None:
    assert v.parse_packet(bytes.fromhex(wire)) is None


REPLY_VECTORS: list[tuple[str, v.Reply]] = [
    ("90 41 FF", v.Ack(1, 1)),
    ("90 42 FF", v.Ack(1, 2)),
    ("A0 41 FF", v.Ack(2, 1)),
    ("F0 42 FF", v.Ack(7, 2)),
    ("90 51 FF", v.Completion(1, 1)),
    ("90 52 FF", v.Completion(1, 2)),
    ("90 50 FF", v.Completion(1, 0)),  # answer to a one-camera IF_Clear
    ("90 50 02 FF", v.Completion(1, 0, b"\x02")),
    ("90 50 01 02 03 04 FF", v.Completion(1, 0, b"\x01\x02\x03\x04")),
    ("90 61 01 FF", v.ErrorReply(1, 1, v.ViscaErrorCode.MESSAGE_LENGTH)),
    ("90 60 02 FF", v.ErrorReply(1, 0, v.ViscaErrorCode.SYNTAX)),
    ("90 60 03 FF", v.ErrorReply(1, 0, v.ViscaErrorCode.BUFFER_FULL)),
    ("90 61 04 FF", v.ErrorReply(1, 1, v.ViscaErrorCode.CANCELED)),
    ("90 62 05 FF", v.ErrorReply(1, 2, v.ViscaErrorCode.NO_SOCKET)),
    ("90 61 41 FF", v.ErrorReply(1, 1, v.ViscaErrorCode.NOT_EXECUTABLE)),
    ("88 30 02 FF", v.AddressSetReply(2)),
    ("88 30 08 FF", v.AddressSetReply(8)),
    ("88 01 00 01 FF", v.IfClearReply(None)),
    ("B0 01 00 01 FF", v.IfClearReply(3)),
    ("90 38 FF", v.NetworkChange(1)),
    ("C0 38 FF", v.NetworkChange(4)),
]


@pytest.mark.parametrize(("wire", "reply"), REPLY_VECTORS)
def test_reply_decoding(wire: str, reply: v.Reply) -> None:
    decoder = v.ReplyDecoder()
    assert decoder.feed(bytes.fromhex(wire)) == [reply]
    assert decoder.garbage_bytes == 0


def test_unknown_error_code_stays_typed() -> None:
    (reply,) = v.ReplyDecoder().feed(bytes.fromhex("90 61 61 FF"))
    assert isinstance(reply, v.ErrorReply)
    assert reply.code == 0x61 and reply.code.name == "UNKNOWN_61"


@pytest.mark.parametrize(
    "wire",
    ["81 01 04 00 02 FF", "90 41 02 FF", "90 70 FF", "90 60 FF", "88 30 FF", "88 30 09 FF"],
)
def test_non_replies_count_as_garbage(wire: str) -> None:
    decoder = v.ReplyDecoder()
    assert decoder.feed(bytes.fromhex(wire)) == []
    assert decoder.garbage_bytes == len(bytes.fromhex(wire))


def test_over_long_packet_is_dropped_until_ff() -> None:
    decoder = v.ReplyDecoder()
    junk = bytes([0x90, 0x50]) + bytes(20) + b"\xff"
    assert decoder.feed(junk + bytes.fromhex("90 41 FF")) == [v.Ack(1, 1)]
    assert decoder.garbage_bytes == len(junk)


def test_split_reply_across_feeds() -> None:
    decoder = v.ReplyDecoder()
    assert decoder.feed(b"\x90") == []
    assert decoder.feed(b"\x50\x02") == []
    assert decoder.feed(b"\xff\x90\x41\xff\x90") == [v.Completion(1, 0, b"\x02"), v.Ack(1, 1)]


def test_command_decoder_frames_controller_packets() -> None:
    decoder = v.CommandDecoder()
    stream = bytes.fromhex("00 81 01 04 00 02 FF 88 30 01 FF 90 41 FF 82 09")
    assert decoder.feed(stream) == [
        bytes.fromhex("81 01 04 00 02 FF"),
        bytes.fromhex("88 30 01 FF"),
    ]
    assert decoder.feed(bytes.fromhex("04 00 FF")) == [bytes.fromhex("82 09 04 00 FF")]
    assert decoder.garbage_bytes == 4


# --- inquiry data ------------------------------------------------------------------------------


def test_inquiry_parsers() -> None:
    assert v.parse_power(b"\x02") is True
    assert v.parse_power(b"\x03") is False
    assert v.parse_focus_auto(b"\x02") is True
    assert v.parse_focus_auto(b"\x03") is False
    assert v.parse_zoom(bytes.fromhex("01 0A 02 0B")) == 0x1A2B
    assert v.parse_position(bytes.fromhex("0F 0F 0F 0F 00 01 02 03")) == (-1, 0x123)
    assert v.parse_position(bytes.fromhex("08 00 00 00 07 0F 0F 0F")) == (-0x8000, 0x7FFF)
    assert v.parse_position(bytes.fromhex("0F 0F 0F 0F 0E 00 00 00 10".replace("10", "01"))) == (
        -2,
        1,
    )
    assert v.parse_max_speed(b"\x18\x17") == (0x18, 0x17)
    assert v.parse_version(bytes.fromhex("00 01 04 0E 01 23 02")) == v.VersionInfo(
        vendor=1, model=0x040E, rom=0x0123, max_socket=2
    )
    assert v.parse_last_preset(b"\x05") == 5


@pytest.mark.parametrize(
    ("parser", "data"),
    [
        (v.parse_power, b"\x04"),
        (v.parse_power, b""),
        (v.parse_focus_auto, b"\x02\x02"),
        (v.parse_zoom, b"\x01\x02\x03"),
        (v.parse_zoom, b"\x10\x00\x00\x00"),
        (v.parse_position, b"\x00" * 7),
        (v.parse_version, b"\x00" * 6),
        (v.parse_last_preset, b""),
        (v.parse_max_speed, b"\x01"),
    ],
)
def test_inquiry_parsers_reject_malformed(parser: object, data: bytes) -> None:
    with pytest.raises(DeviceProtocolError):
        parser(data)  # type: ignore[operator]


# --- Sony VISCA over IP ------------------------------------------------------------------------


def test_sony_frame_matches_manual_example() -> None:
    frame = v.sony_frame(v.SonyPayloadType.COMMAND, v.power(True).packet(), 0)
    assert frame.hex(" ") == "01 00 00 06 00 00 00 00 81 01 04 00 02 ff"


@pytest.mark.parametrize("kind", list(v.SonyPayloadType))
def test_sony_frame_round_trip(kind: v.SonyPayloadType) -> None:
    datagram = v.sony_frame(kind, b"\x90\x41\xff", 0xDEADBEEF)
    assert v.parse_sony_frame(datagram) == v.SonyFrame(kind, 0xDEADBEEF, b"\x90\x41\xff")


def test_sony_control_reset_bytes() -> None:
    reset = v.sony_frame(v.SonyPayloadType.CONTROL, v.CONTROL_RESET, 7)
    assert reset.hex(" ") == "02 00 00 01 00 00 00 07 01"
    reply = v.sony_frame(v.SonyPayloadType.CONTROL_REPLY, v.CONTROL_RESET, 7)
    assert reply.hex(" ") == "02 01 00 01 00 00 00 07 01"


@pytest.mark.parametrize(
    "datagram",
    [
        "01 00 00 06 00 00 00",  # short header
        "01 00 00 00 00 00 00 00",  # no payload
        "03 00 00 01 00 00 00 00 01",  # unknown type
        "01 00 00 05 00 00 00 00 81 01 04 00 02 FF",  # length mismatch
    ],
)
def test_parse_sony_frame_rejects_bad_headers(datagram: str) -> None:
    with pytest.raises(DeviceProtocolError):
        v.parse_sony_frame(bytes.fromhex(datagram))
    with pytest.raises(ValueError):
        v.parse_sony_frame(bytes.fromhex(datagram))


def test_sony_frame_validates() -> None:
    with pytest.raises(ValueError):
        v.sony_frame(v.SonyPayloadType.COMMAND, b"", 0)
    with pytest.raises(ValueError):
        v.sony_frame(v.SonyPayloadType.COMMAND, b"\x81" * 17, 0)
    with pytest.raises(ValueError):
        v.sony_frame(v.SonyPayloadType.COMMAND, b"\x81\xff", 1 << 32)
    assert v.next_sequence(0xFFFFFFFF) == 0
